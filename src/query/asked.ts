// Words saying how a question asks, read by the query and again by answers that word their reply by them: one
// pattern each, built from grammar/.
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import words from '../../grammar/words.json' with { type: 'json' };
import type { AskedWords, StructuredQuery, TargetAsked } from './ast.ts';
import { yesNoOf, type YesNo } from './yes-no.ts';
import { alternation } from './normalize/words.ts';

/** 百分之几, 几成: asked in per cent. */
const PERCENT_ASKED = new RegExp(alternation(shapes.arithmetic.inPercent));
/** 增长, 增加, 多了: a change upwards asked. */
const RISE = new RegExp(alternation(words.changeDirection.up));
/** 下降, 减少: a change downwards asked. */
const FALL = new RegExp(alternation(words.changeDirection.down));
const BARE = words.changeDirection.bare;
/** 比去年多, 比上年还高 (words.json changeDirection.bare): a bare direction word after a comparison with last year, never 多少. */
const bareChange = (dir: string[]): RegExp => new RegExp(`(?:${alternation(BARE.after)})(?:${alternation(BARE.between)})?(?:${alternation(dir)})(?!多?少)`);
const BARE_RISE = bareChange(BARE.up);
const BARE_FALL = bareChange(BARE.down);
/** 变了, 有变化: a change either way asked. */
const CHANGED = new RegExp(alternation(words.changeDirection.any));
/** 哪年买的, 什么时候成立, 购置时间: when an event happened asked (shapes.json whenAsked) — no document prints it. */
const { asked: WHEN, events: EVENTS, nouns: TIME_NOUNS } = shapes.whenAsked;
export const WHEN_ASKED = new RegExp(`(?:${alternation(WHEN)})(?:才|就|是)?(?:${alternation(EVENTS)})|(?:${alternation(EVENTS)})的?(?:${alternation(TIME_NOUNS)})`);

/** 得分, 多少分: a score asked (words.json scoreAsked). */
const SCORE = new RegExp(alternation(words.scoreAsked));
/** 自评的第三个项目, 第二个项目得了几分: words of a project's self-evaluation (shapes.json references.narrated). */
const NARRATED = new RegExp(alternation(shapes.references.narrated.words));
/** 哪个, 哪家: which one asked (shapes.json sets.which); 哪两家, 哪3个 (numerals read as digits): which ones of that many. */
const WHICH = new RegExp(`${alternation(shapes.sets.which)}|哪\\d+[个家]`);
/** 哪家, 哪个地方: which department asked, whatever follows (shapes.json sets.departmentWhich). */
const DEPARTMENT_WHICH = new RegExp(alternation(shapes.sets.departmentWhich.words));
/** 这两家, 那3家, 这俩, 这2个地方 (numerals read as digits): what was answered before, pointed back at, with how many. */
export const POINTED_BACK = /[这那](\d+|两|俩)/;
/** 部门, 单位: a word for departments or units (words.json listTargets), not an organisation's (医保局). */
const DEPARTMENT_WORD = new RegExp(alternation([...words.listTargets.departments, ...words.listTargets.units]));
const INDICATOR_WORDS = Object.entries(shapes.indicatorWords).filter(([k]) => k !== '$comment') as [string, string][];
/** 一条, 每份, 每人: a figure per unit of something asked, that only a 成本指标 answers (shapes.json indicatorWords). */
const PER_UNIT = new RegExp(alternation(INDICATOR_WORDS.filter(([, to]) => /^(?:单|人均)/.test(to)).map(([from]) => from)));
/** 资金, 经费 (words.json moneyWords; alternation puts the longest first): a money column's everyday name. */
const MONEY_WORDS = alternation(words.moneyWords.words);
/** 资金, 预算资金, 经费: a money column asked by its everyday name. */
const MONEY = new RegExp(`(?:预算|项目)?(?:${MONEY_WORDS})`);
/** 项目资金, 项目款 (words.json moneyWords after 项目): the projects' money. */
const PROJECT_MONEY = new RegExp(`项目(?:${MONEY_WORDS})`);
/** The people the text states counts of (words.json headcounts.people), the longest first. */
const PEOPLE = [...words.headcounts.people].sort((a, b) => b.length - a.length);

/** 编制, 实有, 事业人员, 工勤: the department's own staff named (words.json headcountAsked.staff). */
const STAFF = new RegExp(alternation(words.headcountAsked.staff.words));

