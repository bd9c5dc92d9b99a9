// Messages that only continue the conversation (单位是元吗, 一共几项, 展开说说, 还有吗, 这是哪个项目的, 那全年呢):
// their words read once, off the message as typed, before it is read as a question — the follow-ups answer by these
// fields, not by testing the message again.
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import { alternation } from './normalize/words.ts';

const particles = '(?:呢|啊|吧|吗|么)?[\\s?？。!！]*$';
const { unitAsked, provenance } = shapes.references;
// 单位是元吗, 这个数什么单位: a message asking only the unit of what was just answered.
const UNIT_ASKED = new RegExp(`^\\s*(?:${alternation(unitAsked.before)})?的?(?:${alternation(unitAsked.words)})[吗呢啊吧么?？。\\s]*$`);
export const PROVENANCE_KINDS = ['project', 'unit', 'table'] as const;
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];
// 这是哪个项目的, 属于哪个单位, 在哪张表: a message asking only where the thing answered last belongs.
const PROVENANCE = new RegExp(
  `^\\s*(?:${alternation(provenance.before)})?(?:${PROVENANCE_KINDS.map((k) => `(${alternation(provenance[k])})`).join('|')})[呢啊吧吗么?？。\\s]*$`,
);
// 一共几项, 展开说说, 还有吗: a message made only of these words.
const LIST_COUNT = new RegExp(`^\\s*(?:那|这|上面)?(?:${alternation(shapes.references.listCount.words)})${particles}`);
const EXPAND = new RegExp(`^\\s*(?:那|再|请)?(?:${alternation(shapes.references.expand.words)})${particles}`);
const MORE = new RegExp(`^\\s*(?:那)?(?:${alternation(shapes.references.more.words)})${particles}`);
const { pointing, asked, rest } = shapes.perYear;
// 照那么算全年要多少: the whole message is the follow-up — pointing words, then the year asked, then only words of asking.
const PER_YEAR = new RegExp(`^(?:${alternation(pointing)})*(?:${alternation(asked)})(?:${alternation(rest)})*$`);

// 上一个呢, 下一个: the item before or after the one pointed at; 上一个问题 and 前一个月 are no items, 最后一个 is the last.
const RELATIVE = new RegExp(`(?<![最倒末])(?:${alternation([...shapes.references.previous, ...shapes.references.next])})(?![问月年季])`);

/** What a message says when it only continues the conversation; each field present when it says that. */
export interface FollowUpWords {
  /** 单位是元吗: the unit of what was just answered. */
  unit?: true;
  /** 这是哪个项目的, 属于哪个单位, 在哪张表: where the thing answered last belongs — which is asked first. */
  provenance?: ProvenanceKind;
  /** 一共几项: how many the last list holds. */
  listCount?: true;
  /** 展开说说: the last figure's detail. */
  expand?: true;
  /** 还有吗, 还有别的吗: the rest of the last list. */
  more?: true;
  /** 照那么算全年要多少: the figure answered per month or quarter, for a year. */
  perYear?: true;
  /** 上一个, 下一个 (anywhere in the message): the item before or after the one pointed at — the word typed. */
  relative?: string;
}

/** The follow-up words of a message as typed (anything that is no string says none). */
export function followUpOf(message: unknown): FollowUpWords {
  const said: FollowUpWords = {};
  // 那全年呢？ is read without its spaces and punctuation.
  if (PER_YEAR.test(String(message ?? '').replace(/[\s\p{P}]/gu, ''))) said.perYear = true;
  if (typeof message !== 'string') return said;
  if (UNIT_ASKED.test(message)) said.unit = true;
  const where = PROVENANCE.exec(message);
  if (where) said.provenance = PROVENANCE_KINDS[where.slice(1).findIndex((g) => g !== undefined)]!;
  if (LIST_COUNT.test(message)) said.listCount = true;
  if (EXPAND.test(message)) said.expand = true;
  if (MORE.test(message)) said.more = true;
  const relative = RELATIVE.exec(message)?.[0];
  if (relative) said.relative = relative;
  return said;
}
