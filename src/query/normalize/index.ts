// The canonical form of a question that the grammar's lexer reads. Pure and total:
// any string in, a string out, a few microseconds for a typical question.
import { expandArabicMultipliers } from './amount.ts';
import { applyCorrections } from './corrections.ts';
import { removeFillers } from './fillers.ts';
import { convertChineseNumerals } from './numerals.ts';
import { bracketedOrdinals, cjkParentheses, collapseSpaces, stripDigitGrouping, stripQuotes, symbolsToSpaces } from './punctuation.ts';
import { toSimplified } from './traditional.ts';
import { foldWidth } from './width.ts';
import { normalizeYears } from './years.ts';
import { alternation, COMPARATORS_BEFORE } from './words.ts';
import { DIGIT_CHARS } from './chinese-digits.ts';
import shapes from '../../../grammar/shapes.json' with { type: 'json' };
import words from '../../../grammar/words.json' with { type: 'json' };

export { expandArabicMultipliers, parseAmountYuan, shiftDecimal } from './amount.ts';
export { applyCorrections } from './corrections.ts';
export { removeFillers } from './fillers.ts';
export { convertChineseNumerals, parseChineseNumeral } from './numerals.ts';
export { bracketedOrdinals, cjkParentheses, collapseSpaces, stripDigitGrouping, stripQuotes, symbolsToSpaces } from './punctuation.ts';
export { createPinyinResolver } from './pinyin.ts';
export type { PinyinResolver } from './pinyin.ts';
export { toSimplified } from './traditional.ts';
export { foldWidth } from './width.ts';
export { normalizeYears } from './years.ts';

/**
 * `請問曲陽２０２３年度“三公”經費是多少？` → `曲阳2023年三公经费`.
 * The order matters: characters are folded and simplified before any word list is
 * matched; punctuation becomes spaces before sentence-final particles are looked for;
 * fillers go before numerals (查一下 holds a 一); and arabic two-digit years are read
 * before numerals are converted, so 十年 (ten years) becomes 10年, not 2010年.
 */
const { $comment: _, ...REWRITES } = shapes.rewrites;
const REWRITTEN = new RegExp(alternation(Object.keys(REWRITES)), 'g');

/**
 * 满分的项目 → 是100分的项目: a condition stated without its number (grammar/shapes.json rewrites). Read before the fillers
 * go, all of them, so that a filler inside one (多少 of 空多少, 这么 of 怎么这么少) never breaks it.
 */
const rewriteWords = (s: string) => s.replace(REWRITTEN, (w) => REWRITES[w as keyof typeof REWRITES]);

/**
 * 一年给职工交多少医保, 给自己职工交的医疗保险, 单位交医保, 交职工医保 → 职工医保: the employer paying for its staff is 职工, the
 * words between saying nothing of what is paid (grammar/shapes.json paidForStaff). Read before the fillers go (多少 sits inside).
 */
const { for: STAFF_FOR, staff: STAFF, payer: STAFF_PAYER, verbs: STAFF_VERBS, fillers: STAFF_FILLERS } = shapes.paidForStaff;
const STAFF_FILLER = `(?:${alternation(STAFF_FILLERS)})*`;
// 事业单位交的: 单位 after a kind of unit (words.json unitKinds) names the kind, not the one paying.
const UNIT_KINDS = Object.keys(words.unitKinds).filter((k) => k.endsWith('单位')).map((k) => k.slice(0, -'单位'.length));
const PAID_FOR_STAFF = new RegExp(
  `${STAFF_FILLER}(?:(?:${alternation(STAFF_FOR)})${STAFF_FILLER}(?:${alternation(STAFF)})|(?<!${alternation(UNIT_KINDS)})(?:${alternation(STAFF_PAYER)}))(?:${alternation(STAFF_VERBS)})[的了]?(?:多少钱?|几)?的?|(?:${alternation(STAFF_VERBS)})(?:${alternation(STAFF)})`,
  'g',
);
const paidForStaff = (s: string) => s.replace(PAID_FOR_STAFF, '职工');

/** The words a question typed for the employer paying its staff (给自己职工交的), as typed: said with the answer. */
export const staffPaidTyped = (s: string): string[] => [...s.matchAll(PAID_FOR_STAFF)].map((m) => m[0]);

