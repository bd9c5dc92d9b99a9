// Follow-ups in a chat: “那2022年呢？”, “明细呢”, “北票呢” continue the previous
// question with what the new one leaves out; and the buttons an answer offers.
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import type { Arithmetic, StructuredQuery, Target } from '../query/ast.ts';
import type { FollowUpWords } from '../query/follow-up.ts';
import { alternation } from '../query/normalize/words.ts';
import { inPlace, type Catalog } from '../query/catalog.ts';
import { sourceOfPart } from '../query/funds.ts';
import { OWN_LEVEL_WORD } from '../query/entities.ts';
import { nameKey } from '../ingest/text/cjk.ts';
import { partInKindOf } from '../query/qualifiers.ts';
import { MEASURES } from './sources.ts';
import { cutIntoColumns, metric as metricOf, SPLIT_COLUMNS } from '../store/metrics.ts';
import { cellOf, METRIC_PARTS } from './targets.ts';
import { samePrinting, type Figure } from './figures.ts';
import type { Reply } from './reply.ts';
import type { FollowUp } from './types.ts';
import { ordinalIndex } from './ordinal.ts';

/**
 * What a conversation remembers, as of its last answer: the structured query; the thing answered about (它, 这个项目,
 * 这笔钱 point at it); the last list or ranking (第二个, 最后一个), kept while the following questions go through its
 * items, or the question listing what the last item came from (曲阳 医保政策宣传经费 → 第二个呢: 曲阳's projects);
 * the figures of the last answers (这两个加起来, 三家合计); a whole a part was just asked of (剩下的).
 */
export interface Conversation {
  query: StructuredQuery;
  subject?: Named;
  items?: Named[];
  itemsFrom?: StructuredQuery;
  /** The leading figure of each of the last answers, oldest first (at most EARLIER). */
  earlier?: Named[];
  /** 三公经费 → 其中公务接待费: the whole (三公经费) the part answered last belongs to. */
  whole?: Target;
  /** The thing the last question pointed at (第一个的自评得分): 第三个呢 asks the same of another item. */
  pointed?: Named;
  /** The last answer's figures, computed ones too (照那么算全年要多少 scales the one given per month). */
  figures?: Figure[];
  /** The ranking `items` were listed by, kept with them: 那最高的呢 after 第二名是哪家 is that ranking's top row. */
  ranking?: StructuredQuery;
  /** The last answer was the rest of a list or a whole (其他的呢): asked again, nothing is left. */
  restShown?: boolean;
  /** 抚顺有哪几个单位: the list of units an ordinal counts through (names, no figures), kept while questions go through it. */
  units?: StructuredQuery;
  /** 其中用在医疗保障上的 not found: the part last asked, as typed — what a share asked of it next (占比呢) lacks. */
  missing?: string;
}

/** Words naming a thing answered: whose it is, and what it is (put where the question points back). */
export interface Named {
  entity: string;
  words: string;
  /** The words name a figure of the department (人员经费), not a thing of its own (a project, a subject). */
  metric?: boolean;
  /** The figure answered for it, for arithmetic over earlier answers. */
  figure?: Figure;
  /** An item of a list of projects: its name is read as the project's, not as a subject's of that name. */
  project?: boolean;
  /** The document it was listed from, when no figure was answered for it (表17的第一个项目). */
  documentId?: number;
}

/** How many earlier answers a conversation keeps figures of: 三家加起来 needs three; a few more cost nothing. */
const EARLIER = 5;

/**
 * How a figure of a list is named in a question: its unit and its name, a subject by its code. Of a department
 * asked about, the department (抚顺 项目支出前五 → 第二个 → 它占项目支出多少 is of 抚顺's 项目支出, though the
 * project is its 中心's); of a set, the item's own.
 */
function itemWords(f: Figure, asked: StructuredQuery): Named {
  // An item of a ranking of departments is the department (它的公用经费 is its 公用经费, not its 人员经费's).
  if ((asked.set !== null || asked.entities.length > 1) && !asked.byScore) return { entity: f.entity, words: '', figure: f };
  const code = /（(\d{3,7})）$/.exec(f.label)?.[1];
  const one = asked.entities.length === 1 && asked.entities[0]!.unitId === null ? asked.entities[0]!.name : null;
  const project = !asked.subjects && (asked.listOf === 'projects' || asked.byScore === true || asked.targets.some((t) => t.kind === 'metric' && t.key.startsWith('project')));
  return { entity: one ?? f.entity, words: f.of ?? code ?? f.label, figure: f, project: project || f.of !== undefined };
}

/**
 * The question read again with a project item's name: the name is the project's (公务员医疗补助 is also a
 * subject of the department, with another figure), in the document the item was listed from.
 */
