// Variants of the practice documents the way another province would print them: the text
// rewritten and its manifest rewritten in step, so the ground truth stays exact (every figure
// still names its line, cell, raw text, row and column; `exact()` re-reads each one from the
// text). Each variant changes one thing of the layout — the order of the figure columns, a
// table printed transposed, lines between a title and its header, 表N styles, header
// spellings, 栏次 rows, units in the header, a 合计 row printed last, an unknown column —
// so a test can show the ingest reads it by its labels and not by the layout it was tuned on.
import type { Fixture, Truth, TruthFigure } from './truth.ts';

export interface Doc {
  lines: string[];
  truth: Truth;
}

export interface Variant {
  name: string;
  /** What a second province prints differently. */
  describe: string;
  /** The document rewritten, or null when it has nothing the variant applies to. */
  apply: (doc: Doc) => Doc | null;
}

const clone = (fx: Fixture): Doc => ({ lines: fx.text.split('\n'), truth: structuredClone(fx.truth) });
export const toFixture = (fx: Fixture, v: Variant, doc: Doc): Fixture => ({ family: fx.family, name: `${fx.name}+${v.name}`, text: doc.lines.join('\n'), truth: doc.truth });

export function vary(fx: Fixture, v: Variant): Fixture | null {
  const doc = v.apply(clone(fx));
  return doc ? toFixture(fx, v, doc) : null;
}

/** Every figure of the manifest where it says it is: its raw text the cell at its line (and the next, when split). */
export function exact(fx: Fixture): string[] {
  const lines = fx.text.split('\n');
  const wrong: string[] = [];
  for (const f of fx.truth.figures) {
    const parts = f.raw.split('\n');
    parts.forEach((part, k) => {
      const cell = (lines[f.line - 1 + k] ?? '').split('\t')[(f as TruthFigure & { cell: number }).cell];
      if (cell !== part) wrong.push(`${f.id} line ${f.line + k} cell ${(f as { cell?: number }).cell}: manifest “${part}”, text “${cell}”`);
    });
  }
  for (const p of fx.truth.prose) if (!(lines[p.line - 1] ?? '').includes(p.raw.split('\n')[0]!)) wrong.push(`${p.id} line ${p.line}: prose “${p.raw}” not on its line`);
  return wrong;
}

// ---------------------------------------------------------------- line edits, the manifest in step

type Cell = TruthFigure & { cell: number };
const figuresOf = (doc: Doc) => doc.truth.figures as Cell[];

/** New lines before line `before` (1-based): everything from there on moves down. */
function insertLines(doc: Doc, before: number, added: string[]): void {
  if (added.length === 0) return;
  const n = added.length;
  const shift = (line: number) => (line >= before ? line + n : line);
  doc.lines.splice(before - 1, 0, ...added);
  for (const f of doc.truth.figures) f.line = shift(f.line);
  for (const p of doc.truth.prose) p.line = shift(p.line);
  for (const t of doc.truth.tables) {
    t.start = shift(t.start);
    t.end = t.end >= before - 1 && t.end < before && t.start < before ? t.end : shift(t.end);
  }
  for (const d of doc.truth.defects) {
    if (d.line) d.line = shift(d.line);
    if (d.lines) d.lines = d.lines.map(shift);
  }
}

/** Lines [from, from + count) removed; no figure may stand on them. */
function deleteLines(doc: Doc, from: number, count: number): void {
  if (doc.truth.figures.some((f) => f.line >= from && f.line < from + count)) throw new Error(`figures on deleted lines ${from}…`);
  const shift = (line: number) => (line >= from + count ? line - count : line);
  doc.lines.splice(from - 1, count);
  for (const f of doc.truth.figures) f.line = shift(f.line);
  for (const p of doc.truth.prose) p.line = shift(p.line);
  for (const t of doc.truth.tables) [t.start, t.end] = [shift(t.start), shift(t.end)];
  for (const d of doc.truth.defects) {
    if (d.line) d.line = shift(d.line);
    if (d.lines) d.lines = d.lines.map(shift);
  }
}

// ---------------------------------------------------------------- a table's printed parts

interface TableText {
  title: string;
  start: number;
  end: number;
  /** The line printing the title. */
  titleLine: number;
  /** The header rows of the first page, as line numbers. */
  header: number[];
  /** Every line printing the header again (a page break repeating it), header row index by line. */
  headerRow: Map<number, number>;
  /** Tab rows with figures or their continuations, below a header. */
  body: number[];
  width: number;
  figures: Cell[];
}

