// Telling Chinese characters from everything else, surrogate pairs included.

const HAN = /^\p{Script=Han}$/u;

function isHan(codePoint: number | undefined): boolean {
  return codePoint !== undefined && HAN.test(String.fromCodePoint(codePoint));
}

/** Whether the character starting at `index` is Chinese. */
export function isHanAt(text: string, index: number): boolean {
  return isHan(text.codePointAt(index));
}

/** Whether the character ending right before `index` is Chinese. */
export function isHanBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  const pair = index >= 2 && low >= 0xdc00 && low <= 0xdfff && /[\ud800-\udbff]/.test(text[index - 2] ?? '');
  return isHan(text.codePointAt(pair ? index - 2 : index - 1));
}
