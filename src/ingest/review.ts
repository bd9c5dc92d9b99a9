// What the ingest knows about a parsed document beyond its figures: how each figure
// is corroborated, whether the document is cut off, and how much of what it prints
// was stored. Computed per document, after its checks; written with it and reported.
import { corroborate, type Corroborations } from './checks/corroboration.ts';
import type { CheckDraft } from './checks/index.ts';
import { cutOffChecks, detectTruncation, type Truncation } from './checks/truncation.ts';
import { coverageOf, type Coverage } from './coverage.ts';
import type { DocumentDraft } from './document/parse.ts';

export interface Review {
  corroborations: Corroborations;
  truncation: Truncation | null;
  /** Failing checks of the table the document breaks off in: consequences of the cut, not findings about the source. */
  cutOff: Set<CheckDraft>;
  coverage: Coverage;
}

export function reviewDocument(doc: DocumentDraft, checks: CheckDraft[]): Review {
  const truncation = detectTruncation(doc, checks);
  // The cell the document breaks off in (`94,87` of 94,872.59) is no figure: kept as printed, flagged, never answered.
  if (truncation) {
    const cut = doc.lines[truncation.line - 1]!.cells?.at(-1)?.trim();
    for (const t of doc.tables) for (const c of t.cells) if (c.line === truncation.line && cut && c.raw.trim() === cut) c.flags.push('truncated_cell');
  }
  const corroborations = corroborate(doc, checks);
  return { corroborations, truncation, cutOff: cutOffChecks(truncation, checks), coverage: coverageOf(doc, corroborations) };
}
