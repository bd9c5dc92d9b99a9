// A document as numbered lines: each raw line cleaned, tab rows split into cells.
import { cleanLine } from '../text/clean.ts';

export interface Line {
  /** 1-based line number in the raw file. */
  no: number;
  raw: string;
  /** The cleaned text (see text/clean.ts). */
  text: string;
  /** The cells of a tab-separated row, or null for a text line. */
  cells: string[] | null;
}

export function readLines(content: string): Line[] {
  return content.split('\n').map((raw, i) => {
    const text = cleanLine(raw);
    return { no: i + 1, raw, text, cells: text.includes('\t') ? text.split('\t').map((c) => c.trim()) : null };
  });
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '' || (line.cells !== null && line.cells.every((c) => c === ''));
}
