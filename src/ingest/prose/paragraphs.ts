// The running text of a document as paragraphs, each character traceable to its line.
// A sentence cut by a page break (`…比 2022 年预算数` / `减少 0 万元；`) is joined
// back: a line that does not end a sentence continues into the next text line.
import type { Line } from '../layout/lines.ts';

export interface Paragraph {
  text: string;
  /** lineAt[i] is the raw line number of text[i]. */
  lineAt: number[];
}

const ENDS = /[。！？!?；;：:]$/;
const STARTS_ITEM = /^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)/;

export function paragraphsOf(lines: Line[], tableLines: ReadonlySet<number>): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (const line of lines) {
    if (tableLines.has(line.no) || line.cells !== null) {
      current = null;
      continue;
    }
    const text = line.text.trim();
    if (text === '') continue;
    if (current && !ENDS.test(current.text) && !STARTS_ITEM.test(text)) {
      current.text += text;
      current.lineAt.push(...Array.from({ length: text.length }, () => line.no));
    } else {
      current = { text, lineAt: Array.from({ length: text.length }, () => line.no) };
      out.push(current);
    }
  }
  return out;
}
