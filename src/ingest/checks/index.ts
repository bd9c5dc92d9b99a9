// Every consistency rule over one parsed document. A failure is a finding about
// the source, kept with its lines — the figures are never changed to make it pass.
import type { DocumentDraft } from '../document/parse.ts';
import { acrossTableChecks } from './across-tables.ts';
import type { CheckDraft } from './check.ts';
import { withinTableChecks } from './within-table.ts';
import { flatten } from '../text/flatten.ts';

export type { CheckDraft } from './check.ts';

export function runChecks(doc: DocumentDraft): CheckDraft[] {
  // Label alignment runs first: it flags figures the other rules must not trust.
  const across = acrossTableChecks(doc);
  const checks = [...doc.tables.flatMap(withinTableChecks), ...across];
  // Held until the document is written: as one string each rather than the pieces they were written from.
  for (const c of checks) {
    c.message = flatten(c.message);
    c.subject = flatten(c.subject);
  }
  return checks;
}