const cellsOf = (line: string) => line.split('\t');
const isTab = (line: string) => line.includes('\t');
const NUMBER = /^(附?表\s*[\d一二三四五六七八九十]{1,3}|公开\s*\d+\s*表)$/;
/** A tab row of meta (`单位名称：…⇥⇥单位：万元`), or the title with its number: no figure, every cell a `名：值` or the title. */
const isMetaRow = (line: string, title: string) => {
  const filled = cellsOf(line).map((c) => c.trim()).filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => /^[^\d\s]{1,8}[:：]/.test(c) || c.replace(/\s+/g, '').includes(title.replace(/\s+/g, '')) || NUMBER.test(c));
};
/** A 栏次 row (`栏次⇥⇥1⇥2`, or `1⇥2⇥3…`). */
const isNumbering = (line: string) => {
  const filled = cellsOf(line).map((c) => c.trim()).filter((c) => c !== '');
  return /^栏\s*次$/.test(filled[0] ?? '') || (filled.length >= 3 && filled.every((c, i) => c === String(i + 1)));
};

function tablesOf(doc: Doc): TableText[] {
  const out: TableText[] = [];
  for (const t of doc.truth.tables) {
    const figures = figuresOf(doc).filter((f) => f.table === t.title && f.line >= t.start && f.line <= t.end);
    if (figures.length === 0) continue;
    const first = Math.min(...figures.map((f) => f.line));
    const titleLine = Array.from({ length: first - t.start + 1 }, (_, k) => t.start + k).find((no) => doc.lines[no - 1]!.replace(/\s+/g, '').includes(t.title.replace(/\s+/g, ''))) ?? t.start;
    const header: number[] = [];
    for (let no = titleLine; no < first; no++) if (isTab(doc.lines[no - 1]!) && !isMetaRow(doc.lines[no - 1]!, t.title)) header.push(no);
    if (header.length === 0) continue;
    const texts = header.map((no) => doc.lines[no - 1]!);
    const headerRow = new Map<number, number>();
    const body: number[] = [];
    for (let no = header.at(-1)! + 1; no <= t.end; no++) {
      const line = doc.lines[no - 1]!;
      if (!isTab(line) || isMetaRow(line, t.title)) continue;
      const k = texts.indexOf(line);
      if (k >= 0 && !figures.some((f) => f.line === no)) headerRow.set(no, k);
      else body.push(no);
    }
    const width = Math.max(...texts.map((l) => cellsOf(l).length));
    out.push({ title: t.title, start: t.start, end: t.end, titleLine, header, headerRow, body, width, figures });
  }
  return out;
}

// ---------------------------------------------------------------- column orders

/**
 * The figure columns of a table in groups that can change places: the spans of the first header
 * row that splits them (基本支出 with its 小计 | 人员经费 | 公用经费 is one group). Null when the
 * figure columns are not one run of columns (two panes, a label between them).
 */
function figureGroups(doc: Doc, t: TableText): { level: number; groups: number[][] } | null {
  const columns = [...new Set(wide(doc, t).map((f) => f.cell))].sort((a, b) => a - b);
  const [lo, hi] = [columns[0]!, columns.at(-1)!];
  if (columns.length < 2 || hi - lo + 1 !== columns.length) return null;
  const rows = t.header.map((no) => cellsOf(doc.lines[no - 1]!));
  for (const [level, row] of rows.entries()) {
    if ((row[lo] ?? '').trim() === '') continue;
    const starts = columns.filter((c) => (row[c] ?? '').trim() !== '');
    if (starts.length < 2) continue;
    const groups = starts.map((s, k) => columns.filter((c) => c >= s && c < (starts[k + 1] ?? hi + 1)));
    return { level, groups };
  }
  return null;
}

/** The figures on rows as wide as the header (not those of a narrower table printed under it). */
const wide = (doc: Doc, t: TableText) => t.figures.filter((f) => cellsOf(doc.lines[f.line - 1]!).length === t.width);

/**
 * The lines of the table's grid: its header rows and the rows as wide as them, with the short line a
 * number or label broken over two lines leaves under a full one (not the rows of a narrower table printed under it).
 */
function gridLines(doc: Doc, t: TableText): number[] {
  const width = (no: number) => cellsOf(doc.lines[no - 1] ?? '').length;
  const figureColumns = new Set(t.figures.map((f) => f.cell));
  const split = (no: number, i: number) => t.figures.some((f) => f.line === no && f.cell === i && f.raw.includes('\n'));
  const continues = (no: number) =>
    width(no) < t.width && width(no - 1) === t.width && cellsOf(doc.lines[no - 1]!).every((c, i) => c.trim() === '' || split(no - 1, i) || !figureColumns.has(i));
  return [...t.header, ...t.headerRow.keys(), ...t.body].filter((no) => width(no) === t.width || continues(no));
}

