// From a structured query to a reply: settle what cannot be answered, find the
// documents, hand over to the intent.
import type { StructuredQuery, Target } from '../query/ast.ts';
import type { Catalog } from '../query/catalog.ts';
import { lyingIn, OWN_LEVEL_WORD } from '../query/entities.ts';
import { WHETHER_ASKED } from '../query/yes-no.ts';
import { orgAliasesOf, organisationAt, workingUnder } from '../query/lexicon/aliases.ts';
import { arithmetic } from './intents/arithmetic.ts';
import { statedBasis } from './intents/basis.ts';
import { breakdown } from './intents/breakdown.ts';
import { projectsByCategory } from './intents/categories.ts';
import { namedHeadcounts, projectHeadcounts, statedHeadcount } from './intents/headcounts.ts';
import { statedChanges } from './intents/changes.ts';
import { compare, sinceAnother } from './intents/compare.ts';
import { countAcrossYears, listCatalog, listWithin } from './intents/list.ts';
import { heldOfFamily, lookup } from './intents/lookup.ts';
import { OFFICES, offices } from './intents/offices.ts';
import { onlyPart } from './intents/only.ts';
import { namesakeAnswer, namesakes } from './namesakes.ts';
import { deadlines, doneAsked, indicatorNamed, indicatorPerUnit, indicators, indicatorsInUnit, indicatorsSpelt, indicatorUnnamed, indicatorsNamed, namesProject, nameTyped, performance, projectsByTarget, servedAsked, shortfalls, standardNamed, targetsByNoun, wholeIndicator, servesAsked } from './intents/performance.ts';
import { placeAsked, placeNamed, rankWithin, subjectColumn } from './intents/rank.ts';
import { answerSet } from './intents/sets.ts';
import { rate } from './intents/rate.ts';
import { share } from './intents/share.ts';
import { partBySource } from './source-parts.ts';
import { tableRow } from './table-rows.ts';
import { cutOff } from './caution.ts';
import { ECONOMIC_DIGIT } from './conditions.ts';
import { everyAnswer } from './every.ts';
import { checkedAnswer, countCheckedAnswer, offeredAnswer } from './check.ts';
import { sameFigure, show, type Figure } from './figures.ts';
import { printedAt } from './format.ts';
import { reply, yearHeading, type Reply } from './reply.ts';
import { targetFigures, targetName } from './targets.ts';
import { askedOf, documentNotHeld, holdings, resolveScopes, unitOutside, whichOne, type Scope } from './resolve.ts';
import { familyOf, metric as metricOf, STAFF_FAMILY } from '../store/metrics.ts';
import { remember, type Sources } from './sources.ts';
import { alternation } from '../query/normalize/words.ts';
import words from '../../grammar/words.json' with { type: 'json' };

/** A date asked: said not printed, offering the figures of the thing named instead. */
function undated(q: StructuredQuery, e: Scope): Reply {
  const thing = q.targets.map((t) => t.text).join('、');
  return reply(
    'not_found',
    [...(e.yearNote ? [e.yearNote] : []), `${yearHeading(e.entity, e.doc, e.year)}中没有写明${thing}${thing ? '的' : ''}时间（问的是“${q.when!.text}”）：部门预算、决算公开只印金额和数量，不印日期。`],
    [],
    thing ? [`${e.doc.short} ${e.doc.fiscal_year} ${thing}`] : [],
  );
}

/** The metrics of a department's self-evaluation (自评覆盖率, 自评平均分): a project's own rate so named is an indicator. */
const SELF_EVALUATION = 'self_eval.';
const HELP = '我能回答部门预算、决算公开中的数字，例如：曲阳 2023 三公经费；沈阳 2023 邮电费；抚顺 2024 项目支出 前5；北票 困难群众医疗保障资金。';

/**
 * An outcome asked (实际完成了多少, 通过了多少人) answered only by a 预算's 绩效 targets: not found — a target is what was
 * planned, not what was done; the targets are named (no figure of theirs given as the outcome) and offered.
 */
export function outcomeOfTargets(r: Reply): Reply {
  const targets = r.status === 'answered' && r.figures.length > 0 && r.figures.every((f) => f.project !== undefined && f.document.stage === '预算');
  if (!targets) return r;
  const f = r.figures[0]!;
  const named = [...new Set(r.figures.map((x) => x.label.replace(/^.*绩效指标/, '')))].slice(0, 5).join('、');
  return reply(
    'not_found',
    [`${yearHeading(f.entity, f.document, f.year)}中没有实际完成的数：预算只有年初设定的绩效目标（${named}），实际完成情况随决算的绩效自评公开。`],
    [],
    [`${f.document.short} ${f.project} 绩效目标`],
  );
}