/** 钱都是从哪来的 → 钱是从哪来的: an adverb of totality before the verb of a shape does not change it (shapes.json totality). */
const TOTALITY = new RegExp(`(?:${alternation(shapes.totality.adverbs)})(?=${alternation(shapes.totality.verbs)})`, 'g');

/**
 * 执行率不高的项目 → 执行率从低到高的项目: a condition with no threshold is the ordering by its measure from that end
 * (grammar/shapes.json vague); never in a question asking why (执行率低的原因, 为什么执行率偏低).
 */
const VAGUE_WORDS = { ...Object.fromEntries(shapes.vague.low.map((w) => [w, shapes.vague.ascending])), ...Object.fromEntries(shapes.vague.high.map((w) => [w, shapes.vague.descending])) };
const VAGUE = new RegExp(
  `(${alternation(Object.keys(shapes.vague.measures))})(${alternation(Object.keys(VAGUE_WORDS))})(?=${alternation(shapes.vague.then)}|[？?呢\\s]*$)`,
  'g',
);
const REASON = new RegExp(alternation(shapes.reason));
const MEASURES: Record<string, string> = shapes.vague.measures;
// Ending the question, the words are a condition only after what is asked of (北票哪些项目执行得比较慢): typed alone
// (执行率不高, a word of the lexicon normalised as a question is) they say a figure is small, as versusBudget.low does.
const THEN = new RegExp(`^(?:${alternation(shapes.vague.then)})`);
const unordered = (s: string, at: number, length: number) => REASON.test(s) || (at === 0 && !THEN.test(s.slice(length)));
const vagueOrder = (s: string) => s.replace(VAGUE, (w, measure: string, word: string, at: number) => (unordered(s, at, w.length) ? w : `${MEASURES[measure]}${VAGUE_WORDS[word]}`));

/** The conditions a question typed with no threshold, each with the measure it orders by: said with the answer. */
export function vagueTyped(s: string): { word: string; measure: string; order: string }[] {
  return [...s.matchAll(VAGUE)].filter((m) => !unordered(s, m.index, m[0].length)).map((m) => ({ word: m[2]!, measure: MEASURES[m[1]!]!, order: VAGUE_WORDS[m[2]!]! }));
}

/**
 * 几个服务人员 → 多少服务人员: a counter between 几 / 多少 and people named by a word for people is no measure of its own
 * (shapes.json peopleCounted); the people's name, up to a 的, is a few characters.
 */
const PEOPLE_COUNTED = new RegExp(
  `(?:几|多少)(?:${alternation(shapes.peopleCounted.counters)})(?=(?:(?![的和与])\\p{Script=Han}){0,6}?(?:${alternation([...shapes.peopleCounted.people, ...shapes.targetUnits.people])}))`,
  'gu',
);

/**
 * People counted read as 多少 (几个服务人员 → 多少服务人员): the message as typed, read so once on arrival (the words asking a
 * count are read off it before normalising drops 多少 as a filler), and its canonical form, where people may have been named
 * after it arrived (有几个离休的 → 有几个离休干部).
 */
export const peopleCounted = (typed: string): string => typed.replace(PEOPLE_COUNTED, '多少');

/** 一共几人次 → 几人次: a word of totalling before a count of occurrences is no sum (shapes.json countTotal). */
const TOTAL_COUNT = new RegExp(`(?:${alternation(shapes.countTotal.words)})(?=有?(?:几|多少)(?:${alternation(shapes.countTotal.measures)}))`, 'g');

// 怎么没有用完, 钱咋没花完 → 为什么 没有用完: a word asking why before a word saying the budget was not all spent (shapes.json versusBudget.asking).
const UNSPENT = [...shapes.versusBudget.short, ...shapes.arithmetic.remaining.filter((w) => /^[没未]/.test(w))];
const ASKING_UNSPENT = new RegExp(`(?:${alternation(shapes.versusBudget.asking)})\\s*(?=${alternation(UNSPENT)})`, 'g');

