// Project tables: 项目支出预算表, 专项业务经费支出表, 政府采购表. Rows are a 合计,
// unit subtotals printed before their projects (a unit column, a unit code, or
// `…小计`), funding-type groups (全额) and projects. Where one column lists
// units and projects together (莲湖 单位（项目）名称), projects nest by sums:
// a row whose figure equals the sum of the rows after it is their parent.
import type { ColumnMeaning } from '../layout/columns.ts';
import type { DataRow, Grid } from '../layout/grid.ts';
import type { CellDraft, ParseContext, ProjectDraft, TableDraft } from '../model.ts';
import { nameKey, squeezeCjkSpaces } from '../text/cjk.ts';
import { isAmountLike, parseNumber, toFen } from '../text/numbers.ts';
import { emptyRow, figure, meaningsFor } from './cells.ts';
import { groupRowLabels } from './classify.ts';
import { classificationOf, unitName } from './coded.ts';

const isMoney = (s: string | undefined) => {
  const n = s ? parseNumber(s) : null;
  return n !== null && isAmountLike(n);
};

/** Puts figures that landed in a text column back into the figure columns, right-aligned. */
function alignFigures(cells: string[], m: ColumnMeaning[]): { cells: string[]; moved: boolean } {
  const valueCols = m.flatMap((c, i) => (c.role === 'value' ? [i] : []));
  const stray = cells.some((c, i) => isMoney(c) && m[i]?.role !== 'value' && m[i]?.role !== 'count');
  if (!stray) return { cells, moved: false };
  const figures = cells.flatMap((c, i) => (isMoney(c) && m[i]?.role !== 'count' ? [i] : []));
  if (figures.length > valueCols.length) return { cells, moved: false };
  const out = cells.map((c, i) => (figures.includes(i) ? '' : c));
  figures.forEach((from, k) => {
    out[valueCols[valueCols.length - figures.length + k]!] = cells[from]!;
  });
  return { cells: out, moved: true };
}

interface RowRead {
  row: DataRow;
  cells: string[];
  m: ColumnMeaning[];
  kind: 'total' | 'unit' | 'group' | 'project';
  label: string;
  unit: string | null;
  code: string | null;
  description: string | null;
  item: string | null;
  specification: string | null;
  moved: boolean;
  amount: number | null;
}

function readRow(row: DataRow, m: ColumnMeaning[], table: TableDraft): RowRead {
  const { cells, moved } = alignFigures(row.cells, m);
  const text = (role: string) => squeezeCjkSpaces(m.flatMap((c, i) => (c.role === role && cells[i] ? [cells[i]!] : [])).join(' '));
  const unitText = text('unit');
  const unitCode = text('unit_code').replace(/\s+/g, '');
  const name = text('project') || text('unit_or_project');
  // The subject code is the first run of code columns (类 款 项); later ones are economic codes.
  const firstCode = m.findIndex((c) => c.role === 'code');
  let codeEnd = firstCode;
  while (codeEnd >= 0 && m[codeEnd]?.role === 'code') codeEnd++;
  const codes = firstCode < 0 ? [] : cells.slice(firstCode, codeEnd).filter((c) => /^\d+$/.test(c));
  const descriptions = m.flatMap((c, i) => (c.role === 'text' && /内容|简介/.test(c.label) && cells[i] ? [cells[i]!] : []));
  const items = m.flatMap((c, i) => (c.role === 'text' && /采购物品|购买服务内容|采购目录/.test(c.label) && cells[i] ? [cells[i]!] : []));
  // 规格型号 (莲湖 SD-WAN服务), or a 购买服务内容 printed beside the 采购目录 item: what exactly is bought.
  const specifications = m.flatMap((c, i) => (c.role === 'text' && /规格型号|采购物品|购买服务内容/.test(c.label) && cells[i] && cells[i] !== items[0] ? [squeezeCjkSpaces(cells[i]!)] : []));
  const label = name || unitText;
  // The row's amount is its 合计 (the whole of it, by no fund), wherever the column is printed; else its first figure.
  const money = (c: ColumnMeaning, i: number) => c.role === 'value' && isMoney(cells[i]);
  const whole = m.findIndex((c, i) => money(c, i) && c.measure === 'total' && c.scope === '');
  const firstValue = whole >= 0 ? whole : m.findIndex(money);
  const n = firstValue >= 0 ? parseNumber(cells[firstValue]!) : null;
  const coded = /^\d{3,}\s*(\S.*)$/.exec(name);
  const codedUnit = coded && unitName.test(coded[1]!) ? coded[1]! : null;
  let kind: RowRead['kind'] = 'project';
  let unit: string | null = null;
  if (/^(合计|总计)$/.test(label.replace(/\s+/g, ''))) kind = 'total';
  else if (unitText) [kind, unit] = ['unit', unitText];
  else if (/^\d{3,}$/.test(unitCode)) [kind, unit] = ['unit', name];
  // A unit's code printed in its name cell (`512001 某某县农业农村局（本级）`): a unit subtotal, not a project.
  else if (codedUnit !== null) [kind, unit] = ['unit', codedUnit];
  else if (/小计$/.test(name)) [kind, unit] = ['unit', name.replace(/小计$/, '')];
  else if (groupRowLabels.has(name)) kind = 'group';
  const code = codes.join('');
  return {
    row,
    cells,
    m,
    kind,
    label,
    unit,
    code: code.length >= 3 && classificationOf(code) ? code : null,
    description: descriptions.join(' ') || null,
    item: items[0] ?? null,
    specification: specifications.join(' ') || null,
    moved,
    amount: n ? toFen(n, m[firstValue]!.unit ?? table.unit) : null,
  };
}