export function pinProject(q: StructuredQuery, item: Named, catalog: Catalog): StructuredQuery {
  const doc = item.documentId ?? item.figure?.document.id;
  // Names are compared by their key: one unit prints （）, another () (抚顺 本级 and 中心, same department).
  const key = nameKey(item.words);
  const same = doc === undefined ? [] : catalog.projectsOf(doc).filter((p) => p.nameKey === key);
  // Of the unit the item was listed in (the question re-read names it), never another unit's project of that name.
  const unit = q.entities.length === 1 ? q.entities[0]!.unitId : null;
  const ofUnit = unit === null ? same : same.filter((p) => p.unitId === unit);
  const ids = (ofUnit.length ? ofUnit : same).map((p) => p.id);
  if (!item.project || ids.length === 0) return q;
  const project: Target = { kind: 'project', name: item.words, ids, text: item.words, fuzzy: false };
  const named = (t: { name?: string; text: string }) => nameKey(t.name ?? t.text) === key || nameKey(t.text) === key;
  const targets = q.targets.map((t) => (t.kind !== 'metric' && named(t) ? project : t));
  return {
    ...q,
    targets: targets.includes(project) ? targets : [project, ...targets],
    candidates: q.candidates.filter((c) => !named(c)),
    base: q.base && q.base.target.kind !== 'metric' && named(q.base.target) ? { ...q.base, target: project } : q.base,
  };
}

/**
 * The items a list or ranking answered, in the order printed, each once: figures a note adds after the list (a
 * group row of the same name and its parts) are no further items.
 */
export function listItems(query: StructuredQuery, r: Reply): Named[] {
  const seen = new Set<string>();
  return r.figures
    .filter((f) => !f.derived && !seen.has(`${f.entity}\u0000${f.label}`) && seen.add(`${f.entity}\u0000${f.label}`))
    .map((f) => itemWords(f, query));
}

// 北票项目执行率最低的: rates ranked are a list too (第二个 is the project ranked second). A list asked with an ordinal
// (第二个单位 after the units listed) answered one item of it: the list it came from is still the one counted through.
const listed = (query: StructuredQuery, r: Reply) => r.status === 'answered' && (query.intent === 'rank' || (query.intent === 'list' && query.reference?.kind !== 'item') || (query.intent === 'rate' && query.ordered === true && query.listOf === 'projects'));

/**
 * The items an ordinal counts through in an answer: a list's or ranking's, or the parts 明细 lists of a figure —
 * never the whole itself, printed before them (三公) or after them (项目支出 short of its listed projects).
 */
export function itemsOf(query: StructuredQuery, r: Reply): Named[] | undefined {
  const whole = r.whole;
  const parts = () => ({ ...r, figures: whole ? r.figures.filter((f) => f !== whole && !(f.label === whole.label && f.line === whole.line)) : whole === null ? r.figures : r.figures.slice(1) });
  // The units listed are counted through by the list itself (第二个单位: list.ts reads the units again, as listed), not as figures.
  if (query.intent === 'list' && query.listOf === 'units') return [];
  // 政府采购有哪些: the rows listed under the whole, not the whole.
  if (listed(query, r)) return listItems(query, whole ? parts() : r);
  // 北票培训多少人次: indicators found by the words typed, each at its row — what 第二项 counts through (one per row).
  if (r.status === 'answered' && query.intent === 'lookup' && query.targets.length === 0 && r.figures.length > 0 && r.figures.every((f) => f.project !== undefined)) {
    const rows = new Set<number>();
    return listItems(query, { ...r, figures: r.figures.filter((f) => !rows.has(f.line) && rows.add(f.line)) });
  }
  if (r.status !== 'answered' || query.intent !== 'breakdown' || r.figures.length < 2) return undefined;
  return listItems(query, parts());
}

/**
 * The list an ordinal after a figure answered alone counts through: of a project, its department's projects, as
 * the document prints them; of a figure made of parts (三公, 政府采购, 项目支出, a subject), its parts as 明细
 * lists them (里面第二项是啥).
 */
function listOfItem(query: StructuredQuery): StructuredQuery | undefined {
  // 一共 of one figure is that figure (政府采购一共多少).
  if (query.entities.length !== 1 || query.targets.length !== 1 || query.set || (query.arithmetic && query.arithmetic.op !== 'sum')) return undefined;
  const [t] = query.targets;
  const cleared = { reference: null, arithmetic: null, base: null, conditions: [], top: null };
  if (t!.kind === 'project') return { ...query, ...cleared, intent: 'list', listOf: 'projects', targets: [] };
  return query.intent === 'lookup' || query.intent === 'breakdown' ? { ...query, ...cleared, intent: 'breakdown' } : undefined;
}

/**
 * `pointedBack`: the question pointed at an earlier answer (第三个, 它的执行率): the list stays for the next ordinal;
 * `pointed`: the thing it pointed at, when one.
 */