export function answerQuery(s: Sources, q: StructuredQuery): Reply {
  const { catalog } = s;
  // 三公经费超过10万了吗: the figure as asked alone, 是/否 said first.
  if (q.check) return checkedAnswer(answerQuery(s, { ...q, check: undefined }), q.check);
  // 北票的项目都是满分吗: every project as listed without the bound, 是/否 over them and those not meeting it.
  if (q.every) return everyAnswer(answerQuery(s, { ...q, every: undefined }), q.every);
  // 邮电费到底是180还是182.64: the figure as asked alone, which amount it is said first.
  if (q.offered) return offeredAnswer(answerQuery(s, { ...q, offered: undefined }), q.offered);
  // 评审通过了多少人 of a 预算: its targets answer no outcome — said so, the targets named, never given as what was done.
  if (q.asked?.outcome) return outcomeOfTargets(answerQuery(s, { ...q, asked: { ...q.asked, outcome: undefined } }));
  // 公务用车有两辆吗: the count as asked alone, 是/不是 said first.
  if (q.countCheck) return countCheckedAnswer(answerQuery(s, { ...q, countCheck: undefined }), q.countCheck);
  // A name several departments go by is asked back before anything is answered about either.
  const unclear = q.entities.find((e) => e.alternatives?.length);
  if (unclear) return whichOne(catalog, q, unclear);
  // 大连和抚顺的三公经费: what is held is answered, the place not held said so first.
  if (q.foreign.length && q.foreignListed && q.entities.length > 0 && !q.set) {
    const held = answerQuery(s, { ...q, foreign: [], foreignListed: false });
    return { ...held, lines: [`没有${q.foreign.map((p) => `“${p}”`).join('、')}的预算公开资料，以下只有${q.entities.map((e) => e.text).join('、')}的。`, ...held.lines] };
  }
  if (q.foreign.length) return notHeld(catalog, q);
  if (q.catalogue && q.entities.length === 1) return holdingsOf(s, q);
  // 能查哪些表: every document's tables; 收了哪几个地方的材料, 有哪几年的: the departments or years held.
  if (q.listOf === 'tables' && (q.catalogue || q.intent === 'list') && q.entities.length === 0 && !q.set && q.targets.length === 0) return remember(s, 'held|tables', () => tablesHeld(s));
  if (q.catalogue && (q.listOf === 'departments' || q.listOf === 'years' || q.listOf === 'units')) return listCatalog(catalog, q);
  if (q.catalogue) return catalogue(catalog);
  // 按工资总额的多少比例: the rate stated for the thing named (a subject and a project of its name alike), or said not stated.
  if (q.basis && q.targets.length + q.candidates.length > 0) {
    const scopes = resolveScopes(catalog, q);
    return Array.isArray(scopes) ? statedBasis(s, q, scopes[0]!) : scopes;
  }
  // 各医保局离退休多少钱: a word naming several subjects (words.json subjectGroups), asked of several departments, is asked
  // back which — never ranked or compared on the first alone.
  const together = q.targets.filter((t) => q.targets.some((x) => x !== t && x.text === t.text));
  if (together.length && (q.set || q.entities.length > 1)) {
    const who = q.set ? q.set.text : q.entities.map((e) => e.text).join('和');
    return reply('ambiguous', [`“${together[0]!.text}”包括${together.map((t) => targetName(t)).join('、')}，请写明要问哪一个。`], [], together.map((t) => `${who} ${t.kind === 'metric' ? t.text : t.name}`));
  }
  const twin = subjectOfSet(catalog, q);
  if (twin) {
    const r = answerQuery(s, twin.q);
    return r.status === 'answered' ? { ...r, lines: [...r.lines, twin.note] } : r;
  }
  // Every department's figure: each look-up is one query over all documents, not one per document; the
  // answer, which reads every department, is kept for the same question asked again.
  if (readsEveryDocument(q)) {
    return inOrder(q, remember(s, `set|${JSON.stringify(q)}`, () => s.queries.acrossDocuments(() => answerSet(s, catalog, q))));
  }
  // 都有哪些单位的预算: with no department named, the units asked for are the departments held.
  const unitsHeld = q.listOf === 'units' && q.targets.length === 0 && q.conditions.length === 0;
  const held = q.listOf === 'departments' || ((q.listOf === 'years' || unitsHeld) && q.entities.length === 0);
  // Every department held (thousands at national scale) is listed once, and kept like a set answer.
  // 曲阳2024年的部门预算: one department's 部门预算 / 部门决算 named is its document, not a list of departments.
  const document = q.listOf === 'departments' && q.asked?.departmentWord && q.entities.length === 1 && (q.stage === '预算' || q.stage === '决算') && !q.set && q.targets.length === 0;
  if (q.intent === 'list' && document) return holdingsOf(s, q);
  if (q.intent === 'list' && held) return q.entities.length ? listCatalog(catalog, q) : remember(s, `held|${q.stage}|${q.listOf}`, () => listCatalog(catalog, q));

  // 补助的人数在五人以上的项目: the projects by a 绩效 target's number — of the departments named, else of every one held.
  if (q.targetBound && !q.set?.places.length) {
    const scopes = q.entities.length ? resolveScopes(catalog, q) : [...catalog.departments.values()].map((docs) => ({ doc: docs[0]!, year: docs[0]!.fiscal_year, entity: docs[0]!.department, unitId: null, yearNote: null }));
    return Array.isArray(scopes) ? withCutOff(scopes, projectsByTarget(s, scopes, q.targetBound)) : scopes;
  }
  // 人均财政补助标准, 劳务派遣人均执行标准 (执行 there asks no 决算): a 成本指标 / standard indicator so named — of the one
  // project named exactly (沈阳政府专项-城乡居民医疗保险补助的人均财政补助标准), else of any.
  const projects = q.targets.filter((t): t is Extract<Target, { kind: 'project' }> => t.kind === 'project');
  if (q.asked?.standard && q.entities.length === 1 && (projects.length === 0 || (projects.length === 1 && namesProject(q, projects[0]!)))) {
    const scopes = resolveScopes(catalog, { ...q, stage: null });
    const standard = Array.isArray(scopes) && scopes.length === 1 ? standardNamed(s, q, scopes[0]!, projects[0]) : null;
    if (standard) return withCutOff(scopes as Scope[], standard);
  }
  // 北票整体绩效里哪些指标没完成: the indicators whose 完成值 falls short of the target — never the execution rates.
  if (q.asked?.shortfall && q.entities.length === 1 && !q.set) {
    const scopes = resolveScopes(catalog, q);
    if (Array.isArray(scopes) && scopes.length === 1) return withCutOff(scopes, shortfalls(s, q, scopes[0]!));
  }
  // 北票整体绩效参保率是多少, 整体绩效里预算执行率定的多少: the words after 整体绩效 name the department's own indicator — that
  // row, never a project's indicator nor the rates the text states.
  if ((q.intent === 'performance' || q.intent === 'rate') && q.asked?.wholeIndicator && q.entities.length === 1 && projects.length === 0) {
    const scopes = resolveScopes(catalog, q);
    const whole = Array.isArray(scopes) && scopes.length === 1 ? wholeIndicator(s, scopes[0]!, q.asked.wholeIndicator, doneAsked(q)) : null;
    if (whole) return withCutOff(scopes as Scope[], whole);
  }
  const nothingAsked = q.targets.length === 0 && q.intent !== 'list' && q.intent !== 'performance' && q.intent !== 'rank' && q.intent !== 'rate';
  // Words nothing understood that count: a lone character (呗, 占) is too weak to refuse over.
  const unknown = q.unknown.filter((w) => [...w].length > 1);
  // 这个项目全年要请多少人次专家, 它的住院救助比例是多少: a project's targets by the unit asked, the words beside
  // (loose or not understood) naming which.
  // A share whose base was named after 占 (占印刷费的百分之几) asks that base, never the part's own targets.
  const targetsAsked = q.intent === 'lookup' || q.intent === 'performance' || (q.intent === 'share' && q.base === null && !q.unreadBase);
  // 医保信息化建设的覆盖率: a rate the grammar knows of a department's self-evaluation (self_eval.*) asked of a project
  // named is that project's indicator so named — never the department's figure, nor it said missing beside the money.
  const rateOfProject = q.targets.length === 2 && q.targets[0]!.kind === 'project' && namesProject(q, q.targets[0]!) && q.targets[1]!.kind === 'metric' && q.targets[1]!.key.startsWith(SELF_EVALUATION);
  if (rateOfProject) {
    const project = q.targets[0] as Extract<Target, { kind: 'project' }>;
    const rate = q.targets[1]!;
    const named = ofOneProject(s, { ...q, targets: [project] }, (scope) => {
      const r = indicatorNamed(s, scope, project.ids, rate.text, project.name);
      if (r) return r;
      // None so named: the department's own rate is not the project's — said so, offering both.
      const place = scope.doc.short;
      return reply('not_found', [...(scope.yearNote ? [scope.yearNote] : []), `${yearHeading(scope.entity, scope.doc, scope.year)}中${project.name}的绩效指标没有名称含“${rate.text}”的；${targetName(rate)}是部门整体的数字，不是这个项目的。`], [], [`${place} ${project.name} 绩效目标`, `${place} ${targetName(rate)}`]);
    });
    if (named) return named;
  }
  const inUnit = targetsAsked ? ofOneProject(s, q, (scope) => indicatorsInUnit(s, q, scope, [...unknown, ...q.candidates.map((c) => c.text)])) : null;
  if (inUnit) return inUnit;
  // 离休医疗保障覆盖了多少离休干部: people the text counts, asked of a project named whatever the verb — its targets counting
  // them, else the count its own text states; never another project's.
  const served = (q.headcount || q.targetAsked?.verb) && q.arithmetic === null && q.asked?.people && projects.some((t) => namesProject(q, t)) ? ofOneProject(s, q, (scope) => projectPeople(s, q, scope)) : null;
  if (served) return served;
  // 邮寄费一年要办多少件: a count in a measure word none of the project's targets is printed in — its targets so named, or
  // not found offering them; never its money.
  const ofProject = targetsAsked && q.unknown.length > 0 ? ofOneProject(s, q, (scope) => targetsOrPeople(s, q, scope)) : null;
  if (ofProject) return ofProject;
  // 村级代办员有几个: people the text counts, not a project loosely named by them.
  // 代办人员有几个: people no name of the lexicon is, counted by the text all the same.
  const counted = q.candidates.length > 0 || (q.headcount && q.targets.length === 0 && unknown.length > 0) ? peopleCounted(s, q) : null;
  if (counted) return withCutOff(resolveScopes(catalog, q) as Scope[], counted);
  // 抚顺离休干部有多少人: no count stated, the projects their word matched loosely are money — said so, never asked back.
  const moneyOnlyScopes = q.headcount && q.candidates.length > 0 && q.candidates.every((c) => c.kind === 'project') ? resolveScopes(catalog, q) : null;
  // 中央财政医疗救助补助中央直达资金要覆盖多少人: a project named but for its year and number — its own targets, never its money.
  const ownTargets = Array.isArray(moneyOnlyScopes) && moneyOnlyScopes.length === 1 && q.candidates.some((c) => nameTyped(q.text, c.name)) ? targetsByNoun(s, q, moneyOnlyScopes[0]!) : null;
  if (ownTargets) return withCutOff(moneyOnlyScopes as Scope[], ownTargets);
  if (Array.isArray(moneyOnlyScopes) && moneyOnlyScopes.length === 1) {
    const named = { kind: 'project' as const, name: q.candidates.map((c) => c.name).join('”、“'), ids: q.candidates.flatMap((c) => c.ids), text: q.candidates[0]!.text, fuzzy: true };
    return withCutOff(moneyOnlyScopes, moneyOnly(s, q, moneyOnlyScopes[0]!, named, q.candidates.map((c) => c.name)));
  }
  // 抚顺表3和表5的城乡医疗救助: tables named by number decide a name that is a subject and a project.
  const inTables = unknown.length === 0 ? printedInTables(s, q) : null;
  if (inTables) return answerQuery(s, inTables);
  // 那辆公务用车是哪年买的: no document prints when; a figure of the thing (or asking back which) would answer another question.
  if (q.when) {
    const scopes = resolveScopes(catalog, q);
    if (!Array.isArray(scopes)) return scopes;
    // 城乡医疗救助哪个月完成: a project's 时效指标 set when it is to be done — the targets, said to be such.
    const timed = scopes.length === 1 ? deadlines(s, q, scopes[0]!) : null;
    return withCutOff(scopes, timed ?? undated(q, scopes[0]!));
  }
  // 曲阳招聘了多少服务人员: a verb of hiring read as its metric asks the people the targets count — a project's name that
  // loosely holds the people's word is no question asked back; answered as where none does (not_found naming the targets).
  if (q.candidates.length > 0 && q.targets.some((t) => t.kind === 'metric' && metricOf(t.key).hiring.includes(t.text))) return answerQuery(s, { ...q, candidates: [] });
  // A word that only loosely named something is asked back, never answered beside the rest of the question.
  if (q.candidates.length > 0 && unknown.length === 0) {
    // 抚顺要考核多少家定点机构: a count asked in a measure word of words a project's name loosely holds — the targets that count it.
    const scopes = q.entities.length === 1 ? resolveScopes(catalog, q) : null;
    const counted = Array.isArray(scopes) && scopes.length === 1 ? targetsByNoun(s, q, scopes[0]!) : null;
    if (counted?.status === 'answered') return withCutOff(scopes as Scope[], counted);
    const place = q.entities[0] ? `${catalog.departments.get(q.entities[0].department)![0]!.short} ` : '';
    const first = q.candidates[0]!;
    // 城乡医疗救助的绩效目标: a subject sets no targets — the project of that name is the one asked.
    const twin = q.intent === 'performance' && q.targets.length === 0 ? q.candidates.find((c) => c.kind === 'project') : undefined;
    if (twin && q.candidates.every((c) => c.name === twin.name)) return answerQuery(s, { ...q, candidates: [], targets: [{ kind: 'project', name: twin.name, ids: twin.ids, text: twin.text, fuzzy: false }] });
    if (q.candidates.some((c) => c.kind !== first.kind)) {
      // Only a look-up of the name alone: a question about more (加起来) is not half answered.
      const both = q.intent === 'lookup' && q.targets.length === 0 ? twins(s, q) : q.targets.length === 0 && q.entities.length > 1 ? twinsAcross(s, q) : null;
      return both ?? reply('ambiguous', [`“${first.name}”既是支出科目也是项目，数字不同，请选一个：`], [], [`${place}${first.name} 科目`, `${place}${first.name} 项目`]);
    }
    const ask = first.kind === 'subject' ? '这个科目编码在文件中印得不完整，几个科目共用它，请选一个：' : `没有名为“${first.text}”的项目，你要问的是不是：`;
    return reply('ambiguous', [ask], [], suggestionsOf(catalog, q, place).slice(0, 5));
  }
  // 有决算数据吗, 有哪些决算, 有哪些预算和决算: a stage alone asks which departments have a document of it.
  const stageAlone = nothingAsked || (q.targets.length === 0 && q.listOf === null && (q.intent === 'list' || (q.intent === 'compare' && q.stage === 'both')));
  if (stageAlone && q.entities.length === 0 && q.years.length === 0 && q.stage !== null && !q.set && q.unknown.length === 0) return listCatalog(catalog, q);
  if (nothingAsked && q.entities.length === 0 && q.years.length === 0) {
    return q.unknown.length ? reply('unsupported', [`没有看懂“${q.unknown.join('、')}”。${HELP}`], [], askedOf(catalog, q, 3)) : reply('unsupported', [HELP], [], askedOf(catalog, q, 3));
  }

  const scopes = resolveScopes(catalog, q);
  if (!Array.isArray(scopes)) return scopes;
  // 和2022年比 of a 2024 document: its text states changes since 2023 only.
  const other = scopes.filter((sc) => sc.year === sc.doc.fiscal_year).map((sc) => sinceAnother(q, sc)).find((r) => r !== null);
  if (other) return other;

  // A word nothing understood may change what is asked (莲湖 教育支出 is not 莲湖 支出总计): refuse rather
  // than answer the rest.
  if (nothingAsked || unknown.length) {
    // Asked about 绩效, the words may name the document's indicators (家庭医生签约服务人次 实际完成值).
    const named = q.intent === 'performance' && q.targets.length === 0 && scopes.length === 1 ? indicators(s, q, scopes[0]!, unknown) : null;
    if (named) return withCutOff(scopes, named);
    // 专线一条一年多少钱: a cost per unit is a 成本指标 of one of the department's projects.
    const perUnit = q.targets.length === 0 && unknown.length > 0 && scopes.length === 1 ? indicatorPerUnit(s, q, scopes[0]!) : null;
    if (perUnit) return withCutOff(scopes, perUnit);
    // 培训多少人次: a count of the department its 绩效 indicators name, said to be a target.
    const namedCount = unknown.length > 0 && scopes.length === 1 ? indicatorsNamed(s, q, scopes[0]!, unknown) : null;
    if (namedCount) return withCutOff(scopes, namedCount);
    // 北票一年要扫描多少份档案: a count in a measure word of a noun the indicators of any of its projects name.
    const byNoun = q.unknown.length > 0 && scopes.length === 1 ? targetsOrPeople(s, q, scopes[0]!) : null;
    // 离休医疗保障惠及多少人 where none of its targets counts the people it serves, nor its description: not found, offering its targets — never its money.
    if (byNoun && (byNoun.status === 'answered' || servedAsked(q.text))) return withCutOff(scopes, byNoun);
    const e = scopes[0]!;
    const outside = unitOutside(s, q, e);
    if (outside) return withCutOff(scopes, outside);
    // 沈阳有离休干部吗: people the text counts nowhere in this document — said so, never 没有 (there may be such people).
    const people = q.headcount && q.targets.length === 0 && unknown.length === 1 ? UNCOUNTED_PEOPLE.exec(unknown[0]!)?.[1] : undefined;
    if (people) return withCutOff(scopes, reply('not_found', [...(e.yearNote ? [e.yearNote] : []), `${yearHeading(e.entity, e.doc, e.year)}中没有写明${people}的人数。`]));
    const place = e.doc.short;
    const asked = q.targets.map((t) => t.text).join('');
    // 沈阳局机关的项目支出: no unit of the department's own level (本级, 机关) held for it — said so, offering its whole.
    if (unknown.length === 1 && unknown[0] === OWN_LEVEL_WORD && q.unknown.length === 1) {
      // 曲阳政府采购 → 本级的呢: a table printing the department's own rows apart answers it, as 曲阳本级的政府采购 does.
      const own = tableRow(s, q);
      if (own) return withCutOff(scopes, inTenths(q, own));
      const whole = `${place} ${e.doc.fiscal_year} ${asked || '支出总计'}`;
      return withCutOff(scopes, reply('not_found', [`没有找到${e.entity}本级（机关）单列的数字，只有${e.entity}整体的。`], [], [whole]));
    }
    // Offered of the kind asked, read off the typed query: a headcount's are the staff counts held, a 三公 figure's the
    // 三公 figures held (metrics of its family); else the department's main figures.
    const metricAsked = q.targets.find((t) => t.kind === 'metric');
    const family = q.headcount ? STAFF_FAMILY : metricAsked?.kind === 'metric' ? familyOf(metricAsked.key) : undefined;
    const kin = family ? heldOfFamily(s, e, family).map((k) => `${place} ${e.doc.fiscal_year} ${k.name}`) : [];
    const examples = [
      ...new Set([
        ...(asked ? [`${place} ${e.doc.fiscal_year} ${asked}`] : []),
        ...kin,
        `${place} ${e.doc.fiscal_year} 支出总计`,
        `${place} ${e.doc.fiscal_year} 三公经费`,
        `${place} 有哪些项目`,
        `${place} ${e.doc.fiscal_year} 基本支出`,
      ]),
    ];
    // Asked otherwise (疫苗接种率定的多少), the words may still name indicators — by runs of three characters or more,
    // never for money, and only where no count its indicators name answered.
    const namedOtherwise = q.targets.length === 0 && scopes.length === 1 && !q.asked?.money ? indicators(s, q, e, unknown, 3) : null;
    if (namedOtherwise) return withCutOff(scopes, namedOtherwise);
    // None of its indicators so named: said so, offering the projects that have targets.
    if (byNoun) return withCutOff(scopes, byNoun);
    // 北票整体绩效自评中办公面积的完成值: asked of indicators by a name none holds — said so with the name as read.
    const unnamed = q.intent === 'performance' && q.targets.length === 0 && scopes.length === 1 ? indicatorUnnamed(s, q, e) : null;
    if (unnamed) return withCutOff(scopes, unnamed);
    return q.unknown.length
      ? withCutOff(scopes, reply('not_found', [`在${e.entity}的资料中没有找到“${(unknown.length ? unknown : q.unknown).join('、')}”。`], [], examples))
      : reply('ambiguous', [`想查${e.entity}的哪一项？`], [], examples);
  }

  // 项目支出中上年结转的部分: the cell of the figure's row in the column of that source.
  const sourced = scopes.length === 1 ? partBySource(s, q, scopes[0]!) : null;
  if (sourced) return withCutOff(scopes, sourced);
  // 内设的第三个部门叫什么, 有哪些内设机构: the offices the text lists by name.
  const [t] = q.targets;
  const named = q.targets.length === 1 && t!.kind === 'metric' && t!.key === OFFICES && scopes.length === 1 ? offices(s, q, scopes[0]!) : null;
  if (named) return named;
  const unnamed = countedOnly(s, q, scopes[0]!);
  if (unnamed) return unnamed;
  const ofKind = scopes.length === 1 ? ofEconomicKind(s, q, scopes[0]!) : q;
  if ('status' in ofKind) return ofKind;
  const r = withCutOff(scopes, inOrder(ofKind, answerIntent(s, ofKind, scopes)));
  // 曲阳的宣传目标完成率: a rate no document states (a 预算's) whose words spell most of an indicator's name is that indicator.
  const spelt = r.status === 'not_found' && q.intent === 'rate' && scopes.length === 1 ? indicatorsSpelt(s, q, scopes[0]!) : null;
  if (spelt) return withCutOff(scopes, spelt);
  // A project found by a loose name is said to be that project, so nobody takes it for the one typed.
  const loose = q.targets.filter((t): t is Extract<Target, { kind: 'project' }> => t.kind === 'project' && t.fuzzy && !t.name.includes(t.text.trim()));
  if (r.status === 'answered' && loose.length) r.lines.unshift(...loose.map((t) => `没有名为“${t.text.trim()}”的项目，以下是名称最接近的“${t.name}”。`));
  const misspelt = q.targets.filter((t): t is Extract<Target, { kind: 'metric' }> => t.kind === 'metric' && t.asRead !== undefined);
  if (r.status === 'answered' && misspelt.length) r.lines.unshift(...misspelt.map((t) => `“${t.text}”按“${t.asRead}”理解。`));
  if (r.status === 'answered' && ofKind.notes?.length) r.lines.unshift(...ofKind.notes);
  // 2024年支出比2023年多了多少, 和2023年比哪项变了: the year named is the one the document compares with, said in one line.
  const since = scopes.find((sc) => q.since === sc.doc.fiscal_year - 1);
  if (since && r.status !== 'unsupported') r.lines.unshift(`与${q.since}年比就是与上年比（${since.doc.fiscal_year}年${since.doc.stage}的“上年”是${q.since}年）。`);
  return r;
}

