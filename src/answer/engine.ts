// The engine every front end uses: a question (and the chat's context) in, an
// answer with figures and sources out. Built once: the lexicon, the project
// index and the prepared queries live as long as the engine.
import { databasePath } from '../config.ts';
import type { StructuredQuery, Target } from '../query/ast.ts';
import { startupArtefacts } from '../query/artefacts.ts';
import { MAX_QUESTION_CHARS } from '../query/limits.ts';
import { createUnderstander } from '../query/understand.ts';
import { openStore } from '../store/db.ts';
import { prepareQueries } from './data.ts';
import { conversation, followUps, type Named, placeInConversation, listItems, mergeContext, pinProject, pointedText, readWithin, referent, scopeOfFollowUp, understoodAnything, type Conversation } from './dialog.ts';
import { answerQuery, readsEveryDocument } from './dispatch.ts';
import { overEarlier, overOwnList, remainderQuery } from './earlier.ts';
import { printedItem } from './print-order.ts';
import { tableRow } from './table-rows.ts';
import { described } from './intents/described.ts';
import { goalNumber, indicatorNamed } from './intents/performance.ts';
import { resolveScopes } from './resolve.ts';
import { heading, reply, toResult, type Formatted, type Reply } from './reply.ts';
import { show } from './figures.ts';
import { createMemo, type Sources } from './sources.ts';
import type { AskResult, CatalogDocument, DialogContext, Engine } from './types.ts';
import { alternation } from '../query/normalize/words.ts';
import shapes from '../../grammar/shapes.json' with { type: 'json' };

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

/** As many items as a ranking shows at most (前50): the rest of a cut one is what is past those shown. */
const MAX_RANKED = 50;

