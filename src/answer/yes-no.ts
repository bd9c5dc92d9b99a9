// 买车了吗, 有没有出国费: whether a thing is there is answered yes or no first, then the figure it is read from.
import type { StructuredQuery } from '../query/ast.ts';
import { show } from './figures.ts';
import { beforeAnswer, type Reply } from './reply.ts';

/**
 * The yes or no a figure answered for one thing says: no where it is 0 (a blank cell of a table that prints nothing
 * spent as blank is 0, and said so), yes otherwise. Only a figure of one thing asked (a lookup, its parts after it);
 * a list says yes or no itself (有下属单位吗), and several departments or figures are no one yes or no.
 */
export function yesNoFirst(q: StructuredQuery, r: Reply): Reply {
  const f = r.figures[0];
  // 有代办员吗: the people counted, whatever project names their words matched loosely.
  const one = q.entities.length <= 1 && !q.set && (q.targets.length === 1 || (q.headcount && r.figures.every((x) => x.fen === null))) && (q.intent === 'lookup' || q.intent === 'breakdown');
  // 超过10万了吗: the check's 是/否 is the answer's yes or no; 有 would say it twice.
  if (!q.yesNo || q.check || q.countCheck || r.status !== 'answered' || !one || !f || f.derived) return r;
  const amount = f.fen ?? (typeof f.value === 'number' ? f.value : null);
  if (amount === null) return r;
  return beforeAnswer(r, amount === 0 ? `没有：${f.label}为${show(f)}。` : `有：${f.label}${show(f)}。`);
}
