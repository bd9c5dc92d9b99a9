// 项目支出中上年结转的部分, 基本支出里一般公共预算拨款: a part of a figure by the source of its funds is the cell of a
// row that prints the figure, in the column of that source — answered from the printed row, or said not printed.
import type { StructuredQuery, Target } from '../query/ast.ts';
import { sourceOfPart } from '../query/funds.ts';
import { fromCell, show, usable, type Figure } from './figures.ts';
import type { FigureRow } from './data.ts';
import { tableName } from './format.ts';
import { heading, reply, type Reply } from './reply.ts';
import type { Scope } from './resolve.ts';
import { pick, type Sources } from './sources.ts';
import { stageOf, targetFigures, targetName } from './targets.ts';

/** The whole and its part, when the question asks a part of a figure by its source of funds; else null. */
export function sourcePart(q: StructuredQuery): { whole: Target; part: Target; tag: string } | null {
  if (q.reference?.kind !== 'part' || q.targets.length !== 2) return null;
  const [whole, part] = q.targets as [Target, Target];
  const tag = sourceOfPart(whole, part);
  return tag ? { whole, part, tag } : null;
}

/** Tags naming a source of funds (columns.json scopes), not the year's share (current) or a part of one (subset). */
const FUNDS = new Set(['carry', 'gp', 'gf', 'sc', 'sa', 'uf', 'fiscal', 'nonfiscal']);

/** The sources of funds a cell's column is of (its scope tags: 上年结转结余, 一般公共预算 …). */
export const tagsOf = (r: FigureRow): string[] => r.scope.split(',').filter(Boolean);

/** The row's cell of a source asked (any of `tags`), its headline (合计 of the source before its 一般公共预算 part): the fewest tags. */
export function sourceCell(row: FigureRow[], tags: readonly string[]): FigureRow | undefined {
  const cells = row.filter((r) => tagsOf(r).some((t) => tags.includes(t)));
  return cells.sort((a, b) => tagsOf(a).length - tagsOf(b).length)[0];
}

export function partBySource(s: Sources, q: StructuredQuery, scope: Scope): Reply | null {
  const asked = sourcePart(q);
  if (!asked) return null;
  const stage = stageOf(q.stage, scope);
  const wholes = pick(targetFigures(s, scope, asked.whole, scope.year), stage).main.filter((f) => f.fen !== null);
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  const name = targetName(asked.whole);
  // Rows printing the whole's amount as a cell of no source, with a cell of the source asked; one printed empty is said so.
  const blank: string[] = [];
  // The sources a row printing the whole does print, when not the one asked (沈阳 事业运行: 一般公共预算, no 财政拨款 column).
  const printed = new Map<string, string>();
  for (const whole of wholes) {
    // An income table's row splits the income, not the spending of the same amount — but for a subject's own row (曲阳
    // 部门预算收入总表 by 功能分类科目: 行政运行 其中财政拨款收入) it splits the funds of that subject.
    const codes = asked.whole.kind === 'subject' ? asked.whole.codes : [];
    for (const table of s.queries.tables(scope.doc.id).filter((t) => t.kind !== 'income' || codes.length > 0)) {
      const rows = new Map<number, FigureRow[]>();
      const all = s.queries.figuresByTable(table.id).filter((r) => r.year === scope.year && r.value_kind === 'money');
      for (const r of all) if (usable(r)) rows.set(r.line, [...(rows.get(r.line) ?? []), r]);
      for (const row of rows.values()) {
        if (table.kind === 'income' && !row.some((r) => codes.includes(r.subject_code ?? ''))) continue;
        const printsWhole = row.some((r) => r.scope === '' && r.amount_fen === whole.fen && r.basis === whole.basis);
        const empty = printsWhole && all.find((r) => r.line === row[0]!.line && r.flags.split(',').includes('empty') && tagsOf(r).includes(asked.tag));
        if (empty) blank.push(`${tableName(table.name, table.number)}第${empty.line}行“${empty.column_label}”栏为空`);
        const cell = printsWhole ? sourceCell(row, [asked.tag]) : undefined;
        if (printsWhole && !cell) for (const r of row) if (tagsOf(r).some((t) => FUNDS.has(t))) printed.set(r.column_label.split('/').at(-1)!, `${tableName(table.name, table.number)}第${r.line}行`);
        if (!cell) continue;
        const wholeCell = fromCell(row.find((r) => r.scope === '' && r.amount_fen === whole.fen)!, scope.doc, scope.entity, name);
        const part: Figure = fromCell(cell, scope.doc, scope.entity, `${name}中${asked.part.text}`);
        const where = `${part.table}第${part.line}行“${cell.column_label}”栏`;
        return reply('answered', [...note, `${head} ${name}中${asked.part.text}：${show(part)}（${name}${show(wholeCell)}，${where}）`], [part, wholeCell]);
      }
    }
  }
  const others = [...printed].map(([label, where]) => `“${label}”（${where}）`);
  const why = blank.length ? `${[...new Set(blank)].join('；')}，没有印数字` : others.length ? `没有印“${asked.part.text}”一栏；这一行按来源印的是${others.join('、')}` : '没有按资金来源印出这一部分';
  const asks = [...printed.keys()].map((label) => `${scope.doc.short} ${scope.year} ${name}中${label}`);
  return reply('not_found', [...note, `${head} ${name}中${asked.part.text}：${why}。`], [], [`${scope.doc.short} ${scope.year} ${name}`, ...asks]);
}
