// A question in, a structured query out: normalise, read pinyin, lex and parse
// with the grammar, look leftover words up as project names, decide the intent.
import { askedOf, POINTED_BACK, typedAsked, WHEN_ASKED } from './asked.ts';
import type { Catalog } from './catalog.ts';
import type { Stage } from '../store/schema.ts';
import type { AskedWords, Comparison, EntityRef, Intent, ItemPick, StructuredQuery, Target } from './ast.ts';
import { entitiesOf, looseUnitWords, narrowByPlace, placesBeforeDepartments, placeOwnLevel, placeUnitOrgs, scopeOf, unheldOrganisations } from './entities.ts';
import { createParser, type QuestionParser } from './grammar/parser.ts';
import { buildTokens, type QuestionTokens } from './grammar/tokens.ts';
import { createMentionsVisitor, emptyMentions, noted, settleMentions, type Mentions, type Span } from './grammar/visitor.ts';
import { distinguishProjects, fundsSharingTail } from './distinguish.ts';
import { exclusionsOf, type Exclusion } from './exclusion.ts';
import { bracketedItems } from './bracketed.ts';
import { doingOfProject, doubtSplitPhrases, leftoverWords, readLeftovers } from './leftovers.ts';
import { assembleLexicon, lexiconData, type Entry, type Lexicon } from './lexicon/lexicon.ts';
import { closeName, closestNames, meaningful, namesHolding } from './loose.ts';
import { createPinyinResolver, gradesTyped, normalizeQuestion, nothingAtAll, peopleCounted, staffPaidTyped, vagueTyped } from './normalize/index.ts';
import { questionTooLong, readCount } from './limits.ts';
import { compoundPhrases, joinNames, phrasesOf } from './phrases.ts';
import { applyCountedBy, applyPurchase, applyQualifiers, countCheckOf, partInKindOf } from './qualifiers.ts';
import { createHomophones } from './homophones.ts';
import { buildProjectSearch, lazyProjectSearch, type SearchIndexData } from './search.ts';
import { mentionedTargets, thingOf, type Found } from './targets.ts';
import { cutIntoColumns, MEASURES, metric as metricOf, metrics, SPLIT_COLUMNS } from '../store/metrics.ts';
import { sourceOfPart } from './funds.ts';
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import words from '../../grammar/words.json' with { type: 'json' };
import places from '../../grammar/places.json' with { type: 'json' };
import { alternation, escapeRegExp } from './normalize/words.ts';
import { allAsked, allSummed, everyOf, everyQuery } from './every.ts';
import { checked, checkOf, wholeChecked, WHETHER_ASKED, WHETHER_HAS, yesNoOf, type YesNo } from './yes-no.ts';
import { offeredOf, oneOfferedOf } from './alternatives.ts';
import { isDivisionName } from './lexicon/foreign.ts';

export type Understood =
  | { ok: true; query: StructuredQuery }
  | { ok: false; reason: 'empty' | 'too_long' | 'unparsed' }
  /** A number no answer can use (an amount beyond any budget): `message` says which. */
  | { ok: false; reason: 'number'; message: string };

export interface Understander {
  understand(text: string): Understood;
}

/** 最低/排名/前N about 得分 (or any 绩效 word): a ranking of self-evaluation scores. */
function rankedByScore(text: string, m: Mentions, targets: Target[]): boolean {
  const scores = m.intents.includes('performance') || targets.some((t) => t.kind === 'metric' && t.key === 'project.self_eval_score');
  // 低于90分的项目: a bound in 分 lists scores, as a ranking does.
  const bounded = m.conditions.some((c) => c.unit === 'score' || (c.unit === null && scores && !m.intents.includes('rate')));
  // 各项目的成绩, 项目的自评得分: the projects' scores, nothing else named, are each project's (a ranking), not a unit's 整体自评.
  const projectsScored = targets.length === 0 && m.arithmetic.length === 0 && m.listTargets.some((l) => l.target === 'projects') && SCORE_ASKED.test(text);
  // 自评得分排第二的是哪个: a place in a ranking (排第N, 第一名) ranks the scores, as 最高 does.
  const placed = m.references.some((r) => (r.ref === 'item' || r.ref === 'last') && placedInRanking(text, r));
  const ranking = m.intents.includes('rank') || m.top !== null || bounded || projectsScored || placed;
  return ranking && (scores || bounded);
}

const REASON_PARTS = new RegExp(alternation(shapes.reasonParts.words));
// 预算为啥对不上: a reason word may stand between 预算 and the words comparing.
const VERSUS_BUDGET = new RegExp(`(?:${alternation(shapes.versusBudget.before)})(?:年初)?预算|预算数?(?:${alternation(shapes.reason)})?(?:${alternation([...shapes.versusBudget.after, ...shapes.versusBudget.differing, ...shapes.versusBudget.afterFillers])})`);
// 为什么只花了一半: a 决算 short of its budget, whatever stage words are typed.
const SHORT_OF_BUDGET = new RegExp(alternation([...shapes.versusBudget.short, ...shapes.versusBudget.shortRate]));
// 为什么这么少, 怎么才这么点: a figure said to be small, asked why — short of its budget where it is a 决算's. Read as
// typed: the normalised text drops 这么少 as a filler (fillers.json).
/** What shapes.json paidForStaff reads the employer paying its staff as. */
const STAFF_READ = '职工';
const LOW = new RegExp(alternation(shapes.versusBudget.low));
const COUNT_ASKED = new RegExp(`(?<![这那哪])(?:${shapes.countAsked.words.join('|')})`);
// 几家 counts departments only: 有几家单位 lists a department's units, as 有几个单位 does.
const DEPARTMENTS_COUNTED = new RegExp(`(?<![这那哪])(?:${[...shapes.countAsked.words, ...shapes.countAsked.departments].join('|')})`);

/**
 * 做了几个项目绩效自评, 抚顺有几个项目: how many of a list. Under a condition (满分的项目有几个, 执行率不到九成的有几项,
 * 几个科目在10万以上, 三公经费超过10万的医保局有几家) the items kept are counted whatever lists them — projects, scores,
 * rates, subjects, parts or departments; the unit typed (几项 → 项) is the count's.
 */
function countAskedOf(text: string, m: Mentions, intent: Intent, entities: EntityRef[], targets: Target[]): { countAsked?: true; countUnit?: string } {
  // 人员经费超过1000万的单位有几个: no department named, a word for departments is the set.
  const departments = m.sets.length > 0 || (entities.length === 0 && m.listTargets.some((l) => l.target === 'departments' || l.target === 'units'));
  const bounded = m.conditions.length > 0 && (['list', 'breakdown', 'rank', 'rate'].includes(intent) || (intent === 'lookup' && departments));
  const listed = (intent === 'list' || (intent === 'performance' && targets.length === 0) || bounded) && (m.sets.length === 0 || bounded);
  const asked = listed ? (departments && bounded ? DEPARTMENTS_COUNTED : COUNT_ASKED).exec(text) : null;
  if (!asked) return {};
  const unit = /[项笔条家]/.exec(asked[0])?.[0];
  return { countAsked: true, ...(unit ? { countUnit: unit } : {}) };
}

/** 50万元以下的项目, 项目支出超过1000万元的项目: a condition on amounts lists the projects (or subjects) meeting it. */
function listedUnderCondition(m: Mentions, targets: Target[]): boolean {
  if (m.conditions.length === 0 || m.sets.length > 0) return false;
  // 人员经费中超过一千万的项目: the 项目 of a measure that holds no projects (人员经费, 公用经费) are its items.
  if (targets.some((t) => t.kind === 'metric' && MEASURES.has(t.key) && t.key !== 'project')) return false;
  const projects = m.listTargets.some((l) => l.target === 'projects');
  return projects || targets.length === 0 || targets.every((t) => t.kind === 'metric' && t.key === 'project');
}

/** 表1和表5: the tables named by their printed number, each once. */
const numberedTables = (m: Mentions): number[] => [...new Set(m.tables.flatMap((t) => (t.number === null ? [] : [t.number])))];

/**
 * Arithmetic on printed figures when the question names what it is computed from: two figures, two
 * departments, two years or stages (A比B多多少, 加起来, 几倍, 增长率), a 决算's budget and spending (还剩多少没花),
 * or a figure and a headcount (人均). A sum of departments is a set's; 一共 of one figure is that figure.
 */
function computed(text: string, m: Mentions, entities: EntityRef[], targets: Target[]): boolean {
  const op = m.arithmetic[0]?.op ?? (m.comparisons.length ? 'difference' : m.intents.includes('share') && m.previousYear ? 'growth' : null);
  if (op === null || targets.length === 0) return false;
  // 公务接待费比去年变了吗: 比 last year with no way nor amount (多, 少, 增, 减 …: 多花了多少 computes) asks how it
  // changed, as the text states.
  const howChanged = m.arithmetic.length === 0 && m.previousYear && m.comparisons.every((c) => c.direction === null) && !/[多少增减涨降升]/.test(text);
  if (howChanged && m.comparisons.length > 0 && targets.length === 1 && entities.length <= 1) return false;
  // 两个单位的年初预算收入合计, 各单位的X差多少: one figure of each unit of the department named.
  const ofUnits = targets.length === 1 && entities.length === 1 && m.listTargets.some((l) => l.target === 'units');
  const pairs = targets.length > 1 || entities.length > 1 || numberedTables(m).length > 1 || new Set(m.years).size > 1 || m.bothStages || new Set(m.stages).size > 1 || ofUnits;
  switch (op) {
    case 'per_head':
    case 'per_unit':
    case 'per_month':
    case 'remaining':
    case 'growth':
      return true;
    case 'sum':
    case 'average':
      // 本级和医保中心的项目支出加起来: units of one department, added up as the arithmetic of its figures.
      return (targets.length > 1 && entities.length <= 1) || ofUnits || (entities.length > 1 && entities.every((e) => e.unitId !== null && e.department === entities[0]!.department));
    default:
      // 比上年翻了几倍: this year's figure over last year's.
      return pairs || ((op === 'difference' || op === 'ratio') && m.previousYear);
  }
}

const FUNDED_BY = new Map(Object.entries(shapes.fundedBy.metrics));
/** 用上年结转资金安排的项目, 有几个项目用了结转资金: the projects and one figure naming a source of funds (shapes.json fundedBy). */
const fundingListed = (m: Mentions, targets: Target[]): boolean =>
  m.conditions.length === 0 && targets.length === 1 && targets[0]!.kind === 'metric' && FUNDED_BY.has(targets[0]!.key) && m.listTargets.some((l) => l.target === 'projects');

function decideIntent(text: string, m: Mentions, entities: EntityRef[], targets: Target[], byScore: boolean): Intent {
  const has = (i: string) => m.intents.includes(i as never);
  if (fundingListed(m, targets)) return 'list';
  // 执行率 before 绩效: a rate is one figure, the 绩效 answer a whole table.
  if (has('rate')) return 'rate';
  // 哪个科目增长最快, 哪些与上年不可比: the figures whose change the text states, ranked or picked.
  if (m.changes) return 'rank';
  // 决算为什么比预算少, 决算数与预算数差异的原因: a 决算 states why it falls short of the budget beside its rate.
  // 为什么没花完(预算): the budget not spent is why it falls short too.
  const unspent = m.arithmetic.some((a) => a.op === 'remaining');
  // 为什么等于预算, 为什么跟预算一样: the spending compared with its budget, not with last year.
  const versus = (m.stages.includes('预算') && VERSUS_BUDGET.test(text)) || SHORT_OF_BUDGET.test(text);
  const staged = new Set(m.stages).size > 1 || m.bothStages || (m.stages.includes('预算') && m.comparisons.length > 0) || unspent || versus;
  if (m.reason && staged && !m.previousYear && targets.length > 0) return 'rate';
  // 北票为什么没花出去, 钱咋没花完, 项目怎么没有用完: nothing named, the department's own rates (or its projects') and the
  // reasons its text states for them.
  if (m.reason && (versus || unspent) && !m.previousYear && targets.length === 0 && m.sets.length === 0 && m.listTargets.every((l) => l.target === 'projects')) return 'rate';
  // 为什么比去年多了: the change the text states and why, not a difference computed.
  if (m.reason && m.previousYear && m.arithmetic.length === 0 && targets.length > 0) return 'compare';
  if (byScore) return 'rank';
  // 整体绩效自评的两个单位年初预算差多少: arithmetic on the figures a 绩效 table prints, not the table.
  // 医保基金监管经费比档案管理经费自评得分高多少: 比 computes as 差多少 does.
  if (has('performance') && !((m.arithmetic.length > 0 || m.comparisons.length > 0) && computed(text, m, entities, targets))) return 'performance';
  if (listedUnderCondition(m, targets)) return m.scopes.includes('subjects') ? 'rank' : 'list';
  // 公用经费里超过5万的科目: the parts of a figure named, under the conditions.
  if (m.conditions.length > 0 && m.sets.length === 0 && entities.length > 0 && targets.length > 0 && targets.every((t) => t.kind !== 'project')) return 'breakdown';
  if (computed(text, m, entities, targets)) return 'arithmetic';
  // 哪个单位人员经费占基本支出的比重最大: each department's share of the base named, ranked.
  if (has('share') && targets.length > 1 && entities.length === 0 && (m.sets.length > 0 || m.which)) return 'share';
  // 支出总计排第二的单位: an item of a ranking of the set.
  const projectsNamed = targets.some((t) => t.kind === 'metric' && ['project', 'project.budget', 'project.executed'].includes(t.key));
  if (m.references.some((r) => r.ref === 'item' || r.ref === 'last') && (m.sets.length > 0 || m.listTargets.length > 0 || m.scopes.includes('subjects') || projectsNamed)) return 'rank';
  // 抚顺和北票谁的人员经费高: one of the departments named, by that figure.
  if (entities.length > 1 && m.which) return 'rank';
  if (m.listTargets.length > 0 && (has('list') || targets.length === 0) && m.top === null && !has('rank')) return 'list';
  if (has('rank') || m.top !== null) return 'rank';
  if (has('share')) return 'share';
  const years = new Set(m.years);
  if (has('compare') || m.previousYear || (m.reason && targets.length > 0) || m.bothStages || entities.length > 1 || years.size > 1 || targets.length > 1) return 'compare';
  if (has('breakdown')) return 'breakdown';
  // 内设机构有哪些, 有哪些人员: a count the text states is what is held of them, never a list of projects.
  const counts = targets.length > 0 && targets.every((t) => t.kind === 'metric' && metrics.find((x) => x.key === t.key)?.kind === 'count');
  // 有哪些功能科目, 7位编码的支出科目有哪些: the subjects as their table prints them, largest first — never the projects.
  if (has('list') && m.scopes.includes('subjects') && targets.length === 0 && m.listTargets.length === 0) return 'rank';
  if (has('list') && !counts) return 'list';
  return 'lookup';
}

/**
 * What the grammar read in a question, or null when the parse skipped tokens. With `foreign`, null too when no
 * place not held was read: the tokens are then those of the first reading, and so is what they say.
 */
function mentionsOf(text: string, tokens: QuestionTokens, parser: QuestionParser, visitor: ReturnType<typeof createMentionsVisitor>, foreign = false): Mentions | null {
  const read = tokens.tokenize(text, foreign);
  if (foreign && !read.some((t) => (t.payload as Entry | undefined)?.kind === 'place' && (t.payload as Extract<Entry, { kind: 'place' }>).foreign)) return null;
  parser.input = read;
  const cst = parser.question();
  if (parser.errors.length > 0) return null;
  const m = emptyMentions();
  visitor.visit(cst, m);
  return settleMentions(m);
}

/** 合计超过50万的: a sum word typed right before a bound names the column bounded (合计, the rows' totals), no sum asked. */
const COLUMN_SUM = /^(?:合计|总计|合计数|总额)$/;

/**
 * 北票合计超过50万的经济科目有几个, 合计在1000万以上的项目: 合计 right before a condition on the rows listed or counted is
 * their total column, not a sum of them.
 */
function sumColumnBounded(text: string, m: Mentions): void {
  if (m.conditions.length === 0 || m.arithmetic.length !== 1) return;
  const [sum] = m.arithmetic;
  const rows = m.scopes.includes('subjects') || m.listTargets.some((l) => l.target === 'projects');
  const bounded = m.conditions.some((c) => c.start >= sum!.end && /^[的在数金额]*$/.test(text.slice(sum!.end, c.start)));
  if (sum!.op === 'sum' && COLUMN_SUM.test(sum!.text) && rows && bounded) m.arithmetic = [];
}

/** 多多少, 高出多少, 少了多少 (多少 gone as a filler): a direction word alone, in a clause of its own at the end. */
const HOW_MUCH_AFTER = new RegExp(`[\\s，,。；;]\\s*(?:${alternation([...shapes.arithmetic.more, ...shapes.arithmetic.less])})(?:出来)?(?:一些|一点|点)?\\s*$`);

/** 更多, 更少: a direction word in the comparative degree (shapes.json references.whichMore.degree). */
const COMPARATIVE = new RegExp(`更(?:${alternation(shapes.references.whichMore.degree.more)})`);

/**
 * 抚顺和沈阳谁的三公经费多，多多少 / 哪个高，高出多少: which of the departments named is larger, then by how much — their
 * difference, the larger first (no 比 typed: no order), not the ranking alone.
 */
function whichByHowMuch(text: string, m: Mentions, entities: EntityRef[]): void {
  // 曲阳和沈阳，哪个单位的…更多: a which-word over departments, none of a place, asks one of those named.
  const whichOfNamed = entities.length > 1 && m.sets.length > 0 && m.sets.every((x) => x.which && x.place === null && !x.stage && !x.count);
  if (!(m.which || whichOfNamed) || m.arithmetic.length > 0 || m.comparisons.length > 0 || (m.sets.length > 0 && !whichOfNamed)) return;
  // 这两个地方哪个高，高出多少: the two departments named before, pointed at (这两家, 这2个单位) — a word for them is no list asked.
  const pointed = entities.length === 0 && /^(?:2|两|俩)$/.test(POINTED_BACK.exec(text)?.[1] ?? '') && m.listTargets.every((l) => l.target === 'departments' || l.target === 'units');
  // 抚顺和曲阳哪边的三公经费多一些 (更多 after normalising): of exactly two, the comparative asks how they compare.
  const asked = entities.length > 1 || pointed ? (HOW_MUCH_AFTER.exec(text) ?? (entities.length === 2 || pointed ? COMPARATIVE.exec(text) : null)) : null;
  if (!asked) return;
  m.arithmetic.push({ op: 'difference', text: asked[0].trim(), start: asked.index, end: asked.index + asked[0].length });
  if (pointed) m.listTargets = [];
  if (whichOfNamed) m.sets = [];
}

