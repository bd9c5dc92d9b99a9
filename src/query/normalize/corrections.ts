// A typist correcting themselves (grammar/fillers.json corrections): `…降了多少个百分点 不对 我是说降了百分之多少`.
// The words after the marker replace the ones before it from where they repeat their start (降了…), so only the
// corrected phrase changes; repeating nothing, they are the question (a follow-up, read with the conversation).
import fillers from '../../../grammar/fillers.json' with { type: 'json' };
import { alternation } from './words.ts';

/** A marker after a pause (punctuation is a space by now), and any markers right after it (不对 我是说). */
const MARKER = new RegExp(`\\s(?:(?:${alternation(fillers.corrections.words)})\\s*)+`);
/** 不是，我问的是增长率: a message opening with a marker and a pause corrects the previous message. */
const OPENING = new RegExp(`^(?:${alternation(fillers.corrections.words)})\\s`);
const MARKERS = new RegExp(`^(?:(?:${alternation(fillers.corrections.words)})\\s*)+`);
/** The shortest repeated start that anchors the correction: one character repeats too easily. */
const MIN_ANCHOR = 2;

export function applyCorrections(text: string): string {
  // What follows the opening markers is the question, a follow-up read with the conversation.
  let s = OPENING.test(text.trimStart()) ? text.trimStart().replace(MARKERS, '') : text;
  for (let m = MARKER.exec(s); m; m = MARKER.exec(s)) {
    const before = s.slice(0, m.index).trim();
    const after = s.slice(m.index + m[0].length).trim();
    if (after === '') return before;
    let replaced: string | null = null;
    for (let k = Math.min(after.length, before.length); k >= MIN_ANCHOR && replaced === null; k--) {
      const at = before.lastIndexOf(after.slice(0, k));
      if (at >= 0) replaced = before.slice(0, at) + after;
    }
    s = replaced ?? after;
  }
  return s;
}