export function conversation(query: StructuredQuery, r: Reply, previous?: Conversation, pointedBack = false, pointed?: Named): Conversation {
  const isList = listed(query, r);
  const figures = r.figures.filter((f) => !f.derived);
  // After a share, 它 / 这笔钱 is the part, not the base it was divided by (占专项的几成 → 这笔钱超过10万了吗).
  const base = query.intent === 'share' ? query.base?.target : undefined;
  // 其中工资福利支出 after 基本支出 (a row read in a column: [row, column]): 它 is the row, not the column it was read in.
  const [row, column] = query.targets;
  const cell = query.targets.length === 2 && row!.kind !== 'metric' && column!.kind === 'metric' && MEASURES.has(column!.key) ? row : undefined;
  const target = (base && query.targets.find((t) => t !== base)) || cell || query.targets.at(-1);
  const one = query.entities.length === 1 && target ? { entity: query.entities[0]!.name, words: targetWords(target), metric: target.kind === 'metric', figure: figures[0], project: target.kind === 'project' } : undefined;
  // After a list, 它 is its first item (the one that leads the answer).
  const subject = isList && figures[0] ? itemWords(figures[0], query) : (one ?? (figures[0] && !query.set ? itemWords(figures[0], query) : undefined));
  // 明细 → 其中医疗救助多少 → 第二个: a part answered that is an item of the last list leaves that list to count through.
  const lead0 = figures[0];
  const itemOfList = query.reference?.kind === 'part' && lead0 !== undefined && (previous?.items ?? []).some((n) => n.figure !== undefined && samePrinting(n.figure, lead0));
  const keep = !isList && (pointedBack || r.status !== 'answered' || itemOfList) ? previous : undefined;
  const lead = r.status === 'answered' && figures[0] && !r.figures[0]!.derived ? [{ ...(subject ?? { entity: figures[0].entity, words: figures[0].label }), figure: figures[0] }] : [];
  return {
    query,
    subject,
    items: itemsOf(query, r) ?? keep?.items,
    itemsFrom: isList ? undefined : keep ? keep.itemsFrom : listOfItem(query),
    ranking: isList ? (query.intent === 'rank' ? query : undefined) : keep?.ranking,
    units: unitsListed(query) ? query : keep?.units,
    earlier: [...(previous?.earlier ?? []), ...lead].slice(-EARLIER),
    // 其中公务接待费 after 三公经费: 三公经费 is the whole; kept while asking about that part.
    // 占比 after it is the part over that whole: still a part of it for 剩下的.
    // 那接待费呢 after 其中公务用车运行维护费: another part of the same whole, which stays the whole.
    // 人员经费占基本支出多少, 公用经费占多少 after 基本支出: the base is the whole the part was asked of.
    whole:
      query.reference?.kind === 'part' && previous?.query.targets.length === 1
        ? previous.query.targets[0]
        : // 其中物业管理费 after 基本支出里商品和服务支出: the row, read in the column that scoped the question.
          query.reference?.kind === 'part' && previous && cellOf(previous.query)?.scoped
          ? cellOf(previous.query)!.target
        : query.intent === 'share' && query.base && query.targets.length === 2
          ? query.base.target
        : query.base?.target === previous?.whole || (query.targets.length === 1 && previous?.whole && partOf(query.targets[0]!, previous.whole))
          ? previous?.whole
          : undefined,
    pointed,
    // Computed ones too: after a share or a ratio, 照那么算全年 says a ratio is not scaled.
    figures: r.status === 'answered' ? r.figures : previous?.figures,
  };
}

/** 剩下的呢, 其他的呢: the rest asked, nothing named — of the list, the ranking or the whole answered before. */
export const restAsked = (q: StructuredQuery): q is StructuredQuery & { arithmetic: Arithmetic } => q.arithmetic?.op === 'remaining' && q.entities.length === 0 && q.targets.length === 0;

/** 抚顺有哪几个单位 (or an ordinal into it, 第二个): the units of one department, as its document lists them. */
export const unitsListed = (q: StructuredQuery) => q.intent === 'list' && q.listOf === 'units' && q.entities.length === 1 && !q.unitKind;

/** Every figure a figure is printed as the sum of, at any depth (三公: 出国, 用车, and 用车's 购置 and 运行). */
export function partsWithin(key: string): string[] {
  return metricOf(key).parts.flatMap((p) => [p, ...partsWithin(p)]);
}

/** A figure printed as a part of a whole, at any depth (metrics.json parts: 公务用车购置费 of “三公”经费). */
function partOf(t: Target, whole: Target): boolean {
  return t.kind === 'metric' && whole.kind === 'metric' && partsWithin(whole.key).includes(t.key);
}

const targetWords = (t: StructuredQuery['targets'][number]): string => (t.kind === 'project' ? t.name : t.kind === 'subject' ? (t.codes[0] ?? t.name) : t.text);

/**
 * 上一个呢, 下一个 after 第二个: the item before or after the one pointed at last, in the list it was pointed at in —
 * the question asked with that item's ordinal (第1个). A message where the list has none there; null when the
 * question has no such word or no item of a list was pointed at.
 */
export function relativeItem(text: string, said: FollowUpWords, c: Conversation | undefined): { text: string } | { message: string } | null {
  const word = said.relative;
  const items = c?.items;
  const pointed = c?.pointed;
  if (!word || !items?.length || !pointed) return null;
  const at = items.findIndex((n) => n.entity === pointed.entity && n.words === pointed.words);
  if (at < 0) return null;
  const to = at + (shapes.references.previous.includes(word) ? -1 : 1);
  if (to < 0 || to >= items.length) return { message: `“${word}”：上一次问的是第${at + 1}个，已是列表的${to < 0 ? '第一个' : '最后一个'}（共${items.length}个）。` };
  return { text: text.replace(word, `第${to + 1}个`) };
}

