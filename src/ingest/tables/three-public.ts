// “三公”经费 tables. The items (因公出国（境）费, 公务用车购置费, …) are printed
// either as rows (北票, 曲阳) or as columns (抚顺, 沈阳, where a top header row may
// also split the columns by year). A blank item cell means nothing was budgeted:
// it is stored as 0, flagged `blank` — each blank of a table printed transposed as
// in the same table printed the usual way; a blank rate (增减幅度 over nothing) is
// no figure at all. When the header rows contradict each other
// (the same labels at different offsets, as in 莲湖 表13), no column meaning can
// be trusted: the figures are stored as unmapped and the table marked misaligned.
import { withoutUnit, type ColumnMeaning } from '../layout/columns.ts';
import type { Grid } from '../layout/grid.ts';
import type { ParseContext, TableDraft } from '../model.ts';
import type { AmountUnit } from '../../store/schema.ts';
import { labelKey, squeezeCjkSpaces } from '../text/cjk.ts';
import { metricForLabel } from '../../store/metrics.ts';
import { blankZero, emptyRow, figure, isPercentColumn, meaningsFor } from './cells.ts';
import { splitUnit } from './unit-rows.ts';

const ITEM_METRICS = /^(three_public\.|meeting$|training$)/;
const COUNTED = /[（(](个|人|辆|人次|批次|次|台|套|台（套）)[)）]$/;
const ROW_MONEY = /[（(](万元|元)[)）]$/;

function itemOf(text: string): string | null {
  const key = labelKey(text);
  const m = metricForLabel(key);
  if (m && ITEM_METRICS.test(m.key)) return m.key;
  return null;
}

/** The item a column names: its deepest header cell that names one (`小计` under an item means the item). */
function columnItem(label: string): string | null {
  const path = label.split('/').map(withoutUnit);
  for (let i = path.length - 1; i >= 0; i--) {
    const item = itemOf(path[i]!) ?? (i > 0 ? shortItem(path[i - 1]!, path[i]!) : null);
    if (item) return item;
  }
  return path.some((p) => /^(合计|小计|总计)$/.test(p)) ? 'three_public.total' : null;
}

/**
 * An item printed short under the item it is part of (`购置费`, `运行费` under 公务用车购置及运行费): read with the
 * longest beginning of its parent that makes it name an item (公务用车 + 购置费), never taken for the parent.
 */
function shortItem(parent: string, child: string): string | null {
  const whole = itemOf(parent);
  for (let k = parent.length - 1; k > 0; k--) {
    const item = itemOf(parent.slice(0, k) + child);
    if (item && item !== whole) return item;
  }
  return null;
}

/** Two header rows printing the same run of labels at different columns. */
export function headerContradicts(headers: string[][]): boolean {
  const runs = headers.map((r) =>
    r.flatMap((c, i) => (c.trim() ? [{ key: labelKey(c), i }] : [])),
  );
  for (let a = 0; a < runs.length; a++) {
    for (let b = a + 1; b < runs.length; b++) {
      const A = runs[a]!;
      const B = runs[b]!;
      for (let i = 0; i + 2 < A.length; i++) {
        for (let j = 0; j + 2 < B.length; j++) {
          const same = [0, 1, 2].every((k) => A[i + k]!.key === B[j + k]!.key);
          if (same && A[i]!.i !== B[j]!.i) return true;
        }
      }
    }
  }
  return false;
}

export function parseThreePublic(table: TableDraft, grid: Grid, ctx: ParseContext): void {
  const meanings = meaningsFor(ctx, grid);
  const misaligned = grid.headers.some((h) => headerContradicts(h.map((l) => l.cells!)));
  if (misaligned) table.status = 'misaligned';
  const hasFigures = grid.rows.some((r) => r.cells.some((c) => c !== ''));

  // The last row label naming an item: a short one after it (购置费 after 公务用车购置及运行费) is read under it.
  let itemRow = '';
  for (const row of grid.rows) {
    const m = meanings(row.paths);
    const labelCol = m.findIndex((c) => c.role === 'label' || c.role === 'unit' || c.role === 'name');
    const printed = labelCol >= 0 ? squeezeCjkSpaces(row.cells[labelCol] ?? '') : '';
    const isTotal = /^(合计|小计|总计)$/.test(labelKey(printed));
    const rowItem = printed ? (itemOf(printed) ?? (isTotal ? 'three_public.total' : shortItem(itemRow, printed))) : null;
    if (printed && itemOf(printed)) itemRow = printed;
    // The same across the columns: the last header naming an item.
    let itemColumn = '';
    // A table by unit (单位名称 column): each row is a unit's, the 合计 row the department's.
    const unitName = m[labelCol]?.role === 'unit' && printed && !isTotal ? splitUnit(printed).name : null;
    // A row saying what it counts or its unit (`国内公务接待批次（个）`, `机关运行经费（万元）`): its figure is that.
    const counted = COUNTED.test(printed);
    const rowUnit = ROW_MONEY.exec(printed)?.[1] as AmountUnit | undefined;
    const rowMetric = rowItem ?? (printed && !isTotal ? (metricForLabel(labelKey(printed.replace(ROW_MONEY, '')))?.key ?? null) : null);
    m.forEach((printedMeaning: ColumnMeaning, i) => {
      if (printedMeaning.role !== 'value' && printedMeaning.role !== 'count') return;
      const meaning = counted ? { ...printedMeaning, role: 'count' as const } : rowUnit ? { ...printedMeaning, unit: rowUnit } : printedMeaning;
      const text = row.cells[i] ?? '';
      if (misaligned) {
        if (!text) return;
        const cell = figure(table, emptyRow(row.line.no, printed, '三公经费'), text, meaning, ['unmapped_column']);
        if (cell) table.cells.push({ ...cell, column: { ...cell.column, key: 'unknown' } });
        return;
      }
      // A 合计 row of a table printing the items as columns: each column is its item's total.
      const header = meaning.label.split('/').map(withoutUnit);
      const colItem = columnItem(meaning.label) ?? shortItem(itemColumn, header.at(-1)!);
      itemColumn = header.findLast((h) => itemOf(h) !== null) ?? itemColumn;
      const item = rowMetric === 'three_public.total' ? (colItem ?? rowMetric) : (rowMetric ?? colItem);
      const base = {
        ...emptyRow(row.line.no, printed || meaning.label, '三公经费'),
        metric: item,
        subjectName: item ? null : printed || null,
        unitName,
      };
      // Items as columns (also on the 合计 row): the item is the column, the figure is the row's total.
      // A figure whose column names no item and nothing the vocabulary knows, on a row naming nothing either (a
      // unit's row), stays unknown: stored, never answered.
      const named = item !== null || meaning.measure !== 'unknown' || meaning.role !== 'value';
      // A change or a rate (a table printed transposed) stays one: only a column saying nothing becomes the item's total.
      const column = rowItem && !(rowItem === 'three_public.total' && colItem) ? meaning : { ...meaning, measure: meaning.measure !== 'unknown' ? meaning.measure : named ? 'total' : 'unknown' };
      if (text) {
        const cell = figure(table, base, text, column);
        if (cell) table.cells.push(cell);
      } else if (meaning.role === 'value' && item?.startsWith('three_public.') && hasFigures && meaning.scope === '' && !isPercentColumn(column) && (rowItem === null || meaning.line !== undefined || row.cells.every((c, k) => m[k]?.role !== 'value' || c === ''))) {
        table.cells.push(blankZero(base, column));
      }
    });
  }
}
