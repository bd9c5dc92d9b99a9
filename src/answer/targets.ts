// The figures for one target (a metric, a subject, a project) in one scope, and
// how a target is named in answers.
import type { StructuredQuery, Target } from '../query/ast.ts';
import { cutIntoColumns, familyOf, isMetric, metric as metricOf } from '../store/metrics.ts';
import type { Stage } from '../store/schema.ts';
import type { Figure } from './figures.ts';
import type { Scope } from './resolve.ts';
import { fromCell, fromFact, headlinePerTable, sameFigure, usable } from './figures.ts';
import { doubtful } from './caution.ts';
import { nameKey } from '../ingest/text/cjk.ts';
import { inColumn, MEASURES, metricFigures, partsMarked, pick, projectFigures, statedPart, subjectFigures, type Sources } from './sources.ts';

/**
 * A subject or project named with a measure (抚顺 卫生健康支出 基本支出) asks for one
 * cell: that row in that column, not the two totals side by side. `scoped`: the column was typed first
 * (基本支出里X占Y): it scopes the whole question, so a row named as a share's base is read in it too.
 */
export function cellOf(q: Pick<StructuredQuery, 'targets'> & Partial<Pick<StructuredQuery, 'reference'>>): { target: Target; measure: string; scoped: boolean } | null {
  if (q.targets.length !== 2) return null;
  const measure = q.targets.find((t) => t.kind === 'metric' && MEASURES.has(t.key));
  // 三公经费其中项目支出: after 其中 a figure cut into no columns is the row, its own cell asked.
  const row = q.targets.find((t) => t.kind !== 'metric') ?? (q.reference?.kind === 'part' ? q.targets.find((t) => t.kind === 'metric' && cutIntoColumns(t.key)) : undefined);
  return measure?.kind === 'metric' && row ? { target: row, measure: measure.key, scoped: q.targets[0] === measure } : null;
}

export function targetName(t: Target, measure: string | null = null): string {
  const name = t.kind === 'metric' ? metricOf(t.key).name : t.kind === 'subject' && t.codes.length === 1 ? `${t.name}（${t.codes[0]}）` : t.name;
  return measure ? `${name}·${metricOf(measure).name}` : name;
}

/** What the document calls a figure qualified as printed (单价100万元（含）以上设备), else null: thresholds differ between documents. */
export function printedLabel(t: Target, f: Figure): string | null {
  return t.kind === 'metric' && metricOf(t.key).printed ? f.label : null;
}

/**
 * A metric that is the 合计 row of a table of its own: 政府采购 of the 政府采购预算表, 项目支出 of the 项目支出表 (莲湖
 * 专项业务经费支出表 合计: where a project's share of it is cited from).
 */
const TABLE_TOTALS: Record<string, string> = { 'procurement.total': '政府采购', project: '项目' };

/** A subject as printed with no code (莲湖 表1 “5、教育支出 3,360.00”): found by its name. */
function uncodedSubjectFigures(s: Sources, doc: Scope['doc'], name: string, year: number, measure: string | null): Figure[] {
  const rows = s.queries.figuresByUncodedSubject(doc.id, name).filter((r) => usable(r) && r.year === year && r.value_kind === 'money' && inColumn(measure)(r));
  const cells = headlinePerTable(rows).map((r) => fromCell(r, doc, s.entity(doc, r.unit_id), name));
  return measure === null ? partsMarked(cells) : cells;
}

