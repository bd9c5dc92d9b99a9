// One table region in, one parsed table out: the kind decides the parser.
import { describeColumn } from '../layout/columns.ts';
import { buildGrid, isNamePiece, type Grid } from '../layout/grid.ts';
import { transposed } from '../layout/orientation.ts';
import type { TableRegion } from '../layout/regions.ts';
import { newTable, type ParseContext, type TableDraft } from '../model.ts';
import { classifyTable } from './classify.ts';
import { parseCoded } from './coded.ts';
import { parseLabeled } from './labeled.ts';
import { parsePairs } from './pairs.ts';
import { parsePerformance } from './performance.ts';
import { parseProjects } from './projects.ts';
import { parseThreePublic } from './three-public.ts';
import { parseUnitList } from './units.ts';
import { parseUnitRows } from './unit-rows.ts';

/** A column of this role anywhere in the header (科目编码 or 类 | 款 | 项 for `code`: rows are budget subjects). */
function hasColumn(grid: Grid, ctx: ParseContext, role: 'code' | 'project' | 'unit'): boolean {
  return grid.paths.some((p) => p.some((h) => describeColumn([h], ctx).role === role));
}

export function parseTable(region: TableRegion, ctx: ParseContext): TableDraft {
  const printed = buildGrid(region);
  const turned = transposed(printed, ctx);
  const grid = turned ?? printed;
  let kind = classifyTable(region);
  // A piece of a name on a line of its own is read with its row in subject tables; elsewhere it names nothing.
  if (kind !== 'income' && kind !== 'expenditure' && kind !== 'summary') grid.rows = grid.rows.filter((r) => !isNamePiece(r));
  // A 收入支出决算表 by subject code (公开05表), or a 项目支出决算表 by subject code and economic class
  // (公开07表) with no project column, is a subject table, whatever its title shares with the others.
  if ((kind === 'summary' || (kind === 'projects' && !hasColumn(grid, ctx, 'project'))) && hasColumn(grid, ctx, 'code')) kind = 'expenditure';
  const table = newTable(region, kind, region.unit ?? ctx.unit);
  table.note = region.notes.map((n) => n.text.trim()).join(' ') || null;
  table.transposed = turned !== null;
  switch (kind) {
    case 'summary':
      parsePairs(table, grid, ctx);
      break;
    case 'income':
    case 'expenditure':
      // Rows by unit, else by subject (coded, or named only).
      if (!hasColumn(grid, ctx, 'code') && hasColumn(grid, ctx, 'unit')) parseUnitRows(table, grid, ctx);
      else parseCoded(table, grid, ctx);
      break;
    case 'projects':
      parseProjects(table, grid, ctx);
      break;
    case 'three_public':
      parseThreePublic(table, grid, ctx);
      break;
    case 'assets':
    case 'meetings':
      parseLabeled(table, grid, ctx);
      break;
    case 'performance':
      parsePerformance(table, region, ctx);
      break;
    case 'units':
      parseUnitList(table, region);
      break;
    case 'toc':
      break;
    case 'unknown':
      table.status = 'unclassified';
      break;
  }
  // Figures of a 一般公共预算 / 财政拨款 table are of that scope whatever its header says.
  const titleScope = /一般公共预算/.test(region.name) ? 'gp' : /财政拨款/.test(region.name) ? 'fiscal' : /政府性基金/.test(region.name) ? 'gf' : /国有资本/.test(region.name) ? 'sc' : null;
  if (titleScope && kind !== 'three_public' && kind !== 'performance') {
    for (const c of table.cells) {
      const tags = new Set(c.column.scope ? c.column.scope.split(',') : []);
      tags.add(titleScope);
      c.column.scope = [...tags].sort().join(',');
    }
  }
  // In a 基本支出表 the 合计 column is the basic-expenditure total.
  if (/基本支出/.test(region.name)) for (const c of table.cells) if (c.column.key === 'total') c.column.key = 'basic';
  if (table.status === 'parsed' && table.cells.length === 0 && table.owners.length === 0 && table.units.length === 0 && kind !== 'toc') {
    table.status = region.segments.every((s) => s.title !== null && s.title !== region.name) ? 'fragment' : 'empty';
  }
  return table;
}
