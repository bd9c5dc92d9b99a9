// 各医保局, 哪个单位…最高, 辽宁的医保局, 所有部门…加起来: questions about the set of departments held
// (or those of a province or city). Each department's figure is its own document's, named with its
// year and stage; a ranking, a list, a sum or an average over them says when years or stages differ.
import type { StructuredQuery, Target } from '../../query/ast.ts';
import { inPlace as inPlaceOf, type Catalog, type CatalogDocument } from '../../query/catalog.ts';
import { describeAll, meeting } from '../conditions.ts';
import type { Figure } from '../figures.ts';
import { derivedFigure, percentValue, show } from '../figures.ts';
import { money, percent, printedAt } from '../format.ts';
import { reply, type Reply } from '../reply.ts';
import { holdings, type Scope } from '../resolve.ts';
import type { Sources } from '../sources.ts';
import { cellOf, headlineFigure, printingsOf, stageOf, targetName } from '../targets.ts';
import { lookup } from './lookup.ts';
import { changesOfSet } from './changes.ts';
import { arithmetic } from './arithmetic.ts';
import { computation } from '../computation.ts';
import { metric as metricOf } from '../../store/metrics.ts';
import { nameKey } from '../../ingest/text/cjk.ts';
import { projectScores, rankedListing, scoreOrder } from './rank.ts';
import { countOf, countedFirst, unpricedProjects } from './list.ts';
import { projectAmounts } from '../sources.ts';

interface Member {
  department: string;
  doc: CatalogDocument;
}

/** A department of the set asked as itself: its document's own year. */
const scopeOf = (m: Member): Scope => ({ doc: m.doc, year: m.doc.fiscal_year, entity: m.department, unitId: null, yearNote: null });

/** The level of the division a place name is at: where a document records it. */
const levelOf = (place: string): 'province' | 'city' | 'county' => (/(省|自治区)$/.test(place) ? 'province' : /市$/.test(place) ? 'city' : 'county');

/**
 * The departments of the set, each with the document asked (the year asked, else its latest), and
 * those whose documents do not say whether they are in the place asked (no province recorded).
 */
function membersOf(catalog: Catalog, q: StructuredQuery): { members: Member[]; unplaced: string[]; missing: string[]; left: string[] } {
  const places = q.set?.places ?? [];
  const members: Member[] = [];
  const unplaced: string[] = [];
  const missing: string[] = [];
  // 除了沈阳, 不算决算的话: the departments the question leaves out, named with their documents.
  const left: string[] = [];
  const byOther: string[] = [];
  const except = q.set?.except;
  // 抚顺和北票谁…, 沈阳、抚顺两个单位…合计: the departments named are the set.
  const named = new Set(q.entities.map((e) => e.department));
  for (const [department, all] of catalog.departments) {
    if (named.size > 0 && !named.has(department)) continue;
    // 有几个部门是决算: with nothing asked of them, the stage picks the documents; with a figure asked, it picks the
    // figure (北票's 决算 prints 预算数 too), and a document without that stage's figure lacks it.
    // 决算的那家: the set's own stage picks the documents whatever is asked of them.
    const byStage = q.set?.stage ?? ((q.stage === '预算' || q.stage === '决算') && q.targets.length === 0 && !q.byScore ? q.stage : null);
    const docs = byStage ? all.filter((d) => d.stage === byStage) : all;
    const latest = docs[0];
    const inPlace = (place: string) => inPlaceOf(catalog, department, place);
    if (except?.departments.includes(department) || except?.places.some(inPlace)) {
      if (places.length === 0 || places.some(inPlace)) left.push(`${department}（${all.map(held).join('、')}）`);
      continue;
    }
    // 预算的几家, 不算决算的话: those of the other stage too (said where several are ranked or added up).
    if (!latest && q.set?.stage && named.size === 0 && (places.length === 0 || places.some(inPlace))) byOther.push(`${department}（${all.map(held).join('、')}）`);
    if (!latest) continue;
    if (places.length > 0 && !places.some(inPlace)) {
      if (places.some((place) => latest[levelOf(place)] === null)) unplaced.push(department);
      continue;
    }
    const doc = q.years.length ? docs.find((d) => q.years.includes(d.fiscal_year)) : latest;
    if (doc) members.push({ department, doc });
    else missing.push(department);
  }
  return { members, unplaced, missing, left: members.length > 1 ? [...left, ...byOther] : left };
}

