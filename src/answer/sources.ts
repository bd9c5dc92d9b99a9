// Where an answer's figures come from: the stored figures for a metric, a
// subject or a project in one document, best first, each with its source.
import type { Catalog, CatalogDocument } from '../query/catalog.ts';
import { LruMap } from '../lru.ts';
import { MEASURES, metric as metricOf, metricForLabel, metrics } from '../store/metrics.ts';
import { labelKey, squeezeCjkSpaces, stripOrdinal } from '../ingest/text/cjk.ts';
import type { NarrativeFactRow, Stage } from '../store/schema.ts';
import { preferCorroborated } from './caution.ts';
import type { FigureRow, Queries } from './data.ts';
import { distinctByValue, fromCell, fromFact, headlinePerTable, headlineRank, sameFigure, usable, type Figure } from './figures.ts';

export interface Sources {
  queries: Queries;
  catalog: Catalog;
  /** The unit a figure belongs to: its own unit when the row names one, else the document's department. */
  entity(document: CatalogDocument, unitId: number | null): string;
  /** Derived lists kept for questions asked again (the database does not change under the engine); bounded. */
  memo: Memo;
}

export type Memo = LruMap<string, { value: unknown }>;

/** The most list items (figures, rows) the memo keeps, the most recently used first. */
export const MEMO_ITEMS = 20_000;

export function createMemo(max = MEMO_ITEMS): Memo {
  // A kept reply weighs its figures.
  const size = (v: unknown): number =>
    Array.isArray(v) ? v.length : v instanceof Map ? v.size : v !== null && typeof v === 'object' && 'figures' in v ? size((v as { figures: unknown }).figures) : 0;
  return new LruMap(max, { weigh: (kept) => size(kept.value) + 1 });
}

// What remember keeps: the engine formats a kept reply once. Only those, not every reply: a WeakMap entry per reply
// kept each reply's text and items alive through V8's young-generation collections (measured: a third of what every
// scavenge of the bench loop copied).
const keptValues = new WeakSet<object>();

/** Whether `value` is one remember keeps (asked again, the same object comes back). */
export const isKept = (value: object): boolean => keptValues.has(value);

export function remember<T>(s: Sources, key: string, compute: () => T): T {
  let kept = s.memo.get(key) as { value: T } | undefined;
  if (!kept) {
    s.memo.set(key, (kept = { value: compute() }));
    if (typeof kept.value === 'object' && kept.value !== null) keptValues.add(kept.value);
  }
  return kept.value;
}

export { MEASURES };

const amountFacts = (facts: readonly NarrativeFactRow[], year: number) =>
  facts.filter((f) => (f.aspect === 'amount' || f.aspect === 'count' || f.aspect === 'score') && (f.amount_fen !== null || f.value !== null) && f.year === year);

/**
 * Where a metric's figure stands when no row or sentence names it directly:
 * 财政拨款(收入) is this year's income in the 财政拨款收支总表 (本年收入, not 收入总计, which adds 上年结转);
 * a count of 车辆 or of 其他固定资产 may only be the 数量 column of the 资产 table (metrics.json countOf).
 */
const FALLBACKS: Record<string, { metric: string; scope?: string }> = {
  'fiscal.total': { metric: 'income.current_total', scope: 'fiscal' },
  ...Object.fromEntries(metrics.flatMap((m) => (m.countOf ? [[m.key, { metric: m.countOf }]] : []))),
};

/**
 * Figures of a named metric (“三公”经费, 机关运行经费, 车辆…) in one document and year. A figure made here gains its
 * fields by Object.assign, not by spreading it into a new object: V8 kept the objects made by spreading figures alive
 * through young-generation collections (see visitor.ts readAt).
 */
