// How each figure is corroborated, from the checks run on its document: a passing
// 勾稽 rule it takes part in, the prose stating the same figure, or nothing; a figure
// a failing check contradicts; and, per table, whether any identity confirms which
// money column is which. Answers say all of this (src/answer/caution.ts).
import type { ColumnMapping, Corroboration } from '../../store/schema.ts';
import type { DocumentDraft } from '../document/parse.ts';
import type { CellDraft, TableDraft } from '../model.ts';
import type { FactDraft } from '../prose/facts.ts';
import { columnId, type CheckDraft } from './check.ts';

export interface Verdict {
  status: Corroboration;
  /** The failing check for `contradicted`, else the passing check behind `rule`/`text`; null otherwise. */
  check: CheckDraft | null;
}

export interface Corroborations {
  cells: Map<CellDraft, Verdict>;
  facts: Map<FactDraft, Verdict>;
  /** Per table with money figures; tables without any are absent. */
  mappings: Map<TableDraft, ColumnMapping>;
}

/** Rules comparing two printings of one figure; the others state a sum or an identity over several. */
const PAIRWISE = new Set(['cross_table', 'text_vs_table', 'balance']);
/** Findings that say nothing about a figure's value: a row printed twice is the same figure again. */
const NOT_ABOUT_VALUES = new Set(['duplicate_rows']);

type Figure = CellDraft | FactDraft;

/** Verdicts naming no check, one for every figure they are about (a long document has hundreds of thousands). */
const UNCORROBORATED: Verdict = Object.freeze({ status: 'none', check: null });
const UNMAPPED: Verdict = Object.freeze({ status: 'unmapped', check: null });

const printed = (c: CellDraft) => c.valueKind === 'money' && c.fen !== null && c.raw !== '';

/**
 * Columns of a table whose money figures could be confused with each other's. A 绩效 table's
 * figures are printed beside their own labels (预算资金情况 | 1,440.00) except its task list's.
 */
function moneyColumns(table: TableDraft): Set<string> {
  const mapped = (c: CellDraft) => c.column.key !== 'unknown' && (table.kind !== 'performance' || c.column.key === 'task');
  return new Set(table.cells.filter((c) => printed(c) && mapped(c)).map(columnId));
}

/**
 * A passing check confirms the columns of the figures it relates when it ties the header to
 * the figures: an identity across two or more columns of a table (合计 = 基本支出 + 项目支出),
 * or the same figure found under the same meaning in another table or in the prose.
 */
function confirmedColumns(checks: CheckDraft[], tableOf: Map<CellDraft, TableDraft>): Map<TableDraft, Set<string>> {
  const out = new Map<TableDraft, Set<string>>();
  for (const check of checks) {
    if (!check.passed) continue;
    const byTable = new Map<TableDraft, Set<string>>();
    for (const c of check.cells) {
      const t = tableOf.get(c);
      if (t) byTable.set(t, (byTable.get(t) ?? new Set()).add(columnId(c)));
    }
    const acrossSources = PAIRWISE.has(check.rule) && (byTable.size > 1 || check.facts.length > 0 || check.rule === 'balance');
    for (const [t, columns] of byTable) {
      if (!acrossSources && columns.size < 2) continue;
      const set = out.get(t) ?? new Set();
      for (const c of columns) set.add(c);
      out.set(t, set);
    }
  }
  return out;
}

