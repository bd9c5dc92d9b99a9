// Verified or said to be unverified: every figure an answer prints carries how the
// ingest corroborated it (line_items / narrative_facts `corroboration`). A figure a
// check contradicts, one from a table whose columns no identity confirms, a prose
// number printed with characters that are not digits, and any figure of a document
// cut off mid-table are never given as plain fact: the answer says why. Where the
// same thing has a corroborated figure too, that one comes first.
import { garbledIn } from '../ingest/text/garbled.ts';
import type { CatalogDocument } from '../query/catalog.ts';
import type { Corroboration } from '../store/schema.ts';
import type { Queries } from './data.ts';
import type { Figure } from './figures.ts';
import { printedAt } from './format.ts';

const quoted = (label: string) => (label.includes('“') ? label : `“${label}”`);

export interface Verification {
  status: Corroboration;
  /** The check behind the status (the failing one when contradicted). */
  checkId: number | null;
  /** The number was printed with characters that are not digits (OCR `l3.60`). */
  garbled: boolean;
}

export function verificationOf(row: { corroboration: Corroboration; check_id: number | null; flags: string }): Verification {
  return { status: row.corroboration, checkId: row.check_id, garbled: row.flags.split(',').includes('garbled_digits') };
}

/** Figures an answer must not state without a caution. */
export function doubtful(f: Figure): boolean {
  const v = f.verification;
  return v !== undefined && (v.garbled || v.status === 'contradicted' || v.status === 'unmapped');
}

/** Corroborated figures before doubtful ones, otherwise in the order given. */
export function preferCorroborated(figures: Figure[]): Figure[] {
  return [...figures.filter((f) => !doubtful(f)), ...figures.filter(doubtful)];
}

/** What the JSON says of a figure's corroboration: the stored status, or `garbled` for a number printed with non-digits. */
export function corroborationOf(f: Figure): string | null {
  const v = f.verification;
  return v ? (v.garbled ? 'garbled' : v.status) : null;
}

/** `⚠ 《doc》不完整：…，<consequence>。` for a document cut off mid-table (checks/truncation.ts), else null. */
export function cutOff(doc: CatalogDocument, consequence: string): string | null {
  // The catalog holds every document's row: no statement per answer.
  return doc.truncated_at !== null ? `⚠ 《${doc.display}》不完整：文件在第${doc.truncated_at}行中断（${doc.truncation}），${consequence}。` : null;
}

/** The caution lines for an answer's figures, after the figures and any failed-check warnings. */
export function cautions(queries: Queries, figures: Figure[], shown: string[]): string[] {
  const out = new Set<string>();
  const documents = new Map(figures.map((f) => [f.document.id, f.document]));
  for (const doc of documents.values()) {
    const cut = cutOff(doc, '表中数字可能不全');
    if (cut) out.add(cut);
  }
  const contradicted = new Map<number, string[]>();
  for (const f of figures) {
    const v = f.verification;
    if (!v) continue;
    const where = printedAt(f);
    if (v.garbled) {
      const printed = garbledIn(f.raw).map((g) => `“${g.trim()}”`);
      out.add(`⚠ 未经核实：${where}的数字印有非数字字符（原文印作${printed.join('、') || `“${f.raw}”`}），${quoted(f.label)}的数字无法确认。`);
    }
    if (v.status === 'contradicted' && v.checkId !== null) contradicted.set(v.checkId, [...new Set([...(contradicted.get(v.checkId) ?? []), `${quoted(f.label)}（${where}）`])]);
    if (v.status === 'unmapped') out.add(`⚠ 未经核实：${f.table ?? '该表'}有多个金额栏，没有任何勾稽关系能印证各栏的含义，${quoted(f.label)}按表头读作“${f.column ?? ''}”。`);
  }
  for (const [id, which] of contradicted) {
    const check = [...documents.keys()].flatMap((doc) => queries.failedChecks(doc)).find((c) => c.id === id);
    if (!check) continue;
    // The failed check may already be said for the figure's line; then only which figures it leaves unverified.
    const said = shown.includes(`⚠ 核对提示：${check.message}`);
    out.add(`⚠ 核对未通过，${which.join('、')}未经核实${said ? '（见上条）' : `：${check.message}`}`);
  }
  // Every amount stated that nothing corroborates says so, each by name when the answer states several.
  const stated = figures.filter((f) => !f.derived);
  const alone = stated.filter((f) => f.verification?.status === 'none' && !doubtful(f) && f.fen !== null);
  if (stated.length === 1 && alone.length === 1) out.add('（此数没有勾稽关系或正文可以印证，未经核对。）');
  else if (alone.length > 0) out.add(`（${[...new Set(alone.map((f) => `${quoted(f.label)}（${printedAt(f)}）`))].join('、')}没有勾稽关系或正文可以印证，未经核对。）`);
  return [...out];
}

