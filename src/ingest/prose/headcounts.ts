// Headcounts the text states of the people a figure is spent on (全市 73 名离休干部, 临聘人员 32 人): each with the
// people it counts and its line, so that a per-head figure of spending on them divides by the count the document
// gives, naming it. The people words are data (grammar/words.json `headcounts`); a number of people not named by
// one of them is not read.
import type { Line } from '../layout/lines.ts';
import { alternation } from '../../query/normalize/words.ts';
import { squeezeCjkSpaces } from '../text/cjk.ts';
import words from '../../../grammar/words.json' with { type: 'json' };

export interface HeadcountDraft {
  /** The people counted, as the word list spells them (离休干部). */
  people: string;
  count: number;
  /** 名, 人, 人次 as printed. */
  unit: string;
  line: number;
  raw: string;
}

// Each list longest first (alternation), so that 离退休人员 is not read as 退休人员.
const PEOPLE = alternation(words.headcounts.people);
/** 73 名离休干部: a whole number, a measure word, then the people. */
const BEFORE = new RegExp(`(\\d+)\\s*(${alternation(words.headcounts.before)})\\s*(${PEOPLE})`, 'g');
/** 临聘人员 32 人, 离休干部共 5 名: the people, then the number and its unit (not an amount: 人均 … 元). */
const AFTER = new RegExp(`(${PEOPLE})\\s*[共有为：:]?\\s*(\\d+)\\s*(${alternation(words.headcounts.after)})`, 'g');

/**
 * Both readings hold a number then, past blanks only, a word of `before` or `after`: a line without that (most of a
 * long document's) is passed over before its spaces are squeezed and both patterns run on it. Squeezing only
 * removes blanks, so the test on the line as printed misses nothing.
 */
const COUNTED = new RegExp(`\\d\\s*(?:${alternation([...words.headcounts.before, ...words.headcounts.after].map((w) => [...w][0]!))})`);

export function readHeadcounts(lines: Line[]): HeadcountDraft[] {
  const out: HeadcountDraft[] = [];
  for (const l of lines) {
    if (!COUNTED.test(l.text)) continue;
    const text = squeezeCjkSpaces(l.text);
    const found = [
      ...[...text.matchAll(BEFORE)].map((m) => ({ people: m[3]!, count: Number(m[1]), unit: m[2]! })),
      ...[...text.matchAll(AFTER)].map((m) => ({ people: m[1]!, count: Number(m[2]), unit: m[3]! })),
    ];
    // A line printing the same count twice (a 绩效 table's target and what was done) states it once: compared with
    // this line's counts only, not with every count read before it.
    const here: HeadcountDraft[] = [];
    for (const f of found) if (f.count > 0 && !here.some((o) => o.people === f.people && o.count === f.count)) here.push({ ...f, line: l.no, raw: l.raw });
    out.push(...here);
  }
  return out;
}
