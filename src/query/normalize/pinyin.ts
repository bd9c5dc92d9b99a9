// Pinyin typed instead of Chinese (`quyang 2023 sangong` → `曲阳 2023 三公`), resolved
// against the lexicon's phrases. Meant to run on normalizeQuestion's output. pinyin-pro
// (syllables.ts) runs only while building; resolving is a dynamic programme over map look-ups.
import { toneless } from './syllables.ts';

export type PinyinResolver = (text: string) => string;

/**
 * A phrase and the letter offsets where its 2nd, 3rd … syllable starts (where a typed space may fall), as one
 * string: the phrase, then each offset as a character. Hundreds of thousands are kept at national scale, and a
 * string is a fraction of the size of an object holding an array.
 */
type Spelling = string;
const spelling = (phrase: string, starts: readonly number[]): Spelling => `${phrase}\u0000${String.fromCharCode(...starts)}`;
const phraseOf = (s: Spelling) => s.slice(0, s.indexOf('\u0000'));
const startsAt = (s: Spelling, offset: number) => s.indexOf(String.fromCharCode(offset), s.indexOf('\u0000') + 1) >= 0;

interface Step {
  /** Letters typed but not turned into Chinese from here to the end of the chain. */
  missed: number;
  /** Phrases used from here to the end. */
  pieces: number;
  end: number;
  /** The phrase covering [here, end); undefined when the word is kept as typed. */
  phrase?: string;
}

