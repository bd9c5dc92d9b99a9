// Limits on what users may ask: the engine refuses beyond them, and every front end says so before asking.
export const MAX_QUESTION_CHARS = 300;

/** Counts characters, not UTF-16 units, so an emoji is one character. */
export function questionTooLong(text: string): boolean {
  if (text.length <= MAX_QUESTION_CHARS) return false;
  let chars = 0;
  for (const _ of text) if (++chars > MAX_QUESTION_CHARS) return true;
  return false;
}

/** The most items a ranking lists (前N), and the furthest item of a list a question can point back to (第N个). */
export const MAX_ITEMS = 50;

/** Beyond this many 元 an amount is no budget figure, and its 分 are no longer exact in a double (about 90万亿元). */
export const MAX_AMOUNT_YUAN = Math.floor(Number.MAX_SAFE_INTEGER / 100);

export interface CountReading {
  value: number;
  /** How the count was read when it was not one as typed (“前2.5”按前2项理解…), to be said in the answer; else null. */
  note: string | null;
}

/**
 * A count typed in a question (前N, 第N个) as a whole number from 1 to MAX_ITEMS: a fraction is
 * rounded down, 0 read as 1, more than MAX_ITEMS as MAX_ITEMS — and the note says so.
 * `typed` is the words as typed (前2.5), `spell` says a count the same way (2 → 前2项).
 */
export function readCount(value: number, typed: string, spell: (n: number) => string): CountReading {
  const read = Number.isNaN(value) ? 1 : Math.min(MAX_ITEMS, Math.max(1, Math.floor(value)));
  if (read === value) return { value, note: null };
  const why = value > MAX_ITEMS ? `最多${MAX_ITEMS}项` : value < 1 ? '至少1项' : '只取整数';
  return { value: read, note: `“${typed}”按${spell(read)}理解（${why}）。` };
}
