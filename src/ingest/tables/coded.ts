// Tables whose rows are budget subjects keyed by code (功能分类 2xx, 部门经济分类 3xx,
// 政府经济分类 5xx): 支出总表, 一般公共预算支出表, 基本支出表, 收入决算表…
// A row may carry several column groups side by side (北票 公开06表: 人员经费 |
// 公用经费 | 资本性支出, each with its own code, name and figure).
import type { ColumnMeaning } from '../layout/columns.ts';
import { isNamePiece, type DataRow, type Grid } from '../layout/grid.ts';
import type { ParseContext, TableDraft } from '../model.ts';
import { squeezeCjkSpaces } from '../text/cjk.ts';
import { isCodeToken, parseNumber } from '../text/numbers.ts';
import vocabulary from '../../../grammar/tables.json' with { type: 'json' };
import { emptyRow, figure, meaningsFor } from './cells.ts';

interface Group {
  code: number;
  name: number;
  alt: { code: number; name: number } | null;
  values: number[];
}

/** Column groups: a code column, its name column, then the value columns up to the next group. */
function findGroups(m: ColumnMeaning[]): Group[] {
  const isValue = (i: number) => m[i]!.role === 'value' || m[i]!.role === 'count';
  const groups: Group[] = [];
  m.forEach((c, code) => {
    if (c.role !== 'code') return;
    // The code's other parts (款, 项 printed in columns of their own) lie between it and its name.
    let next = code + 1;
    while (m[next]?.role === 'seq') next++;
    const name = m[next]?.role === 'name' || m[next]?.role === 'value' ? next : code;
    const last = groups.at(-1);
    // A second code right after the first group's name, before any figure: an alternative classification.
    if (last && last.alt === null && !Array.from({ length: code - last.name }, (_, k) => last.name + 1 + k).some(isValue)) {
      last.alt = { code, name };
      return;
    }
    groups.push({ code, name, alt: null, values: [] });
  });
  // No code column: subjects named only (科目名称 or 项目), their codes found once the document is read.
  const named = m.findIndex((c) => c.role === 'name' || c.role === 'label');
  if (groups.length === 0 && named >= 0) groups.push({ code: named, name: named, alt: null, values: [] });
  groups.forEach((g, k) => {
    const next = groups[k + 1]?.code ?? m.length;
    for (let i = Math.max(g.name, g.alt?.name ?? 0) + 1; i < next; i++) if (isValue(i)) g.values.push(i);
  });
  return groups;
}

const CLASSIFICATION: Record<string, string> = { '2': '功能分类', '3': '部门经济分类', '5': '政府经济分类' };
const LEVEL: Record<number, string> = { 3: '类', 5: '款', 7: '项' };

export function classificationOf(code: string): string | null {
  return CLASSIFICATION[code[0]!] ?? null;
}

export function levelOf(code: string, classification: string | null): string | null {
  if (classification === '功能分类') return LEVEL[code.length] ?? null;
  return code.length === 3 ? '类' : code.length === 5 ? '款' : null;
}

const isTotalLabel = (s: string) => /^(合计|总计|.*合计)$/.test(s.replace(/\s+/g, ''));
const isNumberish = (s: string) => s !== '' && parseNumber(s) !== null;

/**
 * Repairs two misplacements the seeds show, flagging the row: a code printed one
 * group to the left (in a figure column), and a total's figure printed one group
 * to the right of its label.
 */
function realign(cells: string[], groups: Group[]): { cells: string[]; moved: boolean } {
  const out = [...cells];
  let moved = false;
  for (let g = 0; g + 1 < groups.length; g++) {
    const here = groups[g]!;
    const next = groups[g + 1]!;
    const strayCode = here.values.find((i) => isCodeToken(out[i] ?? '') && !(out[i] ?? '').includes('.'));
    if (!out[here.code] && !out[here.name] && strayCode !== undefined && !out[next.code] && out[next.name]) {
      out[next.code] = out[strayCode]!;
      out[strayCode] = '';
      moved = true;
    }
    const label = out[here.code] && !isCodeToken(out[here.code]!) ? out[here.code]! : '';
    const orphan = next.values.find((i) => isNumberish(out[i] ?? ''));
    if (label && here.values.every((i) => !out[i]) && !out[next.code] && !out[next.name] && orphan !== undefined) {
      out[here.values[0]!] = out[orphan]!;
      out[orphan] = '';
      moved = true;
    }
  }
  return { cells: out, moved };
}

