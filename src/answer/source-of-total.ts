// 这五个多亿是从哪来的 after a department's total: where that money comes from — the department's income by source,
// once the amount typed is checked against the figure answered last (shapes.json references.sourceOfTotal).
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import type { FollowUpWords } from '../query/follow-up.ts';
import { lastDigitStep } from '../query/yes-no.ts';
import type { Conversation } from './dialog.ts';
import { show } from './figures.ts';

const TOTALS = new Set(shapes.references.sourceOfTotal.totals);

/**
 * The question to answer instead (the department's income sources, as `抚顺市医疗保障局 2024年 收入来源` asks), a message
 * when the amount typed is not the figure answered last or no total was, or null when the message asks no such thing.
 */
export function sourceOfTotal(said: FollowUpWords, c: Conversation | undefined): { text: string } | { message: string } | null {
  if (!said.sourceOfTotal) return null;
  const { typed, amount } = said.sourceOfTotal;
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
  if (amount && f) {
    const { yuan, about } = amount;
    const figure = f.fen! / 100;
    const step = yuan === null ? 0 : lastDigitStep(yuan);
    // 五个多亿: from 5亿 up to 6亿; 5.87亿, 1459万: the figure rounded or cut to the places typed.
    const fits = yuan !== null && figure >= (about ? yuan : yuan - step / 2) && figure < yuan + step;
    if (!fits) {
      return { message: `上一个回答的${f.label}是${show(f)}，与“${amount.said}”对不上，不知道“${amount.said}”指的是哪个数。请说出是哪个部门的哪个数，例如：${entity!.name} 钱从哪来。` };
    }
  }
  const years = last.years.length ? ` ${last.years.join(' ')}年` : '';
  return { text: `${entity!.name}${years} 收入来源` };
}