function documentFigures(s: Sources, scope: Scope, t: Target, year: number, measure: string | null): Figure[] {
  const doc = scope.doc;
  if (t.kind !== 'metric') {
    const rows = t.kind === 'subject' ? [...subjectFigures(s, doc, t.codes, t.name, year, measure), ...uncodedSubjectFigures(s, doc, t.name, year, measure)] : projectFigures(s, doc, t.ids, year, measure);
    // A cell is labelled with its column: 卫生健康支出·基本支出, not the row's total's name.
    // (The total column, asked as a row's own whole, keeps the row's name.)
    return rows.map((f) => (measure && MEASURES.has(measure) ? { ...f, label: `${f.label}·${metricOf(measure).name}` } : f)).sort((a, b) => a.rank - b.rank);
  }
  // 三公经费其中项目支出: a figure's cell in a column is only a cell printed in that column — none where its row prints none.
  if (measure && MEASURES.has(measure)) {
    const cells = metricFigures(s, doc, t.key, year, t.text).filter((f) => f.measure === measure).map((f) => ({ ...f, label: `${f.label}·${metricOf(measure).name}` }));
    return cells.length ? cells : statedPart(s, doc, t.key, measure, year);
  }
  const figures = metricFigures(s, doc, t.key, year, t.text);
  // 会议费 with no 会议费 line in the prose may still be a 经济分类 row (沈阳 表6 30215).
  // The first of the catalog's subjects (sorted by name) named either way.
  const [typed, named] = [s.catalog.subjectNamed(t.text), s.catalog.subjectNamed(metricOf(t.key).name)];
  const subject = typed && named ? (typed.name.localeCompare(named.name) <= 0 ? typed : named) : (typed ?? named);
  const printed = subject ? subjectFigures(s, doc, subject.codes, subject.name, year) : [];
  if (!figures.length) return printed;
  // The same figure printed more exactly elsewhere (莲湖 培训费 0.34万元 in the 会议费表, 3,360.00元 in 表6;
  // 政府采购 28.47万元 in the text, 284,708.00元 in 表12): picking cites the exact one.
  const totals = TABLE_TOTALS[t.key] ? s.queries.totalsByClassification(doc.id, TABLE_TOTALS[t.key]).filter((r) => usable(r) && r.year === year && r.amount_fen !== null) : [];
  const own = headlinePerTable(totals).map((r) => fromCell(r, doc, s.entity(doc, r.unit_id), metricOf(t.key).name)).filter((p) => figures.some((f) => sameFigure(f, p)));
  // The 合计 row of the figure's own table (沈阳 政府采购 表14 line 435) is cited before a sentence repeating it, after the tables that print the figure itself.
  const [tabled, stated] = [figures.filter((f) => f.table !== null), figures.filter((f) => f.table === null)];
  return [...tabled, ...own, ...stated, ...printed.filter((p) => figures.some((f) => sameFigure(f, p)))];
}

/**
 * The figures for a target in a scope. Asked about a sub-unit, only the unit's own
 * figures (its 项目支出 is its subtotal row in the project table, its 政府采购 in the 政府采购表): the department's
 * are not its own, and an answer citing them would read as if they were.
 */
export function targetFigures(s: Sources, scope: Scope, t: Target, year: number, measure: string | null = null): Figure[] {
  const figures = documentFigures(s, scope, t, year, measure);
  if (scope.unitId === null) return figures;
  const own = figures.filter((f) => f.entity === scope.entity);
  const key = t.kind === 'metric' ? t.key : null;
  if (own.length || key === null || !TABLE_TOTALS[key]) return own;
  const rows = s.queries.unitFigures(scope.doc.id, scope.unitId).filter((r) => usable(r) && r.year === year && r.value_kind === 'money' && r.classification === TABLE_TOTALS[key]);
  return headlinePerTable(rows).map((r) => fromCell(r, scope.doc, scope.entity, metricOf(key).name));
}

/** The stage an answer leads with: the one asked, else the document's own. */
export function stageOf(stage: Stage | 'both' | null, scope: Scope): Stage {
  return stage === '预算' || stage === '决算' ? stage : scope.doc.stage;
}

/** The single figure that answers “how much” for a target in a scope, with the other stage's beside it. */
export function headlineFigure(s: Sources, scope: Scope, t: Target, year: number, stage: Stage, measure: string | null = null): { main: Figure | null; other: Figure | null } {
  const { main, other } = pick(targetFigures(s, scope, t, year, measure), stage);
  return { main: main[0] ?? null, other: other[0] ?? null };
}

/**
 * The headline figure and every other printing of the same value (another table, the text) at that stage: where the
 * figure may be cited from when it is an input beside others. Never a doubtful printing.
 */
export function printingsOf(s: Sources, scope: Scope, t: Target, year: number, stage: Stage, measure: string | null = null): Figure[] {
  const all = targetFigures(s, scope, t, year, measure);
  const main = pick(all, stage).main[0];
  if (!main) return [];
  return [main, ...all.filter((f) => f !== main && f.basis === stage && f.entity === main.entity && sameFigure(f, main) && !doubtful(f))];
}