export function metricFigures(s: Sources, doc: CatalogDocument, key: string, year: number, asked = ''): Figure[] {
  const metric = metricOf(key);
  const kind = metric.kind === 'count' ? 'count' : 'money';
  const fit = (r: FigureRow) => usable(r) && r.year === year && r.value_kind === kind;
  const rows = (k: string) => s.queries.figuresByMetric(doc.id, k).filter(fit);
  let found: FigureRow[] = rows(key);
  if (MEASURES.has(key)) found.push(...s.queries.figuresByMeasure(doc.id, key).filter((r) => usable(r) && r.year === year));
  // A sentence naming the figure as asked (财政拨款支出, not 财政拨款收入) comes first.
  const stated = s.queries.factsByMetric(doc.id, key);
  // A rate that is a metric of its own (自评覆盖率) is stored as a share.
  const own = metric.kind === 'percent' ? stated.filter((f) => f.aspect === 'share' && f.year === year) : amountFacts(stated, year);
  const facts = own
    .sort((a, b) => Number(b.label === asked) - Number(a.label === asked))
    .map((f, i) => Object.assign(fromFact(f, doc, doc.department, metric.printed ? f.label : metric.name), { rank: 100_000_000 + i }));
  const fallback = FALLBACKS[key];
  if (found.length === 0 && facts.length === 0 && fallback) {
    found = rows(fallback.metric).filter((r) => !fallback.scope || r.scope.split(',').includes(fallback.scope));
  }
  // A row printed with the metric's own name in a table whose rows the ingest does not tag (绩效自评表 部门年初预算收入金额).
  if (found.length === 0 && facts.length === 0) found = s.queries.figuresByLabel(doc.id, metric.name).filter(fit);
  const cells = headlinePerTable(found).map((r) => Object.assign(fromCell(r, doc, s.entity(doc, r.unit_id), metric.name), { printed: printedName(r, key) }));
  return [...cells, ...facts].sort((a, b) => a.rank - b.rank);
}

/**
 * The part of a cell's row or column label (header levels joined by /) that names the metric it was tagged with, as
 * printed without its list marker: 抚顺 表7's 公务用车运行费, 北票's 其中：(1)公务用车运行维护费 → 公务用车运行维护费.
 */
function printedName(r: FigureRow, key: string): string | undefined {
  const parts = [r.row_label, r.column_label].flatMap((label) => (label ?? '').split('/').reverse());
  const named = parts.find((part) => metricForLabel(labelKey(part), (m) => m.key === key));
  return named === undefined ? undefined : stripOrdinal(squeezeCjkSpaces(named));
}

/**
 * 北票财政拨款支出其中基本支出 where no table prints that cell: the part a sentence states right after its whole
 * (`财政拨款支出 1459.71 万元，其中：基本支出 564.96 万元`, line 114), cited at that sentence — only a part stated after 其中
 * in the very sentence stating the whole, never a part of the same name stated of another figure.
 */
export function statedPart(s: Sources, doc: CatalogDocument, key: string, measure: string, year: number): Figure[] {
  const wholes = amountFacts(s.queries.factsByMetric(doc.id, key), year);
  const label = `${metricOf(key).name}·${metricOf(measure).name}`;
  return amountFacts(s.queries.factsByMetric(doc.id, measure), year)
    .filter((p) => wholes.some((w) => w.line === p.line && w.raw_text === p.raw_text && w.basis === p.basis && partAfter(p.raw_text, w.label, p.label)))
    .map((p) => fromFact(p, doc, doc.department, label));
}

/** The part is named after 其中, which comes after the whole's name: 财政拨款支出…，其中：基本支出…. */
function partAfter(sentence: string, whole: string, part: string): boolean {
  const w = sentence.indexOf(whole);
  const among = sentence.indexOf('其中', w + whole.length);
  return w >= 0 && among >= 0 && sentence.indexOf(part, among) >= 0;
}

/** A row's cell in one column (基本支出, 项目支出, 人员经费, 公用经费), or its headline when none is asked. */
export const inColumn = (measure: string | null) => (r: FigureRow) => measure === null || r.column_key === measure;

/** The columns 基本支出 is made of. */
const BASIC_PARTS = new Set(['personnel', 'public']);

