// 排名: projects of a department by amount or by self-evaluation score, subjects
// of a classification, the parts of a figure, or departments by a figure. 前N limits
// the list; items tied with the last one kept stay in it.
import type { Condition, StructuredQuery, Target } from '../../query/ast.ts';
import type { Figure } from '../figures.ts';
import { amountBasis, comparable, describeAll, describeByColumn, meeting, mismatch } from '../conditions.ts';
import { fromCell, fromFact, headlinePerTable, show, usable } from '../figures.ts';
import { heading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import { MEASURES, metricFigures, pick, projectAmounts, remember, type Sources } from '../sources.ts';
import { METRIC_PARTS, headlineFigure, stageOf, targetName } from '../targets.ts';
import { procurementItems } from './breakdown.ts';
import { columnItems } from './breakdown.ts';
import { countedFirst, unpricedProjects } from './list.ts';
import { sameNameGroups } from '../project-groups.ts';
import { departmentOwners, ownerFigure, tableNames } from './performance.ts';

/** 整体 typed among a question's table words: the units' own 整体绩效自评表 asked. */
const WHOLE_TITLE = '整体';
import { tableName } from '../format.ts';

const DEFAULT_TOP = 10;

export const scoreOrder = (q: StructuredQuery) => (q.ascending ? '从低到高' : '从高到低');

/** What a figure is ranked by: money, else a number (a score). */
const measure = (f: Figure): number | null => f.fen ?? (typeof f.value === 'number' ? f.value : null);

export function ranked(figures: Figure[], q: StructuredQuery): Figure[] {
  // Under a condition (低于90分), every figure meeting it; else the top N.
  const within = q.conditions.length ? meeting(figures, q.conditions) : figures;
  const sorted = within.filter((f) => measure(f) !== null).sort((a, b) => (q.ascending ? measure(a)! - measure(b)! : measure(b)! - measure(a)!));
  return firstWithTies(sorted, q.top ?? (q.conditions.length ? sorted.length : DEFAULT_TOP), measure);
}

/**
 * The first `count` of a sorted list and those after them tied with the last one: cutting between equal figures would
 * drop one of them arbitrarily (抚顺 1.50 at lines 234 and 237).
 */
export function firstWithTies<T>(sorted: T[], count: number, measure: (x: T) => number | null): T[] {
  let end = Math.min(count, sorted.length);
  while (end > 0 && end < sorted.length && measure(sorted[end]!) === measure(sorted[end - 1]!)) end++;
  return sorted.slice(0, end);
}

/**
 * The 0-based place in the ranking asked that an item reference names (第二, 倒数第二, 排最后的). The grammar reads 倒数
 * as the ranking from the smallest (ascending: the visitor's ordinal), so 倒数第二 is the second of that order; only an
 * end not turned round that way (排最后的 of a ranking from the largest) counts back from the last place.
 */
export function placeAsked(q: Pick<StructuredQuery, 'ascending'>, ref: { index: number; fromEnd: boolean }, count: number): number {
  return ref.fromEnd && !q.ascending ? count - ref.index : ref.index - 1;
}

/**
 * A place as the answer names it: counted from the end in a ranking printed from the smallest (倒数第二), the places
 * printed count from that end, so it is 倒数第N — 排第2 would read as the second largest.
 */
export function placeNamed(q: Pick<StructuredQuery, 'ascending'>, ref: { fromEnd: boolean } | null, place: number): string {
  return ref?.fromEnd && q.ascending ? `倒数第${place}` : `第${place}`;
}

/** `named` is what a line calls a figure when its label alone does not say whose it is (a department ranking). */
export function listing(title: string, figures: Figure[], total: number, ascending = false, order = ascending ? '从小到大' : '从大到小', named = (f: Figure) => f.label): Reply {
  if (figures.length === 0) return reply('not_found', [`${title}：没有可排序的数字。`]);
  const lines = [`${title}（${order}${total > figures.length ? `，共${total}项，列前${figures.length}项` : ''}）：`];
  // Equal figures share a place (1, 2, 3, 3), so a tie reads as one.
  const same = (i: number, j: number) => j >= 0 && j < figures.length && measure(figures[i]!) === measure(figures[j]!);
  let place = 0;
  figures.forEach((f, i) => {
    if (!same(i, i - 1)) place = i + 1;
    lines.push(`${place}. ${named(f)}：${show(f)}${same(i, i - 1) || same(i, i + 1) ? '（并列）' : ''}`);
  });
  return reply('answered', lines, figures);
}

/**
 * A ranking, or under conditions (低于90分, 50万元以下) the figures meeting them, in order: the conditions
 * are said in the heading, and none meeting them is said as such.
 */
export function rankedListing(title: string, figures: Figure[], q: StructuredQuery, kind: 'yuan' | 'score' | 'percent', order = q.ascending ? '从小到大' : '从大到小', named?: (f: Figure) => string, counted: string | null = null): Reply {
  if (q.conditions.length === 0) return listing(title, ranked(figures, q), figures.length, q.ascending, order, named);
  if (!comparable(figures, q.conditions)) return reply('not_found', [`${title}：${mismatch(q.conditions, kind)}`]);
  const kept = ranked(figures, q);
  if (kept.length === 0) return reply('not_found', [`${title}：没有${describeAll(q.conditions)}的（共${figures.length}项）。`]);
  const r = listing(title, kept, kept.length, q.ascending, `${describeAll(q.conditions)}，${order}`, named);
  // 满分的项目有几个: `counted` names what the items are when they can be counted (null: some are not in the list).
  return counted ? countedFirst(r, kept, counted, q) : r;
}

/** The subjects at one level of the main expenditure table (功能分类 项, or 类 when asked); `column`: by their cell in that column. */
function subjectsAtLevel(s: Sources, scope: Scope, year: number, classification: string, level: string, column: string | null = null): Figure[] {
  return remember(s, `level|${scope.doc.id}|${scope.unitId}|${year}|${classification}|${level}|${column}`, () => computeSubjectsAtLevel(s, scope, year, classification, level, column));
}

/** The columns a subject's row prints its parts in (支出总表, 财政拨款支出表: 基本支出, 人员经费, 公用经费, 项目支出). */
const PART_COLUMNS = new Set(['basic', 'personnel', 'public', 'project']);

/**
 * 项目支出里超过300万的功能科目, 人员经费最多的功能科目: the column of the subjects' rows a question ranks or bounds them by —
 * 项目支出 whatever classification is named (it has no 经济分类 items of its own), the basic columns where 功能 is named
 * (else they are 经济分类 items: rankMeasureItems); null when it names none.
 */
export function subjectColumn(q: StructuredQuery): string | null {
  const t = q.targets[0];
  if (!q.subjects || q.targets.length !== 1 || t?.kind !== 'metric' || !PART_COLUMNS.has(t.key)) return null;
  // 项目支出超过10万的经济科目: the economic items' 项目支出 cells (莲湖 表6), never their 合计.
  if (t.key === 'project') return t.key;
  return q.classification === 'functional' ? t.key : null;
}

/**
 * From the table that covers the most spending: a 基本支出表 lists only part of the
 * 经济分类 subjects (沈阳 表6 has no 30111 公务员医疗补助缴费; 表12 has it all). With a column, each subject's cell in
 * it as printed (a blank cell is no figure), never the row's 合计.
 */
function computeSubjectsAtLevel(s: Sources, scope: Scope, year: number, classification: string, level: string, column: string | null): Figure[] {
  const rows = s.queries
    .figuresAtLevel(scope.doc.id, classification, level)
    .filter((r) => usable(r) && r.year === year && r.value_kind === 'money' && (column === null || (r.column_key === column && !(r.amount_fen === 0 && r.raw_text.trim() === ''))))
    // A unit's subjects are its own rows only: the department's table (抚顺 表3) is never the unit's (抚顺医保中心的钱花哪了).
    .filter((r) => scope.unitId === null || r.unit_id === scope.unitId);
  const perTable = new Map<number, Figure[]>();
  for (const tableId of new Set(rows.map((r) => r.table_id))) {
    const byCode = new Map<string, typeof rows>();
    for (const r of rows.filter((r) => r.table_id === tableId)) byCode.set(r.subject_code!, [...(byCode.get(r.subject_code!) ?? []), r]);
    perTable.set(tableId, [...byCode.values()].flatMap((group) => headlinePerTable(group)).map((r) => fromCell(r, scope.doc, scope.doc.department, `${r.subject_name}（${r.subject_code}）`)));
  }
  const total = (figures: Figure[]) => figures.reduce((sum, f) => sum + (f.fen ?? 0), 0);
  return [...perTable.values()].reduce<Figure[]>((best, figures) => (total(figures) > total(best) ? figures : best), []);
}

/**
 * Each project's self-evaluation score: its 自评表's 绩效自评总得分, else the score its
 * text states (北票 定点医疗机构离休干部药费 has no 自评表). Where both exist and differ, both are said. Each carries its
 * project's id, by which a project asked is found.
 */
export function projectScores(s: Sources, scope: Scope): { scores: Figure[]; notes: string[] } {
  const doc = scope.doc;
  const inScope = (unitId: number | null) => scope.unitId === null || unitId === scope.unitId;
  const owners = s.queries.scoredOwners(doc.id).filter((o) => inScope(o.unit_id));
  const stated = s.queries.factsByMetric(doc.id, 'project.self_eval_score').filter((f) => f.aspect === 'score' && f.value !== null && f.subject_name !== null);
  const key = (name: string) => name.replace(/\s+/g, '');
  const notes: string[] = [];
  const scores = owners.map((o) => {
    const text = stated.find((f) => f.subject_name === key(o.name) && f.value !== o.total_score);
    if (text) notes.push(`注：${o.name}自评表得分${o.total_score}分，正文（第${text.line}行）为${text.value}分。`);
    const figure = ownerFigure(o, scope, o.table_name === null ? null : tableName(o.table_name, o.table_number), { label: '', value: o.total_score!, unit: '分', raw: String(o.total_score), line: o.score_line ?? o.line });
    return { ...figure, projectId: o.project_id };
  });
  const owned = new Set(owners.map((o) => key(o.name)));
  for (const f of stated.filter((x) => !owned.has(x.subject_name!))) {
    const project = s.queries.projectsStatedScored(doc.id).find((p) => p.name_key === f.subject_name);
    const unitId = project?.unit_id ?? null;
    if (inScope(unitId)) scores.push({ ...fromFact(f, doc, s.entity(doc, unitId), f.subject_name!), projectId: project?.id ?? null });
  }
  return { scores, notes };
}

function rankScores(s: Sources, q: StructuredQuery, scope: Scope, head: string): Reply {
  // 哪个单位的整体自评得分最高: the units' 整体绩效自评表 scores, never the projects'.
  if (q.asked?.titles?.includes(WHOLE_TITLE)) {
    const whole = departmentOwners(s, scope).filter((o) => o.total_score !== null);
    if (whole.length === 0) return reply('not_found', [`${head}：文件中没有单位整体绩效自评得分，无法排序。`]);
    const tables = tableNames(s, scope.doc.id);
    const figures = whole.map((o) => ownerFigure(o, scope, tables.get(o.table_id) ?? null, { label: '整体绩效自评总得分', value: o.total_score!, unit: '分', raw: String(o.total_score), line: o.score_line ?? o.line }));
    return rankedListing(`${head} 单位整体绩效自评得分排序`, figures, q, 'score', scoreOrder(q), (f) => f.label.replace(/整体绩效自评总得分$/, ''));
  }
  const { scores, notes } = projectScores(s, scope);
  if (scores.length === 0) {
    const what = scope.doc.stage === '预算' ? '预算只列绩效目标，没有自评得分' : '文件中没有项目自评得分';
    return reply('not_found', [`${head}：${what}，无法按得分排序。`], [], [`${scope.doc.short} 绩效${scope.doc.stage === '预算' ? '目标' : '自评'}`]);
  }
  // 得分低于95分而且预算超过10万: each amount bounds the project's money in the column its stage word names (预算数 unless 决算 is said), shown beside its score.
  const amounts = q.conditions.filter((c) => c.unit === 'yuan');
  if (amounts.length === 0 || !q.conditions.some((c) => c.unit === 'score')) {
    const r = rankedListing(`${head} 项目自评得分排序`, scores, q, 'score', scoreOrder(q), undefined, '项目');
    r.lines.push(...notes);
    return r;
  }
  const basisOf = (c: Condition) => amountBasis(c, q);
  const bases = [...new Set(amounts.map(basisOf))];
  // Each column's amounts by project name, grouped once (not scanned per score and condition).
  const money = new Map(bases.map((b) => {
    const byName = new Map<string, Figure[]>();
    for (const x of projectAmounts(s, scope.doc, scope.year, b)) byName.set(x.label, [...(byName.get(x.label) ?? []), x]);
    return [b, byName] as const;
  }));
  const name = (f: Figure) => f.project ?? f.label;
  // A score is cited as the department's (its 自评表), the amount as its unit's: by name, the unit's where two share it.
  const amountOf = (f: Figure, b: '预算' | '决算') => {
    const named = money.get(b)!.get(name(f).replace(/\s+/g, '')) ?? [];
    return named.find((x) => x.entity === f.entity) ?? (named.length === 1 ? named[0] : undefined);
  };
  const rich = scores.filter((f) => amounts.every((c) => { const x = amountOf(f, basisOf(c)); return x !== undefined && meeting([x], [c]).length > 0; }));
  const bounded = describeByColumn(amounts, basisOf);
  const within = { ...q, conditions: q.conditions.filter((c) => c.unit !== 'yuan') };
  const beside = (f: Figure) => bases.flatMap((b) => { const x = amountOf(f, b); return x ? [`${b}数${show(x)}`] : []; });
  const r = rankedListing(`${head} ${bounded}的项目的自评得分`, rich, within, 'score', scoreOrder(q), (f) => `${name(f)}（${beside(f).join('，')}）`, '项目');
  if (r.status === 'answered') r.figures.push(...r.figures.flatMap((f) => bases.flatMap((b) => amountOf(f, b) ?? [])));
  r.lines.push(...notes);
  return r;
}

/**
 * Projects by amount. Where some projects have no printed amount (曲阳 prices 7 of its 14,
 * in its 政府采购 table), the ranking says it covers only the others: its first is not the largest project.
 */
function rankProjects(s: Sources, q: StructuredQuery, scope: Scope, stage: Figure['basis'], head: string): Reply {
  const all = projectAmounts(s, scope.doc, scope.year, stage).filter((f) => scope.unitId === null || f.entity === scope.entity);
  const unpriced = unpricedProjects(s, scope);
  const r = rankedListing(`${head} 项目${stage === '决算' ? '支出' : '预算'}排序`, all, q, 'yuan', undefined, undefined, unpriced.length ? null : '项目');
  if (r.status === 'answered' && unpriced.length) {
    const tables = [...new Set(all.map((f) => (f.column ? `${f.table}“${f.column}”栏` : f.table ?? '正文')))].join('、');
    r.lines.push(`注：只排了印有金额的${all.length}个项目（金额取自${tables}）；另有${unpriced.length}个项目文件中没有印金额，不在排序中，第1名不一定是最大的项目。`);
  }
  const groups = sameNameGroups(s, scope, stage, r.figures);
  r.lines.push(...groups.lines);
  r.figures.push(...groups.figures);
  return r;
}

/**
 * 人员经费里第二大的科目, 公用经费里最少的一项: the finest 经济分类 items the measure's column itemises (基本工资, 邮电费 —
 * not the 类 above them), ranked; a blank cell is no figure to rank.
 */
function rankMeasureItems(s: Sources, q: StructuredQuery, scope: Scope, t: Target & { kind: 'metric' }, stage: Figure['basis'], head: string): Reply {
  const whole = headlineFigure(s, scope, t, scope.year, stage).main;
  const items = whole ? columnItems(s, scope, t.key, whole, stage) : null;
  const leaves = (items?.leaves ?? []).filter((f) => !(f.fen === 0 && f.raw.trim() === ''));
  if (leaves.length === 0) return reply('not_found', [`${head}：没有${targetName(t)}按经济分类的明细可排序。`]);
  return rankedListing(`${head} ${targetName(t)}明细科目（${items!.intro.replace(/^按|：$/g, '')}）排序`, leaves, q, 'yuan', undefined, undefined, '明细科目');
}

/** 款级科目, 类级 (the query's level); else 功能分类 by its 项, 经济分类 by its 款. */
function subjectLevel(q: StructuredQuery, classification: string): string {
  return q.level ?? (classification === '功能分类' ? '项' : '款');
}

export function rankWithin(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const t: Target | undefined = q.targets[0];
  const year = scope.year;
  const stage = stageOf(q.stage, scope);
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  let r: Reply;
  if (q.byScore) {
    r = rankScores(s, q, scope, head);
  } else if (subjectColumn(q)) {
    const column = subjectColumn(q)!;
    const classification = q.classification === 'economic' ? '部门经济分类' : '功能分类';
    const level = subjectLevel(q, classification);
    const all = subjectsAtLevel(s, scope, year, classification, level, column);
    r =
      all.length === 0
        ? reply('not_found', [`${head}：按${classification}印出科目的表没有${targetName(t!)}一栏（或此栏全空），无法按${targetName(t!)}排列科目。`], [], [`${scope.doc.short} ${classification === '功能分类' ? '功能' : '经济'}科目排名`])
        : rankedListing(`${head} 支出科目${targetName(t!)}（${classification}，${level}级，${all[0]!.table}“${all[0]!.column}”栏）排序`, all, q, 'yuan', undefined, undefined, '科目');
  } else if (t?.kind === 'metric' && t.key !== 'project' && MEASURES.has(t.key) && (q.subjects || !METRIC_PARTS[t.key])) {
    r = rankMeasureItems(s, q, scope, t, stage, head);
  } else if (t?.kind === 'metric' && METRIC_PARTS[t.key] && !['project', 'expenditure.grand_total'].includes(t.key)) {
    // 政府采购 ranked: the rows its table prints where it prints them (曲阳 按金额排一下), else its 货物/服务/工程.
    const rows = t.key === 'procurement.total' ? (procurementItems(s, scope, stage)?.parts ?? []) : [];
    const parts = rows.length ? rows : METRIC_PARTS[t.key]!.flatMap((k) => pick(metricFigures(s, scope.doc, k, year), stage).main.slice(0, 1));
    r = listing(`${head} ${targetName(t)}各项排序`, ranked(parts, q), parts.length, q.ascending);
  } else if (q.subjects || (t?.kind === 'metric' && t.key.startsWith('expenditure.')) || t?.kind === 'subject') {
    const classification = q.classification === 'economic' ? '部门经济分类' : '功能分类';
    const level = subjectLevel(q, classification);
    const all = subjectsAtLevel(s, scope, year, classification, level);
    if (all.length === 0 && scope.unitId !== null) return reply('not_found', [...note, `${head}：文件没有单列${scope.entity}的${classification}支出科目，只有${scope.doc.department}的。`], [], [`${scope.doc.short} ${classification === '功能分类' ? '功能' : '经济'}科目排名`]);
    r = rankedListing(`${head} 支出科目（${classification}，${level}级${all[0]?.table ? `，${all[0].table}` : ''}）排序`, all, q, 'yuan', undefined, undefined, '科目');
    // 支出按经济分类 where only a 基本支出表 prints that classification: its figures are the basic part, said so.
    if (/基本支出/.test(all[0]?.table ?? '')) r.lines.splice(1, 0, `（按${classification}印出科目的表只含基本支出，不是全部支出。）`);
  } else {
    r = rankProjects(s, q, scope, stage, head);
  }
  r.lines.unshift(...note);
  return r;
}