/** Rows of the table with its figure columns in a new order of their groups; the manifest's cells follow. */
function reorderColumns(doc: Doc, t: TableText, order: (groups: number[][]) => number[][]): boolean {
  const found = figureGroups(doc, t);
  if (!found || found.groups.length < 2) return false;
  const figures = wide(doc, t);
  const lines = gridLines(doc, t);
  const target = order(found.groups).flat();
  const columns = found.groups.flat();
  // The cell now printed at columns[k] comes from target[k].
  const from = new Map(columns.map((c, k) => [c, target[k]!]));
  const to = new Map(columns.map((c, k) => [target[k]!, c]));
  for (const no of new Set(lines)) {
    const row = t.header.indexOf(no) >= 0 ? t.header.indexOf(no) : (t.headerRow.get(no) ?? Infinity);
    // Header rows above the splitting one span every group: they stay.
    if (row < found.level) continue;
    const cells = cellsOf(doc.lines[no - 1]!);
    while (cells.length < t.width) cells.push('');
    doc.lines[no - 1] = cells.map((c, i) => (from.has(i) ? (cells[from.get(i)!] ?? '') : c)).join('\t');
  }
  for (const f of figures) f.cell = to.get(f.cell) ?? f.cell;
  return true;
}

function reorderAll(order: (groups: number[][]) => number[][]): (doc: Doc) => Doc | null {
  return (doc) => {
    let changed = false;
    // 绩效 tables are forms (a column means one thing in the money rows, another in the indicators): see reorderIndicators.
    for (const t of tablesOf(doc).filter((x) => !/绩效/.test(x.title))) changed = reorderColumns(doc, t, order) || changed;
    return changed ? doc : null;
  };
}

/**
 * The indicator columns of 绩效 tables (一级指标 | 二级指标 | 三级指标 | 指标值) printed in another order, from
 * their header row down to the end of the block; the manifest's cells follow.
 */
function reorderIndicators(doc: Doc): Doc | null {
  let changed = false;
  const figures = figuresOf(doc);
  for (let no = 1; no <= doc.lines.length; no++) {
    const header = cellsOf(doc.lines[no - 1]!).map((c) => c.trim());
    const at = ['一级指标', '二级指标', '三级指标', '指标值'].map((h) => header.findIndex((c) => c === h || c === `年度${h}`));
    if (at.some((i) => i < 0)) continue;
    // 指标值 | 三级指标 | 二级指标 | 一级指标 in the same four places.
    const target = [...at].reverse();
    const move = (cells: string[]) => {
      const out = [...cells];
      at.forEach((from, k) => (out[target[k]!] = cells[from] ?? ''));
      return out;
    };
    for (let row = no; row <= doc.lines.length; row++) {
      const line = doc.lines[row - 1]!;
      const cells = cellsOf(line);
      if (!isTab(line) || (row > no && /名称$/.test(cells[0]!.trim()))) break;
      while (cells.length <= Math.max(...at)) cells.push('');
      doc.lines[row - 1] = move(cells).join('\t');
      for (const f of figures.filter((x) => x.line === row && at.includes(x.cell))) f.cell = target[at.indexOf(f.cell)]!;
    }
    changed = true;
  }
  return changed ? doc : null;
}

// ---------------------------------------------------------------- transposed tables

const rowLabelOf = (cells: string[]) => cells.find((c) => c.trim() !== '') ?? '';

/**
 * A table of items × one header row of years/stages/changes (江西 三公: 项目 | 2023年预算数 | 2024年预算数 |
 * 增减额 | 增减幅度（%）) printed the other way round: items across, the years down.
 */
function transposeFlat(doc: Doc, t: TableText): boolean {
  if (t.header.length !== 1 || t.headerRow.size > 0) return false;
  const header = cellsOf(doc.lines[t.header[0]! - 1]!);
  const body = t.body.filter((no) => t.figures.some((f) => f.line === no));
  if (body.length !== t.body.length || body.length < 2) return false;
  if (t.figures.some((f) => f.raw.includes('\n') || f.cell === 0)) return false;
  const rows = body.map((no) => cellsOf(doc.lines[no - 1]!));
  const columns = header.map((_, i) => i).slice(1);
  const out = [
    [header[0]!, ...rows.map(rowLabelOf)].join('\t'),
    ...columns.map((c) => [header[c]!, ...rows.map((r) => r[c] ?? '')].join('\t')),
  ];
  const first = t.header[0]!;
  const byLine = new Map(body.map((no, k) => [no, k]));
  for (const f of t.figures) {
    const r = byLine.get(f.line)!;
    // The manifest named the figure by its row and its column: the two change places.
    [f.row, f.column] = [f.column, f.row];
    f.line = first + 1 + columns.indexOf(f.cell);
    f.cell = r + 1;
  }
  replaceBlock(doc, first, 1 + body.length, out, new Set(t.figures));
  return true;
}