/** 多, 高, 少, 低: the direction of a difference (shapes.json arithmetic more, less). */
const DIRECTION_WORDS = alternation([...shapes.arithmetic.more, ...shapes.arithmetic.less]);
// 高多少, 多出多少 (多少 gone as a filler): a direction alone; 多了多少 too, but only where two figures were answered
// (三公经费 → 2022年呢 → 多了多少): after one figure it would ask its change from last year, which is not read here.
// 少几个人, 多了多少人 after two headcounts: the people counted are no figure of their own.
const DIRECTION_ALONE = new RegExp(`^(?:那|那么)?(?:${DIRECTION_WORDS})\\s*(?:几个人|几个|几人|几名|人)?$`);
/** 最多的比最少的, 最低的和最高的: both ends of a list named (shapes.json references.whichMore.extremes). */
const { most: MOST, least: LEAST } = shapes.references.whichMore.extremes;
const EXTREMES = new RegExp(`(?:${alternation(MOST)}).*(?:${alternation(LEAST)})|(?:${alternation(LEAST)}).*(?:${alternation(MOST)})`);
/** 比上年多了, 比去年少: a difference from last year asked by its direction. */
const MORE_OR_LESS = new RegExp(`比(?:上年|去年|上一年)(?:${DIRECTION_WORDS})`);

const TITLES = shapes.references.numberedTitles;
/** 整体绩效里的满意度: the words typed after a department's own 整体绩效 (not a table named, 整体绩效自评表) — the indicator asked. */
const { words: WHOLE_WORDS, after: WHOLE_AFTER, joins: WHOLE_JOINS } = shapes.goalText.whole;
const WHOLE = new RegExp(`(?:${alternation(WHOLE_WORDS)})(?:${alternation(WHOLE_AFTER)})?(?!(?:${alternation(WHOLE_AFTER)})?表)(?:${alternation(WHOLE_JOINS)})?(.*)$`);
/** 哪些指标没完成, 没达到目标的指标: a word of falling short and one naming indicators (shapes.json shortfall). */
const SHORTFALL = new RegExp(alternation(shapes.shortfall.words));
const SHORTFALL_OF = new RegExp(alternation(shapes.shortfall.of));
/** 没达到良好的项目: a score grade fallen short of is a bound on scores (shapes.json scoreGrades), no indicator's. */
const GRADE_SHORT = new RegExp(`(?:${alternation(shapes.scoreGrades.short)})(?:${alternation([...Object.keys(shapes.scoreGrades.words), ...Object.keys(shapes.scoreGrades.afterScoring)].filter((w) => !w.startsWith('$')))})`);
/** 年度总体目标是什么: a project's goal text asked (shapes.json goalText.asked). */
const GOAL = new RegExp(alternation(shapes.goalText.asked));
/** 评审, 印制, 宣传 …: the doings targets count (shapes.json targetUnits.verbs, verbWords, activities). */
export const TARGET_DOING_WORDS: readonly string[] = [...shapes.targetUnits.verbs, ...Object.keys(shapes.targetUnits.verbWords), ...shapes.targetUnits.activities];
/**
 * 实际完成了多少, 评审通过了多少人: what was done asked (shapes.json goalText.outcome); so is a verb of what targets count
 * with 了 right before the count (评审了多少人, 培训了几次, 宣传了多少份: targetUnits.verbs, verbWords, activities; 多少 arrives
 * read as a space).
 */
const OUTCOME = new RegExp(`${alternation(shapes.goalText.outcome)}|(?:${alternation(TARGET_DOING_WORDS)})了(?:\\s|几|多少)`);

/** 成本, 标准: a cost or standard word (shapes.json standardWords). */
export const STANDARD = new RegExp(alternation(shapes.standardWords.words));
/** 多少钱, 花多少, 成本, 单价: money asked of a thing (indicatorWords read as 成本, standardWords) — a cost, never a count. */
const COST = new RegExp(alternation([...INDICATOR_WORDS.filter(([, to]) => to === '成本').map(([from]) => from), ...shapes.standardWords.words]));

