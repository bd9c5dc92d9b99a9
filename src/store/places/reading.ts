// Where a department is: the divisions its name starts with, read against the
// division data (辽宁省朝阳市北票市医疗保障局 → 辽宁省 / 朝阳市 / 北票市; 楚雄州医疗保障局 →
// 云南省 / 楚雄彝族自治州), and the organisation part after them. A name that fits
// several divisions (朝阳区: 北京 or 长春) keeps them all: the place is then not known.
import { ancestry, contains, depth, divisions, type Division, type FormKind, type NameForm } from './divisions.ts';

export interface PrintedPlace {
  /** As printed: 楚雄州, 北票市, 禄丰县. */
  text: string;
  kind: FormKind;
  /** The divisions it may be, consistent with the rest of the name; one when known. */
  candidates: Division[];
}

export interface PlaceReading {
  /** The place names the name starts with, outermost first. */
  printed: PrintedPlace[];
  /** The most specific division, when the name determines it. */
  division: Division | null;
  province: Division | null;
  city: Division | null;
  county: Division | null;
  /** The name after its places: 医疗保障局, 医疗保障事务服务中心. */
  rest: string;
}

/** Official names and customary ones first; a renamed county's old name next; a bare stem only when another place follows it. */
const PREFERENCE: FormKind[] = ['full', 'customary', 'renamed', 'stem'];

function candidatesAt(name: string, at: number, within: Division[] | null, below: number): { text: string; kind: FormKind; forms: NameForm[] }[] {
  const { forms, longestForm } = divisions();
  const out: { text: string; kind: FormKind; forms: NameForm[] }[] = [];
  for (let len = Math.min(longestForm, name.length - at); len >= 2; len--) {
    const text = name.slice(at, at + len);
    const fitting = (forms.get(text) ?? []).filter((f) => depth(f.division) > below && (within === null || within.some((w) => contains(w, f.division))));
    for (const kind of PREFERENCE) {
      const ofKind = fitting.filter((f) => f.kind === kind);
      if (ofKind.length) out.push({ text, kind, forms: ofKind });
    }
  }
  return out;
}

/** The divisions a name starts with, each inside the one before. */
export function readPlace(fullName: string): PlaceReading {
  const name = fullName.replace(/^\s*\d+\s*/, '').replace(/\s+/g, '');
  const printed: PrintedPlace[] = [];
  let at = 0;
  let within: Division[] | null = null;
  let below = -1;
  while (below < 2) {
    const options = candidatesAt(name, at, within, below);
    // The longest name wins; a bare stem (楚雄, 浦东) only with another place right after it.
    const chosen = options
      .sort((a, b) => b.text.length - a.text.length || PREFERENCE.indexOf(a.kind) - PREFERENCE.indexOf(b.kind))
      .find((o) => o.kind !== 'stem' || candidatesAt(name, at + o.text.length, o.forms.map((f) => f.division), Math.min(...o.forms.map((f) => depth(f.division)))).length > 0);
    if (!chosen) break;
    const candidates = chosen.forms.map((f) => f.division);
    printed.push({ text: chosen.text, kind: chosen.kind, candidates });
    at += chosen.text.length;
    within = candidates;
    below = Math.min(...candidates.map(depth));
  }
  // A later place narrows the earlier ones to those containing it.
  for (let i = printed.length - 2; i >= 0; i--) {
    const inner = printed[i + 1]!.candidates;
    printed[i]!.candidates = printed[i]!.candidates.filter((c) => inner.some((d) => contains(c, d)));
  }
  const last = printed.at(-1);
  const division = last?.candidates.length === 1 ? last.candidates[0]! : null;
  // Up from the division when known; else what every candidate shares.
  const chain = division ? ancestry(division) : commonAncestry(last?.candidates ?? []);
  const at_ = (level: Division['level']) => chain.find((d) => d.level === level) ?? null;
  return { printed, division, province: at_('province'), city: at_('city'), county: at_('county'), rest: name.slice(at) };
}

function commonAncestry(candidates: Division[]): Division[] {
  if (candidates.length === 0) return [];
  const [first, ...others] = candidates.map(ancestry);
  return first!.filter((d) => others.every((chain) => chain.includes(d)));
}
