// 明细: what a figure is made of — the parts of a named figure, the sub-subjects
// of a subject (from the same table as the subject's own figure), the 经济分类 items
// of a measure's column (公用经费), the items of the 政府采购 table, the projects
// under a project group or behind 项目支出.
import type { StructuredQuery, Target } from '../../query/ast.ts';
import type { FigureRow } from '../data.ts';
import type { Figure } from '../figures.ts';
import { comparable, describeAll, meeting, mismatch } from '../conditions.ts';
import { derivedFigure, fromCell, fromFact, headlinePerTable, headlineRank, percentValue, sameFigure, show, usable } from '../figures.ts';
import { tableName } from '../format.ts';
import { stripOrdinal } from '../../ingest/text/cjk.ts';
import { yearHeading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import { MEASURES, metricFigures, pick, type Sources } from '../sources.ts';
import { METRIC_PARTS, METRIC_WHOLE, cellOf, headlineFigure, stageOf, targetFigures, targetName } from '../targets.ts';
import { byUnit, countedFirst, listWithin } from './list.ts';
import { ownAmount } from '../project-groups.ts';
import { lookup } from './lookup.ts';
import { isTotal } from '../../ingest/layout/orientation.ts';
import { metricSpellings } from '../../query/lexicon/lexicon.ts';
import { metric as metricOf } from '../../store/metrics.ts';

/** `measure`: the column the whole is a cell of (基本支出里的商品和服务支出: 表6's 合计 of 基本支出), its parts' cells in it. */
function children(s: Sources, scope: Scope, t: Target & { kind: 'subject' }, whole: Figure, stage: Figure['basis'], measure?: string): Figure[] {
  const kept = (r: FigureRow) => usable(r) && r.year === scope.year && r.basis === stage && whole.table?.startsWith(r.table_name) && (measure === undefined || r.column_key === measure);
  const coded = t.codes.flatMap((code) => s.queries.childFigures(scope.doc.id, code));
  const tables = [...new Set(coded.map((r) => r.table_id))];
  const rows = [...coded, ...t.codes.flatMap((code) => misCoded(s, tables, code))].filter(kept);
  // By code and name: a code cut short (北票 公开06表 3010) is printed for several subjects.
  const bySubject = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.subject_code}|${r.subject_name}`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), r]);
  }
  return [...bySubject.values()].flatMap((g) => headlinePerTable(g)).map((r) => fromCell(r, scope.doc, scope.doc.department, `${r.subject_name}（${r.subject_code}）`));
}

/** Each subject name the documents print → the codes printed with it (read once per catalog). */
const codesByName = new WeakMap<Sources['catalog'], Map<string, string[]>>();

/**
 * 抚顺 表6 “030239 其他交通费用”: a row of the same tables whose code is malformed (stored with no parent, the check noting
 * it) is read by its name — a part of `code` where that name is printed elsewhere with a code under it (30239) — never by
 * a code guessed from the digits; its figure is the row's as printed.
 */
function misCoded(s: Sources, tables: number[], code: string): FigureRow[] {
  let byName = codesByName.get(s.catalog);
  if (!byName) codesByName.set(s.catalog, (byName = new Map(s.catalog.subjects.map((x) => [x.name, x.codes]))));
  const under = (name: string | null) => (byName.get(name ?? '') ?? []).some((c) => c.startsWith(code) && c.length > code.length);
  return tables.flatMap((id) => s.queries.figuresByTable(id).filter((r) => r.parent_code === null && r.flags.includes('irregular_code') && under(r.subject_name)));
}

const ECONOMIC = ['部门经济分类', '政府经济分类'];

/** Kept rows: usable money of this scope's year and stage, and its sub-unit's own when one was asked. */
const current = (scope: Scope, stage: Figure['basis']) => (r: FigureRow) =>
  usable(r) && r.year === scope.year && r.basis === stage && r.value_kind === 'money' && r.amount_fen !== null && (scope.unitId === null || r.unit_id === scope.unitId);

const subjectLabel = (r: FigureRow) => (r.subject_code ? `${r.subject_name}（${r.subject_code}）` : (r.subject_name ?? r.row_label));

/**
 * A measure (人员经费, 公用经费) as its column itemises it by 经济分类: each 类 and the 款 under it,
 * from the table the headline came from, else the one whose 类 add up to it (抚顺 表6 for 表3's 公用经费).
 */
export function columnItems(s: Sources, scope: Scope, key: string, whole: Figure, stage: Figure['basis']): { intro: string; lines: string[]; parts: Figure[]; leaves: Figure[] } | null {
  const doc = scope.doc;
  const keep = current(scope, stage);
  const heads = ECONOMIC.flatMap((c) => s.queries.figuresAtLevel(doc.id, c, '类')).filter((r) => keep(r) && r.column_key === key);
  const byTable = new Map<number, FigureRow[]>();
  for (const r of heads) byTable.set(r.table_id, [...(byTable.get(r.table_id) ?? []), r]);
  const sum = (rows: FigureRow[]) => rows.reduce((n, r) => n + r.amount_fen!, 0);
  const fit = (rows: FigureRow[]) => (whole.table === tableName(rows[0]!.table_name, rows[0]!.table_number) ? 2 : 0) + (sum(rows) === whole.fen ? 1 : 0);
  const chosen = [...byTable.values()].sort((a, b) => fit(b) - fit(a))[0];
  if (!chosen) return null;
  const table = tableName(chosen[0]!.table_name, chosen[0]!.table_number);
  const lines: string[] = [];
  const parts: Figure[] = [];
  const leaves: Figure[] = [];
  const figure = (r: FigureRow) => fromCell(r, doc, s.entity(doc, r.unit_id), subjectLabel(r));
  for (const head of chosen) {
    const f = figure(head);
    lines.push(`· ${f.label}：${show(f)}`);
    parts.push(f);
    const kids = [...s.queries.childFigures(doc.id, head.subject_code!), ...misCoded(s, [head.table_id], head.subject_code!)].filter((r) => keep(r) && r.table_id === head.table_id && r.column_key === key);
    for (const k of kids.map(figure)) {
      lines.push(`  - ${k.label}：${show(k)}`);
      parts.push(k);
    }
    leaves.push(...(kids.length ? parts.slice(-kids.length) : [f]));
  }
  // A table of another scope than the headline's (only 一般公共预算, say) is said so, not reconciled.
  if (sum(chosen) !== whole.fen) lines.push(`注：${table}此栏的各类加起来与上面的数字不等，两者口径不同。`);
  return { intro: `按经济分类（${table}“${chosen[0]!.column_label}”栏）：`, lines, parts, leaves };
}

/** 政府采购 as its table itemises it (曲阳 部门政府采购预算): each item's 合计, under its unit. */
export function procurementItems(s: Sources, scope: Scope, stage: Figure['basis'], column?: StructuredQuery['column']): { intro: string; lines: string[]; parts: Figure[]; leaves: Figure[] } | null {
  const doc = scope.doc;
  const keep = current(scope, stage);
  // Per row, the whole 合计 (its headline): not its 预算资金 (the project's budget) nor a fund's share; or the column named (单价).
  const byLine = new Map<number, FigureRow>();
  for (const r of s.queries.projectFigures(doc.id).filter((r) => keep(r) && r.classification === '政府采购' && r.column_key === (column?.key ?? 'total'))) {
    const kept = byLine.get(r.line);
    if (!kept || headlineRank(r) < headlineRank(kept)) byLine.set(r.line, r);
  }
  const rows = [...byLine.values()].sort((a, b) => a.line - b.line);
  if (rows.length === 0) return null;
  const parts = rows.map((r) => fromCell(r, doc, s.entity(doc, r.unit_id), column ? `${r.row_label}${column.text}` : r.row_label));
  return { intro: `按采购项目（${tableName(rows[0]!.table_name, rows[0]!.table_number)}，${column?.text ?? '合计'}栏）：`, lines: byUnit(parts, doc.department), parts, leaves: parts };
}

/** The share of a part the text states (项目支出 894.75 万元，占支出总计的 61.30%), with the part cited at its sentence; else null. */
type StatedShare = (part: Figure) => { part: Figure; said: Figure } | null;

/**
 * A metric's parts one level down (三公: 因公出国, 公务用车购置及运行费, 公务接待费 — not the car's own two parts beside
 * them): a share of the whole is of these. A part not printed is its own parts.
 */
function directParts(s: Sources, scope: Scope, key: string, stage: Figure['basis']): { key: string; figure: Figure }[] {
  const own = Object.keys(METRIC_WHOLE).filter((k) => METRIC_WHOLE[k] === key);
  return own.flatMap((k) => {
    const figure = pick(metricFigures(s, scope.doc, k, scope.year), stage).main[0];
    if (figure) return [{ key: k, figure }];
    return METRIC_PARTS[k] ? directParts(s, scope, k, stage) : [];
  });
}

function statedShares(s: Sources, scope: Scope, parts: { key: string; figure: Figure }[]): StatedShare {
  return (part) => {
    const key = parts.find((p) => p.figure === part)?.key;
    // A share the text states is the department's, never a sub-unit's.
    const fact = key && scope.unitId === null ? s.queries.factsByMetric(scope.doc.id, key).find((f) => f.aspect === 'share' && f.year === scope.year && f.value !== null) : undefined;
    if (!fact) return null;
    const there = metricFigures(s, scope.doc, key!, scope.year).find((f) => f.line === fact.line && sameFigure(f, part));
    const said = { ...fromFact(fact, scope.doc, scope.doc.department, `${part.label}占比（文中说明）`), value: fact.value, unit: '%' };
    return { part: there ?? part, said };
  };
}

/** A part named as its table prints it (抚顺 表7: 公务用车运行费, not the metric's 公务用车运行维护费). */
const asPrinted = (f: Figure): Figure => (f.printed ? { ...f, label: f.printed } : f);

/** The income totals, and 财政拨款 over the 一般公共预算 and 政府性基金 rows it sums: never a source of their own. */
const INCOME_TOTALS = new Set(['income.grand_total', 'income.current_total']);
const INCOME_SUMS = new Set([...INCOME_TOTALS, 'fiscal.total']);

/**
 * 收入构成, 钱主要来自哪里: the rows printed on the income side of the table printing the total (一般公共预算拨款收入,
 * 上年结转 …), largest first; a blank row is no source.
 */
function incomeSources(s: Sources, scope: Scope, key: string, whole: Figure, stage: Figure['basis']): Figure[] {
  const row = s.queries.figuresByMetric(scope.doc.id, key).find((r) => r.line === whole.line && r.year === scope.year && r.basis === stage);
  if (!row) return [];
  return s.queries
    .figuresByTable(row.table_id)
    .filter((r) => r.side === row.side && r.column_key === row.column_key && r.year === scope.year && r.basis === stage && usable(r) && (r.amount_fen ?? 0) > 0 && !INCOME_SUMS.has(r.metric ?? ''))
    .sort((a, b) => b.amount_fen! - a.amount_fen!)
    .map((r) => fromCell(r, scope.doc, s.entity(scope.doc, r.unit_id), stripOrdinal(r.row_label)));
}

/** 人员经费的明细里: the rows a figure is itemised in, at their finest. */

/** 公用经费里超过5万的科目: the parts of a figure meeting the conditions, largest first, the whole beside them. */
function partsMeeting(q: StructuredQuery, note: string[], head: string, whole: Figure, parts: Figure[], stated?: StatedShare): Reply {
  if (q.conditions.some((c) => c.unit === 'percent') && whole.fen) return sharesMeeting(q, note, head, whole, parts, stated);
  const title = `${head}中${describeAll(q.conditions, q.column?.text)}的`;
  if (!comparable(parts, q.conditions)) return reply('not_found', [...note, `${title}：${mismatch(q.conditions, 'yuan')}`]);
  const kept = meeting(parts, q.conditions).sort((a, b) => (b.fen ?? 0) - (a.fen ?? 0));
  if (kept.length === 0) return reply('not_found', [...note, `${title}：没有（${show(whole)}共${parts.length}项）。`]);
  // 明细里不到一万元的有几项: the count leads, made by counting the parts kept, said before the list.
  const listed = reply('answered', [...note, `${title}（共${kept.length}项，${head}${show(whole)}）：`, ...kept.map((p) => `· ${p.label}：${show(p)}`)], [...kept, whole]);
  return { ...countedFirst(listed, kept, '明细', q, { bound: `${head}中${describeAll(q.conditions, q.column?.text)}`, at: note.length }), whole };
}

/**
 * 三公经费中占比超过一半的是哪项, 占支出总计比重超过50%的是哪部分: each part's share of the whole, computed and shown,
 * held to the conditions; the share leads each part kept.
 */
function sharesMeeting(q: StructuredQuery, note: string[], head: string, whole: Figure, parts: Figure[], stated?: StatedShare): Reply {
  const title = `${head}中占比${describeAll(q.conditions)}的`;
  // Each share computed and shown; where the text states it too, said beside it, the part cited at that sentence.
  const shares = parts
    .filter((p) => p.fen !== null)
    .map((p) => {
      const told = stated?.(p);
      const part = told?.part ?? p;
      const share = derivedFigure('share', [part, whole], `${p.label}占比`, { fen: null, value: percentValue(part.fen! / whole.fen!), unit: '%' }, `${show(part)} ÷ ${show(whole)}`);
      return { part, share, said: told?.said };
    });
  const kept = shares.filter((x) => meeting([x.share], q.conditions).length > 0);
  if (kept.length === 0) return reply('not_found', [...note, `${title}：没有（${show(whole)}共${parts.length}项）。`]);
  const lines = kept.map(({ part, share, said }) => `· ${part.label}：${show(part)}，占${show(share)}（${share.raw}${said ? `；文中说明占${show(said)}` : ''}）`);
  return { ...reply('answered', [...note, `${title}（共${kept.length}项，${head}${show(whole)}）：`, ...lines], [...kept.flatMap((x) => [x.share, x.part, ...(x.said ? [x.said] : [])]), whole]), whole };
}

export function breakdown(s: Sources, q: StructuredQuery, scope: Scope, t: Target): Reply {
  const year = scope.year;
  const stage = stageOf(q.stage, scope);
  // 基本支出里商品和服务支出哪些在10万以上: the subject's parts in that column, held to the conditions — not the column's own parts.
  const cell = q.conditions.length ? cellOf(q) : null;
  if (cell?.target.kind === 'subject') {
    const whole = headlineFigure(s, scope, cell.target, year, stage, cell.measure).main;
    const parts = whole ? children(s, scope, cell.target, whole, stage, cell.measure) : [];
    const note = scope.yearNote ? [scope.yearNote] : [];
    if (whole && parts.length) return partsMeeting(q, note, `${yearHeading(scope.entity, scope.doc, year)} ${targetName(cell.target, cell.measure)}`, whole, parts);
  }
  const head = `${yearHeading(scope.entity, scope.doc, year)} ${targetName(t)}`;
  let { main: whole } = headlineFigure(s, scope, t, year, stage);
  if (t.kind === 'metric' && t.key === 'project') {
    const r = listWithin(s, { ...q, listOf: 'projects' }, scope);
    // 北票 prints amounts for its 6 self-evaluated projects only: a list short of the total must not read as its breakdown.
    const listed = r.figures.filter((f) => f.label !== whole?.label).reduce((n, f) => n + (f.fen ?? 0), 0);
    if (whole?.fen != null && r.status === 'answered' && listed !== whole.fen) {
      r.lines.push(`注：${head}为${show(whole)}，上列只是文件中印了金额的项目，不是它的全部构成。`);
      r.figures.push(whole);
    }
    return { ...r, whole: whole ?? undefined };
  }
  if (!whole) return lookup(s, q, scope, t);
  let parts: Figure[] = [];
  let stated: StatedShare | undefined;
  const shares = q.conditions.some((c) => c.unit === 'percent');
  // 单价: each row's cell in that column, never the whole's parts (货物, 服务).
  if (q.column) {
    const items = t.kind === 'metric' && t.key === 'procurement.total' ? procurementItems(s, scope, stage, q.column) : null;
    const note = scope.yearNote ? [scope.yearNote] : [];
    if (!items || !whole) return reply('not_found', [...note, `${head}：表中没有印各项的“${q.column.text}”。`]);
    if (q.conditions.length) return partsMeeting(q, note, head, whole, items.parts);
    return { ...reply('answered', [...note, `${head}：${show(whole)}，${items.intro}`, ...items.lines], [whole, ...items.parts]), whole };
  }
  // 政府采购超过10万元的, 政府采购有哪些, 政府采购明细, 具体有哪些: where the table prints its rows (莲湖 表12 SD-WAN服务 …), those
  // rows, never the 货物/服务/工程 split alone — a breakdown states the split the text prints before them.
  if (t.kind === 'metric' && t.key === 'procurement.total' && (q.conditions.length > 0 || q.intent === 'list' || q.intent === 'breakdown')) {
    const items = procurementItems(s, scope, stage);
    const note = scope.yearNote ? [scope.yearNote] : [];
    if (items && q.conditions.length) return partsMeeting(q, note, head, whole, items.parts);
    const kinds = items && q.intent === 'breakdown' ? METRIC_PARTS[t.key]!.flatMap((k) => pick(metricFigures(s, scope.doc, k, year), stage).main.slice(0, 1)).map(asPrinted) : [];
    // The split first, as a look-up prints it (an ordinal after it counts through the same parts), then the rows.
    const byKind = kinds.length ? `其中${kinds.map((p) => `${p.label}${show(p)}`).join('，')}；` : '';
    if (items) return { ...reply('answered', [...note, `${head}：${show(whole)}，${byKind}${items.intro}`, ...items.lines], [whole, ...kinds, ...items.parts]), whole };
  }
  // 基本支出里的明细科目, 基本支出明细里超过五百万的: subjects or 明细 asked itemise a measure by 经济分类, not by its parts (人员经费, 公用经费).
  if (t.kind === 'metric' && METRIC_PARTS[t.key] && shares) {
    const direct = directParts(s, scope, t.key, stage).map((p) => ({ ...p, figure: asPrinted(p.figure) }));
    parts = direct.map((p) => p.figure);
    stated = statedShares(s, scope, direct);
  } else if (t.kind === 'metric' && METRIC_PARTS[t.key] && !((q.subjects || (q.conditions.length > 0 && q.asked?.detail)) && MEASURES.has(t.key))) {
    parts = METRIC_PARTS[t.key]!.flatMap((k) => pick(metricFigures(s, scope.doc, k, year), stage).main.slice(0, 1)).map(asPrinted);
  } else if (t.kind === 'subject') {
    // Of the tables that itemise the subject, the widest whole (all funds before 基本支出 or one fund's
    // share: 沈阳 表12 1,798.00 over 表6 772.17), so the parts add up to the whole stated.
    // Every table's figure, not one per value: 表11 and 表12 print the same 1,798.00 but only one may itemise it.
    const itemised = targetFigures(s, scope, t, year)
      .filter((w) => w.basis === stage && w.table !== null && w.fen !== null)
      .map((w) => ({ w, kids: children(s, scope, t, w, stage) }))
      .filter((x) => x.kids.length > 0);
    const widest = itemised.sort((a, b) => (b.w.fen ?? 0) - (a.w.fen ?? 0))[0];
    if (widest) [whole, parts] = [widest.w, widest.kids];
  } else if (t.kind === 'project') {
    const ids = new Set(t.ids);
    // Each child by its own row: a child may be a group itself (莲湖 医疗保险经办机构经费 99.00 over a
    // same-named 69.00 leaf), so matching leaves by name would give the wrong part.
    const kids = s.queries.projects(scope.doc.id).filter((p) => p.parent_id !== null && ids.has(p.parent_id));
    parts = kids.flatMap((k) => ownAmount(s, scope, k, stage) ?? []);
    // The whole is the group's own row: its name alone means the same-named project (lookup).
    const group = s.queries.projects(scope.doc.id).find((p) => ids.has(p.id) && kids.some((k) => k.parent_id === p.id));
    whole = (group && ownAmount(s, scope, group, stage)) ?? whole;
  }
  const note = scope.yearNote ? [scope.yearNote] : [];
  // A measure's 经济分类 items: itemised in its own column, else in its parts' columns (北票 公开06表: 人员经费 and 公用经费 itemised apart).
  const measureItems = (w: Figure, key: string) => {
    const partItems = () => METRIC_PARTS[key]!.flatMap((k) => pick(metricFigures(s, scope.doc, k, year), stage).main.slice(0, 1).flatMap((x) => columnItems(s, scope, k, x, stage)?.leaves ?? []));
    return columnItems(s, scope, key, w, stage)?.leaves ?? partItems();
  };
  // 基本支出里不到一万的: where none of a measure's parts (人员经费, 公用经费) meets the conditions, its 经济分类 items are held to them.
  if (parts.length > 0 && q.conditions.length > 0 && !shares && t.kind === 'metric' && MEASURES.has(t.key) && comparable(parts, q.conditions) && meeting(parts, q.conditions).length === 0) {
    const leaves = measureItems(whole, t.key);
    if (leaves.length) return partsMeeting(q, [...note, `（${parts.map((p) => p.label).join('、')}都不符合，以下按经济分类明细。）`], head, whole, leaves);
  }
  // 基本支出中超过四十万的科目: the measure's 经济分类 items held to the conditions — never the rows a summary table prints under
  // another name for it (莲湖 表1 “1、人员经费和公用经费支出”), which no condition was applied to.
  if (parts.length === 0 && q.conditions.length > 0 && !shares && t.kind === 'metric' && MEASURES.has(t.key)) {
    const leaves = measureItems(whole, t.key);
    if (leaves.length) return partsMeeting(q, note, head, whole, leaves);
  }
  if (parts.length === 0 && t.kind === 'metric' && INCOME_TOTALS.has(t.key)) parts = incomeSources(s, scope, t.key, whole, stage);
  // 培训费具体有哪些: the items a table of its own lists under the figure (莲湖 会议费培训费明细表: 两定机构基金使用规范性培训), each
  // cited — rows of it in money, of its stage and year, labelled otherwise than any spelling of the figure.
  if (parts.length === 0 && t.kind === 'metric') {
    const spellings = metricSpellings(metricOf(t.key));
    const rows = s.queries.figuresByMetric(scope.doc.id, t.key).filter((r) => usable(r) && r.amount_fen !== null && r.year === year && r.basis === stage && !spellings.includes(stripOrdinal(r.row_label)) && !isTotal(r.row_label));
    const items = rows.filter((r, i) => rows.findIndex((x) => x.line === r.line && x.row_label === r.row_label) === i).map((r) => fromCell(r, scope.doc, s.entity(scope.doc, r.unit_id), r.row_label));
    if (items.length) return { ...reply('answered', [...note, `${head}：${show(whole)}，${items[0]!.table}列出：`, ...items.map((f) => `· ${f.label}：${show(f)}（第${f.line}行）`)], [whole, ...items]), whole };
  }
  if (parts.length === 0 && t.kind === 'metric') {
    const items = t.key === 'procurement.total' ? procurementItems(s, scope, stage) : columnItems(s, scope, t.key, whole, stage);
    // Held to a condition, the finest subjects only: a 类 is no detail beside its own 款 (公用经费里超过5万的: 办公费 …, never 302 as well).
    if (items && q.conditions.length) return partsMeeting(q, note, head, whole, items.leaves);
    if (items) return { ...reply('answered', [...note, `${head}：${show(whole)}，${items.intro}`, ...items.lines], [whole, ...items.parts]), whole };
  }
  if (parts.length > 0 && q.conditions.length) return partsMeeting(q, note, head, whole, parts, stated);
  if (parts.length === 0) {
    const r = lookup(s, q, scope, t);
    r.lines.push('（没有更细的明细。）');
    return { ...r, whole: r.figures[0] };
  }
  // The whole's table and column say its scope (基本支出 or all funds), which its parts share.
  const scopeText = whole.table ? `（${whole.table}${whole.column ? `·${whole.column}` : ''}）` : '';
  const lines = [...note, `${head}${scopeText}：${show(whole)}，其中：`, ...parts.map((p) => `· ${p.label}：${show(p)}`)];
  return { ...reply('answered', lines, [whole, ...parts]), whole };
}
