// 三公经费超过10万了吗: 是/否 first, then the figure as its own question answers it (query/yes-no.ts).
import type { Offered } from '../query/alternatives.ts';
import type { Condition, StructuredQuery } from '../query/ast.ts';
import type { Figure } from './figures.ts';
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

/** An amount offered in 分: typed without a unit, in the unit the figure is printed in. */
function offeredFen(a: Offered, f: Figure): { fen: number; step: number } {
  const scale = a.scale ?? (f.printedIn === '元' ? 1 : 1e4);
  return { fen: Math.round(a.number * scale * 100), step: Math.round(scale * 100 * 10 ** -a.places) };
}

/** How an amount offered stands to a figure: the same, the same as rounded to the places typed, or neither. */
function matching(a: Offered, f: Figure): 'same' | 'rounded' | null {
  if (f.fen === null) return null;
  const { fen, step } = offeredFen(a, f);
  if (fen === f.fen) return 'same';
  // Rounded half up to the places typed (0.85 is 0.9, not 0.8).
  return Math.round(f.fen / step) * step === fen ? 'rounded' : null;
}

/**
 * 邮电费到底是180还是182.64: the printed figure said first with which amount offered it is (or that neither is); an amount
 * that is another figure of the answer (its 基本支出 part) is said to be that one. No verdict on an answer without one
 * money figure of one department.
 */
export function offeredAnswer(r: Reply, amounts: Offered[]): Reply {
  const f = r.figures[0];
  // 公务员医疗补助 printed as a subject of the department and a project of its unit, the same amount: one figure asked.
  const oneAmount = (x: Figure) => x.derived || x.entity === f!.entity || x.fen === f!.fen;
  if (r.status !== 'answered' || !f || f.fen === null || f.derived || !r.figures.every(oneAmount)) return r;
  const said = amounts.map((a) => {
    const m = matching(a, f);
    if (m === 'same') return `“${a.text}”是对的`;
    if (m === 'rounded') return `“${a.text}”是它四舍五入后的数`;
    const other = r.figures.find((x) => x !== f && !x.derived && matching(a, x) === 'same');
    return other ? `“${a.text}”是${other.label}${other.column ? `（${other.column}）` : ''}的${money(other.fen!, other.printedIn)}，不是问的这个数` : `“${a.text}”不对`;
  });
  return beforeAnswer(r, `印的是${money(f.fen, f.printedIn)}：${said.join('；')}。`);
}