/** 排名, 排行: a rank word (words.json intents.rank) typed right before a pointing word (排名第一). */
const RANKED_AT = new RegExp(`(?:${alternation(words.intents.rank)})$`);
/** 那家, 这个: a demonstrative that may describe what a pointing word points at (shapes.json references.describing). */
const DESCRIBES = new Set(shapes.references.describing);

/**
 * 排最后的那家公用经费多少, 第二家的人员经费: an item of the last ranking pointed at, then a figure asked of it — the
 * demonstrative after the pointing word (那家) describes the item; it is no set of departments to rank anew. A figure
 * named before the pointing word (公用经费排最后的那家) still asks for a ranking by that figure.
 */
function pointedItem(text: string, m: Mentions): void {
  const ref = m.references.find((r) => r.ref === 'item' || r.ref === 'last');
  if (!ref || m.targets.length === 0 || m.targets.some((t) => t.start < ref.start)) return;
  // What stands right after the pointing word, 的 and a demonstrative at most between: 那家, 的那个单位.
  const describing = (start: number) => { const between = text.slice(ref.end, start).replace(/^的/, ''); return between === '' || DESCRIBES.has(between); };
  // 排名第一的那家: a rank word right before the pointing word places the item, as part of it; it asks no ranking of its own.
  const ranked = RANKED_AT.exec(text.slice(0, ref.start));
  if (ranked) {
    m.intents = m.intents.filter((i) => i !== 'rank');
    Object.assign(ref, { start: ranked.index, text: ranked[0] + ref.text });
  }
  m.sets = m.sets.filter((x) => !(x.place === null && !x.which && DESCRIBES.has(x.text) && describing(x.start)));
  m.listTargets = m.listTargets.filter((l) => !((l.target === 'departments' || l.target === 'units') && describing(l.start)));
}

/** 哪家是决算, 哪个是2023年的: a which-word asking of nothing but a stage or a year asks which department has it. */
function whichDepartment(m: Mentions, entities: EntityRef[], targets: Target[]): void {
  const departments = m.listTargets.every((l) => l.target === 'departments' || l.target === 'units');
  if (m.which && m.sets.length === 0 && entities.length === 0 && targets.length === 0 && departments && (m.stages.length > 0 || m.years.length > 0)) {
    m.sets.push({ place: null, which: true, stage: null, text: '', start: 0, end: 0 });
  }
}

const BACKWARD = new RegExp(alternation(words.backward.words));
const FUNCTIONAL = new RegExp(alternation(words.classifications.functional));
const ECONOMIC = new RegExp(alternation(words.classifications.economic));
const TENTHS = new RegExp(alternation(shapes.share.tenths));
const GOVERNMENT = new RegExp(alternation(words.classifications.government));
const DEPARTMENTAL = new RegExp(alternation(words.classifications.departmental));
const SPENT = new RegExp(alternation(words.spentThisYear.words));
// 村级代办员有几个: people the text counts (words.json headcounts), then how many.
const HEADCOUNT = new RegExp(
  `(?:${alternation(words.headcountAsked.counters)})(?![次员民])|(?:有多少|多少个|几个)\\S{0,8}?(?:${alternation([...words.headcountAsked.people, ...words.headcounts.people])})[？?。！!呢啊]*$|(?:${alternation(words.headcounts.people)})(?:一共|总共|共)?有?(?:几个|多少个?|几名|多少名|几位|多少位)[？?。！!呢啊]*$` +
    // 有离休干部吗, 有没有退休人员: whether there are such people is asked of their count, never of money paid to them.
    `|(?:${alternation(WHETHER_ASKED)}|有)\\S{0,4}?(?:${alternation(words.headcounts.people)})(?:吗|没有|没)?[？?。！!呢啊]*$` +
    // 离休干部还有吗, 离休人员现在有没有: the people first, then whether there are any.
    `|(?:${alternation(words.headcounts.people)})(?:现在|目前|如今|当前)?(?:还|都|也)?(?:有(?:吗|没有|没)|有没有)[？?。！!呢啊]*$`,
);
// 买车了吗, 有没有出国费, 沈阳有接待费吗: whether a thing is there (words.json yesNo); 是13.6万吗 asks the figure.
const YES_NO = new RegExp(
  `(?:${alternation(WHETHER_ASKED)})|(?:${alternation(words.yesNo.endings)})[？?。！!\\s]*$|(?:${alternation(WHETHER_HAS)})(?!多少|几)[^是]*吗[？?。！!\\s]*$`,
);
const ONLY_PART = new RegExp(
  `^(.+?)(?:里面|里|中|当中)?(?:${alternation(shapes.onlyPart.asked)})?(?:${alternation(shapes.onlyPart.words)})(.+?)(?:${alternation(shapes.yesNo.final)})?[？?。！!\\s]*$`,
);
// 有几个事业单位: units by the kind printed beside each (words.json unitKinds), read as units listed.
const { $comment: _k, ...UNIT_KINDS } = words.unitKinds;
// Only asked of (几个, 哪些, at the end): 行政单位医疗, 事业单位养老 are subjects' names.
const UNIT_KIND = new RegExp(`(?:${alternation(Object.keys(UNIT_KINDS))})(?=\\s*(?:有|共|一共|总共|都)?(?:几|多少|哪|吗|呢|[？?]|$))`);
const { before: BESIDES_BEFORE, after: BESIDES_AFTER } = shapes.onlyPart.besides;
const BESIDES_PART = new RegExp(
  `^(.+?)(?:里面|里|中|当中)?(?:${alternation(BESIDES_BEFORE)})(.+?)(?:以外|之外|外)?(?:，|,)?(?:${alternation(BESIDES_AFTER)})(?:的|部分)?(?:${alternation(shapes.yesNo.final)})?[？?。！!\\s]*$`,
);
const WHETHER_END = /(?<!了)没有?(?=[？?。！!\s]*$)/;
// 还有没有离休干部: the words asking whether, before the people asked of, are no part of a name either.
const WHETHER_PEOPLE = new RegExp(`还?(?:${alternation(WHETHER_ASKED)})(?=\\S{0,4}?(?:${alternation(words.headcounts.people)}))`);
// 在编的有几个, 离休的多少人, 有多少在编的, 有离休的吗: people named by what they are, with 的, and how many (words.json headcountAsked.byWhat);
// 劳务派遣有多少人: without 的 only right before a count of people.
const { $comment: _w, ...BY_WHAT } = words.headcountAsked.byWhat;
const PEOPLE_BY_WHAT = new RegExp(
  `(${alternation(Object.keys(BY_WHAT))})(?:的(?=人?(?:一共|总共|共)?有?(?:几|多少))|(?=(?:一共|总共|共)?有?(?:几个|几名|几位|几人|多少人|多少个|多少名|多少位)))|(?<=(?:多少|几)个?|有)(${alternation(Object.keys(BY_WHAT))})的(?=(?:吗|没有|没)?[？?。！!呢啊]*(?:[，,；;]|$))`,
  'g',
);
// 离休老干部: another word for people counted (words.json headcountAsked.aliases), read as theirs.
const { $comment: _a, ...PEOPLE_ALIASES } = words.headcountAsked.aliases;
const PEOPLE_ALIAS = new RegExp(alternation(Object.keys(PEOPLE_ALIASES)), 'g');
// 连临聘一共多少人: the staff and the people outside the 编制 named, a total of people asked (words.json headcountAsked.including).
const { including: INCLUDING } = words.headcountAsked;
const INCLUDING_PEOPLE = new RegExp(
  `(?:${alternation(INCLUDING.words)})(?=(?:${alternation(INCLUDING.people)})\\S{0,6}?(?:一共|总共|共|合计|加起来|总计)\\S{0,2}?(?:多少人|几个人|几人|多少个|几个|多少名|几名))`,
);
// 在职的事业人员, 实有的14个人里，行政人员: words saying a kind of staff is among the staff, read as that kind alone (words.json headcountAsked.staff).
const { qualifiers: STAFF_QUALIFIERS, kinds: STAFF_KINDS } = words.headcountAsked.staff;
const STAFF_QUALIFIED = new RegExp(
  `(?:${alternation(STAFF_QUALIFIERS)})(?:人员|的人|职工)?的?(?:\\d+\\s*个?人)?(?:里面|里头|里|中|当中|之中)?[，,]?(?:的|有)?(${alternation(STAFF_KINDS)})(?=(的|人员|身份|编)?)`,
  'g',
);
// 实有行政几个: a kind qualified with nothing after it is that kind of staff (行政人员).
const qualifiedKind = (_: string, kind: string, after: string | undefined) => (after ? kind : `${kind}人员`);
// 编制里行政的有几个, 编制内事业和行政各几个, 事业编: a kind of staff within the 编制 is that kind's 编制 (行政编制), never its 实有
// count (words.json headcountAsked.staff.authorized). Only a kind standing alone, not the start of a name (行政运行, 事业单位).
const { authorized: AUTHORIZED } = words.headcountAsked.staff;
// 事业和行政, 事业、行政: what joins two kinds.
const KIND_JOIN = new RegExp(alternation(['和', '、', '与', '跟', '及', '以及']));
const KIND_ALONE = `(?:${alternation(STAFF_KINDS)})(?:的|人员|编制|${AUTHORIZED.short}(?!制))?(?=的|人|编|有|多少|几|是|呢|各|分别|[和、与跟及，,？?。]|$)`;
const KINDS_WITHIN_AUTHORIZED = new RegExp(
  `(?:${alternation(AUTHORIZED.words)})(?:里面|里头|里|内|中|当中|之中)?[，,]?(?:的|有)?(${KIND_ALONE}(?:(?:${KIND_JOIN.source})${KIND_ALONE})*)`,
  'g',
);
const KIND = new RegExp(alternation(STAFF_KINDS), 'g');
const KIND_SHORTENED = new RegExp(`(${alternation(STAFF_KINDS)})${AUTHORIZED.short}(?![制码号写辑排])`, 'g');
const authorizedKinds = (raw: string) =>
  raw
    .replace(KINDS_WITHIN_AUTHORIZED, (_, kinds: string) => kinds.split(KIND_JOIN).map((k) => `${k.match(KIND)![0]}编制`).join('和'))
    .replace(KIND_SHORTENED, '$1编制');
// 以编制人数计，每人摊到的…: the headcount a per-head figure divides by, typed before it, read as 按编制人数算 (words.json headcountAsked.staff.basis).
const { basis: PER_HEAD_BASIS } = words.headcountAsked.staff;
const HEADCOUNT_BASIS = new RegExp(`(?:${alternation(PER_HEAD_BASIS.before)})((?:${alternation(PER_HEAD_BASIS.heads)})(?:人员|人数|数)?)(?:${alternation(PER_HEAD_BASIS.after)})`, 'g');
const peopleNamed = (raw: string) =>
  authorizedKinds(raw.replace(HEADCOUNT_BASIS, '按$1算')).replace(STAFF_QUALIFIED, qualifiedKind).replace(INCLUDING_PEOPLE, '实有人员和').replace(PEOPLE_ALIAS, (alias) => PEOPLE_ALIASES[alias as keyof typeof PEOPLE_ALIASES]).replace(PEOPLE_BY_WHAT, (_, what: string | undefined, after: string | undefined) => BY_WHAT[(what ?? after) as keyof typeof BY_WHAT]);
/** 总体目标里 … 多少: a number asked of the goal text — the goal's name (not a table's: 整体绩效目标表) with words after it. */
const GOAL_TEXT = new RegExp(`(?:${alternation(shapes.goalText.words)})(?!表)(?:里|中|里面|当中)?(?=\\S*?(?:多少|几|比例|率))`);
const DESCRIBE_THING = new RegExp(`是?(?:${alternation(shapes.describe.asked)})(${alternation(Object.keys(shapes.describe.things))})`);
const DESCRIBE_ANY = new RegExp(`(?:${alternation(shapes.describe.bought)})(?:的是|是)?(?:${alternation(shapes.describe.what)})`);

/**
 * 买的是什么车 → 车 (described by goal texts holding 车), the question read as 买的车; 采购了什么 → any purchase (of a
 * project). Null when no kind is asked.
 */
function describeAsked(raw: string): { describe: NonNullable<StructuredQuery['describe']>; rest: string } | null {
  const thing = DESCRIBE_THING.exec(raw);
  if (thing) {
    const words = shapes.describe.things[thing[1] as keyof typeof shapes.describe.things];
    return { describe: { words, text: thing[0] }, rest: raw.replace(thing[0], thing[1]!) };
  }
  const any = DESCRIBE_ANY.exec(raw);
  // Read as typed too: asked of no project, any purchase is answered as before (采购了什么 → 政府采购).
  return any ? { describe: { words: [], text: any[0] }, rest: raw } : null;
}
const NONE = new RegExp(alternation(shapes.sets.none.words));
// 哪个医保局列了住房公积金: a verb of holding (sets.some), each place it is typed tried; only where a which-word is typed.
const SOME = new RegExp(alternation(shapes.sets.some.words), 'g');
const SOME_WHICH = new RegExp(alternation(shapes.sets.some.which));
const SOME_NOT_BEFORE = /^(?:[哪几多什没]|$)/;
const WHO = /谁/;
// 人员经费是公用经费的百分之多少, 曲阳的三公经费是沈阳的百分之几: the figure before 是 over the one after it.
const RATIO_IN_PERCENT = new RegExp(`是([^是占]+?)的(?:${alternation(shapes.arithmetic.inPercent)})`);

/**
 * A是B的百分之几: a ratio asked in per cent (no 占, so no share of a base the question names) — A over B, never A over a
 * whole of A's guessed instead.
 */
function ratioInPercent(text: string, m: Mentions): void {
  const asked = m.shareBase || m.arithmetic.length > 0 || m.comparisons.length > 0 ? null : RATIO_IN_PERCENT.exec(text);
  if (!asked) return;
  const start = asked.index + asked[0].length - asked[0].replace(/^是[^的]*的/, '').length;
  m.arithmetic.push({ op: 'ratio', text: asked[0].slice(start - asked.index), start, end: asked.index + asked[0].length });
  // 三公经费是预算的百分之几 (of a 决算): the figure over its own other stage — the stage not named is the one before 是.
  const stageOnly = /^(?:年初)?(预算|决算)数?$/.exec(asked[1]!.trim());
  if (stageOnly && m.stages.length === 1 && m.stages[0] === stageOnly[1]) {
    m.stages = [stageOnly[1] === '预算' ? '决算' : '预算', stageOnly[1]];
    m.bothStages = true;
  }
}
// 人员经费和公用经费的比例是多少: the two figures joined before the proportion word, no 占 or 是 between.
const RATIO_OF_PAIR = new RegExp(`(?:${alternation(shapes.ratioOfPair.joins)})[^占是]+?的?(${alternation(shapes.ratioOfPair.words)})`);

/** A和B的比例: a ratio of the first over the second, where nothing else is asked of them. */
function ratioOfPair(text: string, m: Mentions): void {
  const asked = m.shareBase || m.arithmetic.length > 0 || m.comparisons.length > 0 || /占/.test(text) ? null : RATIO_OF_PAIR.exec(text);
  if (!asked) return;
  const start = asked.index + asked[0].length - asked[1]!.length;
  m.arithmetic.push({ op: 'ratio', text: asked[1]!, start, end: start + asked[1]!.length });
}
const { $comment: __, ...ROW_COLUMNS } = shapes.rowColumns as Record<string, string>;
const ROW_COLUMN = new RegExp(alternation(Object.keys(ROW_COLUMNS)));
const SUBTOTALS = new RegExp(alternation(shapes.tables.subtotals.words));
const { $comment: _c, ratesOnly: _r, ...COMPARATORS } = shapes.comparators;
const comparatorOf = new Map(Object.values(COMPARATORS).flatMap((byOp) => Object.entries(byOp as Record<string, string[]>).flatMap(([op, list]) => list.map((w) => [w, op as Comparison | '='] as const))));
const BOUND_NUMBER = `(\\d+(?:\\.\\d+)?)(万)?(${alternation(shapes.targetBound.units)})`;
// 超过5人的项目, 在5人以上的项目: a bound on a count in a unit, the projects listed after it.
const TARGET_BOUND = new RegExp(
  `(?:在|是|为)?(?:(${alternation(Object.keys(COMPARATORS.before).flatMap((op) => COMPARATORS.before[op as keyof typeof COMPARATORS.before]))})${BOUND_NUMBER}|${BOUND_NUMBER}(${alternation(Object.keys(COMPARATORS.after).flatMap((op) => COMPARATORS.after[op as keyof typeof COMPARATORS.after]))}))(?=的?(?:项目|$))`,
);

/** 补助的人数在5人以上的项目 → the bound (>= 5 人) and the question without it; null when none is typed before 项目. */
function targetBoundOf(text: string): { bound: Omit<NonNullable<StructuredQuery['targetBound']>, 'words'>; before: string; rest: string } | null {
  const m = /项目/.test(text) ? TARGET_BOUND.exec(text) : null;
  if (!m) return null;
  const [word, number, wan, unit] = m[1] ? [m[1], m[2]!, m[3], m[4]!] : [m[8]!, m[5]!, m[6], m[7]!];
  const value = Number(number) * (wan ? 10000 : 1);
  return { bound: { op: comparatorOf.get(word)!, value, unit, text: m[0] }, before: text.slice(0, m.index), rest: `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}` };
}

/**
 * 较上年增长超过30%的功能科目, 哪些科目比上年下降了: subjects asked by the way their change from last year goes are
 * those whose change the text states that way, the conditions bounding that change (its percent or amount).
 */
