// Runs of “label：number unit” lines become a monospace table, labels padded and
// numbers right-aligned, so figures can be compared at a glance.
export interface Block {
  /** Shown in a <pre> block. */
  pre: boolean;
  lines: string[];
}

// The unit may carry more: “100.00万元（1,000,000.00元）”.
const ROW = /^\s*(.+?)\s*[：:]\s*([-+]?\d[\d,]*(?:\.\d+)?)\s*([^：:]{0,30})$/;
const MIN_ROWS = 3;

export function tabulate(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let text: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let end = i;
    while (end < lines.length && ROW.test(lines[end]!)) end++;
    if (end - i >= MIN_ROWS) {
      if (text.length > 0) blocks.push({ pre: false, lines: text });
      text = [];
      blocks.push({ pre: true, lines: align(lines.slice(i, end)) });
      i = end;
    } else {
      text.push(...lines.slice(i, Math.max(end, i + 1)));
      i = Math.max(end, i + 1);
    }
  }
  if (text.length > 0) blocks.push({ pre: false, lines: text });
  return blocks;
}

function align(lines: readonly string[]): string[] {
  const rows = lines.map((line) => ROW.exec(line)!.slice(1) as [string, string, string]);
  const labelWidth = Math.max(...rows.map(([label]) => displayWidth(label)));
  const numberWidth = Math.max(...rows.map(([, number]) => number.length));
  return rows.map(([label, number, unit]) =>
    `${label}${' '.repeat(labelWidth - displayWidth(label) + 2)}${number.padStart(numberWidth)}${unit ? ` ${unit.trim()}` : ''}`.trimEnd(),
  );
}

/** Columns on a monospace screen: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}