// 占这一类: 占 (的) then a word naming the group of the thing answered last.
const GROUP = new RegExp(`(${alternation(shapes.share.shareOf)})(?:的)?(${alternation(shapes.share.group)})`);

/**
 * 占这一类的比重, 占同类项目的多少 after a list of projects and one of them: the group is the whole the thing answered
 * last was asked as a part of (其中公务员医疗救助 → 专项业务经费), else, for a project, the 项目支出 of the department or
 * unit asked about (its 合计 as printed) — the question read with that name. A message asking which total when the
 * conversation holds no such group: never 支出总计. Null when the question names no group after 占.
 */
export function groupBase(text: string, c: Conversation | undefined): { text: string } | { message: string } | null {
  const m = typeof text === 'string' ? GROUP.exec(text) : null;
  if (!m) return null;
  const group = c?.whole?.text ?? (c?.subject?.project ? '项目支出' : null);
  if (!group) return { message: `“${m[2]}”指的是哪个总数？请说出来，例如：它占项目支出多少、它占基本支出的比重。` };
  return { text: `${text.slice(0, m.index)}${m[1]}${group}${text.slice(m.index + m[0].length)}` };
}

/**
 * The words a question points back with stand for: an item of the last list (第2个, 最后一个) or the last
 * thing answered (它, 这个项目). Only where the question names nothing itself; null when nothing fits.
 */
export function referent(q: StructuredQuery, c: Conversation | undefined): Named | null {
  const ref = q.reference;
  if (!ref) return reasonOfRanked(q, c) ?? reasonOfFigure(q, c);
  if (!c || q.entities.length > 0 || q.set) return null;
  if (ref.kind === 'item') {
    // 第二低的呢: an item of the last question ranked that way (mergeContext), not of the list as it was shown.
    if (!c.items?.length || q.ordered) return null;
    const item = c.items[ordinalIndex(ref, c.items.length)] ?? null;
    // 第二家的公用经费 after a ranking of departments: the figure named is asked of the department at that place.
    return q.targets.length === 0 || (item && !item.words) ? item : null;
  }
  if (ref.kind !== 'it' || !c.subject) return null;
  // 它的公用经费 after 北票 人员经费: 它 is whose, when the question names a figure of its own after it.
  const after = q.text.slice(q.text.indexOf(ref.text) + ref.text.length);
  const own = q.targets.some((t) => after.includes(t.text));
  // 它有几辆车 after 抚顺 三公经费: the department's own figure too, unless the question relates two figures (它占基本支出多少).
  const whose = own && (ref.text.endsWith('的') || after.startsWith('的') || (q.intent !== 'share' && q.arithmetic === null && q.base === null));
  return whose && c.subject.metric ? { entity: c.subject.entity, words: '' } : c.subject;
}

/**
 * 是不是超过两亿了, 有没有50万 after a figure, naming nothing else: the bound is asked of the thing answered last (a yes/no
 * check of it), not a list of whatever meets it. `asked`: the question asks yes or no against an amount.
 */
export function checkedLast(q: StructuredQuery, c: Conversation | undefined, asked: boolean): Named | null {
  if (!asked || q.reference || !c?.subject || q.conditions.length !== 1 || q.set) return null;
  return q.entities.length + q.targets.length + q.unknown.length + q.candidates.length === 0 ? c.subject : null;
}

/**
 * 为啥, 为什么 alone after a figure answered alone: why of that figure, read as if typed after its name (北票三公经费为什么:
 * the change the text states and its reason) — not the figure again.
 */
function reasonOfFigure(q: StructuredQuery, c: Conversation | undefined): Named | null {
  if (!q.reason || !c?.subject?.words || q.entities.length + q.targets.length + q.unknown.length + q.candidates.length > 0 || q.set) return null;
  return c.query.intent === 'lookup' && c.query.targets.length === 1 && c.query.entities.length === 1 ? c.subject : null;
}

/**
 * 为什么这么低 after 执行率最低的项目 or a ranking of scores: why of the item that leads the ranking, in the measure
 * ranked (its 执行率, its 自评得分) — never of every item.
 */
function reasonOfRanked(q: StructuredQuery, c: Conversation | undefined): Named | null {
  if (!q.reason || !c?.subject?.words || q.entities.length > 0 || q.targets.length > 0 || q.set) return null;
  const previous = c.query;
  const measure = previous.byScore ? '自评得分' : previous.intent === 'rate' ? '执行率' : null;
  const ranked = previous.intent === 'rank' || previous.ordered === true;
  return measure && ranked ? { ...c.subject, words: `${c.subject.words} ${measure}` } : null;
}

/**
 * The department a follow-up naming none is read within: the previous question's one department, when the
 * question has words read loosely (a project name, a unit word, words not understood). Read alone they would be
 * looked up in every document (这个钱是按工资总额的多少比例筹的 after 抚顺 found a 曲阳 project's 工资).
 */
/**
 * 它占中心项目支出的比例 after 抚顺医保中心: a word the units of several departments go by (中心), the previous
 * department's among them, is no question of which: it is left to be read within that department, as a word of it.
 */
