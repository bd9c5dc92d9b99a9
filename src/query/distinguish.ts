// 抚顺中央和省里下达的医疗救助补助资金一共多少: a loose name matching several projects, and words elsewhere in the
// question (中央, 省里, 直达) that tell those projects apart. Each such word naming exactly one of them names it.
import words from '../../grammar/words.json' with { type: 'json' };
import type { Target } from './ast.ts';
import type { Mentions, Span } from './grammar/visitor.ts';
import { meaningful } from './loose.ts';
import type { ProjectHit } from './search.ts';
import type { Found } from './targets.ts';

type Candidate = Found['candidates'][number];

const PRINTED: [string, string[]][] = Object.entries(words.distinguishing.words).sort((a, b) => b[0].length - a[0].length);

/** The distinguishing words by first character, longest first: a question's characters are looked up, not every word tried at each. */
const PRINTED_BY_FIRST = new Map<string, [string, string[]][]>();
for (const p of PRINTED) PRINTED_BY_FIRST.set(p[0][0]!, [...(PRINTED_BY_FIRST.get(p[0][0]!) ?? []), p]);

function printedAt(text: string, i: number): [string, string[]] | undefined {
  for (const p of PRINTED_BY_FIRST.get(text[i]!) ?? []) if (text.startsWith(p[0], i)) return p;
  return undefined;
}

/** The distinguishing words typed outside any name or place the grammar read, joined ones (中央直达) as one. */
function typedWords(text: string, m: Mentions): (Span & { printed: string[][] })[] {
  let known: Span[] | undefined;
  const inside = (start: number, end: number) => (known ??= [...m.entities.filter((e): e is typeof e & Span => e.start !== undefined), ...m.targets, ...m.sets, ...m.unitOrgs]).some((k) => start < k.end && end > k.start);
  const out: (Span & { printed: string[][] })[] = [];
  for (let i = 0; i < text.length; ) {
    const hit = printedAt(text, i);
    if (!hit || inside(i, i + hit[0].length)) {
      i++;
      continue;
    }
    const last = out.at(-1);
    if (last && last.end === i) {
      last.printed.push(hit[1]);
      last.end = i + hit[0].length;
    } else out.push({ start: i, end: i + hit[0].length, printed: [hit[1]] });
    i += hit[0].length;
  }
  return out;
}

/**
 * The projects a loose name matched (one group of candidates), told apart by the words typed: every word that tells
 * any of them apart must name exactly one, each a different one; the count the question states (两笔), if any, must be
 * the number named. With no such word, 两笔/两个 naming as many projects as matched names them all.
 */
export function distinguishProjects(text: string, m: Mentions, found: Found, nameOf: (id: number) => string | undefined): void {
  const groups = new Map<string, Candidate[]>();
  for (const c of found.candidates) if (c.kind === 'project') groups.set(c.text, [...(groups.get(c.text) ?? []), c]);
  const typed = typedWords(text, m);
  const counted = m.counted[0]?.count ?? null;
  const prints = (c: Candidate, word: string) => c.ids.some((id) => nameOf(id)?.includes(word));
  for (const [loose, matched] of groups) {
    // 医疗救助中央和省级补助资金: a word typed once before the funds (read as a subject or figure) that only some of the
    // projects print qualifies each of them — those printing it are the ones told apart, the word no figure asked.
    const qualifiers = found.targets.filter((t) => t.kind !== 'project' && [...t.text].length >= 2 && matched.some((c) => prints(c, t.text)) && !matched.every((c) => prints(c, t.text)));
    const pool = matched.filter((c) => qualifiers.every((t) => prints(c, t.text)));
    if (pool.length < 2) continue;
    const holds = (c: Candidate, printed: string[][]) => printed.every((forms) => c.ids.some((id) => forms.some((f) => nameOf(id)?.includes(f))));
    const telling = typed.map((w) => ({ ...w, picks: pool.filter((c) => holds(c, w.printed)) })).filter((w) => w.picks.length < pool.length);
    let named: Candidate[];
    if (telling.length > 0) {
      if (telling.some((w) => w.picks.length !== 1)) continue;
      named = telling.map((w) => w.picks[0]!);
      if (new Set(named).size !== named.length || (counted !== null && counted !== named.length)) continue;
    } else if (counted === pool.length && m.arithmetic.length + m.comparisons.length > 0) named = pool;
    else continue;
    settle(text, found, loose, named, telling);
    found.targets = found.targets.filter((t) => !qualifiers.includes(t));
    return;
  }
}

