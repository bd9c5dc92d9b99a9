// Tables whose rows are organisational units (沈阳 收入预算总表, 莲湖 部门综合预算支出总表):
// a 合计 row, then one row per unit, sometimes with a unit code in its own column
// or in front of the name (`578002 沈阳市医疗保障事务服务中心`).
import type { Grid } from '../layout/grid.ts';
import type { ParseContext, TableDraft } from '../model.ts';
import { squeezeCjkSpaces } from '../text/cjk.ts';
import { emptyRow, figure, meaningsFor } from './cells.ts';

/** Splits `578002 沈阳市医疗保障事务服务中心` into code and name. */
export function splitUnit(text: string, codeCell = ''): { code: string | null; name: string } {
  const t = squeezeCjkSpaces(text);
  const m = /^(\d{3,6})\s*(.+)$/.exec(t);
  const code = codeCell.replace(/\s+/g, '') || m?.[1] || null;
  return { code, name: m ? m[2]! : t };
}

export function parseUnitRows(table: TableDraft, grid: Grid, ctx: ParseContext): void {
  const meanings = meaningsFor(ctx, grid);
  for (const row of grid.rows) {
    const m = meanings(row.paths);
    const nameCol = m.findIndex((c) => c.role === 'unit');
    const codeCol = m.findIndex((c) => c.role === 'unit_code');
    if (nameCol < 0) {
      table.problems.push(`第${row.line.no}行：表头没有单位名称列`);
      continue;
    }
    const { code, name } = splitUnit(row.cells[nameCol] ?? '', codeCol >= 0 ? row.cells[codeCol] : '');
    const total = /^(合计|总计)$/.test(name);
    if (!total && name) table.units.push({ name, code, line: row.line.no, raw: row.line.raw });
    const base = { ...emptyRow(row.line.no, name, '单位'), unitName: total ? null : name, level: total ? 'total' : null };
    m.forEach((meaning, i) => {
      if (meaning.role !== 'value' || !row.cells[i]) return;
      const cell = figure(table, base, row.cells[i]!, meaning);
      if (cell) table.cells.push(cell);
    });
  }
}
