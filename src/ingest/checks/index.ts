// Every consistency rule over one parsed document. A failure is a finding about
// the source, kept with its lines — the figures are never changed to make it pass.
import type { DocumentDraft } from '../document/parse.ts';
import { acrossTableChecks } from './across-tables.ts';
import type { CheckDraft } from './check.ts';
import { withinTableChecks } from './within-table.ts';

export type { CheckDraft } from './check.ts';

export function runChecks(doc: DocumentDraft): CheckDraft[] {
  // Label alignment runs first: it flags figures the other rules must not trust.
  const across = acrossTableChecks(doc);
  return [...doc.tables.flatMap(withinTableChecks), ...across];
}
