// Reading printed numbers exactly. Money is kept as integer 分 (fen): no floating
// point ever touches an amount between the page and the database.
import type { AmountUnit } from '../../store/schema.ts';

export interface PrintedNumber {
  /** The number as printed once blanks are removed: `236,023.06`. */
  text: string;
  negative: boolean;
  /** Digits before the decimal point, without grouping commas ('' for a `.00` fragment). */
  whole: string;
  /** Digits after the decimal point. */
  fraction: string;
  percent: boolean;
  /** Blanks inside the number were removed (`236 ,02 3.0 6`). */
  repaired: boolean;
  /** Grouping commas not at thousands (`23,60,23`): read, but worth a flag. */
  irregularGrouping: boolean;
}

const NUMBER = /^([-−])?(\d[\d,]*)?(?:\.(\d+))?(%)?$/;

/** Parses a cell or token that is entirely one number; null for anything else. */
export function parseNumber(cell: string): PrintedNumber | null {
  const trimmed = cell.trim();
  if (trimmed === '') return null;
  const text = trimmed.replace(/[\s\u3000]+/g, '');
  const m = NUMBER.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const grouped = m[2] ?? '';
  if (grouped.endsWith(',')) return null;
  const whole = grouped.replace(/,/g, '');
  return {
    text,
    negative: m[1] !== undefined,
    whole,
    fraction: m[3] ?? '',
    percent: m[4] !== undefined,
    repaired: text !== trimmed,
    irregularGrouping: grouped.includes(',') && !/^\d{1,3}(,\d{3})+$/.test(grouped),
  };
}

/** A cell printing nothing but a dash (`-`, `—`, `——`, `－`, `--`): a table's way of printing zero. */
export const isDash = (cell: string): boolean => /^[-—－–]{1,2}$/.test(cell.trim());

/** A figure cell: its number, a dash read as the zero it stands for, else null. */
export function parseFigure(cell: string): PrintedNumber | null {
  if (!isDash(cell)) return parseNumber(cell);
  return { text: cell.trim(), negative: false, whole: '0', fraction: '', percent: false, repaired: false, irregularGrouping: false };
}

/** 分 per printed unit. */
export const FEN_PER_UNIT: Record<AmountUnit, number> = { 元: 100, 万元: 1_000_000 };

/** Exact conversion to 分; null if the number has more decimals than 分 can hold. */
export function toFen(n: PrintedNumber, unit: AmountUnit): number | null {
  const scale = FEN_PER_UNIT[unit];
  const fractionDigits = Math.round(Math.log10(scale));
  if (n.fraction.length > fractionDigits) return null;
  const whole = n.whole === '' ? 0 : Number(n.whole);
  const fraction = n.fraction === '' ? 0 : Number(n.fraction.padEnd(fractionDigits, '0'));
  const fen = whole * scale + fraction;
  if (!Number.isSafeInteger(fen)) return null;
  return n.negative ? -fen : fen;
}

/** One unit of the last printed digit, in 分: the tolerance for comparing this figure. */
export function precisionFen(n: PrintedNumber, unit: AmountUnit): number {
  return Math.max(1, FEN_PER_UNIT[unit] / 10 ** n.fraction.length);
}

/** The numeric value as a JS number (for scores, counts and percentages, never for money). */
export function toValue(n: PrintedNumber): number {
  const v = Number(`${n.whole || '0'}.${n.fraction || '0'}`);
  return n.negative ? -v : v;
}

/** A subject or unit code: 3–7 digits, nothing else (`2101103`, `30239`, `317001`). */
export function isCodeToken(s: string): boolean {
  return /^\d{3,7}$/.test(s.replace(/\s+/g, ''));
}

/** Looks like money: has a decimal point or thousands grouping. */
export function isAmountLike(n: PrintedNumber): boolean {
  return !n.percent && (n.fraction !== '' || n.text.includes(','));
}
