// The engine every front end uses: a question (and the chat's context) in, an
// answer with figures and sources out. Built once: the lexicon, the project
// index and the prepared queries live as long as the engine.
import { databasePath } from '../config.ts';
import { startupArtefacts } from '../query/artefacts.ts';
import { MAX_QUESTION_CHARS } from '../query/limits.ts';
import { followUpOf } from '../query/follow-up.ts';
import { createUnderstander } from '../query/understand.ts';
import { openStore } from '../store/db.ts';
import { prepareQueries } from './data.ts';
import { describedAnswer, describedQuery, goalAnswer } from './described-project.ts';
import { yesNoFirst } from './yes-no.ts';
import { checked } from '../query/yes-no.ts';
import type { StructuredQuery } from '../query/ast.ts';
import { checkedLast, conversation, followUps, groupBase, relativeItem, placeInConversation, mergeContext, withinShown, pinProject, pointedText, readWithin, referent, scopeOfFollowUp, understoodAnything, type Conversation } from './dialog.ts';
import { answerQuery, inTenths, outcomeOfTargets, readsEveryDocument } from './dispatch.ts';
import { overEarlier, overRanking, remainderQuery } from './earlier.ts';
import { countInstead, countOfList, expandLast, moreAsked, otherTargetOfProject, extremeOfRanking, flippedRanking, nothingLeft, perTargetOfLast, provenanceOfLast, targetByMeasure, indicatorFollowUp, unitOfLast, itemAsIs, partOfWhole, projectOfTargets, restOfList, restOfWhole, wholeChanged, withItems, pastEndOfList, unitOfList, purposeOfItem, partNamedShort, rowOfLast } from './follow-ups.ts';
import { narratedFirst, printedItem } from './print-order.ts';
import { tableRow } from './table-rows.ts';
import { perYearFollowUp } from './annual.ts';
import { sourceOfTotal } from './source-of-total.ts';
import { siblingByLevel } from './funding-level.ts';
import { describedPart } from './described-part.ts';
import { reply, toResult, type Formatted, type Reply } from './reply.ts';
import { createMemo, isKept, type Sources } from './sources.ts';
import type { AskResult, CatalogDocument, DialogContext, Engine } from './types.ts';

const REFUSALS = {
  empty: '请输入一个问题，例如：曲阳 2023 三公经费。',
  too_long: `问题太长了（超过${MAX_QUESTION_CHARS}个字）。请简短地问，例如：沈阳 2023 邮电费。`,
  unparsed: '没有看懂这个问题的结构。请换个说法，例如：曲阳 2023 三公经费；抚顺 2024 项目支出 前5。',
};

/** 这个项目属于哪个单位: the unit of the figure that leads the answer is said first. */
function whose(r: Reply): Reply {
  const f = r.figures[0];
  return r.status === 'answered' && f ? { ...r, lines: [`${f.label}属于${f.entity}。`, ...r.lines] } : r;
}

/** Said when answering failed on something unforeseen: no figure rather than a wrong one. */
export const ENGINE_FAILED = '抱歉，这个问题处理时出错了，没有给出答案。请换个说法再问，例如：曲阳 2023 三公经费。';

export interface EngineOptions {
  dbPath?: string;
  /** Told of a question whose answering threw (a bug): the front end logs it. Default: one line on stderr. */
  onError?: (err: unknown, question: string) => void;
}

function reportToStderr(err: unknown, question: string): void {
  process.stderr.write(`yusuan-bot: answering ${JSON.stringify(question)} failed: ${err instanceof Error ? err.message : String(err)}\n`);
}

/** 占比呢, 比上年多少: a computation on what was asked last, naming nothing of its own. */
const ofWhatWasAsked = (q: StructuredQuery) =>
  (q.intent === 'share' || q.intent === 'arithmetic' || q.intent === 'compare') && q.targets.length === 0 && q.entities.length === 0 && !q.set && q.candidates.length === 0;