export function placeInConversation(q: StructuredQuery, c: Conversation | undefined): void {
  const previous = c?.query.entities;
  const [named] = q.entities;
  if (previous?.length !== 1 || q.entities.length !== 1 || !named!.alternatives?.length) return;
  if (![named!, ...named!.alternatives].some((e) => e.department === previous[0]!.department)) return;
  q.entities = [];
  q.unknown = [...q.unknown, named!.text];
}

export function scopeOfFollowUp(q: StructuredQuery, c: Conversation | undefined): string | null {
  const previous = c?.query.entities;
  if (!previous || previous.length !== 1 || q.entities.length > 0 || q.set) return null;
  const loose = q.unknown.length > 0 || q.candidates.length > 0 || q.targets.some((t) => t.kind === 'project');
  // The department's, not a unit's of it: another unit may be named (城乡居民那个中心呢 after 其中医疗保险所多少).
  return loose ? previous[0]!.department : null;
}

/**
 * A follow-up read again after its department's name: what it names is taken from that reading; the department
 * stays the previous one's (carried on by mergeContext) unless the words named a unit of it (医保中心呢).
 */
export function readWithin(q: StructuredQuery, scoped: StructuredQuery, department: string): StructuredQuery {
  const own = scoped.entities.length === 1 && scoped.entities[0]!.name === department;
  // 医保中心呢 after 沈阳医保中心: a word naming the department itself asks its question again (the entity stays said).
  const itself = own && q.unknown.length > 0 && scoped.unknown.length === 0 && scoped.targets.length === 0;
  // 本级的呢 of a department holding no unit of its own level: the department stays said, so the measure carried on is
  // said to be printed only for the whole (dispatch), never the question left unread.
  const noOwnLevel = own && scoped.unknown.length === 1 && scoped.unknown[0] === OWN_LEVEL_WORD;
  return { ...q, intent: scoped.intent, targets: scoped.targets, candidates: scoped.candidates, unknown: scoped.unknown, entities: own && !itself && !noOwnLevel ? [] : scoped.entities, listOf: scoped.listOf, base: scoped.base };
}

/**
 * The question with the words pointing back replaced by the thing pointed at, after whose it is: 第二个的执行率 →
 * `抚顺 城乡医疗救助 的执行率`. A table named with an ordinal (表17的第1个项目) and 项目 after it go with it.
 */
export function pointedText(q: StructuredQuery, item: Named, c?: Conversation): string {
  const ref = q.reference;
  if (!ref) return `${item.entity} ${item.words} ${q.text}`;
  const again = askedAgain(q, item, c);
  if (again) return again;
  const text = q.table ? q.text.replace(q.table.text, ' ') : q.text;
  const at = text.indexOf(ref.text);
  // 第二个项目的执行率: 项目 names the item pointed at; 它的项目支出 after a department is that department's 项目支出.
  const rest = text.slice(at + ref.text.length).replace(item.project ? /^(?:个)?(?:项目)?/ : /^个?/, '');
  // 第二个 after 北票项目执行率最低的: that project's rate, the measure ranked, when nothing else is asked of it (第二个的执行数
  // asks a stage's amount).
  const measure = ref.kind === 'item' && c?.query.intent === 'rate' && q.intent === 'lookup' && q.stage === null && q.targets.length + q.unknown.length + q.candidates.length === 0 ? ' 执行率' : '';
  return `${item.entity} ${text.slice(0, at)} ${item.words}${measure} ${rest}`;
}

/**
 * 第三个呢 after 第一个的自评得分: an item alone, after a question about another item of the same department, is
 * that question asked of it (its score, not its amount). Null when the question names more than the item (a stage, its name).
 */
function askedAgain(q: StructuredQuery, item: Named, c: Conversation | undefined): string | null {
  const before = c?.pointed;
  // 第二个的执行数, 最后一个叫什么: a stage or the name asked is a question of its own, not the last one again.
  if (q.reference?.kind !== 'item' || q.targets.length + q.unknown.length + q.candidates.length > 0 || q.intent !== 'lookup' || q.arithmetic || q.table || q.stage !== null || q.nameAsked) return null;
  if (!before?.words || !item.words || before.entity !== item.entity || !c!.query.text.includes(before.words)) return null;
  return c!.query.text.replace(before.words, item.words);
}

/** Intents worth carrying into a follow-up that names none. */
const CARRIED = new Set(['breakdown', 'share', 'performance', 'rate']);
/** Arithmetic one figure takes part in: asked after a figure, it is on that figure (增长率: its change from last year). */
const ONE_FIGURE = new Set(['remaining', 'per_head', 'per_unit', 'per_month', 'growth']);
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
    q.listOf !== null ||
    q.arithmetic !== null ||
    q.reason ||
    q.reference !== null ||
    q.conditions.length > 0 ||
    q.set !== null ||
    q.catalogue ||
    q.money === true
  );
}

/**
 * 预算最多的是哪个 after 曲阳有哪些项目: 预算 is the listed projects' amount, not the departments with a 预算 (no set word was
 * typed, only a stage and 哪个): the question ranks the list, in its document.
 */