const WHICH_PART = new RegExp(alternation(words.changeKinds.whichPart));

function changesListed(text: string, asked: AskedWords, m: Mentions, targets: Target[]): Mentions['changes'] {
  // 三公经费里哪一项变了: which of the parts of one figure named (its metric's parts); 增加主要是哪块 asks why (reasonParts).
  const [only] = targets;
  const whole = !m.reason && only?.kind === 'metric' && targets.length === 1 && (m.which || m.intents.includes('list') || WHICH_PART.test(text)) && m.sets.length === 0 && metricOf(only.key).parts.length > 0 ? only.key : null;
  // 哪些项比上年减少了: which of anything whose change is stated, not only subjects.
  const which = m.scopes.includes('subjects') || m.spendingListed || whole !== null || ((m.which || m.intents.includes('list') || (!m.reason && WHICH_PART.test(text))) && m.listTargets.length === 0 && m.sets.length === 0 && m.entities.length > 0);
  if (m.changes || !m.previousYear || (targets.length > 0 && whole === null) || !which || m.conditions.some((c) => c.unit === 'score')) return m.changes;
  // 变了 asks either way; 增加 and 减少 both typed ask neither.
  if (asked.rise && asked.fall) return m.changes;
  if (!asked.rise && !asked.fall && !asked.changed) return m.changes;
  const order = asked.rise ? 'up' : asked.fall ? 'down' : null;
  return { order, state: null, listed: true, ...(m.spendingListed ? { spending: true } : {}), ...(whole ? { within: whole } : {}) };
}

/**
 * 医保基金监管经费执行有什么问题: 问题 asked of one project is what its 自评 states of its problems, beside its rate — not
 * the ingest's check notes, which are asked of a department (北票有哪些核对问题).
 */
function problemsAsked(text: string, m: Mentions, targets: Target[]): void {
  const problem = m.listTargets.find((l) => l.target === 'checks' && text.slice(l.start, l.end) === '问题');
  if (!problem) return;
  // 存在什么问题, 有哪些问题 naming nothing (after a project's 自评 answered): the problems its self-evaluation states, as
  // 主要问题出在哪 asks them (shapes.json reasonProblems) — of the thing answered last.
  const alone = targets.length === 0 && m.entities.length === 0 && m.sets.length === 0 && m.listTargets.length === 1;
  if (!alone && (targets.length !== 1 || targets[0]!.kind !== 'project')) return;
  m.listTargets.splice(m.listTargets.indexOf(problem), 1);
  m.reason = true;
  m.intents.push(alone ? 'performance' : 'rate');
}

const THAN_BUDGET = new RegExp(`比(?:${alternation(shapes.arithmetic.thanBudget)})`);

/**
 * 比预算少花了多少, 比年初预算多花多少: 比 before the budget asks what a 决算 spent against its own 预算数 — both stages, the
 * 决算 first — never a change from last year (多花了 / 少花了 are change words otherwise: 比去年多花了多少).
 */
function versusOwnBudget(text: string, m: Mentions): void {
  if (m.reason || m.comparisons.length === 0 || !m.stages.includes('预算') || !THAN_BUDGET.test(text)) return;
  m.previousYear = m.changeAsked = false;
  if (m.bothStages || m.stages.includes('决算')) return;
  m.stages = ['决算', '预算'];
  m.bothStages = true;
}

const SPENT_BOUND = new RegExp(`(?:${alternation(shapes.spentBound.words)})\\s*$`);
const STAGE_BEFORE = Object.entries(words.stages).map(([stage, list]) => [stage as Stage, new RegExp(`(?:${alternation(list)})(?:数|金额)?(?:在|是|为)?\\s*$`)] as const);

/** 预算超过50万: the stage whose word is typed right before a bound (the column an amount bounds), or undefined. */
const stageBefore = (text: string, at: number): Stage | undefined => STAGE_BEFORE.find(([, re]) => re.test(text.slice(0, at)))?.[0];

/**
 * 执行不到一半, 花了不到八成的项目: a percentage bound right after a spending word (shapes.json spentBound) bounds the
 * 执行率, as 执行率不到一半 does.
 */
function spentBounded(text: string, m: Mentions): void {
  if (m.intents.includes('rate')) return;
  if (m.conditions.some((c) => c.unit === 'percent' && SPENT_BOUND.test(text.slice(0, c.start)))) m.intents.push('rate');
}

const { spent: RATE_SPENT, budget: RATE_BUDGET, proportion: RATE_PROPORTION } = shapes.rateAsked;
const RATE_ASKED = new RegExp(`(?:${alternation(RATE_SPENT)})\\s*(?:(?:${alternation(RATE_BUDGET)})?\\s*(?:${alternation(RATE_PROPORTION)})|(?:${alternation(RATE_BUDGET)})\\s*(?:多少|几)?\\s*$)`);

/** 用了几成, 花掉了多少比例, 执行了百分之多少: the 执行率 asked in everyday words (shapes.json rateAsked), where no 占 names a base. */
function rateAsked(text: string, m: Mentions): void {
  if (m.intents.includes('rate') || m.shareBase || text.includes('占') || !RATE_ASKED.test(text)) return;
  m.intents.push('rate');
}

/**
 * 用上年结转资金安排的项目, 哪些项目用的是结转结余: projects listed with the one figure named a source of funds (shapes.json
 * fundedBy) are those funded from it — the figure names the column, not a figure asked.
 */
function fundedBy(q: StructuredQuery): StructuredQuery {
  const [t] = q.targets;
  const tags = t?.kind === 'metric' && q.intent === 'list' && q.targets.length === 1 && q.listOf === 'projects' && q.conditions.length === 0 ? FUNDED_BY.get(t.key) : undefined;
  return tags ? { ...q, targets: [], fundedBy: { tags, text: t!.text } } : q;
}

const STANDARD_APPLIED = new RegExp(alternation(shapes.standardWords.notStage), 'g');
const SPENT_STAGE = new RegExp(alternation(words.stages['决算']));

/** 执行标准, 按什么标准执行: 执行 applying a standard is no 决算 word — the stage read from it alone is dropped. */
function standardApplied(text: string, m: Mentions): void {
  if (!m.stages.includes('决算')) return;
  const rest = text.replace(STANDARD_APPLIED, ' ');
  if (rest === text || SPENT_STAGE.test(rest)) return;
  m.stages = m.stages.filter((x) => x !== '决算');
}

function queryOf(text: string, asked: AskedWords, m: Mentions, entities: EntityRef[], { targets, unknown, candidates }: Found): StructuredQuery {
  standardApplied(text, m);
  versusOwnBudget(text, m);
  spentBounded(text, m);
  rateAsked(text, m);
  m.changes = changesListed(text, asked, m, targets);
  problemsAsked(text, m, targets);
  const stage = m.bothStages || new Set(m.stages).size > 1 ? 'both' : (m.stages[0] ?? null);
  lastOfRanking(m);
  const byScore = rankedByScore(text, m, targets);
  whichDepartment(m, entities, targets);
  pointedItem(text, m);
  whichByHowMuch(text, m, entities);
  sumColumnBounded(text, m);
  const intent = decideIntent(text, m, entities, targets, byScore);
  rateTyped(text, m, intent, targets);
  // 功能科目里排最后的: the last of a ranking the question asks for is the first from the other end, however long
  // the ranking (its shown part is cut to the top N).
  // 最后一个单位: units with nothing named to rank them by are counted as listed, as 第二个单位 is.
  const printOrder = inPrintOrder(text, m, entities) || (targets.length === 0 && m.listTargets.length > 0 && m.listTargets.every((l) => l.target === 'units'));
  // 最后一个和倒数第二个差多少: two items of the last list, picked — not the last of a ranking asked.
  const picked = m.references.filter((r) => r.ref === 'item' || r.ref === 'last').length >= 2;
  const last = !printOrder && !picked && intent === 'rank' && m.references.find((r) => r.ref === 'last');
  if (last) m.references.splice(m.references.indexOf(last), 1);
  return rankedColumn(fundedBy({
    text,
    intent,
    entities,
    years: [...new Set(m.years)],
    stage,
    ...(stage === 'both' && m.stages[0] ? { firstStage: m.stages[0] } : {}),
    targets,
    top: m.top === 0 ? 5 : m.top ?? (m.intents.includes('rank') && m.numbers.length ? noted(m, readCount(m.numbers[0]!, String(m.numbers[0]), (k) => `前${k}项`)) : last ? 1 : null),
    ascending: (m.ascending || (m.which && m.direction === 'less')) !== Boolean(last),
    ...(m.ordered || m.top !== null ? { ordered: true } : {}),
    // 为什么 of a figure asks why it changed: the reason the text states with its change.
    previousYear: m.previousYear || (m.reason && intent !== 'rate' && !m.bothStages && targets.length > 0),
    ...(m.previousYear ? { lastYearTyped: true as const } : {}),
    // 按增加额倒推上年: the change is what last year is worked back from, not what is asked.
    changeAsked: (m.changeAsked && !(m.previousYear && BACKWARD.test(text))) || m.reason,
    ...(m.previousYear && BACKWARD.test(text) ? { backward: true } : {}),
    ...((m.changeAsked || m.reason || m.arithmetic.some((a) => a.op === 'growth')) && asked.fall && !asked.rise ? { fall: true } : {}),
    listOf: m.listTargets[0]?.target ?? (listedUnderCondition(m, targets) && !m.scopes.includes('subjects') ? 'projects' : null),
    // 做了几个项目绩效自评: how many projects a 绩效 table is printed for.
    // 公用经费的明细里不到一万元的有几项: how many parts meet the conditions.
    ...countAskedOf(text, m, intent, entities, targets),
    subjects: m.scopes.includes('subjects') || m.scopes.includes('detail'),
    byScore,
    sources: m.sources,
    ...unreadBaseOf(text, m, { targets, unknown, candidates }),
    ...shapesOf(text, asked, m, byScore),
    base: shareBaseOf(m, { targets, unknown, candidates }) ?? unitShareBase(text, m, entities, targets),
    ...(numberedTables(m).length > 1 ? { tables: numberedTables(m) } : {}),
    ...(m.tables[0] ? { table: { number: m.tables[0].number, title: m.tables[0].title.map((w) => w.text), nth: m.tables[0].nth, text: m.tables[0].text } } : {}),
    ...(m.scopes.includes('detail') ? { detail: true } : {}),
    ...(printOrder ? { printOrder: true } : {}),
    ...(m.references.some((r) => r.ref === 'owner') ? { owner: true } : {}),
    ...whenOf(text),
    foreign: m.foreign,
    ...(m.foreign.length && m.foreign.every((f) => listedWithHeld(text, f, m)) ? { foreignListed: true } : {}),
    changes: m.changes,
    ...(FUNCTIONAL.test(text) ? { classification: 'functional' as const } : ECONOMIC.test(text) ? { classification: 'economic' as const } : {}),
    ...(TENTHS.test(text) ? { tenths: true } : {}),
    ...(GOVERNMENT.test(text) ? { economicKind: 'government' as const } : DEPARTMENTAL.test(text) ? { economicKind: 'departmental' as const } : {}),
    notes: m.notes,
    // 医保基金监管经费和档案管理经费的绩效差多少: projects' 绩效 computed on is their 自评得分, never their money.
    asked: intent === 'arithmetic' && m.intents.includes('performance') && targets.length > 1 && targets.every((t) => t.kind === 'project') ? { ...asked, score: true as const } : asked,
  }));
}

/**
 * 为什么比2022年涨了这么多: why a figure changed since a year named is the change the text states, which is since
 * the year before: read as 比上年, the year named kept to be checked against the document's.
 */
function sinceYear(text: string, asked: AskedWords, m: Mentions): number | undefined {
  // 比2022年多了多少, 2024年支出比2023年多了多少: how much it changed since the year named (any other year typed being
  // the figure's own, a later one), one comparison with its way and nothing else computed,
  // is the change the text states too — its amount leads, not the earlier year's figure.
  const [only] = m.comparisons;
  const joined = SINCE_YEAR.exec(text);
  const named = only?.year ?? (joined ? Number(joined[1] ?? joined[2]) : undefined);
  const ofFigure = named !== undefined && m.years.filter((y) => y !== named).every((y, _, rest) => rest.length === 1 && y > named);
  // (几个项目, 几个单位: a count of a list, which a document holds of its own year only — no change stated.)
  const amount = m.comparisons.length === 1 && only!.year !== undefined && (only!.direction !== null || m.changeAsked) && m.arithmetic.every((a) => a.op === 'difference') && ofFigure && m.listTargets.length === 0;
  // 和2023年比哪一项变了, 跟2022年比增长了百分之几: a change asked since a year joined to a word comparing with it.
  const changed = joined !== null && ofFigure && !m.bothStages && m.listTargets.length === 0 && (m.changeAsked || asked.rise || asked.fall || asked.changed || m.arithmetic.some((a) => a.op === 'growth')) && m.arithmetic.every((a) => a.op === 'difference' || a.op === 'growth');
  // 跟上一年比多了多少: the same of the year before, named as such.
  if (m.previousYear && m.comparisons.some((c) => c.direction !== null) && m.arithmetic.every((a) => a.op === 'difference')) m.changeAsked = true;
  const since = m.reason || amount || changed ? named : undefined;
  if (since === undefined) return undefined;
  m.previousYear = m.changeAsked = true;
  // 2024年支出比2023年: both years stay typed (the two printed are computed on where both are); 比2022年 alone names no year asked.
  if (!m.years.some((y) => y !== since)) m.years = [];
  return since;
}

const SAME_CHANGE = new RegExp(alternation(shapes.changesCompared.same));
const RATE_CHANGE = new RegExp(alternation(shapes.changesCompared.rate));
const CHANGE_WORD = new RegExp(alternation(shapes.changesCompared.change));
const COMPARE_ASKED = new RegExp(alternation(shapes.changesCompared.ask));
const WHICH_LISTED = new RegExp(alternation(shapes.changesCompared.listed));

/**
 * 曲阳收入和支出的增长率哪个大, 工资福利支出和商品和服务支出哪个涨得快, 两者降幅一样吗: two figures or departments named,
 * joined (no 比 between them), with a word of change and a which or same asked — each one's change from last year
 * compared, never a growth or ratio computed between the two.
 */
function changesCompared(text: string, asked: AskedWords, m: Mentions, entities: EntityRef[], targets: Target[], since: number | undefined): StructuredQuery['changesCompared'] {
  if (targets.length === 0 || targets.length * Math.max(1, entities.length) < 2 || m.bothStages || new Set(m.years).size > 1) return undefined;
  // A比B多百分之几: a comparison between the two figures named, not with last year — unless a word of change stands before
  // the 比 (工资福利支出的增幅比商品和服务支出高多少): then the rates are compared, their gap in 个百分点.
  const [than] = m.comparisons;
  const gap = than !== undefined && !m.previousYear && since === undefined && m.arithmetic.some((a) => a.op === 'growth' && a.start < than.start);
  if (m.comparisons.length > 0 && !m.previousYear && since === undefined && !gap) return undefined;
  // 两个项目的执行率差几个百分点: the rates themselves compared (rate.ts), no change from last year.
  if (m.intents.includes('rate') && !m.previousYear) return undefined;
  const growth = m.arithmetic.some((a) => a.op === 'growth');
  // 行政运行和医疗保障经办事务哪个增加最多: a ranking of the changes held to the figures named.
  const ranked = m.changes?.order && !m.changes.state ? m.changes : null;
  if (m.arithmetic.some((a) => a.op !== 'growth' && a.op !== 'difference') || m.conditions.length > 0 || (m.changes && !ranked)) return undefined;
  const change = growth || ranked !== null || m.previousYear || CHANGE_WORD.test(text);
  const same = SAME_CHANGE.test(text);
  // 收入和支出的增长率 (joined, no 比 between): a rate of each, whatever else is asked — never one between the two.
  if (!change || !(growth || ranked || asked.which || WHICH_PART.test(text) || WHICH_LISTED.test(text) || COMPARE_ASKED.test(text) || same)) return undefined;
  // 哪个有变化, 哪项变了: which of them changed at all, either way.
  // 哪些比上年减少了: those that went that way, named.
  const way = asked.changed && !asked.rise && !asked.fall ? (true as const) : WHICH_LISTED.test(text) && asked.rise !== asked.fall ? (asked.rise ? 'up' : 'down') : null;
  const by = ranked ? (ranked.byAmount ? 'amount' : 'percent') : growth || asked.percent || RATE_CHANGE.test(text) ? 'percent' : 'amount';
  return { by, same, ...(way ? { changed: way } : {}), ...(gap ? { gap: true as const } : {}) };
}

/** 和2023年比, 跟2022年相比 (shapes.json sinceYear): the year a change is asked since, joined to a word comparing with it. */
const SINCE_YEAR = new RegExp(`(?:${alternation(shapes.sinceYear.with)})\\s*(\\d{4})年度?的?(?:预算|决算)?数?\\s*(?:${alternation(shapes.sinceYear.compared)})|(?:${alternation(shapes.sinceYear.than)})\\s*(\\d{4})年`);

const HOLDING_VERBS = new RegExp(alternation(shapes.holdings.verbs), 'g');

/**
 * 你这儿收了哪几个地方的材料, 都收了哪些文件: a word for the documents held asks what is held where nothing else is asked;
 * its verb of holding (收了, elsewhere 收入总计) names no figure there.
 */
function askedHoldings(m: Mentions): void {
  // 收了哪几个地方的: a verb of holding asking which departments, nothing ranked or bound, asks the same.
  const which = (m.which || m.sets.some((x) => x.which) || m.intents.includes('list')) && (m.listTargets.some((l) => l.target === 'departments' || l.target === 'units') || m.sets.some((x) => x.place === null)) && !m.ascending && !m.descending && m.top === null && m.conditions.length === 0 && m.arithmetic.length === 0 && !m.intents.includes('rank');
  if (!(m.materials || (which && m.targets.length > 0)) || m.catalogue) return;
  const asked = m.targets.some((t) => !shapes.holdings.verbs.includes(t.text));
  const unread = m.residue.some((r) => meaningful(r.text).replace(HOLDING_VERBS, '') !== '');
  if (asked || unread) return;
  m.targets = [];
  m.residue = [];
  m.catalogue = true;
}

