// A table printed transposed: its rows name what columns usually do (2023年预算数 / 2024年预算数 /
// 增减额 / 增减幅度（%）) and its columns the things rows usually are (合计 | 因公出国（境）费 | …).
// The orientation is read from the labels alone (grammar/columns.json `transposedRows`), and such
// a table is turned back into the usual shape before its kind's parser reads it: every figure keeps
// its own printed line (the column it now stands in remembers it), and its meaning comes from its
// row label as it would from a header — a percentage row is a percentage, a year's row that year.
import vocabulary from '../../../grammar/columns.json' with { type: 'json' };
import type { Stage } from '../../store/schema.ts';
import { squeezeCjkSpaces } from '../text/cjk.ts';
import { describeColumn } from './columns.ts';
import type { DataRow, Grid } from './grid.ts';

const COLUMN_WORDS = new RegExp(vocabulary.transposedRows.pattern);

/** A row label made only of what a column header says (a year, a stage's figure, a change). */
export function readsAsColumn(label: string): boolean {
  const key = squeezeCjkSpaces(label).replace(/\s+/g, '').replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*/, '');
  return key !== '' && COLUMN_WORDS.test(key);
}

/** The thing a column's header path names: its deepest cell, or the parent a 小计/合计 under it stands for. */
function thingOf(path: string[]): string {
  const named = path.filter((p, i) => !(i > 0 && /^(小计|合计)$/.test(p)));
  return named.at(-1) ?? path.at(-1) ?? '';
}

/**
 * The grid turned back when its first rows are printed transposed: one row per printed figure column
 * (its label the thing the column names), one column per printed row (its header the row's label, its
 * figures on that row's line). Rows under another header below them (公开10表's counts) stay as they
 * are. Null when the table reads the usual way.
 */
export function transposed(grid: Grid, ctx: { year: number; stage: Stage }): Grid | null {
  const paths = grid.rows[0]?.paths;
  if (!paths) return null;
  const run = grid.rows.findIndex((r) => r.paths !== paths);
  const block = run < 0 ? grid.rows : grid.rows.slice(0, run);
  if (block.length < 2) return null;
  const meanings = paths.map((p) => describeColumn(p, ctx));
  const labelAt = meanings.findIndex((m) => m.role === 'label' || m.role === 'name' || m.role === 'project');
  const values = meanings.flatMap((m, i) => (m.role === 'value' ? [i] : []));
  if (labelAt < 0 || values.length < 2) return null;
  const labels = block.map((r) => squeezeCjkSpaces(r.cells[labelAt] ?? ''));
  if (labels.some((l) => !readsAsColumn(l))) return null;
  // Columns that already say a year, a stage or a change: the usual way round, whatever the rows say.
  if (values.some((i) => readsAsColumn(paths[i]!.at(-1) ?? ''))) return null;

  const newPaths = [paths[labelAt]!, ...labels.map((l) => [l])];
  const turned: DataRow[] = values.map((v) => ({
    line: block[0]!.line,
    continuation: null,
    cells: [thingOf(paths[v]!), ...block.map((r) => r.cells[v] ?? '')],
    segment: block[0]!.segment,
    paths: newPaths,
  }));
  const columnLines = new Map([[newPaths, [null, ...block.map((r) => r.line.no)]]]);
  return { paths: grid.paths === paths ? newPaths : grid.paths, rows: [...turned, ...grid.rows.slice(block.length)], headers: grid.headers, columnLines };
}