function amountOfListed(q: StructuredQuery, previous: StructuredQuery | undefined): StructuredQuery {
  const listed = previous?.intent === 'list' && previous.listOf === 'projects' && previous.entities.length === 1;
  const stageOnly = q.set !== null && q.set.text === '' && q.set.places.length === 0;
  return listed && stageOnly && q.intent === 'rank' && q.entities.length + q.targets.length === 0 ? { ...q, set: null, stage: null } : q;
}

const THAN: ReadonlySet<string> = new Set(shapes.arithmetic.than);

/**
 * 辽宁那家, 河北那个, 辽宁的呢: a place alone or with a pointing word (那家, 那个), no set word of its own (辽宁的医保局, 辽宁各家
 * are the place's departments), no stage, count or exclusion.
 */
function pointsIntoShown(set: StructuredQuery['set']): boolean {
  if (!set || set.places.length === 0 || set.which || set.except || set.stage !== null || set.count !== undefined) return false;
  return /^[这那]/.test(set.text) || set.places.some((p) => p.startsWith(set.text));
}

/**
 * Several departments named (or shown the turn before) and a place pointing into them (抚顺和曲阳… 河北那个, 辽宁那家呢): those
 * of them in that place — first, the others after, where a difference is asked of them (河北那个多多少: its figure less the
 * others'); none of them there, and the place means its own departments.
 */
export function withinShown(catalog: Catalog, q: StructuredQuery): StructuredQuery {
  if (q.entities.length < 2 || !pointsIntoShown(q.set)) return q;
  const places = q.set!.places;
  const shown = q.entities.filter((e) => places.some((p) => inPlace(catalog, e.department, p)));
  if (shown.length === 0) return { ...q, entities: [] };
  // 抚顺和莲湖比三公经费，辽宁那家多少: 比 alone (no 多 / 少, no word of a difference) only compared them; the place's own is asked.
  const compared = q.arithmetic?.op === 'difference' && q.arithmetic.direction === null && THAN.has(q.arithmetic.text);
  if (compared) return { ...q, set: null, entities: shown, arithmetic: null, intent: 'lookup' };
  if (q.arithmetic?.op === 'difference' && shown.length < q.entities.length) return { ...q, set: null, entities: [...shown, ...q.entities.filter((e) => !shown.includes(e))] };
  // 北票跟莲湖的人员经费，陕西那个是多少: one of the departments compared is its figure, no comparison over years.
  const alone = shown.length === 1 && q.intent === 'compare' && !q.previousYear && !q.changeAsked;
  return { ...q, set: null, entities: shown, ...(alone ? { intent: 'lookup' as const } : {}) };
}

