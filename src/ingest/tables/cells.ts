// Turning one printed cell into a stored figure, the same way in every table kind.
import type { AmountUnit } from '../../store/schema.ts';
import type { ColumnMeaning } from '../layout/columns.ts';
import type { Grid } from '../layout/grid.ts';
import { describeColumn } from '../layout/columns.ts';
import type { CellDraft, ColumnRef, ParseContext, TableDraft } from '../model.ts';
import { isAmountLike, isDash, parseNumber, precisionFen, toFen, toValue } from '../text/numbers.ts';

export function columnRef(m: ColumnMeaning): ColumnRef {
  return { key: m.ambiguous ? 'unknown' : m.measure, label: m.label, scope: m.scope, basis: m.basis, year: m.year, subset: m.subset, part: m.part };
}

/** Column meanings for a row's header paths, computed once per distinct header. */
export function meaningsFor(ctx: ParseContext, grid: Grid): (paths: string[][]) => ColumnMeaning[] {
  const cache = new Map<string[][], ColumnMeaning[]>();
  return (paths) => {
    let m = cache.get(paths);
    if (!m) {
      m = paths.map((p, i) => {
        const line = grid.columnLines?.get(paths)?.[i];
        return line ? { ...describeColumn(p, ctx), line } : describeColumn(p, ctx);
      });
      cache.set(paths, m);
    }
    return m;
  };
}

const COUNT = /^(\d+(?:\.\d+)?)\s*(人|个|辆|台|套|台（套）|项|次|家|名)?$/;

type Row = Omit<CellDraft, 'column' | 'valueKind' | 'fen' | 'quantity' | 'precisionFen' | 'raw' | 'flags'>;

/** Columns of percentages (增减幅度, 完成年初预算（%）, 执行率), or any header printing %: their cells are never money. */
const PERCENT_MEASURES = new Set(['change_rate', 'rate']);
export const isPercentColumn = (meaning: ColumnMeaning) => PERCENT_MEASURES.has(meaning.measure) || /[%％]/.test(meaning.label);

/**
 * The figure in one cell, or null when the cell holds no number. `row` carries
 * what the row says (label, subject, unit, project); the column says the rest.
 */
export function figure(
  table: TableDraft,
  printedRow: Row,
  text: string,
  meaning: ColumnMeaning,
  extraFlags: string[] = [],
): CellDraft | null {
  const flags = [...extraFlags];
  if (meaning.ambiguous) flags.push('ambiguous_column');
  const row = at(printedRow, meaning);
  if (meaning.role === 'count') {
    const m = COUNT.exec(text.replace(/\s+/g, ''));
    if (!m) return null;
    return { ...row, column: columnRef(meaning), valueKind: 'count', fen: null, quantity: Number(m[1]), precisionFen: null, raw: text, flags };
  }
  // A dash (`-`, `—`, `——`, `--`) in a figure column is printed for nothing: zero, as printed. In a
  // change-rate column it says the rate cannot be computed (nothing last year): no figure at all.
  if (isDash(text) && meaning.role === 'value') {
    if (isPercentColumn(meaning)) return null;
    return { ...row, column: columnRef(meaning), valueKind: 'money', fen: 0, quantity: null, precisionFen: null, raw: text, flags: [...flags, 'dash_zero'] };
  }
  const n = parseNumber(text);
  if (!n) return null;
  // A percentage in a figure column (增减幅度 -35.36%, or a 增减幅度（%） column's -8.96): stored as printed, never as money.
  if (n.percent || isPercentColumn(meaning)) return meaning.role === 'value' ? { ...row, column: columnRef(meaning), valueKind: 'percent', fen: null, quantity: toValue(n), precisionFen: null, raw: text, flags } : null;
  if (!isAmountLike(n)) {
    // Amounts are printed with decimals or grouping; a bare integer here is a code or a stray.
    table.problems.push(`第${row.line}行：“${text}”不像金额，未入库`);
    return null;
  }
  const unit: AmountUnit = meaning.unit ?? table.unit;
  const fen = toFen(n, unit);
  if (n.repaired) flags.push('repaired_spaces');
  if (n.irregularGrouping) flags.push('irregular_grouping');
  if (fen === null) {
    table.problems.push(`第${row.line}行 ${text}：位数超出“分”，未能精确换算`);
    return null;
  }
  return { ...row, column: columnRef(meaning), valueKind: 'money', fen, quantity: null, precisionFen: precisionFen(n, unit), raw: text, flags };
}

/** The row as the cell under this column stands in it: on the column's own line in a table read turned back. */
const at = (row: Row, meaning: ColumnMeaning): Row => (meaning.line ? { ...row, line: meaning.line } : row);

/** A blank cell that the table means as zero (a “三公” item with nothing spent). */
export function blankZero(row: Row, meaning: ColumnMeaning): CellDraft {
  return { ...at(row, meaning), column: columnRef(meaning), valueKind: 'money', fen: 0, quantity: null, precisionFen: null, raw: '', flags: ['blank'] };
}

/** A cell printed empty whose meaning is not zero: no figure, flagged `empty`. */
export function emptyCell(row: Row, meaning: ColumnMeaning): CellDraft {
  return { ...at(row, meaning), column: columnRef(meaning), valueKind: 'money', fen: null, quantity: null, precisionFen: null, raw: '', flags: ['empty'] };
}

/** A value that is a plain number (a score, a weight), or null. */
export function plainNumber(text: string | null | undefined): number | null {
  if (!text) return null;
  const n = parseNumber(text);
  return n && !n.percent ? toValue(n) : null;
}

export function emptyRow(line: number, rowLabel: string, classification: string): Row {
  return {
    line,
    rowLabel,
    classification,
    side: null,
    subjectCode: null,
    subjectName: null,
    level: null,
    parentCode: null,
    altCode: null,
    altName: null,
    metric: null,
    unitName: null,
    project: null,
  };
}
