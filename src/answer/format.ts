// How figures and sources read in an answer. Money is shown in 万元 with two
// decimals; where the document printed 元, the exact 元 figure follows.
import type { AmountUnit } from '../store/schema.ts';

/** Where a figure is printed: `表7第206行`, or `正文第434行` for the text. */
export const printedAt = (f: { table: string | null; line: number }): string => `${f.table ?? '正文'}第${f.line}行`;

/** 1234567 → "1,234,567" for a whole number: toLocaleString does the same through Intl, many times slower. */
function group(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** 136000000 分 → "13.60万元"; with `printedIn` 元 and a remainder below 0.01万: "21.94万元（219,438.35元）". */
export function money(fen: number, printedIn: AmountUnit = '万元'): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const hundredths = Math.round(abs / 10_000);
  const wan = `${sign}${group(Math.floor(hundredths / 100))}.${String(hundredths % 100).padStart(2, '0')}万元`;
  if (printedIn !== '元') return wan;
  return `${wan}（${sign}${group(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}元）`;
}

/** 分 → 元 as a JSON number (exact to the 分 in binary floating point terms: at most two decimals). */
export function yuan(fen: number): number {
  return fen / 100;
}

export function percent(value: number, digits = 2): string {
  // 1.00万元 of 57,211.31万元 is 0.0017%, not 0.00%: a share too small for two decimals keeps two significant digits.
  if (value !== 0 && Math.abs(value) < 10 ** -digits) return `${Number(value.toPrecision(2))}%`;
  return `${value.toFixed(digits)}%`;
}

/** 表5 一般公共预算支出表 → "一般公共预算支出表（表5）". */
export function tableName(name: string, number: string | null): string {
  return number ? `${name}（${number}）` : name;
}

export function citation(document: string, table: string | null, line: number): string {
  return `《${document}》${table ? `${table}，` : '正文，'}第${line}行`;
}