/** `whole`: the whole the previous answer was asked as a part of (其中住房公积金 after 人员经费), the base of 占比 after it. */
export function mergeContext(typed: StructuredQuery, previous: StructuredQuery | undefined, whole?: Target): StructuredQuery {
  const q = amountOfListed(typed, previous);
  // 第二个呢 past the end of the list, 它 with nothing answered before: not the previous question again.
  if (q.reference && q.reference.kind !== 'part' && q.entities.length === 0 && q.targets.length === 0 && q.intent === 'lookup') return q;
  if (!previous || !understoodAnything(q)) return q;
  const complete = q.targets.length > 0 && q.entities.length > 0;
  // The question read in the department, year and stage of the one before (a year or stage typed stays).
  const ofLast = (more: Partial<StructuredQuery> = {}): StructuredQuery => ({ ...q, entities: previous.entities, years: q.years.length ? q.years : previous.years, stage: q.stage ?? previous.stage, ...more });
  // 都有什么, 买了些什么 after 曲阳政府采购 (a list naming nothing after one figure): the items of that figure.
  const itemsOfLast = q.intent === 'list' && q.listOf === null && q.entities.length + q.targets.length + q.conditions.length === 0 && !q.set && previous.entities.length === 1 && previous.targets.length === 1 && previous.targets[0]!.kind === 'metric';
  if (itemsOfLast) return ofLast({ targets: previous.targets });
  // 有哪些项目, 有几个项目 after 北票 项目支出: that department's list, in its year and stage — nothing else of the question before.
  const listOfLast = q.intent === 'list' && (q.listOf === 'projects' || q.listOf === 'units') && q.entities.length === 0 && !q.set && q.asked?.departmentWhich !== true && previous.entities.length === 1 && previous.set === null;
  if (listOfLast) return ofLast();
  if (complete || q.intent === 'list' || q.candidates.length > 0 || (q.entities.length > 0 && STANDALONE.has(q.intent))) return q;
  // 曲阳 → 都花在哪些方面: where the money of the department named alone goes — its 类 subjects ranked, as 曲阳的钱花在哪 asks.
  const spentOfDepartment = q.intent === 'breakdown' && q.level === '类' && q.targets.length + q.entities.length === 0 && !q.set && previous.targets.length === 0 && previous.entities.length === 1 && previous.listOf === null && previous.set === null;
  if (spentOfDepartment) return ofLast({ intent: 'rank', subjects: true });
  const sameEntities = q.entities.length === 0;
  // 哪个地方的政府采购最多 after 莲湖政府采购: the departments ranked, not 莲湖's items; nor its year or stage kept.
  // (这家, 那几家, 这几个 point back at the departments named before: no set then; nor is a which-word asking the
  // difference of those pointed at, 这两家谁家的项目支出少一些.)
  const pointedPair = q.arithmetic?.op === 'difference' && q.arithmetic.count !== null;
  // 辽宁那家呢, 河北那个是多少 after several departments shown: a place pointing into them (withinShown), not the place's departments.
  const intoShown = previous.entities.length > 1 && pointsIntoShown(q.set);
  // 三家的基本支出加起来 after three departments named: the count is theirs, as 这三家 is.
  const countedBack = q.set?.count !== undefined && q.set.count === previous.entities.length;
  const overSet = sameEntities && previous.set === null && !intoShown && !countedBack && ((q.set !== null && !/^[这那]/.test(q.set.text)) || (q.asked?.departmentWhich === true && !pointedPair));
  // 人员经费呢 after a cell (卫生健康支出·基本支出) asks for the same row in another column.
  const cell = cellOf(previous);
  const measureOnly = q.targets.length === 1 && q.targets[0]!.kind === 'metric' && MEASURES.has(q.targets[0]!.key);
  // 其中基本支出 after 卫生健康支出: the row's cell in that column; 其中项目支出 after 三公经费, a figure cut into no columns,
  // its own cell too (not printed), never the department's 项目支出.
  const [first] = previous.targets;
  const row = previous.targets.length === 1 && (first!.kind !== 'metric' || (measureOnly && SPLIT_COLUMNS.has((q.targets[0] as { key: string }).key) && cutIntoColumns(first!.key))) ? first! : null;
  const partOfRow = q.reference?.kind === 'part' && measureOnly && row && sameEntities;
  // 其中卫生健康支出 after 项目支出: that row's cell in the column asked; 社会保障和就业支出呢 after such a cell: another row's.
  const [named] = q.targets;
  const rowOnly = q.targets.length === 1 && named!.kind === 'subject' && sameEntities && !q.arithmetic && q.intent === 'lookup';
  // Only the columns a subject's row is split into (基本支出, 项目支出): 其中住房公积金 after 人员经费 is its economic part.
  const column = previous.targets.length === 1 && previous.targets[0]!.kind === 'metric' && SPLIT_COLUMNS.has(previous.targets[0]!.key) ? previous.targets[0]! : null;
  const rowOfColumn = rowOnly && q.reference?.kind === 'part' && column ? [named!, column] : rowOnly && cell ? [named!, previous.targets.find((t) => t.kind === 'metric')!] : null;
  // 其中车辆 after 固定资产: the money of the part; 车辆呢 too, the money being one of the parts it is listed with.
  const inKind = sameEntities && q.targets.length === 1 ? partInKindOf(previous.targets, q.targets[0]!, q.text.slice(q.text.indexOf(q.targets[0]!.text))) : null;
  const [last] = previous.targets;
  const listedPart = inKind !== q.targets[0] && inKind?.kind === 'metric' && previous.targets.length === 1 && last!.kind === 'metric' && METRIC_PARTS[last!.key]?.includes(inKind.key);
  const part = q.reference?.kind === 'part' || listedPart ? inKind : null;
  // 其中上年结转 after 项目支出: the cell of that source in the row printing it (source-parts.ts).
  const [asked] = previous.targets;
  const sourced = q.reference?.kind === 'part' && sameEntities && q.targets.length === 1 && previous.targets.length === 1 && sourceOfPart(asked!, q.targets[0]!) ? [asked!, q.targets[0]!] : null;
  const shared = shareOfLast(q, previous, sameEntities, whole) ?? unitShareOfLast(q, previous);
  // 沈阳那个中心呢 after 抚顺项目支出前5: the same ranking, of the department named.
  const reranked = !sameEntities && q.intent === 'lookup' && q.targets.length === 0 && q.arithmetic === null && previous.intent === 'rank' && previous.set === null && previous.entities.length === 1;
  // 最低的呢, 第二低的是哪个 after 北票项目执行率: the same rates, ranked.
  const rates = q.intent === 'rank' && q.targets.length === 0 && sameEntities && previous.intent === 'rate';
  // 哪个最低 after 平均分呢 or 自评得分: the projects ranked by their scores, not the score asked ranked as money.
  const scores = q.intent === 'rank' && q.targets.length === 0 && sameEntities && aboutScores(previous);
  // 那资金呢, 那预算数呢 after a project's targets: its money, not its targets again.
  const money = (q.money === true || q.stage !== null) && q.targets.length === 0 && sameEntities && previous.intent === 'performance' && q.intent === 'lookup';
  // 还剩多少没花, 人均多少 after a figure: computed on that figure (its budget less its spending, over the headcount).
  const onLast = q.arithmetic !== null && ONE_FIGURE.has(q.arithmetic.op) && q.targets.length === 0 && sameEntities && previous.targets.length > 0;
  // 其中医疗救助多少 after 卫生健康支出 明细: the part's figure, not its own 明细 (其中X asks the part X of the whole, never a list).
  const partOfBreakdown = previous.intent === 'breakdown' && q.reference?.kind === 'part' && q.targets.length > 0;
  const targets = shared ? shared.targets : scores ? [] : q.targets.length === 0 ? previous.targets : sourced ? sourced : rowOfColumn ? rowOfColumn : cell && measureOnly ? [cell.target, q.targets[0]!] : partOfRow ? [row, q.targets[0]!] : part ? [part] : q.targets;
  // Words not understood stay: “那2022年的上海呢” is not the previous question for 2022.
  return {
    ...q,
    entities: sameEntities && !overSet ? previous.entities : q.entities,
    set: q.set ?? (sameEntities ? previous.set : null),
    years: q.years.length ? q.years : sameEntities && !overSet ? previous.years : [],
    stage: q.stage ?? (sameEntities && !overSet ? previous.stage : null),
    targets,
    // 离休医疗保障呢 after 北票 执行率 asks for its rate too; 最高呢 after a score ranking ranks scores.
    ...(reranked ? { top: previous.top, ascending: previous.ascending, ordered: previous.ordered } : {}),
    // 沈阳是抚顺的多少倍 after both departments' 三公经费: the arithmetic on that figure of each.
    // 这两个地方哪个人员经费高，高出多少 after two departments: the figure named, of each of them.
    intent: onLast || (q.intent === 'compare' && q.arithmetic !== null && q.targets.length === 0 && previous.targets.length > 0) || (q.arithmetic?.op === 'difference' && sameEntities && !overSet && previous.entities.length === 2 && q.targets.length > 0) ? 'arithmetic' : money ? 'lookup' : rates || reranked || (q.intent === 'lookup' && CARRIED.has(previous.intent) && (q.targets.length === 0 || sameEntities) && !partOfBreakdown) ? previous.intent : q.intent,
    listOf: rates || reranked ? previous.listOf : q.listOf,
    byScore: q.byScore || scores || (reranked && previous.byScore === true),
    base: shared ? shared.base : q.base,
  };
}

