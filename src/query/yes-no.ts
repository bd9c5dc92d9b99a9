// 三公经费超过10万了吗, 有没有20万, 不到5万吧, 是不是300万多: a yes/no question about a figure against an amount
// (shapes.json yesNo). The amount bounds the figure itself, never its parts: read apart from the conditions that list them.
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import words from '../../grammar/words.json' with { type: 'json' };
import type { Condition, StructuredQuery, Target } from './ast.ts';
import { DIGIT_CHARS, LARGE_UNITS, SMALL_UNITS } from './normalize/chinese-digits.ts';
import { alternation, COMPARATORS_BEFORE } from './normalize/words.ts';
import { expandArabicMultipliers, parseAmountYuan } from './normalize/amount.ts';
import { convertChineseNumerals } from './normalize/numerals.ts';

const { final, reach, same, about, around } = shapes.yesNo;

const { can: CAN, asking: MAY_ASKING, money: MAY_MONEY } = words.yesNo.may;
/** 有没有, 能不能: words asking whether, anywhere in the question (words.json yesNo.asked, and may.asking). */
export const WHETHER_ASKED: readonly string[] = [...words.yesNo.asked, ...MAY_ASKING];
/** 有, 要买, 能: words asking whether before a thing, 吗 at the end (words.json yesNo.has, and may.can). */
export const WHETHER_HAS: readonly string[] = [...words.yesNo.has, ...CAN];
/** 能, 能不能, 有钱: words asking whether the department may (words.json yesNo.may). */
export const MAY_WORDS: readonly string[] = [...CAN, ...MAY_ASKING, ...MAY_MONEY];
/** 182.64, １２: a number typed in digits (full width too). */
export const DECIMAL = '[0-9０-９]+(?:[.．][0-9０-９]+)?';
export const NUMBER = `(?:${DECIMAL}|[${DIGIT_CHARS}${Object.keys(SMALL_UNITS).join('')}]+)`;
/** 万, 亿: the scale of an amount typed (LARGE_UNITS). */
export const SCALE = `[${Object.keys(LARGE_UNITS).join('')}]`;
/** 元, 块钱, 块: a money word after an amount typed. */
export const MONEY = '(?:元|块钱|块)';
const COMPARATOR = alternation(COMPARATORS_BEFORE);
const FINAL = new RegExp(`(?:${alternation(final)})[\\s?？!！。.]*$`);
// Not 50万以上的, 10万到50万: a bound that lists, or a range, is no amount asked of the figure.
const AMOUNT = `${NUMBER}(?:${SCALE}|${MONEY})+(?!${alternation(Object.values(shapes.comparators.after).flat())}|的|${alternation(shapes.between.range)})`;
// 有没有20万, 够10万块: the amount must be money, so that 有3个项目 stays a count.
const REACH = new RegExp(`(?:${alternation(reach)})(?=${AMOUNT})`);
const SAME = new RegExp(`(?:${alternation(same)})(?=${AMOUNT})`);
// 是不是超过10万, 有没有超过1万块钱: before a comparator these words only ask.
const SAME_COMPARED = new RegExp(`(?:${alternation([...same, ...reach])})(?=(?:${COMPARATOR})${NUMBER})`);
const ABOUT_WORD = `(?:${alternation(about)})`;
const ASKED_ABOUT = new RegExp(`(?:${alternation([...reach, ...same])})(?=${NUMBER}${SCALE}?${ABOUT_WORD}(?!少))`);
const ASKING_END = new RegExp(`(?:${alternation([...reach, ...same])})$`);
const COMPARED_END = new RegExp(`(?:${COMPARATOR})$`);
// 六百万左右, 5万上下, 六个亿左右 (个 before 亿 or 万 is no part of the amount), 大概三个亿: an amount of money give or take a share of it.
const AROUND = new RegExp(`(?:(?:${alternation(around.before)})(${NUMBER})个?(${SCALE}?)(${MONEY}?)(?=[\\s吧吗么啊呀?？!！。]*$)|(${NUMBER})个?(${SCALE}?)(${MONEY}?)(?:${alternation(around.words)}))`);
// 20多万, 300万多, 5万多块, 两千来万, 十几万, 五个多亿, 二十多个亿: 多 (来, 几) beside an amount of money, not 多少.
const ABOUT = new RegExp(`(${NUMBER})个?(${SCALE}?)${ABOUT_WORD}(?!少)个?(${SCALE}?)(${MONEY}?)`);