/** 其中, 里面 before the words naming a part. */
const PART_WORDS = new RegExp(`^(?:${alternation(shapes.references.part)})`);
/** 类, 部分 after the words naming a part (服务类): what kind of part, no part of its name. */
const PART_KINDS = new RegExp(`(?:${alternation(shapes.references.partKinds)})$`);

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
    const understood = understander.understand(text);
    if (!understood.ok) return toResult(String(text ?? ''), reply('unsupported', [understood.reason === 'number' ? understood.message : REFUSALS[understood.reason]]), queries);
    // 第二个呢, 它的绩效指标: the words pointing back are replaced by what they point at, and the question read again.
    // In place, so that a share's part and base keep their sides (公职律师费占它多少: 它 is the base).
    const c = withItems(understood.query, context as Conversation | undefined);
    placeInConversation(understood.query, c);
    // 政府采购表的第1项, 公开05表最后1行: a row of the table the question names, as printed.
    const row = tableRow(sources, understood.query);
    if (row) {
      const result = toResult(text, row, queries);
      // What it answered is “it” for the next question; the row is no list to count through.
      result.context = conversation({ ...understood.query, intent: 'lookup', reference: null }, row, c, true);
      return result;
    }
    // 表17的第一个项目: the list counted through is the one the question names, as printed.
    const printed = printedItem(sources, understood.query);
    if (printed && 'status' in printed) return toResult(text, printed, queries);
    const referred = printed ?? referent(understood.query, c);
    const reread = referred !== null ? understander.understand(pointedText(understood.query, referred)) : null;
    const within = referred === null ? scopeOfFollowUp(understood.query, c) : null;
    const scoped = within !== null ? understander.understand(`${within} ${understood.query.text}`) : null;
    // 表17的第一个项目的预算: the item's figure is the one the table named prints.
    const pinned = reread?.ok ? { ...pinProject(reread.query, referred!, catalog), ...(printed && understood.query.table ? { table: understood.query.table } : {}) } : null;
    const read = pinned ?? (scoped?.ok ? readWithin(understood.query, scoped.query, within!) : understood.query);
    // 其中服务类 after 政府采购: the part the words name read after the whole's name (政府采购服务).
    const part = partOfWhole(understood.query, c);
    const own = part?.query ?? read;
    // 买的是什么车: the purchase as described, of the project named or answered before.
    const described = (own.describe || own.goal) && describedQuery(own, own.describe?.words ?? [], c);
    if (described) {
      const r = own.goal ? goalAnswer(described, own.goal) : describedAnswer(described, own.describe!);
      const result = toResult(text, r, queries);
      result.context = c;
      return result;
    }
    // 剩下的呢 after a part: the whole less it; 这两个加起来: arithmetic on the figures answered before.
    const query = remainderQuery(own, c) ?? mergeContext(own, c?.query, c?.whole);
    const earlier = overEarlier(own, c) ?? overRanking(own);
    const found = earlier ?? itemAsIs(understood.query, referred, pinned) ?? restOfList(own, c) ?? wholeChanged(query, answerQuery(sources, query), c);
    // 那印刷宣传品的数量呢 after a project's targets, words read as nothing else: an indicator of that project.
    const indicator = found.status === 'answered' ? null : indicatorFollowUp(own, c);
    const answered = indicator ?? found;
    const r = query.owner ? whose(answered) : answered;
    // A set answer's warnings and cautions read the failed checks of every department it cites: one query for all.
    const format = () => toResult(text, r, queries, formatted);
    const result = readsEveryDocument(query) ? queries.acrossDocuments(format) : format();
    // A message nothing understood leaves the conversation where it was, and so does arithmetic on earlier answers
    // (两者合计 → 两者差多少 are of the same two).
    if ((earlier || indicator) && c) result.context = c;
    else if (understoodAnything(own)) result.context = { ...conversation(query, r, c, referred !== null), ...(part ? { whole: part.whole } : {}) };
    result.followups = r.status === 'answered' ? followUps(query) : [];
    return result;
  }

  /** 抚顺项目支出第一名和第二名差多少: the ranking asked, then the arithmetic on the items picked from it. */
  function overRanking(q: StructuredQuery): Reply | null {
    if (q.reference?.kind !== 'these' || !q.reference.picks || (q.entities.length === 0 && !q.set)) return null;
    const ranking = { ...q, intent: 'rank' as const, reference: null, arithmetic: null };
    const r = answerQuery(sources, ranking);
    return r.status === 'answered' ? overOwnList(q, listItems(ranking, r)) : r;
  }

  /**
   * 比上年呢 after 三公经费 → 其中购置费: a part whose change the text does not state is answered with the change its
   * whole states, said to be the whole's — never a change computed for the part.
   */
  function wholeChanged(q: StructuredQuery, r: Reply, c: Conversation | undefined): Reply {
    const part = q.targets[0];
    if (r.status !== 'not_found' || !q.previousYear || !c?.whole || q.targets.length !== 1 || c.query.targets[0] !== part) return r;
    const whole = answerQuery(sources, { ...q, targets: [c.whole] });
    if (whole.status !== 'answered' || !whole.figures.some((f) => f.change !== null)) return r;
    return { ...whole, lines: [`文中没有单独说明${part!.text}的增减，以下是${c.whole.text}合计的：`, ...whole.lines] };
  }

  /**
   * 剩下的是什么 after a ranking cut to its first N (北票项目前三个): the items after those shown, in the same order.
   * Null unless the last answer was a cut ranking and the question names nothing.
   */
  function restOfList(q: StructuredQuery, c: Conversation | undefined): Reply | null {
    const previous = c?.query;
    if (q.arithmetic?.op !== 'remaining' || q.entities.length + q.targets.length > 0 || !previous || previous.intent !== 'rank' || previous.top === null || !c?.items) return null;
    const all = answerQuery(sources, { ...previous, top: MAX_RANKED });
    if (all.status !== 'answered') return null;
    const shown = new Set(c.items.map((i) => i.figure && `${i.figure.entity}\u0000${i.figure.label}`));
    const rest = all.figures.filter((f) => !f.derived && !shown.has(`${f.entity}\u0000${f.label}`));
    if (rest.length === 0) return reply('not_found', ['上面已经列出了全部。']);
    const f = rest[0]!;
    return reply('answered', [`${heading(previous.entities[0]?.name ?? f.entity, f.document)} 其余${rest.length}项（接上面的排序）：`, ...rest.map((x) => `· ${x.label}：${show(x)}`)], rest);
  }

  /**
   * 其中服务类, 服务类呢 after a figure (政府采购), or after another part of it: words naming nothing alone that, typed
   * after the whole's name, name one other figure (政府采购服务类 → 政府采购服务). Null otherwise: the question is read as
   * it was.
   */
  function partOfWhole(q: StructuredQuery, c: Conversation | undefined): { query: StructuredQuery; whole: Target } | null {
    const previous = c?.query;
    // 货物类呢 after 其中服务类: a part of the same whole, which stays the whole for the next.
    const whole = c?.whole ?? (previous?.targets.length === 1 ? previous.targets[0]! : null);
    if (!whole || whole.kind !== 'metric' || previous!.entities.length !== 1 || q.entities.length > 0 || q.targets.length > 0 || q.set) return null;
    // The words typed: not understood, or read loosely as projects' names (其中服务类 → 服务质量考核费 …).
    const typed = [...new Set([...q.unknown, ...q.candidates.map((x) => x.text)])];
    if (typed.length !== 1) return null;
    const words = typed[0]!.replace(PART_WORDS, '').replace(PART_KINDS, '');
    const again = words ? understander.understand(`${previous!.entities[0]!.text} ${whole.text}${words}`) : null;
    const part = again?.ok && again.query.targets.length === 1 && again.query.unknown.length + again.query.candidates.length === 0 ? again.query.targets[0]! : null;
    if (!part || part.kind !== 'metric' || part.key === whole.key) return null;
    return { query: { ...q, targets: [part], unknown: [], candidates: [], reference: { kind: 'part', text: typed[0]!.slice(0, typed[0]!.indexOf(words)) } }, whole };
  }

  /**
   * 里面第二项是啥 after a list whose items no name reads back exactly (a procurement row: 医保局公务用车购置经费（轿车）):
   * the item as it was listed, its figure cited where it was — never a project found loosely by its words. Null when
   * the question asks more of the item than what it is, or its words read back as they were listed.
   */
  function itemAsIs(q: StructuredQuery, item: Named | null, reread: StructuredQuery | null): Reply | null {
    const f = item?.figure;
    if (!f || q.reference?.kind !== 'item' || q.targets.length + q.unknown.length + q.candidates.length > 0 || q.intent !== 'lookup' || q.arithmetic || q.table) return null;
    const loose = !reread || reread.candidates.length > 0 || reread.unknown.length > 0 || reread.targets.some((t) => t.kind === 'project' && t.fuzzy);
    return loose ? reply('answered', [`${heading(f.entity, f.document)} ${q.reference.text}：${f.label}：${show(f)}`], [f]) : null;
  }

  /**
   * Words naming no figure that name an indicator of one project: of the project the question names (曲阳 网络建设费用
   * 专线一条一年多少钱), else, naming no department, of the one asked about before (那印刷宣传品的数量呢, 标语成本呢).
   * Null when no indicator is named closely (the question is answered as before).
   */
  function indicatorFollowUp(q: StructuredQuery, c: Conversation | undefined): Reply | null {
    if (q.set || q.arithmetic || !['lookup', 'performance', 'rate'].includes(q.intent) || q.unknown.length + q.candidates.length === 0 || q.targets.some((t) => t.kind === 'subject')) return null;
    const named = q.targets.filter((t) => t.kind === 'project');
    const asked = named.length ? q : q.entities.length === 0 && q.targets.length === 0 ? c?.query : undefined;
    const [project] = asked?.targets ?? [];
    if (!asked || asked.targets.length !== 1 || project?.kind !== 'project' || asked.entities.length !== 1) return null;
    const scopes = resolveScopes(catalog, { ...asked, text: q.text, unknown: [], candidates: [] });
    if (!Array.isArray(scopes) || scopes.length !== 1) return null;
    return indicatorNamed(sources, scopes[0]!, project.ids, q.text, project.name);
  }

  /** 它的总体目标里住院救助比例是多少: the number the goal text of the one project asked (or answered before) states. */
  function goalAnswer(asked: StructuredQuery, goal: NonNullable<StructuredQuery['goal']>): Reply {
    const scopes = resolveScopes(catalog, asked);
    if (!Array.isArray(scopes)) return scopes;
    const ids = asked.targets.flatMap((t) => (t.kind === 'project' ? t.ids : []));
    if (scopes.length !== 1 || ids.length === 0) return reply('ambiguous', [`请说明是哪个项目的${goal.text.replace(/[里中]$/, '')}。`]);
    const words = asked.text.slice(asked.text.indexOf(goal.text) + goal.text.length);
    return goalNumber(sources, scopes[0]!, ids, words);
  }

  /**
   * The project a question about a purchase or a goal is of: the one named, else the one asked about before (with
   * its department, year and stage); none for a question naming a thing only (买的是什么车: every project's).
   */
  function describedQuery(q: StructuredQuery, thing: string[], c: Conversation | undefined): StructuredQuery | null {
    const projects = (targets: StructuredQuery['targets']) => targets.filter((t) => t.kind === 'project');
    const carried = q.entities.length === 0 ? c?.query : undefined;
    const targets = projects(q.targets).length ? projects(q.targets) : projects(carried?.targets ?? []);
    // 采购了什么 of no project: the purchases as a figure (政府采购), answered as any question is.
    if (thing.length === 0 && targets.length === 0 && !q.goal) return null;
    return {
      ...q,
      entities: carried?.entities ?? q.entities,
      years: q.years.length ? q.years : (carried?.years ?? []),
      stage: q.stage ?? carried?.stage ?? null,
      targets,
      unknown: [],
    };
  }

  /**
   * 买的是什么车 after a project (or with one named): its goal text and procurement rows; naming none, every
   * project's of the department named or asked about before. A figure named (车 read as 车辆) is no part of it.
   */
  function describedAnswer(asked: StructuredQuery, ask: NonNullable<StructuredQuery['describe']>): Reply {
    const scopes = resolveScopes(catalog, asked);
    if (!Array.isArray(scopes)) return scopes;
    const replies = scopes.map((scope) => described(sources, asked, scope, ask));
    const found = replies.filter((r) => r.status === 'answered');
    if (found.length === 0) return replies[0] ?? reply('not_found', ['没有找到。']);
    return { ...found[0]!, lines: found.flatMap((r) => r.lines), figures: found.flatMap((r) => r.figures) };
  }

  /** 第二个 after a project answered alone: the list it came from, answered now that an item of it is asked for. */
  function withItems(q: StructuredQuery, c: Conversation | undefined): Conversation | undefined {
    if (q.reference?.kind !== 'item' || !c || c.items || !c.itemsFrom) return c;
    const r = answerQuery(sources, c.itemsFrom);
    return r.status === 'answered' ? { ...c, items: listItems(c.itemsFrom, r) } : c;
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
