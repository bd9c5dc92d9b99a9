// Choosing which stored figures answer a question, and turning them into answer items.
// Only figures whose meaning the ingest is sure of are used: a flagged cell (label
// shifted, column not understood, a repeated row, a cell printed empty) is never an answer.
import type { ArithmeticOp } from '../query/ast.ts';
import type { AmountUnit, NarrativeFactRow, Stage } from '../store/schema.ts';
import type { CatalogDocument } from '../query/catalog.ts';
import type { AnswerItem } from './types.ts';
import type { FigureRow } from './data.ts';
import { corroborationOf, verificationOf, type Verification } from './caution.ts';
import { money, tableName, yuan } from './format.ts';

export interface Figure {
  document: CatalogDocument;
  entity: string;
  year: number;
  basis: Stage;
  label: string;
  /** The words its row or column prints for the named figure a cell was tagged with (抚顺 表7: 公务用车运行费), as printed. */
  printed?: string;
  fen: number | null;
  value: number | string | null;
  unit: string | null;
  /** The unit the source printed money in (元 documents get the exact 元 figure too). */
  printedIn: AmountUnit;
  table: string | null;
  /** The table's printed number (12, 公开05): a table named by number picks its figure. */
  tableNumber?: string | null;
  /** What the figure's column says, as printed (合计, 基本支出/人员经费, 2022 预算数/合计…). */
  column: string | null;
  /** The column a cell is in (line_items.column_key: total, basic, personnel…); absent for prose. */
  measure?: string;
  /** The funds a cell covers (line_items.scope: '' all, gp 一般公共预算, fiscal 财政拨款…); absent for prose. */
  scope?: string;
  /**
   * A subject's cell in a column that is only part of it (the 合计 of a 基本支出 table is its basic part): never
   * another printing of the subject's total, which leads wherever one is printed.
   */
  part?: boolean;
  line: number;
  raw: string;
  /** One unit of the last printed digit, in 分 (null for non-money). */
  precision: number | null;
  /** A year-over-year change the prose states with it, and the line (and sentence) stating it. */
  change: {
    fen: number | null;
    percent: number | null;
    direction: string | null;
    basis: string | null;
    reason: string | null;
    line: number;
    raw: string;
  } | null;
  /** The date a stock stands at when the source states one (ISO); absent or null when it states none. */
  asOf?: string | null;
  /** Ordering key: lower comes first when several figures could answer. */
  rank: number;
  /** How the ingest corroborated it (caution.ts). */
  verification?: Verification;
  /**
   * The whole whose change the text states where a part's is asked (公务用车购置及运行费 for 公务用车运行维护费): the
   * change is the whole's, said so, and no figure of the part is worked back from it.
   */
  statedFor?: string;
  /**
   * The change is a part's sentence of the same amount (北票 公务用车购置及运行费 1.66 for “三公”经费 1.66): it is the
   * figure's change, but last year's figure is never worked back from it (the other parts' last year are not stated).
   */
  ofPart?: string;
  /** The project a figure is a measure of (离休医疗保障执行率: 离休医疗保障), where its label names the measure too: what 该项目 points at. */
  of?: string;
  /** The project a printed row belongs to (a 绩效 indicator's): said when asked whose it is, never pointed at by 它. */
  project?: string;
  /** The stored row's project, where it has one (line_items.project_id): named when asked whose it is. */
  projectId?: number | null;
  /** A figure computed from stored ones (a difference, a sum, a share): never stored, always shown as its formula. */
  derived?: { op: ArithmeticOp | 'share' | 'count' | 'per_year'; inputs: Figure[] };
}

const UNUSABLE = ['label_shift_suspected', 'unmapped_column', 'duplicate_row', 'ambiguous_column', 'empty', 'truncated_cell'];

export function usable(row: FigureRow): boolean {
  return row.table_status === 'parsed' && row.column_key !== 'unknown' && !UNUSABLE.some((f) => row.flags.includes(f));
}

const MEASURE_ORDER = ['project_budget', 'total', 'basic', 'project', 'personnel', 'public', 'task'];

/** Smaller is more of a headline: the whole (合计, no scope) before its parts. */
export function headlineRank(row: FigureRow): number {
  const measure = MEASURE_ORDER.indexOf(row.column_key);
  // The number of scopes, counted without splitting (this runs for every row a question reads).
  let scope = row.scope === '' ? 0 : 1;
  for (let i = row.scope.indexOf(','); i >= 0; i = row.scope.indexOf(',', i + 1)) scope++;
  return (measure < 0 ? 9 : measure) * 10 + scope;
}