/**
 * A wide single-row table whose top header row splits the columns into groups with the same items
 * below (云南 公开10表: 预算数 | 决算数 over 合计 | 因公出国（境）费 | …) printed with the groups as rows.
 */
function foldGroups(doc: Doc, t: TableText): boolean {
  const found = figureGroups(doc, t);
  if (!found || found.level !== 0 || found.groups.length < 2 || t.header.length < 2) return false;
  const rows = t.header.filter((no) => !isNumbering(doc.lines[no - 1]!)).map((no) => cellsOf(doc.lines[no - 1]!));
  const [first, ...others] = found.groups;
  const sub = (g: number[]) => rows.slice(1).map((r) => g.map((c) => (r[c] ?? '').trim()).join('|')).join('/');
  if (others.some((g) => g.length !== first!.length || sub(g) !== sub(first!))) return false;
  const dataLines = [...new Set(wide(doc, t).map((f) => f.line))];
  if (dataLines.length !== 1) return false;
  const data = dataLines[0]!;
  // The block from the first header row to the data row, with a 栏次 row between them kept out.
  const block = t.body.filter((no) => no <= data);
  if (block.at(-1) !== data) return false;
  const start = t.header[0]!;
  const labels = found.groups.map((g) => rows[0]![g[0]!]!.trim());
  const values = cellsOf(doc.lines[data - 1]!);
  const out = [
    ...rows.slice(1).map((r) => ['项目', ...first!.map((c) => r[c] ?? '')].map((c, k) => (k === 0 && r !== rows[1] ? '' : c)).join('\t')),
    ...found.groups.map((g, k) => [labels[k]!, ...g.map((c) => values[c] ?? '')].join('\t')),
  ];
  const folded = wide(doc, t);
  for (const f of folded) {
    const k = found.groups.findIndex((g) => g.includes(f.cell));
    const at = found.groups[k]!.indexOf(f.cell);
    f.row = labels[k]!;
    f.column = f.column.split(' / ').slice(1).join(' / ');
    f.line = start + rows.length - 1 + k;
    f.cell = at + 1;
  }
  replaceBlock(doc, start, data - start + 1, out, new Set(folded));
  return true;
}

/** Lines [from, from + count) of a table replaced by `out`; the figures in them already renumbered. */
function replaceBlock(doc: Doc, from: number, count: number, out: string[], moved: Set<TruthFigure>): void {
  const delta = out.length - count;
  const shift = (line: number) => (line >= from + count ? line + delta : line);
  doc.lines.splice(from - 1, count, ...out);
  for (const f of doc.truth.figures) if (!moved.has(f)) f.line = shift(f.line);
  for (const p of doc.truth.prose) p.line = shift(p.line);
  for (const x of doc.truth.tables) [x.start, x.end] = [shift(x.start), x.end >= from ? x.end + delta : x.end];
  for (const d of doc.truth.defects) {
    if (d.line) d.line = shift(d.line);
    if (d.lines) d.lines = d.lines.map(shift);
  }
}

// ---------------------------------------------------------------- headers and titles

/** Header cells renamed (`人员经费` → `工资福利支出`), the manifest's column paths in step. */
function renameHeaders(doc: Doc, names: Record<string, string>, inTable: (t: TableText) => boolean = () => true): boolean {
  let changed = false;
  for (const t of tablesOf(doc).filter(inTable)) {
    for (const no of [...t.header, ...t.headerRow.keys()]) {
      const cells = cellsOf(doc.lines[no - 1]!);
      const renamed = cells.map((c) => names[c.trim()] ?? c);
      if (renamed.join('\t') !== cells.join('\t')) {
        doc.lines[no - 1] = renamed.join('\t');
        changed = true;
      }
    }
    for (const f of t.figures) f.column = f.column.split(' / ').map((p) => names[p.trim()] ?? p).join(' / ');
  }
  return changed;
}

/** The header rows of every table followed by a 栏次 row numbering its figure columns. */
function numberColumns(doc: Doc): Doc | null {
  const tables = tablesOf(doc).filter((t) => !/绩效/.test(t.title) && !t.header.some((no) => isNumbering(doc.lines[no - 1]!)));
  if (tables.length === 0) return null;
  // From the bottom up, so the line numbers above stay.
  for (const t of [...tables].reverse()) {
    const columns = [...new Set(t.figures.map((f) => f.cell))].sort((a, b) => a - b);
    const row = Array.from({ length: t.width }, (_, i) => (i === 0 ? '栏次' : columns.includes(i) ? String(columns.indexOf(i) + 1) : ''));
    const after = [...t.headerRow.entries()].filter(([, k]) => k === t.header.length - 1).map(([no]) => no);
    for (const no of [...after, t.header.at(-1)!].sort((a, b) => b - a)) insertLines(doc, no + 1, [row.join('\t')]);
  }
  return doc;
}