/**
 * 政府经济分类的商品和服务支出, 部门经济分类里对个人和家庭的补助: a subject named is held to the items of the economic
 * classification typed (政府 5xx, 部门 3xx) — never another classification's item of a like name, nor the reason its
 * sentence states. A name typed that only part of such an item's printed name holds (商品和服务支出 in 莲湖's
 * 机关商品和服务支出, 502) is that item where it is the only one, said so; else not found, naming those that hold it.
 */
function ofEconomicKind(s: Sources, q: StructuredQuery, scope: Scope): StructuredQuery | Reply {
  const kind = q.economicKind;
  if (!kind || !q.targets.some((t) => t.kind === 'subject')) return q;
  const digit = ECONOMIC_DIGIT[kind];
  const classification = kind === 'government' ? '政府经济分类' : '部门经济分类';
  const notes: string[] = [];
  const targets: Target[] = [];
  const facts = s.queries.factsByAspect(scope.doc.id, 'amount');
  // The codes of that classification this document prints (another document's 50502 is no item of this one).
  const printed = (code: string) => facts.some((f) => f.subject_code === code) || s.queries.figuresBySubject(scope.doc.id, code).length > 0;
  for (const t of q.targets) {
    const codes = t.kind === 'subject' ? t.codes.filter((c) => c.startsWith(digit) && printed(c)) : [];
    if (t.kind !== 'subject' || codes.length) {
      targets.push(t.kind === 'subject' ? { ...t, codes } : t);
      continue;
    }
    const items = new Map<string, string>();
    for (const f of facts) if (f.subject_code?.startsWith(digit) && f.subject_name?.includes(t.name)) items.set(f.subject_code, f.subject_name);
    const [only] = [...items];
    if (!only || items.size > 1) {
      const holding = items.size ? `（名称含“${t.name}”的有：${[...items].map(([code, name]) => `${name}（${code}）`).join('、')}，请写明是哪一个）` : '';
      return reply(items.size ? 'ambiguous' : 'not_found', [`${yearHeading(scope.entity, scope.doc, scope.year)}的${classification}中没有名为“${t.name}”的科目${holding}。`], [], [...items.values()].map((name) => `${scope.doc.short} ${name}`));
    }
    if (only[1] !== t.name) notes.push(`${classification}中没有名为“${t.name}”的科目，按“${only[1]}（${only[0]}）”理解。`);
    targets.push({ kind: 'subject', name: only[1], codes: [only[0]], text: t.text });
  }
  return { ...q, targets, notes: [...(q.notes ?? []), ...notes] };
}