/**
 * One printing of each input, cited where one table row prints them all (曲阳 基本支出表 合计 and 公用经费), else one
 * table (沈阳 表6 会议费、培训费、公务接待费), else — where the tables' headlines cover different funds (北票 公开06表's
 * 一般公共预算 人员经费 beside 公开03表's 基本支出 of all funds) — the sentence stating them all (北票 line 172: 基本支出
 * 564.96，其中人员经费 490.66; asked with `sentence`, wherever one states them all), else each its headline. Each list is one input's printings, its headline first: only
 * where it is cited changes, never its value.
 */
export function aligned(printings: Figure[][], sentence = false): Figure[] {
  const firsts = printings.map((p) => p[0]!);
  if (printings.some((p) => p.length === 0)) return firsts;
  const shared = (key: (f: Figure) => string | null) => {
    const keys = printings[0]!.map(key).filter((k): k is string => k !== null);
    const common = keys.find((k) => printings.every((p) => p.some((f) => key(f) === k)));
    return common === undefined ? null : printings.map((p) => p.find((f) => key(f) === common)!);
  };
  const inTable = (f: Figure) => (f.table === null ? null : `${f.document.id}|${f.table}`);
  const scopes = firsts.every((f) => f.scope !== undefined) ? new Set(firsts.map((f) => f.scope)) : new Set();
  return (
    shared((f) => (f.table === null ? null : `${f.document.id}|${f.line}`)) ??
    shared(inTable) ??
    (scopes.size > 1 || sentence ? shared((f) => (f.table === null ? `${f.document.id}|${f.line}` : null)) : null) ??
    firsts
  );
}

/** A figure's parts at every level down (“三公”经费: 公务用车购置及运行费, 公务用车购置费 …). */
export function partsOf(key: string, into = new Set<string>()): Set<string> {
  for (const k of metricOf(key).parts.length ? metricOf(key).parts : (METRIC_PARTS[key] ?? [])) if (!into.has(k)) partsOf(k, into.add(k));
  return into;
}

/** The whole budget's figures (收入总计, 收支总预算, 财政拨款) are one kind: the text states one change of them all. */
const WHOLE_BUDGET = new Set(['income', 'expenditure', 'fiscal']);
const sameKind = (a: string, b: string) => {
  const [x, y] = [familyOf(a), familyOf(b)];
  return x === y || (WHOLE_BUDGET.has(x) && WHOLE_BUDGET.has(y));
};

/**
 * The figure whose change the text states: the target's own, else a sentence stating a change of the same
 * amount that year under another name (莲湖 收入总计 514.21 is the 一般公共预算拨款 514.21 whose sentence says
 * 较上年减少138.44万元), allowing for the coarser one's rounding.
 */
export function statedChange(s: Sources, scope: Scope, t: Target, year: number, f: Figure | null): Figure | undefined {
  const figures = targetFigures(s, scope, t, year);
  const own = figures.find((x) => x.change !== null);
  // A figure of 0 names nothing by its amount: another 0 (结转结余 持平) is no statement of its change.
  if (own || !f || f.fen === null || f.fen === 0 || scope.unitId !== null) return own;
  const facts = s.queries
    .factsByAspect(scope.doc.id, 'amount')
    .filter((x) => x.year === year && x.amount_fen !== null && x.change_line !== null && (x.change_direction !== null || x.change_fen !== null) && Math.abs(x.amount_fen - f.fen!) <= Math.max(x.precision_fen ?? 1, f.precision ?? 1) / 2);
  // 本部门预算支出514.21万元，其中：一般公共预算拨款514.21万元，较上年减少…: the sentence naming the figure asked
  // states its change, not an earlier sentence of the same amount about another (预算收入).
  const named = new Set(figures.filter((x) => x.table === null).map((x) => x.line));
  // 机关商品和服务支出 (502) and 商品和服务支出 (302) print the same amount with their own reasons: the sentence
  // naming the subject asked, as printed, before another of the same amount.
  const asked = t.kind === 'subject' ? nameKey(t.name) : null;
  // 沈阳 培训费 0.85 is no 公务接待费 0.85: a sentence naming another figure states the change of one of the same kind
  // (收入总计 and its 一般公共预算拨款), a part or a whole of the one asked — never of an unrelated figure that happens to match.
  const parts = t.kind === 'metric' ? partsOf(t.key) : null;
  // A sentence about a subject or a project (its fact's metric `subject`, `project`) is no part or whole of a metric.
  const related = (x: { metric: string }) => t.kind !== 'metric' || sameKind(x.metric, t.key) || parts!.has(x.metric) || (isMetric(x.metric) && partsOf(x.metric).has(t.key));
  const fact = facts.find((x) => named.has(x.line)) ?? facts.find((x) => asked !== null && nameKey(x.subject_name ?? x.label) === asked) ?? facts.find(related);
  if (!fact) return undefined;
  // 公务用车运行维护费 1.66 whose sentence is the one of 公务用车购置及运行费 1.66 (its purchase 0 this year, not last):
  // the whole's change, named as the whole's.
  const wholes: string[] = [];
  for (let k = t.kind === 'metric' ? METRIC_WHOLE[t.key] : undefined; k; k = METRIC_WHOLE[k]) wholes.push(k);
  if (wholes.includes(fact.metric)) return { ...fromFact(fact, scope.doc, scope.doc.department), statedFor: fact.label };
  const ofPart = parts?.has(fact.metric) ? { ofPart: fact.label } : {};
  // A part's change is never the whole's: it keeps the part's name (北票 “三公”经费 → 公务用车购置及运行费's sentence).
  return { ...fromFact(fact, scope.doc, scope.doc.department, ofPart.ofPart ?? f.label), ...ofPart };
}