/** A row of the figure printed with its cell left empty (沈阳 表1 line 103 政府性基金预算拨款), as its own lookup says. */
function printedBlank(s: Sources, t: Target, measure: string | null, m: Member): boolean {
  if (t.kind !== 'metric' || measure !== null) return false;
  return s.queries.figuresByMetric(m.doc.id, t.key).some((r) => r.flags.split(',').includes('empty') && r.year === m.doc.fiscal_year);
}

/** `（2024年预算）`: every figure of a set says which document it is from. */
const held = (doc: CatalogDocument) => `${doc.fiscal_year}年${doc.stage}`;

/**
 * Years or stages that differ between the documents, said once; and whether 预算数 and 决算数 are among the figures
 * (a 决算 prints 预算数 too: 安排了多少 asks for those): a 预算 and a 决算 are never added up unannounced.
 */
function mixNotes(all: Figure[], op?: 'sum' | 'average'): string[] {
  // A computed figure (a count) is of its inputs' documents, already among them.
  const figures = all.filter((f) => !f.derived);
  const stages = new Set(figures.map((f) => f.document.stage));
  const years = new Set(figures.map((f) => f.document.fiscal_year));
  const bases = new Set(figures.map((f) => f.basis));
  // 工资福利支出: one department's whole beside another's 基本支出 part (all its document prints) is no like-for-like.
  const parts = figures.filter(partOnly);
  const scopes = parts.length > 0 && parts.length < figures.length ? [`注：标“仅…”的部门只公开了该项的这一部分（如基本支出表中的数），与其他部门的全口径数字口径不同。`] : [];
  if (stages.size < 2 && years.size < 2 && bases.size < 2) return scopes;
  const perStage = [...stages].map((stage) => `${stage}：${figures.filter((f) => f.document.stage === stage).map((f) => `${f.document.short}${f.document.fiscal_year}年`).join('、')}`);
  // Added up or averaged: said plainly that unlike figures were put together, what is mixed named.
  if (op) {
    const mixed = [...(bases.size > 1 ? ['预算数和决算数'] : []), ...(years.size > 1 ? [`${[...years].sort().join('、')}年的数字`] : [])];
    const what = op === 'sum' ? '合计' : '平均数';
    return [`注意：这个${what}把${mixed.length ? mixed.join('，以及') : '不同文件的数字'}放在一起算（${perStage.join('；')}），不是同一年度、同一口径的${what}，只是公开数字直接${op === 'sum' ? '相加' : '平均'}。`, ...scopes];
  }
  return [`注：各部门的数字出自不同年份或阶段的文件（${perStage.join('；')}）${bases.size > 1 ? '，其中混有预算数和决算数' : ''}，仅按公开数字${bases.size > 1 ? '并列' : '排列'}。`, ...scopes];
}

