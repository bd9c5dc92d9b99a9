// Coverage you can see: per document, the figures printed in its table regions
// (counted off the raw cells, not by the parsers) against the figures stored from
// them, the tables left unclassified, and the figures no check corroborates — so a
// new layout's gaps show in `npm run ingest` rather than in a user's answer.
import type { Corroboration } from '../store/schema.ts';
import type { Corroborations } from './checks/corroboration.ts';
import type { DocumentDraft } from './document/parse.ts';
import type { TableDraft } from './model.ts';

export interface TableCoverage {
  table: TableDraft;
  /** Figure cells printed in the table's rows. */
  found: number;
  /** Of those, stored as figures. */
  stored: number;
  /** Lines with a printed figure that was not stored. */
  missed: number[];
}

export interface Coverage {
  found: number;
  stored: number;
  tables: TableCoverage[];
  /** Table-like regions no title or header classified: none of their figures is stored. */
  unclassified: TableDraft[];
  /** Stored figures (table cells and prose) by how they are corroborated. */
  corroboration: Record<Corroboration, number>;
}

/** A printed figure: decimals (`1,459.71`, `236 ,02 3.0 6`), or the `.00` tail of one broken over two lines. */
const FIGURE = /^-?\d[\d,]*\.\d+$|^\.\d+$/;
/** Digits mixed with letters that PDF-to-text reads for digits (`l3.60`, `1O5.00`, `1e9`): a figure, unreadable. */
const GARBLED = /^(?=.*\d)(?=.*[lIOoSBZe])[\dlIOoSBZ,]*[\dlIOoSBZ]\.[\dlIOoSBZ]+$|^\d+(?:\.\d+)?e\d+$/;

export function isPrintedFigure(cell: string): boolean {
  const c = cell.replace(/[\s\u3000]+/g, '');
  return FIGURE.test(c) || GARBLED.test(c);
}

/** Tables whose rows hold figures to store; a 绩效 table's numbers are mostly targets and scores, counted apart. */
const FIGURE_KINDS = new Set(['summary', 'income', 'expenditure', 'three_public', 'projects', 'meetings', 'assets', 'unknown']);

export function coverageOf(doc: DocumentDraft, corroborations: Corroborations): Coverage {
  const tables: TableCoverage[] = [];
  for (const t of doc.tables) {
    if (!FIGURE_KINDS.has(t.kind)) continue;
    const storedByLine = new Map<number, number>();
    for (const c of t.cells) if (c.raw !== '' && isPrintedFigure(c.raw)) storedByLine.set(c.line, (storedByLine.get(c.line) ?? 0) + 1);
    let found = 0;
    let stored = 0;
    const missed: number[] = [];
    // A figure broken over two lines (`53,704` + `.00`) is stored once, on its first line; its tail is printed on the next.
    let carried = 0;
    for (const row of t.region.segments.flatMap((s) => s.rows)) {
      const printed = row.cells!.filter(isPrintedFigure).length;
      const here = storedByLine.get(row.no) ?? 0;
      const kept = Math.min(printed, here + carried);
      carried = Math.max(0, here - printed);
      found += printed;
      stored += kept;
      if (kept < printed) missed.push(row.no);
    }
    if (found > 0) tables.push({ table: t, found, stored, missed });
  }
  const corroboration: Record<Corroboration, number> = { rule: 0, text: 0, none: 0, contradicted: 0, unmapped: 0 };
  for (const v of [...corroborations.cells.values(), ...corroborations.facts.values()]) corroboration[v.status]++;
  return {
    found: tables.reduce((n, t) => n + t.found, 0),
    stored: tables.reduce((n, t) => n + t.stored, 0),
    tables,
    unclassified: doc.tables.filter((t) => t.kind === 'unknown'),
    corroboration,
  };
}
