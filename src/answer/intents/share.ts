// 占比: a share the text states (北票 基本支出占支出总计的38.70%), else the part
// over its whole, both figures shown with their sources. The base is exactly what the
// question names after 占 (X占Y: X over Y), else the part's own whole; a row's column
// (行政运行里公用经费) is a share of that row, never of the department's columns.
import type { StructuredQuery, Target } from '../../query/ast.ts';
import type { Figure } from '../figures.ts';
import { derivedFigure, fromCell, fromFact, percentValue, samePrinting, show } from '../figures.ts';
import { percent, printedAt } from '../format.ts';
import { yearHeading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import { MEASURES, pick, subjectFigures, type Sources } from '../sources.ts';
import { METRIC_WHOLE, aligned, cellOf, headlineFigure, printingsOf, stageOf, targetFigures, targetName } from '../targets.ts';
import { metric as metricOf, SPLIT_COLUMNS } from '../../store/metrics.ts';
import { asProject } from '../namesakes.ts';

interface Base {
  figure: Figure;
  name: string;
}

function whole(s: Sources, scope: Scope, t: Target, year: number, stage: Figure['basis']): Base | null {
  if (t.kind === 'metric' && METRIC_WHOLE[t.key]) {
    const key = METRIC_WHOLE[t.key]!;
    const { main } = headlineFigure(s, scope, { kind: 'metric', key, text: key }, year, stage);
    return main ? { figure: main, name: metricOf(key).name } : null;
  }
  if (t.kind === 'subject' && t.codes[0] && t.codes[0].length > 3) {
    const parentCode = t.codes[0].length === 7 ? t.codes[0].slice(0, 5) : t.codes[0].slice(0, 3);
    const parent = s.catalog.subjects.find((x) => x.codes.includes(parentCode));
    if (parent) {
      const main = pick(subjectFigures(s, scope.doc, [parentCode], parent.name, year), stage).main[0];
      return main ? { figure: main, name: `${parent.name}（${parentCode}）` } : null;
    }
  }
  const { main } = headlineFigure(s, scope, { kind: 'metric', key: 'expenditure.grand_total', text: '' }, year, stage);
  return main ? { figure: main, name: '支出总计' } : null;
}

const isMeasure = (t: Target | undefined): t is Extract<Target, { kind: 'metric' }> => t?.kind === 'metric' && MEASURES.has(t.key);

const sameTarget = (a: Target, b: Target) => targetName(a) === targetName(b);

/** A row's cell in one column, from the table `near` is printed in when that table prints it. */
function cell(s: Sources, scope: Scope, row: Target, measure: string, year: number, stage: Figure['basis'], near?: Figure): Figure | null {
  const cells = pick(targetFigures(s, scope, row, year, measure), stage).main;
  return cells.find((f) => near && f.table === near.table) ?? cells[0] ?? null;
}

/** 工资福利支出占基本支出: a whole from the part's own table where its 合计 row prints it (抚顺 表6 line 160), else its headline. */
function wholeNear(s: Sources, scope: Scope, t: Target, year: number, stage: Figure['basis'], part: Figure | null): Figure | null {
  return printingsOf(s, scope, t, year, stage).find((b) => part && part.table !== null && b.table === part.table) ?? headlineFigure(s, scope, t, year, stage).main;
}

/** What the share is of: the part named (a row's cell when a row and a column are named) and the base. */
interface Operands {
  part: Figure | null;
  partName: string;
  /** The part's target (the row's, for a cell). */
  target: Target;
  /** A row's cell: its base is the row's own. */
  row: boolean;
  base: Base | null;
}

/** 本级占全局的比例: a unit named alone over the department's whole asks the unit's own figure of that whole. */
const unitAlone = (q: StructuredQuery, scope: Scope) => q.base?.whole === true && scope.unitId !== null && q.targets.length === 1;

function operands(s: Sources, q: StructuredQuery, scope: Scope, year: number, stage: Figure['basis']): Operands | string {
  const named = q.base;
  const parts = unitAlone(q, scope) ? [named!.target] : q.targets.filter((t) => t !== named?.target);
  if (parts.length === 0) return `占${named ? targetName(named.target) : ''}的比例：请说明是哪一项的占比，例如：${scope.doc.short} 项目支出占${named ? targetName(named.target) : '支出总计'}的比例。`;
  // 行政运行里公用经费: the row's cell; its base is the row's own (its 合计, or the column named).
  const namedCell = cellOf({ targets: parts });
  if (namedCell) {
    const { target: row, measure, scoped } = namedCell;
    const part = cell(s, scope, row, measure, year, stage);
    const partName = targetName(row, measure);
    // 办公费·基本支出占基本支出: a cell over its own column is over that column's total, never over itself.
    if (named && isMeasure(named.target) && named.target.key === measure) {
      const base = headlineFigure(s, scope, named.target, year, stage).main;
      return { part, partName, target: row, row: true, base: base ? { figure: base, name: targetName(named.target) } : null };
    }
    if (!named || isMeasure(named.target)) {
      const column = named ? (named.target as Extract<Target, { kind: 'metric' }>).key : 'total';
      const base = part && cell(s, scope, row, column, year, stage, part);
      // 人员经费里的工资福利支出占基本支出: the column typed first is a whole the row was taken from, so the measure named
      // after 占 is a whole over it too — the department's 基本支出, never the row's own cell of it (1,319.71 over itself);
      // so is a column whose cell is the part's very printing (北票 公开06表: a row's one cell). A row typed first
      // (沈阳 卫生健康支出里人员经费占基本支出) is split into the columns: over its own 基本支出 cell.
      if (named && (scoped || (base && part && samePrinting(base, part)))) {
        const over = wholeNear(s, scope, named.target, year, stage, part);
        return { part, partName, target: row, row: true, base: over ? { figure: over, name: targetName(named.target) } : null };
      }
      return { part, partName, target: row, row: true, base: base ? { figure: base, name: column === 'total' ? `${targetName(row)}合计` : targetName(row, column) } : null };
    }
    // 基本支出里物业管理费占商品和服务支出: both in the column typed first (172.20 ÷ 772.17, 沈阳 表6), never a cell over a whole row.
    // (isMeasure's guard narrows every metric away here; 支出总计 is a metric that is no row.)
    const inColumn = scoped && (named.target as Target).kind !== 'metric' ? cell(s, scope, named.target, measure, year, stage, part ?? undefined) : null;
    const base = inColumn ?? headlineFigure(s, scope, named.target, year, stage).main;
    return { part, partName, target: row, row: true, base: base ? { figure: base, name: targetName(named.target, inColumn ? measure : null) } : null };
  }
  // 卫生健康支出占项目支出, 项目支出里卫生健康支出占多少: a functional subject over a column its row is split into is
  // its cell in that column (the subject's own 项目支出), never its whole row over the column.
  const column = named?.target.kind === 'metric' && SPLIT_COLUMNS.has(named.target.key) ? named.target.key : null;
  // (公务员医疗补助占项目支出: a name that is a project too is the project, below.)
  if (column && parts.length === 1 && parts[0]!.kind === 'subject' && asProject(s, scope, parts[0]!) === parts[0]) {
    const part = cell(s, scope, parts[0]!, column, year, stage);
    const base = wholeNear(s, scope, named!.target, year, stage, part);
    return { part, partName: targetName(parts[0]!, column), target: parts[0]!, row: false, base: base ? { figure: base, name: targetName(named!.target) } : null };
  }
  // 公务员医疗补助占项目支出: over 项目支出 (or a project), a name that is a subject and a project is the project.
  const t = named && ((named.target.kind === 'metric' && named.target.key === 'project') || named.target.kind === 'project') ? asProject(s, scope, parts[0]!) : parts[0]!;
  const part = headlineFigure(s, scope, t, year, stage).main;
  if (!named) return { part, partName: targetName(t), target: t, row: false, base: null };
  // 本级项目支出占全部项目支出, 医保中心的项目支出占抚顺总项目支出: the department's whole, not the unit's own.
  const department = { ...scope, entity: scope.doc.department, unitId: null };
  const ofDepartment = scope.unitId !== null && (named.whole || sameTarget(t, named.target));
  if (!ofDepartment && sameTarget(t, named.target)) return `${targetName(t)}占${targetName(named.target)}：两者是同一个数字，请说明要和哪个数比。`;
  // The part and its base cited from one line or table where one prints both (曲阳 基本支出表: 合计 and 公用经费).
  const bases = printingsOf(s, ofDepartment ? department : scope, named.target, year, stage);
  const [cited, base] = aligned([printingsOf(s, scope, t, year, stage), [...bases, ...rowTotals(s, scope, named.target, bases[0])]]);
  const name = `${ofDepartment ? scope.doc.department : ''}${targetName(named.target)}`;
  return { part: cited ?? part, partName: targetName(t), target: t, row: false, base: base ? { figure: base, name } : null };
}

/** The department's totals a table's 合计 row prints in its 合计 column (支出预算总表: 合计 beside 基本支出 and 项目支出). */
const GRAND_TOTALS = new Set(['expenditure.grand_total', 'expenditure.current_total']);

/**
 * 基本支出占总支出, 占全部支出, 占预算支出: the 合计 column of the tables' 合计 rows printing the very total asked, so that a
 * part printed in such a row is cited with its base from that row rather than from two tables — only where the base is
 * cited changes, never its value.
 */
function rowTotals(s: Sources, scope: Scope, t: Target, total: Figure | undefined): Figure[] {
  // 占支出总计: the total asked by the name its row prints is cited at that row.
  if (!total || total.fen === null || t.kind !== 'metric' || !GRAND_TOTALS.has(t.key) || t.text === metricOf(t.key).name) return [];
  return s.queries
    .figuresByMeasure(scope.doc.id, 'total')
    .filter((r) => r.year === total.year && r.basis === total.basis && r.value_kind === 'money' && r.amount_fen === total.fen && (r.unit_id ?? null) === scope.unitId)
    .map((r) => ({ ...fromCell(r, scope.doc, total.entity, total.label), change: total.change }));
}

export function share(s: Sources, q: StructuredQuery, scope: Scope, asked: Target): Reply {
  // 项目支出里本级占多少, 政府采购中医保中心占比: a unit named as a part of the figure is its row over the department's whole.
  if (scope.unitId !== null && !q.base && q.reference?.kind === 'part' && q.targets.length === 1) return share(s, { ...q, base: { target: q.targets[0]!, whole: true } }, scope, asked);
  // 人员经费和公用经费各占基本支出的比例: each part named over the base, one after the other — never the first alone.
  const parts = q.base ? q.targets.filter((x) => x !== q.base!.target) : [];
  if (parts.length > 1 && !cellOf({ targets: parts }) && q.stage !== 'both') {
    const each = parts.map((p) => share(s, { ...q, targets: [p, q.base!.target] }, { ...scope, yearNote: null }, p));
    const done = each.filter((r) => r.status === 'answered');
    return reply(done.length ? 'answered' : each[0]!.status, [...(scope.yearNote ? [scope.yearNote] : []), ...each.flatMap((r) => r.lines)], done.flatMap((r) => r.figures));
  }
  let t = asked;
  const year = scope.year;
  const stage = stageOf(q.stage, scope);
  const note = scope.yearNote ? [scope.yearNote] : [];
  const heading = yearHeading(scope.entity, scope.doc, scope.year);
  // 占印刷费的百分之几: the base named is no figure held — said so, never the part's own % targets.
  if (q.unreadBase) return reply('not_found', [...note, `${heading} ${targetName(t)}：没有找到“${q.unreadBase}”的数字，无法计算占比。`], [], [`${scope.doc.short} ${targetName(t)}占${t.kind === 'project' ? '项目支出' : '支出总计'}的比例`]);
  // 决算占预算: the two stages of one figure.
  if (q.stage === 'both') {
    const all = targetFigures(s, scope, t, year);
    const of = (st: Figure['basis']) => pick(all, st).main.find((f) => f.basis === st) ?? null;
    const budget = of('预算');
    const head = `${heading} ${targetName(t)}`;
    if (!of('决算')) return reply('not_found', [...note, `${head}：没有找到。`]);
    if (!budget?.fen) return reply('not_found', [...note, `${head}：找不到所问的基数，无法计算占比。`]);
    return computedShare(head, note, of('决算')!, { figure: budget, name: `${targetName(t)}预算数` });
  }
  const found = operands(s, q, scope, year, stage);
  if (typeof found === 'string') return reply('ambiguous', [...note, found]);
  const { part, partName } = found;
  const head = `${heading} ${partName}`;
  if (!part || part.fen === null) {
    // The unit's own total not printed: what a unit does print apart is its 项目支出 (a project table's unit rows).
    const instead = unitAlone(q, scope) ? [`${scope.doc.short} ${scope.entity}项目支出占全局项目支出的比例`] : [];
    // 其中本级占多少 after a figure printed for the department only: said so, the department's figure offered.
    const whole = scope.unitId !== null && departmentTotal(s, scope, found.target, year, stage);
    const why = whole ? `文件没有单列${scope.entity}的${partName}，只印了${scope.doc.department}的合计${show(whole.figure)}（${printedAt(whole.figure)}），无法计算占比` : instead.length ? `文件没有单列${scope.entity}的${partName}` : '没有找到';
    return reply('not_found', [...note, `${head}：${why}。`], [], whole ? [`${scope.doc.short} ${scope.doc.fiscal_year} ${targetName(found.target)}`] : instead);
  }
  // The figure just answered is the base of 人员经费占多少 only when it is a whole of the part.
  const rejected = q.base?.implied === true && found.base !== null && found.base.figure.fen !== null && part.fen > found.base.figure.fen;
  // 省里的…是中央的百分之几: two things named and no base after 占 — which is over which is asked back, never a whole guessed.
  if (!q.base && !found.row && q.targets.length > 1) return reply('ambiguous', [...note, `${head}：问的是哪一项占哪一项的比例？请这样问：A占B的比例。`]);
  // A base named after 占, or a row's own total: exactly that figure.
  if ((q.base && !rejected) || (!q.base && found.row)) {
    if (!found.base || !found.base.figure.fen) return reply('not_found', [...note, `${head}：找不到所问的基数，无法计算占比。`]);
    const outside = q.base ? outsideOf(s, scope, found.target, part, q.base.target, found.base, year, stage) : null;
    if (outside) return reply('not_found', [...note, `${head}：不能算作占${found.base.name}的比例——${outside}。`], [], [`${scope.doc.short} ${partName}`, `${scope.doc.short} ${found.base.name.replace(/（\d+）$/, '')}`]);
    const said = q.base ? statedOver(s, scope, found.target, q.base.target, year) : null;
    return said ? statedShare(head, note, part, found.base, said) : computedShare(head, note, part, found.base);
  }
  t = found.target;
  // 绩效目标覆盖的资金占多少, no base named: what the text states (全覆盖, the amount) — no share of a total guessed.
  if (t.kind === 'metric' && metricOf(t.key).instead.length) {
    const covered = part.raw.split(/[，。；]/).filter((c) => /覆盖/.test(c)).map((c) => c.replace(/^[一二三四五六七八九十]+、\S*?说明/, ''));
    return reply('answered', [...note, `${head}${show(part)}（${printedAt(part)}）${covered.length ? `；文中说明：${covered.join('，')}` : ''}。问占比请写明基数，例如：占支出总计的比例。`], [part]);
  }
  // A share the text states is the department's, never a sub-unit's.
  const said = statedOf(s, scope, t, year);
  if (said) {
    // The share as the text states it leads, as a figure of its own (value and %), cited at its sentence.
    return reply('answered', [...note, `${head}${show(part)}，文中说明占比${percent(said.value as number)}（${said.raw.slice(0, 40)}）`], [said, part]);
  }
  // A sub-unit's part over its own whole only (its targetFigures); the department's total is not its whole.
  const of = whole(s, scope, t, year, stage);
  if (!of || !of.figure.fen) {
    const unit = scope.unitId !== null ? scope.entity : '';
    return reply('not_found', [...note, `${head}：找不到${unit && `${unit}自己的`}可比总数，无法计算占比。`], [], [`${scope.doc.short} ${scope.doc.fiscal_year} ${unit} ${t.text}`.replace(/ +/g, ' ')]);
  }
  return computedShare(head, note, part, of);
}

/**
 * Why the part (of target `t`) cannot lie in the base (of target `b`), or null where it can — read for a share and for a
 * ratio asked in per cent (A是B的百分之几), which keeps its figure and says so beside it. A share takes part and base of one
 * unit, or a department-wide base, and a part larger than its base is not in it (北票 中心's project 离休医疗保障 41.11 over
 * the department's 行政事业单位医疗 20.33 was printed as 202.21%).
 */
export function outsideOf(s: Sources, scope: Scope, t: Target, part: Figure, b: Target, base: Base, year: number, stage: Figure['basis']): string | null {
  const project = t.kind === 'project';
  const of = base.figure;
  // A project's money is 项目支出: never within a base printed as a 基本支出 figure (沈阳 印刷服务 over 表6's 办公费), nor
  // within a subject whose row is all 基本支出 (北票 事业单位医疗, 公开03表 line 416).
  if (project && (of.part || of.measure === 'basic')) return `${part.label}是项目支出，${base.name}是基本支出的数字（${printedAt(of)}），项目不在其中`;
  const department = of.document.department;
  if (of.entity !== department && of.entity !== part.entity) return `${part.label}是${part.entity}的数字，${base.name}是${of.entity}的数字，分属不同单位`;
  if (of.fen !== null && part.fen !== null && part.fen > of.fen) {
    const whose = part.entity !== of.entity ? `（${part.entity}的${part.projectId ? '项目' : '数字'}）` : '';
    return `${part.label}${whose}比${of.entity === department && part.entity !== of.entity ? '全部门的' : ''}${base.name}还大，不在其中，不是它的一部分`;
  }
  // 医疗机构检查费占事业单位医疗: a subject whose row is all 基本支出 where the base is cited (its 基本支出 cell the whole) holds no project.
  const basic = project && b.kind === 'subject' ? cell(s, scope, b, 'basic', year, stage, of) : null;
  if (basic !== null && basic.line === of.line && basic.table === of.table && basic.fen === of.fen) return `${part.label}是项目支出，${base.name}在${printedAt(of)}全部是基本支出（没有项目支出），项目不在其中`;
  return null;
}

/** The share the text states of a metric (the department's, never a sub-unit's), as a figure of its own (value and %) cited at its sentence. */
function statedOf(s: Sources, scope: Scope, t: Target, year: number): Figure | null {
  const stated = t.kind === 'metric' && scope.unitId === null ? s.queries.factsByMetric(scope.doc.id, t.key).find((f) => f.aspect === 'share' && f.year === year) : undefined;
  if (!stated || stated.value === null) return null;
  return { ...fromFact(stated, scope.doc, scope.doc.department, `${targetName(t)}占比`), value: stated.value, unit: '%' };
}

// 占支出总计的 38.70%: a base's prose spellings right after 占 in a sentence, built once per metric.
const BASE_AFTER_SHARE = new Map<string, RegExp>();
const baseAfterShare = (key: string) => {
  if (!BASE_AFTER_SHARE.has(key)) BASE_AFTER_SHARE.set(key, new RegExp(`占(?:${metricOf(key).prose.map((p) => p.source).join('|')})的`));
  return BASE_AFTER_SHARE.get(key)!;
};

/** 基本支出占支出总计的比例: the share the text states of the part when its sentence names the very base asked after 占, else null. */
function statedOver(s: Sources, scope: Scope, part: Target, base: Target, year: number): Figure | null {
  if (base.kind !== 'metric') return null;
  const said = statedOf(s, scope, part, year);
  return said && baseAfterShare(base.key).test(said.raw.replace(/\s+/g, '')) ? said : null;
}

/**
 * A share the text states over the base asked: its sentence leads; the share computed from the two printed figures is
 * shown beside it only where it is the same, the two figures cited either way.
 */
function statedShare(head: string, note: string[], part: Figure, of: Base, said: Figure): Reply {
  const d = shareFigure(part, of);
  const value = d.value as number;
  const lead = `${head}${show(part)}，文中说明占${of.name}的${percent(said.value as number)}（${said.raw.slice(0, 40)}）`;
  if (value !== said.value) return reply('answered', [...note, lead, `${of.name}${show(of.figure)}`], [said, part, of.figure]);
  return reply('answered', [...note, lead, `按表中数字计算相同：${show(part)} ÷ ${of.name}${show(of.figure)} = ${percent(value)}`], [said, d, part, of.figure]);
}

/** The part over the base, computed from the two printed figures: marked derived, with both as its inputs. */
function shareFigure(part: Figure, of: Base): Figure {
  const value = percentValue(part.fen! / of.figure.fen!);
  return derivedFigure('share', [part, of.figure], `${part.label}占${of.name}的比例`, { fen: null, value, unit: '%' }, `${show(part)} ÷ ${show(of.figure)} = ${percent(value)}`);
}

/** The share computed from the two printed figures: it leads, marked derived, with both as its inputs. */
/** The department's own figure of `t` in the unit's document (its total, of which a unit row is a part), or null. */
function departmentTotal(s: Sources, scope: Scope, t: Target, year: number, stage: Figure['basis']): Base | null {
  const { main } = headlineFigure(s, { ...scope, unitId: null, entity: scope.doc.department }, t, year, stage);
  return main && main.fen !== null && main.entity === scope.doc.department ? { figure: main, name: `${scope.doc.department}${targetName(t)}` } : null;
}

function computedShare(head: string, note: string[], part: Figure, of: Base): Reply {
  // However the question was read, one printed cell over itself (100%) answers nothing: asked back instead.
  if (samePrinting(part, of.figure)) {
    return reply('ambiguous', [...note, `${head}：所问的部分和基数是同一个数字（第${part.line}行），请说明要和哪个数比。`]);
  }
  const d = shareFigure(part, of);
  const value = d.value as number;
  return reply('answered', [...note, `${head}${show(part)}，占${of.name}${show(of.figure)}的${percent(value)}（${show(part)} ÷ ${show(of.figure)}）`], [d, part, of.figure]);
}