/** A subject code: 功能分类 2xx, 部门经济分类 3xx, 政府经济分类 5xx, in 3, 5 or 7 digits (irregular ones are kept and flagged). */
const isSubjectCode = (code: string) => /^[235]/.test(code) && code.length <= 7 && code.length !== 6;
export const unitName = new RegExp(vocabulary.unitNames);

/**
 * A subject code printed in columns of its own per level (类 | 款 | 项): the columns, in order.
 * Rows print all the parts or only their own; the missing leading parts are the rows' above.
 */
function splitCodeColumns(m: ColumnMeaning[]): number[] {
  const parts = m.flatMap((c, i) => (c.role === 'code' && /^[类款项]$/.test(c.label.split('/').at(-1) ?? '') ? [i] : []));
  return parts.length >= 2 && parts.every((p, k) => k === 0 || p === parts[k - 1]! + 1) ? parts : [];
}

interface SplitCode {
  /** The last full code read: its leading parts stand for the parts a row leaves out. */
  code: string;
}

/** Where a 类, 款 and 项 code ends. */
const LEVEL_ENDS = [3, 5, 7];

/** The full code of a row whose code is printed in parts, or '' when it prints none. */
function joinCode(parts: string[], state: SplitCode): string {
  let code = '';
  parts.forEach((part, level) => {
    if (!part) return;
    // A part printed in full (`20805` in the 款 column) stands for itself.
    code = level > 0 && part.length > 2 ? part : (code || state.code.slice(0, LEVEL_ENDS[level - 1] ?? 0)) + part;
  });
  if (code) state.code = code;
  return code;
}

export function parseCoded(table: TableDraft, grid: Grid, ctx: ParseContext): void {
  const meanings = meaningsFor(ctx, grid);
  const state: ReadState = { parents: new Map(), seen: new Map(), unit: null };
  const split: SplitCode = { code: '' };
  for (const row of grid.rows) {
    if (isNamePiece(row)) {
      table.wrapped.push({ line: row.line.no, text: squeezeCjkSpaces(row.cells.join('')) });
      continue;
    }
    let m = meanings(row.paths);
    let rowCells = row.cells;
    const parts = splitCodeColumns(m);
    if (parts.length) {
      // One code column, the other parts set aside: `208 | 05 | 01` reads as 2080501.
      const code = joinCode(parts.map((i) => (rowCells[i] ?? '').replace(/\s+/g, '')), split);
      rowCells = rowCells.map((c, i) => (i === parts[0] ? code : parts.includes(i) ? '' : c));
      m = m.map((c, i) => (parts.includes(i) && i !== parts[0] ? { ...c, role: 'seq' as const } : c));
    }
    const groups = findGroups(m);
    if (groups.length === 0) {
      table.problems.push(`第${row.line.no}行：表头没有科目编码列`);
      continue;
    }
    const { cells, moved } = realign(rowCells, groups);
    groups.forEach((g, gi) => readGroup(table, row, cells, m, g, gi, moved, state));
  }
}

interface ReadState {
  parents: Map<number, string[]>;
  seen: Map<string, number>;
  /** The unit whose rows follow (a table nested by unit: a unit row, then its subjects). */
  unit: string | null;
}

/** A row naming a unit rather than a subject: a unit code in the code column, or a unit's name (with its code) and no subject code. */
function unitRow(codeText: string, label: string): { name: string; code: string | null } | null {
  const name = squeezeCjkSpaces(label).replace(/^\d{3,6}\s*/, '');
  if (codeText && isCodeToken(codeText) && !isSubjectCode(codeText) && unitName.test(name)) return { name, code: codeText };
  const prefixed = /^(\d{3,6})\s*(\S.*)$/.exec(squeezeCjkSpaces(label));
  if (!codeText && prefixed && unitName.test(prefixed[2]!)) return { name: prefixed[2]!, code: prefixed[1]! };
  if (!codeText && unitName.test(name) && !isTotalLabel(name)) return { name, code: null };
  return null;
}

