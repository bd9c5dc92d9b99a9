// Characters' readings, from pinyin-pro. Its dictionaries are a fifth of the engine's code, and only a question
// typed in latin letters or not understood needs them: required on first use, not parsed on every start.
import { createRequire } from 'node:module';
import type { pinyin as PinyinPro } from 'pinyin-pro';

let pinyin: typeof PinyinPro | null = null;

/** The toneless syllable of each character of `text` (every reading of each, with `multiple`). */
export function toneless(text: string, multiple = false): string[] {
  pinyin ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: typeof PinyinPro }).pinyin;
  return pinyin(text, { toneType: 'none', type: 'array', multiple });
}
