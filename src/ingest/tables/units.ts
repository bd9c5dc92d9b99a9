// Lists of units (预算单位构成, 部门机构设置情况): names only, no figures.
import type { TableRegion } from '../layout/regions.ts';
import type { TableDraft } from '../model.ts';
import { squeezeCjkSpaces } from '../text/cjk.ts';
import { splitUnit } from './unit-rows.ts';

export function parseUnitList(table: TableDraft, region: TableRegion): void {
  const rows = region.segments.flatMap((s) => s.rows);
  const header = rows[0]!.cells!.map((c) => squeezeCjkSpaces(c));
  const col = header.indexOf('单位名称');
  if (col < 0) return;
  for (const row of rows.slice(1)) {
    const text = row.cells![col] ?? '';
    if (!text) continue;
    const { code, name } = splitUnit(text);
    table.units.push({ name, code, line: row.no, raw: row.raw });
  }
}
