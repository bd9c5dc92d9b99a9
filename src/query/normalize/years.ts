// Years as the grammar reads them: four arabic digits followed by 年.
import context from '../../../grammar/numeral-context.json' with { type: 'json' };
import { DIGITS } from './chinese-digits.ts';

const CHINESE_YEAR = /(?<![〇零一二两三四五六七八九十百千万亿])[〇零一二三四五六七八九]{4}(?=年)/g;
const YEAR_DU = /(?<![\d.])(\d{4})年度/g;
const SHORT_YEAR = /(?<![\d.])(\d{2})年度?/g;
const DURATION_BEFORE = context.durationBefore.words;

/** Whether a duration word (近, 过去 …) ends at `end`, spaces aside. */
function isDuration(text: string, end: number): boolean {
  let e = end;
  while (e > 0 && text[e - 1] === ' ') e--;
  return DURATION_BEFORE.some((w) => text.endsWith(w, e));
}

/** `二〇二三年` → `2023年`, `23年` → `2023年`, `2023年度` → `2023年`; `近10年` is a duration and stays. */
export function normalizeYears(text: string): string {
  // Each pattern ends in 年.
  if (!text.includes('年')) return text;
  return text
    .replace(CHINESE_YEAR, (digits) => [...digits].map((c) => DIGITS[c]).join(''))
    .replace(YEAR_DU, '$1年')
    .replace(SHORT_YEAR, (match, yy: string, offset: number, whole: string) =>
      isDuration(whole, offset) ? match : `20${yy}年`,
    );
}