export function corroborate(doc: DocumentDraft, checks: CheckDraft[]): Corroborations {
  const tableOf = new Map<CellDraft, TableDraft>();
  for (const t of doc.tables) for (const c of t.cells) tableOf.set(c, t);

  // Of the passing checks a figure takes part in, what the verdicts need: the first by a 勾稽 rule, the first by
  // the prose, and whether one finds it printed the same elsewhere. Not a list per figure: a long document's
  // hundreds of thousands of lists were its review's largest garbage, and its peak memory.
  const byRule = new Map<Figure, CheckDraft>();
  const byText = new Map<Figure, CheckDraft>();
  const printedAlike = new Set<Figure>();
  const pass = (f: Figure, c: CheckDraft) => {
    const first = c.rule === 'text_vs_table' ? byText : byRule;
    if (!first.has(f)) first.set(f, c);
    if (c.rule === 'cross_table' || c.rule === 'text_vs_table') printedAlike.add(f);
  };
  for (const check of checks) {
    if (!check.passed) continue;
    for (const f of check.cells) pass(f, check);
    for (const f of check.facts) pass(f, check);
  }
  const supported = (f: Figure) => byRule.has(f) || byText.has(f);
  /** Printed the same elsewhere: another table or the prose agrees with this very figure. */
  const agreed = (f: Figure) => printedAlike.has(f);

  // What the parts of a failing sum add up to: a figure printed elsewhere with that value is backed by them.
  const partsSay = new Map<Figure, number[]>();
  for (const check of checks) {
    if (check.passed || PAIRWISE.has(check.rule) || check.actualFen === null || !check.cells[0]) continue;
    (partsSay.get(check.cells[0]) ?? partsSay.set(check.cells[0], []).get(check.cells[0])!).push(check.actualFen);
  }
  const valueOf = (f: Figure) => ('fen' in f ? f.fen : f.amount_fen) ?? null;
  const contradicted = new Map<Figure, CheckDraft>();
  for (const check of checks) {
    if (check.passed || NOT_ABOUT_VALUES.has(check.rule)) continue;
    const involved: Figure[] = [...check.cells, ...check.facts];
    let blamed = involved;
    if (PAIRWISE.has(check.rule)) {
      // Two printings disagree: when other checks back one of them and nothing backs the other, the other is wrong;
      // so is one whose own parts add up to the other's value (合计 4.27 whose units add up to the 3.07 the prose states).
      const backedBySum = involved.filter((f) => involved.some((g) => g !== f && partsSay.get(g)?.includes(valueOf(f) ?? NaN)));
      const backed = backedBySum.length ? backedBySum : involved.filter(supported);
      if (backed.length > 0 && backed.length < involved.length) blamed = involved.filter((f) => !backed.includes(f));
    } else {
      // A sum that does not add up: the figures no other check backs are the suspects (a 合计 against its units
      // that each add up across their own row); when none or all are backed, any of them may be wrong —
      // unless printed the same elsewhere.
      const backed = involved.filter(supported);
      const suspects = backed.length > 0 && backed.length < involved.length ? involved.filter((f) => !supported(f)) : involved;
      blamed = suspects.filter((f) => !agreed(f));
    }
    for (const f of blamed) if (!contradicted.has(f)) contradicted.set(f, check);
  }

  const verdict = (f: Figure): Verdict => {
    const failing = contradicted.get(f);
    if (failing) return { status: 'contradicted', check: failing };
    const rule = byRule.get(f);
    if (rule) return { status: 'rule', check: rule };
    const text = byText.get(f);
    return text ? { status: 'text', check: text } : UNCORROBORATED;
  };

  const confirmed = confirmedColumns(checks, tableOf);
  const mappings = new Map<TableDraft, ColumnMapping>();
  for (const t of doc.tables) {
    const columns = moneyColumns(t);
    if (columns.size === 0) {
      // Figures all beside their own labels (a 绩效 block), or in columns nothing could be matched to (a misaligned header).
      const figures = t.cells.filter(printed);
      if (figures.length) mappings.set(t, figures.some((c) => c.column.key === 'unknown') ? 'unconfirmed' : 'single');
      continue;
    }
    const ok = [...columns].filter((c) => confirmed.get(t)?.has(c)).length;
    // Two figures of one row under the very same header (金额（万元） twice): nothing tells them apart
    // (a 收支总表 printing 预算数 beside each of its label columns says which label each belongs to).
    const seen = new Set<string>();
    const twins = t.kind !== 'summary' && t.cells.filter(printed).some((c) => seen.size === seen.add(`${c.line}|${c.rowLabel}|${columnId(c)}`).size);
    if (twins) mappings.set(t, 'unconfirmed');
    else mappings.set(t, columns.size === 1 ? 'single' : ok === columns.size ? 'confirmed' : ok > 0 ? 'partial' : 'unconfirmed');
  }

  const cells = new Map<CellDraft, Verdict>();
  for (const t of doc.tables) {
    const unmapped = mappings.get(t) === 'unconfirmed';
    for (const c of t.cells) {
      const v = verdict(c);
      // A figure whose column no identity confirms, or whose header names nothing known, is not known to
      // mean what its header says.
      const mapped = t.kind !== 'performance' || c.column.key === 'task';
      cells.set(c, (unmapped || c.column.key === 'unknown') && mapped && v.status !== 'contradicted' && c.valueKind === 'money' ? UNMAPPED : v);
    }
  }
  // The prose takes part in text_vs_table checks only: its figures are `text`, `contradicted` or `none`.
  const facts = new Map(doc.facts.map((f) => [f, verdict(f)]));
  return { cells, facts, mappings };
}
