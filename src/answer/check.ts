// 三公经费超过10万了吗: 是/否 first, then the figure as its own question answers it (query/yes-no.ts).
import type { Condition, StructuredQuery } from '../query/ast.ts';
import { holds } from './conditions.ts';
import { money } from './format.ts';
import { beforeAnswer, type Reply } from './reply.ts';

/** Whether `fen` meets the condition (amounts in 元). */
const meets = (fen: number, c: Condition): boolean => holds(c, fen / 100);

/** How the figure stands to the bound, said as a fact: 高于 / 低于 / 等于, or within the range. */
function standing(fen: number, c: Condition): string {
  const bound = (yuan: number) => money(Math.round(yuan * 100));
  // 是13.6万吗: a range of one amount is said as the amount.
  if (c.op === 'between' && c.upper !== c.value) return `${meets(fen, c) ? '在' : '不在'}${bound(c.value)}到${bound(c.upper! + 0.01)}之间`;
  const yuan = fen / 100;
  return `${yuan > c.value ? '高于' : yuan < c.value ? '低于' : '等于'}${bound(c.value)}`;
}

/**
 * The verdict on the answer's leading figure, said before it; an answer without one money figure of one department
 * (not found, asked back, several departments) is left as it is, with no verdict guessed.
 */
export function checkedAnswer(r: Reply, c: Condition): Reply {
  const f = r.figures[0];
  if (r.status !== 'answered' || !f || f.fen === null || f.derived || new Set(r.figures.map((x) => x.entity)).size > 1) return r;
  return beforeAnswer(r, `${meets(f.fen, c) ? '是' : '否'}。${f.label}${money(f.fen, f.printedIn)}，${standing(f.fen, c)}。`);
}

/**
 * 公务用车有两辆吗: 是 / 不是 the count typed, said before the count the answer leads with (in the unit printed); an answer
 * leading with no count (money only printed) says the count is not printed, and gives no verdict.
 */
export function countCheckedAnswer(r: Reply, c: NonNullable<StructuredQuery['countCheck']>): Reply {
  const f = r.figures[0];
  if (r.status === 'not_found') return beforeAnswer(r, `没有印数量，无法判断是不是${c.text}。`);
  if (r.status !== 'answered' || new Set(r.figures.map((x) => x.entity)).size > 1) return r;
  if (!f || f.fen !== null || typeof f.value !== 'number') return beforeAnswer(r, `没有印数量，无法判断是不是${c.text}：`);
  return beforeAnswer(r, `${f.value === c.value ? '是' : '不是'}。${f.label}${f.value}${f.unit}（问的是${c.text}）。`);
}