/** A department's figure at the stage asked, else (its document prints only the other stage's) that one, kept apart. */
function memberFigure(s: Sources, q: StructuredQuery, t: Target, m: Member, measure: string | null): { main: Figure | null; other: Figure | null; also: Figure | null } {
  const scope = scopeOf(m);
  const stage = stageOf(q.stage, scope);
  const found = headlineFigure(s, scope, t, m.doc.fiscal_year, stage, measure);
  // 公务用车运行维护费哪家最高: the row printing the words asked — the 经济科目 of that exact name — before a 三公 table's
  // shorter label for the same figure (抚顺 表7 公务用车运行费).
  const subject = t.kind === 'metric' && found.main?.printed !== undefined && nameKey(found.main.printed) !== nameKey(t.text) ? s.catalog.subjects.find((x) => x.name === t.text) : undefined;
  const exact = subject ? headlineFigure(s, scope, { kind: 'subject', name: subject.name, codes: subject.codes, text: t.text }, m.doc.fiscal_year, stage, measure).main : null;
  const { main, other } = exact?.basis === stage ? { main: exact, other: null } : found;
  const labelled = (f: Figure | null) => (f ? { ...f, label: targetName(t, measure) } : null);
  // Printed twice, rounded otherwise in the text (莲湖 政府采购: 表12 284,708.00元, 正文 28.47万元), or under the 三公 table's label: said which is cited.
  const rounded = main ? printingsOf(s, scope, t, m.doc.fiscal_year, stage, measure).find((f) => (f.table === null) !== (main.table === null) && f.fen !== main.fen) : undefined;
  const also = main && main === exact ? found.main : (rounded ?? null);
  return { main: labelled(main), other: main ? null : labelled(other), also };
}

const printedAs = (f: Figure) => `${printedAt(f)}${f.printed && f.printed !== f.label ? `“${f.printed}”` : ''}`;

/** `注：莲湖引用表12第614行，正文第285行为28.47万元`: where a department's figure is cited from, and where else it is printed. */
const citedNote = (main: Figure, also: Figure) => `注：${main.document.short}引用${printedAs(main)}；${printedAs(also)}为${show(also)}。`;

/** `（2024年决算）`; a figure of the other stage than its document's says which it is: `（2024年决算·预算数）`. */
/** The part a department's figure only is (its document prints the row in a 基本支出 table only), else null. */
const partOnly = (f: Figure) => (f.part && f.measure ? metricOf(f.measure).name : null);

const named = (f: Figure) => `${f.entity}（${held(f.document)}${f.basis !== f.document.stage ? `·${f.basis}数` : ''}${partOnly(f) ? `，仅${partOnly(f)}` : ''}）`;

/**
 * Departments whose document prints the figure only at the other stage (住房公积金 安排了多少: 北票's 决算 prints no
 * 预算数), apart: with their figures beside an answer, by name beside none (a figure is never stated uncited).
 */
function otherStage(r: Reply, figures: Figure[], apart: string): Reply {
  const shown = r.status === 'answered';
  for (const basis of ['预算', '决算'] as const) {
    const only = figures.filter((f) => f.basis === basis);
    const asked = basis === '预算' ? '决算' : '预算';
    if (only.length) r.lines.push(`没有${asked}数、只有${basis}数（${apart}）：${only.map((f) => (shown ? `${named(f)}：${show(f)}` : f.entity)).join(shown ? '；' : '、')}`);
  }
  if (shown) r.figures.push(...figures);
  return r;
}

/** The set's figures added up, or averaged: the formula with every department's figure, each cited. */
function aggregate(title: string, figures: Figure[], op: 'sum' | 'average'): Reply {
  // Money adds in 分; counts (车辆) in their own unit. Shares and scores are not added up.
  const money_ = figures.every((f) => f.fen !== null);
  const counts = !money_ && figures.every((f) => f.fen === null && typeof f.value === 'number' && f.unit !== '%' && f.unit !== '分');
  if (!money_ && !counts) return reply('not_found', [`${title}：这些数字不能相加。`]);
  const amount = (f: Figure) => (money_ ? f.fen! : (f.value as number));
  const total = figures.reduce((n, f) => n + amount(f), 0);
  const result = op === 'sum' ? total : money_ ? Math.round(total / figures.length) : Math.round((total / figures.length) * 100) / 100;
  const unit = counts ? (figures[0]!.unit ?? '') : '';
  const shown = (x: number, f?: Figure) => (money_ ? money(x, f?.printedIn) : `${x}${unit}`);
  const terms = figures.map((f) => shown(amount(f), f)).join(' + ');
  const formula = op === 'sum' ? `${terms}` : `(${terms}) ÷ ${figures.length}`;
  const label = `${title}${op === 'sum' ? '合计' : '平均'}`;
  const d = derivedFigure(op, figures, label, money_ ? { fen: result } : { fen: null, value: result, unit }, `${label} = ${formula}`);
  const lines = [`${label}：${money_ ? money(result, d.printedIn) : `${result}${unit}`} = ${formula}（共${figures.length}个部门）`, ...mixNotes(figures, op), ...figures.map((f) => `· ${named(f)}：${show(f)}`)];
  return reply('answered', lines, [d, ...figures]);
}

