// A table printed transposed: its rows name what columns usually do and its columns the things rows
// usually are. Two ways are read: years, stages or changes as rows (2023年预算数 / 2024年预算数 / 增减额 /
// 增减幅度（%）) under items (合计 | 因公出国（境）费 | …), and measures as rows (项目支出 / 基本支出 / 其中：人员经费 /
// 合计) under budget subjects (社会保障和就业支出 | 卫生健康支出 | 合计), their codes perhaps on a second header line.
// The orientation is read from the labels alone (grammar/columns.json `transposedRows`, and the measures a
// header names): the rows must say more plainly than the columns what a column says. Such a table is turned
// back into the usual shape before its kind's parser reads it: every figure keeps its own printed line (the
// column it now stands in remembers it), and its meaning comes from its row label as it would from a header —
// a percentage row is a percentage, a year's row that year, a measure's row that measure.
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

/**
 * How plainly a label names what a column would: 2 a year, a stage or a change; 1 a measure (项目支出, 其中：人员经费)
 * or a total (合计); 0 anything else (a subject, a “三公” item).
 */
function columnRank(label: string, ctx: { year: number; stage: Stage }): number {
  if (readsAsColumn(label)) return 2;
  const m = describeColumn([squeezeCjkSpaces(label).replace(/\s+/g, '')], ctx);
  return m.role === 'value' && m.measure !== 'unknown' && !m.ambiguous ? 1 : 0;
}

/** A 合计 / 总计 / 小计 row's label, spaces printed inside it aside. */
export const isTotal = (label: string) => /^(合计|总计|小计)$/.test(label.replace(/\s+/g, ''));
/** A budget subject's code (功能分类 2xx, 经济分类 3xx/5xx, 3 to 7 digits). */
const isSubjectCode = (cell: string) => /^[235]\d{2}(?:\d{2}){0,2}$/.test(cell.replace(/\s+/g, ''));

/** The thing a column's header path names: its deepest cell, or the parent a 小计/合计 under it stands for. */
function thingOf(path: string[]): string {
  const named = path.filter((p, i) => !(i > 0 && /^(小计|合计)$/.test(p)));
  return named.at(-1) ?? path.at(-1) ?? '';
}

/**
 * The grid turned back when its first rows are printed transposed: one row per printed figure column
 * (its label the thing the column names, with the code printed under it when a code line follows the
 * header), one column per printed row (its header the row's label, its figures on that row's line). Rows
 * under another header below them (公开10表's counts) stay as they are. Null when the table reads the usual way.
 */
export function transposed(grid: Grid, ctx: { year: number; stage: Stage }): Grid | null {
  const paths = grid.rows[0]?.paths;
  if (!paths) return null;
  const run = grid.rows.findIndex((r) => r.paths !== paths);
  let block = run < 0 ? grid.rows : grid.rows.slice(0, run);
  const meanings = paths.map((p) => describeColumn(p, ctx));
  const labelAt = meanings.findIndex((m) => m.role === 'label' || m.role === 'name' || m.role === 'project');
  const values = meanings.flatMap((m, i) => (m.role === 'value' ? [i] : []));
  if (labelAt < 0 || values.length < 2) return null;
  // A line of subject codes under the header (`| 208 | 210 | 221 |`, perhaps labelled `科目编码`): each column's code.
  const codeLabel = (cell: string) => cell === '' || describeColumn([squeezeCjkSpaces(cell).replace(/\s+/g, '')], ctx).role === 'code';
  const codeLine = block[0] && codeLabel(block[0].cells[labelAt] ?? '') && values.some((v) => isSubjectCode(block[0]!.cells[v] ?? '')) && values.every((v) => (block[0]!.cells[v] ?? '') === '' || isSubjectCode(block[0]!.cells[v]!)) ? block[0] : null;
  if (codeLine) block = block.slice(1);
  if (block.length < 2) return null;
  const labels = block.map((r) => squeezeCjkSpaces(r.cells[labelAt] ?? ''));
  const rows = labels.map((l) => columnRank(l, ctx));
  if (rows.some((r) => r === 0) || labels.every(isTotal)) return null;
  // Columns that say a column's words as plainly as the rows do: the usual way round, whatever the rows say.
  // A total column (合计) is the whole of either.
  const plainest = Math.min(...rows.filter((_, k) => !isTotal(labels[k]!)));
  if (values.some((i) => !isTotal(thingOf(paths[i]!)) && columnRank(paths[i]!.at(-1) ?? '', ctx) >= plainest)) return null;

  const head = codeLine ? [['科目编码'], ['科目名称']] : [paths[labelAt]!];
  const newPaths = [...head, ...labels.map((l) => [l])];
  const turned: DataRow[] = values.map((v) => ({
    line: block[0]!.line,
    continuation: null,
    cells: [...(codeLine ? [(codeLine.cells[v] ?? '').replace(/\s+/g, '')] : []), thingOf(paths[v]!), ...block.map((r) => r.cells[v] ?? '')],
    segment: block[0]!.segment,
    paths: newPaths,
  }));
  const columnLines = new Map([[newPaths, [...head.map(() => null), ...block.map((r) => r.line.no)]]]);
  const rest = grid.rows.slice(block.length + (codeLine ? 1 : 0));
  return { paths: grid.paths === paths ? newPaths : grid.paths, rows: [...turned, ...rest], headers: grid.headers, columnLines };
}
