// 邮电费到底是180还是182.64, 是1.2万还是1.3万: two amounts offered as alternatives (shapes.json alternatives). Read apart
// before the grammar, so that neither is taken for a subject's code or a bound: the rest is the question, and the
// answer says which amount the printed figure is.
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import { expandArabicMultipliers } from './normalize/amount.ts';
import { LARGE_UNITS, NUMERAL_CHARS } from './normalize/chinese-digits.ts';
import { convertChineseNumerals } from './normalize/numerals.ts';
import { foldWidth } from './normalize/width.ts';
import { alternation } from './normalize/words.ts';
import { DECIMAL, MONEY, SCALE } from './yes-no.ts';

const { before, between, pause, after } = shapes.alternatives;
const CHINESE = `[${NUMERAL_CHARS}点]+`;
const AMOUNT = `(?:${DECIMAL}[百千]?${SCALE}?|${CHINESE})${MONEY}?`;
const OFFERED = new RegExp(`(?:${alternation(before)})?(${AMOUNT})(?:${alternation(pause)})?(?:${alternation(between)})(${AMOUNT})(?:${alternation(after)}|\\s)*$`);
const TYPED = new RegExp(`^(\\d+(?:\\.\\d+)?)(${SCALE}?)(${MONEY})?$`);
// 邮电费180吗, 是不是182.64: one number without a unit asked of what is named (a unit typed makes it yes-no.ts's bound).
const { same, reach, final } = shapes.yesNo;
const ONE_ASKED = new RegExp(`(?:(?:${alternation([...same, ...reach])})(${DECIMAL})(?:${alternation(final)}|\\s)*|(${DECIMAL})(?:${alternation(final)})+\\s*)$`);
const YEAR = /^(?:19|20)\d{2}$/;

/** One amount offered: in 元 when typed with 万 / 亿 / 元, else a number in the unit the figure is printed in. */
export interface Offered {
  text: string;
  number: number;
  /** 元 one unit typed is (1e4 for 万); null when no unit was typed. */
  scale: number | null;
  /** Decimal places typed (182.64: 2): the amount's precision in its unit. */
  places: number;
}

function offered(text: string): Offered | null {
  // 一万二 → 1.2万, 3千万 → 3000万: the number as digits before its unit.
  const m = TYPED.exec(expandArabicMultipliers(convertChineseNumerals(foldWidth(text))));
  if (!m) return null;
  const [, n = '', large = '', money] = m;
  const scale = large ? LARGE_UNITS[large]! : money ? 1 : null;
  return { text, number: Number(n), scale, places: n.split('.')[1]?.length ?? 0 };
}

/** A number a year, not an amount: 2023还是2024. */
const isYear = (a: Offered) => a.scale === null && a.places === 0 && YEAR.test(String(a.number));

/** The question without the one number asked of what it names (邮电费180吗), and that number; null when it asks none. */
export function oneOfferedOf(typed: string): { text: string; amounts: Offered[] } | null {
  if (typeof typed !== 'string' || typed.length > 200) return null;
  const m = ONE_ASKED.exec(typed);
  if (!m || m.index === 0) return null;
  const one = offered(m[1] ?? m[2]!);
  return one && !isYear(one) ? { text: typed.slice(0, m.index), amounts: [one] } : null;
}

/** The question without its two amounts offered, and the amounts; null when it offers none. */
export function offeredOf(typed: string): { text: string; amounts: Offered[] } | null {
  if (typeof typed !== 'string' || typed.length > 200) return null;
  const m = OFFERED.exec(typed);
  if (!m || m.index === 0) return null;
  const amounts = [offered(m[1]!), offered(m[2]!)];
  // 2023还是2024: years offered, not amounts.
  if (amounts.some((a) => a === null || isYear(a))) return null;
  return { text: typed.slice(0, m.index), amounts: amounts as Offered[] };
}
