// What every consistency rule produces, and the one way figures are compared.
import type { CellDraft, TableDraft } from '../model.ts';
import type { FactDraft } from '../prose/facts.ts';

export interface CheckDraft {
  rule: string;
  table: TableDraft | null;
  subject: string;
  passed: boolean;
  expectedFen: number | null;
  actualFen: number | null;
  toleranceFen: number;
  lines: number[];
  message: string;
  /** The stored figures it compared: what it corroborates when it passes, and contradicts when it fails. */
  cells: CellDraft[];
  facts: FactDraft[];
}

/** One unit of the last printed digit of the coarsest figure involved. */
export function tolerance(...precisions: (number | null)[]): number {
  return Math.max(1, ...precisions.map((p) => p ?? 1));
}

export const sum = (cells: CellDraft[]) => cells.reduce((s, c) => s + (c.fen ?? 0), 0);

/** 分 as 元 or 万元 the way the table printed them, for messages. */
export function show(fen: number, table: TableDraft | null): string {
  return table?.unit === '元' ? `${(fen / 100).toFixed(2)}元` : `${(fen / 1_000_000).toFixed(2)}万元`;
}

/** A check that a figure equals the sum of its parts. */
export function sumCheck(
  rule: string,
  table: TableDraft,
  subject: string,
  whole: CellDraft,
  parts: CellDraft[],
  describe: string,
): CheckDraft {
  const actual = sum(parts);
  const tol = tolerance(whole.precisionFen, ...parts.map((p) => p.precisionFen));
  const passed = Math.abs((whole.fen ?? 0) - actual) <= tol;
  return {
    rule,
    table,
    subject,
    passed,
    expectedFen: whole.fen,
    actualFen: actual,
    toleranceFen: tol,
    lines: [...new Set([whole.line, ...parts.map((p) => p.line)])].sort((a, b) => a - b),
    cells: [whole, ...parts],
    facts: [],
    message: passed
      ? `${describe}：${show(whole.fen ?? 0, table)} = ${show(actual, table)}`
      : `${describe}：印有 ${show(whole.fen ?? 0, table)}，各项相加为 ${show(actual, table)}，相差 ${show((whole.fen ?? 0) - actual, table)}`,
  };
}

/** Cells usable in checks: printed, understood, not a repeated row. */
export function checkable(cells: CellDraft[]): CellDraft[] {
  return cells.filter(
    (c) => c.valueKind === 'money' && c.fen !== null && c.column.key !== 'unknown' && !c.column.subset && !c.flags.includes('duplicate_row'),
  );
}

/** Same column: same measure, scope, basis, year and printed header. */
export const columnId = (c: CellDraft) => `${c.column.key}|${c.column.scope}|${c.column.basis}|${c.column.year}|${c.column.label}`;
