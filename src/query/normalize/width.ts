// Full-width forms typed by Chinese input methods, folded to the ASCII the grammar reads.

// U+FF01–FF5E mirror ASCII; （ ） (U+FF08/FF09) are left alone because official
// names are written with them (因公出国（境）费).
const FULL_WIDTH = /[\uff01-\uff07\uff0a-\uff5e]/g;
// Zero-width and format characters would split a word if they became spaces.
const FORMAT = /\p{Cf}/gu;
const BLANK = /[\p{Cc}\p{Z}]/gu;

/** `２０２３ ＡＢＣ` → `2023 abc`: half-width ASCII, lower-case letters, every blank a space. */
export function foldWidth(text: string): string {
  return text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(FORMAT, '')
    .replace(BLANK, ' ')
    .toLowerCase();
}