/**
 * 哪个单位人员经费占基本支出的比重最大: each department's part over the base the question names, computed
 * from its own two printed figures, ranked; each share cites both.
 */
function sharesOf(s: Sources, q: StructuredQuery, members: Member[], part: Target, base: Target): { shares: Figure[]; inputs: Figure[]; lacking: string[] } {
  const shares: Figure[] = [];
  const inputs: Figure[] = [];
  const lacking: string[] = [];
  for (const m of members) {
    const a = memberFigure(s, q, part, m, null).main;
    const b = memberFigure(s, q, base, m, null).main;
    if (!a || !b || a.fen === null || !b.fen) {
      lacking.push(m.department);
      continue;
    }
    const value = percentValue(a.fen / b.fen);
    const label = `${m.doc.short}（${held(m.doc)}）${targetName(part)}占${targetName(base)}`;
    shares.push(derivedFigure('share', [a, b], label, { fen: null, value, unit: '%' }, `${money(a.fen, a.printedIn)} ÷ ${money(b.fen, b.printedIn)} = ${percent(value)}`));
    inputs.push(a, b);
  }
  return { shares, inputs, lacking };
}

/** 哪个部门…最高, 各医保局的支出总计, 辽宁的医保局加起来: each department's figure, ranked, listed, added up or averaged. */
export function answerSet(s: Sources, catalog: Catalog, q: StructuredQuery): Reply {
  const { members, unplaced, missing, left } = membersOf(catalog, q);
  const stage = q.set?.stage ?? (q.stage === '预算' || q.stage === '决算' ? q.stage : '');
  // 辽宁省、河北省的, 2024年的, 决算的, 除沈阳外的: what the set is limited to, said in every heading.
  const except = q.set?.except ? `除${[...q.set.except.places, ...q.set.except.departments.map((d) => catalog.departments.get(d)?.[0]?.short ?? d)].join('、')}外` : '';
  const limits = `${except}${q.set?.places.join('、') ?? ''}${q.years.length ? `${q.years.join('、')}年` : ''}${q.set?.stage ?? ''}`;
  const where = limits ? `${limits}的` : '';
  const notes = [
    ...(missing.length ? [`未公开${q.years.join('、')}年资料：${missing.join('、')}`] : []),
    ...(unplaced.length ? [`注：${unplaced.join('、')}的文件未写明所属省份，不在其内。`] : []),
    ...(left.length ? [`按问题除去（不计入）：${left.join('、')}`] : []),
  ];
  const asked = `${q.set?.places.join('、') ?? ''}${q.years.length ? `${q.years.join('、')}年` : ''}${stage}`;
  if (members.length === 0) return reply('not_found', [`没有找到${asked}部门的公开资料。现有：${holdings(catalog)}。`, ...notes]);
  // 2023年那两家: a count the departments found do not make is asked back, never answered for another set.
  const count = q.set?.count;
  if (count && count !== members.length) {
    const found = members.map((m) => `${m.department}（${held(m.doc)}）`).join('、');
    return reply('ambiguous', [`${asked ? `${asked}的` : '现有'}部门有${members.length}个（${found}），不是${count}个。请说明是哪几个部门。`, ...notes], [], members.map((m) => `${m.doc.short} ${m.doc.fiscal_year} ${q.targets[0]?.text ?? ''}`.trim()));
  }
  // 基本支出里商品和服务支出谁最多: a row in one column (the cell each department's own lookup gives), not the row's whole.
  const cell = cellOf(q);
  const t = cell?.target ?? q.targets[0];
  const measure = cell?.measure ?? null;
  // 每家有几个项目: each department's projects counted.
  if (q.listOf === 'projects' && !t && !q.byScore) return projectCounts(s, q, members, where, notes);
  // 辽宁有几个单位, 哪些医保局是2023年的: the departments themselves, with the documents held.
  if (!q.byScore && !t) {
    const lines = members.map((m) => `· ${m.department}（${m.doc.short}）：${held(m.doc)}`);
    return reply('answered', [`${asked ? `${asked}的` : ''}部门共${members.length}个：`, ...lines, ...notes]);
  }
  // 做决算的那家支出总计: a set that is one department is asked as that department.
  if (members.length === 1 && q.set && !q.set.which && q.intent === 'lookup' && !q.arithmetic && !q.byScore) {
    const [m] = members as [Member];
    const scope = scopeOf(m);
    return withTail(lookup(s, q, scope, t!), [`（${asked}的部门只有${m.department}。）`, ...notes]);
  }
  // 哪些部门三公经费比上年增加了, 哪个医保局三公经费增长最快: each department's change as its text states it, never the
  // figures' ranking.
  if (((q.previousYear && q.changeAsked) || (q.changes?.order && !q.changes.state)) && !q.arithmetic && !q.byScore && q.conditions.length === 0) {
    return withTail(changesOfSet(s, q, members.map(scopeOf), t!), notes);
  }
  if (q.intent === 'share' && q.targets.length > 1 && !q.byScore) {
    const [part, base] = q.targets as [Target, Target];
    const { shares, inputs, lacking } = sharesOf(s, q, members, part, base);
    const title = `${where ? `${where}部门` : '各部门'}${targetName(part)}占${targetName(base)}的比例`;
    const r = rankedListing(`${title}排序`, shares, q, 'percent', undefined, (f) => `${f.label}（${f.raw}）`);
    if (r.status === 'answered') r.figures.push(...inputs);
    return withTail(r, [...(lacking.length ? [`缺少数字：${lacking.join('、')}`] : []), ...notes, ...mixNotes(inputs)]);
  }
  if ((q.arithmetic?.op === 'per_head' || q.arithmetic?.op === 'per_unit') && !q.byScore) return perMember(s, q, members, where, notes);
  const figures: Figure[] = [];
  const apart: Figure[] = [];
  const lacking: string[] = [];
  // A row printed with its cell empty is no figure, but it is printed: said apart from what is not printed at all.
  const blank: string[] = [];
  const twice: { main: Figure; also: Figure }[] = [];
  for (const m of members) {
    // A score is a project's, not a department's: every project's score is ranked, named with its department.
    if (q.byScore) {
      const scores = projectScores(s, scopeOf(m)).scores;
      if (scores.length) figures.push(...scores.map((f) => ({ ...f, label: `${m.doc.short} ${f.label}（${held(m.doc)}）` })));
      else lacking.push(m.department);
      continue;
    }
    const { main, other, also } = memberFigure(s, q, t!, m, measure);
    if (main && also) twice.push({ main, also });
    if (main) figures.push(main);
    else if (other) apart.push(other);
    else if (printedBlank(s, t!, measure, m)) blank.push(m.department);
    else lacking.push(m.department);
  }
  const what = q.byScore ? '项目自评得分' : targetName(t!, measure);
  const title = `${where ? `${where}部门` : '各部门'}${what}`;
  const op = q.arithmetic?.op;
  const adding = (op === 'sum' || op === 'average') && !q.byScore && figures.length > 0;
  const tail = [...(lacking.length ? [`未公开此项：${lacking.join('、')}`] : []), ...(blank.length ? [`表中此栏为空（印了此行，没有印数字）：${blank.join('、')}`] : []), ...notes];
  if (adding) {
    const kept = q.conditions.length ? meeting(figures, q.conditions) : figures;
    if (kept.length > 0) return citedTwice(withTail(otherStage(aggregate(title, kept, op), apart, '不计入'), tail), twice.filter((x) => kept.includes(x.main)));
  }
  // 2023年的两家医保局三公经费差多少: a difference over the set is computed on the figures it ranks — of two, their difference;
  // of more, all ranked with the largest less the smallest (never one pair picked); those lacking the figure said apart.
  // Not computable (车辆: 台/辆 and 辆), the ranking with the reason.
  const kept = q.conditions.length ? meeting(figures, q.conditions) : figures;
  const diff = op === 'difference' && !q.previousYear && !q.byScore && kept.length > 1 ? computation('difference', kept.map((f) => ({ figure: f, name: named(f) })), what, '') : null;
  if (diff?.status === 'answered') return citedTwice(withTail(otherStage(diff, apart, '不计入'), [...tail, ...mixNotes(kept)]), twice.filter((x) => kept.includes(x.main)));
  if (diff) tail.unshift(...diff.lines);
  // 三公经费为零的: an amount equalled is no order — those equal to it listed.
  const equal = !q.byScore && q.conditions.length > 0 && q.conditions.every((c) => c.op === 'between' && c.upper === c.value) ? meeting(figures, q.conditions) : [];
  const r = equal.length
    ? countedFirst(reply('answered', [`${where}${what}${describeAll(q.conditions)}的部门（${equal.length}个）：`, ...equal.map((f) => `· ${named(f)}：${show(f)}`)], equal), equal, '部门', q)
    : rankedListing(`${title}排序`, figures, q, q.byScore ? 'score' : 'yuan', q.byScore ? scoreOrder(q) : undefined, q.byScore ? undefined : named, q.byScore ? '项目' : '部门');
  // 抚顺和莲湖哪个政府采购多, 陕西和河北的医保局哪个…, 2023年那两家哪个…: of two departments named (by name, by two places or
  // counted), which is larger is said with by how much; one lacking the figure is said first to leave nothing to compare.
  const paired = q.entities.length === 2 || q.set?.places.length === 2 || q.set?.count === 2;
  const two = (q.intent === 'rank' || q.asked?.which === true) && !q.byScore && q.conditions.length === 0 && paired && members.length === 2;
  if (two && r.status === 'answered' && r.figures.length === 2) {
    const diff = computation('difference', r.figures.map((f) => ({ figure: f, name: named(f) })), what, '');
    if (diff.status === 'answered') {
      r.lines.splice(1 + r.figures.length, 0, diff.lines[0]!);
      r.figures.push(diff.figures[0]!);
    }
  }
  if (two && r.status === 'answered' && r.figures.length === 1 && lacking.length === 1) {
    const without = members.find((m) => m.department === lacking[0])!;
    r.lines.splice(0, 2, `${without.department}（${held(without.doc)}）没有公开${what}的数字，无法比较。`, `${named(r.figures[0]!)}：${show(r.figures[0]!)}`);
  }
  const mixed = q.byScore ? [] : mixNotes(r.figures);
  // 哪几个医保局三公经费是零: those meeting the conditions only, the others counted and named (not ranked).
  const others = q.conditions.length && !q.byScore && r.status === 'answered' ? figures.filter((f) => !r.figures.includes(f)).map((f) => f.entity) : [];
  const rest = others.length ? [`其余${others.length}个部门不符合（${describeAll(q.conditions)}）：${others.join('、')}`] : [];
  return citedTwice(withTail(otherStage(r, apart, '不在排序中'), [...rest, ...tail, ...mixed]), twice.filter((x) => r.figures.includes(x.main)));
}

