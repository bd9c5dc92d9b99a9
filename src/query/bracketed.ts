// 两项中央资金合计（医疗救助和城乡居民医保）: a count, a loose name of the funds, and in brackets the items counted. Each
// item, with the funds' words, names the one project whose name holds them all; as many items as the count, each a
// different project, are what is computed on. Anything less is left as read (asked back), never half taken.
import words from '../../grammar/words.json' with { type: 'json' };
import type { Target } from './ast.ts';
import type { CatalogProject } from './catalog.ts';
import type { Mentions } from './grammar/visitor.ts';
import type { Found } from './targets.ts';
import { alternation } from './normalize/words.ts';

const BRACKETED = /[（(]([^（）()]+)[）)]/;
const JOINED = new RegExp(alternation(['以及', '和', '与', '及', '跟', '、', '，', ',']));
/** Words of the asker's own around the items (中央的, 省里下达的). */
const OWN = /的|下达|那个|这个/g;
/** 中央资金, 省里: the words a project name prints them with (words.json distinguishing), longest first. */
const PRINTED = Object.entries(words.distinguishing.words).sort((a, b) => b[0].length - a[0].length);

/**
 * Whether a project's name holds what a phrase typed says: each distinguishing word by one of its printed forms, the
 * other characters in the order typed (城乡居民医保 in 城乡居民基本医疗保险补助…).
 */
function holds(name: string, phrase: string): boolean {
  let rest = phrase.replace(OWN, '');
  for (const [typed, forms] of PRINTED) {
    if (!rest.includes(typed)) continue;
    if (!forms.some((f) => name.includes(f))) return false;
    rest = rest.split(typed).join('');
  }
  let at = 0;
  for (const ch of rest) {
    at = name.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** `projects`: those the items may name, listed only when a bracket of items is typed (the catalog's are read when first asked). */
export function bracketedItems(text: string, m: Mentions, found: Found, projects: () => CatalogProject[]): void {
  const counted = m.counted[0];
  const bracket = BRACKETED.exec(text);
  if (!counted || !bracket || m.arithmetic.length === 0 || bracket.index < counted.end) return;
  const items = bracket[1]!.split(JOINED).map((w) => w.trim()).filter(Boolean);
  if (items.length !== counted.count || items.length < 2) return;
  // The funds' words: between the count and the first word of arithmetic or the bracket.
  const arith = m.arithmetic.find((a) => a.start >= counted.end)?.start ?? bracket.index;
  const funds = text.slice(counted.end, Math.min(arith, bracket.index)).replace(OWN, '').trim();
  if ([...funds].length < 2) return;
  const pool = projects().filter((p) => holds(p.name, funds));
  const picks = items.map((item) => [...new Set(pool.filter((p) => holds(p.name, item)).map((p) => p.name))]);
  if (picks.some((p) => p.length !== 1) || new Set(picks.map((p) => p[0])).size !== items.length) return;
  const region = `${funds}${bracket[1]}`;
  found.targets = [
    ...found.targets.filter((t) => !region.includes(t.text)),
    ...picks.map(([name], i): Target => ({ kind: 'project', name: name!, ids: pool.filter((p) => p.name === name).map((p) => p.id), text: items[i]!, fuzzy: true })),
  ];
  found.candidates = found.candidates.filter((c) => !region.includes(c.text));
  found.unknown = found.unknown.filter((w) => !region.includes(w));
}