/**
 * Figures of a budget subject (by its codes) in one document and year, one per table;
 * with a measure, only that column's cells (卫生健康支出·基本支出), and no prose.
 */
export function subjectFigures(s: Sources, doc: CatalogDocument, codes: string[], name: string, year: number, measure: string | null = null): Figure[] {
  // A code cut short (北票 3010) stands for several subjects: the printed name decides.
  const printed = codes.flatMap((code) => s.queries.figuresBySubject(doc.id, code)).filter((r) => usable(r) && r.year === year && r.value_kind === 'money' && (r.level !== null || r.subject_name === name));
  // 北票 公开06表 prints 301 工资福利支出 in its 人员经费 column only, a 基本支出 table with no 基本支出 column: asked as
  // 基本支出, that one cell is the row's basic part (人员经费 and 公用经费 make up 基本支出) — only where no table prints a
  // 基本支出 cell of it, and never where the row prints cells in both parts.
  const basicPart = (r: FigureRow) =>
    measure === 'basic' &&
    BASIC_PARTS.has(r.column_key) &&
    !printed.some((x) => x !== r && x.table_id === r.table_id && x.line === r.line && BASIC_PARTS.has(x.column_key));
  const columned = printed.filter(inColumn(measure));
  const rows = columned.length ? columned : printed.filter(basicPart);
  const cells = headlinePerTable(rows).map((r) => fromCell(r, doc, s.entity(doc, r.unit_id), name));
  if (measure !== null) return cells.sort((a, b) => a.rank - b.rank);
  const facts = codes.flatMap((code) => amountFacts(s.queries.factsBySubject(doc.id, code), year)).map((f) => fromFact(f, doc, doc.department, name));
  return [...partsMarked(cells), ...facts].sort((a, b) => a.rank - b.rank);
}

/**
 * A subject's row in a table whose columns are only part of it (a 基本支出 table's 合计 is the basic part; 北票
 * 公开06表 prints 公用经费 only): the cell is that part, labelled so (邮电费·基本支出), never the subject's total.
 */
export function partsMarked(cells: Figure[]): Figure[] {
  return cells.map((f) => (f.measure !== undefined && MEASURES.has(f.measure) ? Object.assign({}, f, { label: `${f.label}·${metricOf(f.measure).name}`, part: true }) : f));
}

/**
 * Figures of a project: its amounts in every table that prints it, and what the prose says of it.
 * A project of the same name in another unit (抚顺 本级 226.00 and 中心 60.00, brackets printed
 * in different widths) is found too, each figure its own unit's.
 */
