// Traditional → simplified Chinese. The converter takes ~10 ms to build, so it is built once.
import { Converter, Locale } from 'opencc-js/t2cn';

const convert = Converter({ from: 't', to: 'cn' });
// Text without any CJK character (most pinyin or number-only input) skips the converter.
const MAY_BE_TRADITIONAL = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

type Dict = string | readonly (readonly [string, string])[];
/**
 * The characters a conversion can start at: each character the converter's dictionaries (those of the converter
 * built above, t2s) change, and the first character of each phrase they change that holds none of those (反覆, 沈思).
 * Text holding none of them comes back unchanged — the converter would copy it — so most questions skip it.
 */
function changingStarts(): Set<string> {
  const config = Locale.configs.t2s as { normalizationChain?: readonly (readonly Dict[])[]; conversionChain: readonly (readonly Dict[])[] };
  const pairs = [...(config.normalizationChain ?? []), ...config.conversionChain]
    .flat()
    .flatMap((d) => (typeof d === 'string' ? d.split('|').map((e) => e.split(' ') as [string, string]) : d))
    .filter(([from, to]) => from !== to);
  const single = new Set(pairs.filter(([from]) => [...from].length === 1).map(([from]) => from));
  const starts = new Set(single);
  for (const [from] of pairs) if (![...from].some((c) => single.has(c))) starts.add(String.fromCodePoint(from.codePointAt(0)!));
  return starts;
}
const STARTS = changingStarts();

function mayChange(text: string): boolean {
  for (const c of text) if (STARTS.has(c)) return true;
  return false;
}

/** `曲陽 2023 三公經費` → `曲阳 2023 三公经费`; simplified text comes back unchanged. */
export function toSimplified(text: string): string {
  return MAY_BE_TRADITIONAL.test(text) && mayChange(text) ? convert(text) : text;
}