/**
 * 曲阳公务用车购置费比上年怎么变的: a part whose change the text does not state, nor last year's figure print, is given
 * the change stated for the nearest whole it belongs to (公务用车购置及运行费, else “三公”经费), named as the whole's.
 * A part that is nothing this year (曲阳 公务接待费 0) is no part of the whole's change: it gets none.
 */
export function wholeChange(s: Sources, scope: Scope, t: Target, year: number, part: Figure | null): Figure | undefined {
  if (t.kind !== 'metric' || scope.unitId !== null || !part?.fen) return undefined;
  for (let k = METRIC_WHOLE[t.key]; k; k = METRIC_WHOLE[k]) {
    const whole = targetFigures(s, scope, { kind: 'metric', key: k, text: '' }, year).find((x) => x.change !== null);
    if (whole) return { ...whole, statedFor: whole.label };
  }
  return undefined;
}

/** The percent a stated change gives beside its amount (增长129.10%), as a figure cited at the change's line. */
export function changePercent(stated: Figure): Figure | null {
  const c = stated.change;
  if (!c || c.percent === null) return null;
  const falling = c.direction === '减少' || c.direction === '下降' || c.direction === '降低';
  return { ...stated, label: `${stated.label}${c.basis ? `比${c.basis}` : '比上年'}增减幅度`, fen: null, value: falling ? -Math.abs(c.percent) : c.percent, unit: '%', table: null, column: null, line: c.line, raw: c.raw, precision: null, change: null, asOf: null };
}

/** Parts of a metric that answers list with it (“三公”经费 → its four parts). */
export const METRIC_PARTS: Record<string, string[]> = {
  'three_public.total': ['three_public.abroad', 'three_public.vehicle_purchase', 'three_public.vehicle_operation', 'three_public.reception'],
  'three_public.vehicle': ['three_public.vehicle_purchase', 'three_public.vehicle_operation'],
  basic: ['personnel', 'public'],
  'expenditure.grand_total': ['basic', 'project'],
  'expenditure.current_total': ['basic', 'project'],
  'procurement.total': ['procurement.goods', 'procurement.services', 'procurement.works'],
  'staff.authorized': ['staff.authorized_admin', 'staff.authorized_institution'],
  'assets.total': ['assets.buildings', 'assets.vehicles', 'assets.other'],
};

/** The whole a part is a share of. */
export const METRIC_WHOLE: Record<string, string> = {
  'three_public.abroad': 'three_public.total',
  'three_public.vehicle': 'three_public.total',
  'three_public.reception': 'three_public.total',
  'three_public.vehicle_purchase': 'three_public.vehicle',
  'three_public.vehicle_operation': 'three_public.vehicle',
  basic: 'expenditure.grand_total',
  project: 'expenditure.grand_total',
  personnel: 'basic',
  public: 'basic',
  'procurement.goods': 'procurement.total',
  'procurement.services': 'procurement.total',
  'procurement.works': 'procurement.total',
  'fiscal.general_budget': 'income.grand_total',
  'fiscal.total': 'income.grand_total',
  admin_operation: 'public',
};
