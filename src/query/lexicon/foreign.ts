// Places no document held lies in (大连, 广州市, 海淀区, 某某县): read as places, so that a question about one
// is answered “not held” naming it, rather than its name being taken for part of a project's (大连市医保局三公经费).
// Every name a GB/T 2260 division goes by (src/store/places) is one, built on first use: only questions with
// words the lexicon does not know are read for them. A bare stem (大连, 海淀) counts only before what a place
// name is followed by (的, an organisation's name, a list word, the end), so 资源 or 公安 inside other words stays
// a word; a name of no division ending in a division's suffix (某某县) counts only before an organisation's name.
import { divisions } from '../../store/places/divisions.ts';
import { Trie } from './trie.ts';

/** Whether a name is only ever a stem (大连, 海淀): true; a name with its suffix or a customary one: false. */
let names: Trie<boolean> | null = null;

function build(): Trie<boolean> {
  const trie = new Trie<boolean>();
  for (const [text, forms] of divisions().forms) if (text.length >= 2) trie.add(text, forms.every((f) => f.kind === 'stem'));
  return trie;
}

// Sticky: each is tried where the lexer stands, without a copy of the rest of the question.
const AFTER_STEM = /(?:$|\s|的|医|财|人|卫|民|教|和|与|、|及|跟|同|还有|地区|等)/y;
const ORGANISATION = /(?:医保|医疗保障|财政|人社|卫健|民政)/y;
const SUFFIXED = /[\u4e00-\u9fff]{1,5}?(?:省|市|县|区|旗|州|盟)/y;

const matchesAt = (pattern: RegExp, text: string, offset: number) => {
  pattern.lastIndex = offset;
  return pattern.exec(text)?.[0];
};

/** The length of the place name at `offset`, or 0. */
export function foreignPlaceAt(text: string, offset: number): number {
  names ??= build();
  const hit = names.longest(text, offset);
  if (hit && (!hit.value || matchesAt(AFTER_STEM, text, offset + hit.length) !== undefined)) return hit.length;
  const named = matchesAt(SUFFIXED, text, offset);
  return named && matchesAt(ORGANISATION, text, offset + named.length) !== undefined ? named.length : 0;
}

/** Whether a text is wholly a name some division goes by (大连市, 海淀区), not merely shaped like one (曲洋县). */
export function isDivisionName(text: string): boolean {
  names ??= build();
  return names.longest(text, 0)?.length === text.length;
}