/**
 * 各医保局的人均人员经费, 哪个医保局每辆车的运行维护费最高: each department's per-head (per-unit) figure computed as its own
 * question computes it — its own figure over its own count, the formula shown —, ranked; a department whose document
 * prints no count to divide by is said so, never divided by another's.
 */
function perMember(s: Sources, q: StructuredQuery, members: Member[], where: string, notes: string[]): Reply {
  const each = members.map((m) => arithmetic(s, { ...q, set: null, intent: 'arithmetic' }, [scopeOf(m)]));
  const done = each.filter((r) => r.status === 'answered' && r.figures[0]?.derived);
  const undone = each.filter((r) => !done.includes(r)).map((r) => `· ${r.lines.join('')}`);
  const label = done[0]?.figures[0]!.label ?? `${NAMES_OF[q.arithmetic!.op]}${targetName(q.targets[0]!)}`;
  if (done.length === 0) return reply('not_found', [`${where ? `${where}部门` : '各部门'}都算不出${label}：`, ...undone, ...notes]);
  const r = rankedListing(`${where ? `${where}部门` : '各部门'}${label}排序`, done.map((d) => d.figures[0]!), q, 'yuan', undefined, named);
  // Each department's formula, its inputs cited.
  if (r.status === 'answered') r.lines.push(...done.map((d) => `· ${d.lines[0]}`), ...(undone.length ? ['无法计算：', ...undone] : []));
  return withTail(r, notes);
}