const { before: GRADE_BEFORE, results: GRADE_RESULTS, joins: GRADE_JOINS, short: GRADE_SHORT, words: GRADES, afterScoring } = shapes.scoreGrades;
const { $comment: __, ...SCORED_GRADES } = afterScoring;
const GRADE_BOUNDS: Record<string, string> = { ...SCORED_GRADES, ...GRADES };
const SHORT_OF = `(${alternation(GRADE_SHORT)})?`;
// 自评不及格的项目, 没及格的, 得分被评为优秀, 没到优秀: a grade qualifying what is asked, after a word of scoring (any grade) or alone.
const GRADE = new RegExp(
  `(?:(?:${alternation(GRADE_BEFORE)})(?:${alternation(GRADE_RESULTS)})?(?:${alternation(GRADE_JOINS)})?${SHORT_OF}(${alternation(Object.keys(GRADE_BOUNDS))})|${SHORT_OF}(${alternation(Object.keys(GRADES))}))(?=的|项目|[？?吗呢。\\s]*$)`,
  'g',
);

/** 执行数高于预算数 → 执行率高于100%, 实际支出不到预算数的一半 → 执行率不到一半 (grammar/shapes.json spentVersusBudget). */
const { spent: SPENT_WORDS, budget: BUDGET_WORDS, fractions: FRACTIONS } = shapes.spentVersusBudget;
const SPENT_VERSUS_BUDGET = new RegExp(
  `(?:${alternation(SPENT_WORDS)})(${alternation(COMPARATORS_BEFORE)})(?:${alternation(BUDGET_WORDS)})的?(?=([^，,。？?]{0,6}))`,
  'g',
);
const FRACTION = new RegExp(`^(?:[\\d.${DIGIT_CHARS}十]*(?:${alternation(FRACTIONS)}))`);
const spentVersusBudget = (s: string) =>
  s.replace(SPENT_VERSUS_BUDGET, (_w, comparator: string, after: string) => `执行率${comparator}${FRACTION.test(after) ? '' : '100%'}`);

/**
 * 超过五千, 不到3千, 高于两千五 → …元: a number spoken with 千 as its largest magnitude, right after a comparator and
 * ending the clause, is an amount in 元 (nobody says 五千 for 5000万元); a bare 5000 stays in the figures' unit (万元).
 * Not 百: 超过一百 is as often a rate.
 */
const SPOKEN_SMALL = new RegExp(
  `(?<=${alternation(COMPARATORS_BEFORE)})((?:[${DIGIT_CHARS}]|\\d+(?:\\.\\d+)?)千[${DIGIT_CHARS}十百]*)(?=[吗呢吧了的啊？?。，,\\s]|$)`,
  'g',
);
const spokenSmall = (s: string) => s.replace(SPOKEN_SMALL, '$1元');

/** 能买1辆新车, 换辆车 → 能买新车, 换车: one of a thing bought is the thing bought (grammar/shapes.json oneBought). */
const { verbs: BUYING, counters: ONE_OF, things: BOUGHT_THINGS } = shapes.oneBought;
const ONE_BOUGHT = new RegExp(`(?<=${alternation(BUYING)})1?(?:${alternation(ONE_OF)})(?=${alternation(BOUGHT_THINGS)})`, 'g');
/** 能买2辆车 → 能买车有2辆: more than one typed there is the count asked, checked against the one planned. */
const SOME_BOUGHT = new RegExp(`(?<=${alternation(BUYING)})(\\d+(?:${alternation(ONE_OF)}))(${alternation(BOUGHT_THINGS)})`, 'g');

/** 90分及以上 ↔ 低于90分: the other side of a grade's one bound; null for a grade of two (良: 80–89分). */
function otherSide(bound: string): string | null {
  const [, at, below] = /^(?:(\d+)分及以上|低于(\d+)分)$/.exec(bound) ?? [];
  return at ? `低于${at}分` : below ? `${below}分及以上` : null;
}

/** The grade a match typed, and the bound it is read as: the other side of it after a word of falling short (没到优秀); null when none can be said. */
function gradeOf(m: RegExpMatchArray | string[]): { word: string; bound: string } | null {
  const [short, grade] = m[2] ? [m[1], m[2]] : [m[3], m[4]!];
  const bound = GRADE_BOUNDS[grade]!;
  if (!short) return { word: grade, bound };
  const other = otherSide(bound);
  return other ? { word: `${short}${grade}`, bound: other } : null;
}

/** 不及格的项目 → 自评得分低于60分的项目: a grade of a 自评 in words is the bound on its score (grammar/shapes.json scoreGrades). */
function rewriteGrades(s: string): string {
  return s.replace(GRADE, (w, ...groups: (string | undefined)[]) => {
    const grade = gradeOf([w, ...groups] as string[]);
    return grade ? `自评得分${grade.bound}` : w;
  });
}

