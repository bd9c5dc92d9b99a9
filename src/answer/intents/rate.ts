// 执行率: how much of its budget a project, a figure or the department spent, as a
// 决算 states it — in the prose (完成预算的 75.54%) and in a 绩效自评表 (执行率 75.57%).
// Rates are read, never computed; where the ingest found the two inconsistent, the answer says so.
import words from '../../../grammar/words.json' with { type: 'json' };
import type { Condition, StructuredQuery, Target } from '../../query/ast.ts';
import type { NarrativeFactRow } from '../../store/schema.ts';
import { amountBasis, comparable, describeAll, describeByColumn, meeting, mismatch, ofClassification } from '../conditions.ts';
import { fromFact, show, type Figure } from '../figures.ts';
import { printedAt } from '../format.ts';
import { heading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import { projectAmounts, type Sources } from '../sources.ts';
import { headlineFigure, printingsOf, targetName } from '../targets.ts';
import { computation, type Operand } from '../computation.ts';
import { countedFirst } from './list.ts';
import { ownerFigure, ownerRate, selfEvaluatedProjects, tableNames } from './performance.ts';

/** A project's 自评得分, asked beside its rate. */
const SCORE_KEY = 'project.self_eval_score';
import { firstWithTies, placeAsked, placeNamed, projectScores } from './rank.ts';

/** A 整体绩效自评表 indicator that is the unit's own rate (预算执行率), named as questions name it. */
const RATE_INDICATORS = new Set(words.intents.rate);

interface Rated {
  name: string;
  /** The project's id, for its money (预算超过200万而且执行率100%). */
  id: number;
  text: Figure[];
  table: Figure[];
  /** A failed text_vs_table check covers the two. */
  disagree: boolean;
  /** What the text states of why the budget was not all spent, or of the project's problems, with its line. */
  reasons: { text: string; line: number }[];
}

/** Said where a 预算 is asked what it spent: it has none yet. */
const planned = (stage: string) => (stage === '预算' ? '（预算文件只有计划数，执行率在决算中）' : '');

const isRate = (year: number) => (f: NarrativeFactRow) => f.aspect === 'execution_rate' && f.value !== null && f.year === year;

/** “正文75.54%；预算项目(政策)绩效自评表75.57%（正文与自评表不一致）” */
function stated(r: Rated): string {
  const parts = [...r.text.map((f) => `正文${show(f)}`), ...r.table.map((f) => `${f.table ?? '自评表'}${show(f)}`)];
  return `${parts.join('；')}${r.disagree ? '（正文与自评表不一致）' : ''}`;
}

function projectRates(s: Sources, scope: Scope, ids: number[]): Rated[] {
  const doc = scope.doc;
  const tables = tableNames(s, doc.id);
  const failed = s.queries
    .failedChecks(doc.id)
    .filter((c) => c.rule === 'text_vs_table')
    .map((c) => JSON.parse(c.lines) as number[]);
  return s.queries
    .projects(doc.id)
    .filter((p) => ids.includes(p.id))
    .map((p) => {
      const entity = s.entity(doc, p.unit_id);
      const facts = s.queries.factsByName(doc.id, p.name_key).filter(isRate(scope.year));
      const owners = s.queries.owners(doc.id).filter((o) => o.project_id === p.id);
      const of = (f: Figure): Figure => Object.assign({}, f, { of: p.name });
      return {
        name: p.name,
        id: p.id,
        text: facts.map((f) => of(fromFact(f, doc, entity, `${p.name}执行率`))),
        table: owners.flatMap((o) => ownerRate(s, { ...scope, entity }, o, tables.get(o.table_id) ?? null) ?? []).map(of),
        disagree: failed.some((lines) => facts.some((f) => lines.includes(f.line)) && owners.some((o) => lines.includes(o.line))),
        reasons: facts.flatMap((f) => (f.reason ? [{ text: f.reason, line: f.line }] : [])),
      };
    })
    .filter((r) => r.text.length + r.table.length > 0);
}

/** Rates the text states for a metric (“三公”经费, 基本支出) or a subject (城乡医疗救助), each with the reason stated for its gap to the budget. */
function statedRates(s: Sources, scope: Scope, t: Exclude<Target, { kind: 'project' }>): { figure: Figure; reason: string | null }[] {
  const doc = scope.doc;
  const facts =
    t.kind === 'metric'
      ? s.queries.factsByMetric(doc.id, t.key)
      : [...t.codes.flatMap((c) => s.queries.factsBySubject(doc.id, c)), ...s.queries.factsByName(doc.id, t.name)];
  const rates = facts.filter(isRate(scope.year)).filter((f, i, all) => all.findIndex((x) => x.id === f.id) === i);
  return rates.map((f) => ({ figure: fromFact(f, doc, doc.department, `${f.label}执行率`), reason: f.reason }));
}

/** The rates the text states of another figure of the same amount that year (支出总计 1,459.71 = 财政拨款支出 1,459.71), with its name. */
function sameAmountRates(s: Sources, scope: Scope, t: Extract<Target, { kind: 'metric' }>): { label: string; amount: Figure; rates: ReturnType<typeof statedRates> } | null {
  const f = scope.unitId === null ? headlineFigure(s, scope, t, scope.year, scope.doc.stage).main : null;
  if (!f?.fen) return null;
  const same = s.queries
    .factsByAspect(scope.doc.id, 'amount')
    .filter((x) => x.year === scope.year && x.metric !== null && x.metric !== t.key && x.amount_fen !== null && Math.abs(x.amount_fen - f.fen!) <= Math.max(x.precision_fen ?? 1, f.precision ?? 1) / 2);
  for (const x of same) {
    const rates = statedRates(s, scope, { kind: 'metric', key: x.metric!, text: '' }).filter((r) => r.figure.line === x.line);
    if (rates.length) return { label: x.label, amount: f, rates };
  }
  return null;
}

/** The department's own rates: those the text states for its totals (财政拨款支出, 基本支出, “三公”经费…), and its 整体绩效自评表's 预算执行率. */
function departmentRates(s: Sources, scope: Scope): Figure[] {
  const doc = scope.doc;
  const stated = scope.unitId !== null ? [] : s.queries.factsByAspect(doc.id, 'execution_rate').filter((f) => isRate(scope.year)(f) && f.subject_name === null);
  const out = stated.map((f) => fromFact(f, doc, doc.department, `${f.label}执行率`));
  const tables = tableNames(s, doc.id);
  for (const o of s.queries.owners(doc.id).filter((x) => x.owner_kind === 'unit' && (scope.unitId === null || x.unit_id === scope.unitId))) {
    for (const t of s.queries.targets(o.id).filter((x) => RATE_INDICATORS.has(x.level3) && x.actual_value !== null)) {
      const value = Number.parseFloat(t.actual_value!);
      if (Number.isNaN(value)) continue;
      out.push(ownerFigure(o, scope, tables.get(o.table_id) ?? null, { label: t.level3, value, unit: t.target_unit ?? '', raw: t.actual_value!, line: t.line }));
    }
  }
  return out;
}

/**
 * 执行率不到八成的项目: the projects whose stated rate meets the conditions, lowest first. A project whose text
 * and 自评表 disagree is judged by both and kept when either meets them, both said. An amount joined to the rate
 * (预算超过200万而且执行率100%) bounds the project's money at the stage named (预算数 unless 决算/执行 is said), shown beside.
 */
function ratesMeeting(s: Sources, q: StructuredQuery, scope: Scope, head: string, note: string[], rated: Rated[]): Reply {
  const stage = scope.doc.stage;
  const amounts = q.conditions.filter((c) => c.unit === 'yuan');
  const bounds = q.conditions.filter((c) => c.unit !== 'yuan');
  const basisOf = (c: Condition) => amountBasis(c, q);
  const bases = [...new Set(amounts.map(basisOf))];
  const all = rated.flatMap((r) => [...r.text, ...r.table]);
  const title = `${head} ${amounts.length && bounds.length ? `${describeByColumn(amounts, basisOf)}且` : ''}执行率${describeAll(bounds.length ? bounds : amounts)}的项目`;
  if (all.length === 0) return reply('not_found', [...note, `${title}：文件中没有项目的执行率${planned(stage)}。`]);
  if (bounds.length === 0 || !comparable(all, bounds)) return reply('not_found', [...note, `${title}：${mismatch(q.conditions, 'percent')}`]);
  const amountOf = (r: Rated, basis: '预算' | '决算') => headlineFigure(s, scope, { kind: 'project', name: r.name, ids: [r.id], text: r.name, fuzzy: false }, scope.year, basis).main;
  const money = new Map(rated.map((r) => [r, bases.flatMap((b) => { const f = amountOf(r, b); return f ? [{ basis: b, f }] : []; })]));
  const rich = (r: Rated) => amounts.every((c) => { const m = money.get(r)!.find((x) => x.basis === basisOf(c)); return m !== undefined && meeting([m.f], [c]).length > 0; });
  const lowest = (r: Rated) => Math.min(...[...r.text, ...r.table].map((f) => f.value as number));
  const kept = rated.filter((r) => meeting([...r.text, ...r.table], bounds).length > 0 && rich(r)).sort((a, b) => lowest(a) - lowest(b));
  if (kept.length === 0) return reply('not_found', [...note, `${title}：没有（共${rated.length}个项目说明了执行率）。`]);
  const line = (r: Rated) => `· ${r.name}：${money.get(r)!.map(({ basis, f }) => `${basis}数${show(f)}，`).join('')}${money.get(r)!.length ? '执行率' : ''}${stated(r)}`;
  const r = reply('answered', [...note, `${title}（共${kept.length}个）：`, ...kept.map(line)], kept.flatMap((r) => [...r.text, ...r.table, ...money.get(r)!.map(({ f }) => f)]));
  // 执行率不到九成的有几项: each project counted once, by its first stated rate.
  return countedFirst(r, kept.map((k) => [...k.text, ...k.table][0]!), '项目', q, { bound: `执行率${describeAll(bounds)}`, at: note.length });
}

/**
 * The reasons the text states for the department's own rates (by line, then by the rate's label) and for the subjects
 * that did not spend all of their budget (as it lists them) — never a project's, whose 自评 states its problems.
 */
function statedReasons(s: Sources, q: StructuredQuery, scope: Scope): { own: Map<number, Map<string, string>>; subjects: { f: Figure; reason: string }[] } {
  const facts = scope.unitId !== null ? [] : s.queries.factsByAspect(scope.doc.id, 'execution_rate').filter((f) => isRate(scope.year)(f) && f.reason);
  const own = new Map<number, Map<string, string>>();
  for (const f of facts.filter((x) => x.subject_name === null)) own.set(f.line, (own.get(f.line) ?? new Map()).set(`${f.label}执行率`, f.reason!));
  const reasons = new Map(facts.filter((f) => f.metric === 'subject').map((f) => [f.line, f.reason!]));
  const subjects = subjectRates(s, q, scope).flatMap((f) => ((f.value as number) < 100 && reasons.has(f.line) ? [{ f, reason: reasons.get(f.line)! }] : []));
  return { own, subjects };
}

/** The subjects whose completion of the budget the text states (科目 are subjects, never projects), as it lists them. */
function subjectRates(s: Sources, q: StructuredQuery, scope: Scope): Figure[] {
  const doc = scope.doc;
  const facts = s.queries.factsByAspect(doc.id, 'execution_rate').filter((f) => isRate(scope.year)(f) && f.metric === 'subject' && ofClassification(q, f.subject_code));
  return facts.map((f) => fromFact(f, doc, doc.department, `${f.label}执行率`)).sort((a, b) => a.line - b.line);
}

const subjectLine = (f: Figure) => `${f.label.replace(/执行率$/, '')}：${show(f)}（第${f.line}行）`;

/** 完成年初预算不到60%的科目: the subjects meeting the conditions, as the text lists them. */
function subjectRatesMeeting(q: StructuredQuery, rates: Figure[], head: string, note: string[]): Reply {
  const title = `${head} 完成预算${describeAll(q.conditions)}的科目`;
  const kept = meeting(rates, q.conditions);
  if (kept.length === 0) return reply('not_found', [...note, `${title}：没有（共${rates.length}个科目说明了完成预算的比例）。`]);
  return countedFirst(reply('answered', [...note, `${title}（共${kept.length}个，按文中顺序）：`, ...kept.map((f) => `· ${subjectLine(f)}`)], kept), kept, '科目', q, { bound: `完成预算${describeAll(q.conditions)}`, at: note.length });
}

/** 完成年初预算最低的科目: the subjects by their stated rate; every subject at the place asked leads (equal rates share it). */
function subjectRatesRanked(q: StructuredQuery, rates: Figure[], head: string, note: string[]): Reply {
  const value = (f: Figure) => f.value as number;
  const sorted = [...rates].sort((a, b) => (q.ascending ? value(a) - value(b) : value(b) - value(a)));
  const places = [...new Set(sorted.map(value))];
  const ref = q.reference?.kind === 'item' ? q.reference : null;
  const at = places[ref ? placeAsked(q, ref, places.length) : 0];
  if (at === undefined) return reply('not_found', [...note, `${head}只有${places.length}档科目完成预算的比例，没有${placeNamed(q, ref, ref!.index)}个。`]);
  const chosen = sorted.filter((f) => value(f) === at);
  const place = places.indexOf(at) + 1;
  const lines = sorted.map((f) => `${places.indexOf(value(f)) + 1}. ${subjectLine(f)}`);
  const lead = `${head} 完成预算比例排${placeNamed(q, ref, place)}的科目${chosen.length > 1 ? `（${chosen.length}个并列）` : ''}：${chosen.map(subjectLine).join('；')}`;
  return reply('answered', [...note, lead, `各科目完成预算的比例（${q.ascending ? '从低到高' : '从高到低'}）：`, ...lines], [...chosen, ...sorted.filter((f) => !chosen.includes(f))]);
}

/** A figure's 决算数 and 预算数 as its tables print them (never the text's), each only where printed at that stage. */
function stagedAmounts(s: Sources, scope: Scope, t: Target, line: number): { stage: '决算' | '预算'; f: Figure; table: Figure | null }[] {
  if (scope.doc.stage !== '决算') return [];
  return (['决算', '预算'] as const).flatMap((stage) => {
    const f = headlineFigure(s, scope, t, scope.year, stage).main;
    if (!f || f.basis !== stage) return [];
    // Cited first at the sentence stating the rate where it states the amount too (北票 line 134: 863.70万元，完成年初预算的52%), the table's printing beside it.
    const said = printingsOf(s, scope, t, scope.year, stage).find((x) => x.line === line);
    const table = f.table !== null ? f : null;
    return said ? [{ stage, f: said, table }] : table ? [{ stage, f: table, table: null }] : [];
  });
}

/** A project's rate as ranked: the text's where it states one (the 自评表's may differ in the last digit), else the table's. */
const leading = (r: Rated): number => (r.text[0] ?? r.table[0])!.value as number;

/**
 * 执行率最低的项目, 第二低的是哪个: the projects by their rate, the one asked for (the first, or the Nth) leading;
 * equal rates share a place.
 */
function ratesRanked(q: StructuredQuery, head: string, note: string[], rated: Rated[]): Reply {
  const sorted = [...rated].sort((a, b) => (q.ascending ? leading(a) - leading(b) : leading(b) - leading(a)));
  const ref = q.reference?.kind === 'item' ? q.reference : null;
  const i = ref ? placeAsked(q, ref, sorted.length) : 0;
  const order = q.ascending ? '从低到高' : '从高到低';
  const lines = sorted.map((r) => `${sorted.findIndex((x) => leading(x) === leading(r)) + 1}. ${r.name}：${stated(r)}`);
  const chosen = sorted[i];
  if (!chosen) return reply('not_found', [...note, `${head}只有${sorted.length}个项目说明了执行率，没有${placeNamed(q, ref, ref!.index)}个。`, ...lines]);
  const group = sorted.filter((r) => leading(r) === leading(chosen));
  // 执行率最低的三个项目: the count asked, ties with the last one kept.
  if (!ref && q.top !== null && q.top < sorted.length) {
    const kept = firstWithTies(sorted, q.top, leading);
    const title = `${head}执行率${q.ascending ? '最低' : '最高'}的${q.top}个项目（${order}，共${sorted.length}个项目说明了执行率${kept.length > q.top ? '，末位并列的都列出' : ''}）：`;
    return reply('answered', [...note, title, ...lines.slice(0, kept.length)], kept.flatMap((r) => [...r.text, ...r.table]));
  }
  // The places as the ranking prints them (1, 1, 3): a place inside a tie is the tie's, every project in it named (并列第1).
  const place = sorted.indexOf(group[0]!) + 1;
  const inside = place !== i + 1 ? `（${group.length}项并列，占${placeNamed(q, ref, place)}至${place + group.length - 1}名，没有单独的${placeNamed(q, ref, i + 1)}名）` : '';
  // 执行率最低的项目: no place asked, the end asked (排第1 of a ranking from the lowest would read as the highest).
  const end = q.ascending ? '最低' : '最高';
  const lead = group.length > 1
    ? `${head}执行率并列${ref ? placeNamed(q, ref, place) : end}的是：${group.map((r) => `${r.name}：${stated(r)}`).join('；')}${inside}`
    : `${head}执行率${ref ? `排${placeNamed(q, ref, place)}` : end}的是：${chosen.name}：${stated(chosen)}`;
  const figures = [...group, ...sorted.filter((r) => !group.includes(r))].flatMap((r) => [...r.text, ...r.table]);
  return reply('answered', [...note, lead, `各项目执行率（${order}）：`, ...lines], figures);
}

/** The one subject whose name holds `name` and whose rate the text states, or null when none or several. */
function holderOf(s: Sources, scope: Scope, name: string): { name: string; target: Target; rates: ReturnType<typeof statedRates> } | null {
  const found = s.catalog.subjects
    .filter((x) => x.name !== name && x.name.includes(name))
    .map((x) => ({ name: x.name, target: { kind: 'subject', name: x.name, codes: x.codes, text: name } as const }))
    .map((x) => ({ ...x, rates: statedRates(s, scope, x.target) }))
    .filter((x) => x.rates.length > 0);
  return found.length === 1 ? found[0]! : null;
}

/**
 * 办公费用了几成 where the text states no rate: its 决算数 ÷ 预算数, shown as the computation with each input's source, where
 * the tables print both (a project's, its amounts as listed); null where they do not.
 */
function computedRate(s: Sources, scope: Scope, t: Target, head: string, note: string[]): Reply | null {
  if (scope.doc.stage !== '决算') return null;
  const amounts =
    t.kind === 'project'
      ? (['决算', '预算'] as const).flatMap((stage) => projectAmounts(s, scope.doc, scope.year, stage).filter((f) => f.projectId != null && t.ids.includes(f.projectId)).slice(0, 1).map((f) => ({ stage, f })))
      : stagedAmounts(s, scope, t, -1);
  const spent = amounts.find((a) => a.stage === '决算')?.f;
  const budget = amounts.find((a) => a.stage === '预算')?.f;
  if (!spent || !budget || !budget.fen) return null;
  const r = computation('ratio', [{ figure: spent, name: '决算数' }, { figure: budget, name: '预算数' }], targetName(t), `${head} `, note);
  if (r.status === 'answered') r.lines.splice(note.length, 0, `文中没有说明${targetName(t)}的执行率，按表中决算数 ÷ 预算数计算：`);
  return r;
}

/**
 * 医保基金监管经费比档案管理经费执行率差多少: the projects' rates computed on, each as ranked (the text's where it states one),
 * its 自评表's other printing said beside; the difference of two rates said in 百分点.
 */
function projectRatesComputed(s: Sources, q: StructuredQuery, scope: Scope, head: string, note: string[]): Reply {
  const operands: Operand[] = [];
  const beside: string[] = [];
  for (const t of q.targets as Extract<Target, { kind: 'project' }>[]) {
    const [r] = projectRates(s, scope, t.ids);
    if (!r) return reply('not_found', [...note, `${head}中没有说明${t.name}的执行率${planned(scope.doc.stage)}，无法计算。`]);
    const used = r.text[0] ?? r.table[0]!;
    operands.push({ figure: used, name: r.name });
    const other = [...r.text, ...r.table].find((f) => f.value !== used.value);
    if (other) beside.push(`注：${r.name}执行率${printedAt(other)}为${show(other)}，这里用${printedAt(used)}的${show(used)}。`);
  }
  // 高几个百分点, 高百分之几: one rate over another differs by points — a growth of one rate on the other is nothing asked.
  const op = q.arithmetic!.op === 'growth' ? 'difference' : q.arithmetic!.op;
  const r = computation(op, operands, `${operands.map((o) => o.name).join('与')}执行率`, `${head} `, note);
  const [result] = r.figures;
  const points = op === 'difference' && result?.unit === '%' ? [`（两个百分比之差，即${result.value}个百分点）`] : [];
  return r.status === 'answered' ? { ...r, lines: [...r.lines.slice(0, note.length + 1), ...points, ...r.lines.slice(note.length + 1), ...beside] } : r;
}

export function rate(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  if (q.arithmetic && q.targets.length > 1 && q.targets.every((t) => t.kind === 'project')) return projectRatesComputed(s, q, scope, head, note);
  // 各项目的得分和执行率: scores asked beside the projects' rates — each project's score and rate, as the self-evaluated are listed.
  const scored = q.asked?.score || q.targets.some((t) => t.kind === 'metric' && t.key === SCORE_KEY);
  const plain = !q.ordered && !q.reference && q.conditions.length === 0 && !q.arithmetic && !q.reason;
  if (scored && plain && scope.doc.stage === '决算' && q.targets.every((t) => t.kind === 'metric' && t.key === SCORE_KEY)) return selfEvaluatedProjects(s, q, scope);
  const target = q.targets[0];
  if (target && target.kind !== 'project') {
    const own = statedRates(s, scope, target);
    // 职业年金 (经济科目 职业年金缴费) whose rate the text states only of the one 功能科目 whose name holds it
    // (机关事业单位职业年金缴费支出): that one's, named.
    const holder = own.length || target.kind !== 'subject' ? null : holderOf(s, scope, target.name);
    // 北票为什么没花完预算: 支出总计 has no rate of its own, but the 财政拨款支出 of the same amount has (line 114): that one's, named.
    const twin = own.length || target.kind !== 'metric' ? null : sameAmountRates(s, scope, target);
    const stated = holder?.rates ?? twin?.rates ?? own;
    if (stated.length === 0) return computedRate(s, scope, target, head, note) ?? reply('not_found', [...note, `${head}中没有说明${targetName(target)}的执行率${planned(scope.doc.stage)}。`]);
    const said = stated.map((r) => `${show(r.figure)}${r.reason ? `（决算数与预算数的差异原因：${r.reason}）` : ''}`);
    const which = holder && target.kind === 'subject' ? `${holder.name}（文中没有单说${target.name}，这是名称含它的科目）` : twin ? `${targetName(target)}（文中没有单说，这是与它同为${show(twin.amount)}的${twin.label}的）` : targetName(target);
    const noReason = q.reason && stated.every((r) => !r.reason) ? ['文中没有说明原因。'] : [];
    // 为什么没花完, 那行政运行呢: the 决算数 and 预算数 the rate is of (the named holder's), where a table prints them, beside it.
    const amounts = stagedAmounts(s, scope, holder?.target ?? target, stated[0]!.figure.line);
    const of = amounts.length ? `；${amounts.map(({ stage, f }) => `${stage === '决算' ? '决算数' : '预算数'}${show(f)}`).join('，')}` : '';
    return reply('answered', [...note, `${head} ${which}执行率：${said.join('；')}${of}`, ...noReason], [...stated.map((r) => r.figure), ...amounts.map(({ f }) => f), ...amounts.flatMap(({ table }) => table ?? [])]);
  }
  // 倒数第二的科目: an item counted from either end is a place in the subjects' ranking, as 第二低 is — never the projects'.
  if (!target && q.subjects && (q.conditions.length || q.ordered || q.reference?.kind === 'item')) {
    const rates = subjectRates(s, q, scope);
    if (rates.length === 0) return reply('not_found', [...note, `${head}中没有说明各科目完成预算的比例。`]);
    return q.conditions.length ? subjectRatesMeeting(q, rates, head, note) : subjectRatesRanked(q, rates, head, note);
  }
  // A project asked, else every project (and, unless only projects were asked, the department's own rates).
  const ids = target ? target.ids : s.queries.projects(scope.doc.id).filter((p) => scope.unitId === null || p.unit_id === scope.unitId).map((p) => p.id);
  const rated = projectRates(s, scope, ids);
  if (q.conditions.length) return ratesMeeting(s, q, scope, head, note, rated);
  const projects = rated;
  const own = target || q.listOf === 'projects' ? [] : departmentRates(s, scope);
  const computed = target && projects.length === 0 ? computedRate(s, scope, target, head, note) : null;
  if (computed) return computed;
  if (own.length + projects.length === 0) {
    const what = target ? `“${target.name}”的` : '';
    return reply('not_found', [...note, `${head}中没有${what}执行率${planned(scope.doc.stage)}。`]);
  }
  // 执行率倒数第二的项目: an item counted from either end is a place in the ranking, as 第二低 is.
  if (!target && (q.ordered || q.reference?.kind === 'item') && projects.length > 0) return ratesRanked(q, head, note, projects);
  const figures = [...own, ...projects.flatMap((r) => [...r.text, ...r.table])];
  if (target && projects.length === 1) {
    // 执行有什么问题, 为什么没花完: what its 自评 states, said where it is, or that it states none.
    const [r] = projects as [Rated];
    // 为什么没花完 of a project that spent all of its budget: nothing is left unspent to explain.
    const spentAll = q.shortOfBudget && [...r.text, ...r.table].every((f) => (f.value as number) >= 100);
    const why = spentAll ? [`${r.name}的预算已全部执行（执行率100%），没有没花完的部分。`] : r.reasons.map((x) => `文中说明的问题及原因：${x.text}（正文第${x.line}行）`);
    // The amounts the rate is of (执行数 over 预算数), beside it: 那离休医疗保障呢 after a rate asks both.
    const amounts = (['决算', '预算'] as const).flatMap((stage) => projectAmounts(s, scope.doc, scope.year, stage).filter((f) => f.label === r.name).slice(0, 1).map((f) => ({ stage, f })));
    const of = amounts.length ? `（${amounts.map(({ stage, f }) => `${stage === '决算' ? '执行数' : '预算数'}${show(f)}`).join('，')}）` : '';
    // 离休医疗保障的得分和执行率: its 自评得分 asked beside, where printed.
    const score = q.asked?.score ? projectScores(s, scope).scores.find((f) => (f.project ?? f.label).replace(/\s+/g, '') === r.name.replace(/\s+/g, '')) : undefined;
    const scored = score ? [`${r.name}自评得分：${show(score)}（${printedAt(score)}）`] : [];
    return reply('answered', [...note, `${head} ${r.name}执行率：${stated(r)}${of}`, ...scored, ...(q.reason ? (why.length ? why : ['文中没有说明问题及原因。']) : [])], [...figures, ...amounts.map(({ f }) => f), ...(score ? [score] : [])]);
  }
  // 北票为什么没花出去: the reasons the text states for the department's own rates, and for each subject's short of its budget.
  const why = q.reason && q.listOf !== 'projects' ? statedReasons(s, q, scope) : null;
  const said = (f: Figure) => {
    const r = why?.own.get(f.line)?.get(f.label);
    return r ? `（决算数与预算数的差异原因：${r}，正文第${f.line}行）` : '';
  };
  const lines = [...note, `${head}执行率：`, ...own.map((f) => `· ${f.label}：${show(f)}${said(f)}`)];
  if (why?.subjects.length) lines.push('各科目（文中说明了未完成年初预算的原因）：', ...why.subjects.map(({ f, reason }) => `· ${subjectLine(f)}，原因：${reason}`));
  // 项目为什么没花完: each project's stated problems beside its rate, where it did not spend all of its budget.
  const problems = (r: Rated) => (q.reason && leading(r) < 100 && r.reasons.length ? `（文中说明的问题及原因：${r.reasons.map((x) => x.text).join('；')}）` : '');
  if (projects.length) lines.push(...(own.length ? ['各项目：'] : []), ...projects.map((r) => `· ${r.name}：${stated(r)}${problems(r)}`));
  if (q.reason && own.every((f) => !said(f)) && !why?.subjects.length && projects.every((r) => !problems(r))) lines.push('文中没有说明执行率的原因。');
  return reply('answered', lines, [...figures, ...(why?.subjects.map(({ f }) => f) ?? [])]);
}
