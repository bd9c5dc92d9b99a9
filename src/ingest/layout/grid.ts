// A table region as a grid: header rows turned into one path of header texts
// per column, and the data rows below. Multi-row headers span columns by
// leaving cells empty; a header cell is extended to the right over the empty
// cells that have a header below them, inside its parent's span.
import { hasNumberedOrdinal, squeezeCjkSpaces } from '../text/cjk.ts';
import { isAmountLike, isCodeToken, isDash, parseNumber } from '../text/numbers.ts';
import { namesColumn } from './columns.ts';
import type { Line } from './lines.ts';
import type { TableRegion } from './regions.ts';

export interface DataRow {
  line: Line;
  /** The next line, when the row was broken across two (`53,704` + `.00`). */
  continuation: Line | null;
  cells: string[];
  /** Index of the page segment the row is on. */
  segment: number;
  /** Header paths in force for this row (its own page's header, or the first page's). */
  paths: string[][];
}

export interface Grid {
  /** Header paths of the first page, one per column. */
  paths: string[][];
  rows: DataRow[];
  /** Header rows as printed, per segment (empty when a page repeats none). */
  headers: Line[][];
  /**
   * Rows read turned back (layout/orientation.ts): for their header paths, the printed line each
   * column's figures stand on.
   */
  columnLines?: Map<string[][], (number | null)[]>;
}

/** A line of text alone taken into a table (layout/regions.ts): a piece of the name of the row above or below. */
export const isNamePiece = (row: DataRow) => !row.line.raw.includes('\t') && row.cells.length === 1;

/** A row made only of header words: no figure, no subject code, no list marker. */
export function isHeaderRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 0) return true;
  if (isColumnNumbering(cells)) return true;
  for (const c of filled) {
    // A dash is a zero printed in a figure column, never a header word.
    if (isDash(c)) return false;
    const n = parseNumber(c);
    if (n && (isAmountLike(n) || n.percent)) return false;
  }
  // A subject code in the first cells, or a numbered label first (`一、…`, after a 序号), begins a data row; a
  // header may number the items it prints across (a table printed transposed: `项目 | 合计 | 1.因公出国（境）费`).
  const label = filled.find((c) => !/^\d{1,3}$/.test(c.trim())) ?? '';
  // A year after the first cell is a header word broken off its column's name (`2024` / `年预算数`), not a code.
  const code = (c: string, k: number) => isCodeToken(c) && !(k > 0 && /^20\d{2}$/.test(c.trim()));
  return !filled.slice(0, 3).some(code) && !hasNumberedOrdinal(label);
}

/** The 栏次 row numbers the columns (1 2 3…, with or without the word 栏次); it names nothing. */
const isColumnNumbering = (row: string[]) => {
  const filled = row.map((c) => c.trim()).filter((c) => c !== '');
  if (/^栏\s*次$/.test(filled[0] ?? '')) return true;
  return filled.length >= 3 && filled.every((c, i) => c === String(i + 1));
};

/**
 * Header cells too long for their column, printed on as a line of their own (`政府性基金预` / `算拨款收入`): a
 * row whose every cell stands under a cell of the row above and completes it into a header the vocabulary
 * knows, where one of the two halves alone is not one. A row of sub-headers (预算数 / 合计) is left alone.
 */
function joinWrapped(rows: string[][]): string[][] {
  const out = rows.map((r) => r.map((c) => squeezeCjkSpaces(c)));
  for (let r = out.length - 1; r >= 1; r--) {
    const [above, row] = [out[r - 1]!, out[r]!];
    const cells = row.flatMap((c, i) => (c !== '' ? [i] : []));
    const completes = (i: number) => (above[i] ?? '') !== '' && namesColumn(above[i] + row[i]) && !(namesColumn(above[i]!) && namesColumn(row[i]!));
    if (cells.length === 0 || !cells.every(completes)) continue;
    for (const i of cells) above[i] += row[i]!;
    out.splice(r, 1);
  }
  return out;
}

export function columnPaths(allRows: string[][]): string[][] {
  const headerRows = joinWrapped(allRows.filter((r) => !isColumnNumbering(r)));
  const width = Math.max(0, ...headerRows.map((r) => r.length));
  const filled: string[][] = headerRows.map((r) => Array.from({ length: width }, (_, c) => squeezeCjkSpaces(r[c] ?? '')));
  const hasBelow = (r: number, c: number) => filled.slice(r + 1).some((row) => row[c] !== '');
  const parentOf = (r: number, c: number) => (r === 0 ? '' : filled[r - 1]![c]!);
  for (let r = 0; r < filled.length; r++) {
    const row = filled[r]!;
    for (let c = 1; c < width; c++) {
      if (row[c] === '' && row[c - 1] !== '' && hasBelow(r, c) && parentOf(r, c) === parentOf(r, c - 1)) row[c] = row[c - 1]!;
    }
  }
  return Array.from({ length: width }, (_, c) => {
    const path: string[] = [];
    for (const row of filled) if (row[c] !== '' && path.at(-1) !== row[c]) path.push(row[c]!);
    return path;
  });
}

