// Text normalisation for labels and names printed in the documents.

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '（）()【】“”‘’、，。：；《》—·';
const spaceBetween = new RegExp(
  `(?<=[${CJK}${CJK_PUNCT}])[ \\u3000]+(?=[${CJK}${CJK_PUNCT}\\d])|(?<=\\d)[ \\u3000]+(?=[${CJK}${CJK_PUNCT}])`,
  'g',
);

/** Removes the spaces PDF conversion puts inside Chinese words (`异地就医经办人 员业务培训人次`, `2024 年`). */
export function squeezeCjkSpaces(s: string): string {
  // Most labels hold no blank at all: the look-behind scan is the ingest's costliest regex.
  if (!/\s/.test(s)) return s;
  return s.replace(spaceBetween, '').replace(/\s+/g, ' ').trim();
}

/** Every character nameKey drops or rewrites: a name without any is its own key. */
const KEYED = /[\s\u3000()“”"‘’'「」『』—–\-，,、。；：:]/;

/**
 * A key for comparing names: no spaces, no quotes, parentheses and dashes in one form.
 * 因公出国 (境) 费 and 因公出国（境）费 get the same key.
 */
export function nameKey(s: string): string {
  if (!KEYED.test(s)) return s;
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/[(]/g, '（')
    .replace(/[)]/g, '）')
    .replace(/[“”"‘’'「」『』]/g, '')
    .replace(/[—–-]/g, '-')
    .replace(/[，,]/g, '，')
    .replace(/[-，、。；：:]+$/, '');
}

const ORDINAL =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）][、.．]?|\d+[、.．](?!\d)|其中[:：]\s*|[①②③④⑤⑥⑦⑧⑨⑩])\s*/;

/** Strips list markers and 其中： from a row label: `（一）一般公共预算拨款收入` → `一般公共预算拨款收入`. */
export function stripOrdinal(label: string): string {
  let s = label.trim();
  for (let i = 0; i < 3; i++) {
    const next = s.replace(ORDINAL, '');
    if (next === s) break;
    s = next;
  }
  return s;
}

const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))/;

/** Whether a label starts with a numbered list marker (一、 （一） (1) 1、) — header cells never do. */
export function hasNumberedOrdinal(label: string): boolean {
  return NUMBERED.test(label.trim());
}

/** The label as a key: ordinals, spaces and quotes gone. `收 入 总 计` → `收入总计`. */
export function labelKey(label: string): string {
  return nameKey(stripOrdinal(squeezeCjkSpaces(label)));
}