export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const onError = options.onError ?? reportToStderr;
  const store = openStore(options.dbPath ?? databasePath, { readonly: true });
  const { catalog, artefacts } = await startupArtefacts(store.db, store.sqlite);
  const understander = createUnderstander(catalog, artefacts);
  const queries = prepareQueries(store.db, store.sqlite);
  const unitNames = new Map(catalog.units.map((u) => [u.id, u.name]));
  const sources: Sources = {
    queries,
    catalog,
    entity: (doc, unitId) => (unitId !== null ? (unitNames.get(unitId) ?? doc.department) : doc.department),
    memo: createMemo(),
  };
  // A kept reply (a set question's: thousands of figures at national scale) is formatted once, while it is kept.
  const formatted = new WeakMap<Reply, Formatted>();
  // Counted when first listed (/list, /about), not at start-up: three indexed look-ups per document.
  let documents: CatalogDocument[] | undefined;
  const listDocuments = (): CatalogDocument[] =>
    catalog.documents.map((d) => ({
      file: d.file,
      title: d.display,
      department: d.department,
      year: d.fiscal_year,
      stage: d.stage,
      amount_unit: d.amount_unit,
      tables: queries.tables(d.id).length,
      checks_passed: queries.passedChecks(d.id)[0]?.n ?? 0,
      checks_failed: queries.failedChecks(d.id).length,
    }));

  function answer(text: string, context: DialogContext | undefined): AskResult {
    // What the message says when it only continues the conversation (上一个呢, 单位是元吗, 一共几项 …): read once.
    const said = followUpOf(text);
    // 上一个呢 after 第二个: read as the ordinal of the item before it; the conversation stays where it was when there is none.
    const moved = relativeItem(text, said, context as Conversation | undefined);
    if (moved && 'message' in moved) return { ...toResult(text, reply('not_found', [moved.message]), queries), context };
    // 照那么算全年要多少: the figure answered per month, scaled to a year; the conversation stays where it was.
    const perYear = perYearFollowUp(said, context as Conversation | undefined);
    if (perYear) return { ...toResult(text, perYear, queries), context };
    // 这五个多亿是从哪来的 after a department's total: its income by source, the amount checked against the figure answered.
    const source = sourceOfTotal(said, context as Conversation | undefined);
    if (source && 'message' in source) return { ...toResult(text, reply('not_found', [source.message]), queries), context };
    // 占这一类的比重: the group of the thing answered last, named; asked back when the conversation holds none.
    const grouped = groupBase(moved ? moved.text : text, context as Conversation | undefined);
    if (grouped && 'message' in grouped) return { ...toResult(text, reply('ambiguous', [grouped.message]), queries), context };
    // 单位是元吗: the unit of what was just answered; the conversation stays where it was.
    const unit = unitOfLast(said, context as Conversation | undefined);
    if (unit) return { ...toResult(text, unit, queries), context };
    // 一共几项 after a list: how many it holds; the list stays for an ordinal.
    const counted = countOfList(sources, said, context as Conversation | undefined);
    if (counted) return { ...toResult(text, counted, queries), context };
    // 展开说说: the last figure's 明细, or what can be asked of the last list.
    const expanded = expandLast(sources, text, said, context as Conversation | undefined);
    if (expanded) {
      const result = toResult(text, expanded.reply, queries);
      result.context = expanded.query && expanded.reply.status === 'answered' ? conversation(expanded.query, expanded.reply, context as Conversation | undefined) : context;
      return result;
    }
    // 这是哪个项目的, 属于哪个单位, 在哪张表: where the item answered last belongs, from its stored row.
    const belongs = provenanceOfLast(sources, said, context as Conversation | undefined);
    if (belongs) return { ...toResult(text, belongs, queries), context };
    // 第二项是干什么的: what the document says the item pointed at is for.
    const purpose = purposeOfItem(sources, understander, said, context as Conversation | undefined);
    if (purpose) return { ...toResult(text, purpose, queries), context };
    // 倒过来 after a ranking: the same ranking the other way.
    const flipped = flippedRanking(understander, text, said, context as Conversation | undefined);
    if (flipped && 'message' in flipped) return { ...toResult(text, reply('not_found', [flipped.message]), queries), context };
    // 省财政的呢 after one of two projects named alike but for the level of government funding them: the other, asked the same.
    const sibling = siblingByLevel(sources, said, context as Conversation | undefined);
    if (sibling && 'status' in sibling) return { ...toResult(text, sibling, queries), context };
    if (sibling) {
      const r = answerQuery(sources, sibling);
      const result = toResult(text, r, queries);
      result.context = r.status === 'answered' ? conversation(sibling, r, context as Conversation | undefined) : context;
      return result;
    }
    // 其中买车的, 其中财政给的多少: the part of the last figure the words describe, or the question naming it.
    const describedAsked = describedPart(sources, understander, said, context as Conversation | undefined);
    if (describedAsked && 'reply' in describedAsked) {
      const result = toResult(text, describedAsked.reply, queries);
      const missing = describedAsked.reply.status === 'not_found' && context ? { ...(context as Conversation), missing: String(text) } : context;
      result.context = describedAsked.query && describedAsked.reply.status === 'answered' ? conversation(describedAsked.query, describedAsked.reply, context as Conversation | undefined) : missing;
      return result;
    }
    const typed = flipped ? { ok: true as const, query: flipped.query } : understander.understand(grouped ? grouped.text : moved ? moved.text : (source?.text ?? (describedAsked ? describedAsked.text : undefined) ?? moreAsked(said, context as Conversation | undefined) ?? partNamedShort(said, context as Conversation | undefined) ?? text));
    // 其中复印纸多少 after 曲阳政府采购: words naming nothing alone, nor a kind of the figure (其中服务类), read as one of its rows.
    // 其中经办中心呢 after 莲湖政府采购: a name several units go by, none of them the department's, is no unit of it asked.
    const last = (context as Conversation | undefined)?.query.entities[0]?.department;
    const elsewhere = typed.ok && typed.query.entities.length > 0 && typed.query.entities.every((e) => e.alternatives?.length && e.alternatives.every((a) => a.department !== last));
    // Words read loosely (其中印刷服务: another department's 日常办公印刷服务经费) name nothing either.
    const loose = typed.ok && typed.query.targets.every((t) => t.kind === 'project' && t.fuzzy);
    const unread = loose && typed.query.entities.length === 0 && typed.query.unknown.length + typed.query.candidates.length + typed.query.targets.length > 0 && (typed.query.reference?.kind ?? 'part') === 'part';
    const alone = !typed.ok || elsewhere || (unread && !partOfWhole(understander, typed.query, context as Conversation | undefined));
    const rowText = alone ? rowOfLast(text, context as Conversation | undefined) : null;
    const asRow = rowText ? understander.understand(rowText) : null;
    const understood = asRow?.ok ? asRow : typed;
    if (!understood.ok) return toResult(String(text ?? ''), reply('unsupported', [understood.reason === 'number' ? understood.message : REFUSALS[understood.reason]]), queries);
    // 占比呢 after a part not found (其中用在医疗保障上的): what it lacks is said — never the share of the figure before it.
    const lacking = (context as Conversation | undefined)?.missing;
    if (lacking && ofWhatWasAsked(understood.query)) return { ...toResult(text, reply('not_found', [`上一问的“${lacking}”没有找到，无法计算它的${understood.query.intent === 'share' ? '占比' : '数字'}。`]), queries), context };
    // 它要印多少册, 培训几期 after a project: its target in that unit; 那平均每册多少: its money over that target.
    const measured = targetByMeasure(sources, understood.query, context as Conversation | undefined);
    if (measured) {
      const result = toResult(text, measured.reply, queries);
      result.context = conversation(measured.query, measured.reply, context as Conversation | undefined);
      return result;
    }
    const perTarget = perTargetOfLast(sources, understood.query, context as Conversation | undefined);
    if (perTarget) return { ...toResult(text, perTarget, queries), context };
    // 那培训呢 after a project's targets: another target of that project.
    const other = otherTargetOfProject(sources, understood.query, context as Conversation | undefined);
    if (other) return { ...toResult(text, other, queries), context };
    // 第二个呢, 它的绩效指标: the words pointing back are replaced by what they point at, and the question read again.
    // In place, so that a share's part and base keep their sides (公职律师费占它多少: 它 is the base).
    const c = withItems(sources, understood.query, context as Conversation | undefined);
    // 第五个 after a list of three: the list had only three, named; the conversation stays where it was.
    const beyond = pastEndOfList(understood.query, c);
    if (beyond) return { ...toResult(text, beyond, queries), context };
    placeInConversation(understood.query, c);
    // 政府采购表的第1项, 公开05表最后1行: a row of the table the question names, as printed.
    // 曲阳政府采购里本级占几成: a share of a table's rows asked in 成 is said in them too.
    const printedRow = tableRow(sources, understood.query);
    const row = printedRow && inTenths(understood.query, printedRow);
    if (row) {
      const result = toResult(text, row, queries);
      // What it answered is “it” for the next question; the row is no list to count through. A row of the last figure
      // (其中复印纸多少) leaves that figure the one its next row is asked of (里面轿车呢).
      result.context = asRow?.ok ? context : conversation({ ...understood.query, intent: 'lookup', reference: null }, row, c, true);
      return result;
    }
    // 表17的第一个项目: the list counted through is the one the question names, as printed.
    const printed = printedItem(sources, understood.query);
    if (printed && 'status' in printed) return toResult(text, printed, queries);
    // 这笔钱超过10万了吗, 它有没有50万, 是不是超过两亿了: the bound checks the thing pointed at, as it would typed with its name.
    const asked = understood.query.yesNoAsked ?? null;
    const referred = printed ?? referent(understood.query, c) ?? checkedLast(understood.query, c, asked !== null);
    const again = referred !== null ? understander.understand(pointedText(understood.query, referred, c)) : null;
    const yesNo = again?.ok ? asked : null;
    const reread = again?.ok && yesNo ? { ...again, query: checked(again.query, yesNo) } : again;
    const within = referred === null ? scopeOfFollowUp(understood.query, c) : null;
    const scoped = within !== null ? understander.understand(`${within} ${understood.query.text}`) : null;
    // 表17的第一个项目的预算: the item's figure is the one the table named prints.
    const pinned = reread?.ok ? { ...pinProject(reread.query, referred!, catalog), ...(printed && understood.query.table ? { table: understood.query.table } : {}) } : null;
    const read = pinned ?? (scoped?.ok ? readWithin(understood.query, scoped.query, within!) : understood.query);
    // 其中服务类 after 政府采购: the part the words name read after the whole's name (政府采购服务).
    const part = partOfWhole(understander, understood.query, c);
    const own = part?.query ?? read;
    // 买的是什么车: the purchase as described, of the project named or answered before.
    const described = (own.describe || own.goal) && describedQuery(own, own.describe?.words ?? [], c);
    if (described) {
      const r = own.goal ? goalAnswer(sources, described, own.goal) : describedAnswer(sources, described, own.describe!);
      const result = toResult(text, r, queries);
      result.context = c;
      return result;
    }
    // 剩下的呢 after a part: the whole less it; 这两个加起来: arithmetic on the figures answered before.
    const remainder = remainderQuery(own, c);
    // 那最高的呢 after 第二名是哪家: the ranking pointed into, its top row; its items stay for the next ordinal.
    const extreme = extremeOfRanking(own, c);
    // 倒数第二个, 第三个的项目支出 after 抚顺有哪几个单位: that unit as listed, or its figure.
    const listedUnit = unitOfList(sources, own, c);
    const query = withinShown(catalog, extreme ?? remainder ?? listedUnit ?? mergeContext(own, c?.query, c?.whole));
    const earlier = overEarlier(own, c) ?? overRanking(sources, own);
    const rest = nothingLeft(own, c) ?? restOfList(sources, own, c) ?? restOfWhole(sources, remainder, c);
    const found = earlier ?? itemAsIs(understood.query, referred, pinned) ?? rest ?? wholeChanged(sources, query, countInstead(sources, own, query, answerQuery(sources, query)), c);
    // 那印刷宣传品的数量呢 after a project's targets, words read as nothing else: an indicator of that project — never
    // a target given for an outcome asked (印刷了多少个: found said a 预算 prints none).
    const followed = found.status === 'answered' ? null : indicatorFollowUp(sources, own, c);
    const indicator = followed && own.asked?.outcome ? outcomeOfTargets(followed) : followed;
    const answered = narratedFirst(printed, understood.query, indicator ?? found);
    const r = yesNoFirst(understood.query, query.owner ? whose(answered) : answered);
    // A set answer's warnings and cautions read the failed checks of every department it cites: one query for all.
    const format = () => toResult(text, r, queries, isKept(r) ? formatted : undefined);
    const result = readsEveryDocument(query) ? queries.acrossDocuments(format) : format();
    // A message nothing understood leaves the conversation where it was, and so does arithmetic on earlier answers
    // (两者合计 → 两者差多少 are of the same two).
    if ((earlier || indicator) && c) result.context = c;
    // 其他的呢 → 其他的呢: the second one is told nothing is left; the list's items stay for an ordinal.
    else if (rest && c) {
      const told: Conversation = { ...c, restShown: true };
      result.context = told;
    }
    else if (extreme && c) {
      const top = r.figures[0];
      const kept: Conversation = { ...conversation(query, r, c), items: c.items, ranking: c.ranking, pointed: c.items?.find((n) => n.figure?.entity === top?.entity && n.figure?.label === top?.label) };
      result.context = kept;
    }
    else if (understoodAnything(own)) result.context = { ...conversation(projectOfTargets(sources, query, r), r, c, referred !== null || listedUnit !== null, referred ?? undefined), ...(part ? { whole: part.whole } : {}) };
    result.followups = r.status === 'answered' ? followUps(query) : [];
    return result;
  }

  return {
    ask(text: string, context?: DialogContext): AskResult {
      // The one guard at the boundary: every front end gets an answer, never an exception.
      try {
        return answer(text, context);
      } catch (err) {
        onError(err, String(text));
        return { query: String(text ?? ''), status: 'unsupported', text: ENGINE_FAILED, answers: [], suggestions: [], followups: [] };
      }
    },
    catalog: () => (documents ??= listDocuments()),
  };
}
