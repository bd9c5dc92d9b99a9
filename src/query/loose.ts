// Leftover words read as project names: what of a word means something, and which names hold it.
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import words from '../../grammar/words.json' with { type: 'json' };
import { alternation } from './normalize/words.ts';
import type { ProjectHit, ProjectSearch } from './search.ts';

// One pass over a residue word, longest ignored word first: residues are cut per phrase, many per question.
// 倒推 (words.backward) says how last year's figure is had, read apart from the names (understand.ts).
/** Words naming nothing in a loose name: words.json `ignore`, and the words saying a 决算 differs from its budget (shapes.json versusBudget). */
export const IGNORED_WORDS: readonly string[] = [...words.ignore, ...shapes.versusBudget.differing];
const IGNORED = new RegExp(alternation([...IGNORED_WORDS, ...words.backward.words]), 'g');
// How much of a leftover word a project name must hold to be offered (LOOSE) or answered (CLOSE):
// 离休费 holds half of 离休干部医药费's bigrams and is not it; 日常办公印刷服物经费 holds 7 of 9.
const LOOSE = 0.5;
export const CLOSE = 0.75;

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

// Whole runs only: 报 alone beside 差旅费 is a verb, inside 举报 part of a name.
const BESIDE_NAMES = new RegExp(`^(?:${alternation(words.besideNames.words)})*$`);

/** An unknown run that only pays or names who is paid (给职工交): nothing of its own when typed against a known name. */
export function besideName(residue: string): boolean {
  return BESIDE_NAMES.test(meaningful(residue));
}

/** Hits by project name, names differing only as printed (（ or () counting as one: the first hit names the group. */
function byName(hits: ProjectHit[]): ProjectHit[][] {
  const groups = new Map<string, ProjectHit[]>();
  for (const h of hits) {
    const group = groups.get(h.project.nameKey);
    if (group) group.push(h);
    else groups.set(h.project.nameKey, [h]);
  }
  return [...groups.values()];
}

/** The project names a leftover word names, best first, with the share of the word the best one holds. */
export function closestNames(projects: ProjectSearch, word: string, scope: Scope, { ownWords = false } = {}): Closest {
  const all = projects.search(word, scope);
  const hits = all.filter((h) => h.coverage >= LOOSE);
  const best = Math.max(0, ...hits.map((h) => h.coverage));
  // ownWords: nothing in the word is a word the grammar knows (医保基金结余's 结余 is a figure, never the asker's filler).
  if (best < CLOSE && ownWords) {
    const named = namedInWords(all, word);
    if (named) return { best: CLOSE, names: [named] };
  }
  return { best, names: byName(hits.filter((h) => h.coverage >= best - 0.15)) };
}

/** The share of a word's characters that the words no project name here prints may take: 骗保 of 举报骗保奖励. */
const FOREIGN_CHARS = 1 / 3;

/**
 * 举报骗保有奖励 → 举报奖励费: the word's bigrams that some project name here prints are what it names; the others
 * (骗保, 报骗) are the asker's own words. The one name holding every such bigram, when they are at least two, span
 * most of the word and begin and end it, is named; several, or too little of the word read, is none.
 */
function namedInWords(hits: readonly ProjectHit[], word: string): ProjectHit[] | undefined {
  const chars = Array.from(word);
  const bigrams = chars.slice(1).map((c, i) => chars[i]! + c);
  const printed = new Set(bigrams.filter((b) => hits.some((h) => h.project.name.includes(b))));
  const spanned = chars.filter((_, i) => printed.has(bigrams[i - 1]!) || printed.has(bigrams[i]!)).length;
  // The word ends as a name does: its last words say what it is (医保基金结余 is no 医保基金运行费).
  if (printed.size < 2 || spanned < chars.length * (1 - FOREIGN_CHARS) || !printed.has(bigrams[0]!) || !printed.has(bigrams.at(-1)!)) return undefined;
  const groups = byName(hits.filter((h) => [...printed].every((b) => h.project.name.includes(b))));
  // A name several units carry is asked back, as a loose match is.
  return groups.length === 1 && new Set(groups[0]!.map((h) => h.project.unitId)).size === 1 ? groups[0] : undefined;
}

/** Every project name holding most of a word (补助资金: each 下达…补助资金, and 下达…补助中央资金), however many. */
export function namesHolding(projects: ProjectSearch, word: string, scope: Scope): string[] {
  return [...new Set(projects.search(word, scope).filter((h) => h.coverage >= LOOSE).map((h) => h.project.name))];
}

/** The one name a word holds closely enough to be answered with it, or undefined. */
export function closeName({ best, names }: Closest): ProjectHit[] | undefined {
  return names.length === 1 && best >= CLOSE ? names[0] : undefined;
}
