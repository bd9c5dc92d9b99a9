// Punctuation, quotes, emoji and other symbols: the grammar only needs word boundaries.

/** `第（3）个` → `第3个`: a number put in brackets after 第 is the ordinal's, as the texts number their items （3）. */
export function bracketedOrdinals(text: string): string {
  // Each step of normalising is a pass over the question: one that cannot apply is not made.
  if (!text.includes('第')) return text;
  return text.replace(/第\s*[（(]\s*(\d+)\s*[）)]/g, '第$1');
}

/** `219,438.35` → `219438.35`; `2022,2023` (a list) is not a grouped number and stays. */
export function stripDigitGrouping(text: string): string {
  if (!text.includes(',')) return text;
  return text.replace(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/g, (n) => n.replace(/,/g, ''));
}

const OPEN_BY_HAN = /(?<=\p{Script=Han})\(|\((?=\p{Script=Han})/gu;
const CLOSE_BY_HAN = /(?<=\p{Script=Han})\)|\)(?=\p{Script=Han})/gu;

/**
 * `因公出国(境)费` → `因公出国（境）费`: official names are printed with full-width
 * parentheses, so half-width ones touching Chinese take that form and both spellings compare equal.
 */
export function cjkParentheses(text: string): string {
  if (!text.includes('(') && !text.includes(')')) return text;
  return text.replace(OPEN_BY_HAN, '（').replace(CLOSE_BY_HAN, '）');
}

const APOSTROPHE_IN_PINYIN = /(?<=[a-z])['’](?=[a-z])/gi;
const QUOTES = /["'“”‘’„‟〝〞「」『』《》〈〉«»]/g;

/**
 * `“三公”经费` → `三公经费`, `《预算法》` → `预算法`: names are written with and without
 * quotes, so quotes go without leaving a gap; only the apostrophe of pinyin (xi'an) stays a break.
 */
export function stripQuotes(text: string): string {
  return text.replace(APOSTROPHE_IN_PINYIN, ' ').replace(QUOTES, '');
}

// Kept: letters of any script, digits, parentheses, %, . or - between two digits (1.5亿, 2021-2023), and 、 between
// two words, which joins a list (抚顺、大连的三公经费) as 和 does.
const MARKS = /\p{M}/gu;
const SYMBOL = /(?<!\d)[.-]|[.-](?!\d)|(?<![\p{L}\p{Nd}])、|、(?![\p{L}\p{Nd}])|[^\p{L}\p{Nd}\p{Nl}（）()%.\-、 ]/gu;

/** Every other punctuation mark, quote, emoji or symbol becomes a space. */
export function symbolsToSpaces(text: string): string {
  return text.replace(MARKS, '').replace(SYMBOL, ' ');
}

/** Runs of spaces become one; none at either end. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