const HAN = /\p{Script=Han}/u;
const HAN_CHARS = /\p{Script=Han}/gu;
const LATIN_OR_DIGIT = /[a-z0-9]/i;
// Latin words separated by blanks or apostrophes (xi'an) form one chain; a phrase may span them.
const CHAIN = /[a-z]+(?:[\s']+[a-z]+)*/gi;
const GAP = /[\s']+/;
const GAPS = /[\s']+/g;
const MIN_ABBREVIATED_CHARS = 3;
// Longer parts of a project name are rarely typed, and each costs start-up time.
const MAX_PART_CHARS = 8;

/** ü is typed v by most input methods and u by some: v first, u as a variant. */
function typedForms(syllable: string): string[] {
  return syllable.includes('ü') ? [syllable.replace(/ü/g, 'v'), syllable.replace(/ü/g, 'u')] : [syllable];
}

/**
 * Spellings of a phrase: the reading pinyin-pro picks in context first, then every reading
 * with one character read another way (银行 also as yinxing) or with ü typed as u.
 */
function spellings(chars: readonly string[], readingsOf: (ch: string) => string[]): string[][] {
  const context = toneless(chars.join(''), false);
  if (context.length !== chars.length) return [];
  const primary = context.map((s) => typedForms(s)[0] ?? s);
  const variants: string[][] = [];
  chars.forEach((ch, i) => {
    const forms = new Set([...readingsOf(ch), context[i] ?? ''].flatMap(typedForms));
    for (const form of forms) {
      if (form !== '' && form !== primary[i]) variants.push(primary.map((s, j) => (j === i ? form : s)));
    }
  });
  return [primary, ...variants];
}

function syllableStarts(syllables: readonly string[]): number[] {
  let at = 0;
  return syllables.slice(0, -1).map((s) => (at += s.length));
}

/** What resolving reads: each spelling's phrases, and the abbreviations (initials) of the longer phrases. */
interface SpellingTable {
  /** Each run of letters' spellings, joined by \u0001 (one, mostly). */
  byLetters: Map<string, string>;
  /** Every spelling in code-unit order: a typed stretch is the start of a spelling when the first one not before it starts with it. */
  sorted: string[];
  abbreviations: Map<string, string | null>;
  longest: number;
}

/**
 * Phrases come in order of importance: when two phrases are spelled alike (or share initials), the
 * earlier one wins, and a phrase's context reading always beats another phrase's alternative reading.
 * Phrases holding latin letters or digits are skipped; other non-Chinese characters in a phrase (（）)
 * are not spelled. Parts of the phrases in `named` (困难群众 of 困难群众医疗保障资金) come last, read as in
 * the whole. A function of its own so that what only building needs is let go once built: at national
 * scale the table is most of the engine's memory.
 */
function spellingTable(phrases: readonly string[], named: ReadonlySet<string>): SpellingTable {
  const byLetters = new Map<string, string>();
  const abbreviations = new Map<string, string | null>();
  let longest = 0;
  const readingCache = new Map<string, string[]>();
  const readingsOf = (ch: string): string[] => {
    let r = readingCache.get(ch);
    if (r === undefined) readingCache.set(ch, (r = toneless(ch, true)));
    return r;
  };

  // Each (letters, phrase, syllable starts) once: a national lexicon spells hundreds of thousands of phrases.
  const added = new Set<string>();
  const add = (syllables: readonly string[], phrase: string): void => {
    const letters = syllables.join('');
    if (!/^[a-z]+$/.test(letters)) return;
    const starts = syllableStarts(syllables);
    const key = `${letters}|${phrase}|${starts.join()}`;
    if (added.has(key)) return;
    added.add(key);
    const list = byLetters.get(letters);
    byLetters.set(letters, list === undefined ? spelling(phrase, starts) : `${list}\u0001${spelling(phrase, starts)}`);
    longest = Math.max(longest, letters.length);
  };

  const spelled = [...new Set(phrases)]
    .filter((p) => HAN.test(p) && !LATIN_OR_DIGIT.test(p))
    .map((phrase) => {
      const chars = phrase.match(HAN_CHARS) ?? [];
      return { phrase, chars, spellings: spellings(chars, readingsOf) };
    });
  // Every context reading goes in before any variant, so variants never shadow them.
  for (const { phrase, spellings: [primary] } of spelled) if (primary) add(primary, phrase);
  for (const { phrase, spellings: s } of spelled) for (const variant of s.slice(1)) add(variant, phrase);
  // Project names are long and typed in part: runs of 2 to MAX_PART_CHARS characters, after all whole phrases.
  for (const { phrase, chars, spellings: [primary] } of spelled) {
    if (!primary || !named.has(phrase)) continue;
    for (let i = 0; i < chars.length; i++) {
      for (let j = i + 2; j <= Math.min(chars.length, i + MAX_PART_CHARS); j++) add(primary.slice(i, j), chars.slice(i, j).join(''));
    }
  }

  for (const { phrase, spellings: [primary] } of spelled) {
    if (!primary || primary.length < MIN_ABBREVIATED_CHARS) continue;
    const initials = primary.map((s) => s[0]).join('');
    const known = abbreviations.get(initials);
    if (known === undefined) abbreviations.set(initials, phrase);
    else if (known !== phrase) abbreviations.set(initials, null);
  }
  // An abbreviation that spells a full phrase is read as that phrase.
  for (const initials of abbreviations.keys()) if (byLetters.has(initials)) abbreviations.delete(initials);
  // Sorted by code unit (not localeCompare): the order the binary search in startsSpelling compares in.
  const sorted = [...byLetters.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { byLetters, sorted, abbreviations, longest };
}

/** Whether some spelling starts with `key`: a binary search, rather than a set of every prefix of every spelling. */
function startsSpelling(sorted: readonly string[], key: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]!.startsWith(key);
}

/** Builds a resolver for the lexicon's Chinese phrases (spellingTable says in which order they win). */
export function createPinyinResolver(phrases: readonly string[], named: ReadonlySet<string> = new Set()): PinyinResolver {
  const { byLetters, sorted, abbreviations, longest } = spellingTable(phrases, named);

  const resolveChain = (chain: string): string => {
    const words = chain.split(GAP);
    const gaps = chain.match(GAPS) ?? [];
    const letters = words.join('').toLowerCase();
    const n = letters.length;
    const wordAt = new Map<number, number>(); // letter offset where a word starts → its index
    let at = 0;
    words.forEach((w, i) => {
      wordAt.set(at, i);
      at += w.length;
    });

    const steps: Step[] = new Array<Step>(n + 1);
    steps[n] = { missed: 0, pieces: 0, end: n };
    const better = (a: Step | undefined, missed: number, pieces: number): boolean =>
      a === undefined || missed < a.missed || (missed === a.missed && pieces <= a.pieces);

    for (let p = n - 1; p >= 0; p--) {
      let best: Step | undefined;
      const word = wordAt.get(p);
      if (word !== undefined) {
        const typed = words[word] ?? '';
        const end = p + typed.length;
        const rest = steps[end];
        if (rest && rest.missed !== Infinity) {
          best = { missed: rest.missed + typed.length, pieces: rest.pieces, end };
          const abbreviated = abbreviations.get(typed.toLowerCase());
          if (abbreviated) best = { missed: rest.missed, pieces: rest.pieces + 1, end, phrase: abbreviated };
        }
      }
      const crossed: number[] = [];
      for (let q = p + 1; q <= n && q - p <= longest; q++) {
        if (q - 1 > p && wordAt.has(q - 1)) crossed.push(q - 1 - p);
        const key = letters.slice(p, q);
        if (!startsSpelling(sorted, key)) break;
        const rest = steps[q];
        if (!rest || rest.missed === Infinity) continue;
        const fit = byLetters.get(key)?.split('\u0001').find((s) => crossed.every((c) => startsAt(s, c)));
        // Fewest phrases wins (三公经费 over 三公 + 经费); on a tie the later, longer one.
        if (fit && better(best, rest.missed, rest.pieces + 1)) {
          best = { missed: rest.missed, pieces: rest.pieces + 1, end: q, phrase: phraseOf(fit) };
        }
      }
      steps[p] = best ?? { missed: Infinity, pieces: 0, end: n };
    }

    let out = '';
    for (let p = 0; p < n; ) {
      const step = steps[p];
      if (!step) break;
      const word = wordAt.get(p);
      if (word !== undefined && word > 0) out += gaps[word - 1] ?? '';
      out += step.phrase ?? (word === undefined ? '' : words[word]);
      p = step.end;
    }
    return out;
  };

  return (text) => text.replace(CHAIN, resolveChain);
}