/** Lines printed between a table's title and its header: a period, a date, a blank, the department again. */
function preamble(where: 'before' | 'inside' | 'pages'): (doc: Doc) => Doc | null {
  return (doc) => {
    const tables = tablesOf(doc);
    const dept = doc.truth.meta.department;
    const year = doc.truth.meta.fiscal_year;
    let changed = false;
    for (const t of [...tables].reverse()) {
      if (where === 'before') {
        insertLines(doc, t.header[0]!, [`（${year}年度）`, '', `公开日期：${year}年3月1日`, dept]);
        changed = true;
      } else if (where === 'inside' && t.header.length >= 2) {
        // The department and the unit between the first and second header rows (a page header the conversion put there).
        insertLines(doc, t.header[1]!, ['', dept, doc.truth.meta.amount_unit === '元' ? '单位：元' : '单位：万元']);
        changed = true;
      } else if (where === 'pages') {
        // After every page break inside the table: the department and a blank line.
        for (let no = t.end; no > t.header[0]!; no--) {
          if (/^(第\s*\d+\s*页|[-—–－]+\s*\d+\s*[-—–－]+|\d{1,3})$/.test(doc.lines[no - 1]!.trim())) {
            insertLines(doc, no + 1, [dept, '']);
            changed = true;
          }
        }
      }
    }
    return changed ? doc : null;
  };
}

