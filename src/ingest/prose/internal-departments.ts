// The names of the 内设机构 a document lists (沈阳: “内设 14 个部，包括：” then “1. 办公室” …; 莲湖: “设下列内设机构：”
// then “1. 办公室。制定…” paragraphs): each name with its place in the list and its line. A count stated alone
// (“内设 5 个科室”) lists nothing; it stays a figure (org.internal_departments).
import type { Line } from '../layout/lines.ts';
import { squeezeCjkSpaces } from '../text/cjk.ts';

export interface InternalDepartmentDraft {
  ordinal: number;
  name: string;
  line: number;
}

/** A sentence introducing the list: it names 内设 and ends with a colon. */
const INTRO = /内设.*[：:]$/;
/** “3. 基金财务部”, “2、医保基金监管科。负责…”: the number, then the name up to the first mark ending it. */
const ITEM = /^(\d{1,2})\s*[.、．]\s*([\u4e00-\u9fa5（）()]{2,24}?)(?:[。；;，,：:\s]|$)/;
/** What the name of an office ends with: a name cut elsewhere is no name. */
const OFFICE = /(?:室|部|科|处|股|中心|所|站|队|组|办|局|院|分局)$/;
/** A heading of the next part of the text ends the list (二、, （三）, 第二部分). */
const HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)/;
/** Text lines an item's description may run on for before the next item. */
const MAX_GAP = 6;

export function readInternalDepartments(lines: Line[], tableLines: ReadonlySet<number>): InternalDepartmentDraft[] {
  const text = (l: Line) => (l.cells === null && !tableLines.has(l.no) ? squeezeCjkSpaces(l.text.trim()) : null);
  for (let i = 0; i < lines.length; i++) {
    const intro = text(lines[i]!);
    if (!intro || !INTRO.test(intro)) continue;
    const items: InternalDepartmentDraft[] = [];
    let gap = 0;
    for (let j = i + 1; j < lines.length && gap <= MAX_GAP; j++) {
      const t = text(lines[j]!);
      if (t === null || HEADING.test(t)) break;
      if (t === '') continue;
      const m = ITEM.exec(t);
      if (m && Number(m[1]) === items.length + 1 && OFFICE.test(m[2]!)) {
        items.push({ ordinal: items.length + 1, name: m[2]!, line: lines[j]!.no });
        gap = 0;
      } else if (m && Number(m[1]) !== items.length + 1) break;
      else gap++;
    }
    // One office is no list (a sentence that happens to end with a colon); a document lists its offices once.
    if (items.length >= 2) return items;
  }
  return [];
}
