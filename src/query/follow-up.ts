// Messages that only continue the conversation (单位是元吗, 一共几项, 展开说说, 还有吗, 这是哪个项目的, 那全年呢, 倒过来,
// 第二项是干什么的, 其中运行费那部分呢):
// their words read once, off the message as typed, before it is read as a question — the follow-ups answer by these
// fields, not by testing the message again.
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import words from '../../grammar/words.json' with { type: 'json' };
import { expandArabicMultipliers, parseAmountYuan } from './normalize/amount.ts';
import { convertChineseNumerals } from './normalize/numerals.ts';
import { alternation } from './normalize/words.ts';
import { MONEY, NUMBER, SCALE } from './yes-no.ts';

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

// 倒过来, 反过来排一下吧: a word turning the last ranking round.
const FLIP_WORDS = `^\\s*(?:那|再)?(?:${alternation(shapes.references.flip.words)})(?:排)?(?:一下|看看|试试)?(?:呢|吧|啊)?`;
// A message made of those words, and nothing else.
const FLIP = new RegExp(`${FLIP_WORDS}[\\s?？。!！]*$`);
// 倒过来，最少的三个呢: the same words, then how many of the ranking turned round (and which end).
const FLIP_THEN = new RegExp(`${FLIP_WORDS}[，,、；;\\s]+(.+)$`);

// 第二项是干什么的, 它是做什么用的: an item pointed at, then words asking what it is for.
const PURPOSE = new RegExp(`(?:${alternation(shapes.references.purpose)})[呢啊吧吗么?？。\\s]*$`);

// 其中运行费那部分呢, 里面接待那块: a short word between a word of a part and a word of its kind (one of them typed).
const SHORT_PART = new RegExp(
  `^\\s*那?(${alternation(shapes.references.part)})?的?(\\p{Script=Han}{1,8}?)(${alternation(shapes.references.partKinds)})?(呢|是多少|有多少|多少钱|多少)?[?？。\\s]*$`,
  'u',
);

const source = shapes.references.sourceOfTotal;
const MONEY_WORD = `(?:${alternation(words.moneyWords.plain)})`;
// 这五个多亿, 这5.87亿元, 这些钱: the pointing words, then an amount of money (个 and 多 / 来 / 几 around its scale), then the asking words.
const SOURCE_AMOUNT = `(${NUMBER})个?(多|来|几)?(${SCALE})(多)?${MONEY}?${MONEY_WORD}?`;
const SOURCE_ASKED = new RegExp(`^(?:${alternation(source.pointing)})?(?:${SOURCE_AMOUNT})?(?:的)?${MONEY_WORD}?(?:都|主要)?(?:${alternation(source.asked)})[啊呀呢吗？?。！!\\s]*$`);
const SOURCE_POINTED = new RegExp(`^(?:${alternation(source.pointing)})`);
const SOURCE_MONEY_FIRST = new RegExp(`^${MONEY_WORD}`);
const SOURCE_WORDS = new RegExp(alternation(source.asked));
const SOURCE_SAID_END = new RegExp(`的?${MONEY_WORD}?$`);

/** 这五个多亿是从哪来的: the message trimmed, and the amount typed (null when none). */
function sourceAskedOf(message: string): FollowUpWords['sourceOfTotal'] {
  const typed = message.trim();
  const m = SOURCE_ASKED.exec(typed);
  // Pointing words, an amount or 钱 must be typed (钱是从哪儿来的 after a total points at it too): 从哪来 alone is read as any question is.
  if (!m || (!m[1] && !SOURCE_POINTED.test(typed) && !SOURCE_MONEY_FIRST.test(typed))) return undefined;
  if (!m[1]) return { typed, amount: null };
  // The amount as typed, for a message: the words before the asking ones, the pointing words and 的钱 left off.
  const said = typed.slice(0, typed.search(SOURCE_WORDS)).replace(SOURCE_POINTED, '').replace(SOURCE_SAID_END, '');
  const yuan = parseAmountYuan(expandArabicMultipliers(convertChineseNumerals(`${m[1]}${m[3]}`)));
  return { typed, amount: { yuan, about: m[2] !== undefined || m[4] !== undefined, said } };
}

