// Words the grammar did not know: a project named loosely (沈阳 印刷服务), a misspelt figure (三公经废),
// or something unknown (上海).
import type { Target } from './ast.ts';
import type { Mentions, Span } from './grammar/visitor.ts';
import { closeName, closestNames, meaningful, type Scope } from './loose.ts';
import { metricTypo, type Phrase } from './phrases.ts';
import type { ProjectSearch } from './search.ts';
import type { Found } from './targets.ts';

/** The words left to read: a compound phrase whole, else the unknown runs of a phrase. */
export function leftoverWords(text: string, m: Mentions, phrases: Phrase[], compound: Phrase[]): string[] {
  return phrases.flatMap((p) => (compound.includes(p) ? [text.slice(p.start, p.end)] : p.residue.map((i) => m.residue[i]!.text)));
}

/** Each leftover word as the project it names closely, a figure it misspells, the projects it may name, or unknown. */
export function readLeftovers(words: string[], projects: ProjectSearch, scope: Scope, found: Found): void {
  for (const raw of words) {
    const word = meaningful(raw);
    if (word.length === 0) continue;
    // Quoted back as typed: meaningless characters (中, 其) are often part of a word.
    const typed = raw.replace(/[\s\p{P}\p{S}]/gu, '');
    const closest = closestNames(projects, word, scope);
    const close = closeName(closest);
    const typo = metricTypo(typed);
    if (close) {
      const name = close[0]!.project.name;
      // Two leftover words of one name (第三方 split by a numeral) are one target.
      if (!found.targets.some((t) => t.kind === 'project' && t.name === name)) {
        found.targets.push({ kind: 'project', name, ids: close.map((h) => h.project.id), text: word, fuzzy: true });
      }
    } else if (typo) {
      found.targets.push({ kind: 'metric', key: typo.key, text: typed, asRead: typo.spelling });
    } else if (closest.names.length > 0) {
      for (const hits of closest.names.slice(0, 5)) found.candidates.push({ kind: 'project', name: hits[0]!.project.name, ids: hits.map((h) => h.project.id), text: typed });
    } else {
      found.unknown.push(word.length > 1 ? typed : word);
    }
  }
}

/**
 * Without 和/与, a loose name beside other figures (医保基金 收入) is more likely one phrase split by a
 * space than two things asked: ask which project was meant. Likewise a count beside a sum (培训 人数)
 * counts that thing, which no figure here does.
 */
export function doubtSplitPhrases(conjunctions: Span[], whole: ReadonlySet<Phrase>, countMetrics: ReadonlySet<string>, found: Found): void {
  const { targets } = found;
  if (conjunctions.length !== whole.size || targets.length <= 1) return;
  for (const t of targets.filter((x): x is Extract<Target, { kind: 'project' }> => x.kind === 'project' && x.fuzzy)) {
    targets.splice(targets.indexOf(t), 1);
    found.candidates.push({ kind: 'project', name: t.name, ids: t.ids, text: t.text });
  }
  const counts = targets.filter((t) => t.kind === 'metric' && countMetrics.has(t.key));
  if (counts.length > 0 && counts.length < targets.length) found.unknown.push(targets.splice(0).map((t) => t.text).join(' '));
}