/**
 * 中央和省级补助一共多少: fund words joined, the second typed straight onto the words the projects share (省级补助, read as
 * no name). Every project of the department those words name that prints one of the funds typed becomes a candidate, for
 * distinguishProjects to tell apart (each fund word picking exactly one) or to ask back listing them.
 */
export function fundsSharingTail(text: string, m: Mentions, found: Found, search: (word: string) => readonly ProjectHit[]): void {
  // Read only when a word was not understood (most questions have none).
  if (found.unknown.length === 0 || found.candidates.length > 0) return;
  const typed = typedWords(text, m);
  if (typed.length < 2) return;
  for (const word of found.unknown) {
    const fund = printedAt(word, 0);
    const tail = fund ? meaningful(word.slice(fund[0].length)) : '';
    if ([...tail].length < 2) continue;
    const printsFund = (name: string) => typed.some((w) => w.printed.every((forms) => forms.some((f) => name.includes(f))));
    const byName = new Map<string, Candidate>();
    for (const h of search(tail)) {
      if (h.coverage < 1 || !printsFund(h.project.name)) continue;
      const c = byName.get(h.project.name) ?? { kind: 'project' as const, name: h.project.name, ids: [], text: word };
      c.ids.push(h.project.id);
      byName.set(h.project.name, c);
    }
    if (byName.size < 2) continue;
    found.unknown = found.unknown.filter((w) => w !== word);
    found.candidates.push(...byName.values());
    return;
  }
}

/** The projects named become targets; the loose name's candidates, and words read inside the telling words, go. */
function settle(text: string, found: Found, loose: string, named: Candidate[], telling: Span[]): void {
  // A word read inside the telling words, or made of nothing else (央资金省资金 of 中央资金是省资金).
  const chars = new Set(telling.flatMap((w) => Array.from(text.slice(w.start, w.end))));
  const within = (word: string) => {
    // Inside one, not merely touching it: 央的城乡居民医保资金 (中 read apart) is another name, never dropped unread.
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) if (telling.some((w) => at >= w.start && at + word.length <= w.end)) return true;
    return Array.from(meaningful(word)).every((c) => chars.has(c));
  };
  // 下达的2笔医疗救助资金: a word the count split off the name, matching every project named and more, goes with it.
  const ids = new Set(named.flatMap((c) => c.ids));
  const texts = new Set(found.candidates.map((c) => c.text));
  const split = [...texts].filter((w) => [...ids].every((id) => found.candidates.some((c) => c.text === w && c.ids.includes(id))));
  // 下达的省级: words every project named prints (下达), around telling words, name nothing else.
  const tellingTyped = telling.map((w) => text.slice(w.start, w.end));
  const shared = (word: string) => {
    const rest = meaningful(tellingTyped.reduce((x, t) => x.replace(t, ''), word));
    return rest !== word && rest !== '' && named.every((c) => c.name.includes(rest));
  };
  found.candidates = found.candidates.filter((c) => c.text !== loose && !within(c.text) && !split.includes(c.text) && !shared(c.text));
  found.unknown = found.unknown.filter((w) => !within(w) && !shared(w));
  found.targets = found.targets.filter((t) => t.kind !== 'project' || !t.fuzzy || !within(t.text));
  const targets: Target[] = named.map((c) => ({ kind: 'project', name: c.name, ids: c.ids, text: loose, fuzzy: true }));
  found.targets.push(...targets);
}
