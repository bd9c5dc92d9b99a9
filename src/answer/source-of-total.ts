// 这五个多亿是从哪来的 after a department's total: where that money comes from — the department's income by source,
// once the amount typed is checked against the figure answered last (shapes.json references.sourceOfTotal).
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import { expandArabicMultipliers, parseAmountYuan } from '../query/normalize/amount.ts';
import { convertChineseNumerals } from '../query/normalize/numerals.ts';
import { alternation } from '../query/normalize/words.ts';
import { lastDigitStep, MONEY, NUMBER, SCALE } from '../query/yes-no.ts';
import type { Conversation } from './dialog.ts';
import { show } from './figures.ts';

const { pointing, asked, totals } = shapes.references.sourceOfTotal;
const TOTALS = new Set(totals);
// 这五个多亿, 这5.87亿元, 这些钱: the pointing words, then an amount of money (个 and 多 / 来 / 几 around its scale), then the asking words.
const AMOUNT = `(${NUMBER})个?(多|来|几)?(${SCALE})(多)?${MONEY}?(?:钱)?`;
const SOURCE_ASKED = new RegExp(`^(?:${alternation(pointing)})?(?:${AMOUNT})?(?:的)?(?:钱)?(?:都|主要)?(?:${alternation(asked)})[啊呀呢吗？?。！!\\s]*$`);
const POINTED = new RegExp(`^(?:${alternation(pointing)})`);
const ASKED = new RegExp(alternation(asked));

/**
 * The question to answer instead (the department's income sources, as `抚顺市医疗保障局 2024年 收入来源` asks), a message
 * when the amount typed is not the figure answered last or no total was, or null when the message asks no such thing.
 */
export function sourceOfTotal(text: string, c: Conversation | undefined): { text: string } | { message: string } | null {
  if (typeof text !== 'string') return null;
  const typed = text.trim();
  const m = SOURCE_ASKED.exec(typed);
  // Pointing words, an amount or 钱 must be typed (钱是从哪儿来的 after a total points at it too): 从哪来 alone is read as any question is.
  if (!m || (!m[1] && !POINTED.test(typed) && !typed.startsWith('钱'))) return null;
  const last = c?.query;
  const [t] = last?.targets ?? [];
  const [entity] = last?.entities ?? [];
  // After a department's total, or the department named alone (曲阳 → 钱是从哪儿来的).
  // (这些钱 after a list of projects is their money: no total of the department.)
  const total = last !== undefined && last.listOf === null && (last.intent === 'lookup' || last.intent === 'breakdown') && (last.targets.length === 0 || (last.targets.length === 1 && t!.kind === 'metric' && TOTALS.has(t!.key)));
  if (!last || !total || last.set !== null || last.entities.length !== 1 || entity!.unitId !== null) {
    return { message: `“${typed}”要接在一个部门的总数后面，例如：抚顺 支出总计 → 这五个多亿是从哪来的。` };
  }
  const f = (c!.figures ?? []).find((x) => !x.derived && x.fen !== null);
  if (m[1] && f) {
    const yuan = parseAmountYuan(expandArabicMultipliers(convertChineseNumerals(`${m[1]}${m[3]}`)));
    const about = m[2] !== undefined || m[4] !== undefined;
    const figure = f.fen! / 100;
    const step = yuan === null ? 0 : lastDigitStep(yuan);
    // 五个多亿: from 5亿 up to 6亿; 5.87亿, 1459万: the figure rounded or cut to the places typed.
    const fits = yuan !== null && figure >= (about ? yuan : yuan - step / 2) && figure < yuan + step;
    if (!fits) {
      // The amount as typed, for the message: the words before the asking ones, the pointing words and 的钱 left off.
      const said = typed.slice(0, typed.search(ASKED)).replace(POINTED, '').replace(/的?钱?$/, '');
      return { message: `上一个回答的${f.label}是${show(f)}，与“${said}”对不上，不知道“${said}”指的是哪个数。请说出是哪个部门的哪个数，例如：${entity!.name} 钱从哪来。` };
    }
  }
  const years = last.years.length ? ` ${last.years.join(' ')}年` : '';
  return { text: `${entity!.name}${years} 收入来源` };
}