// 就几百块吗, 是不是只有几万: 几 before a unit is some number of that unit — from one of it up to ten (shapes.json yesNo.few).
const FEW = new RegExp(`(?:${alternation(shapes.yesNo.few)})个?([${Object.keys(SMALL_UNITS).join('')}]?)(${SCALE}?)(${MONEY}?)(?=[\\s吧吗么啊呀?？!！。]*$)`);
const FEW_ASKED = new RegExp(`(?:${alternation([...reach, ...same])})(?=${FEW.source})`);

export interface YesNo {
  /** The question with the words asking read as a bound: 有没有20万 → 达到20万, 是不是300万多 → 超过300万. */
  text: string;
  /** 多 beside the amount: from it up to the next unit of its last digit not 0. */
  about: boolean;
}

/** The question read as a yes/no check against an amount, or null when it asks none. */
export function yesNoOf(typed: string): YesNo | null {
  if (typeof typed !== 'string' || typed.length > 200) return null;
  if (!FINAL.test(typed) && !REACH.test(typed) && !SAME.test(typed) && !SAME_COMPARED.test(typed) && !ASKED_ABOUT.test(typed) && !FEW_ASKED.test(typed)) return null;
  const text = typed.replace(SAME_COMPARED, '');
  const amount = ABOUT.exec(text);
  if (amount && amount[2] + amount[3] + amount[4] !== '') {
    // 是不是300万多 → 超过300万: the words asking give way to the bound, a comparator typed stays (超过20多万).
    const before = text.slice(0, amount.index).replace(ASKING_END, '');
    const bound = COMPARED_END.test(before) ? '' : '超过';
    return { text: `${before}${bound}${amount[1]}${amount[2]}${amount[3]}${amount[4]}${text.slice(amount.index + amount[0].length)}`, about: true };
  }
  const few = FEW.exec(text);
  const step = few ? (SMALL_UNITS[few[1]!] ?? 1) * (LARGE_UNITS[few[2]!] ?? 1) : 1;
  if (few && step > 1) {
    // 就几百块吗 → 在100元到999.99元之间: the words asking give way to the range.
    const before = text.slice(0, few.index).replace(ASKING_END, '');
    return { text: `${before}在${step}元到${(step * 1000 - 1) / 100}元之间${text.slice(few.index + few[0].length)}`, about: false };
  }
  const near = AROUND.exec(text);
  // Either spelling's groups: 大概三个亿 (1–3) or 三个亿左右 (4–6).
  const [number, scale, unit] = near ? (near[1] !== undefined ? [near[1], near[2]!, near[3]!] : [near[4]!, near[5]!, near[6]!]) : ['', '', ''];
  const yuan = near && scale + unit !== '' ? parseAmountYuan(expandArabicMultipliers(convertChineseNumerals(`${number}${scale}`))) : null;
  if (near && yuan) {
    // 是六百万左右吗 → 在540万到660万之间: the words asking give way to the range.
    const before = text.slice(0, near.index).replace(ASKING_END, '');
    const [lo, hi] = [yuan * (1 - around.within), yuan * (1 + around.within)].map((x) => Math.round(x));
    return { text: `${before}在${lo}元到${hi}元之间${text.slice(near.index + near[0].length)}`, about: false };
  }
  return { text: text.replace(SAME, '等于').replace(REACH, '达到'), about: false };
}

