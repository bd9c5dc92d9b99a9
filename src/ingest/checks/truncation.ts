// A document cut off mid-table (a download or a conversion that stopped): the file
// ends inside a table, and that table shows it is not complete — its last row is
// shorter than the others and ends in a cell, its printed total exceeds the rows
// that follow it, it lacks the 总计 rows a 收支总表 ends with, or the table of
// contents names tables that never come. Reported, stored, and said in answers.
import type { DocumentDraft } from '../document/parse.ts';
import type { Line } from '../layout/lines.ts';
import type { TableDraft } from '../model.ts';
import { splitTitle, tableNumber } from '../layout/meta.ts';
import { nameKey } from '../text/cjk.ts';
import { show, type CheckDraft } from './check.ts';

export interface Truncation {
  /** The last line the document has. */
  line: number;
  /** What shows the table is incomplete, as reported. */
  reasons: string[];
  /** The table the document breaks off in. */
  table: TableDraft;
}

const TOTAL_RULES = new Set(['table_total', 'hierarchy', 'unit_subtotal', 'three_public']);

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

const tableLabel = (t: TableDraft) => t.region.number ?? t.region.name ?? '最后一个表格';

/** Tables the contents list after the last table printed, none of which the document prints. */
function missingFromContents(doc: DocumentDraft, last: TableDraft): string[] {
  const toc = doc.tables.find((t) => t.kind === 'toc');
  if (!toc) return [];
  const entries = toc.region.segments
    .flatMap((s) => s.rows)
    .map((r) => r.cells!.map((c) => c.trim()).filter((c) => c !== '' && !/^\d{1,3}$/.test(c)))
    .map((cells) => cells.map((c) => (tableNumber(c) !== null ? { title: '', number: tableNumber(c) } : splitTitle(c))))
    .map((parts) => ({ number: parts.find((p) => p.number !== null)?.number ?? null, name: parts.find((p) => /表/.test(p.title))?.title ?? null }))
    .filter((e) => e.name !== null);
  const printed = (e: (typeof entries)[number]) =>
    doc.tables.some((t) => t !== toc && ((e.number !== null && t.region.number === e.number) || nameKey(t.region.name).includes(nameKey(e.name!))));
  const at = entries.findLastIndex((e) => (e.number !== null && e.number === last.region.number) || nameKey(last.region.name).includes(nameKey(e.name!)));
  if (at < 0) return [];
  const after = entries.slice(at + 1);
  return after.length > 0 && after.every((e) => !printed(e)) ? after.map((e) => e.number ?? e.name!) : [];
}

/**
 * Failing checks that say nothing about the source: a figure of the table the document breaks off in takes part —
 * a total above rows that never came, or a number cut mid-way.
 */
export function cutOffChecks(truncation: Truncation | null, checks: CheckDraft[]): Set<CheckDraft> {
  if (!truncation) return new Set();
  const cells = new Set(truncation.table.cells);
  return new Set(checks.filter((c) => !c.passed && (c.table === truncation.table || c.cells.some((x) => cells.has(x)))));
}

export function detectTruncation(doc: DocumentDraft, checks: CheckDraft[]): Truncation | null {
  const lastLine = doc.lines.findLast((l) => l.text.trim() !== '');
  if (!lastLine || lastLine.cells === null) return null;
  const last = doc.tables.find((t) => t.region.segments.at(-1)!.rows.at(-1) === lastLine);
  if (!last || last.kind === 'toc') return null;

  const reasons: string[] = [];
  const rows: Line[] = last.region.segments.at(-1)!.rows;
  const width = mode(rows.slice(0, -1).map((r) => r.cells!.length));
  const cells = lastLine.cells;
  if (rows.length > 1 && cells.length < width && cells.at(-1) !== '') {
    reasons.push(`第${lastLine.no}行只有${cells.length}栏（该表各行${width}栏），断在“${cells.at(-1)}”`);
  }
  for (const c of checks) {
    if (c.passed || c.table !== last || !TOTAL_RULES.has(c.rule) || c.expectedFen === null || c.actualFen === null || c.expectedFen <= c.actualFen) continue;
    reasons.push(`${tableLabel(last)}“${c.subject}”印有 ${show(c.expectedFen, last)}，其下所列只有 ${show(c.actualFen, last)}`);
    break;
  }
  // A 收支总表 (an income and an expenditure side) ends with its 总计 rows; a 近两年对比表 has none.
  if (last.kind === 'summary' && last.cells.some((c) => c.side !== null) && !last.cells.concat(last.blanks).some((c) => /grand_total$/.test(c.metric ?? ''))) {
    reasons.push(`${tableLabel(last)}没有“总计”行`);
  }
  const missing = missingFromContents(doc, last);
  if (missing.length) reasons.push(`目录所列${missing.join('、')}未出现`);
  return reasons.length ? { line: lastLine.no, reasons, table: last } : null;
}