export function buildGrid(region: TableRegion): Grid {
  let paths: string[][] = [];
  let current: string[][] = [];
  const rows: DataRow[] = [];
  const headers: Line[][] = [];
  const seen = headerKeys();
  const addHeader = (lines: Line[]) => {
    headers.push(lines);
    seen.add(lines);
  };
  region.segments.forEach((segment, s) => {
    let i = 0;
    while (i < segment.rows.length && isHeaderRow(segment.rows[i]!.cells!)) i++;
    const headerLines = segment.rows.slice(0, i);
    addHeader(headerLines);
    if (headerLines.length > 0) {
      current = columnPaths(headerLines.map((l) => l.cells!));
      if (s === 0) paths = current;
    }
    let restated: Line[] = [];
    const body = segment.rows.slice(i);
    for (const [k, line] of body.entries()) {
      // Header rows repeated inside a page run (after a page break with no heading), maybe
      // wrapped differently: they start like a header row and carry no figure. They become
      // the header for the rows that follow. So does the header of a second, narrower table
      // printed right under the first (公开10表's 项目 | 统计数).
      if (isColumnNumbering(line.cells!) || seen.repeats(line)) continue;
      const width = line.cells!.length;
      const opensSubTable = width !== (current.length || width) && body[k + 1]?.cells!.length === width && !isHeaderRow(body[k + 1]!.cells!);
      if (isHeaderRow(line.cells!) && (seen.startsLike(line) || opensSubTable)) {
        restated.push(line);
        continue;
      }
      if (restated.length) {
        current = columnPaths(restated.map((l) => l.cells!));
        addHeader(restated);
        restated = [];
      }
      const row: DataRow = { line, continuation: null, cells: line.cells!, segment: s, paths: current };
      const prev = rows.at(-1);
      if (prev && prev.continuation === null && continuesBrokenRow(prev.cells, row.cells)) {
        prev.cells = joinBrokenRow(prev.cells, row.cells);
        prev.continuation = line;
      } else rows.push(row);
    }
  });
  return { paths, rows, headers };
}

const rowKey = (cells: string[]) => cells.map((c) => c.replace(/\s+/g, '')).join('|');

const firstCell = (cells: string[]) => (cells.find((c) => c.trim() !== '') ?? '').replace(/\s+/g, '');

/**
 * The header rows of a table so far, as keys computed once per header row: a table printed over hundreds of
 * pages restates its header on each, and every body row is compared with all of them.
 */
function headerKeys() {
  const rows = new Set<string>();
  const firsts = new Set<string>();
  return {
    add(lines: Line[]) {
      for (const l of lines) {
        rows.add(rowKey(l.cells!));
        firsts.add(firstCell(l.cells!));
      }
    },
    /** A header row printed again: its first cell is a header row's first cell before the whole row is keyed. */
    repeats: (line: Line) => firsts.has(firstCell(line.cells!)) && rows.has(rowKey(line.cells!)),
    /** A row whose first cell is the first cell of a header row (`政府采购项目来源`, `项目名称`). */
    startsLike(line: Line) {
      const first = firstCell(line.cells!);
      return first !== '' && firsts.has(first);
    },
  };
}

const compact = (c: string) => c.replace(/[\s\u3000]+/g, '');
/** Digits, commas and dots only: a piece of a number. */
const isFragment = (c: string) => /^[\d,.]+$/.test(compact(c)) && /\d/.test(c);
/** A complete printed amount: decimals after the point. */
const isWhole = (c: string) => /^-?\d[\d,]*\.\d{2,}$/.test(compact(c));
/** Two pieces that make one amount (`154` + `.53`, `22` + `04.01`, `43.` + `62`, `13315` + `03.24`). */
const joinsInto = (head: string, tail: string) => !isWhole(head) && /^-?\d[\d,]*\.\d{1,4}$/.test(compact(head) + compact(tail));

/**
 * A row printed over two lines: every piece of a number on the second line completes the
 * number above it (`53,704` + `.00`, `154` + `.53`, `43.` + `62`), and anything else there
 * continues the text above it (a wrapped project name). A line of text alone is left to the parsers.
 */
function continuesBrokenRow(prev: string[], next: string[]): boolean {
  // Asked of every row of every table: one pass over the cells, no lists.
  let pieces = 0;
  for (let i = 0; i < next.length; i++) {
    const cell = next[i]!;
    if (!cell.trim()) continue;
    const above = prev[i] ?? '';
    if (!above.trim()) return false;
    if (isFragment(cell)) {
      pieces++;
      if (!(isFragment(above) && joinsInto(above, cell))) return false;
    } else if (isFragment(above) || parseNumber(above) !== null || hasNumberedOrdinal(cell)) return false;
  }
  return pieces > 0;
}

function joinBrokenRow(prev: string[], next: string[]): string[] {
  return Array.from({ length: Math.max(prev.length, next.length) }, (_, i) => {
    const a = prev[i] ?? '';
    const b = next[i] ?? '';
    return a && b ? `${a}${b}` : a || b;
  });
}