/**
 * A question about 自评 scores: a ranking of them, a score figure (平均分), the average of the projects' scores, a count
 * of the self-evaluations (自评了几个项目: listed with their scores).
 */
const aboutScores = (q: StructuredQuery): boolean =>
  q.byScore || q.targets.some((t) => t.kind === 'metric' && metricOf(t.key).kind === 'score') || (q.intent === 'performance' && (q.arithmetic?.op === 'average' || q.countAsked === true));

/**
 * A share asked of the figure just answered: 占支出总计多少 is that figure over the base named; 人员经费占多少 is
 * the part named over that figure (when it is a whole of it: the share checks).
 */
function shareOfLast(q: StructuredQuery, previous: StructuredQuery, sameEntities: boolean, whole?: Target): Pick<StructuredQuery, 'targets' | 'base'> | null {
  if (q.intent !== 'share' || !sameEntities || previous.set) return null;
  const parts = previous.targets.filter((t) => t !== previous.base?.target);
  // 占比 after 其中住房公积金: the part over the whole it was asked of, not over a whole of its own.
  if (q.targets.length === 0 && !q.base && whole && parts.length === 1) return { targets: [parts[0]!, whole], base: { target: whole, whole: false, implied: true } };
  // 占多少 after 基本支出里商品和服务支出 → 其中物业管理费: the part's cell over the whole's, in the column typed first.
  const cell = q.targets.length === 0 && !q.base && whole ? cellOf({ targets: parts }) : null;
  if (cell) return { targets: [parts.find((t) => t !== cell.target)!, cell.target, whole!], base: { target: whole!, whole: false, implied: true } };
  if (q.targets.length !== 1 || parts.length === 0) return null;
  if (q.base) {
    // 占商品和服务支出 after 商品和服务支出里的办公费 (a cell): the base read in the column the part was answered in.
    const cell = cellOf({ targets: parts });
    const scoped = cell && !cell.scoped && q.base.target.kind !== 'metric' ? [parts.find((t) => t !== cell.target)!, cell.target] : parts;
    return { targets: [...scoped, q.base.target], base: q.base };
  }
  const last = parts.length === 1 ? parts[0]! : null;
  if (!last || (last.kind === q.targets[0]!.kind && JSON.stringify(last) === JSON.stringify(q.targets[0]))) return null;
  return { targets: [q.targets[0]!, last], base: { target: last, whole: false, implied: true } };
}

/**
 * 本级占多少, 医保中心那部分占多少 after a department's figure (抚顺项目支出): the unit's row over the department's whole of
 * that figure (a table printing it per unit), as 占全局项目支出 asks.
 */
function unitShareOfLast(q: StructuredQuery, previous: StructuredQuery): Pick<StructuredQuery, 'targets' | 'base'> | null {
  const [last] = previous.targets;
  const [department] = previous.entities;
  if (q.intent !== 'share' || q.targets.length > 0 || q.base || previous.targets.length !== 1 || previous.entities.length !== 1) return null;
  if (q.entities.length === 0 || !q.entities.every((e) => e.unitId !== null && e.department === department!.department)) return null;
  return { targets: [last!], base: { target: last!, whole: true } };
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
