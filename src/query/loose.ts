// Leftover words read as project names: what of a word means something, and which names hold it.
import words from '../../grammar/words.json' with { type: 'json' };
import { alternation } from './normalize/words.ts';
import type { ProjectHit, ProjectSearch } from './search.ts';

// One pass over a residue word, longest ignored word first: residues are cut per phrase, many per question.
const IGNORED = new RegExp(alternation(words.ignore), 'g');
// How much of a leftover word a project name must hold to be offered (LOOSE) or answered (CLOSE):
// 离休费 holds half of 离休干部医药费's bigrams and is not it; 日常办公印刷服物经费 holds 7 of 9.
const LOOSE = 0.5;
const CLOSE = 0.75;

/** The documents project names are looked for in: those of the departments named, or all when none is. */
export type Scope = ReadonlySet<number> | undefined;

/** The project names a word holds, grouped by name, with the share of the word the best one holds. */
export interface Closest {
  best: number;
  names: ProjectHit[][];
}

/** What is left of a residue word once meaningless words are removed. */
export function meaningful(residue: string): string {
  return residue.replace(/[\s\p{P}\p{S}\d]/gu, '').replace(IGNORED, '');
}

/** Hits by project name, names differing only as printed (（ or () counting as one: the first hit names the group. */
function byName(hits: ProjectHit[]): ProjectHit[][] {
  const groups = new Map<string, ProjectHit[]>();
  for (const h of hits) groups.set(h.project.nameKey, [...(groups.get(h.project.nameKey) ?? []), h]);
  return [...groups.values()];
}

/** The project names a leftover word names, best first, with the share of the word the best one holds. */
export function closestNames(projects: ProjectSearch, word: string, scope: Scope): Closest {
  const hits = projects.search(word, scope).filter((h) => h.coverage >= LOOSE);
  const best = Math.max(0, ...hits.map((h) => h.coverage));
  return { best, names: byName(hits.filter((h) => h.coverage >= best - 0.15)) };
}

/** The one name a word holds closely enough to be answered with it, or undefined. */
export function closeName({ best, names }: Closest): ProjectHit[] | undefined {
  return names.length === 1 && best >= CLOSE ? names[0] : undefined;
}