/**
 * Of the one project asked, in its one document: what `answer` finds of its targets (those in the unit the question
 * names, or the count asked by the words they are named with); null when not so asked.
 */
function ofOneProject(s: Sources, q: StructuredQuery, answer: (scope: Scope) => Reply | null): Reply | null {
  if (q.targets.length !== 1 || q.targets[0]!.kind !== 'project' || q.entities.length !== 1) return null;
  const scopes = resolveScopes(s.catalog, q);
  if (!Array.isArray(scopes) || scopes.length !== 1) return null;
  const r = answer(scopes[0]!);
  return r && withCutOff(scopes, r);
}

/**
 * 内设的第十一个部门叫什么: the Nth of things the document only counts (a count figure, no names held): the count
 * is said with its line, and that the names are not held — never another list's Nth item.
 */
function countedOnly(s: Sources, q: StructuredQuery, scope: Scope): Reply | null {
  const [t] = q.targets;
  if (q.reference?.kind !== 'item' || q.targets.length !== 1 || t!.kind !== 'metric' || metricOf(t!.key).kind !== 'count') return null;
  const count = lookup(s, { ...q, intent: 'lookup', reference: null }, { ...scope, yearNote: null }, t!);
  const f = count.figures[0];
  if (count.status !== 'answered' || !f) return count;
  const name = metricOf(t!.key).name;
  return reply('not_found', [`${scope.entity}的${name}共${show(f)}（${printedAt(f)}），但各${name}的名称没有收录，无法回答${q.reference.text}。`], [], [`${scope.doc.short} ${name}`]);
}