// 省财政的呢, 中央那个呢: a level of government funding alone, pointing at a project like the last (shapes.json references.fundingLevel).
const { levels: FUNDING_LEVELS, pointing: LEVEL_POINTING } = shapes.references.fundingLevel;
const LEVEL_OF_ASKED = new Map(Object.entries(FUNDING_LEVELS).flatMap(([level, l]) => l.asked.map((w) => [w, level] as const)));
const LEVEL_ASKED = new RegExp(`^\\s*那?(${alternation([...LEVEL_OF_ASKED.keys()])})(?:${alternation(LEVEL_POINTING)})?(?:呢|是多少|有多少|多少钱|多少)?[?？。\\s]*$`);

// 其中买车的, 其中用在宣传上的, 其中财政给的多少: a part of the last figure described by what it buys, what it is spent on,
// or an everyday name (shapes.json references.describedPart).
const { buying: BUYING, spending: SPENDING, after: SPENT_AFTER, everyday: EVERYDAY, names: THINGS } = shapes.references.describedPart;
const DESCRIBED = new RegExp(
  `^\\s*那?(?:${alternation(shapes.references.part)})?的?(?:(${alternation(BUYING)})(\\p{Script=Han}{1,8}?)的|(${alternation(SPENDING)})(\\p{Script=Han}{1,8}?)(?:${alternation(SPENT_AFTER)})|(${alternation(Object.keys(EVERYDAY))})|(${alternation(Object.keys(THINGS))})的)(?:那部分|那笔|部分|钱)?(呢|是多少|有多少|多少钱|多少|花了多少)?[?？。\\s]*$`,
  'u',
);

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
  /** 倒过来, 倒过来，最少的三个呢: the last ranking turned round — `then` the words typed after, null when none. */
  flip?: { then: string | null };
  /** 第二项是干什么的, 它是干嘛的: what the item pointed at is for — `before` the words pointing at it ('' when none). */
  purpose?: { before: string };
  /**
   * 其中运行费那部分呢, 运行费那部分: a short word (`word`) after a word of a part (`part`: 其中) or before one of its kind
   * (那部分), and the words asking after them (`asking`: 呢, 多少).
   */
  shortPart?: { part?: string; word: string; asking?: string };
  /**
   * 这五个多亿是从哪来的, 这些钱从哪来: where the money answered last comes from — `typed` the message trimmed; `amount` the
   * amount typed (null when none): in 元 (null when unreadable), `about` when 多 / 来 / 几 stand beside its scale, `said` as typed.
   */
  sourceOfTotal?: { typed: string; amount: { yuan: number | null; about: boolean; said: string } | null };
  /**
   * 其中买车的 (`verb` buying, `thing` 车), 其中用在宣传上的 (spending, 宣传), 其中坐车的 (named: a thing of
   * describedPart.names), 其中财政给的多少 (named, `everyday`: the name typed, its `thing` too): a part of the last figure
   * described; `asking` the words asking after it (呢 when none).
   */
  described?: { verb: 'buying' | 'spending' | 'named'; thing: string; everyday?: string; asking: string };
  /** 省财政的呢, 中央那个呢: the level of funding asked (a key of shapes.json references.fundingLevel.levels). */
  level?: string;
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
  const then = FLIP.test(message) ? null : FLIP_THEN.exec(message)?.[1];
  if (then !== undefined) said.flip = { then };
  const purpose = PURPOSE.exec(message);
  if (purpose) said.purpose = { before: message.slice(0, purpose.index).trim() };
  const part = SHORT_PART.exec(message);
  if (part && (part[1] || part[3])) said.shortPart = { part: part[1], word: part[2]!, asking: part[4] };
  const whence = sourceAskedOf(message);
  if (whence) said.sourceOfTotal = whence;
  const described = DESCRIBED.exec(message);
  if (described) {
    const [, bought, boughtThing, spent, spentThing, name, thing, asking] = described;
    said.described = { verb: bought ? 'buying' : spent ? 'spending' : 'named', thing: (boughtThing ?? spentThing ?? name ?? thing)!, asking: asking ?? '呢', ...(name ? { everyday: name } : {}) };
  }
  const level = LEVEL_ASKED.exec(message)?.[1];
  if (level) said.level = LEVEL_OF_ASKED.get(level);
  return said;
}
