// Limits on what users may ask: the engine refuses beyond them, and every front end says so before asking.
export const MAX_QUESTION_CHARS = 300;

/** Counts characters, not UTF-16 units, so an emoji is one character. */
export function questionTooLong(text: string): boolean {
  if (text.length <= MAX_QUESTION_CHARS) return false;
  let chars = 0;
  for (const _ of text) if (++chars > MAX_QUESTION_CHARS) return true;
  return false;
}