/** The departments lying in the place a name begins with (西安市医保局: 西安市), the longest place first. */
function placeBefore(name: string, departments: string[]): string[] {
  const choices = departments.map((d) => ({ department: d, unitId: null, name: d }));
  for (let k = name.length - 1; k >= 2; k--) {
    const inside = lyingIn(name.slice(0, k), choices);
    if (inside) return inside.map((c) => c.department);
  }
  return [];
}

/** The departments held at the place of an organisation named but not held (沈阳市医保局) that are units working under it. */
function unitsUnder(catalog: Catalog, q: StructuredQuery): string[] {
  if (q.foreign.length !== 1 || q.entities.length > 0 || q.set) return [];
  const named = organisationAt(q.foreign[0]!);
  return named ? catalog.departmentsAt(named.place).filter((d) => workingUnder(d) === named.printed) : [];
}

/**
 * 大连, 海淀区医保局: a place no document held lies in is said not to be held, with what is; 沈阳市医疗保障局 where
 * only 沈阳's 医疗保障事务服务中心 is held: that unit is offered first, by its own name, with none of its figures.
 */
function notHeld(catalog: Catalog, q: StructuredQuery): Reply {
  // 西安市医保局: the departments lying in 西安市 (莲湖区's) are offered as what is held there, never answered as its.
  const within = new Set(q.foreign.flatMap((f) => placeBefore(f, [...catalog.departments.keys()])));
  // A department goes by a place the foreign name begins with: its prefixes looked up, not every department's names read.
  const prefixes = q.foreign.flatMap((f) => [...f].map((_, i) => f.slice(0, i + 1)));
  const named = new Set(prefixes.flatMap((p) => catalog.departmentsAt(p)));
  const near = [...catalog.departments.entries()].filter(([d]) => within.has(d) || named.has(d));
  const listed = (ds: typeof near) => ds.map(([d, docs]) => `${d}（${docs.map((x) => `${x.fiscal_year}年${x.stage}`).join('、')}）`).join('；');
  // Lying in the place, not of it: said so, so that none reads as the place's own.
  // 沈阳市医保局 where only a unit working under it is held (its 医疗保障事务服务中心): never the unit's figures in its stead — the
  // bureau's own disclosure said not held, the unit offered by a name of its own (沈阳医保中心), its figures only when asked so.
  const under = new Set(unitsUnder(catalog, q));
  const where = near.every(([d]) => within.has(d)) ? '该地辖内现有的是（不是该地本级的）' : '同一地方现有的是';
  // Only the units under it are said to be so; other departments of the places named (辽宁省's) are listed apart.
  const others = near.filter(([d]) => !under.has(d));
  const held = under.size
    ? `没有“${q.foreign[0]}”本身的预算公开资料。现有的只是它下属的单位（不是该局本身）：${listed(near.filter(([d]) => under.has(d)))}。${others.length ? `同一地方另有：${listed(others)}。` : ''}`
    : `没有${q.foreign.map((p) => `“${p}”`).join('、')}的预算公开资料。${near.length ? `${where}：${listed(near)}。` : `现有：${holdings(catalog)}。`}`;
  const lines = [held];
  const asked = q.targets.map((t) => t.text).join('') || '支出总计';
  const unitName = (d: string) => (under.has(d) ? (orgAliasesOf(d)[1] ?? orgAliasesOf(d)[0] ?? '') : '');
  const suggestions = near.map(([d, docs]) => `${docs[0]!.short}${unitName(d)} ${docs[0]!.fiscal_year} ${asked}`);
  // The unit under it is offered by its own name only (沈阳 alone would read as the bureau asked).
  const elsewhere = askedOf(catalog, q).filter((x) => !near.some(([d, docs]) => under.has(d) && x.startsWith(`${docs[0]!.short} `)));
  return reply('not_found', lines, [], [...new Set([...suggestions, ...elsewhere])].slice(0, 5));
}

/** Nothing found in a document that is cut off: the reply says what is missing may be in the part lost. */
function withCutOff(scopes: Scope[], r: Reply): Reply {
  if (r.status !== 'not_found') return r;
  const notes = [...new Set(scopes.map((sc) => cutOff(sc.doc, '没有找到的数字可能在缺失的部分')).filter((l) => l !== null))];
  return notes.length ? { ...r, lines: [...r.lines, ...notes] } : r;
}

/** 有哪些数据, 能查什么: the documents held and the kinds of questions they answer. */
function catalogue(catalog: Catalog): Reply {
  const docs = [...catalog.departments.entries()].map(([d, list]) => `· ${d}（${list[0]!.short}）：${list.map((x) => `${x.fiscal_year}年${x.stage}`).join('、')}`);
  const first = [...catalog.departments.values()][0]![0]!;
  const kinds = [
    `数字：${first.short} 三公经费；${first.short} 人员经费；${first.short} 项目支出 前5`,
    `各部门：各医保局三公经费排名；所有部门人员经费加起来`,
    `条件：${first.short} 50万元以下的项目；执行率不到八成的项目`,
    `计算：${first.short} 基本支出比项目支出少多少；人员经费占基本支出的比例`,
    `变化与原因：${first.short} 支出比上年增加多少，为什么`,
    `绩效：${first.short} 绩效目标；执行率；自评得分`,
  ];
  return reply('answered', [`共有${catalog.departments.size}个部门的公开资料：`, ...docs, '可以问：', ...kinds.map((k) => `· ${k}`)]);
}

/** Documents whose tables are listed one by one: beyond them, only how many more there are (a national corpus holds thousands). */
const TABLES_LISTED = 20;

/** 能查哪些表: each document's tables by number and title, one line a document. */
function tablesHeld(s: Sources): Reply {
  const docs = [...s.catalog.departments.values()].flat();
  const lines = docs.slice(0, TABLES_LISTED).map((d) => {
    const tables = s.queries.tables(d.id).filter((t) => t.kind !== 'toc');
    return `· ${d.display}（${tables.length}张表）：${tables.map((t) => `${t.number ? `${t.number} ` : ''}${t.name}`).join('；')}`;
  });
  const more = docs.length > TABLES_LISTED ? [`另有${docs.length - TABLES_LISTED}份资料，问“某地 能查哪些表”看它的表格。`] : [];
  return reply('answered', [`共有${docs.length}份资料，各自的表格：`, ...lines, ...more], [], [`${docs[0]!.short} 能查哪些表`]);
}

/**
 * 北票能查哪些内容, 曲阳2023年的部门预算: one department's documents, the tables each prints, and questions to ask of it — a year
 * or stage asked that it does not hold said first (曲阳2024年的部门预算).
 */
function holdingsOf(s: Sources, q: StructuredQuery): Reply {
  const scopes = resolveScopes(s.catalog, { ...q, catalogue: false, years: [], stage: null });
  if (!Array.isArray(scopes)) return scopes;
  const missing = documentNotHeld(s.catalog, q);
  const docs = s.catalog.departments.get(scopes[0]!.doc.department) ?? [];
  const lines = docs.flatMap((d) => {
    const tables = s.queries.tables(d.id).filter((t) => t.kind !== 'toc');
    return [`${d.display}（共${tables.length}张表）：`, ...tables.map((t) => `· ${t.number ? `${t.number} ` : ''}${t.name}`)];
  });
  const short = docs[0]!.short;
  const kinds = [`${short} 支出总计`, `${short} 三公经费`, `${short} 有哪些项目`, `${short} 基本支出 明细`, `${short} ${docs[0]!.stage === '决算' ? '执行率' : '绩效目标'}`];
  // Not held: what is held follows, and the questions to ask of it are the suggestions.
  return missing ? reply('not_found', [...missing.lines, ...lines], [], kinds) : reply('answered', [...lines, `可以问：${kinds.join('；')}`], [], kinds);
}

/**
 * 城乡医疗救助 is a subject (8,645.00) and a project (3,400.00) of one document: both answered, each labelled,
 * rather than asked back. Null when either cannot be answered, and the question is asked back.
 */