/** The grades a question typed in words, each with the bound it is read as: said with the answer (“不及格”按自评得分低于60分理解). */
export function gradesTyped(s: string): { word: string; bound: string }[] {
  return [...s.matchAll(GRADE)].flatMap((m) => gradeOf(m) ?? []);
}

/**
 * 占部门总预算, 占全局的比例 → 占全部支出总计; 占全局项目支出 → 占全部项目支出: the department's whole as a share's base
 * (grammar/shapes.json share.department), in the words the grammar reads as the whole of the department.
 */
const { totals: DEPARTMENT_TOTALS, alone: DEPARTMENT_ALONE, asked: SHARE_ASKED } = shapes.share.department;
const DEPARTMENT_BASE = new RegExp(
  `(占[了到]?)(?:(?:${alternation(DEPARTMENT_TOTALS)})|(?:${alternation(DEPARTMENT_ALONE)})(?=的?(?:${alternation(SHARE_ASKED)})|\\s*$))|(占[了到]?)(?:${alternation(DEPARTMENT_ALONE)})的?`,
  'g',
);
function departmentBases(s: string): string {
  return s.replace(DEPARTMENT_BASE, (_w, total: string | undefined, whole: string | undefined) => (total ? `${total}全部支出总计` : `${whole}全部`));
}

/** 一分都没有, 一分三公经费都没有, 三公经费没有安排 → 为零 after the figure (grammar/shapes.json sets.none.zero). */
const { amounts: ZERO_AMOUNTS, all: ZERO_ALL, absent: ZERO_ABSENT, ending: ZERO_ENDING } = shapes.sets.none.zero;
const NOTHING_AT_ALL = new RegExp(
  `(?:${alternation(ZERO_AMOUNTS)})(?:([^\\s，,。？?]{1,16}?)(?:${alternation(ZERO_ALL)})|(?:${alternation(ZERO_ALL)})?)(?:${alternation(ZERO_ABSENT)})|(?:${alternation(ZERO_ENDING)})(?=[吗呢啊吧]*\\s*$)`,
  'g',
);
export const nothingAtAll = (s: string) => s.replace(NOTHING_AT_ALL, (_w, figure: string | undefined) => `${figure ?? ''}为零`);

/** 自评100分的项目 → 自评是100分的项目: a score typed after a word of scoring is that score (grammar/shapes.json scoreTyped). */
const SCORE_TYPED = new RegExp(`(${alternation(shapes.scoreTyped.before)})(\\d+(?:\\.\\d+)?分)(?=的|[？?吗呢\\s]*$)`, 'g');

/** 最后两名 → 后2名, 排倒数的两个 → 后2个: the last N of a ranking (grammar/shapes.json references.lastCounted), read after numerals. */
const COUNTED_AFTER = `的?(?=(?:[2-9]|[1-9]\\d+)(?:${alternation(shapes.counters.words)}))`;
const LAST_COUNTED = new RegExp(`(?:${alternation(shapes.references.lastCounted.words)})${COUNTED_AFTER}`, 'g');
/** 排前面的两个 → 前2个: the first N of a ranking (grammar/shapes.json references.firstCounted). */
const FIRST_COUNTED = new RegExp(`(?:${alternation(shapes.references.firstCounted.words)})${COUNTED_AFTER}`, 'g');

/** 谁花得多 → 谁多: words between a which word and a more word only say what is compared (references.whichMore.between). */
const { whichMore } = shapes.references;
const WHICH_MORE_BETWEEN = new RegExp(`(?<=(?:${alternation(whichMore.which)})的?)(?:${alternation(whichMore.between)})(?=(?:${alternation(whichMore.more)}))`, 'g');

/**
 * 哪边的三公经费多一些 → 哪边的三公经费更多: a direction word in the comparative degree after a which-word of the same
 * clause is 更 + that word (references.whichMore.degree), read before the rewrites drop the degree (多一些 → 多).
 */
const DEGREE = new RegExp(
  `(?<=(?:${alternation(whichMore.degree.which)})[^，,。；;？?！!\\s]*?)(${alternation(whichMore.degree.more)})(?:${alternation(whichMore.degree.words)})`,
  'g',
);