/** Each table's title printed another way (on every page that repeats it); `style` gets the title and its number. */
function retitle(style: (title: string, n: number) => string[]): (doc: Doc) => Doc | null {
  return (doc) => {
    const tables = tablesOf(doc);
    if (tables.length === 0) return null;
    const alone = (no: number) => NUMBER.test((doc.lines[no - 1] ?? '').trim());
    const key = (s: string) => s.replace(/\s+/g, '');
    for (const [k, t] of [...tables.entries()].reverse()) {
      const titled = Array.from({ length: t.end - t.titleLine + 1 }, (_, i) => t.titleLine + i).filter((no) => {
        const line = doc.lines[no - 1]!;
        return key(line).includes(key(t.title)) && (!isTab(line) || isMetaRow(line, t.title)) && !t.figures.some((f) => f.line === no);
      });
      for (const no of titled.reverse()) {
        const [first, ...more] = style(t.title, k + 1);
        // A 表N line of its own before or after the title goes: the style prints its own.
        if (alone(no + 1)) deleteLines(doc, no + 1, 1);
        doc.lines[no - 1] = first!;
        insertLines(doc, no + 1, more);
        if (alone(no - 1)) deleteLines(doc, no - 1, 1);
      }
      for (const f of t.figures) f.table_number = null;
    }
    return doc;
  };
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** A title too long for its line, broken before its last 3–5 characters. */
function twoLines(title: string): string[] {
  const cut = title.length > 10 ? title.length - 5 : title.length - 3;
  return [title.slice(0, cut), title.slice(cut)];
}

// ---------------------------------------------------------------- rows

/** The 合计 row printed right under the header moved to the end of its page. */
function totalsLast(doc: Doc): Doc | null {
  let changed = false;
  for (const t of [...tablesOf(doc)].reverse()) {
    const firstBody = t.body[0];
    if (firstBody === undefined || firstBody !== t.header.at(-1)! + 1) continue;
    if (!/^(合计|总计)$/.test(rowLabelOf(cellsOf(doc.lines[firstBody - 1]!)).replace(/\s+/g, ''))) continue;
    // The run of body rows on the same page (consecutive lines).
    let last = firstBody;
    while (t.body.includes(last + 1)) last++;
    if (last === firstBody) continue;
    if (t.figures.some((f) => f.raw.includes('\n') && (f.line === firstBody || f.line === last))) continue;
    const total = doc.lines[firstBody - 1]!;
    doc.lines.splice(firstBody - 1, 1);
    doc.lines.splice(last - 1, 0, total);
    for (const f of t.figures) {
      if (f.line === firstBody) f.line = last;
      else if (f.line > firstBody && f.line <= last) f.line -= 1;
    }
    changed = true;
  }
  return changed ? doc : null;
}

/** A column of text the ingest knows nothing about (备注) added at the right of every table of one header. */
function extraTextColumn(doc: Doc): Doc | null {
  let changed = false;
  for (const t of tablesOf(doc)) {
    const lines = gridLines(doc, t);
    if (t.body.some((no) => cellsOf(doc.lines[no - 1]!).length > t.width)) continue;
    for (const no of lines) {
      const cells = cellsOf(doc.lines[no - 1]!);
      while (cells.length < t.width) cells.push('');
      cells.push(no === t.header[0] ? '备注' : '');
      doc.lines[no - 1] = cells.join('\t');
    }
    changed = true;
  }
  return changed ? doc : null;
}

// ---------------------------------------------------------------- units, numbers, brackets, zeros

const UNIT_TEXT = /^(?:金额)?单位\s*[:：]\s*(?:万元|元)$/;

/** Lines of a table that print no figure and are no header row: its title, meta and page lines. */
function textLines(t: TableText): number[] {
  const figureLines = new Set(t.figures.map((f) => f.line));
  const headers = new Set([...t.header, ...t.headerRow.keys()]);
  return Array.from({ length: t.end - t.start + 1 }, (_, k) => t.start + k).filter((no) => !figureLines.has(no) && !headers.has(no));
}

/** Cells of the given lines blanked where `drop` says (a line of one cell becomes blank); true when any was. */
function blankCells(doc: Doc, lines: number[], drop: (cell: string) => boolean): boolean {
  let changed = false;
  for (const no of lines) {
    const cells = cellsOf(doc.lines[no - 1]!);
    const kept = cells.map((c) => (drop(c.trim()) ? '' : c));
    if (kept.join('\t') === cells.join('\t')) continue;
    doc.lines[no - 1] = kept.every((c) => c.trim() === '') ? '' : kept.join('\t');
    changed = true;
  }
  return changed;
}

/** Every line printing the table's title (each page that repeats it). */
const titleLines = (doc: Doc, t: TableText) =>
  textLines(t).filter((no) => no >= t.titleLine && doc.lines[no - 1]!.replace(/\s+/g, '').includes(t.title.replace(/\s+/g, '')));

/**
 * Each table's unit line (`单位：万元`, alone or a cell of a meta row) taken out and the unit printed elsewhere
 * instead: after the title (`部门收支总体情况表（单位：万元）`) or in the figure headers only (`合计（万元）`).
 */
function moveUnit(to: 'title' | 'header'): (doc: Doc) => Doc | null {
  return (doc) => {
    const unit = doc.truth.meta.amount_unit;
    let changed = false;
    // 绩效 tables are forms (a header cell names a different thing in each block): the unit stays on its line.
    for (const t of tablesOf(doc).filter((x) => to === 'title' || !/绩效/.test(x.title))) {
      if (!blankCells(doc, textLines(t), (c) => UNIT_TEXT.test(c))) continue;
      changed = true;
      if (to === 'title') {
        const key = t.title.replace(/\s+/g, '');
        for (const no of titleLines(doc, t)) doc.lines[no - 1] = cellsOf(doc.lines[no - 1]!).map((c) => (c.replace(/\s+/g, '').includes(key) ? `${c}（单位：${unit}）` : c)).join('\t');
        continue;
      }
      // The header cell right above each figure column: its deepest.
      const rows = t.header.filter((no) => !isNumbering(doc.lines[no - 1]!)).map((no) => cellsOf(doc.lines[no - 1]!));
      const money = [...new Set(t.figures.map((f) => f.cell))].filter((i) => t.figures.every((f) => f.cell !== i || (f.kind === 'money' && !f.indicator)));
      const deepest = money.map((i) => rows.map((r) => (r[i] ?? '').trim()).findLast((c) => c !== '') ?? '');
      const names = Object.fromEntries(deepest.filter((c) => c !== '').map((c) => [c, `${c}（${unit}）`]));
      renameHeaders(doc, names, (x) => x.title === t.title && x.start === t.start);
    }
    return changed ? doc : null;
  };
}

/** Each table's number (表3, 公开03表) printed on a line of its own right above the header, after the unit. */
function numberAboveHeader(doc: Doc): Doc | null {
  let changed = false;
  for (const t of [...tablesOf(doc)].reverse()) {
    const number = doc.truth.tables.find((x) => x.title === t.title && x.start === t.start)?.table_number;
    if (!number) continue;
    const above = textLines(t).filter((no) => no < t.header[0]!);
    const key = number.replace(/\s+/g, '');
    // Alone or a cell of its own (`标题⇥表1`), or before the title (`表1  标题`).
    blankCells(doc, above, (c) => c.replace(/\s+/g, '') === key);
    for (const no of above) doc.lines[no - 1] = doc.lines[no - 1]!.replace(new RegExp(`^${number.replace(/\s+/g, '\\s*')}\\s+(?=\\S)`), '');
    insertLines(doc, t.header[0]!, [number]);
    for (const f of t.figures) f.table_number = number;
    changed = true;
  }
  return changed ? doc : null;
}

/** Full-width brackets printed half-width in the tables (titles, headers, labels): `因公出国(境)费`, `增减幅度(%)`. */
function halfWidthBrackets(doc: Doc): Doc | null {
  const half = (text: string) => text.replace(/（/g, '(').replace(/）/g, ')');
  const tables = tablesOf(doc);
  if (tables.length === 0) return null;
  for (const t of tables) for (let no = t.start; no <= t.end; no++) doc.lines[no - 1] = half(doc.lines[no - 1]!);
  const inTables = new Set(tables.flatMap((t) => t.figures));
  for (const f of doc.truth.figures.filter((x) => inTables.has(x as Cell))) {
    [f.table, f.row, f.column, f.raw] = [half(f.table), half(f.row), half(f.column), half(f.raw)];
    if (f.unit_name) f.unit_name = half(f.unit_name);
  }
  for (const t of doc.truth.tables) t.title = half(t.title);
  return doc;
}

const DASHES = ['—', '-', '——', '－', '--'];

/** Zero amounts printed as a dash of one kind or another (`—`, `-`, `——`, `－`, `--`) instead of 0.00. */
function dashZeros(doc: Doc): Doc | null {
  const zeros = figuresOf(doc).filter((f) => f.kind === 'money' && f.amount_fen === 0 && /^0(\.0+)?$/.test(f.raw));
  if (zeros.length === 0) return null;
  zeros.forEach((f, k) => {
    const dash = DASHES[k % DASHES.length]!;
    const cells = cellsOf(doc.lines[f.line - 1]!);
    cells[f.cell] = dash;
    doc.lines[f.line - 1] = cells.join('\t');
    f.raw = dash;
    f.zero_form = dash;
  });
  return doc;
}

/**
 * The header cells right above the figures, where longer than 5 characters, wrapped over two lines the way a
 * narrow column prints them (`政府性基金预算` / `拨款收入`): the rest of each on a header line of its own below,
 * on every page that repeats the header.
 */
function wrapHeaders(doc: Doc): Doc | null {
  let changed = false;
  for (const t of [...tablesOf(doc)].reverse().filter((x) => !/绩效/.test(x.title))) {
    const rows = t.header.filter((no) => !isNumbering(doc.lines[no - 1]!));
    const deepest = rows.at(-1)!;
    const k = t.header.indexOf(deepest);
    const columns = new Set(t.figures.map((f) => f.cell));
    const cells = cellsOf(doc.lines[deepest - 1]!);
    const wrapped = cells.map((c, i) => (columns.has(i) && c.trim().length > 5 && !/\s/.test(c.trim()) ? Math.ceil(c.trim().length / 2) : 0));
    if (!wrapped.some((n) => n > 0)) continue;
    const heads = cells.map((c, i) => (wrapped[i] ? c.trim().slice(0, wrapped[i]) : c)).join('\t');
    const tails = cells.map((c, i) => (wrapped[i] ? c.trim().slice(wrapped[i]) : '')).join('\t');
    const copies = [deepest, ...[...t.headerRow.entries()].filter(([, r]) => r === k).map(([no]) => no)].sort((a, b) => b - a);
    for (const no of copies) {
      doc.lines[no - 1] = heads;
      insertLines(doc, no + 1, [tails]);
    }
    changed = true;
  }
  return changed ? doc : null;
}

// ---------------------------------------------------------------- the variants

export const VARIANTS: Variant[] = [
  {
    name: 'columns-reversed',
    describe: 'figure columns in the opposite order (项目支出 before 基本支出, 得分 before 分值, 本年 before 上年)',
    apply: reorderAll((groups) => [...groups].reverse()),
  },
  {
    name: 'columns-rotated',
    describe: 'figure columns rotated by one group (合计 printed last)',
    apply: reorderAll((groups) => [...groups.slice(1), groups[0]!]),
  },
  { name: 'indicator-columns-reversed', describe: '绩效 indicators printed 指标值 | 三级指标 | 二级指标 | 一级指标', apply: reorderIndicators },
  {
    name: 'transposed',
    describe: 'tables of items × years, stages or changes printed the other way round',
    apply: (doc) => {
      let changed = false;
      for (const t of [...tablesOf(doc)].reverse()) {
        // Tables whose figure columns are years, stages or changes of the thing each row is (not 上年结转 beside funds).
        const labels = t.header.filter((no) => !isNumbering(doc.lines[no - 1]!)).flatMap((no) => cellsOf(doc.lines[no - 1]!).slice(1)).map((c) => c.trim()).filter((c) => c !== '');
        const yearly = labels.length > 0 && labels.every((l) => /^(20\d{2}年|上年|本年)?(预算|决算)?数?$|^增减|^(预算|决算)数$|^(合计|小计|因公出国（境）费|公务用车购置及运行费|公务接待费|公务用车购置费|公务用车运行费)$/.test(l)) && labels.some((l) => /20\d{2}年|上年|增减|预算数|决算数/.test(l));
        if (yearly && (transposeFlat(doc, t) || foldGroups(doc, t))) changed = true;
      }
      return changed ? doc : null;
    },
  },
  { name: 'preamble-before-header', describe: 'a period line, a blank, 公开日期 and the department between the title and the header', apply: preamble('before') },
  { name: 'preamble-inside-header', describe: 'the department and the unit between the header rows', apply: preamble('inside') },
  { name: 'department-after-page-break', describe: 'the department repeated after every page break', apply: preamble('pages') },
  { name: 'number-chinese', describe: '表一, 表二 … on the title line', apply: retitle((title, n) => [`${title}\t表${CN[n - 1] ?? n}`]) },
  { name: 'number-appendix', describe: '附表1 before the title', apply: retitle((title, n) => [`附表${n}  ${title}`]) },
  { name: 'number-dashed-paren', describe: '（表1-1）glued after the title', apply: retitle((title, n) => [`${title}（表${n}-1）`]) },
  { name: 'title-two-lines', describe: 'the title broken over two lines, 表N on a line of its own', apply: retitle((title, n) => [`表${n}`, ...twoLines(title)]) },
  { name: 'column-numbers', describe: 'a 栏次 row under every header', apply: numberColumns },
  {
    name: 'units-in-header',
    describe: 'the unit printed in the figure headers (`合计（万元）`, `预算数（元）`)',
    apply: (doc) => {
      const unit = doc.truth.meta.amount_unit;
      const names: Record<string, string> = {};
      for (const h of ['合计', '小计', '预算数', '决算数', '金额', '基本支出', '项目支出', '人员经费', '公用经费']) names[h] = `${h}（${unit}）`;
      return renameHeaders(doc, names, (t) => t.figures.every((f) => f.kind === 'money')) ? doc : null;
    },
  },
  {
    name: 'header-spellings',
    describe: 'header words another province prints (日常公用经费, 项目支出合计, 功能分类科目名称, 事业单位经营支出)',
    apply: (doc) =>
      renameHeaders(doc, {
        公用经费: '日常公用经费',
        项目支出: '项目支出合计',
        科目名称: '功能分类科目名称',
        科目编码: '功能分类科目编码',
        经营支出: '事业单位经营支出',
        预算数: '预算金额',
      })
        ? doc
        : null,
  },
  { name: 'totals-last', describe: 'the 合计 row printed under the rows it totals', apply: totalsLast },
  { name: 'extra-text-column', describe: 'a 备注 column at the right', apply: extraTextColumn },
  { name: 'unit-in-title', describe: 'the unit printed after the title (`部门收支总体情况表（单位：万元）`), no unit line', apply: moveUnit('title') },
  { name: 'unit-in-header-only', describe: 'no unit line: the unit printed in the figure headers only (`合计（元）`)', apply: moveUnit('header') },
  { name: 'number-above-header', describe: '表N (公开0N表) on a line of its own between the unit line and the header', apply: numberAboveHeader },
  { name: 'half-width-brackets', describe: 'half-width brackets in titles, headers and labels (`因公出国(境)费`)', apply: halfWidthBrackets },
  { name: 'header-wrapped', describe: 'header cells over the figures wrapped over two lines (`政府性基金预算` / `拨款收入`)', apply: wrapHeaders },
  { name: 'dash-zeros', describe: 'zero amounts printed as `—`, `-`, `——`, `－` or `--`', apply: dashZeros },
  {
    name: 'short-item-names',
    describe: '“三公” items under 公务用车购置及运行费 printed short (购置费, 运行费)',
    apply: (doc) => (renameHeaders(doc, { 公务用车购置费: '购置费', 公务用车运行费: '运行费', 公务用车运行维护费: '运行维护费' }, (t) => /三公/.test(t.title)) ? doc : null),
  },
];

/** Several variants at once, each applied where it finds something to change: another province changes more than one thing. */
function compose(names: string[]): Variant {
  const steps = names.map((n) => VARIANTS.find((v) => v.name === n)!);
  return { name: names.join('∘'), describe: steps.map((v) => v.describe).join('; '), apply: (doc) => steps.reduce((d, v) => v.apply(d) ?? d, doc) };
}

export const COMPOSITIONS: Variant[] = [
  compose(['columns-rotated', 'preamble-before-header', 'dash-zeros', 'unit-in-title']),
  compose(['transposed', 'number-above-header', 'half-width-brackets', 'totals-last']),
  compose(['columns-reversed', 'unit-in-header-only', 'extra-text-column', 'number-chinese']),
  compose(['header-wrapped', 'short-item-names', 'column-numbers', 'department-after-page-break']),
];