function twins(s: Sources, q: StructuredQuery): Reply | null {
  const subject = candidateSubject(s.catalog, q);
  const typed = q.candidates[0]!.text;
  const asked = { ...q, candidates: [] };
  const scopes = resolveScopes(s.catalog, asked);
  if (!subject || !Array.isArray(scopes) || scopes.length !== 1) return null;
  return namesakeAnswer(s, asked, scopes[0]!, { kind: 'subject', name: subject.name, codes: subject.codes, text: typed });
}

/**
 * 抚顺的城乡医疗救助比沈阳医保中心多多少: a name that is a subject and a project, computed across departments, is
 * computed as each thing that every department named holds — the subject against the subject, the project against
 * the project (沈阳's 政府专项-城乡医疗救助), each labelled — never a subject of one against a project of another.
 * Null when neither is held by all, or either cannot be answered.
 */
function twinsAcross(s: Sources, q: StructuredQuery): Reply | null {
  const subject = candidateSubject(s.catalog, q);
  const asked = { ...q, candidates: [] };
  const scopes = resolveScopes(s.catalog, asked);
  if (!subject || !Array.isArray(scopes) || scopes.length < 2 || (q.intent !== 'arithmetic' && q.intent !== 'compare')) return null;
  const typed = q.candidates[0]!.text;
  const asSubject: Target = { kind: 'subject', name: subject.name, codes: subject.codes, text: typed };
  const projects = scopes.map((sc) => namesakes(s, sc, asSubject).filter((n) => n.label === '项目'));
  const things: { label: string; target: Target }[] = [];
  if (scopes.every((sc) => targetFigures(s, sc, asSubject, sc.year).length > 0)) things.push({ label: '功能科目', target: asSubject });
  if (projects.every((p) => p.length === 1)) {
    const ids = projects.flatMap((p) => (p[0]!.target.kind === 'project' ? p[0]!.target.ids : []));
    things.push({ label: '项目', target: { kind: 'project', name: subject.name, ids, text: typed, fuzzy: false } });
  }
  if (things.length === 0) return null;
  const answers = things.map((t) => ({ ...t, r: answerQuery(s, { ...asked, targets: [t.target], intent: q.arithmetic ? 'arithmetic' : q.intent }) }));
  if (answers.some((a) => a.r.status !== 'answered')) return null;
  const held = things.length > 1 ? `“${subject.name}”既是支出科目也是项目，分别计算：` : `“${subject.name}”在${scopes.map((sc) => sc.doc.short).join('、')}都有的是${things[0]!.label}：`;
  return reply('answered', [held, ...answers.flatMap((a) => [`【${a.label}】${a.r.lines[0]}`, ...a.r.lines.slice(1)])], answers.flatMap((a) => a.r.figures));
}

/**
 * 支出总计排第二的单位, 最后一个: an item of the ranking the question itself asks for leads the answer,
 * the ranking after it.
 */
function inOrder(q: StructuredQuery, r: Reply): Reply {
  const ref = q.reference;
  if (ref?.kind !== 'item' || q.intent !== 'rank' || r.status !== 'answered' || r.figures.length === 0) return r;
  const i = placeAsked(q, ref, r.figures.length);
  const item = r.figures[i];
  if (!item) return reply('not_found', [`只有${r.figures.length}项，没有${placeNamed(q, ref, ref.index)}项。`, ...r.lines]);
  // The places as the ranking prints them (1, 1, 3): a place inside a tie is the tie's, said so (并列第1).
  const printed = r.lines.flatMap((l) => { const m = /^(\d+)\. (.*)$/.exec(l); return m ? [{ place: Number(m[1]), text: m[2]!.replace(/（并列）$/, '') }] : []; });
  if (printed.length === r.figures.length && printed.some((p, k) => p.place !== k + 1)) {
    const asked = ref.fromEnd ? printed[i]!.place : i + 1;
    const at = Math.max(...printed.filter((p) => p.place <= asked).map((p) => p.place));
    const group = r.figures.filter((_, k) => printed[k]!.place === at);
    if (group.length > 1 || at !== asked) {
      const texts = printed.filter((p) => p.place === at).map((p) => p.text);
      const lead = group.length > 1
        ? `并列${placeNamed(q, ref, at)}的是：${texts.join('；')}${at !== asked ? `（${group.length}项并列，占${placeNamed(q, ref, at)}至${at + group.length - 1}名，没有单独的${placeNamed(q, ref, asked)}名）` : ''}`
        : `排${placeNamed(q, ref, at)}的是：${texts[0]}`;
      return { ...r, lines: [lead, ...r.lines], figures: [...group, ...r.figures.filter((f) => !group.includes(f))] };
    }
  }
  const place = r.lines.find((l) => l.startsWith(`${i + 1}. `)) ?? `${item.label}：${show(item)}`;
  return { ...r, lines: [`排${placeNamed(q, ref, i + 1)}的是：${place.replace(/^\d+\. /, '')}`, ...r.lines], figures: [item, ...r.figures.filter((f) => f !== item)] };
}

/**
 * One question per candidate. A project two units of a department both carry is offered once per
 * unit, naming the unit, so that the question asked from the suggestion reaches that unit's project.
 */
function suggestionsOf(catalog: Catalog, q: StructuredQuery, place: string): string[] {
  const out = q.candidates.flatMap((c) => {
    const own = c.kind === 'project' ? catalog.projects.filter((p) => c.ids.includes(p.id)) : [];
    if (new Set(own.map((p) => p.unitId)).size < 2) return [`${place}${c.name}`];
    return own.map((p) => {
      const unit = catalog.units.find((u) => u.id === p.unitId);
      const org = unit?.role === 'subunit' ? orgAliasesOf(unit.name)[0] : undefined;
      return org ? `${place}${org} ${p.name}` : `${place}${p.name}`;
    });
  });
  return [...new Set(out)];
}

/**
 * 各医保局城乡医疗救助各安排了多少: over a set, a name that is both a subject (printed by every department's tables)
 * and a project of some department is asked of the subject; the project is said apart, never added in.
 */
function subjectOfSet(catalog: Catalog, q: StructuredQuery): { q: StructuredQuery; note: string } | null {
  const project = q.candidates.find((c) => c.kind === 'project');
  const subject = candidateSubject(catalog, q);
  if (q.targets.length > 0 || new Set(q.candidates.map((c) => c.name)).size !== 1 || !project || !subject) return null;
  const asked: StructuredQuery = { ...q, candidates: [], targets: [{ kind: 'subject', name: subject.name, codes: subject.codes, text: project.text }] };
  if (!asksOfSet(asked)) return null;
  const owners = [...new Set(catalog.projects.filter((p) => project.ids.includes(p.id)).map((p) => catalog.document(p.documentId).short))];
  return { q: asked, note: `（以上是支出科目“${subject.name}”；${owners.join('、')}另有同名项目，数字不同，可问“${owners[0]} ${subject.name} 项目”。）` };
}

/**
 * 抚顺表3和表5的城乡医疗救助差多少: a name that is a subject and a project, asked of tables named by number, is the one thing
 * every table named prints (表3 and 表5 print the subject, no project); null when not exactly one does.
 */
function printedInTables(s: Sources, q: StructuredQuery): StructuredQuery | null {
  if (!q.tables?.length || q.targets.length > 0 || new Set(q.candidates.map((c) => c.kind)).size < 2) return null;
  const scopes = resolveScopes(s.catalog, q);
  if (!Array.isArray(scopes) || scopes.length !== 1) return null;
  const scope = scopes[0]!;
  const subject = candidateSubject(s.catalog, q);
  const things = q.candidates.flatMap((c): Target[] =>
    c.kind === 'project' ? [{ kind: 'project', name: c.name, ids: c.ids, text: c.text, fuzzy: false }] : subject ? [{ kind: 'subject', name: subject.name, codes: subject.codes, text: c.text }] : [],
  );
  const numbered = (n: number) => (f: { tableNumber?: string | null }) => Number(/\d+/.exec(f.tableNumber ?? '')?.[0]) === n;
  const printed = things.filter((t) => {
    const figures = targetFigures(s, scope, t, scope.year);
    return q.tables!.every((n) => figures.some(numbered(n)));
  });
  return printed.length === 1 ? { ...q, candidates: [], targets: printed, intent: q.arithmetic ? 'arithmetic' : q.intent } : null;
}

