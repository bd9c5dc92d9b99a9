// 增长最快 / 降幅最大 / 哪些与上年不可比 / 哪些持平: the figures whose change from last year the text states,
// ranked by the percent it states or picked by the direction it states, each cited at the sentence stating it.
import type { StructuredQuery } from '../../query/ast.ts';
import { fromFact, show, type Figure } from '../figures.ts';
import { heading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import type { Sources } from '../sources.ts';
import { changePercent } from '../targets.ts';

/** A list item's number the prose prints before a name (（1）行政单位医疗). */
const named = (label: string) => label.replace(/^\s*(?:[（(]\d+[)）]|\d+[.、．])\s*/, '').replace(/比[^比]*增减幅度$/, '');

/** The directions the text states for each state asked: 持平 is also said 无增减. */
const STATES: Record<string, string[]> = { 不可比: ['不可比'], 持平: ['持平', '无增减'] };

export function statedChanges(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const asked = q.changes!;
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  // 哪个科目: only subjects; else every figure whose change is stated (收入总计, 三公经费 …).
  const facts = s.queries.factsByAspect(scope.doc.id, 'amount').filter((f) => f.year === scope.year && f.change_line !== null && (!q.subjects || f.metric === 'subject'));
  const stated = facts.map((f) => fromFact(f, scope.doc, scope.doc.department));
  // One figure stated twice (a subject in two paragraphs) is listed once.
  const once = <T extends Figure>(list: T[]) => list.filter((f, i) => list.findIndex((x) => x.label === f.label && x.value === f.value && x.fen === f.fen) === i);
  const what = q.subjects ? '科目' : '项';
  if (asked.state) {
    const kept = once(stated.filter((f) => STATES[asked.state!]!.includes(f.change!.direction ?? '')));
    if (kept.length === 0) return reply('not_found', [...note, `${head}中没有说明与上年${asked.state}的${what}。`]);
    const lines = kept.map((f) => `· ${named(f.label)}：${show(f)}，与上年${f.change!.direction}${f.change!.reason ? `（${f.change!.reason}）` : ''}（第${f.change!.line}行）`);
    return reply('answered', [...note, `${head} 文中说明与上年${asked.state}的${what}（共${kept.length}个）：`, ...lines], kept);
  }
  const up = asked.order === 'up';
  const rates = once(stated.flatMap((f) => changePercent(f) ?? []).filter((p) => (up ? (p.value as number) > 0 : (p.value as number) < 0)));
  if (rates.length === 0) return reply('not_found', [...note, `${head}中没有说明${up ? '增长' : '下降'}幅度的${what}。`]);
  const sorted = rates.sort((a, b) => (up ? (b.value as number) - (a.value as number) : (a.value as number) - (b.value as number)));
  const lines = sorted.map((p, i) => `${i + 1}. ${named(p.label)}：${up ? '增长' : '下降'}${Math.abs(p.value as number)}%（第${p.line}行）`);
  return reply('answered', [...note, `${head} 文中说明的比上年${up ? '增幅' : '降幅'}排序（共${sorted.length}个）：`, ...lines], sorted);
}
