// The date a figure stands at, as the text states it: `截至 2022 年 12 月 31 日`,
// `截止上年底`, `截至年末`, `截止时间：2022-12-31`. Year-end words are resolved
// against the document's fiscal year; the result is an ISO date (2022-12-31).

const DATE = String.raw`(20\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?`;

/**
 * A stock's date in a sentence: an explicit date or a year's end after 截至/截止,
 * or 上年底/上年末 on its own (`上年末固定资产金额为…`). A bare 年末 is not one:
 * `年末结转和结余` names an item, not a date.
 */
const AS_OF = new RegExp(String.raw`(?:截至|截止)(?:到)?\s*(?:${DATE}|(20\d{2})\s*年\s*[底末]|(?:本|当)?\s*年(?:度|年)?\s*[底末])|上\s*年(?:度)?\s*[底末]`, 'g');

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const WHOLE_DATE = new RegExp(`^${DATE}$`);

/** `2022-12-31`, `2022年12月31日`, `2022.12.31` → 2022-12-31; null when the text is not a date. */
export function readDate(text: string): string | null {
  const m = WHOLE_DATE.exec(text.trim());
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export interface AsOf {
  /** Where the statement ends in the text: it dates the figures after it. */
  end: number;
  date: string;
}

/** Every as-of statement in a sentence, in order. */
export function asOfStatements(sentence: string, fiscalYear: number): AsOf[] {
  const out: AsOf[] = [];
  for (const m of sentence.matchAll(AS_OF)) {
    const [text, y, mo, d, yearEnd] = m;
    const date = y
      ? iso(Number(y), Number(mo), Number(d))
      : yearEnd
        ? iso(Number(yearEnd), 12, 31)
        : iso(/上\s*年/.test(text) ? fiscalYear - 1 : fiscalYear, 12, 31);
    if (date) out.push({ end: m.index + text.length, date });
  }
  return out;
}
