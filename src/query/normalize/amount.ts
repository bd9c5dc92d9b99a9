// Amounts of money as typed in questions: 100万, 1.5亿, 3千万, 219,438.35元.
import { foldWidth } from './width.ts';
import { parseChineseNumeral } from './numerals.ts';
import { DIGIT_CHARS, NUMERAL_CHARS } from './chinese-digits.ts';

/**
 * Multiplies a decimal written as text by 10^places without floating point error:
 * ('13.6', 4) → '136000', ('0.05', 1) → '0.5'.
 */
export function shiftDecimal(decimal: string, places: number): string {
  const [whole = '', fraction = ''] = decimal.split('.');
  const digits = whole + fraction.padEnd(places, '0');
  const point = whole.length + places;
  const head = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const tail = digits.slice(point).replace(/0+$/, '');
  return tail === '' ? head : `${head}.${tail}`;
}

const SMALL_MULTIPLIER: Readonly<Record<string, number>> = { 百: 2, 千: 3 };
const ARABIC_HUNDREDS = /(?<![\d.])(\d+(?:\.\d+)?)([百千])/g;
// Spoken 一个亿, 两个亿, 3个万: the measure word 个 stands between the count and its 万/亿.
const COUNTED_LARGE = /(?<=\d)个(?=[万亿])/g;

/**
 * `3千万` → `3000万`, `1.2千` → `1200`: digits before 百/千 are folded into the number;
 * `1个亿` → `1亿`, so 超过一个亿 is 1亿 and not 1 of some unit.
 */
export function expandArabicMultipliers(text: string): string {
  return text
    .replace(COUNTED_LARGE, '')
    .replace(ARABIC_HUNDREDS, (_m, n: string, unit: string) => shiftDecimal(n, SMALL_MULTIPLIER[unit] ?? 0));
}

const ARABIC_AMOUNT = /^(-?)(\d+(?:\.\d+)?)([百千]?)([万亿]?)元?$/;
// Starts with a digit or 十, so words such as 万一 are not read as amounts.
const CHINESE_AMOUNT = new RegExp(`^([${DIGIT_CHARS}十][${NUMERAL_CHARS}]*)元?$`);
const LARGE_PLACES: Readonly<Record<string, number>> = { 万: 4, 亿: 8 };

/**
 * An amount in 元: `13.6万元` → 136000, `1.5亿` → 150000000, `219,438.35元` → 219438.35,
 * `三千五百万元` → 35000000; null when the text is not one amount.
 */
export function parseAmountYuan(text: string): number | null {
  const s = foldWidth(text).replace(/\s+/g, '').replace(/(?<=\d),(?=\d)/g, '');
  const m = ARABIC_AMOUNT.exec(s);
  if (m) {
    const [, sign = '', n = '', small = '', large = ''] = m;
    const places = (SMALL_MULTIPLIER[small] ?? 0) + (LARGE_PLACES[large] ?? 0);
    return Number(sign + shiftDecimal(n, places));
  }
  const c = CHINESE_AMOUNT.exec(s);
  return c?.[1] === undefined ? null : parseChineseNumeral(c[1]);
}