/**
 * 西安市医保局, 朝阳市医疗保障局: a place's own bureau, not held (held, it would be a department named), never the departments
 * lying in the place — those only where the question asks over departments (哪个, a ranking, a sum: 辽宁医保局哪个三公最高).
 */
function ownBureaus(m: Mentions): string[] {
  const over = m.which || m.ascending || m.descending || m.intents.includes('rank') || m.arithmetic.some((a) => a.op === 'sum' || a.op === 'average');
  const own = over ? [] : m.sets.filter((x) => x.bureau);
  m.sets = m.sets.filter((x) => !own.includes(x));
  return own.map((x) => x.text);
}

/** 大连和抚顺, 抚顺、大连: a place not held joined to a department held by a conjunction, in either order. */
function listedWithHeld(text: string, place: string, m: Mentions): boolean {
  const at = text.indexOf(place);
  const span = { start: at, end: at + place.length };
  const joined = (a: Partial<Span>, b: Partial<Span>) => m.conjunctions.some((c) => c.start === a.end && c.end === b.start);
  return at >= 0 && m.entities.some((e) => joined(span, e) || joined(e, span));
}

/** 垫底, 末位, 最后一名, 排名最后: the last of a ranking (shapes.json references.ranked), as the lexicon reads them. */
const RANKED_LAST = new Set(shapes.references.ranked.last.map(normalizeQuestion));
/** 第一名, 第3名: an ordinal counting places in a ranking (shapes.json references.ranked.counters). */
const RANKED_PLACE = new RegExp(`(?:${alternation(shapes.references.ranked.counters)})$`);

/**
 * 哪个项目自评得分垫底, 三公经费排名最后的是哪家: a word placing an item last in a ranking, typed after the figure that
 * ranks it, asks for that ranking (its bottom one) — never the last item of a list answered before.
 */
function lastOfRanking(m: Mentions): void {
  const ref = m.references.find((r) => r.ref === 'last' && RANKED_LAST.has(r.text));
  if (!ref || m.tables.length > 0 || m.intents.includes('rank')) return;
  // (得分垫底的那个项目: a word of scoring names the projects' scores, no figure of its own.)
  if (m.targets.some((t) => t.start < ref.start) || m.intents.includes('performance')) m.intents.push('rank');
}

/**
 * 垫底的项目, 最后一名, 第一名, 排第三, 排在第5: a word placing an item in a ranking, never in print — but 排最前面 says where
 * it is printed, as 第一个 does.
 */
function placedInRanking(text: string, item: Mentions['references'][number]): boolean {
  if (RANKED_LAST.has(item.text) || RANKED_PLACE.test(item.text)) return true;
  return !shapes.references.first.includes(item.text) && (/排在?$/.test(text.slice(0, item.start)) || item.text.startsWith('排'));
}

/**
 * 表17的第一个项目, 曲阳第5个项目的绩效指标: an item counted through the projects as printed — a table is named, or
 * projects are with no word of ranking (排第三, 第二大, 最后 rank them).
 */
function inPrintOrder(text: string, m: Mentions, entities: EntityRef[]): boolean {
  const item = m.references.find((r) => r.ref === 'item' || r.ref === 'last');
  if (!item || entities.length !== 1) return false;
  // 排第三, 排在第5, 排最后: ranked, as 第二大 (a direction word) and 最高 are.
  const ranked = placedInRanking(text, item) || m.intents.includes('rank') || m.top !== null || m.ascending || m.descending || m.direction !== null;
  // 表6公用经费里排第一的科目: ranked within the table's figure, not its first row.
  if (m.tables.length > 0) return !ranked || m.targets.length === 0;
  return m.listTargets.some((l) => l.target === 'projects') && !ranked;
}

/**
 * 政府采购表的第1项, 第1张整体绩效自评表的年初预算收入, 基本支出表里的邮电费: a table named by its title is where the
 * question counts or looks, and the names of figures in its title name nothing asked. Named alone (抚顺项目支出表)
 * its words are read as before: the figure they name, among the tables.
 */
function settleTable(m: Mentions): void {
  const table = m.tables[0];
  if (!table || table.number !== null) return;
  const inside = (x: Span) => x.start >= table.start && x.end <= table.end;
  const counted = m.references.some((r) => r.ref === 'item' || r.ref === 'last');
  // 整体绩效表3项资金合计: rows counted and added up are the table's.
  const added = m.arithmetic.length > 0 && m.counted.length > 0;
  if (counted || added || table.nth !== null || m.targets.some((x) => !inside(x))) {
    m.targets = m.targets.filter((x) => !inside(x));
    return;
  }
  m.tables = [];
  m.listTargets.push({ target: 'tables', start: table.end - 1, end: table.end });
}

/** An amount of money typed (1.66万, 300元). */
const AMOUNT_TYPED = /\d(?:\.\d+)?(?:万|亿|元|块)/;

/**
 * 曲阳2022年的预算是多少, 北票 决算: a department's budget (or final account) with nothing else named is its
 * 支出总计 — the whole of it, never a part.
 */
function wholeBudget(text: string, asked: AskedWords, m: Mentions, entities: EntityRef[], found: Found): void {
  // 陕西和河北两家医保局的预算加在一起, 各医保局的总预算一共: a set's budgets added up are its departments' wholes too (the
  // set's own words — 医保局, 两家 — are no other thing named).
  const overSet = entities.length === 0 && m.sets.length > 0 && !m.sets.some((x) => x.which) && m.stages.length > 0 && m.arithmetic.some((a) => a.op === 'sum');
  const ofSet = (x: Mentions['counted'][number]) => overSet && COUNTED_DEPARTMENTS.test(text.slice(x.end - 1));
  const named = overSet ? m.listTargets.filter((l) => l.target !== 'departments' && l.target !== 'units').length : m.listTargets.length + m.sets.length;
  const nothingElse = found.targets.length + found.candidates.length + found.unknown.length + named + m.conditions.length + m.scopes.length + m.tables.length === 0;
  const asksFigure = !['rank', 'list', 'performance', 'rate'].some((i) => m.intents.includes(i as never)) && !m.catalogue && m.references.length === 0;
  // 曲阳比去年多花了多少: a change of the department as a whole is of its total too.
  const whole = m.stages.length > 0 || m.previousYear || m.comparisons.length > 0 || m.arithmetic.some((a) => a.op === 'sum');
  // 两个项目资金加起来: items counted and added but not named are not the whole (asked to be written out).
  const countedSum = m.counted.some((x) => !ofSet(x)) && m.arithmetic.some((a) => a.op === 'sum');
  // 北票1.66万比2023年少了百分之几: a figure named by its amount is not the whole — asked back, never 支出总计's change answered.
  // 北票哪一项比上年减少了: which of the changes stated, listed — not the whole's.
  const whichChanged = m.previousYear && !m.reason && WHICH_PART.test(text);
  if (!(nothingElse && asksFigure && (entities.length > 0 || overSet) && whole && !m.bothStages) || countedSum || whichChanged || AMOUNT_TYPED.test(text)) return;
  // 实际花了多少: what a 决算 spent that year; a change or a comparison is of the whole, as the text states it.
  const spent = m.stages.includes('决算') && !m.previousYear && m.comparisons.length === 0 && SPENT.test(text);
  // 项目资金一共多少: the money of the projects is their whole, 项目支出.
  const key = spent ? 'expenditure.current_total' : asked.projectMoney ? 'project' : 'expenditure.grand_total';
  found.targets.push({ kind: 'metric', key, text: m.stages[0] ?? '支出' });
}

/**
 * 沈阳医保中心有哪些部门, 抚顺包括几个单位: the departments of one department named are its 内设机构, its units the
 * units its document covers — not the departments held.
 */
/** 两家, 三个单位: a count of departments (家 counts them; 个 before a word for departments). */
const COUNTED_DEPARTMENTS = new RegExp(`^(?:家|个的?(?:${alternation([...shapes.sets.organisations, ...words.listTargets.units, ...words.listTargets.departments])}))`);

/**
 * 2023年那两家, 决算的这三个单位: a count of departments with a year or a stage saying which, and no department
 * named, is the set of departments with such a document, of that size — not earlier answers counted (三家一共).
 */
function countedSet(text: string, m: Mentions, entities: EntityRef[]): void {
  if (entities.length > 0) return;
  // 辽宁两家医保局, 辽宁的那两家: a count right after the one place typed says how many of its departments are meant.
  const [placed] = m.sets;
  if (m.sets.length === 1 && placed!.place !== null && placed!.count === undefined) {
    const c = m.counted.find((x) => COUNTED_DEPARTMENTS.test(text.slice(x.end - 1)) && /^的?[这那]?$/.test(text.slice(placed!.end, x.start)));
    if (c) {
      const word = COUNTED_DEPARTMENTS.exec(text.slice(c.end - 1))![0];
      placed!.count = c.count;
      m.counted = m.counted.filter((x) => x !== c);
      if (m.numbers.includes(c.count)) m.numbers.splice(m.numbers.indexOf(c.count), 1);
      m.listTargets = m.listTargets.filter((l) => l.start < c.end || l.start > c.end - 1 + word.length);
    }
  }
  if (m.sets.length > 0) return;
  // 平均每家有几个项目: an average per department is over the set.
  const each = m.arithmetic.find((a) => a.op === 'average' && EACH_DEPARTMENT.test(a.text));
  if (each) m.sets.push({ place: null, which: false, stage: null, text: each.text, start: each.start, end: each.end });
  // 五家里面, 五个单位当中: counted among, no year or stage is needed to say which departments (这两家 points back in a
  // conversation at the departments named before: no set of its own).
  // 五家医保局: a word for departments after 家 says what is counted.
  const wordOf = (x: Mentions['counted'][number]) => (COUNTED_ORGANISATIONS.exec(text.slice(x.end - 1)) ?? COUNTED_DEPARTMENTS.exec(text.slice(x.end - 1)))?.[0];
  // 五家的基本支出加起来, 六家的三公经费合计 (sumInName): a figure named and computed over a count with no 这 / 那 pointing back (nor 哪, a
  // ranking's count: 哪两个单位) is asked of the set too.
  const said = (x: Mentions['counted'][number], word: string) =>
    m.years.length + m.stages.length > 0 || COUNTED_ORGANISATIONS.test(text.slice(x.end - 1)) || AMONG.test(text.slice(x.end - 1 + word.length)) || (m.targets.length > 0 && (m.arithmetic.length > 0 || m.targets.some((t) => SUM_WORD.test(t.text))) && !POINTED.test(text.slice(0, x.start)));
  // 最少的两家医保局, 前3个单位: a count right after an order word is the cut of the ranking (its 前N), not the set.
  const c = m.counted.find((x) => wordOf(x) !== undefined && said(x, wordOf(x)!) && !ORDER_BEFORE.test(text.slice(0, x.start)));
  if (!c) return;
  const word = wordOf(c)!;
  m.counted = m.counted.filter((x) => x !== c);
  // The count says how many departments, no 前N.
  if (m.numbers.includes(c.count)) m.numbers.splice(m.numbers.indexOf(c.count), 1);
  // 这三个单位: the word after the count is the set's, no list asked.
  m.listTargets = m.listTargets.filter((l) => l.start < c.end || l.start > c.end - 1 + word.length);
  m.sets.push({ place: null, which: false, stage: null, text: text.slice(c.start, c.end - 1 + word.length), start: c.start, end: c.end - 1 + word.length, count: c.count });
}

/**
 * 各医保局三公经费合计: a figure's name typed with the 合计 its row prints (“三公”经费合计) is that figure, and over a set of
 * departments the 合计 adds them up as 加起来 does.
 */
function sumInName(text: string, m: Mentions, found: Found): void {
  if (m.sets.length === 0 || m.arithmetic.length > 0) return;
  const t = found.targets.find((x) => x.kind === 'metric' && SUM_WORD.test(x.text) && !SUM_WORD.test(metricOf(x.key).name));
  const at = t ? text.indexOf(t.text) + t.text.length : -1;
  if (at > 0) m.arithmetic.push({ op: 'sum', text: '合计', start: at - 2, end: at });
}
const SUM_WORD = /合计$/;

const EACH_DEPARTMENT = new RegExp(alternation(shapes.sets.alone));
const COUNTED_ORGANISATIONS = new RegExp(`^家(?:${alternation([...shapes.sets.organisations, ...words.listTargets.units, ...words.listTargets.departments])})`);
const ORDER_BEFORE = new RegExp(`(?:${alternation([...words.ascending, ...words.descending, ...words.top])})的?$`);
const AMONG = new RegExp(`^的?(?:${alternation(shapes.sets.among.words)})`);
/** 这两家, 那三个单位: a count pointed at, the departments answered before; 哪两个: a ranking's. */
const POINTED = /[这那哪]些?$/;

const LYING_WITHIN = new RegExp(`(?:${alternation(shapes.sets.within.words)})的?$`);

/**
 * 辽宁省内的几个医保局, 辽宁境内医保局: the question with a word of lying within, typed at the end of words not understood
 * after a place, read as 的 (辽宁的几个医保局); null when there is none.
 */
function withinPlace(text: string, m: Mentions): string | null {
  for (const r of m.residue) {
    const w = LYING_WITHIN.exec(r.text);
    if (w) return `${text.slice(0, r.start + w.index)}的${text.slice(r.end)}`;
  }
  return null;
}

/** 那个, 这家, 的: what may stand between a department's name and a word saying what it is (抚顺那个局). */
const DESCRIBING = new RegExp(`(?:${alternation(shapes.references.describing)})?$`);

/**
 * 那抚顺那个局呢, 北票那家单位呢: a word for departments or units typed right after one department's name, with at most a
 * demonstrative between, says what the department named is — no departments or units listed.
 */
function describedDepartment(text: string, m: Mentions, entities: EntityRef[]): void {
  const [named] = entities;
  // 抚顺的单位有哪些, 北票有几个单位: a list or a count asked is one.
  if (entities.length !== 1 || !named!.text || m.intents.includes('list') || COUNT_ASKED.test(text)) return;
  const describes = (at: number) => {
    const before = text.slice(0, at);
    const from = before.lastIndexOf(named!.text!);
    return from >= 0 && DESCRIBING.exec(before.slice(from + named!.text!.length))?.index === 0;
  };
  m.listTargets = m.listTargets.filter((l) => !((l.target === 'departments' || l.target === 'units') && describes(l.start)));
  // 沈阳那家单位: 那家 is no set of departments there.
  m.sets = m.sets.filter((x) => x.place !== null || x.which || !describes(x.start));
}

function ownDepartments(text: string, m: Mentions, entities: EntityRef[], found: Found): void {
  const set = m.sets[0];
  // 抚顺的预算包括哪几个单位: which of its own, nothing ranked or bound, is the list of them, as 有几个单位 is.
  const which = set?.which && !m.ascending && !m.descending && m.top === null && m.conditions.length === 0 && m.arithmetic.length === 0;
  if (entities.length === 1 && m.sets.length === 1 && !set!.place && (!set!.which || which) && found.targets.length === 0 && m.listTargets.length === 0) {
    // 北票有几个部门: its own 内设机构, the count its text states.
    if (/部门$/.test(set!.text)) {
      m.sets = [];
      found.targets.push({ kind: 'metric', key: 'org.internal_departments', text: set!.text });
      return;
    }
    if (/单位$/.test(set!.text)) {
      m.sets = [];
      m.listTargets = [{ target: 'units', start: set!.start, end: set!.end }];
      return;
    }
  }
  const [word] = m.listTargets;
  // 沈阳有多少个部门: a count asked with no other intent lists them too.
  const listing = m.intents.length > 0 ? m.intents.every((i) => i === 'list') : COUNT_ASKED.test(text);
  if (!listing || entities.length !== 1 || m.sets.length > 0 || m.listTargets.length !== 1 || word!.target !== 'departments' || found.targets.length > 0) return;
  m.listTargets = [];
  found.targets.push({ kind: 'metric', key: 'org.internal_departments', text: text.slice(word!.start, word!.end) });
}

/**
 * 基本支出里人员经费多少, 卫生健康支出其中城乡医疗救助: a part named after a word of containment is what is
 * asked; the figure before it only says where the part is.
 */
function partNamed(text: string, m: Mentions, found: Found, subjects: Catalog['subjects']): void {
  const part = m.references.find((r) => r.ref === 'part');
  // A share's base (占基本支出) is no part of the figure named before 里: it stays.
  const base = shareBaseOf(m, found)?.target;
  const named = found.targets.filter((t) => t !== base);
  if (!part || named.length < 2) return;
  const after = named.filter((t) => text.indexOf(t.text) >= part.end);
  // 行政运行里公用经费, 基本支出里商品和服务支出: a row and one of its columns, in either order, name one cell, the row's; both stay.
  const before = named.filter((t) => !after.includes(t));
  // (事业运行里专项部分比基本部分: two columns of the row, compared.)
  const cell = (row: Target[], column: Target[]) => row.length === 1 && row[0]!.kind !== 'metric' && column.length >= 1 && column.length <= 2 && column.every((c) => c.kind === 'metric' && MEASURES.has(c.key));
  // 三公经费其中项目支出: a figure cut into no columns, before 其中 and a column, asks its own cell (answered not printed), never the column alone.
  const metricRow = before.length === 1 && before[0]!.kind === 'metric' && cutIntoColumns(before[0]!.key) && after.length === 1 && after[0]!.kind === 'metric' && SPLIT_COLUMNS.has(after[0]!.key);
  // (A project after 专项业务经费里 is a part of that spending, not a cell.)
  if (cell(before, after) || metricRow || (cell(after, before) && after[0]!.kind === 'subject')) return;
  // 项目支出中上年结转: a source of its funds is a column of the figure's row (answer/source-parts.ts): both stay.
  if (before.length === 1 && after.length === 1 && sourceOfPart(before[0]!, after[0]!)) return;
  if (after.length > 0 && after.length < named.length) found.targets.splice(0, found.targets.length, ...after.map((t) => (before.length === 1 ? printedUnder(before[0]!, t, subjects) : t)), ...(base ? [base] : []));
}

