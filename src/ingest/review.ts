// What the ingest knows about a parsed document beyond its figures: how each figure
// is corroborated, whether the document is cut off, and how much of what it prints
// was stored. Computed per document, after its checks; written with it and reported.
import { corroborate, type Corroborations } from './checks/corroboration.ts';
import type { CheckDraft } from './checks/index.ts';
import { detectTruncation, type Truncation } from './checks/truncation.ts';
import { coverageOf, type Coverage } from './coverage.ts';
import type { DocumentDraft } from './document/parse.ts';

export interface Review {
  corroborations: Corroborations;
  truncation: Truncation | null;
  coverage: Coverage;
}

export function reviewDocument(doc: DocumentDraft, checks: CheckDraft[]): Review {
  const corroborations = corroborate(doc, checks);
  return { corroborations, truncation: detectTruncation(doc, checks), coverage: coverageOf(doc, corroborations) };
}