/** The subject a loosely named word was read as, when it was read as one. */
const candidateSubject = (catalog: Catalog, q: StructuredQuery) => catalog.subjects.find((x) => x.name === q.candidates.find((c) => c.kind === 'subject')?.name);

/** A question answered over the set of departments: its look-ups (and its answer's warnings) read every document at once. */
export const readsEveryDocument = (q: StructuredQuery): boolean => asksOfSet(q) && q.unknown.every((w) => [...w].length < 2);

/**
 * A question about the departments held rather than one named: a set word (各医保局, 辽宁的医保局), a
 * ranking of a figure, or which departments meet a condition (哪些部门三公经费超过10万元).
 */
function asksOfSet(q: StructuredQuery): boolean {
  // Departments named and ranked, added up or averaged (沈阳、抚顺两个单位的项目支出合计) are a set of their own.
  if (q.entities.length > 1) return q.entities.every((e) => e.unitId === null) && (q.intent === 'rank' || q.arithmetic?.op === 'sum' || q.arithmetic?.op === 'average');
  if (q.entities.length > 0) return false;
  if (q.set) return true;
  if (needsDepartment(q)) return false;
  if (q.intent === 'share' && q.targets.length > 1) return true;
  const ofDepartments = q.listOf === 'departments' || q.listOf === 'units' || q.conditions.length > 0;
  return (q.intent === 'rank' || ofDepartments) && q.targets.length > 0;
}

/** 有离休干部, 还有没有离休干部: an unknown word that is only people a headcount counts, with the words asking whether. */
const UNCOUNTED_PEOPLE = new RegExp(`^(?:还?(?:${alternation(WHETHER_ASKED)}|有))?(${alternation(words.headcounts.people)})$`);

/**
 * 医保局的基本支出, 项目支出前五: nothing says the figure is asked of each department (no 各 / 所有 / 哪个, no sum, no
 * condition), so one department is meant and asked back — a department's 项目支出 ranked is its projects, and an
 * organisation word alone (医保局) is the one the asker has in mind, not every one held.
 */
function needsDepartment(q: StructuredQuery): boolean {
  // 项目支出哪家最高: a which-word asks which department.
  if (q.conditions.length > 0 || q.arithmetic !== null || q.catalogue || q.asked?.which) return false;
  const bare = q.intent === 'lookup' && q.listOf === 'departments' && q.targets.length > 0;
  // 医保局的项目支出前五: an organisation word (not 部门, 单位) before it names no set either.
  const own = q.listOf === null || (q.listOf === 'departments' && !q.asked?.departmentWord);
  const projects = q.intent === 'rank' && own && q.targets.length === 1 && q.targets[0]!.kind === 'metric' && q.targets[0]!.key === 'project';
  return bare || projects;
}

/**
 * 有多少离休干部 where only 离休干部医药费 is printed: the people are not counted there — said so, never the money as people;
 * 曲阳要补助多少人, 沈阳要请几个专家: where the department's 绩效 indicators count them, those targets instead.
 * `names`: the projects a loose name matched, each offered apart (their joined name is no question).
 */
function moneyOnly(s: Sources, q: StructuredQuery, scope: Scope, t: Target, names: string[] = [targetName(t)]): Reply {
  const counting = targetsByNoun(s, q, scope);
  const targets = projectPeople(s, q, scope, counting) ?? counting;
  // Of a project named, its own targets not counting them are said, offering them; else that only money is printed.
  if (targets && (targets.status === 'answered' || q.targets.some((x) => namesProject(q, x)))) return targets;
  const name = targetName(t);
  const note = scope.yearNote ? [scope.yearNote] : [];
  return reply('not_found', [...note, `${yearHeading(scope.entity, scope.doc, scope.year)}中没有印“${t.text}”的人数，只印有“${name}”的金额，不能当作人数。`], [], names.map((n) => `${scope.doc.short} ${n}`));
}

/** 有多少离休干部: the count the text states of the people named, for one department; null when it states none. */
function peopleCounted(s: Sources, q: StructuredQuery, scopes: Scope[] | Reply = resolveScopes(s.catalog, q)): Reply | null {
  if (!q.headcount || (q.arithmetic && (q.arithmetic.op !== 'sum' || q.targets.length > 1)) || !Array.isArray(scopes) || scopes.length !== 1) return null;
  if (q.targets.some((t) => namesProject(q, t))) return projectPeople(s, q, scopes[0]!);
  return statedHeadcount(s, q, scopes[0]!);
}

/** 离休医疗保障要保障多少人: a count its targets name, else — none counting them — the people its description counts (projectPeople). */
function targetsOrPeople(s: Sources, q: StructuredQuery, scope: Scope): Reply | null {
  const targets = targetsByNoun(s, q, scope);
  return targets && targets.status !== 'answered' ? projectPeople(s, q, scope, targets) ?? targets : targets;
}

/**
 * 城乡居民基本医疗保险代办员补助资金要发几个人, 离休医疗保障有多少离休干部: the people of a project named — its own target rows
 * counting them (targetsByNoun), else the people named whom its own description counts — never another project's text.
 * Null when neither, or no project is named. `targets`: targetsByNoun's reply, where the caller has it already.
 */
function projectPeople(s: Sources, q: StructuredQuery, scope: Scope, targets?: Reply | null): Reply | null {
  const project = q.targets.find((t) => namesProject(q, t));
  if (project?.kind !== 'project') return null;
  if (targets === undefined) targets = targetsByNoun(s, q, scope);
  if (targets?.status === 'answered') return targets;
  const named = namedHeadcounts(s, q, scope).map((f) => f.line);
  // 离休医疗保障惠及多少人: the people it serves asked, no group named and no target counting them — the people its own
  // description counts (全市73名离休干部) are those it serves, said to be the description's, not a target.
  const served = named.length === 0 && servesAsked(q);
  const own = projectHeadcounts(s, scope, project.ids).filter((f) => served || named.includes(f.line));
  if (own.length === 0) return null;
  const note = scope.yearNote ? [scope.yearNote] : [];
  const why = served ? '（它的绩效指标中没有计惠及人数的，这是说明中写明的服务对象）' : '';
  return reply('answered', [...note, `${yearHeading(scope.entity, scope.doc, scope.year)} ${project.name}的说明中写明的人数${why}：`, ...own.map((f) => `· ${f.label.replace(/人数$/, '')}：${show(f)}（第${f.line}行）`)], own);
}

/**
 * 沈阳绩效目标覆盖的资金占多少: a figure the document does not state, where it states another of the same thing instead
 * (metrics.json `instead`: a coverage rate by count), is not found — saying what is stated, never a figure worked from it.
 */
function statedInstead(s: Sources, q: StructuredQuery, scopes: Scope[]): Reply | null {
  const [t] = q.targets;
  if (scopes.length !== 1 || t?.kind !== 'metric' || metricOf(t.key).instead.length === 0) return null;
  const scope = scopes[0]!;
  if (targetFigures(s, scope, t, scope.year).length > 0) return null;
  const all = metricOf(t.key).instead.flatMap((key) => targetFigures(s, scope, { kind: 'metric', key, text: '' }, scope.year));
  // Said once: two sentences of one line stating the same rate (单位整体 and 特定目标类项目, both 100%), and a figure
  // a table prints and the text repeats (政府采购 at 表12 and 正文), cited where first found.
  const same = (x: Figure, f: Figure) => x.label === f.label && sameFigure(x, f);
  const stated = all.filter((f, i) => all.findIndex((x) => same(x, f)) === i);
  const said = stated.length ? `文件只说明了${stated.map((f) => `${f.label}${show(f)}（${printedAt(f)}）`).join('、')}，不据此推算。` : '';
  const note = scope.yearNote ? [scope.yearNote] : [];
  // 沈阳绩效目标覆盖的资金占多少: no base named — what is stated is the answer, the rate by count said to be one.
  if (q.intent === 'share' && !q.base && !q.arithmetic && stated.length) {
    return reply('answered', [...note, `${yearHeading(scope.entity, scope.doc, scope.year)}中没有说明${metricOf(t.key).name}（金额）；文件说明的是${stated.map((f) => `${f.label}${show(f)}（${printedAt(f)}）`).join('、')}，按个数计，不是资金的比例。`], stated);
  }
  return reply('not_found', [...note, `${yearHeading(scope.entity, scope.doc, scope.year)}中没有说明${metricOf(t.key).name}${q.intent === 'share' || q.arithmetic ? '，无法计算' : ''}。${said}`], [], stated.map((f) => `${scope.doc.short} ${f.label}`));
}

