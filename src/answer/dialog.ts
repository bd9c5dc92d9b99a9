// Follow-ups in a chat: “那2022年呢？”, “明细呢”, “北票呢” continue the previous
// question with what the new one leaves out; and the buttons an answer offers.
import type { StructuredQuery } from '../query/ast.ts';
import { MEASURES } from './sources.ts';
import { cellOf } from './targets.ts';
import type { FollowUp } from './types.ts';

/** Intents worth carrying into a follow-up that names none. */
const CARRIED = new Set(['breakdown', 'share', 'performance', 'rate']);
/** Intents a place alone completes (北票 执行率, 北票 有哪些项目): nothing of the previous question is wanted. */
const STANDALONE = new Set(['rate', 'performance', 'rank', 'list']);

/**
 * Whether the grammar understood anything in a question: a place, a year, a stage, a figure,
 * a question word. A message it did not (asdfgh, 今天天气怎么样, SQL) continues nothing.
 */
export function understoodAnything(q: StructuredQuery): boolean {
  return (
    q.entities.length > 0 ||
    q.years.length > 0 ||
    q.stage !== null ||
    q.targets.length > 0 ||
    q.candidates.length > 0 ||
    q.intent !== 'lookup' ||
    q.previousYear ||
    q.sources ||
    q.listOf !== null
  );
}

export function mergeContext(q: StructuredQuery, previous: StructuredQuery | undefined): StructuredQuery {
  if (!previous || !understoodAnything(q)) return q;
  const complete = q.targets.length > 0 && q.entities.length > 0;
  if (complete || q.intent === 'list' || q.candidates.length > 0 || (q.entities.length > 0 && STANDALONE.has(q.intent))) return q;
  const sameEntities = q.entities.length === 0;
  // 人员经费呢 after a cell (卫生健康支出·基本支出) asks for the same row in another column.
  const cell = cellOf(previous);
  const measureOnly = q.targets.length === 1 && q.targets[0]!.kind === 'metric' && MEASURES.has(q.targets[0]!.key);
  const targets = q.targets.length === 0 ? previous.targets : cell && measureOnly ? [cell.target, q.targets[0]!] : q.targets;
  // Words not understood stay: “那2022年的上海呢” is not the previous question for 2022.
  return {
    ...q,
    entities: sameEntities ? previous.entities : q.entities,
    set: q.set ?? (sameEntities ? previous.set : null),
    years: q.years.length ? q.years : sameEntities ? previous.years : [],
    stage: q.stage ?? (sameEntities ? previous.stage : null),
    targets,
    // 离休医疗保障呢 after 北票 执行率 asks for its rate too; 最高呢 after a score ranking ranks scores.
    intent: q.intent === 'lookup' && CARRIED.has(previous.intent) && (q.targets.length === 0 || sameEntities) ? previous.intent : q.intent,
    byScore: q.byScore || (q.targets.length === 0 && q.intent === 'rank' && previous.byScore),
  };
}

export function followUps(q: StructuredQuery): FollowUp[] {
  if (q.entities.length !== 1 || q.targets.length !== 1) return [];
  const base = `${q.entities[0]!.text} ${q.years[0] ?? ''} ${q.targets[0]!.text}`.replace(/\s+/g, ' ');
  const out: FollowUp[] = [];
  if (q.intent !== 'breakdown') out.push({ label: '明细', question: `${base} 明细` });
  if (!q.previousYear) out.push({ label: '比上年', question: `${base} 比上年` });
  if (!q.sources) out.push({ label: '来源', question: `${base} 来源` });
  return out;
}