/** What a question's words say of how it asks (StructuredQuery.asked): read once, with the query. */
export function askedOf(text: string): AskedWords {
  // Set one by one: thirteen conditional spreads cost more than the tests themselves.
  const asked: AskedWords = {};
  if (PERCENT_ASKED.test(text)) asked.percent = true;
  if (RISE.test(text) || BARE_RISE.test(text)) asked.rise = true;
  if (FALL.test(text) || BARE_FALL.test(text)) asked.fall = true;
  if (CHANGED.test(text)) asked.changed = true;
  if (SCORE.test(text)) asked.score = true;
  if (text.includes('自评')) asked.selfEvaluation = true;
  if (/完成|实际/.test(text)) asked.done = true;
  if (text.includes('明细')) asked.detail = true;
  if (NARRATED.test(text)) asked.narrated = true;
  if (WHICH.test(text)) asked.which = true;
  // 这两家谁家的…: a which-word over the departments pointed back at asks one of those, not of every department.
  if (DEPARTMENT_WHICH.test(text) && !POINTED_BACK.test(text)) asked.departmentWhich = true;
  if (DEPARTMENT_WORD.test(text)) asked.departmentWord = true;
  if (PER_UNIT.test(text)) asked.perUnit = true;
  const money = MONEY.exec(text)?.[0];
  if (money) asked.money = money;
  if (money && PROJECT_MONEY.test(text)) asked.projectMoney = true;
  const people = PEOPLE.find((p) => text.includes(p));
  if (people) asked.people = people;
  if (STAFF.test(text)) asked.staff = true;
  if (STANDARD.test(text)) asked.standard = true;
  if (COST.test(text)) asked.cost = true;
  if (text.includes('编制')) asked.authorized = true;
  if (text.includes('实有')) asked.actual = true;
  if (DIRECTION_ALONE.test(text.trim())) asked.directionAlone = true;
  if (MORE_OR_LESS.test(text)) asked.thanLastYear = true;
  if (EXTREMES.test(text)) asked.extremes = true;
  if (GOAL.test(text)) asked.goal = true;
  if (OUTCOME.test(text)) asked.outcome = true;
  if (SHORTFALL.test(text) && SHORTFALL_OF.test(text) && !GRADE_SHORT.test(text)) asked.shortfall = true;
  const titles = TITLES.filter((w) => text.includes(w));
  if (titles.length) asked.titles = titles;
  const whole = WHOLE.exec(text)?.[1]?.trim();
  if (whole) asked.wholeIndicator = whole;
  return asked;
}

const { measures, perTarget, perTargetAfter, verbs, verbWords, hiring } = shapes.targetUnits;
// 多少册, 几期, 多少家: a count asked in a measure word.
const MEASURE_ASKED = new RegExp(`(?:多少|几)(?:${alternation(measures)})`);
// 要印多少档案资料, 聘请几位: a verb of what targets count right before the count, no measure word.
// 印制 / 办完 (verbWords) ask as the verbs indicators print do; so do verbs of hiring (招了多少服务人员).
const VERB_ASKED = new RegExp(`(?:${alternation([...verbs, ...Object.keys(verbWords), ...hiring])})了?(?:多少|几)`);
// 那平均每人多少, 平均每册多少钱: the money per unit of a target (the measure word captured).
// 人均多少, 户均: the measure word before a word of dividing (perTargetAfter).
const PER_TARGET = new RegExp(`(?:${alternation(perTarget)})(${alternation(measures)})|(${alternation(measures)})(?:${alternation(perTargetAfter)})`);

// 最后一个叫什么, 第二个是哪家: the name of the item pointed at asked (shapes.json references.name; 叫什么 is a filler).
const NAME_ASKED = new RegExp(alternation(shapes.references.name.words));

/**
 * How a message asks a count of a target or a figure per target (StructuredQuery.targetAsked), read off it as typed: the
 * normalised text has dropped 多少 as a filler. Undefined when it asks neither.
 */
function targetCountOf(typed: string): TargetAsked | undefined {
  if (typeof typed !== 'string') return undefined;
  const asked: TargetAsked = {};
  if (MEASURE_ASKED.test(typed)) asked.measure = true;
  if (VERB_ASKED.test(typed)) asked.verb = true;
  const per = PER_TARGET.exec(typed);
  if (per) asked.per = { unit: per[1] ?? per[2]!, text: per[0] };
  return asked.measure || asked.verb || asked.per ? asked : undefined;
}

/**
 * 它要印多少册, 那平均每人多少, 它超过10万了吗, 最后一个叫什么: how the message as typed asks a target's count or a figure per
 * target, yes or no against an amount, or a name (StructuredQuery.targetAsked, yesNoAsked, nameAsked) — each present when it
 * asks so. `yesNo`: yesNoOf(typed), when the caller has read it already.
 */
export function typedAsked(typed: string, yesNo: YesNo | null = yesNoOf(typed)): Pick<StructuredQuery, 'targetAsked' | 'yesNoAsked' | 'nameAsked'> {
  const targetAsked = targetCountOf(typed);
  const nameAsked = typeof typed === 'string' && NAME_ASKED.test(typed);
  return { ...(targetAsked ? { targetAsked } : {}), ...(yesNo ? { yesNoAsked: { about: yesNo.about } } : {}), ...(nameAsked ? { nameAsked } : {}) };
}
