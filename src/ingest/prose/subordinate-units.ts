// Units the text names as the department's own of a kind (莲湖: “成立下属参公事业单位西安市莲湖区医疗保险经办中心”), where
// no table prints the units' kinds: each with the kind as printed and its line, so that 下面有没有事业单位 is answered
// from the sentence. The words are data (grammar/words.json `subordinateUnits`).
import type { Line } from '../layout/lines.ts';
import { alternation } from '../../query/normalize/words.ts';
import { squeezeCjkSpaces } from '../text/cjk.ts';
import words from '../../../grammar/words.json' with { type: 'json' };

export interface SubordinateUnitDraft {
  name: string;
  /** The kind as printed (参公事业单位, 事业单位). */
  kind: string;
  line: number;
  raw: string;
}

const { before, kinds, ends } = words.subordinateUnits;
/** 下属参公事业单位西安市莲湖区医疗保险经办中心: a word of belonging, a kind, then the unit's name up to the mark ending it. */
const STATED = new RegExp(`(?:${alternation(before)})的?(${alternation(kinds)})[为是：:]?([\\u4e00-\\u9fff（）()]{2,30}?(?:${alternation(ends)}))(?=[，。；、,;\\s]|$)`, 'g');
/** Only a line naming a kind is read further. */
const ANY_KIND = new RegExp(alternation(kinds));

export function readSubordinateUnits(lines: Line[], tableLines: ReadonlySet<number>): SubordinateUnitDraft[] {
  const found: SubordinateUnitDraft[] = [];
  for (const l of lines) {
    if (l.cells !== null || tableLines.has(l.no) || !ANY_KIND.test(l.text)) continue;
    const text = squeezeCjkSpaces(l.text.trim());
    for (const m of text.matchAll(STATED)) found.push({ name: m[2]!, kind: m[1]!, line: l.no, raw: text });
  }
  return found;
}