/** Which tables answer first: the detailed ones; a 收支总表 repeats them, a 绩效表 restates them. */
const KIND_ORDER: Record<string, number> = { expenditure: 0, three_public: 0, income: 1, projects: 1, meetings: 1, assets: 1, summary: 3, performance: 4 };

export function fromCell(row: FigureRow, document: CatalogDocument, entity: string, label?: string): Figure {
  return {
    document,
    entity,
    year: row.year,
    basis: row.basis,
    label: label ?? row.subject_name ?? row.row_label,
    fen: row.value_kind === 'money' ? row.amount_fen : null,
    value: row.value_kind === 'money' ? null : row.quantity,
    unit: row.value_kind === 'money' ? null : countUnit(row),
    printedIn: row.precision_fen !== null && row.precision_fen < 10_000 ? '元' : '万元',
    table: tableName(row.table_name, row.table_number),
    tableNumber: row.table_number,
    column: row.column_label,
    measure: row.column_key,
    scope: row.scope,
    line: row.line,
    raw: row.raw_text,
    precision: row.precision_fen,
    change: null,
    asOf: row.as_of,
    projectId: row.project_id,
    rank: (KIND_ORDER[row.table_kind] ?? 2) * 1_000_000 + row.table_id * 100 + headlineRank(row),
    // A cell's own digits are read as printed (flags ''): not a copy of the whole row to say so.
    verification: verificationOf({ corroboration: row.corroboration, check_id: row.check_id, flags: '' }),
  };
}

/** A count's unit: an 人数 column, or the unit a row label ends with in brackets (车辆（台、辆）, 房屋（平方米）). */
function countUnit(row: FigureRow): string | null {
  if (row.value_kind === 'percent') return '%';
  if (row.value_kind === 'score') return '分';
  if (/人数/.test(row.column_label)) return '人';
  const m = /[（(]([\u4e00-\u9fff]{1,3}(?:、[\u4e00-\u9fff]{1,3})*)[）)]$/.exec(row.row_label);
  return m ? m[1]!.replaceAll('、', '/') : null;
}

export function fromFact(fact: NarrativeFactRow, document: CatalogDocument, entity: string, label?: string): Figure {
  return {
    document,
    entity,
    year: fact.year,
    basis: fact.basis,
    label: label ?? fact.label,
    fen: fact.value_kind === 'money' ? fact.amount_fen : null,
    value: fact.value_kind === 'money' ? null : fact.value,
    unit: fact.value_kind === 'money' ? null : fact.unit,
    printedIn: '万元',
    table: null,
    column: null,
    line: fact.line,
    raw: fact.raw_text,
    precision: fact.precision_fen,
    change:
      (fact.change_direction || fact.change_fen !== null) && fact.change_line !== null
        ? {
            fen: fact.change_fen,
            percent: fact.change_percent,
            direction: fact.change_direction,
            basis: fact.compare_basis,
            reason: fact.reason,
            line: fact.change_line,
            raw: fact.change_raw_text ?? fact.raw_text,
          }
        : null,
    asOf: fact.as_of,
    rank: 100_000_000 + fact.id,
    verification: verificationOf(fact),
  };
}

/**
 * One figure per table (and stage, year and unit: a 整体绩效自评表 prints each unit's) for
 * the same thing: the table's headline cell — 合计 before its parts, the whole scope before a fund's share.
 */
export function headlinePerTable(rows: readonly FigureRow[]): FigureRow[] {
  const best = new Map<string, FigureRow>();
  for (const r of rows) {
    const key = `${r.table_id}|${r.basis}|${r.year}|${r.unit_id}`;
    const current = best.get(key);
    if (!current || headlineRank(r) < headlineRank(current)) best.set(key, r);
  }
  return [...best.values()];
}

/** The same figure printed twice, allowing for the coarser one's rounding (219,438.35元 and 21.94万元). */
export function sameFigure(a: Figure, b: Figure): boolean {
  if (a.basis !== b.basis || a.year !== b.year) return false;
  if (a.fen !== null && b.fen !== null) return Math.abs(a.fen - b.fen) <= Math.max(a.precision ?? 1, b.precision ?? 1) / 2;
  return a.fen === null && b.fen === null && a.value === b.value;
}

