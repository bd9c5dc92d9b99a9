// Traditional → simplified Chinese. The converter takes ~10 ms to build, so it is built once.
import { Converter } from 'opencc-js/t2cn';

const convert = Converter({ from: 't', to: 'cn' });
// Text without any CJK character (most pinyin or number-only input) skips the converter.
const MAY_BE_TRADITIONAL = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

/** `曲陽 2023 三公經費` → `曲阳 2023 三公经费`; simplified text comes back unchanged. */
export function toSimplified(text: string): string {
  return MAY_BE_TRADITIONAL.test(text) ? convert(text) : text;
}