function readGroup(table: TableDraft, row: DataRow, cells: string[], m: ColumnMeaning[], g: Group, gi: number, moved: boolean, state: ReadState): void {
  const { parents, seen } = state;
  const codeText = (cells[g.code] ?? '').replace(/\s+/g, '');
  const unit = gi === 0 ? unitRow(codeText, g.name !== g.code ? (cells[g.name] ?? '') : codeText) : null;
  if (unit) return readUnitRow(table, row, cells, m, g, unit, state);
  const code = isCodeToken(codeText) ? codeText : null;
  // Without a code the label may sit in any of the group's name columns (莲湖 表6 prints 合计 under 政府经济科目名称).
  const label = [codeText ? cells[g.code]! : '', cells[g.name] ?? '', g.alt ? (cells[g.alt.name] ?? '') : ''].find((c) => c !== '') ?? '';
  const name = squeezeCjkSpaces(code ? (g.name !== g.code ? cells[g.name] ?? '' : '') : label);
  const values = g.values.filter((i) => (cells[i] ?? '') !== '');
  if (!code && !name && values.length === 0) return;

  const classification = code ? classificationOf(code) : null;
  const stack = parents.get(gi) ?? [];
  parents.set(gi, stack);
  const level = code ? levelOf(code, classification) : isTotalLabel(name) ? 'total' : null;
  const isParentOf = (p: string) => code!.startsWith(p) && code!.length > p.length;
  let parentCode: string | null = null;
  if (code && level) {
    while (stack.length && !isParentOf(stack.at(-1)!)) stack.pop();
    parentCode = stack.at(-1) ?? null;
    stack.push(code);
  } else if (code) {
    // An irregular code (cut to 4 digits, or `030239`) finds its parent but never becomes one.
    parentCode = stack.findLast(isParentOf) ?? null;
  }
  const flags: string[] = [];
  if (moved) flags.push('realigned');
  if (row.continuation) flags.push('merged_lines');
  if (code && level === null) flags.push('irregular_code');
  if (!code && !name) flags.push('unlabeled');
  // The same subject with the same figures printed again (a page repeating rows).
  const signature = `${gi}|${code ?? name}|${values.map((i) => cells[i]!.replace(/\s+/g, '')).join('|')}`;
  if (code && seen.has(signature)) flags.push('duplicate_row');
  seen.set(signature, row.line.no);

  const altCode = g.alt ? (cells[g.alt.code] ?? '').replace(/\s+/g, '') || null : null;
  const altName = g.alt && code ? squeezeCjkSpaces(cells[g.alt.name] ?? '') || null : null;
  const base = {
    ...emptyRow(row.line.no, [code, name].filter(Boolean).join(' '), classification ?? ''),
    subjectCode: code,
    subjectName: name || null,
    level,
    parentCode,
    altCode,
    altName,
    unitName: level === 'total' ? null : state.unit,
  };
  for (const i of values) {
    const cell = figure(table, base, cells[i]!, m[i]!, flags);
    if (cell) table.cells.push(cell);
  }
}

/** A unit's subtotal row: its figures are the unit's, and the subjects after it are the unit's own. */
function readUnitRow(table: TableDraft, row: DataRow, cells: string[], m: ColumnMeaning[], g: Group, unit: { name: string; code: string | null }, state: ReadState): void {
  state.unit = unit.name;
  state.parents.clear();
  table.units.push({ name: unit.name, code: unit.code, line: row.line.no, raw: row.line.raw });
  const base = { ...emptyRow(row.line.no, [unit.code, unit.name].filter(Boolean).join(' '), ''), level: 'unit', unitName: unit.name };
  const flags = row.continuation ? ['merged_lines'] : [];
  for (const i of g.values.filter((k) => (cells[k] ?? '') !== '')) {
    const cell = figure(table, base, cells[i]!, m[i]!, flags);
    if (cell) table.cells.push(cell);
  }
}