/**
 * One printed cell (or sentence figure) reached twice: never two operands of a comparison — a figure set against itself
 * (0.00%, 1倍, 100%) says nothing, whatever named it twice (a subject by its code and by its name is one subject). The
 * same value printed in two tables or on two lines is two printings.
 */
export const samePrinting = (a: Figure, b: Figure) => a.document.file === b.document.file && a.line === b.line && a.year === b.year && a.fen === b.fen && a.value === b.value && a.measure === b.measure && a.column === b.column;

/** Printed to a finer digit, and b is rounded: 3,360.00元 is more exact than the 0.34万元 it rounds to (263.70 is not than 263.7). */
const finer = (a: Figure, b: Figure) => a.precision !== null && b.precision !== null && a.precision < b.precision && a.fen !== b.fen;

/**
 * Distinct values, in first-seen order: the same 3,372.44 in 表3 and 表5 is one
 * answer, cited from the most exactly printed source (a 元 figure is never rounded).
 * Two units' figures are two answers even when they are equal.
 */
export function distinctByValue(figures: Figure[]): Figure[] {
  const kept: Figure[] = [];
  for (const f of figures) {
    const i = kept.findIndex((k) => k.entity === f.entity && sameFigure(k, f));
    if (i < 0) kept.push(f);
    else if (finer(f, kept[i]!)) kept[i] = { ...f, label: kept[i]!.label, change: kept[i]!.change ?? f.change };
  }
  return kept;
}

/** `2022-12-31` → `（截至2022年12月31日）`: a stock's number means nothing without its date. */
function asOfText(date: string | null | undefined): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? `（截至${m[1]}年${Number(m[2])}月${Number(m[3])}日）` : '';
}

export function show(f: Figure): string {
  // A cell printed empty is read as 0 (the tables leave nothing-spent blank), but says it was blank.
  if (f.fen !== null) return `${money(f.fen, f.printedIn)}${f.fen === 0 && f.raw.trim() === '' ? '（表中空白）' : ''}${asOfText(f.asOf)}`;
  if (f.value === null) return '—';
  return `${f.value}${f.unit ?? ''}${asOfText(f.asOf)}`;
}

/**
 * The change the prose states with a figure, as a figure of its own cited from
 * the line that states it (北票 line 104 for the 支出总计 of line 96).
 */
export function changeFigure(f: Figure): Figure | null {
  const c = f.change;
  if (!c) return null;
  const label = `${f.label}${c.basis ? `比${c.basis}` : '比上年'}增减`;
  const value = c.fen !== null ? null : c.percent ?? c.direction;
  const unit = c.fen === null && c.percent !== null ? '%' : null;
  return { ...f, label, fen: c.fen, value, unit, table: null, column: null, line: c.line, raw: c.raw, precision: null, change: null, asOf: null };
}

/**
 * A change stated as none (沈阳 机关运行经费 `比 2022 年预算减少 0 万元，下降 0%`): said 持平, the words printed beside it —
 * never 增长0.00% nor −0%. Null for any other change.
 */
export function steadyAsPrinted(c: NonNullable<Figure['change']>): string | null {
  if ((c.fen ?? 0) !== 0 || (c.percent ?? 0) !== 0 || (c.fen === null && c.percent === null)) return null;
  const down = /减|降/.test(c.direction ?? '');
  const printed = [c.fen !== null ? `${down ? '减少' : '增加'}0万元` : '', c.percent !== null ? `${down ? '下降' : '增长'}0%` : ''].filter(Boolean).join('，');
  return `与${c.basis ?? '上年'}持平（文中写作“${printed}”）`;
}

/**
 * A stated fall as the text prints it (减少138.44万元, 下降21.21%): its size, named by its word. Asked as a fall
 * (降幅, 为什么减少了) it leads, the signed 增减 figure right after it; a rise, or a computed change, stays as it is.
 */
export function fallsAsPrinted(changes: Figure[]): Figure[] {
  return changes.flatMap((c) => {
    const n = c.fen ?? (typeof c.value === 'number' ? c.value : null);
    if (c.derived || n === null || n >= 0 || !/增减(幅度)?$/.test(c.label)) return [c];
    const label = c.label.replace(/增减(幅度)?$/, (_, pct: string | undefined) => (pct ? '下降幅度' : '减少'));
    return [{ ...c, label, fen: c.fen === null ? null : -c.fen, value: typeof c.value === 'number' ? -c.value : c.value }, c];
  });
}