const NAMES_OF: Partial<Record<string, string>> = { per_head: '人均', per_unit: '平均每个' };

/**
 * 每家有几个项目, 各医保局分别有多少个项目: each department's projects counted as its own 有几个项目 counts them — a count
 * computed from the projects its document lists (op count, each project an input), most first; where some are printed
 * without an amount the number is said with no count figure made (曲阳: 14, 7 of them without an amount).
 */
function projectCounts(s: Sources, q: StructuredQuery, members: Member[], where: string, notes: string[]): Reply {
  const counted = members
    .map((m) => {
      const scope = scopeOf(m);
      const projects = projectAmounts(s, m.doc, m.doc.fiscal_year, stageOf(null, scope));
      const unpriced = unpricedProjects(s, scope);
      return { m, projects, unpriced, total: projects.length + unpriced.length };
    })
    .sort((a, b) => b.total - a.total);
  const lines = counted.map(({ m, unpriced, total }) => `· ${m.department}（${held(m.doc)}）：${total}个${unpriced.length ? `（其中${unpriced.length}个文件中没有印金额）` : ''}`);
  const counts = counted.flatMap(({ m, projects, unpriced }) => (projects.length > 0 && unpriced.length === 0 ? [{ ...countOf(projects, '项目'), entity: m.department }] : []));
  const title = `${where ? `${where}部门` : '各部门'}的项目个数`;
  const total = aggregateCount(title, q, counted.map((c) => c.total), counts.length === counted.length ? counts : null);
  return reply('answered', [...(total ? [total.line] : []), `${title}（从多到少）：`, ...lines, ...notes], [...(total?.figure ? [total.figure] : []), ...counts, ...counted.flatMap((c) => c.projects)]);
}