/**
 * 差旅、会议、培训三项费用 → 差旅费、会议费、培训费3项: short forms listed before a word for fees are those fees, the fee
 * word after them dropped and a count kept (grammar/shapes.json shortFees); the last item may follow 和 / 及 / 与.
 */
const { heads: FEE_HEADS, whole: FEE_WHOLE, joins: FEE_JOINS } = shapes.shortFees;
// An item: a few characters of a name, never 的 (抚顺、大连的三公经费 lists places, not fees).
const ITEM = '(?:(?!的)[\\u4e00-\\u9fff]){2,8}?';
const SHORT_FEES = new RegExp(
  `((?:${ITEM}、)+${ITEM}(?:(?:${alternation(FEE_JOINS)})${ITEM})?)(?:((?:这|那)?(?:\\d+|几)(?:${alternation(shapes.counters.words)}))的?(?:${alternation(FEE_HEADS)})|的?(?:${alternation(FEE_HEADS.filter((h) => h.length > 1))}))`,
  'g',
);
const FEE_NAMED = new RegExp(`(?:${alternation(FEE_WHOLE)})$`);
const FEE_ITEMS = new RegExp(`、|${alternation(FEE_JOINS)}`);
const listedFees = (s: string) =>
  s.replace(SHORT_FEES, (_w, list: string, count: string | undefined) => `${list.split(FEE_ITEMS).map((item) => (FEE_NAMED.test(item) ? item : `${item}费`)).join('、')}${count ?? ''}`);

/**
 * 下设哪些科室, 内部设了哪些部门, 机构设置 → 哪些内设机构, 内设机构: the internal offices asked in other words (grammar/shapes.json
 * offices), read before the fillers go (哪些, 几个 stay to ask a list or a count); 下设哪些单位 → 有哪些单位.
 */
const { verbs: OFFICE_VERBS, asked: OFFICE_ASKED, nouns: OFFICE_NOUNS, endNouns: OFFICE_END_NOUNS, units: OFFICE_UNITS, whole: OFFICE_WHOLE } = shapes.offices;
const SET_UP = `(?:${alternation(OFFICE_VERBS)})(${alternation(OFFICE_ASKED)})?的?`;
const OFFICES_ASKED = new RegExp(
  `${SET_UP}(?:${alternation(OFFICE_NOUNS)}|(?:${alternation(OFFICE_END_NOUNS)})(?=[呢吗啊？?。\\s]*$))|(?:${alternation(OFFICE_WHOLE)})`,
  'g',
);
// 下设哪些单位: the units the department lists, as 有哪些单位 asks them.
const UNITS_SET_UP = new RegExp(`${SET_UP}(?:${alternation(OFFICE_UNITS)})`, 'g');
const officesAsked = (s: string) =>
  s.replace(UNITS_SET_UP, (_w, asked: string | undefined) => `有${asked ?? ''}单位`).replace(OFFICES_ASKED, (_w, asked: string | undefined) => `${asked ?? ''}内设机构`);

export function normalizeQuestion(text: string): string {
  // Adapters are JavaScript at heart: a message without text arrives as undefined.
  if (typeof text !== 'string') return '';
  let s = foldWidth(text);
  s = toSimplified(s);
  s = stripDigitGrouping(s);
  s = bracketedOrdinals(s);
  s = cjkParentheses(s);
  s = stripQuotes(s);
  s = symbolsToSpaces(s);
  s = applyCorrections(s);
  s = s.replace(DEGREE, '更$1');
  s = vagueOrder(rewriteWords(paidForStaff(s)));
  s = officesAsked(s);
  s = peopleCounted(s.replace(TOTAL_COUNT, '').replace(TOTALITY, ''));
  s = removeFillers(s);
  s = spentVersusBudget(rewriteGrades(s)).replace(ASKING_UNSPENT, '为什么 ');
  s = departmentBases(s);
  s = s.replace(WHICH_MORE_BETWEEN, '');
  s = spokenSmall(normalizeYears(s));
  s = convertChineseNumerals(s);
  s = listedFees(s).replace(ONE_BOUGHT, '').replace(SOME_BOUGHT, '$2有$1');
  s = s.replace(SCORE_TYPED, '$1是$2');
  s = s.replace(LAST_COUNTED, '后').replace(FIRST_COUNTED, '前');
  s = expandArabicMultipliers(s);
  return collapseSpaces(s);
}
