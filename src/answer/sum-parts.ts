// A sum of one department's figures set against what the document prints of them: parts that make up a printed whole
// exactly (基本支出 + 项目支出 = 支出合计) are checked against that whole, said beside the sum; a part named with the
// whole it lies in (人员经费和基本支出) is never added to it.
import type { Target } from '../query/ast.ts';
import { metric as metricOf, metrics, MEASURES } from '../store/metrics.ts';
import { shown, type Operand } from './computation.ts';
import { fromCell, show, type Figure } from './figures.ts';
import { printedAt } from './format.ts';
import { reply, type Reply } from './reply.ts';
import type { Scope } from './resolve.ts';
import type { Sources } from './sources.ts';
import { headlineFigure, METRIC_PARTS, partsOf, targetName } from './targets.ts';

/** Each whole and the parts it is printed as, both ways the parts are listed (“三公”经费: three, or four with 车 split). */
const WHOLES: { whole: string; parts: Set<string> }[] = [
  ...Object.entries(METRIC_PARTS).map(([whole, parts]) => ({ whole, parts: new Set(parts) })),
  ...metrics.filter((m) => m.parts.length > 0).map((m) => ({ whole: m.key, parts: new Set(m.parts) })),
];

/** The whole whose printed parts are exactly the figures named, if any. */
function wholeOfParts(targets: Target[]): string | null {
  if (!targets.every((t) => t.kind === 'metric')) return null;
  const keys = new Set(targets.map((t) => (t as Extract<Target, { kind: 'metric' }>).key));
  return WHOLES.find((w) => w.parts.size === keys.size && [...keys].every((k) => w.parts.has(k)))?.whole ?? null;
}

/** Whether `part` lies in `whole`: a figure among its parts at any level, a project in 项目支出, a subject under its code. */
function liesIn(part: Target, whole: Target): boolean {
  if (whole.kind === 'metric') {
    if (part.kind === 'metric') return partsOf(whole.key).has(part.key);
    return part.kind === 'project' && (whole.key === 'project' || partsOf(whole.key).has('project'));
  }
  if (part.kind !== 'subject' || whole.kind !== 'subject') return false;
  // Each by its own full code: a code cut short (北票 3020) beside it stands for several subjects, never a whole.
  const [p, w] = [fullCode(part.codes), fullCode(whole.codes)];
  return p !== w && w !== '' && p.startsWith(w);
}

const fullCode = (codes: string[]) => codes.reduce((a, b) => (b.length > a.length ? b : a), '');

/**
 * 人员经费和基本支出加起来: a part named with the whole it lies in is never added to it — said so, the whole (which holds
 * the part already) given first, then the part, each cited. Null where no figure named lies in another.
 */
export function partWithWhole(targets: Target[], operands: Operand[], head: string): Reply | null {
  for (const [i, whole] of targets.entries()) {
    const j = targets.findIndex((part, k) => k !== i && liesIn(part, whole));
    if (j < 0) continue;
    const [w, p] = [operands[i]!, operands[j]!];
    return reply('answered', [
      `${head}${p.name}是${w.name}的一部分，已经包含在${w.name}里，不能再和${w.name}相加（相加会重复计算）。两者合在一起就是${w.name}：${show(w.figure)}。`,
      `· ${w.name}：${show(w.figure)}（${printedAt(w.figure)}）`,
      `· 其中${p.name}：${show(p.figure)}（${printedAt(p.figure)}）`,
    ], [w.figure, p.figure]);
  }
  return null;
}

/**
 * The whole the document prints of exactly the parts added: the cell of their own row in the whole's column where all
 * are one row's cells (部门预算支出总表 合计: 基本支出, 项目支出 → 合计), else the whole's own printed figure where it is
 * defined as the sum of those parts (metrics.json parts: “三公”经费). Null where none is printed.
 */
function printedWhole(s: Sources, scope: Scope, whole: string, parts: Figure[]): Figure | null {
  const [first] = parts;
  const oneRow = parts.every((f) => f.measure !== undefined && MEASURES.has(f.measure) && f.document.id === first!.document.id && f.table === first!.table && f.line === first!.line && f.year === first!.year && f.basis === first!.basis && f.scope === first!.scope);
  if (oneRow) {
    // 基本支出 is a column of its own; a whole of columns that is none (支出合计) is the row's 合计 column.
    const column = MEASURES.has(whole) ? whole : 'total';
    const row = s.queries.figuresByMeasure(first!.document.id, column).find((r) => r.line === first!.line && r.year === first!.year && r.basis === first!.basis && r.scope === first!.scope);
    const cell = row && fromCell(row, first!.document, first!.entity, column === 'total' ? row.row_label : targetName({ kind: 'metric', key: whole, text: '' }));
    if (cell && cell.table === first!.table) return cell;
  }
  if (metricOf(whole).parts.length === 0) return null;
  return headlineFigure(s, scope, { kind: 'metric', key: whole, text: '' }, scope.year, first!.basis).main;
}

/** 基本支出和项目支出合在一起: the sum, then the whole the document prints of exactly those parts and whether they agree. */
export function withPrintedWhole(s: Sources, scope: Scope, targets: Target[], r: Reply): Reply {
  const whole = r.status === 'answered' ? wholeOfParts(targets) : null;
  const [sum, ...parts] = r.figures;
  const printed = whole && sum?.derived ? printedWhole(s, scope, whole, parts) : null;
  if (!printed || printed.fen === null || sum!.fen === null) return r;
  const gap = sum!.fen - printed.fen;
  const agree = gap === 0 ? '与相加结果一致' : `与相加结果相差${shown({ ...printed, fen: Math.abs(gap) })}，不一致`;
  return { ...r, lines: [...r.lines, `文件印出的${printed.label}：${show(printed)}（${printedAt(printed)}），${agree}。`], figures: [...r.figures, printed] };
}
