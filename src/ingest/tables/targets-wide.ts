// 项目支出绩效目标表 printed one row per indicator (湖南 表9): 单位名称 | 项目名称 | 项目资金 |
// 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值. Each row names its project (or leaves it
// to the rows above) and prints the project's money again; a row of text alone continues the
// goal above it, and `同上` repeats it. Read by column, the header saying which column is which.
import type { TableRegion } from '../layout/regions.ts';
import type { Line } from '../layout/lines.ts';
import type { CellDraft, OwnerDraft, ParseContext, TableDraft } from '../model.ts';
import { squeezeCjkSpaces } from '../text/cjk.ts';
import { parseNumber, precisionFen, toFen } from '../text/numbers.ts';
import { emptyRow } from './cells.ts';
import { indicatorTarget, ownerOf } from './performance.ts';

interface Columns {
  unit: number;
  project: number;
  money: number[];
  goal: number;
  level1: number;
  level2: number;
  level3: number;
  value: number;
}

const find = (cells: string[], re: RegExp) => cells.findIndex((c) => re.test(c));

/** The header of a one-row-per-indicator table, or null when the table is not one. */
function wideHeader(line: Line): Columns | null {
  const cells = line.cells!.map((c) => squeezeCjkSpaces(c));
  // Every row of a performance table is asked: most print no 三级指标, and are let go on that alone.
  const level3 = find(cells, /^三级指标$/);
  if (level3 < 0) return null;
  const columns = {
    unit: find(cells, /^(单位名称|实施单位|预算单位)$/),
    project: find(cells, /^项目(名称|[（(]政策[)）]名称)$/),
    money: cells.flatMap((c, i) => (/资金|金额/.test(c) && !/目标/.test(c) ? [i] : [])),
    goal: find(cells, /绩效目标|总体目标/),
    level1: find(cells, /^一级指标$/),
    level2: find(cells, /^二级指标$/),
    level3,
    value: find(cells, /^(指标值|年度指标值)$/),
  };
  // Read by column, whatever order the header prints them in.
  return columns.project >= 0 && columns.level3 >= 0 && columns.value >= 0 ? columns : null;
}


/** Reads the table when it is printed one row per indicator; false when it is not. */
export function parseWideTargets(table: TableDraft, region: TableRegion, ctx: ParseContext): boolean {
  const rows = region.segments.flatMap((s) => s.rows);
  const headerAt = rows.findIndex((l) => wideHeader(l) !== null);
  if (headerAt < 0) return false;
  const columns = wideHeader(rows[headerAt]!)!;
  const headerKey = rows[headerAt]!.cells!.map((c) => c.replace(/\s+/g, '')).join('|');
  let owner: OwnerDraft | null = null;
  let unit: string | null = null;
  let level1: string | null = null;
  let level2: string | null = null;
  for (const line of rows.slice(headerAt + 1)) {
    const cells = line.cells!.map((c) => squeezeCjkSpaces(c));
    if (cells.map((c) => c.replace(/\s+/g, '')).join('|') === headerKey || cells.every((c) => c === '')) continue;
    const at = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
    const filled = cells.filter((c) => c !== '');
    // A line of the goal's text alone: it continues the goal above.
    if (owner && filled.length === 1 && at(columns.goal) !== '' && at(columns.level3) === '') {
      owner.goal = `${owner.goal ?? ''}${at(columns.goal)}`;
      continue;
    }
    if (at(columns.unit)) unit = at(columns.unit);
    const name = at(columns.project);
    if (name && (!owner || owner.name !== name || owner.unitName !== unit)) {
      owner = { ...ownerOf(name, 'project', line.no), unitName: unit };
      table.owners.push(owner);
      level1 = level2 = null;
    }
    if (!owner) continue;
    const goal = at(columns.goal);
    if (goal && goal !== '同上' && !owner.goal) owner.goal = goal;
    for (const i of columns.money) {
      const cell = moneyCell(table, owner, line, at(i), rows[headerAt]!.cells![i]!.trim(), ctx);
      if (cell) {
        table.cells.push(cell);
        owner.cells.push(cell);
      }
    }
    if (at(columns.level1)) [level1, level2] = [at(columns.level1), null];
    if (at(columns.level2)) level2 = at(columns.level2);
    const level3 = at(columns.level3);
    const value = at(columns.value);
    if (level3 && value) owner.targets.push(indicatorTarget(line, level1, level2, level3, value));
  }
  table.owners = table.owners.filter((o) => o.targets.length > 0 || o.cells.length > 0);
  return true;
}

function moneyCell(table: TableDraft, o: OwnerDraft, line: Line, text: string, label: string, ctx: ParseContext): CellDraft | null {
  const n = parseNumber(text);
  if (!n || n.percent) return null;
  const fen = toFen(n, table.unit);
  if (fen === null) return null;
  return {
    ...emptyRow(line.no, o.name, '绩效'),
    metric: ctx.stage === '决算' ? 'project.executed' : 'project.budget',
    subjectName: o.name,
    column: { key: 'total', label, scope: '', basis: ctx.stage, year: ctx.year, subset: false, part: null },
    valueKind: 'money',
    fen,
    quantity: null,
    precisionFen: precisionFen(n, table.unit),
    raw: text,
    flags: n.repaired ? ['repaired_spaces'] : [],
    unitName: null,
    project: null,
  };
}

