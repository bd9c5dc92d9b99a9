// Full-width forms typed by Chinese input methods, folded to the ASCII the grammar reads.

// U+FF01–FF5E mirror ASCII; （ ） (U+FF08/FF09) are left alone because official
// names are written with them (因公出国（境）费).
const FULL_WIDTH = /[\uff01-\uff07\uff0a-\uff5e]/g;
// Zero-width and format characters would split a word if they became spaces.
const FORMAT = /\p{Cf}/gu;
const BLANK = /[\p{Cc}\p{Z}]/gu;

// What the three replacements change (a space, U+0020, is one already): a question typed without any is only lower-cased.
const TO_FOLD = /[\uff01-\uff07\uff0a-\uff5e\p{Cf}\p{Cc}]|(?! )\p{Z}/u;

/** `２０２３ ＡＢＣ` → `2023 abc`: half-width ASCII, lower-case letters, every blank a space. */
export function foldWidth(text: string): string {
  if (!TO_FOLD.test(text)) return text.toLowerCase();
  return text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(FORMAT, '')
    .replace(BLANK, ' ')
    .toLowerCase();
}