/**
 * 所有医保局一共有多少个项目, 平均每家几个项目: the departments' counts added up (or averaged), the formula shown; a figure computed
 * from their count figures only where every department has one (曲阳 prints some projects without an amount: none is made).
 */
function aggregateCount(title: string, q: StructuredQuery, totals: number[], counts: Figure[] | null): { line: string; figure: Figure | null } | null {
  const op = q.arithmetic?.op;
  if (op !== 'sum' && op !== 'average') return null;
  const sum = totals.reduce((n, x) => n + x, 0);
  const result = op === 'sum' ? sum : Math.round((sum / totals.length) * 100) / 100;
  const formula = op === 'sum' ? totals.join(' + ') : `(${totals.join(' + ')}) ÷ ${totals.length}`;
  const label = `${title}${op === 'sum' ? '合计' : '平均'}`;
  const figure = counts ? derivedFigure(op, counts, label, { fen: null, value: result, unit: '个' }, `${label} = ${formula}`) : null;
  return { line: `${label}：${result}个 = ${formula}（共${totals.length}个部门）`, figure };
}

/** The notes saying where a figure printed twice is cited from, the other printing after every figure answered. */
function citedTwice(r: Reply, twice: { main: Figure; also: Figure }[]): Reply {
  if (r.status !== 'answered') return r;
  r.lines.push(...twice.map((x) => citedNote(x.main, x.also)));
  r.figures.push(...twice.map((x) => x.also));
  return r;
}

function withTail(r: Reply, tail: string[]): Reply {
  r.lines.push(...tail);
  return r;
}