/**
 * Nests a mixed list of rows by sums: the rows must split into consecutive nodes
 * adding up to `target`, each node either a leaf or a row followed by children
 * adding up to it. Returns each row's parent index (-1 at the top), or null when
 * no such split exists (then nothing is nested).
 */
export function nestBySums(amounts: number[], target: number): number[] | null {
  const parent = amounts.map(() => -1);
  let budget = 20_000;
  const seq = (i: number, end: number, rest: number, up: number): boolean => {
    if (--budget < 0) return false;
    if (i === end) return rest === 0;
    const a = amounts[i]!;
    if (a > rest) return false;
    for (let k = i + 2; k <= end; k++) {
      if (seq(i + 1, k, a, i) && seq(k, end, rest - a, up)) {
        parent[i] = up;
        return true;
      }
    }
    if (seq(i + 1, end, rest - a, up)) {
      parent[i] = up;
      return true;
    }
    return false;
  };
  return seq(0, amounts.length, target, -1) ? parent : null;
}

/**
 * A column the header files under a code or a note but that holds amounts and
 * names an amount (莲湖 表12 prints 预算金额 over a 款 code column): trust the data.
 */
function amountColumns(grid: Grid, meanings: (paths: string[][]) => ColumnMeaning[]): (paths: string[][]) => ColumnMeaning[] {
  const cache = new Map<string[][], ColumnMeaning[]>();
  return (paths) => {
    let out = cache.get(paths);
    if (!out) {
      out = meanings(paths).map((c, i) =>
        c.role !== 'value' &&
        c.role !== 'count' &&
        /金额/.test(c.label) &&
        grid.rows.some((r) => r.paths === paths && isMoney(r.cells[i]))
          ? { ...c, role: 'value' as const, measure: 'total' }
          : c,
      );
      cache.set(paths, out);
    }
    return out;
  };
}

export function parseProjects(table: TableDraft, grid: Grid, ctx: ParseContext): void {
  const meanings = amountColumns(grid, meaningsFor(ctx, grid));
  const reads = grid.rows.map((row) => readRow(row, meanings(row.paths), table));
  const mixed = reads.some((r) => r.m.some((c) => c.role === 'unit_or_project'));

  // Projects listed under the same unit subtotal; in a mixed list, nested by sums.
  const projects = new Map<string, ProjectDraft>();
  const drafts: (ProjectDraft | null)[] = [];
  let unit: string | null = null;
  let unitTotal: number | null = null;
  let block: number[] = [];
  const closeBlock = () => {
    const amounts = block.map((i) => reads[i]!.amount);
    if (mixed && block.length > 0 && unitTotal !== null && amounts.every((a) => a !== null)) {
      const parents = nestBySums(amounts as number[], unitTotal);
      if (parents === null) table.problems.push(`第${reads[block[0]!]?.row.line.no}行起：项目金额与单位小计对不上，未能分出层级`);
      parents?.forEach((p, k) => {
        if (p >= 0) drafts[block[k]!]!.parent = drafts[block[p]!]!;
      });
    }
    block = [];
  };
  reads.forEach((r, i) => {
    drafts.push(null);
    if (r.kind === 'unit') {
      closeBlock();
      unit = r.unit;
      unitTotal = r.amount;
      table.units.push({ name: r.unit!, code: null, line: r.row.line.no, raw: r.row.line.raw });
      return;
    }
    if (r.kind !== 'project' || !r.label) return;
    // In a nested list a group and its child may share a name: every row is its own project there.
    const key = mixed ? `${i}` : `${unit ?? ''}|${nameKey(r.label)}`;
    let draft = projects.get(key);
    if (!draft) {
      draft = { table, name: r.label, description: r.description, unitName: unit, parent: null, line: r.row.line.no, raw: r.row.line.raw };
      projects.set(key, draft);
      table.projects.push(draft);
    }
    drafts[i] = draft;
    block.push(i);
  });
  closeBlock();

  const classification = /政府采购/.test(table.region.name) ? '政府采购' : '项目';
  unit = null;
  reads.forEach((r, i) => {
    if (r.kind === 'unit') unit = r.unit;
    const project = drafts[i] ?? null;
    const rowLabel = r.item && r.label ? `${r.label}（${r.item}）` : r.label;
    const base = {
      ...emptyRow(r.row.line.no, rowLabel, classification),
      subjectCode: r.code,
      level: r.kind === 'total' ? 'total' : r.kind === 'unit' ? 'unit' : r.kind === 'group' ? 'group' : null,
      unitName: r.kind === 'total' ? null : unit,
      project,
      specification: r.specification,
    };
    const flags = [...(r.moved ? ['realigned'] : []), ...(r.row.continuation ? ['merged_lines'] : []), ...(r.label ? [] : ['unlabeled'])];
    r.m.forEach((meaning, c) => {
      if ((meaning.role !== 'value' && meaning.role !== 'count') || !r.cells[c]) return;
      const cell: CellDraft | null = figure(table, base, r.cells[c]!, meaning, flags);
      if (cell) table.cells.push(cell);
    });
  });
}