export function projectFigures(s: Sources, doc: CatalogDocument, projectIds: number[], year: number, measure: string | null = null): Figure[] {
  const all = s.queries.projects(doc.id);
  const keys = new Set(all.filter((p) => projectIds.includes(p.id)).map((p) => p.name_key));
  const named = all.filter((p) => keys.has(p.name_key));
  // A group named like one of its own projects (莲湖 表10 line 599 over line 601): the name is the project's.
  const projects = named.filter((g) => !named.some((p) => p.parent_id === g.id));
  if (projects.length === 0) return [];
  const unitOf = new Map(projects.map((p) => [p.id, p.unit_id]));
  const name = projects.find((p) => projectIds.includes(p.id))!.name;
  const rows = s.queries.projectFigures(doc.id).filter((r) => unitOf.has(r.project_id!) && usable(r) && r.year === year && r.value_kind === 'money' && inColumn(measure)(r));
  // Per table, stage (a 自评表 prints the budget and the amount spent) and unit.
  const groups = new Map<string, FigureRow[]>();
  for (const r of rows) {
    const key = `${r.table_id}|${r.basis}|${r.unit_id ?? unitOf.get(r.project_id!)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const cells = [...groups.values()].flatMap((group) => headlinePerTable(group)).map((r) => fromCell(r, doc, s.entity(doc, r.unit_id ?? unitOf.get(r.project_id!) ?? null), name));
  if (measure !== null) return cells.sort((a, b) => a.rank - b.rank);
  // The text's sentence about a project (北票 自评综述, line 210) is about the one project its tables print: of that
  // project's unit where every table prints it for one unit, never the department's as if another unit's.
  const owners = new Set(cells.map((c) => c.entity));
  const owner = owners.size === 1 ? [...owners][0]! : doc.department;
  const facts = [...keys].flatMap((k) => amountFacts(s.queries.factsByName(doc.id, k), year)).map((f) => fromFact(f, doc, owner, `${name}${f.label}`));
  return [...cells, ...facts].sort((a, b) => a.rank - b.rank);
}

/**
 * The figures to state: the asked stage's first (a 决算 answers 决算数 first),
 * one per distinct value, so the same number printed in two tables is said once; a subject's part (its
 * basic part) only where no table prints its whole.
 */
export function pick(all: Figure[], stage: Stage): { main: Figure[]; other: Figure[] } {
  // A part of a subject (its basic part) answers only where nothing prints the whole of it, or as the same figure.
  const wholes = all.filter((f) => !f.part);
  const figures = wholes.length ? all.filter((f) => !f.part || wholes.some((w) => sameFigure(w, f))) : all;
  const main = preferCorroborated(distinctByValue(figures.filter((f) => f.basis === stage && f.fen !== null).concat(figures.filter((f) => f.basis === stage && f.fen === null))));
  const other = preferCorroborated(distinctByValue(figures.filter((f) => f.basis !== stage)));
  return { main, other };
}

/**
 * Each project's headline amount in a document: from its 项目支出 table when
 * printed there (合计 column, whole scope), else from a 绩效 table. Leaves only:
 * a group row (莲湖 专用项目) is the sum of its projects, not one of them.
 */
export function projectAmounts(s: Sources, doc: CatalogDocument, year: number, stage: Stage): Figure[] {
  return remember(s, `projects|${doc.id}|${year}|${stage}`, () => computeProjectAmounts(s, doc, year, stage));
}

function computeProjectAmounts(s: Sources, doc: CatalogDocument, year: number, stage: Stage): Figure[] {
  const projects = s.queries.projects(doc.id);
  const parents = new Set(projects.map((p) => p.parent_id).filter((id) => id !== null));
  const rows = s.queries.projectFigures(doc.id).filter((r) => usable(r) && r.year === year && r.value_kind === 'money' && r.basis === stage);
  const kind = (r: FigureRow) => (r.classification === '项目' ? 0 : r.classification === '绩效' ? 1 : 2);
  // A 项目支出 table before a 绩效 table before others, then the earlier table, then the headline cell.
  const before = (a: FigureRow, b: FigureRow): boolean => (kind(a) - kind(b) || a.table_id - b.table_id || headlineRank(a) - headlineRank(b)) < 0;
  const best = new Map<number, FigureRow>();
  for (const r of rows) {
    const current = best.get(r.project_id!);
    if (!current || before(r, current)) best.set(r.project_id!, r);
  }
  // Where a 项目支出表 lists the projects, a name only a 绩效表 prints is another name for one of them.
  const listed = [...best.values()].some((r) => r.classification === '项目');
  const fromTables = projects
    .filter((p) => !parents.has(p.id) && best.has(p.id) && (!listed || best.get(p.id)!.classification === '项目'))
    .map((p) => fromCell(best.get(p.id)!, doc, s.entity(doc, p.unit_id), p.name));
  if (listed) return fromTables;
  // A 决算 may name a project only in its text (北票 定点医疗机构离休干部药费).
  const stated = projects
    .filter((p) => !parents.has(p.id) && !best.has(p.id))
    .flatMap((p) => {
      const metricKey = stage === '决算' ? 'project.executed' : 'project.budget';
      const fact = s.queries.factsByName(doc.id, p.name_key).find((f) => f.metric === metricKey && f.aspect === 'amount' && f.year === year);
      return fact ? [{ ...fromFact(fact, doc, s.entity(doc, p.unit_id), p.name), projectId: p.id }] : [];
    });
  return [...fromTables, ...stated];
}
