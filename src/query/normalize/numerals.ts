// Chinese numerals that are quantities become arabic (前五 → 前5, 三千五百万 → 3500万);
// numerals inside fixed words (三公, 一般, 二级指标, grammar/fixed-words.json) stay as written.
import fixedWords from '../../../grammar/fixed-words.json' with { type: 'json' };
import context from '../../../grammar/numeral-context.json' with { type: 'json' };
import { DIGITS, DIGIT_CHARS, LARGE_UNITS, NUMERAL_CHARS, SMALL_UNITS } from './chinese-digits.ts';
import { isHanAt, isHanBefore } from './han.ts';
import { alternation, COMPARATORS_BEFORE } from './words.ts';

const RUN = new RegExp(`[${NUMERAL_CHARS}]+`, 'g');
const ANY_NUMERAL = new RegExp(`[${NUMERAL_CHARS}]`);
const HAS_DIGIT = new RegExp(`[${DIGIT_CHARS}]`);
const HAS_UNIT = /[十百千万亿]/;
const PERCENT = new RegExp(`百分之([${DIGIT_CHARS}十百]+)`, 'g');
// 一点五亿, 百分之零点五: a decimal point spoken as 点 between numerals (a whole part, then digits read one by one).
const DECIMAL = new RegExp(`(百分之)?([${DIGIT_CHARS}十百]+)点([${DIGIT_CHARS}]+)`, 'g');
const FIXED = new RegExp(alternation(fixedWords.words.filter((w) => ANY_NUMERAL.test(w))), 'g');

/** A bare 万 or 亿 with nothing before it counts one of itself. */
function orOne(count: number, digit: number | null): number {
  return count === 0 && digit === null ? 1 : count;
}

/**
 * The value of a run of Chinese numerals, or null if it is not a well-formed number.
 * `一千四百四十` → 1440, `三千五百万` → 35000000, `一万五` → 15000 (spoken short form),
 * `二〇二三` → 2023 (digits without units read one by one).
 */
export function parseChineseNumeral(run: string): number | null {
  if (run === '') return null;
  if (!HAS_UNIT.test(run)) {
    let n = 0;
    for (const c of run) {
      const d = DIGITS[c];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return exact(n);
  }
  let above = 0; // whole 亿 groups
  let wan = 0; // the 万 group under them
  let section = 0; // below 万
  let digit: number | null = null;
  let lastUnit = 1;
  let zeroSinceUnit = false;
  for (const c of run) {
    const d = DIGITS[c];
    const small = SMALL_UNITS[c];
    const large = LARGE_UNITS[c];
    if (d !== undefined) {
      if (digit !== null && digit !== 0) return null; // 一二百 is no number
      digit = d;
      if (d === 0) zeroSinceUnit = true;
      continue;
    }
    if (small !== undefined) {
      section += (digit ?? 1) * small;
    } else if (large === 1e4) {
      wan = orOne(section + (digit ?? 0), digit) * 1e4;
      section = 0;
    } else if (large !== undefined) {
      above = orOne(above + wan + section + (digit ?? 0), digit) * 1e8;
      wan = 0;
      section = 0;
    } else {
      return null;
    }
    digit = null;
    lastUnit = small ?? large ?? 1;
    zeroSinceUnit = false;
  }
  // 一万五 means 15000: a last digit right after a unit counts in the next lower unit.
  const tail = digit === null ? 0 : zeroSinceUnit ? digit : (digit * lastUnit) / 10;
  return exact(above + wan + section + tail);
}

/** 一亿亿亿… or three hundred 〇: too large to be exact (or finite) is no number; it stays as typed. */
function exact(n: number): number | null {
  return n <= Number.MAX_SAFE_INTEGER ? n : null;
}

/** The arabic spelling, keeping the largest of 亿/万 written: 三千五百万 → 3500万, 一亿五千万 → 1.5亿. */
function arabic(run: string, value: number): string {
  if (run.includes('亿')) return `${value / 1e8}亿`;
  if (run.includes('万')) return `${value / 1e4}万`;
  return String(value);
}

function fixedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(FIXED)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

// A comparator (不到, 超过) is always followed by a quantity: 不到十万 → 不到10万.
const BEFORE = [...new Set([...context.before, ...COMPARATORS_BEFORE])];

function isQuantity(run: string, start: number, text: string): boolean {
  const end = start + run.length;
  if (HAS_DIGIT.test(run) && HAS_UNIT.test(run)) return true;
  if (BEFORE.some((w) => text.endsWith(w, start))) return true;
  if (context.after.some((w) => text.startsWith(w, end))) return true;
  return !isHanBefore(text, start) && !isHanAt(text, end);
}

/** `一点五` → `1.5`, `百分之零点五` → `0.5%`; as typed when the whole part is no number. */
function decimal(match: string, percent: string | undefined, whole: string, fraction: string): string {
  const w = parseChineseNumeral(whole);
  if (w === null) return match;
  const value = `${w}.${[...fraction].map((c) => DIGITS[c]).join('')}`;
  return percent ? `${value}%` : value;
}

/** `前五` → `前5`, `两个` → `2个`, `百分之五` → `5%`; `三公`, `一般`, `二级`, `统一`, `十分` stay. */
export function convertChineseNumerals(text: string): string {
  if (!ANY_NUMERAL.test(text)) return text;
  const decimals = text.includes('点') ? text.replace(DECIMAL, decimal) : text;
  const s = decimals.replace(PERCENT, (match, run: string) => {
    const value = parseChineseNumeral(run);
    return value === null ? match : `${value}%`;
  });
  const fixed = fixedRanges(s);
  return s.replace(RUN, (run: string, start: number) => {
    // A run of units alone (万, 百, 千万) is a unit or a word, not a number; 十 alone is ten.
    if (!HAS_DIGIT.test(run) && !run.startsWith('十')) return run;
    // A fixed word only where the run starts with it or inside it: 十分 is fixed, 九十分 is 90分.
    if (fixed.some(([a, b]) => a <= start && start < b)) return run;
    if (!isQuantity(run, start, s)) return run;
    const value = parseChineseNumeral(run);
    return value === null ? run : arabic(run, value);
  });
}