/** Operations setting figures against each other: their inputs are in one unit. */
const COMPARED = new Set<string>(['ratio', 'growth', 'share']);

/**
 * A figure computed from stored figures. It cites its first input's document and line, with the formula as
 * what was "printed", and names whose, which year and stage only where all its inputs agree.
 */
export function derivedFigure(op: ArithmeticOp | 'share' | 'count' | 'per_year', inputs: Figure[], label: string, result: { fen: number | null; value?: number | null; unit?: string | null }, formula: string): Figure {
  // The last guard against a wrong figure: money set against a count (18991914.93倍) is never made, whichever answer asks
  // it — the answers refuse it before (computation.ts); reaching here is a bug, answered as a failure, not a number.
  if (COMPARED.has(op) && inputs.some((f) => f.fen !== null) && inputs.some((f) => f.fen === null)) throw new Error(`${op} of money and a count: ${label}`);
  const first = inputs[0]!;
  const one = <T>(pick: (f: Figure) => T): T | null => (inputs.every((f) => pick(f) === pick(first)) ? pick(first) : null);
  return {
    ...first,
    entity: one((f) => f.entity) ?? [...new Set(inputs.map((f) => f.entity))].join('、'),
    year: one((f) => f.year) as number,
    basis: one((f) => f.basis) as Stage,
    label,
    fen: result.fen,
    value: result.fen !== null ? null : (result.value ?? null),
    unit: result.fen !== null ? null : (result.unit ?? null),
    printedIn: inputs.some((f) => f.printedIn === '元') ? '元' : '万元',
    table: null,
    column: null,
    raw: formula,
    precision: null,
    change: null,
    asOf: null,
    // Its corroboration is its inputs' (cited beside it), not its own.
    verification: undefined,
    derived: { op, inputs },
  };
}

/** A percentage as answers give it: two decimals, as a number. */
export const percentValue = (ratio: number): number => {
  const pct = ratio * 100;
  // A share too small for two decimals is no zero, nor rounded up to 0.01: two significant digits (0.0017, 0.0072).
  // (+ 0: a fall rounded to nothing is 0, not −0.)
  return pct !== 0 && Math.abs(pct) < 0.01 ? Number(pct.toPrecision(2)) : Math.round(ratio * 10_000) / 100 + 0;
};

/**
 * Last year's figure where no table prints it but the text states this year's change (北票 支出总计 1,459.71,
 * 比上年增加822.57 → 637.14): computed, with both printed figures as its inputs.
 */
export function priorFromChange(f: Figure): { prior: Figure; change: Figure } | null {
  const change = changeFigure(f);
  const c = f.change;
  if (!change || !c || c.fen === null || f.fen === null || f.ofPart) return null;
  const falling = c.direction === '减少' || c.direction === '下降' || c.direction === '降低';
  const rising = c.direction === '增加' || c.direction === '增长';
  if (!falling && !rising) return null;
  const delta = Math.abs(c.fen);
  const fen = falling ? f.fen + delta : f.fen - delta;
  const sign = falling ? '+' : '−';
  const label = `${f.label}（${f.year - 1}年，按文中说明推算）`;
  const prior = derivedFigure(falling ? 'sum' : 'difference', [f, change], label, { fen }, `${money(f.fen, f.printedIn)} ${sign} ${money(delta)}`);
  return { prior: { ...prior, year: f.year - 1 }, change };
}

export function toAnswer(f: Figure, all: readonly Figure[] = [f]): AnswerItem {
  return {
    entity: f.entity,
    year: f.year,
    stage: f.basis,
    label: f.label,
    amount_yuan: f.fen !== null ? yuan(f.fen) : null,
    value: f.fen !== null ? null : f.value,
    unit: f.fen !== null ? null : f.unit,
    source: { document: f.document.display, table: f.table, line: f.line, file: f.document.file, raw: f.raw },
    as_of: f.asOf ?? null,
    corroboration: corroborationOf(f),
    derived: f.derived ? { op: f.derived.op, inputs: f.derived.inputs.map((x) => all.indexOf(x)) } : null,
  };
}