/** 占了几成: a share asked in 成 (tenths) is said in them too, beside the per cent (86.85% → 约8.7成). */
export function inTenths(q: StructuredQuery, r: Reply): Reply {
  const f = r.figures[0];
  if (r.status !== 'answered' || !q.tenths || f?.unit !== '%' || typeof f.value !== 'number') return r;
  const at = r.lines.findIndex((l) => l.includes('%'));
  return at < 0 ? r : { ...r, lines: r.lines.map((l, i) => (i === at ? `${l}，约${Math.round(f.value as number) / 10}成（1成 = 10%）` : l)) };
}

/** Whether the text states a change of this very thing (its own sentence, not another figure's of the same amount). */
function statesOwnChange(s: Sources, scope: Scope, t: Target): boolean {
  return targetFigures(s, scope, t, scope.year).some((f) => f.change !== null);
}

/**
 * 北票离休医疗保障为啥 (or 为啥 after its figure): a 决算 states no change from last year of it, but states how much of
 * its budget it spent and why — that, said to be instead; null where it states no rate either.
 */
function shortOfBudgetInstead(s: Sources, q: StructuredQuery, scopes: Scope[]): Reply | null {
  const [scope] = scopes;
  // 为什么比上年少: the change is asked — none stated is the answer, never the reason for falling short of the budget.
  if (!q.reason || q.lastYearTyped || q.targets.length !== 1 || scopes.length !== 1 || scope!.doc.stage !== '决算') return null;
  const r = rate(s, { ...q, intent: 'rate', previousYear: false }, scope!);
  if (r.status !== 'answered') return null;
  const at = scope!.yearNote ? 1 : 0;
  r.lines.splice(at, 0, `文中没有说明${targetName(q.targets[0]!)}与上年相比的增减；说明了它与年初预算的差异：`);
  return r;
}

function answerIntent(s: Sources, q: StructuredQuery, scopes: Scope[]): Reply {
  if (q.onlyPart && scopes.length === 1) return onlyPart(s, q, scopes[0]!, q.targets[0]!, q.onlyPart);
  // 北票公务接待费为什么没变 (持平 asked of one thing named): that thing's stated change and reason, not every 持平 item.
  // (Only where the text states that thing's own change: 北票结转结余 is stated 持平 as 年末结转和结余, found in the list.)
  // 沈阳公务用车运行费为什么没变: nothing stated 持平 at all — its two years as printed, and that no reason is stated.
  if (q.changes?.state && q.reason && q.targets.length === 1 && scopes.length === 1) {
    const own = { ...q, changes: undefined, intent: 'compare' as const, previousYear: true, changeAsked: true };
    if (statesOwnChange(s, scopes[0]!, q.targets[0]!)) return compare(s, own, scopes);
    const listed = statedChanges(s, q, scopes[0]!);
    return listed.status === 'not_found' ? compare(s, own, scopes) : listed;
  }
  // Two years asked of one document are two scopes of it (its 上年 columns).
  const across = scopes.every((x) => x.doc.id === scopes[0]!.doc.id) ? countAcrossYears(s, q, scopes[0]!) : null;
  if (across) return across;
  if (q.changes) return statedChanges(s, q, scopes[0]!);
  // 收入和支出的增长率哪个大, 哪个涨得快: each figure's change compared (arithmetic.ts), whatever shape it was read in.
  if (q.changesCompared) return arithmetic(s, { ...q, intent: 'arithmetic', arithmetic: q.arithmetic ?? { op: q.changesCompared.by === 'percent' ? 'growth' : 'difference', direction: null, text: '' } }, scopes);
  // 哪些项目比上年增加了: no project's change from last year is stated (project tables print this year only) — said so,
  // never every project listed as if it had.
  if (q.intent === 'list' && q.listOf === 'projects' && q.previousYear && q.changeAsked && q.targets.length === 0 && q.conditions.length === 0 && scopes.length === 1) {
    const way = q.fall ? '下降' : '增加';
    return reply('not_found', [`${yearHeading(scopes[0]!.entity, scopes[0]!.doc, scopes[0]!.year)}中没有说明各项目与上年相比的增减，无法列出比上年${way}的项目；文中说明了增减的是科目和几项总数。`], [], [`${scopes[0]!.doc.short} 哪些科目比上年${way}了`]);
  }
  if (q.category && scopes.length === 1) return projectsByCategory(s, q, scopes[0]!);
  const instead = statedInstead(s, q, scopes);
  if (instead) return instead;
  const people = peopleCounted(s, q, scopes);
  if (people) return people;
  // 单价超过10万元的: a column printed beside each row is of the 政府采购 table's rows, whatever else is named.
  if (q.column && scopes.length === 1) return breakdown(s, { ...q, intent: 'breakdown' }, scopes[0]!, { kind: 'metric', key: 'procurement.total', text: '政府采购' });
  // 政府采购有哪些, 政府采购项目有哪些: the rows the 政府采购 table prints (breakdown.ts), not every project.
  const [only] = q.targets;
  if (q.intent === 'list' && scopes.length === 1 && q.targets.length === 1 && only!.kind === 'metric' && only!.key === 'procurement.total') return breakdown(s, q, scopes[0]!, only!);
  // 三公经费有哪些, 基本支出有哪几项: the parts of the figure named, as 明细 lists them — never the department's projects.
  if (q.intent === 'list' && q.listOf === null && scopes.length === 1 && q.targets.length === 1 && only!.kind === 'metric' && !only!.key.startsWith('project')) return breakdown(s, { ...q, intent: 'breakdown' }, scopes[0]!, only!);
  // 为什么这么少 of a 预算: there is no 决算 to fall short of — the change its text states, and why.
  // (为什么没花完 of a 预算 asks what was not spent, which a 预算 cannot say: rate.ts says so.)
  if (q.intent === 'rate' && q.reason && !q.shortOfBudget && q.targets.length > 0 && scopes.every((x) => x.doc.stage === '预算')) return answerQuery(s, { ...q, intent: 'compare', previousYear: true });
  switch (q.intent) {
    case 'list':
      return listWithin(s, q, scopes[0]!);
    case 'rank':
      // 医保中心和本级项目支出哪个多: units of one department named are compared, never the first one's items ranked.
      return scopes.length > 1 && q.targets.length > 0 ? compare(s, q, scopes) : rankWithin(s, q, scopes[0]!);
    case 'performance':
      return performance(s, q, scopes[0]!);
    case 'rate':
      return rate(s, q, scopes[0]!);
    case 'arithmetic':
      return arithmetic(s, q, scopes);
    case 'compare': {
      const r = compare(s, q, scopes);
      return r.status === 'not_found' ? (shortOfBudgetInstead(s, q, scopes) ?? r) : r;
    }
    case 'share':
      return inTenths(q, share(s, q, scopes[0]!, q.targets[0]!));
    case 'breakdown':
      // 人员经费超过700万的功能科目: the subjects bounded by their cell in that column, as a ranking under the condition.
      return q.conditions.length && subjectColumn(q) ? rankWithin(s, q, scopes[0]!) : breakdown(s, q, scopes[0]!, q.targets[0]!);
    default: {
      if (scopes.length > 1 || q.targets.length > 1) return compare(s, q, scopes);
      const [target] = q.targets;
      if (q.headcount && !(target!.kind === 'metric' && metricOf(target!.key).kind === 'count')) return moneyOnly(s, q, scopes[0]!, target!);
      // 公务员医疗补助 named with no 科目 or 项目: every thing printed under the name, each labelled.
      const all = target!.kind === 'subject' && !q.subjects && q.listOf === null ? namesakeAnswer(s, q, scopes[0]!, target!) : null;
      return all ?? lookup(s, q, scopes[0]!, target!);
    }
  }
}