/**
 * 社会保障和就业支出中职业年金: a part named after a functional subject is the one row printed under it whose name
 * holds the part's (机关事业单位职业年金缴费支出, 2080506), not an economic subject of that name in another table.
 * The part as read when it is under the whole already, or when no one row or several are.
 */
function printedUnder(whole: Target, part: Target, subjects: Catalog['subjects']): Target {
  if (whole.kind !== 'subject' || part.kind !== 'subject') return part;
  const under = (code: string) => whole.codes.some((w) => code.startsWith(w) && code !== w);
  if (part.codes.some(under)) return part;
  const rows = subjects.filter((x) => x.name !== part.name && (x.name.includes(part.name) || x.name.includes(part.text)) && x.codes.some(under));
  return rows.length === 1 ? { kind: 'subject', name: rows[0]!.name, codes: rows[0]!.codes.filter(under), text: part.text } : part;
}

/**
 * 固定资产其中车辆, 固定资产除去车辆: a thing named after a sum of money and a word of containment (其中, 里) or of
 * taking away (除去) is a part of it: its money, not its count (partInKindOf). True when the question reads so.
 */
function partsOfWhole(text: string, m: Mentions, found: Found): boolean {
  const word = m.references.find((r) => r.ref === 'part') ?? m.arithmetic.find((a) => a.op === 'difference');
  if (!word) return false;
  const before = found.targets.filter((t) => text.indexOf(t.text) < word.start);
  found.targets.forEach((t, i) => {
    if (text.indexOf(t.text) >= word.end) found.targets[i] = partInKindOf(before, t, text.slice(word.end));
  });
  return before.length > 0 && before.length < found.targets.length;
}

/**
 * 抚顺三公经费比沈阳三公经费多多少, 2023年的三公是2022年的三公的几倍: one figure typed again beside each department
 * (or year, or table) is that figure of each, once — never the figure against itself.
 */
function samePairedOnce(m: Mentions, entities: EntityRef[], found: Found): void {
  // 莲湖编制多少，实有多少，空编多少 (编制和实有差): the two typed again are the same two, computed once.
  const paired = entities.length > 1 || new Set(m.years).size > 1 || numberedTables(m).length > 1 || m.arithmetic.length > 0;
  if (!paired || found.targets.length < 2) return;
  found.targets = found.targets.filter((t, i) => found.targets.findIndex((x) => thingOf(x) === thingOf(t)) === i);
}

/**
 * 平均到每个离休干部, 平均每个代办员: the words right after a per-head word ending in 每个 (每位, 每名) are the people the
 * figure is divided among — not a project loosely named by them, nor words not understood. The answer reads them from
 * the question's text (answer/intents/arithmetic.ts); a figure named there (平均每位职工的人员经费) stays.
 */
function peopleAfterEach(text: string, m: Mentions, found: Found): void {
  const each = m.arithmetic.find((a) => a.op === 'per_head' && /每[个位名人]?$|每[一1]个$|平均[一1][个名位]$/.test(a.text));
  if (!each) return;
  const after = text.slice(each.end).replace(/(?:的|是|为|要|有|能|得|花|分到|拿到)?(?:多少|几)\S*$/, '');
  const people = (w: string) => w !== '' && after.startsWith(w.replace(/^的/, ''));
  found.candidates = found.candidates.filter((c) => !people(c.text));
  found.unknown = found.unknown.filter((w) => !people(w));
  if (found.targets.some((t) => !(t.kind === 'project' && t.fuzzy && people(t.text)))) found.targets = found.targets.filter((t) => !(t.kind === 'project' && t.fuzzy && people(t.text)));
}

/** Words for people a figure may be divided among (职工, 离休干部), longest first. */
const PEOPLE = [...new Set([...words.headcounts.people, ...words.headcountAsked.people])].sort((a, b) => b.length - a.length);
const EACH_OF_PEOPLE = new RegExp(`(?:(?:平均)?每(?:[一1]个|个|名|位)|平均[一1](?:个|名|位))(?=(${alternation(PEOPLE)}))`, 'g');

/**
 * 平均每个职工的人员经费, 每个职工的工资福利支出, 平均一个职工: 每个 before a word for people divides among them (per head), as
 * 每名 and 人均 do — not an average over the things held (平均每个项目), nor the people words of a figure's name (人员经费).
 */
function perHeadOfPeople(text: string, m: Mentions): void {
  if (m.arithmetic.some((a) => a.op === 'per_head' || a.op === 'per_unit')) return;
  for (const match of text.matchAll(EACH_OF_PEOPLE)) {
    const start = match.index!;
    const end = start + match[0].length;
    // 平均每个人员经费: the people word begins a figure's name.
    if (m.targets.some((t) => t.start <= end && t.end > end + match[1]!.length)) continue;
    m.arithmetic = m.arithmetic.filter((a) => !(a.op === 'average' && a.start >= start && a.start < end));
    m.arithmetic.push({ op: 'per_head', text: match[0], start, end });
    return;
  }
}

const CATEGORIES = shapes.projectCategories.metrics as Record<string, { count?: string }>;
const CATEGORY_WORDS = new RegExp(alternation(shapes.projectCategories.words));

/**
 * 特定目标类项目有哪些, 有几个特定目标类项目, 项目类别有哪些: projects asked by their category, listed or counted — not
 * the category's amount (特定目标类项目多少钱 still is), nor every project listed.
 */
function projectCategory(text: string, m: Mentions, found: Found): StructuredQuery['category'] {
  const [only] = found.targets;
  const counted = COUNT_ASKED.test(text);
  const listed = m.intents.includes('list') || m.listTargets.some((l) => l.target === 'projects');
  if (found.targets.length === 1 && only!.kind === 'metric' && CATEGORIES[only!.key] && (counted || listed)) return { key: only!.key, listed: !counted };
  if (!CATEGORY_WORDS.test(text) || found.targets.length > 0) return undefined;
  found.unknown = found.unknown.filter((w) => !CATEGORY_WORDS.test(w));
  return { key: null, listed: true };
}

