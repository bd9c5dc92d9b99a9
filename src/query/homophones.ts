// Words typed with a homophone (连湖 for 莲湖, 扶顺 for 抚顺, 离修 for 离休): a stretch of the question that
// sounds exactly like one name or figure the lexicon knows, and like no other, is read as it, with a note.
// Built from pinyin-pro on first need only: most questions never need it.
import { toneless } from './normalize/syllables.ts';

const HAN = /^\p{Script=Han}+$/u;
const MAX = 12;

// Each character's reading, toneless, kept: a question not understood is read window by window, and must stay fast.
const readings = new Map<string, string>();

function reading(ch: string): string {
  let r = readings.get(ch);
  // Never empty: a stretch's sound is then the same sliced from its word's as spelled alone.
  if (r === undefined) readings.set(ch, (r = toneless(ch)[0] || ch));
  return r;
}

/** A text's sound, character by character, syllables joined by spaces: 莲湖 → `lian hu` (the same for 连湖). */
function sound(text: string): string {
  let out = '';
  for (const ch of text) out += out ? ` ${reading(ch)}` : reading(ch);
  return out;
}

/**
 * The sound of any stretch of `word`, as `sound` spells it, sliced from the whole word's sound: a word is read
 * window by window (dozens of windows), and each window's sound spelled afresh cost a look-up per character.
 * `at` and `end` are UTF-16 offsets at character boundaries.
 */
function soundsOf(word: string): (at: number, end: number) => string {
  let whole = '';
  // Where each character's syllable starts and ends in `whole`, by the character's UTF-16 offset (and the one after it).
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of word) {
    if (whole) whole += ' ';
    from[i] = whole.length;
    whole += reading(ch);
    i += ch.length;
    to[i] = whole.length;
  }
  return (at, end) => whole.slice(from[at], to[end]);
}

export interface Homophones {
  /**
   * The question with the first stretch of the words not understood that sounds like exactly one known
   * phrase (and is not it) replaced, and the note saying so; null when none does.
   */
  reread(text: string, words: readonly string[]): { text: string; note: string } | null;
}

/** `phrases`: listed when first needed (a word not understood), as the index is. */
export function createHomophones(phrases: () => readonly string[]): Homophones {
  // A sound's one phrase, or null when several phrases sound alike (a string, not a set each: the map is large).
  let bySound: Map<string, string | null> | null = null;
  const index = () => {
    if (bySound) return bySound;
    bySound = new Map();
    for (const p of phrases()) {
      if (p.length < 2 || p.length > MAX || !HAN.test(p)) continue;
      const key = sound(p);
      const known = bySound.get(key);
      bySound.set(key, known === undefined || known === p ? p : null);
    }
    return bySound;
  };
  let phraseSet: Set<string> | null = null;
  const known = () => (phraseSet ??= new Set(phrases()));
  return {
    reread(text, words) {
      const map = index();
      for (const word of words) {
        const soundOf = soundsOf(word);
        // Longest stretches first, so 物业管里费 is read whole before 管里 is.
        for (let len = Math.min(MAX, word.length); len >= 2; len--) {
          for (let at = 0; at + len <= word.length; at++) {
            const typed = word.slice(at, at + len);
            if (!HAN.test(typed) || known().has(typed)) continue;
            const meant = map.get(soundOf(at, at + len));
            if (!meant || !text.includes(typed)) continue;
            return { text: text.replace(typed, meant), note: `“${typed}”按“${meant}”理解。` };
          }
        }
      }
      return null;
    },
  };
}
