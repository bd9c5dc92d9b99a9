// 其中买车的, 其中用在宣传上的, 其中财政给的多少 after a figure with printed parts: the part whose printed name the words
// describe, matched against the parts of the last figure only (政府采购's rows, 三公's parts, an income total's sources).
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import type { StructuredQuery } from '../query/ast.ts';
import type { FollowUpWords } from '../query/follow-up.ts';
import type { Understander } from '../query/understand.ts';
import { alternation } from '../query/normalize/words.ts';
import { itemsOf, partsWithin, type Conversation, type Named } from './dialog.ts';
import { answerQuery } from './dispatch.ts';
import { show } from './figures.ts';
import { NAMED_IN_BRIEF, partNamedShort } from './follow-ups.ts';
import { beforeAnswer, heading, reply, type Reply } from './reply.ts';
import { metric as metricOf } from '../store/metrics.ts';
import type { Sources } from './sources.ts';

const { names, everyday, incomes, bought } = shapes.references.describedPart;
const INCOMES = new Set(incomes);
const BOUGHT = new RegExp(alternation(bought));

type Described = NonNullable<FollowUpWords['described']>;

/** The printed words a described thing goes by (坐车 → 车, 财政给的 → 一般公共预算), else the words as typed. */
const printedWords = (d: Described): string[] =>
  d.everyday !== undefined ? everyday[d.everyday as keyof typeof everyday] : (names[d.thing as keyof typeof names] ?? [d.thing]);

/** The parts the last figure's 明细 lists (of the figure answered alone, or of the breakdown answered). */
function partsOfLast(s: Sources, c: Conversation): Named[] {
  if (c.query.intent === 'breakdown' && c.items) return c.items;
  const from = c.itemsFrom;
  return (from?.intent === 'breakdown' && itemsOf(from, answerQuery(s, from))) || [];
}

/** What a described part is answered by: a question to read (其中公务接待费呢), or the answer, with the query it answered when one. */
export type DescribedPart = { text: string } | { reply: Reply; query?: StructuredQuery };

/**
 * What the words describe, among the parts of the figure answered last: a part its metric lists whose name or spelling
 * holds them (三公 → 其中用在接待上的 → 其中公务接待费呢, read as typed so); else the parts its 明细 lists whose printed name
 * holds them, each as listed at its line (政府采购 → 其中买车的 → 医保局公务用车购置经费（轿车）); else, after an income figure,
 * a subject spent on (用在卫生健康上的) is that subject's expenditure, said to be one — income is not printed by use.
 * Null when the message describes nothing, or nothing was answered alone before.
 */
export function describedPart(s: Sources, understander: Understander, said: FollowUpWords, c: Conversation | undefined): DescribedPart | null {
  const d = said.described;
  // After a part answered (其中请客吃饭的 → 公务接待费), the whole it was a part of is still the figure described.
  const whole = c?.whole ?? (c?.query.targets.length === 1 ? c.query.targets[0] : undefined);
  if (!d || !c || !whole || c.query.entities.length !== 1 || c.query.set) return null;
  const words = printedWords(d);
  if (whole.kind === 'metric') {
    const spellings = (k: string) => [metricOf(k).name, ...metricOf(k).ask];
    const parts = partsWithin(whole.key);
    const spelt = parts.find((k) => words.some((w) => spellings(k).includes(w)));
    // 其中买车的: of the parts holding 车, the one whose name says it is bought (公务用车购置费, not its 运行维护费).
    const boughtParts = d.verb === 'buying' ? parts.filter((k) => words.some((w) => metricOf(k).name.includes(w)) && BOUGHT.test(metricOf(k).name)) : [];
    // The finest of them: 公务用车购置费, not 公务用车购置及运行费 it is a part of.
    const finest = boughtParts.filter((k) => !partsWithin(k).some((p) => boughtParts.includes(p)));
    const named = spelt ?? (finest.length === 1 ? finest[0] : undefined);
    // 其中 of the figure answered; 那 of another part of the same whole (其中 after a part would ask a part of that part).
    const part = c.whole ? '那' : '其中';
    if (named) return { text: `${part}${metricOf(named).name}${d.asking}` };
    for (const word of words) {
      const short = partNamedShort({ shortPart: { part, word, asking: d.asking } }, c);
      if (short) return { text: short };
    }
  }
  const listed = c.whole ? [] : partsOfLast(s, c);
  const matched = listed.filter((n) => n.figure && words.some((w) => n.figure!.label.includes(w)));
  // 其中买服务的 after 政府采购 listing its kinds and its rows: the one kind of the whole named so (政府采购服务), not it and its rows.
  const kinds = whole.kind === 'metric' ? matched.filter((n) => n.figure!.label.startsWith(metricOf(whole.key).name)) : [];
  const parts = kinds.length === 1 ? kinds : matched;
  if (parts.length > 0) {
    const lines = parts.map((n) => `${heading(n.figure!.entity, n.figure!.document)} 其中${n.figure!.label}：${show(n.figure!)}`);
    return { reply: { ...reply('answered', lines, parts.map((n) => n.figure!)), allSources: parts.length > 1 } };
  }
  if (d.verb !== 'spending' || whole.kind !== 'metric' || !INCOMES.has(whole.key)) {
    // Matched against the last figure's parts only: none described is said so, never a figure found elsewhere in the document.
    const labels = listed.flatMap((n) => (n.figure ? [n.figure.label] : [])).slice(0, NAMED_IN_BRIEF);
    return labels.length > 1 ? { reply: reply('not_found', [`${whole.text}的明细中没有“${d.thing}”那一项；列出的是：${labels.join('、')}${listed.length > labels.length ? '等' : ''}。`]) } : null;
  }
  // 用在卫生健康上的 after 收入总计: income is printed by source, not by use; the subject's expenditure, from its own table.
  const asked = understander.understand(`${c.query.entities[0]!.text} ${d.thing}`);
  const [subject] = asked.ok ? asked.query.targets : [];
  const notIncome = `收入是按来源列的，不按用途分；“用在${d.thing}上的”是支出`;
  if (!asked.ok || asked.query.targets.length !== 1 || subject!.kind !== 'subject' || asked.query.unknown.length + asked.query.candidates.length > 0) {
    return { reply: reply('not_found', [`${notIncome}，没有找到名为“${d.thing}”的支出科目。`]) };
  }
  const query: StructuredQuery = { ...asked.query, years: c.query.years, stage: c.query.stage };
  const r = answerQuery(s, query);
  return { reply: r.status === 'answered' ? beforeAnswer(r, `${notIncome}，以下是支出表中的${subject!.name}：`) : r, query };
}
