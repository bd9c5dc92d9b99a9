// Undoing what PDF→text conversion left in the lines: markdown and HTML remnants,
// LaTeX comparison signs, pipe tables and rule rows. Line numbers are never changed:
// a cleaned line replaces its raw line one for one.

const LATEX: Record<string, string> = {
  '\\leq': '<=',
  '\\le': '<=',
  '\\geq': '>=',
  '\\ge': '>=',
  '\\lt': '<',
  '\\gt': '>',
  '\\neq': '!=',
  '\\times': '×',
};

/** A rule row of a markdown or ASCII table (`|---|---|`, `--\t------`). */
export function isRuleRow(line: string): boolean {
  return /^[\s|:\t-]*-{2,}[\s|:\t-]*$/.test(line);
}

/** Every character a rule below acts on: most lines hold none and are clean as they are. */
const MARKUP = /[\r\-|$<*\\#\u3000]|^ | $/;

export function cleanLine(raw: string): string {
  if (!MARKUP.test(raw)) return raw;
  let s = raw.replace(/\r$/, '');
  if (isRuleRow(s)) return '';
  // A markdown pipe table row becomes a tab row, like every other table here.
  if (/^\s*\|.*\|\s*$/.test(s) && !s.includes('\t')) {
    s = s.trim().slice(1, -1).split('|').map((c) => c.trim()).join('\t');
  }
  s = s
    .replace(/\$\s*(\\[a-z]+)\s*\$/g, (m, cmd: string) => LATEX[cmd] ?? m)
    .replace(/<\/?(b|strong|i|em|u|span|p|div|sup|sub)(\s[^>]*)?>/gi, '')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\*\*/g, '')
    .replace(/\\([*_#])/g, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s{0,3}[-*]\s+(?=\S)/, '');
  // Markdown's two-space line break and other blanks at the ends mean nothing here.
  return s.replace(/^[ \u3000]+|[ \u3000]+$/g, '');
}
