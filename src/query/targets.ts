// The words the grammar knew, turned into what is asked: figures, subjects (by name or code) and projects.
import type { StructuredQuery } from './ast.ts';
import type { Catalog, CatalogSubject } from './catalog.ts';
import type { Mentions, TargetMention } from './grammar/visitor.ts';
import type { Scope } from './loose.ts';
import type { Phrase } from './phrases.ts';

/** What the question's words are read as so far: each step adds to it, in question order. */
export type Found = Pick<StructuredQuery, 'targets' | 'candidates' | 'unknown'>;

/** A code printed with a leading zero (030239) is the code without it (30239). */
const sameCode = (a: string, b: string) => a.replace(/^0+/, '') === b.replace(/^0+/, '');

/** The known words outside compound phrases as targets; those inside are parts of a name, not asked. */
export function mentionedTargets(m: Mentions, compound: Phrase[], catalog: Catalog, subjectByCode: ReadonlyMap<string, CatalogSubject>, scope: Scope, found: Found): void {
  const partOf = new Set(compound.flatMap((p) => p.targets));
  const listPartOf = new Set(compound.flatMap((p) => p.listTargets));
  m.listTargets = m.listTargets.filter((_, i) => !listPartOf.has(i));
  for (const [i, t] of m.targets.entries()) {
    if (partOf.has(i)) continue;
    const before = m.targets[i - 1];
    // 实有 人 (实有多少人): two words of one figure side by side (a filler between) ask it once.
    if (t.kind === 'metric' && before?.kind === 'metric' && before.key === t.key && t.start - before.end <= 1) continue;
    if (t.kind === 'code') codeTarget(t, catalog, subjectByCode, found);
    else if (t.kind === 'metric') found.targets.push({ kind: 'metric', key: t.key, text: t.text });
    else if (t.kind === 'subject') subjectTarget(t, m, catalog, scope, found);
    else found.targets.push({ kind: 'project', name: t.name, ids: t.ids, text: t.text, fuzzy: false });
  }
}

/** A subject code: its subject, the subjects a code printed cut short may be, or unknown. */
function codeTarget(t: Extract<TargetMention, { kind: 'code' }>, catalog: Catalog, subjectByCode: ReadonlyMap<string, CatalogSubject>, found: Found): void {
  const subject = subjectByCode.get(t.code);
  const shared = catalog.sharedCodes.get(t.code);
  if (shared) found.candidates.push(...shared.map((name) => ({ kind: 'subject' as const, name, ids: [], text: t.code })));
  else if (subject) found.targets.push({ kind: 'subject', name: subject.name, codes: subject.codes.filter((c) => sameCode(c, t.code)), text: t.text });
  else found.unknown.push(t.code);
}

/** 城乡医疗救助 is a subject and a project with other figures: 项目 or 科目 says which, else ask. */
function subjectTarget(t: Extract<TargetMention, { kind: 'subject' }>, m: Mentions, catalog: Catalog, scope: Scope, found: Found): void {
  const twins = m.scopes.includes('subjects') ? [] : catalog.subjectTwins.filter((p) => p.name === t.name && (!scope || scope.has(p.documentId)));
  const project = { kind: 'project' as const, name: t.name, ids: twins.map((p) => p.id), text: t.text };
  const asked = m.listTargets.findIndex((l) => l.target === 'projects');
  if (twins.length === 0) found.targets.push({ kind: 'subject', name: t.name, codes: t.codes, text: t.text });
  else if (asked >= 0) {
    found.targets.push({ ...project, fuzzy: false });
    m.listTargets.splice(asked, 1);
  } else found.candidates.push({ kind: 'subject', name: t.name, ids: [], text: t.text }, project);
}