/** What may follow the bound in a yes/no question (超过10万了没有): nothing it lists. */
const AFTER_BOUND = new RegExp(`^(?:了|啊|呀|\\s|${alternation(final)})*$`);

/**
 * The step of the last digit typed that is not 0: 多 is more than the amount by less than that (300万多 and 20多万 up
 * to 400万 and 30万, 13万多 below 14万 — not 23万, which the leading digit's step would take).
 */
export function lastDigitStep(yuan: number): number {
  let step = 1;
  while (Number.isInteger(yuan / (step * 10)) && step < 1e12) step *= 10;
  return step;
}

/** The bound a figure is checked against: 多 (来, 几) beside the amount is from it up to the next unit of its last digit. */
export function checkOf(c: Condition, yesNo: Pick<YesNo, 'about'>): Condition {
  return yesNo.about && c.value > 0 ? { ...c, op: 'between', upper: c.value + lastDigitStep(c.value) - 0.01 } : c;
}

/**
 * The query of a question asking yes or no: its one bound on money after the figure, with nothing listed after it
 * (超过5万的项目 lists them), becomes the check; what is asked is the figure itself.
 */
export function checked(q: StructuredQuery, yesNo: Pick<YesNo, 'about'>): StructuredQuery {
  const [c] = q.conditions;
  // 三公经费一共多少？2多万吗: 一共 of one figure is that figure, asked and then checked.
  const oneSum = q.arithmetic?.op === 'sum' && q.arithmetic.count === null && q.targets.length === 1;
  if (!c || q.conditions.length !== 1 || c.unit !== 'yuan' || !c.unitTyped || q.set || q.within || q.targetBound || (q.arithmetic && !oneSum) || q.reference) return q;
  if (q.targets.length !== 1 || q.entities.length > 1 || q.candidates.length > 0) return q;
  const at = q.text.lastIndexOf(c.text);
  if (at < 0 || !AFTER_BOUND.test(q.text.slice(at + c.text.length))) return q;
  const check = checkOf(c, yesNo);
  const { countAsked: _count, ...rest } = q;
  return { ...rest, intent: q.intent === 'breakdown' || q.intent === 'list' ? 'lookup' : q.intent, conditions: [], listOf: q.intent === 'list' ? null : q.listOf, check };
}

/** The figure a department's whole is checked by when the question names none. */
const WHOLE: Target = { kind: 'metric', key: 'expenditure.grand_total', text: '支出总计' };
/** 项目, 科目: words asking to list what meets the bound (抚顺有没有超过一亿的项目), never the whole checked. */
const LISTED = new RegExp(alternation([...words.listTargets.projects, ...words.scopes.subjects]));

/**
 * 抚顺预算六个亿左右吗, 一共大概三个亿吧: a department asked yes or no against an amount, naming no figure and nothing to list,
 * is checked by its 支出总计 — said so before the answer —, never its projects held to the amount.
 */
export function wholeChecked(q: StructuredQuery, yesNo: Pick<YesNo, 'about'>): StructuredQuery {
  const [c] = q.conditions;
  const oneSum = q.arithmetic?.op === 'sum' && q.arithmetic.count === null;
  if (q.check || !c || q.conditions.length !== 1 || c.unit !== 'yuan' || !c.unitTyped || q.targets.length > 0 || q.entities.length !== 1) return q;
  if (q.set || q.within || q.targetBound || (q.arithmetic && !oneSum) || q.reference || q.candidates.length > 0 || q.unknown.length > 0 || LISTED.test(q.text)) return q;
  const at = q.text.lastIndexOf(c.text);
  if (at < 0 || !AFTER_BOUND.test(q.text.slice(at + c.text.length))) return q;
  const { countAsked: _count, ...rest } = q;
  const notes = [...(q.notes ?? []), '没有说哪一项，比较的是部门的支出总计。'];
  return { ...rest, intent: 'lookup', targets: [WHOLE], conditions: [], listOf: null, arithmetic: null, check: checkOf(c, yesNo), notes };
}