const TITLE_JOINED = /^(?:和|与|跟|同|及|比)([\u4e00-\u9fff（）()“”"]{1,16}?)表/;

type NamedTable = NonNullable<StructuredQuery['titledTables']>[number];

/**
 * 财政拨款表和总表的卫生健康支出差多少, 基本支出表与经济分类表的邮电费, 表3和财政拨款表: two tables, one at least named by
 * words of its title, for arithmetic between the two printings of one figure — the title's words name no figure asked,
 * nor anything unknown. A second title typed after the first is read from the text when the grammar read only one.
 */
function twoNamedTables(text: string, m: Mentions, found: Found): StructuredQuery['titledTables'] {
  const [first] = m.tables;
  if (!first || m.tables.length > 2 || m.arithmetic.length + m.comparisons.length === 0) return undefined;
  const named = (x: Mentions['tables'][number]): NamedTable => (x.number !== null ? { title: [], text: x.text, number: x.number } : { title: x.title.map((w) => w.text), text: x.text });
  const joined = m.tables.length === 1 ? TITLE_JOINED.exec(text.slice(first.end)) : null;
  const second = m.tables[1] ? named(m.tables[1]) : joined ? { title: [joined[1]!], text: `${joined[1]}表` } : null;
  const both = second ? [named(first), second] : [];
  // Two numbered tables are read as before (q.tables); a table named by title needs at least one title.
  if (both.length !== 2 || both.every((x) => x.number !== undefined) || both.some((x) => x.number === undefined && x.title.length === 0)) return undefined;
  // 支出总表和财政拨款表: words of a title are no figure asked, the one figure named outside them is.
  const inTitle = (w: string) => both.some((x) => x.number === undefined && x.text.includes(w));
  const asked = found.targets.filter((x) => !inTitle(x.text));
  if (asked.length !== 1) return undefined;
  found.targets = asked;
  found.unknown = found.unknown.filter((w) => !inTitle(w));
  const end = m.tables[1]?.end ?? first.end + joined![0].length;
  m.listTargets = m.listTargets.filter((l) => l.start >= end || l.end <= first.start);
  return both;
}

// 职工一共14个: 个 counts people only after a word for them.
const HEADS_TYPED = new RegExp(`(\\d+)(?:${alternation(shapes.perHead.counters)})(?!次)|(?<=(?:${alternation(PEOPLE)})(?:${alternation(shapes.arithmetic.sum)}|有)?)(\\d+)个`, 'g');
const STAFF_KEYS = new Set(['staff.actual', 'staff.authorized']);

/**
 * 莲湖一共14人，人员经费平均到每个人, 按20人算人均: a number of people typed in a per-head question is the people it divides
 * among (the answer matches it against the counts the document prints) — not a count of figures (14项), nor a sum (一共14人
 * states the count), nor 实有人员 asked by the 人 counting it.
 */
function typedHeads(text: string, m: Mentions, found: Found): number | undefined {
  const each = m.arithmetic.find((a) => a.op === 'per_head');
  // 编制20个人，实有14个，空着几个: numbers typed beside headcounts computed on say what they count, no count of things computed.
  const staffOnly = m.arithmetic.length > 0 && found.targets.length > 1 && found.targets.every((t) => t.kind === 'metric' && STAFF_KEYS.has(t.key));
  if (!each && staffOnly) m.counted = [];
  if (!each) return undefined;
  // 平均一人: the one of the per-head word counts nobody.
  const typed = [...text.matchAll(HEADS_TYPED)].find((x) => x.index + x[0].length <= each.start || x.index >= each.end);
  if (!typed) return undefined;
  const [start, end, heads] = [typed.index, typed.index + typed[0].length, Number(typed[1] ?? typed[2])];
  m.counted = m.counted.filter((c) => c.start < start || c.start >= end);
  if (m.numbers.includes(heads)) m.numbers.splice(m.numbers.indexOf(heads), 1);
  m.arithmetic = m.arithmetic.filter((a) => !(a.op === 'sum' && /^[有是为]?$/.test(text.slice(a.end, start).trim())));
  // 20个编制: a headcount named by the count (编制) stays named; the 人 counting it (14人) names none.
  found.targets = found.targets.filter((t) => !(t.kind === 'metric' && STAFF_KEYS.has(t.key) && shapes.perHead.counters.includes(t.text) && typed[0].endsWith(t.text)));
  return heads;
}

/** 哪个的基本支出多, 哪一个项目支出高一些: a which-word, then (the figure, no clause between) a direction word ending the question. */
const WHICH_THEN_MORE = new RegExp(`(?:${alternation(shapes.references.whichMore.which)})[^，,。；;]*?(?:${alternation(shapes.references.whichMore.more)})(?:一些|一点|些)?[呢啊]?$`);

/**
 * 抚顺两个单位里哪个的基本支出多: which of one department's units is larger by the figure named — their difference, computed
 * on each unit's own figure (answer/intents/arithmetic.ts unitScopes), never the department's total answered instead.
 */
function whichUnitMore(text: string, m: Mentions, entities: EntityRef[], found: Found): void {
  if (entities.length !== 1 || entities[0]!.unitId !== null || found.targets.length !== 1 || m.arithmetic.length + m.comparisons.length > 0) return;
  // 曲阳哪个单位的政府采购最多: a which-word of units with one department named asks among its units, not the departments.
  const ofUnits = m.sets.find((x) => x.which && x.place === null && UNIT_WORDS.some((w) => x.text.endsWith(w)));
  if (!ofUnits && !m.listTargets.some((l) => l.target === 'units')) return;
  const which = ofUnits ? { 0: ofUnits.text, index: ofUnits.start } : WHICH_THEN_MORE.exec(text);
  if (!which) return;
  if (ofUnits) {
    m.sets = m.sets.filter((x) => x !== ofUnits);
    m.listTargets.push({ target: 'units', start: ofUnits.start, end: ofUnits.end });
  }
  m.arithmetic.push({ op: 'difference', text: which[0], start: which.index, end: which.index + which[0].length });
}
const UNIT_WORDS = words.listTargets.units;

/** 职工人均人员经费, 莲湖的职工平均每人: the people typed right before a per-head word are those it divides among, not words unknown. */
function peopleBeforeEach(text: string, m: Mentions, found: Found): void {
  const each = m.arithmetic.find((a) => a.op === 'per_head');
  const people = each && PEOPLE.find((p) => text.slice(0, each.start).endsWith(p));
  if (people) found.unknown = found.unknown.filter((w) => w.replace(/^的/, '') !== people);
  // 按聘请的服务人员算，平均一人多少钱: the people a per-head figure is counted by, said as its basis, are no words unknown.
  const basis = each ? COUNTED_BY.exec(text) : null;
  if (basis) found.unknown = found.unknown.filter((w) => !basis[0].includes(w.replace(/^的/, '')));
}
/** 按聘请的服务人员算, 按照实有人数来计算: a basis naming people (a word for people, or 人 in 人数 / 人员). */
const COUNTED_BY = new RegExp(`按照?[^，,。；;\\s按]{0,10}?(?:${alternation([...PEOPLE, '人'])})[^，,。；;\\s]{0,4}?来?(?:计算|算)`);

/**
 * 公务用车的购置费, 三公经费的接待费: a figure's part typed after the figure and 的 is that part (metrics.json parts), not
 * the whole and the part side by side.
 */
function partAfterWhole(text: string, m: Mentions, found: Found): void {
  const [whole, part] = [...m.targets].sort((a, b) => a.start - b.start);
  if (m.targets.length !== 2 || found.targets.length !== 2 || whole!.kind !== 'metric' || part!.kind !== 'metric' || m.comparisons.length + m.conjunctions.length > 0) return;
  if (text.slice(whole!.end, part!.start) !== '的' || !metricOf(whole!.key).parts.includes(part!.key)) return;
  found.targets = found.targets.filter((t) => t.kind === 'metric' && t.key === part!.key);
}

/**
 * 北票三公经费下降幅度超过30%吗, 莲湖公务员医疗补助减少超过一半吗: a bound in per cent on one figure, with a word of
 * change, asks whether its stated change meets it — the change as stated and the verdict —, not which of its parts do.
 */
function changeBound(asked: AskedWords, m: Mentions, found: Found): StructuredQuery['changeBound'] {
  const [c] = m.conditions;
  const change = m.changeAsked || m.arithmetic.some((a) => a.op === 'growth') || asked.fall || asked.rise;
  if (!c || m.conditions.length !== 1 || c.unit !== 'percent' || c.op === 'between' || found.targets.length !== 1 || !change) return undefined;
  if (m.sets.length + m.listTargets.length + m.scopes.length > 0 || m.intents.some((i) => i === 'rank' || i === 'list')) return undefined;
  m.conditions = [];
  m.changes = null;
  m.arithmetic = [{ op: 'growth', text: c.text, start: c.start, end: c.end }];
  return { op: c.op, value: c.value, upper: null, unit: 'percent', unitTyped: true, text: c.text };
}

/** The stage of a project's column named as a measure (项目执行数: 决算数). */
const PROJECT_COLUMNS: Record<string, Stage> = { 'project.executed': '决算', 'project.budget': '预算' };

/**
 * 哪个项目预算数最低, 项目执行数最多的: a project column ranked over the projects is the stage they are ranked at (预算数 of
 * a 决算's projects), never the ranking of the other column under its name.
 */
function rankedColumn(q: StructuredQuery): StructuredQuery {
  const [t] = q.targets;
  const stage = t?.kind === 'metric' && q.targets.length === 1 && q.intent === 'rank' && !q.byScore && q.listOf === null && !q.set && q.entities.length < 2 ? PROJECT_COLUMNS[t.key] : undefined;
  if (!stage || q.stage !== null) return q;
  // 哪个项目预算数最高 naming no department: the projects, asked back which department's (as 哪个项目的预算最多 is) —
  // never each department's first 项目预算数 ranked as if it were the department's.
  return q.entities.length === 0 ? { ...q, targets: [], listOf: 'projects', stage } : { ...q, stage };
}

/**
 * 这两个项目执行数加起来: a project column named beside the projects computed on is the stage they are read at, not a
 * figure of its own.
 */
function projectColumn(m: Mentions, found: Found): void {
  const column = found.targets.find((t) => t.kind === 'metric' && PROJECT_COLUMNS[t.key]);
  if (!column || m.arithmetic.length === 0 || !found.targets.some((t) => t.kind === 'project')) return;
  found.targets = found.targets.filter((t) => t !== column);
  m.stages.push(PROJECT_COLUMNS[(column as Extract<Target, { kind: 'metric' }>).key]!);
}

/** 其中专项: the list word after a word of containment names a column (shapes.json references.partColumns). */
const PART_COLUMNS: Record<string, string> = shapes.references.partColumns;

/**
 * 其中专项, 卫生健康支出其中项目: a word for a list right after 其中 (的 between at most) is that list's column of the row
 * answered or named before (项目支出), never the list itself; a list asked for (其中有哪些项目) stays one.
 */
function partColumn(text: string, m: Mentions, found: Found): void {
  const part = m.references.find((r) => r.ref === 'part');
  const list = part && m.listTargets.find((l) => PART_COLUMNS[l.target] && l.start >= part.end && /^的?$/.test(text.slice(part.end, l.start)));
  if (!list || m.intents.includes('list') || m.conditions.length > 0 || m.listTargets.length !== 1) return;
  m.listTargets = [];
  found.targets.push({ kind: 'metric', key: PART_COLUMNS[list.target]!, text: text.slice(list.start, list.end) });
}

/**
 * 医疗机构检查费项目自评得分是多少: a score named beside one project is that project's self-evaluation (as 它得了几分
 * is), never the score figure of another project read as a figure of its own.
 */
function projectScore(m: Mentions, found: Found): void {
  const score = found.targets.find((t) => t.kind === 'metric' && t.key === 'project.self_eval_score');
  if (!score || found.targets.filter((t) => t.kind === 'project').length !== 1 || found.targets.length !== 2) return;
  found.targets = found.targets.filter((t) => t !== score);
  m.intents.push('performance');
}

const SHARE_OF = alternation(shapes.share.shareOf);
const WITHIN = alternation(shapes.references.part);

/**
 * X在Y里占多少, 在Y中占的比例: Y, named between 在 and a word of containment just before 占, is the share's base — not a
 * whole X is a part of (the word of containment is dropped).
 */
function baseBefore(text: string, m: Mentions, found: Found): void {
  if (m.shareBase || !m.intents.includes('share')) return;
  const base = found.targets.find((t) => new RegExp(`在${escapeRegExp(t.text)}(?:${WITHIN})(?:${SHARE_OF})`).test(text));
  // (在项目支出里占多少 naming nothing else: the base of a share of the figure asked before, as 占项目支出多少 is.)
  if (!base) return;
  const at = text.indexOf(base.text);
  m.shareBase = { text: base.text, start: at, end: at + base.text.length, whole: false };
  m.references = m.references.filter((r) => !(r.ref === 'part' && r.start === at + base.text.length));
}

/**
 * 人员经费里面住房公积金占多少: a share asked of a part named after its whole and a word of containment is the part
 * over that whole (the whole is the base), as 住房公积金在人员经费里占多少 is.
 */
function shareWithin(text: string, m: Mentions, found: Found): void {
  const part = m.references.find((r) => r.ref === 'part');
  if (m.shareBase || !part || !m.intents.includes('share') || found.targets.length !== 2) return;
  const [whole, named] = found.targets as [Target, Target];
  const at = text.indexOf(whole.text);
  if (at < 0 || at + whole.text.length > part.start || text.indexOf(named.text) < part.end) return;
  // 行政运行里公用经费占多少: a row and one of its columns name a cell, its share of the row's own total (share.ts).
  if (whole.kind !== 'metric' && named.kind === 'metric' && MEASURES.has(named.key)) return;
  m.shareBase = { text: whole.text, start: at, end: at + whole.text.length, whole: false };
}

const RATE_TYPED = new RegExp(`(?:${alternation(words.intents.rate)})(?:是|为|达到|达)?(\\d+(?:\\.\\d+)?)%`);

/** 执行率100%的项目: a rate typed right after its word, no comparator, lists those at that rate (as 执行率是100% does). */
function rateTyped(text: string, m: Mentions, intent: Intent, targets: Target[]): void {
  const typed = intent === 'rate' && targets.length === 0 && !m.conditions.some((c) => c.unit === 'percent') ? RATE_TYPED.exec(text) : null;
  if (!typed) return;
  const value = Number(typed[1]);
  const start = typed.index + typed[0].indexOf(typed[1]!);
  m.conditions.push({ op: 'between', value, upper: value, unit: 'percent', text: `${typed[1]}%`, start, end: start + typed[1]!.length + 1 });
}

// 占医保中心的多少: the asking word may be gone from the normalised text (多少 is read apart), the unit ending it.
const UNIT_SHARE_BASE = new RegExp(`占[了到]?([^占的\\s]{1,12}?)的?(?:${alternation(shapes.share.department.asked)}|\\s*$)`);
const OWN_LEVEL_WORDS: readonly string[] = words.scopes.subunit;

/**
 * 举报奖励费占本级的比例, 离休干部医药费占中心的比重: a unit named right after 占 with no figure after it says whose whole the
 * base is — for a project the unit's 项目支出, for another figure its 支出总计; the part is the unit's own.
 */
function unitShareBase(text: string, m: Mentions, entities: EntityRef[], targets: Target[]): StructuredQuery['base'] {
  const unit = entities.length === 1 ? entities[0]! : null;
  if (m.shareBase || !m.intents.includes('share') || !unit || unit.unitId === null || targets.length !== 1) return null;
  const after = UNIT_SHARE_BASE.exec(text)?.[1];
  if (!after || !(OWN_LEVEL_WORDS.includes(after) || unit.text.endsWith(after))) return null;
  const target: Target = targets[0]!.kind === 'project' ? { kind: 'metric', key: 'project', text: '项目支出' } : { kind: 'metric', key: 'expenditure.grand_total', text: '支出总计' };
  return { target, whole: false };
}

// 占: the words a share's base is named after (shapes.json share.shareOf), typed right before the base.
const BEFORE_BASE = new RegExp(`(?:${SHARE_OF})$`);

/**
 * 占印刷费支出的百分之几, 占宣传费的比例: a base named after 占 that nothing read as a figure is the base asked — not
 * found, said so (never the part's % targets, nor a word asked back beside it). The words are taken out of
 * unknown and candidates, and kept as `unreadBase`.
 */
function unreadBaseOf(text: string, m: Mentions, found: Found): Pick<StructuredQuery, 'unknown' | 'candidates' | 'unreadBase'> {
  const typedAt = (w: string) => { const at = text.indexOf(w); return at > 0 && BEFORE_BASE.test(text.slice(0, at)); };
  const word = m.shareBase ? undefined : [...found.unknown, ...found.candidates.map((c) => c.text)].find(typedAt);
  if (word === undefined) return { unknown: found.unknown, candidates: found.candidates };
  return { unknown: found.unknown.filter((w) => w !== word), candidates: found.candidates.filter((c) => c.text !== word), unreadBase: word.replace(/(?:支出)?的?$/, '') };
}

/** 占三公经费支出: 支出 right after the base a share names is the rest of its name, not 支出总计 asked beside it. */
function spendingOfBase(m: Mentions): void {
  const base = m.shareBase;
  if (base) m.targets = m.targets.filter((t) => !(t.start === base.end && t.kind === 'metric' && t.key === 'expenditure.grand_total' && t.text === '支出'));
}

/** 占Y: the target named as a share's base (the last one typed so, as 本级项目支出占全部项目支出 names one twice). */
function shareBaseOf(m: Mentions, found: Found): StructuredQuery['base'] {
  const named = m.shareBase;
  if (!named) return null;
  const target = found.targets.findLast((t) => t.text === named.text);
  return target ? { target, whole: named.whole } : null;
}

/**
 * 除了沈阳，哪家人员经费最高, 不算决算的话: a clause leaving departments out (or keeping only a stage's) is asked of the set,
 * whether or not a set word was typed; the stage it keeps is the set's.
 */
function excluding(q: StructuredQuery, except: Exclusion | null): StructuredQuery {
  if (!except) return q;
  const set = q.set ?? { text: except.text, places: [], which: false, stage: null };
  const left = except.departments.length + except.places.length > 0 ? { except: { departments: except.departments, places: except.places, text: except.text } } : {};
  return { ...q, set: { ...set, ...(except.stage ? { stage: except.stage } : {}), ...left } };
}

/** The question's shape beyond what it names: a set of departments, conditions, arithmetic, references. */
function shapesOf(text: string, asked: AskedWords, m: Mentions, byScore: boolean): Pick<StructuredQuery, 'set' | 'conditions' | 'arithmetic' | 'reason' | 'reference' | 'catalogue'> {
  // 辽宁几个医保单位: a set word and a place together are one set, of that place; 辽宁和河北的: of each place.
  const places = [...new Set(m.sets.flatMap((x) => (x.place ? [x.place] : [])))];
  const count = m.sets.find((x) => x.count)?.count;
  const set = m.sets.length ? { text: m.sets[0]!.text, places, which: m.sets.some((x) => x.which), stage: m.sets.find((x) => x.stage)?.stage ?? null, ...(count ? { count } : {}) } : undefined;
  // An amount typed without its unit is read in the unit the figures compared are counted in.
  const unitOf = (c: Mentions['conditions'][number]) => c.unit ?? (m.intents.includes('rate') ? 'percent' : byScore ? 'score' : 'yuan');
  const comparison = m.comparisons[0];
  // 增长了百分之几: a share of the change, the growth rate.
  // 决算比预算少了百分之几: a difference asked in per cent is the change over the figure after 比.
  const inPercent = comparison && m.arithmetic.length === 0 && asked.percent ? { op: 'growth' as const, text: comparison.text } : undefined;
  const op = m.arithmetic[0] ?? (m.intents.includes('share') && m.previousYear ? { op: 'growth' as const, text: '' } : inPercent);
  const reference = referenceOf(text, m);
  return {
    set: set ?? null,
    conditions: m.conditions.map((c) => {
      const unit = unitOf(c);
      const stage = unit === 'yuan' ? stageBefore(text, c.start) : undefined;
      return {
        op: c.op,
        value: c.unit === null && unit === 'yuan' ? c.value * 10_000 : c.value,
        upper: c.upper === null ? null : c.unit === null && unit === 'yuan' ? c.upper * 10_000 : c.upper,
        unit,
        unitTyped: c.unit !== null,
        text: c.text,
        ...(stage ? { stage } : {}),
      };
    }),
    // 第二个比第三个多多少: two items with 比 between them are a difference.
    // 哪个多, 二者谁多: which of two is larger, answered by their difference.
    arithmetic: op ? { op: op.op, direction: comparison?.direction ?? null, text: op.text, count: m.counted[0]?.count ?? null } : comparison ? { op: 'difference', direction: comparison.direction, text: comparison.text } : reference?.kind === 'these' && (reference.picks || WHICH_MORE.test(text)) ? { op: 'difference', direction: null, text: reference.picks ? '比' : (WHICH_MORE.exec(text)?.[0] ?? reference.text) } : null,
    reason: m.reason,
    ...(m.reason && REASON_PARTS.test(text) ? { changeParts: true } : {}),
    reference,
    catalogue: m.catalogue,
  };
}

/** 那辆车是哪年买的: when it happened, asked. */
function whenOf(text: string): Pick<StructuredQuery, 'when'> {
  const when = WHEN_ASKED.exec(text);
  return when ? { when: { text: when[0] } } : {};
}

/**
 * 曲阳有几个项目绩效目标表, 北票哪些项目有自评表: how many 绩效 tables of projects, or which, is how many projects have one, or
 * which (a document may print one table per project or all in one) — not the list of the document's tables. 整体 asks the
 * units' own.
 */
function blocksCounted(q: StructuredQuery): StructuredQuery {
  if (q.intent !== 'list' || q.listOf !== 'tables' || q.table?.number || !/(?:绩效|自评)\S*表/.test(q.text) || q.asked?.titles?.includes('整体')) return q;
  const { table: _table, ...rest } = q;
  return { ...rest, intent: 'performance', listOf: null, countAsked: true, arithmetic: null };
}

/** 后者比前者多多少: the later of the two figures answered first (shapes.json references.pair). */
const LATTER = new Set(shapes.references.pair.latter);
const PAIR = new Set([...shapes.references.pair.former, ...shapes.references.pair.latter]);
/** 哪个多, 谁高: which of the two figures answered last is larger (shapes.json references.whichMore). */
const WHICH_MORE = new RegExp(`(?:${alternation(shapes.references.whichMore.which)})的?(?:${alternation(shapes.references.whichMore.more)})`);

/** 比倒数第二, 那比第一名: 比 first in the question, with nothing before it to compare. */
const THAN_FIRST = new RegExp(`^\\s*(?:那|那么)?\\s*(?:${alternation(shapes.arithmetic.than)})\\s*$`);

/** 这, 那, 的 around a count (这3个, 这两个的差) only point. */
const POINTERS = ['这', '那', '的'];

function referenceOf(text: string, m: Mentions): StructuredQuery['reference'] {
  // 功能科目里排最后的: an item of a list is what is pointed at; 里 only says which list.
  const pointing = m.references.filter((r) => r.ref !== 'owner');
  // 第二个比第三个多多少, 第一名和第二名差多少, 第一个和最后一个加起来: two items of one list, computed on.
  // 它比倒数第二少多少, 它和第一名差多少: the thing answered last (它, not 它的) and an item of the list, computed on.
  const itemOrIt = (r: (typeof pointing)[number]) => r.ref === 'item' || r.ref === 'last' || (r.ref === 'it' && !r.text.endsWith('的'));
  const items = pointing.filter(itemOrIt).sort((a, b) => a.start - b.start);
  // 比倒数第二少多少 typed first: 它 is understood before 比.
  if (items.length === 1 && items[0]!.ref !== 'it' && THAN_FIRST.test(text.slice(0, items[0]!.start))) items.unshift({ ref: 'it', index: 0, text: '', start: 0, end: 0 });
  if (items.length >= 2 && items.some((r) => r.ref !== 'it') && (m.arithmetic.length > 0 || text.slice(items[0]!.end, items[1]!.start).includes('比'))) {
    const picks = items.map((r): ItemPick => (r.ref === 'it' ? { index: 0, fromEnd: false, it: true } : { index: Math.abs(r.index), fromEnd: r.ref === 'last' || r.fromEnd === true }));
    return { kind: 'these', count: picks.length, text: items.flatMap((r) => (r.text ? [r.text] : [])).join('、'), picks };
  }
  const reference = pointing.find((r) => r.ref === 'item' || r.ref === 'last') ?? pointing[0];
  // 这2个加起来, 3家一共: a count of things in arithmetic that names nothing counts earlier answers.
  const counted = m.counted[0];
  const namesNothing = m.entities.length + m.targets.length + m.sets.length + m.residue.filter((r) => !POINTERS.includes(r.text)).length === 0;
  if (!reference && counted && m.arithmetic.length > 0 && namesNothing) return { kind: 'these', count: counted.count, text: counted.text };
  // 哪个多, 谁高 naming nothing: the two figures answered last, compared.
  const which = !reference && namesNothing && m.sets.length === 0 ? WHICH_MORE.exec(text) : null;
  if (which) return { kind: 'these', count: 2, text: which[0] };
  if (!reference) return null;
  // 前者比后者多多少, 后者是前者的几倍: the two answered last, in the order the words name them.
  if (reference.ref === 'these' && PAIR.has(reference.text)) return { kind: 'these', count: 2, text: reference.text, reversed: LATTER.has(reference.text) };
  if (reference.ref === 'item' || reference.ref === 'last') return { kind: 'item', index: Math.abs(reference.index), fromEnd: reference.ref === 'last' || reference.fromEnd === true, text: reference.text };
  if (reference.ref === 'these') return { kind: 'these', count: reference.index || null, text: reference.text };
  return reference.ref === 'owner' ? null : { kind: reference.ref, text: reference.text };
}

const BASIS = new RegExp(`(?:${alternation(shapes.statedBasis.by)})(.+?)的?(?:${alternation(shapes.statedBasis.rate)})`);

/**
 * 这个钱是按工资总额的多少比例筹的: the rate the text states, never a share computed. The words naming the basis
 * (工资总额, read as 工资福利支出) are no figure asked, nor unknown words to refuse over.
 */
function statedBasis(text: string, m: Mentions, found: Found): StructuredQuery['basis'] {
  const match = m.intents.includes('share') && !m.shareBase ? BASIS.exec(text) : null;
  if (!match) return undefined;
  const [start, end] = [match.index, match.index + match[0].length];
  const inside = (word: string) => {
    const at = text.indexOf(word, start);
    return at >= start && at + word.length <= end;
  };
  found.targets = found.targets.filter((t) => !inside(t.text));
  found.unknown = found.unknown.filter((w) => !inside(w));
  return { text: match[1]!.replace(/[\s\p{P}]/gu, '') };
}

/**
 * 哪些支出比上年增加了, 哪项支出降幅最大: 支出 listed or ranked by how it changed from last year is every figure spent
 * (each subject's …), not the total.
 */
function spendingListed(m: Mentions, found: Found): void {
  const [only] = found.targets;
  const ranked = m.changes?.order != null;
  if (!((m.intents.includes('list') && m.previousYear) || ranked) || found.targets.length !== 1 || only!.kind !== 'metric' || only!.key !== 'expenditure.grand_total' || only!.text !== '支出') return;
  found.targets = [];
  m.spendingListed = true;
  if (ranked) m.changes = { ...m.changes!, spending: true };
}

const SPENT_WHERE = new RegExp(alternation(words.spentWhere));
// 钱, 资金, 经费 (words.json moneyWords): the money whose use is asked, no name.
const MONEY_WORD = new RegExp(alternation(words.moneyWords.words), 'g');

/** Words not understood that are not the asking words' own (的钱从哪来, or the 儿 of 花哪儿了 read alone). */
function outsideAsking(unknown: string[], asked: string, asking: RegExp): string[] {
  const words = meaningful(asked);
  return unknown.filter((w) => {
    const left = meaningful(w.replace(asking, ''));
    return left !== '' && !words.includes(left);
  });
}
const BY_CLASSIFICATION = new RegExp(alternation(words.byClassification.words));

/**
 * 抚顺医保局的钱主要花在哪: where a department's money goes, nothing named, is its largest parts — the 功能分类
 * subjects at their first level (类), largest first. So is its spending broken down by a classification (支出按经济分类:
 * that classification's 类, as rank.ts reads 经济 in the text).
 */
function whereSpent(text: string, m: Mentions, entities: EntityRef[], found: Found): StructuredQuery['level'] {
  // 支出按功能分类, 分功能看支出: 支出 typed beside the classification is the spending broken down, not a figure asked.
  const byClass = BY_CLASSIFICATION.test(text) && m.arithmetic.length + m.references.length === 0 && !m.previousYear && !m.changes;
  if (byClass && found.targets.length === 1 && found.targets[0]!.kind === 'metric' && found.targets[0]!.key === 'expenditure.grand_total') found.targets = [];
  // 钱花哪儿了, 都花在什么地方: the asking words are no name (儿, 去) nor a list of departments (地方).
  const spent = SPENT_WHERE.exec(text);
  const unknown = spent ? outsideAsking(found.unknown, spent[0], SPENT_WHERE) : found.unknown;
  // 经费都用在了哪些方面 read loosely as a project's name (的经费用在了): the asking words are no name either.
  const candidates = spent ? found.candidates.filter((c) => outsideAsking([c.text.replace(MONEY_WORD, '')], spent[0], SPENT_WHERE).length > 0) : found.candidates;
  const listTargets = spent ? m.listTargets.filter((l) => l.end <= spent.index || l.start >= spent.index + spent[0].length) : m.listTargets;
  const nothingNamed = found.targets.length + candidates.length + unknown.length + listTargets.length + m.sets.length + m.conditions.length === 0;
  if (!nothingNamed || entities.length > 1 || !(spent || byClass)) return undefined;
  found.unknown = unknown;
  found.candidates = candidates;
  m.listTargets = listTargets;
  // With no department named, a follow-up (沈阳 公用经费 → 主要花在哪, 支出总计 → 都花在什么地方): the parts of the figure
  // answered before, as 明细 asks them.
  // After the department named alone (曲阳 → 都花在哪些方面), its largest parts: 类 says so (dialog.ts mergeContext).
  if (entities.length === 0) {
    m.intents = [...m.intents.filter((i) => i !== 'list' && i !== 'rank'), 'breakdown'];
    return '类';
  }
  m.intents = [...m.intents.filter((i) => i !== 'breakdown' && i !== 'list'), 'rank'];
  m.scopes.push('subjects');
  return '类';
}

/** 款级科目, 类级, 7位编码的科目, 按类排: the level of subjects named (a code's length is its level: 类 3, 款 5, 项 7 digits). */
function levelNamed(text: string): StructuredQuery['level'] {
  const digits = /([357])位数?编码/.exec(text)?.[1];
  const named = /([类款项])级/.exec(text)?.[1] ?? (digits ? { 3: '类', 5: '款', 7: '项' }[digits] : undefined) ?? (/类/.test(text.replace(/分类/g, '')) ? '类' : undefined);
  return named as StructuredQuery['level'];
}

const PEOPLE_PAID = new Set(words.besideNames.words);

/**
 * 医保中心的人出差报多少差旅费: a word for people (人, 职工) typed before money paid to them says who is paid, not a
 * headcount asked (培训多少人 ends with the people it counts).
 */
function peoplePaid(m: Mentions, found: Found, countMetrics: ReadonlySet<string>): void {
  const count = (t: { kind: string; key?: string }) => t.kind === 'metric' && countMetrics.has(t.key!);
  const paid = new Set(m.targets.filter((p) => count(p) && PEOPLE_PAID.has(p.text) && m.targets.some((q) => !count(q) && q.start >= p.end)).map((p) => p.text));
  if (paid.size > 0) found.targets = found.targets.filter((t) => !(count(t) && paid.has(t.text)));
}

const SCORE_ASKED = new RegExp(alternation(words.scoreAsked));

/**
 * 项目平均得分, 各项目自评得分平均多少: the projects' average score is the one the text states (项目绩效自评平均分),
 * never one project's score; where none is stated it is not found (over a set, each department's as stated).
 */
function statedAverage(text: string, m: Mentions, found: Found): void {
  const [average] = m.arithmetic;
  if (m.arithmetic.length !== 1 || average!.op !== 'average' || found.candidates.length + found.unknown.length > 0) return;
  const [only] = found.targets;
  const scores = found.targets.length === 1 && only!.kind === 'metric' && only!.key === 'project.self_eval_score';
  const projectsScored = found.targets.length === 0 && m.listTargets.some((l) => l.target === 'projects') && SCORE_ASKED.test(text);
  if (!scores && !projectsScored) return;
  found.targets = [{ kind: 'metric', key: 'self_eval.project_average', text: average!.text }];
  m.arithmetic = [];
  m.listTargets = m.listTargets.filter((l) => l.target !== 'projects');
  m.intents = m.intents.filter((i) => i !== 'performance');
}

// 给本单位职工交的: the words of a describing clause that only pay or point (shapes.json described).
const PAYING = new RegExp(alternation(shapes.described.paying), 'g');
const ROWS_NAMED: ReadonlySet<string> = new Set(shapes.described.rowsNamed);
// 局长的工资: a clause naming one person or post asks that person's own figure, never the whole bill (shapes.json described.persons).
const PERSON = new RegExp(alternation(shapes.described.persons));
// 曲杨医保局的邮电费: the department phrase, its place typo'd or not, ends before any clause (grammar/places.json organisations).
const DEPARTMENT_WORD = new RegExp(alternation(places.organisations.forms.flatMap((f) => [f.printed, ...f.short])), 'g');

// 钱, 经费, 收入 (words.json moneyWords, incomeFrom.income) before the asking words.
const INCOME_FROM = new RegExp(`(?:${alternation([...words.moneyWords.plain, ...words.moneyWords.words, ...words.incomeFrom.income])})(?:${alternation(words.incomeFrom.asking)})|${alternation(words.incomeFrom.words)}`);

/** 北票的钱主要来自哪里: where a department's money comes from, nothing named, is the parts of its 收入总计. */
function whereFrom(text: string, m: Mentions, entities: EntityRef[], found: Found): void {
  // The asking words are no name (的钱从哪来, or the 来 of 钱是哪来的, read as an unknown word).
  const asking = INCOME_FROM.exec(text)?.[0] ?? '';
  const unknown = outsideAsking(found.unknown, asking, INCOME_FROM);
  // 的资金是从哪里来的 read loosely as a project's name: the asking words are no name either.
  const candidates = found.candidates.filter((c) => outsideAsking([c.text], asking, INCOME_FROM).length > 0);
  // 收入主要来自哪里: the income named is the whole asked of.
  const income = found.targets.every((t) => t.kind === 'metric' && t.key.startsWith('income.'));
  const nothingNamed = income && candidates.length + unknown.length + m.listTargets.length + m.sets.length + m.conditions.length === 0;
  if (!nothingNamed || entities.length !== 1 || m.previousYear || m.changeAsked || !asking) return;
  found.unknown = [];
  found.candidates = [];
  found.targets = [{ kind: 'metric', key: 'income.grand_total', text: asking }];
  m.intents = ['breakdown'];
  m.reason = false;
  m.sources = false;
}

/** 项级科目支出超过五十万: 支出 said of the subjects under a condition is their amounts, not the 支出总计 beside them. */
function subjectsSpending(m: Mentions, found: Found): void {
  const [only] = found.targets;
  if (m.scopes.includes('subjects') && m.conditions.length > 0 && found.targets.length === 1 && only!.kind === 'metric' && only!.key === 'expenditure.grand_total' && only!.text === '支出') found.targets = [];
}

/**
 * 那些补助资金有没有超过1.5亿的: a loose name under a condition names every project it holds, and the condition
 * picks among them; asked back only when nothing is conditioned.
 */
function loosely(m: Mentions, found: Found, holding: (word: string) => string[]): StructuredQuery['within'] {
  const [first] = found.candidates;
  if (!first || m.conditions.length === 0 || m.sets.length > 0 || found.targets.length > 0 || found.candidates.some((c) => c.kind !== 'project' || c.text !== first.text)) return undefined;
  const names = holding(first.text);
  if (names.length === 0) return undefined;
  found.candidates = [];
  return { text: meaningful(first.text), names };
}

/** 莲湖一共多少钱？五百多万吗: the question asked before a last clause (the amount offered after it). */
const ASKED_BEFORE = /^(.+?)[？?，,。！!]\s*[^？?，,。！!]+[？?。！!]*\s*$/;

/** One sum of money of one department asked alone: what a number typed after it is an amount of. */
function oneSumNamed(q: StructuredQuery): boolean {
  const [t] = q.targets;
  if (q.targets.length !== 1 || q.entities.length > 1 || q.set || q.listOf !== null || (q.intent !== 'lookup' && q.intent !== 'breakdown') || q.conditions.length > 0 || q.check || q.arithmetic || q.reference) return false;
  return t!.kind !== 'metric' || metricOf(t!.key).kind === 'money';
}

/**
 * 它要印多少册, 那平均每人多少, 它超过10万了吗: how the message asks a count or a figure per target, or yes or no against an
 * amount, read as typed, on the query read of it (a follow-up's reply reads them of what it points at).
 */
function withTyped(typed: string, u: Understood, yesNo: YesNo | null): Understood {
  if (!u.ok) return u;
  const asked = typedAsked(typed, yesNo);
  if (!(asked.targetAsked || asked.yesNoAsked || asked.nameAsked)) return u;
  const q = u.query;
  // 医保支付方式改革要培训几批: a count asked in a measure word of a project named and a doing that is also a figure — the
  // project's indicator the doing names, never the project compared with 培训费.
  const doing = doingOfProject(q.targets);
  const doings = asked.targetAsked && q.arithmetic === null && !q.previousYear && !q.reason ? q.targets.filter(doing) : [];
  const ofProject = doings.length > 0 && doings.length === q.targets.length - 1;
  const named = ofProject ? { targets: q.targets.filter((t) => !doing(t)), unknown: [...q.unknown, ...doings.map((t) => t.text)], intent: q.intent === 'compare' ? ('lookup' as const) : q.intent } : {};
  return { ...u, query: { ...q, ...named, ...asked } };
}

/** `built`: the lexicon and project index stored at ingest (src/query/artefacts.ts); computed here when absent. */
export function createUnderstander(catalog: Catalog, built: { lexicon?: Lexicon; search?: SearchIndexData } = {}): Understander {
  const lexicon = built.lexicon ?? assembleLexicon(lexiconData(catalog));
  const tokens = buildTokens(lexicon);
  const parser = createParser(tokens);
  const visitor = createMentionsVisitor(parser);
  // Built on the first latin question only: it is a third of the start-up, and most people type Chinese.
  let pinyin: ((text: string) => string) | null = null;
  const normalized = (raw: string, text = normalizeQuestion(raw)) =>
    /[a-z]/.test(text) ? (pinyin ??= createPinyinResolver(lexicon.phrases(), lexicon.projectNames()))(text) : text;
  const projects = lazyProjectSearch(() => buildProjectSearch(catalog.projects, built.search));
  // Made when a question first tells projects apart: a question naming none never reads every project.
  let projectNames: Map<number, string> | null = null;
  const projectName = (id: number) => (projectNames ??= new Map(catalog.projects.map((p) => [p.id, p.name]))).get(id);
  const subjectByCode = new Map(catalog.subjects.flatMap((s) => s.codes.map((c) => [c, s] as const)));
  const countMetrics = new Set(metrics.filter((x) => x.kind === 'count').map((x) => x.key));
  const homophones = createHomophones(lexicon.phrases);
  /** The structured query of a normalised question. */
  const read = (text: string): Understood => {
    // A parse that skipped tokens could answer another question than the one asked.
    let m = mentionsOf(text, tokens, parser, visitor);
    if (m === null) return { ok: false, reason: 'unparsed' };
    // Words the lexicon does not know may name a place no document held lies in (大连市医保局): read again for them.
    if (m.residue.some((r) => /[\u4e00-\u9fff]/.test(meaningful(r.text)))) {
      const again = mentionsOf(text, tokens, parser, visitor, true);
      if (again?.foreign.length) m = again;
    }
    if (m.refusals.length > 0) return { ok: false, reason: 'number', message: m.refusals.join('') };
    // How the question asks (in per cent, a rise or a fall, the money of the projects): its words read once, here.
    const asked = askedOf(text);
    askedHoldings(m);
    // 辽宁省内的几个医保局: 辽宁的, when that reads a place's set.
    const inPlace = withinPlace(text, m);
    const again = inPlace === null ? null : read(inPlace);
    if (again?.ok && again.query.set?.places.length) return again;
    // 除了沈阳, 不算决算的话: what a set leaves out is no department or stage asked of.
    const except = exclusionsOf(text, m);
    ratioInPercent(text, m);
    ratioOfPair(text, m);
    perHeadOfPeople(text, m);
    // 平均下来每名离休干部: 平均 before a per-head (per-unit) word says the same division, not an average of figures;
    // 人员经费除以实有人数，人均多少: 除以 beside a per-head word is that division, not a ratio of money to people.
    if (m.arithmetic.some((a) => a.op === 'per_head' || a.op === 'per_unit' || a.op === 'per_month')) m.arithmetic = m.arithmetic.filter((a) => a.op !== 'average' && !(a.op === 'ratio' && shapes.perHead.divides.includes(a.text)));
    settleTable(m);
    const since = sinceYear(text, asked, m);

    const found: Found = { targets: [], candidates: [], unknown: [] };
    // 沈阳市医疗保障局 where only its 中心 is held: an organisation not held, named as such.
    m.foreign.push(...unheldOrganisations(m, catalog), ...ownBureaus(m));
    // Each department or unit once, and a place beside its own unit only says where the unit is.
    const entities = entitiesOf(m);
    // 长春 朝阳区: a place typed apart says which of the departments a shared name goes by.
    narrowByPlace(entities, m);
    placesBeforeDepartments(text, m);
    // 抚顺 医保中心: the unit at the place named; before the scope, which it may narrow.
    found.unknown.push(...placeUnitOrgs(entities, m.unitOrgs, catalog.departmentsGoingBy));
    // 辽宁的医保中心: of the units going by the word, those lying in the place typed are asked back.
    narrowByPlace(entities, m);
    looseUnitWords(text, m, entities);
    // 抚顺 本级: the department's own level, never its total.
    found.unknown.push(...placeOwnLevel(entities, m, catalog));
    // 车辆 价值: before phrases, so a qualifier is not read as part of a name.
    found.unknown.push(...applyQualifiers(m));
    // 有几辆公务用车: the count, never the money row; 打算买多少钱的固定资产: the purchase planned, not the stock.
    applyCountedBy(text, m);
    applyPurchase(m);
    spendingOfBase(m);
    // Loose project names are looked for only in the documents of the departments named.
    const scope = scopeOf(catalog, entities);
    // Words typed together are one phrase; 与/和 inside a project's name joins its two sides back.
    const phrases = phrasesOf(m);
    const closeTo = (p: Span) => closeName(closestNames(projects, meaningful(text.slice(p.start, p.end)), scope));
    const whole = joinNames(phrases, m.conjunctions, (joined, left, right) => {
      if (!closeTo(joined)) return false;
      // 困难群众医疗保障资金和离休医疗保障: each side naming a project of its own is two things asked, not one name.
      const [a, b] = [closeTo(left), closeTo(right)];
      return !(a && b && a[0]!.project.nameKey !== b[0]!.project.nameKey);
    });
    // A phrase with an unknown word in it is one name (举报奖金): the known words inside are its parts.
    const compound = compoundPhrases(phrases, m, whole);
    // The known words outside those names are what is asked.
    mentionedTargets(text, m, compound, catalog, subjectByCode, scope, found, (word) => {
      const close = closeName(closestNames(projects, word, scope));
      // Named after the word (物业费、水电费（保运转）), not merely holding it (劳务派遣人员工资经费 for 工资).
      return close?.[0]!.project.name.startsWith(word) ? { kind: 'project', name: close[0]!.project.name, ids: close.map((h) => h.project.id), text: word, fuzzy: true } : undefined;
    });
    // Then the rest: loose project names, typos, or words not understood.
    const money = readLeftovers(leftoverWords(text, m, phrases, compound), projects, scope, found);
    peoplePaid(m, found, countMetrics);
    // Without 和/与, several things read from one phrase split by a space are doubted.
    // 人均…按实有人员: a headcount beside a figure is what it is divided by, not a phrase split by a space.
    // 固定资产其中车辆, 固定资产除去车辆: a word of containment or a difference between them says the second is a part of the first.
    projectColumn(m, found);
    projectScore(m, found);
    partColumn(text, m, found);
    bracketedItems(text, m, found, () => (scope ? [...scope].flatMap((id) => catalog.projectsOf(id)) : catalog.projects));
    const ofWhole = partsOfWhole(text, m, found);
    if (!m.arithmetic.some((a) => a.op === 'per_head' || a.op === 'per_unit') && !ofWhole) doubtSplitPhrases(m.conjunctions, whole, countMetrics, found);
    // 中央和省里下达的…资金: words elsewhere in the question tell apart the projects a loose name matched.
    fundsSharingTail(text, m, found, (word) => projects.search(word, scope));
    distinguishProjects(text, m, found, projectName);
    // 省财政的…资金比中央的少: 比 between loose words that read as fewer than two figures is not understood, never one figure answered.
    const loose = m.comparisons.find((c) => c.loose);
    // 两项…资金加一块 read as one project: fewer things than the count says are asked back, never one answered.
    const count = m.counted[0]?.count ?? 0;
    const fuzzy = found.targets.filter((t): t is Extract<Target, { kind: 'project' }> => t.kind === 'project' && t.fuzzy);
    if (m.arithmetic.length > 0 && count > found.targets.length && fuzzy.length > 0 && fuzzy.length === found.targets.length) {
      found.targets = [];
      found.candidates.push(...fuzzy.map((t) => ({ kind: 'project' as const, name: t.name, ids: t.ids, text: t.text })));
    }
    const unread = loose && m.residue.some((r) => r.start >= loose.end && meaningful(r.text) !== '');
    if (unread && found.targets.length + found.candidates.length < 2 && entities.length < 2 && !m.previousYear) found.unknown.push(text.slice(loose.start).trim());
    peopleAfterEach(text, m, found);
    peopleBeforeEach(text, m, found);
    const heads = typedHeads(text, m, found);
    partAfterWhole(text, m, found);
    samePairedOnce(m, entities, found);
    wholeBudget(text, asked, m, entities, found);
    countedSet(text, m, entities);
    sumInName(text, m, found);
    describedDepartment(text, m, entities);
    ownDepartments(text, m, entities, found);
    whichUnitMore(text, m, entities, found);
    baseBefore(text, m, found);
    shareWithin(text, m, found);
    partNamed(text, m, found, catalog.subjects);
    subjectsSpending(m, found);
    spendingListed(m, found);
    statedAverage(text, m, found);
    whereFrom(text, m, entities, found);
    const level = whereSpent(text, m, entities, found) ?? levelNamed(text);
    const category = projectCategory(text, m, found);
    const titledTables = twoNamedTables(text, m, found);
    const bounded = changeBound(asked, m, found);
    const compared = bounded ? undefined : changesCompared(text, asked, m, entities, found.targets, since);
    const basis = statedBasis(text, m, found);
    const within = loosely(m, found, (word) => namesHolding(projects, meaningful(word), scope));
    const query = blocksCounted({ ...excluding(queryOf(text, asked, m, entities, found), except), ...(basis ? { basis } : {}), ...(level ? { level } : {}), ...(category ? { category } : {}), ...(bounded ? { changeBound: bounded } : {}), ...(titledTables ? { titledTables, intent: 'arithmetic' as const, listOf: null, table: undefined, tables: undefined } : {}), ...(within ? { within } : {}), ...(since === undefined ? {} : { since }), ...(compared ? { changesCompared: compared, changes: null } : {}), ...(money ? { money } : {}) });
    return { ok: true, query: heads && query.arithmetic?.op === 'per_head' ? { ...query, arithmetic: { ...query.arithmetic, heads } } : query };
  };
  // 有多少离休干部: the words asking how many people are fillers to the normalised text (有多少), so they are read as typed.
  // 买的是什么车: the words asking what kind are fillers too (是什么), and read as typed; the rest is read without them.
  const understand = (message: string): Understood => {
    // 几个服务人员 asks as 多少服务人员 does: its 个 is no measure of its own.
    const typed = typeof message === 'string' ? peopleCounted(message) : message;
    // Read once: the bound the question is checked against, and how its answer words the verdict.
    const yesNo = yesNoOf(typed);
    return withTyped(typed, everyOver(typed) ?? noneOver(typed) ?? someOver(typed) ?? zeroOver(typed) ?? understandAsked(typed, yesNo), yesNo);
  };
  /** 北票的项目都是满分吗: the projects held to the bound, asked whether all meet it (query/every.ts); null when it is not such a question. */
  const everyOver = (typed: string): Understood | null => {
    const read = everyOf(typed);
    const u = read === null ? null : understandTyped(read);
    const every = u?.ok ? everyQuery(u.query) : null;
    if (every) return { ok: true, query: every };
    // 抚顺全部项目花了多少: read again only when the words ask it (a pattern built once), never for every question.
    const whole = allAsked(typed) ? understandTyped(typed) : null;
    const summed = whole?.ok ? allSummed(whole.query) : null;
    return summed ? { ok: true, query: summed } : null;
  };
  /**
   * 哪个地方三公经费一分都没有, 哪家一分公务接待费都没有, 因公出国费没有安排的医保局: over the departments, the figure is 0 (为零,
   * shapes.json sets.none.zero). Of one department named it stays a question whether (抚顺公务用车购置费一分钱都没有吗: 没有：…).
   */
  const zeroOver = (typed: string): Understood | null => {
    const read = typeof typed === 'string' ? nothingAtAll(typed) : typed;
    if (read === typed) return null;
    const u = understandAsked(read);
    return u.ok && u.query.entities.length === 0 ? u : null;
  };
  /**
   * 哪家没有公务用车购置费, 没有三公经费的医保局有哪些: the departments whose figure is 0 — the figure typed right after the
   * word of absence, asked over the departments (shapes.json sets.none), read as 等于0. Null when it is not such a question.
   */
  const noneOver = (typed: string): Understood | null => {
    const word = typeof typed === 'string' ? NONE.exec(typed) : null;
    if (!word) return null;
    const without = `${typed.slice(0, word.index)}${typed.slice(word.index + word[0].length)}`;
    const u = understandAsked(without);
    if (!u.ok || u.query.entities.length > 0 || u.query.targets.length !== 1 || u.query.conditions.length > 0 || !(u.query.set || /[哪谁]/.test(typed))) return null;
    const [t] = u.query.targets as [Target];
    if (t.kind === 'project' || !without.startsWith(t.text, word.index)) return null;
    const end = word.index + t.text.length;
    return understandAsked(`${without.slice(0, end)}等于0${without.slice(end)}`);
  };
  /**
   * 哪个医保局列了住房公积金, 哪几家安排了公务接待费, 有没有哪个单位有离休干部医药费: the departments holding the figure typed right
   * after a verb of holding, asked with a which-word over the departments (shapes.json sets.some), read as 大于0 — the
   * opposite of noneOver. Null when it is not such a question (a ranking, a department named, a condition typed).
   */
  const someOver = (typed: string): Understood | null => {
    if (typeof typed !== 'string' || !SOME_WHICH.test(typed)) return null;
    for (const word of typed.matchAll(SOME)) {
      const at = word.index;
      // The which-word before the verb, a figure after it (北票有哪些项目, 哪个有多少 are no such question): read again only then.
      if (!SOME_WHICH.test(typed.slice(0, at)) || SOME_NOT_BEFORE.test(typed.charAt(at + word[0].length))) continue;
      const without = `${typed.slice(0, at)}${typed.slice(at + word[0].length)}`;
      const u = understandAsked(without);
      if (!u.ok || u.query.entities.length > 0 || u.query.targets.length !== 1 || u.query.conditions.length > 0 || u.query.ordered || u.query.arithmetic) continue;
      const [t] = u.query.targets as [Target];
      if (!without.startsWith(t.text, at)) continue;
      const end = at + t.text.length;
      // 元 typed: the 0 is read as money (never 0分 of a 分别 after it), which bounds a count too (conditions.ts).
      const some = understandAsked(`${without.slice(0, end)}大于0元${without.slice(end)}`);
      // 谁列了职业年金: 谁 with no department named nor pointed back at (这两家谁) is the set, as 哪个单位 is.
      const who = some.ok && WHO.test(typed.slice(0, at)) && !some.query.reference;
      if (some.ok && (some.query.set || some.query.asked?.departmentWhich || who) && some.query.conditions.length === 1 && some.query.conditions[0]!.unit === 'yuan') return some;
    }
    return null;
  };
  /** `read`: yesNoOf(typed) when the caller has it already. */
  const understandAsked = (typed: string, read?: YesNo | null): Understood => {
    const alternatives = offeredOf(typed);
    if (alternatives) {
      const u = understandAsked(alternatives.text);
      return u.ok ? { ...u, query: { ...u.query, offered: alternatives.amounts } } : u;
    }
    // 邮电费180吗: a number asked of one sum of money named is an amount, never a subject's code.
    const one = oneOfferedOf(typed);
    const asked = one ? understandAsked(one.text) : null;
    if (asked?.ok && oneSumNamed(asked.query)) return { ...asked, query: { ...asked.query, offered: one!.amounts } };
    const only = onlyPartOf(typed);
    if (only) return only;
    const yesNo = read === undefined ? yesNoOf(typed) : read;
    const u = understandTyped(yesNo ? yesNo.text : typed);
    if (!yesNo || !u.ok) return u;
    const q = checked(u.query, yesNo);
    // 莲湖一共多少钱？五百多万吗: the question before the amount names the department alone — its whole is checked, never
    // its projects held to the amount.
    const [c] = u.query.conditions;
    const before = !q.check && c && u.query.conditions.length === 1 && u.query.targets.length === 0 && c.unit === 'yuan' && c.unitTyped ? ASKED_BEFORE.exec(typed) : null;
    const whole = before ? understandTyped(before[1]!) : null;
    if (whole?.ok && whole.query.targets.length === 1 && !whole.query.set && whole.query.conditions.length === 0 && whole.query.intent === 'lookup') return { ...whole, query: { ...whole.query, check: checkOf(c!, yesNo) } };
    return { ...u, query: wholeChecked(q, yesNo) };
  };
  /**
   * 三公经费是不是只有公车运行费: the whole and the part, read as typed without the words asking; the whole is looked up and
   * the part said to be its only one or not. Anything else read there (one thing, a set, a list) is not this shape.
   */
  const onlyPartOf = (typed: string): Understood | null => {
    const short = typeof typed === 'string' && typed.length < 200;
    const besides = short ? BESIDES_PART.exec(typed) : null;
    const m = besides ?? (short ? ONLY_PART.exec(typed) : null);
    if (!m) return null;
    const u = understandTyped(`${m[1]} ${m[2]}`);
    if (!u.ok) return null;
    const q = u.query;
    if (q.targets.length !== 2 || q.set || q.entities.length > 1 || q.arithmetic || q.conditions.length > 0 || q.candidates.length > 0 || q.unknown.length > 0) return null;
    return { ...u, query: { ...q, intent: 'lookup', targets: [q.targets[0]!], onlyPart: q.targets[1]!, reference: null, yesNo: false, ...(besides ? { othersAsked: true } : {}) } };
  };
  const understandTyped = (typed: string): Understood => {
    const raw = typeof typed === 'string' ? peopleNamed(typed) : typed;
    const kind = typeof raw === 'string' ? describeAsked(raw) : null;
    // 总体目标里的参保率: what follows the goal's name is looked for in its text, not read as names.
    const goal = typeof raw === 'string' && !kind ? GOAL_TEXT.exec(raw) : null;
    // Nothing before the goal's name (总体目标里的比例是多少): the goal of what was answered last, as 它的 says.
    const before = goal ? raw.slice(0, goal.index).trim() || '它的' : '';
    // 还有离休干部没有: the ending asking whether is no word of what is asked (离休干部没 is no name).
    const unitKind = typeof raw === 'string' ? UNIT_KIND.exec(raw) : null;
    const read = (kind ? kind.rest : goal ? before : raw).replace(WHETHER_END, '').replace(WHETHER_PEOPLE, ' ').replace(UNIT_KIND, '单位');
    // 单价超过10万元的: a row column named is read apart, so the rest reads as typed (政府采购 超过10万元的).
    const column = typeof read === 'string' ? ROW_COLUMN.exec(read) : null;
    // 政府采购小计合计: the subtotal rows asked, read apart too (政府采购 合计).
    const columnRead = column ? read.replace(column[0], ' ') : read;
    const subtotals = typeof columnRead === 'string' ? SUBTOTALS.exec(columnRead) : null;
    const subtotalRead = subtotals ? columnRead.replace(subtotals[0], ' ') : columnRead;
    // 补助的人数在五人以上的项目: the bound read apart, on the question with its numerals as digits.
    // Normalised once: without a bound, that text is what understandText reads.
    const normal = typeof subtotalRead === 'string' && subtotalRead.length < 200 ? normalizeQuestion(subtotalRead) : undefined;
    const bound = normal !== undefined ? targetBoundOf(normal) : null;
    const u = bound ? understandText(bound.rest) : understandText(subtotalRead, normal);
    if (!u.ok) return u;
    // The indicator's words: those typed before the bound, the department's name and linking words left out.
    const words = bound ? u.query.entities.reduce((w, e) => w.replace(e.text, ''), bound.before).replace(/^(?:的|有|在|哪些|哪个|哪几个|哪一个|哪几项)+(?:项目)?(?:的|里|中)?|(?:的|在|里|中|是|为)+$/g, '').trim() : '';
    const whether = YES_NO.test(raw);
    const countCheck = countCheckOf(u.query.text, u.query.targets, whether);
    const low = u.query.reason && u.query.targets.length > 0 && u.query.intent === 'compare' && u.query.arithmetic === null && LOW.test(raw);
    // 为什么没花完, 执行率不高是为什么: a 决算 said to fall short of its budget (a 预算 has spent nothing yet).
    const short = u.query.reason && (SHORT_OF_BUDGET.test(raw) || u.query.arithmetic?.op === 'remaining');
    // 不及格的项目: the bound the grade was read as, said with the answer.
    const graded = typeof raw === 'string' && u.query.conditions.some((c) => c.unit === 'score') ? gradesTyped(raw).map((g) => `“${g.word}”按自评得分${g.bound}理解。`) : [];
    // 执行率不高的项目: no threshold typed — all listed in order, said so.
    const vague = typeof raw === 'string' ? vagueTyped(raw).map((v) => `“${v.word}”没有给出具体标准，以下按${v.measure}${v.order}列出全部，供判断。`) : [];
    // 给自己职工交的医疗保险: the paying words read as 职工, said with the item they were read into (职工医疗保险), or alone
    // where the item is named without it (单位给职工交的住房公积金).
    const staffItem = u.query.targets.find((t) => t.text.startsWith(STAFF_READ))?.text;
    const readAs = (w: string) => (staffItem ? `“${w}${staffItem.slice(STAFF_READ.length)}”按“${staffItem}”理解。` : `“${w}”按“${STAFF_READ}”理解。`);
    const paid = typeof raw === 'string' && u.query.targets.length > 0 ? staffPaidTyped(raw).map(readAs) : [];
    const query = {
      ...u.query,
      ...(low ? { intent: 'rate' as const, previousYear: false, low: true as const } : {}),
      ...(short ? { shortOfBudget: true as const } : {}),
      ...(graded.length + vague.length + paid.length ? { notes: [...(u.query.notes ?? []), ...graded, ...vague, ...paid] } : {}),
      ...(HEADCOUNT.test(raw) ? { headcount: true } : {}),
      ...(whether ? { yesNo: true } : {}),
      ...(countCheck ?? {}),
      ...(column ? { column: { key: ROW_COLUMNS[column[0]]!, text: column[0] } } : {}),
      ...(subtotals ? { subtotals: true } : {}),
      ...(unitKind && u.query.listOf === 'units' ? { unitKind: UNIT_KINDS[unitKind[0] as keyof typeof UNIT_KINDS] } : {}),
      ...(bound ? { targetBound: { ...bound.bound, words } } : {}),
    };
    // As typed: the words asking (多少名) say what is looked for, and a question read again with what 它 points at keeps them.
    if (goal) {
      const text = `${before}${raw.slice(goal.index)}`;
      // The words after the goal's name are what its text is searched for.
      return { ...u, query: { ...query, text, asked: askedOf(text), goal: { text: goal[0], words: text.slice(text.indexOf(goal[0]) + goal[0].length) } } };
    }
    return { ...u, query: kind ? { ...query, describe: kind.describe } : query };
  };
  return { understand };

  /**
   * 雇人干活的劳务费, 公车的运行维护费, 开会用的会议费: a clause ending in 的 typed between the department and a name
   * describes what is named. Read without the 的 first (the clause naming part of it: 公车运行维护费), then with what the
   * clause names (给本单位职工交的医疗保险 → 职工医疗保险: shapes.json described.paying), else without the clause (劳务费) —
   * taken only where that reads exactly one thing and nothing is left unread, and never a project found loosely (the
   * clause is no project's name); said with the answer.
   */
  function describedReading(text: string, q: StructuredQuery, mended?: string): Understood | null {
    const departments = [...text.matchAll(DEPARTMENT_WORD)].map((m) => m.index + m[0].length);
    const readEnd = Math.max(0, ...q.entities.map((e) => (text.includes(e.text) ? text.indexOf(e.text) + e.text.length : 0)));
    const unread = [...q.unknown, ...q.candidates.map((c) => c.text)].map((w) => w.replace(/\s/g, ''));
    for (const of of text.matchAll(/的/g)) {
      const at = of.index;
      let start = at;
      // Back to the department as read or as typed (a department word), whose place may not have been read.
      const named = Math.max(readEnd, ...departments.filter((end) => end <= at));
      // The clause: the characters before 的 back to the department, a year (2024年) or a space.
      while (start > named && /\p{Script=Han}/u.test(text[start - 1]!) && !/\d/.test(text[start - 2] ?? '')) start--;
      const name = /^\p{Script=Han}+/u.exec(text.slice(at + 1))?.[0];
      if (start === at || !name) continue;
      const said = text.slice(start, at);
      if (PERSON.test(said)) continue;
      // Only where the clause and the name were left unread together (哪些项目用的是结转结余 is read, its 的 no clause's).
      if (!unread.some((w) => w.includes(said) && w.includes(name))) continue;
      const naming = said.replace(PAYING, '');
      const readings = [
        [`${text.slice(0, at)}${text.slice(at + 1)}`, `${said}${name}`],
        ...(naming !== said && naming !== '' ? [[`${text.slice(0, start)}${naming}${text.slice(at + 1)}`, `${naming}${name}`]] : []),
        [`${text.slice(0, start)}${text.slice(at + 1)}`, name],
      ];
      for (const [reading, as] of readings) {
        const r = read(reading);
        if (!r.ok || r.query.unknown.length + r.query.candidates.length > 0 || r.query.targets.length !== 1) continue;
        if (r.query.targets.some((t) => (t.kind === 'project' && t.fuzzy) || (t.kind === 'metric' && ROWS_NAMED.has(t.key)))) return null;
        return { ok: true, query: { ...r.query, text, asked: askedOf(text), notes: [...(r.query.notes ?? []), ...(mended ? [mended] : []), `“${said}的${name}”按“${as}”理解。`] } };
      }
    }
    return null;
  }

  /** `normal`: normalizeQuestion(raw) when the caller has it already. */
  function understandText(raw: string, normal?: string): Understood {
    if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'empty' };
    if (questionTooLong(raw)) return { ok: false, reason: 'too_long' };
    // One spelling for width, script, numerals and fillers, and latin read as pinyin, before any word is looked up.
    const text = normalized(raw, normal);
    if (text === '') return { ok: false, reason: 'empty' };
    const first = read(text);
    // Words not understood, or loosely matched, may be homophones of a known name (连湖, 离修): read once more as it.
    const misspelt = first.ok ? first.query.targets.filter((t) => t.kind === 'metric' && t.asRead !== undefined) : [];
    // 曲洋县, 北漂市: shaped like a place not held but the name of no division — perhaps a held one's homophone.
    const unplaced = first.ok ? first.query.foreign.filter((w) => !isDivisionName(w)) : [];
    if (!first.ok || (first.query.unknown.length === 0 && first.query.candidates.length === 0 && misspelt.length === 0 && unplaced.length === 0)) return first;
    const typed = [...first.query.unknown, ...first.query.candidates.map((c) => c.text), ...misspelt.map((t) => t.text), ...unplaced];
    const fixed = homophones.reread(text, typed);
    const second = fixed ? read(fixed.text) : null;
    if (!second?.ok || second.query.unknown.length + second.query.candidates.length > 0) {
      // A describing clause is read after the entities are, on what is left (曲杨医保局雇人干活的劳务费: the place mended first).
      return (second?.ok ? describedReading(fixed!.text, second.query, fixed!.note) : null) ?? describedReading(text, first.query) ?? first;
    }
    // 三公经废 reads the same either way: its note says which word was mended.
    const same = (q: StructuredQuery) => JSON.stringify([q.entities, q.targets.map((t) => ({ ...t, text: '', asRead: '' }))]);
    if (first.query.unknown.length + first.query.candidates.length === 0 && same(first.query) === same(second.query)) return first;
    return { ok: true, query: { ...second.query, text, asked: askedOf(text), notes: [...(second.query.notes ?? []), fixed!.note] } };
  }
}
