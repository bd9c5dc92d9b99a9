// Follow-ups answered from the conversation's state rather than read again as a question: the rest of a cut
// ranking, a part named after its whole (其中服务类), an item as it was listed, an indicator of the project asked
// before, the whole's change for a part that states none, the list an ordinal counts through.
import type { StructuredQuery, Target } from '../query/ast.ts';
import { typedAsked } from '../query/asked.ts';
import { PROVENANCE_KINDS, type FollowUpWords, type ProvenanceKind } from '../query/follow-up.ts';
import type { Understander } from '../query/understand.ts';
import { alternation } from '../query/normalize/words.ts';
import { itemsOf, partsWithin, referent, restAsked, unitsListed, type Conversation, type Named } from './dialog.ts';
import { answerQuery } from './dispatch.ts';
import { derivedFigure, show, type Figure } from './figures.ts';
import { citation } from './format.ts';
import { activityUnsaid, indicatorNamed, indicatorsInUnit, namingChars, unitNotPrinted, ownerFigure, standardOfProject, tableNames } from './intents/performance.ts';
import { nameFigure } from './intents/offices.ts';
import type { ProjectRow } from '../store/schema.ts';
import { countOf } from './intents/list.ts';
import { resolveScopes } from './resolve.ts';
import { nameKey } from '../ingest/text/cjk.ts';
import { beforeAnswer, heading, reply, type Reply } from './reply.ts';
import { metric as metricOf } from '../store/metrics.ts';
import type { Sources } from './sources.ts';
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import { ordinalIndex } from './ordinal.ts';

/** As many items as a ranking shows at most (前50): the rest of a cut one is what is past those shown. */
const MAX_RANKED = 50;

/** 其中, 里面 before the words naming a part. */
const PART_WORDS = new RegExp(`^(?:${alternation(shapes.references.part)})`);
/** 类, 部分 after the words naming a part (服务类): what kind of part, no part of its name. */
const PART_KINDS = new RegExp(`(?:${alternation(shapes.references.partKinds)})$`);

/**
 * 比上年呢 after 三公经费 → 其中购置费: a part whose change the text does not state is answered with the change its
 * whole states, said to be the whole's — never a change computed for the part.
 */
export function wholeChanged(s: Sources, q: StructuredQuery, r: Reply, c: Conversation | undefined): Reply {
  const part = q.targets[0];
  if (r.status !== 'not_found' || !q.previousYear || !c?.whole || q.targets.length !== 1 || c.query.targets[0] !== part) return r;
  const whole = answerQuery(s, { ...q, targets: [c.whole] });
  if (whole.status !== 'answered' || !whole.figures.some((f) => f.change !== null)) return r;
  return { ...whole, lines: [`文中没有单独说明${part!.text}的增减，以下是${c.whole.text}合计的：`, ...whole.lines] };
}

/**
 * 剩下的是什么 after a ranking cut to its first N (北票项目前三个): the items after those shown, in the same order.
 * Null unless the last answer was a cut ranking and the question names nothing.
 */
export function restOfList(s: Sources, q: StructuredQuery, c: Conversation | undefined): Reply | null {
  const previous = c?.query;
  if (!restAsked(q) || !previous || !c?.items) return null;
  // A list shows every item: nothing is left of it (其他的呢 after 抚顺有哪些项目).
  if (previous.intent === 'list') return reply('not_found', [`上面已经列出了全部（共${c.items.length}项），没有其他的了。`]);
  if (previous.intent !== 'rank') return null;
  const all = answerQuery(s, { ...previous, top: MAX_RANKED });
  if (all.status !== 'answered') return null;
  const shown = new Set(c.items.map((i) => i.figure && `${i.figure.entity}\u0000${i.figure.label}`));
  const rest = all.figures.filter((f) => !f.derived && !shown.has(`${f.entity}\u0000${f.label}`));
  if (rest.length === 0) return reply('not_found', ['上面已经列出了全部，没有其他的了。']);
  const f = rest[0]!;
  // A ranking of departments is headed by none of them: each item says its own.
  const ofDepartments = Boolean(previous.set) || previous.entities.length > 1;
  const head = ofDepartments ? '' : `${heading(previous.entities[0]?.name ?? f.entity, f.document)} `;
  return reply('answered', [`${head}其余${rest.length}项（接上面的排序）：`, ...rest.map((x) => `· ${ofDepartments ? `${x.entity}：` : ''}${x.label}：${show(x)}`)], rest);
}

/** 其他的呢 asked again after the rest of a list or a whole was shown: nothing is left, said so. */
export function nothingLeft(q: StructuredQuery, c: Conversation | undefined): Reply | null {
  if (!restAsked(q) || !c?.restShown) return null;
  return reply('not_found', ['上面已经列出了其余的全部，没有其他的了。']);
}

/**
 * 剩下的是什么, 其余的呢 after a part of a whole (其中公务接待费, 人员经费占基本支出多少): the whole's other parts as 明细
 * lists them, and what they come to (the whole less the part, shown). Null unless exactly the part asked is one of
 * the parts listed (住房公积金 is no row of 人员经费's 经济分类 by that label): the difference alone answers then.
 */
export function restOfWhole(s: Sources, remainder: StructuredQuery | null, c: Conversation | undefined): Reply | null {
  if (!remainder || !c?.whole) return null;
  const from: StructuredQuery = { ...c.query, intent: 'breakdown', targets: [c.whole], reference: null, arithmetic: null, base: null, conditions: [], top: null };
  const whole = answerQuery(s, from);
  const items = itemsOf(from, whole) ?? [];
  const asked = new Set((c.figures ?? []).map((f) => f.label));
  const rest = items.filter((i) => i.figure && !asked.has(i.figure.label)).map((i) => i.figure!);
  if (rest.length === 0 || items.length - rest.length !== 1) return null;
  const part = items.find((i) => asked.has(i.figure!.label))!.figure!;
  const difference = answerQuery(s, remainder);
  const total = difference.status === 'answered' ? difference : reply('answered', []);
  const f = rest[0]!;
  // A note both answers carry before their heading (the year assumed) is said once, first.
  const head = heading(f.entity, f.document);
  const notes = total.lines.slice(0, Math.max(0, total.lines.findIndex((l) => l.startsWith(head)))).filter((l) => whole.lines.includes(l));
  return reply(
    'answered',
    [...notes, `${head} ${whole.whole?.label ?? c.whole.text}中除${part.label}外的其余${rest.length}项：`, ...rest.map((x) => `· ${x.label}：${show(x)}`), ...total.lines.filter((l) => !notes.includes(l))],
    [...rest, ...total.figures],
  );
}

/**
 * 车辆呢 after 固定资产, read as the vehicles' value, in a document printing only how many there are: the count, said
 * to be all it prints — never a value from elsewhere.
 */
export function countInstead(s: Sources, asked: StructuredQuery, read: StructuredQuery, r: Reply): Reply {
  const [count] = asked.targets;
  const [value] = read.targets;
  if (r.status !== 'not_found' || asked.targets.length !== 1 || read.targets.length !== 1 || count?.kind !== 'metric' || value?.kind !== 'metric') return r;
  if (count.key === value.key || metricOf(count.key).kind !== 'count') return r;
  const counted = answerQuery(s, { ...read, targets: [count] });
  return counted.status === 'answered' ? beforeAnswer(counted, `文件中没有印${count.text}的价值，只印了数量：`) : r;
}

/**
 * 其中服务类, 服务类呢 after a figure (政府采购), or after another part of it: words naming nothing alone that, typed
 * after the whole's name, name one other figure (政府采购服务类 → 政府采购服务). Null otherwise: the question is read as
 * it was.
 */
export function partOfWhole(understander: Understander, q: StructuredQuery, c: Conversation | undefined): { query: StructuredQuery; whole: Target } | null {
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

/** Figures whose rows are named by what they buy (shapes.json described.rowsNamed: 政府采购). */
const ROWS_NAMED: ReadonlySet<string> = new Set(shapes.described.rowsNamed);

/**
 * 其中复印纸多少, 里面物业服务呢 after 曲阳政府采购: words after a part word that read as nothing alone, of a figure whose rows are
 * named by what they buy, are one of its rows — read as typed after it (曲阳 政府采购其中复印纸多少). Null otherwise.
 */
export function rowOfLast(text: string, c: Conversation | undefined): string | null {
  const whole = c?.whole ?? (c?.query.targets.length === 1 ? c.query.targets[0] : undefined);
  if (!c || whole?.kind !== 'metric' || !ROWS_NAMED.has(whole.key) || c.query.entities.length !== 1 || c.query.set || !PART_WORDS.test(text.trim())) return null;
  return `${c.query.entities[0]!.text} ${whole.text}${text.trim()}`;
}

/**
 * 里面第二项是啥 after a list whose items no name reads back exactly (a procurement row: 医保局公务用车购置经费（轿车）):
 * the item as it was listed, its figure cited where it was — never a project found loosely by its words. Null when
 * the question asks more of the item than what it is, or its words read back as they were listed.
 */
export function itemAsIs(q: StructuredQuery, item: Named | null, reread: StructuredQuery | null): Reply | null {
  const f = item?.figure;
  // 倒数第二个 reads as a ranking word and an ordinal: still the item as listed.
  const asked = q.intent === 'lookup' || (q.intent === 'rank' && q.reference?.kind === 'item' && q.reference.fromEnd && q.top === null);
  if (!f || q.reference?.kind !== 'item' || q.targets.length + q.unknown.length + q.candidates.length > 0 || !asked || q.arithmetic || q.table) return null;
  const loose = !reread || reread.candidates.length > 0 || reread.unknown.length > 0 || reread.targets.some((t) => t.kind === 'project' && t.fuzzy);
  // 最后一个叫什么: the name asked is the item as the list printed it, whatever was asked of another item since.
  return loose || (q.nameAsked && q.stage === null) ? reply('answered', [`${heading(f.entity, f.document)} ${q.reference.text}：${f.label}：${show(f)}`], [f]) : null;
}

/**
 * Words naming no figure that name an indicator of one project: of the project the question names (曲阳 网络建设费用
 * 专线一条一年多少钱), else, naming no department, of the one asked about before (那印刷宣传品的数量呢, 标语成本呢).
 * Null when no indicator is named closely (the question is answered as before).
 */
export function indicatorFollowUp(s: Sources, q: StructuredQuery, c: Conversation | undefined): Reply | null {
  if (q.set || (q.arithmetic && !standardPer(q)) || !['lookup', 'performance', 'rate'].includes(q.intent) || q.unknown.length + q.candidates.length === 0 || q.targets.some((t) => t.kind === 'subject')) return null;
  const named = q.targets.filter((t) => t.kind === 'project');
  const asked = named.length ? q : q.entities.length === 0 && q.targets.length === 0 ? c?.query : undefined;
  const [project] = asked?.targets ?? [];
  if (!asked || asked.targets.length !== 1 || project?.kind !== 'project' || asked.entities.length !== 1) return null;
  const scopes = resolveScopes(s.catalog, { ...asked, text: q.text, unknown: [], candidates: [] });
  if (!Array.isArray(scopes) || scopes.length !== 1) return null;
  const r = indicatorNamed(s, scopes[0]!, project.ids, q.text, project.name);
  // 城乡医疗救助要补助多少困难群众: a count asked is no indicator that only names what is counted (…困难群众… ≥98, no unit; 困难群众看病就医方便程度).
  const counted = (f: Figure) => !!f.unit && f.unit !== '%';
  return q.targetAsked && !(r?.figures.length && r.figures.every(counted)) ? null : r;
}

/**
 * 那最高的呢, 最少的呢 after an item of a ranking (哪个部门三公经费最高 → 第二名是哪家): that ranking asked again in the
 * direction typed, its top row (or as many as typed) — not a ranking of the item's own parts. Null unless the last
 * question pointed into a ranking and this one is a ranking naming nothing.
 */
export function extremeOfRanking(q: StructuredQuery, c: Conversation | undefined): StructuredQuery | null {
  const ranking = c?.ranking;
  const namesNothing = q.entities.length + q.targets.length + q.unknown.length + q.candidates.length === 0 && !q.set;
  // The last question picked an item of the ranking itself (第二名是哪家: the very item is what it pointed at), not a
  // figure asked of it since (它的人员经费 points at the department, a thing of its own).
  const ofRanking = c?.pointed !== undefined && (c.items ?? []).includes(c.pointed);
  if (!ranking || !ofRanking || q.intent !== 'rank' || !namesNothing || q.reference || q.arithmetic || q.conditions.length > 0) return null;
  return { ...ranking, text: q.text, asked: q.asked, ascending: q.ascending, top: q.top ?? 1 };
}

/**
 * 最后一个叫什么, 倒数第二个, 第三个的项目支出是多少 after 抚顺有哪几个单位: an item of that list of units (names, nothing
 * ranked), counted as printed — the list asked again with the ordinal, or the figure asked of that unit (its own row,
 * the department's where the item is the department). Null for any other question.
 */
export function unitOfList(s: Sources, q: StructuredQuery, c: Conversation | undefined): StructuredQuery | null {
  const list = c?.units;
  // 最后一个的项目支出 is read as the bottom one of a ranking (no order word said, one item from the smallest): the last unit.
  const last = q.intent === 'rank' && !q.ordered && q.top === 1 && q.ascending && !q.reference;
  const ref = last ? { kind: 'item' as const, index: 1, fromEnd: true, text: '最后一个' } : q.reference;
  // 倒数第二个 reads as a ranking word and an ordinal; 第二低的 says an order, and is a ranking's.
  const item = ref?.kind === 'item' && !q.ordered && (q.top === null || last) && (q.intent === 'lookup' || q.intent === 'rank');
  const bare = q.entities.length + q.unknown.length + q.candidates.length + q.conditions.length === 0 && !q.set && q.arithmetic === null;
  if (!list || !item || !bare || (q.listOf !== null && q.listOf !== 'units')) return null;
  // 倒数第二个呢 after 第三个的政府采购是多少: the same figure of that unit, as 第三个呢 after 第一个的自评得分 is.
  // 最后一个叫什么 after it: the name asked is the unit as listed, not that figure of it.
  const asked = q.targets.length > 0 ? q : unitsListed(c!.query) || q.nameAsked ? null : c!.query;
  if (!asked) return { ...list, text: q.text, reference: ref };
  const scopes = resolveScopes(s.catalog, list);
  if (!Array.isArray(scopes) || scopes.length !== 1) return null;
  const { doc } = scopes[0]!;
  const units = s.queries.units(doc.id);
  const u = units[ordinalIndex(ref, units.length)];
  // Past the end of the list: the list says how many it holds.
  if (!u) return { ...list, text: q.text, reference: ref };
  const entity = u.role === 'department' ? list.entities[0]! : { department: doc.department, unitId: u.id, name: u.name, text: u.name };
  return { ...asked, text: q.text, intent: asked.intent === 'rank' ? 'lookup' : asked.intent, entities: [entity], years: q.years.length ? q.years : list.years, stage: q.stage ?? list.stage, reference: null };
}

/** 第二个 after a project answered alone: the list it came from, answered now that an item of it is asked for. */
export function withItems(s: Sources, q: StructuredQuery, c: Conversation | undefined): Conversation | undefined {
  if (q.reference?.kind !== 'item' || !c || c.items || !c.itemsFrom) return c;
  const r = answerQuery(s, c.itemsFrom);
  const items = itemsOf(c.itemsFrom, r);
  return items ? { ...c, items } : c;
}

/**
 * 倒过来, 反过来排 after a ranking (or figures listed in an order said: 执行率最低的三个项目): the same ranking the other way, as many items (前5 → its 5 at the other end);
 * 倒过来，最少的三个呢 / 倒过来，前三个 as many as typed after the words (the end it may name is the one turned to). A message saying what can be
 * turned round when the last answer was no ranking; null when the words are not those, or what follows them asks more than how many.
 */
export function flippedRanking(understander: Understander, text: string, said: FollowUpWords, c: Conversation | undefined): { query: StructuredQuery } | { message: string } | null {
  if (!said.flip) return null;
  const { then } = said.flip;
  const more = then ? understander.understand(then) : null;
  const q = more?.ok ? more.query : null;
  if (more && (!q || q.entities.length + q.targets.length + q.unknown.length + q.candidates.length + q.conditions.length > 0 || q.set || q.arithmetic || (q.intent !== 'rank' && q.top === null))) return null;
  const last = c?.query;
  if (!last || (last.intent !== 'rank' && last.ordered !== true)) return { message: `“${text.trim()}”要接在一个排序后面，例如：抚顺 项目支出 前5 → 倒过来。` };
  // How the message as typed asks (倒过来，前几个) is read as any message's is, not carried from the last question.
  return { query: { ...last, text, ascending: !last.ascending, top: q?.top ?? last.top, reference: null, arithmetic: null, ...typedAsked(text) } };
}

/**
 * 单位是元吗 after an answer: the unit it shows its amounts in (万元, with 元 beside where the document prints 元) and
 * the one the document prints the leading amount in, its cell as printed and where. Null unless the message asks that alone.
 */
export function unitOfLast(said: FollowUpWords, c: Conversation | undefined): Reply | null {
  if (!said.unit) return null;
  const f = (c?.figures ?? []).find((x) => !x.derived && x.fen !== null);
  if (!f) return reply('not_found', ['上一个回答里没有金额。金额都以万元表示；文件按元印的，括号里给出元数。']);
  const shown = f.printedIn === '元' ? '万元，括号里是文件印的元数' : '万元，与文件相同';
  // A sentence of the text is cited by its line, a table's cell as printed.
  const printed = f.table === null ? `文件正文第${f.line}行按${f.printedIn}写。` : `文件原表按${f.printedIn}印，${f.table}第${f.line}行为${f.raw.trim() === '' ? '空白' : `“${f.raw.trim()}”`}。`;
  return reply('answered', [`回答中的金额单位是${shown}：${f.label} ${show(f)}。`, printed], [f]);
}

/** As many items of a list as are said where each came from. */
const MAX_PROVENANCE = 10;

/**
 * 这是哪个项目的, 属于哪个单位, 在哪张表 after an ordinal (第二项多少钱) or a list: the item pointed at — else each item
 * listed — with its project, its unit and the table and line of its stored row, the kind asked said first. Null
 * unless the message asks only that; table words after a figure answered alone are left to `sources`.
 */
export function provenanceOfLast(s: Sources, said: FollowUpWords, c: Conversation | undefined): Reply | null {
  const kind = said.provenance;
  if (!kind) return null;
  const listed = c?.items !== undefined && (c.query.intent === 'rank' || c.query.intent === 'list' || c.query.intent === 'breakdown' || c.query.targets.length === 0);
  const pointed = c?.pointed?.figure ? c.pointed : c?.pointed && !listed && c.subject?.figure ? c.subject : undefined;
  const named = pointed ? [pointed] : listed ? c!.items!.filter((n) => n.figure).slice(0, MAX_PROVENANCE) : kind === 'table' ? [] : c?.subject?.figure ? [c.subject] : [];
  if (named.length === 0) return kind === 'table' ? null : reply('not_found', ['要先问到一个数字或一项，才能说它属于哪个项目、哪个单位，例如：抚顺 项目支出 前5 → 第二项多少钱 → 这是哪个项目的。']);
  return reply('answered', named.map((n) => whereFrom(s, n.figure!, kind, n)), named.map((n) => n.figure!));
}

/** The project a figure is of: its row's, the one it is listed under or named by, or the 绩效 block printing its line. */
function projectOf(s: Sources, f: Figure, listed?: Named): { name: string | undefined; row: ProjectRow | undefined; group: string | undefined } {
  const doc = f.document.id;
  const projects = s.queries.projects(doc);
  // A 绩效 row read as a count (莲湖 临聘人员 32人, 表14-5 line 744) is its project block's: the owner printing that line.
  const owner = () => s.queries.owners(doc).find((o) => o.project_id !== null && s.queries.targets(o.id).some((t) => t.line === f.line))?.name;
  const byId = f.projectId != null ? projects.find((p) => p.id === f.projectId) : undefined;
  const name = f.project ?? f.of ?? byId?.name ?? (listed?.project ? f.label : undefined) ?? owner();
  const row = byId ?? projects.find((p) => p.name === name && (f.entity === f.document.department || s.entity(f.document, p.unit_id) === f.entity));
  // 莲湖 医保工作经费补助 is printed under the group 医疗保险经办机构经费 (表10 line 599).
  const group = row?.parent_id != null ? projects.find((p) => p.id === row.parent_id)?.name : undefined;
  return { name, row, group };
}

/** One figure's project, unit, and table and line, the kind asked first. */
function whereFrom(s: Sources, f: Figure, kind: ProvenanceKind, listed?: Named): string {
  const { name: project, group } = projectOf(s, f, listed);
  // Only a table cell with no project on its row is said to be none's; of a sentence, nothing is claimed.
  const none = f.measure !== undefined ? '不是某个项目的数字' : '没有查到它所属的项目';
  const said = {
    project: `${project === undefined ? none : project === f.label ? '这一项本身就是一个项目' : `属于项目“${project}”`}${group ? `，列在项目组“${group}”之下` : ''}`,
    unit: `属于${f.entity}`,
    table: `印在${citation(f.document.display, f.table, f.line)}（原文：${f.raw.trim() || '空白'}）`,
  };
  const order = [kind, ...PROVENANCE_KINDS.filter((k) => k !== kind)];
  return `${f.label}（${show(f)}）：${order.map((k) => said[k]).join('；')}。`;
}

/**
 * 第二项是干什么的, 倒数第一个是做什么用的, 它是干嘛的 after a list (procurement rows, projects) or a figure: what the
 * document says the item is for — the project it belongs to, that project's description (项目内容, 项目概述) or else
 * its 总体目标, each cited at its line; neither printed, said so beside where the item belongs. Null unless the
 * message is an item pointed at and those words, and the item pointed at is one answered with a figure.
 */
export function purposeOfItem(s: Sources, understander: Understander, said: FollowUpWords, c: Conversation | undefined): Reply | null {
  if (!said.purpose || !c) return null;
  const { before } = said.purpose;
  const read = before ? understander.understand(before) : null;
  if (read && !read.ok) return null;
  const q = read?.query;
  // 第三个项目: 项目 names the kind of item pointed at, nothing of its own.
  const named = q ? q.entities.length + q.unknown.length + q.candidates.length + q.targets.filter((t) => !(t.kind === 'metric' && t.key === 'project')).length > 0 || q.set || q.arithmetic : false;
  if (named || (q && q.reference?.kind !== 'item' && q.reference?.kind !== 'it')) return null;
  const item = q ? referent({ ...q, targets: [] }, c) : (c.pointed ?? c.subject ?? null);
  const f = item?.figure;
  if (!f || f.derived) return null;
  const { name, row } = projectOf(s, f, item);
  const tables = tableNames(s, f.document.id);
  const lines = [whereFrom(s, f, 'project', item)];
  const figures: Figure[] = [f];
  const owner = row ? s.queries.owners(f.document.id).find((o) => o.project_id === row.id && o.goal) : undefined;
  const scope = { doc: f.document, year: f.year ?? f.document.fiscal_year, entity: f.entity, unitId: null, yearNote: null };
  // A description printed on the project's own row (抚顺 表9 项目内容); one read from elsewhere is its 绩效 block's goal, cited there.
  const squeezed = (t: string) => t.replace(/\s+/g, '');
  if (row?.description && squeezed(row.raw_text).includes(squeezed(row.description).slice(0, 12))) {
    const table = tables.get(row.table_id) ?? null;
    lines.push(`项目“${row.name}”的说明：${row.description}（${table ?? '正文'}第${row.line}行）`);
    figures.push({ ...nameFigure(scope, `${row.name}项目说明`, row.description, row.line), table, project: row.name });
  } else if (owner) {
    const table = tables.get(owner.table_id) ?? null;
    const line = owner.goal_line ?? owner.line;
    lines.push(`项目“${owner.name}”的总体目标：${owner.goal}（${table ?? '正文'}第${line}行）`);
    figures.push(ownerFigure(owner, scope, table, { label: '总体目标', value: owner.goal!, unit: '', raw: owner.goal!, line }));
  } else lines.push(`文件没有说明${name ? `项目“${name}”` : f.label}是做什么的，只印了上面的数字。`);
  return reply('answered', lines, figures);
}

const { measures, aliases } = shapes.targetUnits;
const MEASURE_WORDS = new RegExp(alternation(measures), 'g');
/** 400.08万人: a target printed in 万 of a measure counts ten thousand of it. */
const TEN_THOUSAND = /^万(?=.)/;

/** The project the last question was about, in its one department: what 它要印多少册 asks a target of. */
function lastProject(c: Conversation | undefined): StructuredQuery | null {
  const q = c?.query;
  if (!q || q.entities.length !== 1 || q.targets.length !== 1 || q.targets[0]!.kind !== 'project' || q.set) return null;
  return q;
}

/** Whether a follow-up names no thing of its own: figures named (培训 of 培训几批, 人 read as a headcount) are words of a target there. */
function namesNothingButCount(q: StructuredQuery): boolean {
  const figuresOnly = q.targets.every((t) => t.kind === 'metric');
  // 它的总体目标里保障几条专线: a number its goal text states (described-project.ts), not a target in that unit.
  return q.entities.length === 0 && figuresOnly && !q.set && !q.goal && !q.describe && q.years.length === 0 && q.arithmetic === null && q.reference === null;
}

/**
 * 它要保障多少人, 要印多少册, 培训几期, 要管多少家机构 after a project: its performance targets in the unit asked, the
 * words beside it picking which (indicatorsInUnit). Null unless the message asks a count in a measure word
 * (targetUnits.measures) and the last question was about a project; null too where none of its targets is in that unit.
 */
export function targetByMeasure(s: Sources, q: StructuredQuery, c: Conversation | undefined): { reply: Reply; query: StructuredQuery } | null {
  const project = lastProject(c);
  const measured = q.targetAsked?.measure === true;
  if (!project || !(measured || q.targetAsked?.verb) || !namesNothingButCount(q)) return null;
  const asked: StructuredQuery = { ...project, intent: 'performance', text: q.text, asked: q.asked, unknown: q.unknown, candidates: [], reference: null };
  const scopes = resolveScopes(s.catalog, asked);
  if (!Array.isArray(scopes) || scopes.length !== 1) return null;
  const words = [...q.unknown, ...q.candidates.map((x) => x.text), ...q.targets.flatMap((t) => (t.kind === 'metric' && metricOf(t.key).kind !== 'count' ? [t.text] : []))];
  const r = indicatorsInUnit(s, asked, scopes[0]!, words, !measured);
  if (!r || r.status !== 'answered' || r.figures.length === 0) {
    const none = measured ? unitNotPrinted(s, asked, scopes[0]!, words) : null;
    return none ? { reply: none, query: asked } : null;
  }
  // 要保障多少人 of a project whose only target in 人 is its trainees: characters typed that name none of them, or a
  // target counting an activity not asked, no answer.
  const said = words.join('');
  const typed = namingChars(said.replace(MEASURE_WORDS, ''));
  const indicator = (f: Figure) => f.label.slice(f.label.indexOf('“'));
  const named = (f: Figure) => (typed.size === 0 || [...typed].some((ch) => indicator(f).includes(ch))) && !activityUnsaid(indicator(f), said);
  return r.figures.some(named) ? { reply: r, query: asked } : null;
}

/**
 * 那平均每人多少, 平均每册多少钱 after a project's target in that unit: the project's money over the target's number,
 * shown as the formula with both inputs cited, said to divide by a number the target sets. Null unless the last answer
 * gave such a target.
 */
export function perTargetOfLast(s: Sources, q: StructuredQuery, c: Conversation | undefined): Reply | null {
  // 每人每月补助标准是多少: a standard asked per head is the target printing it, never money divided.
  const perTarget = q.asked?.standard ? undefined : q.targetAsked?.per;
  // 平均每家: 每家 is no set of departments here.
  if (!perTarget || !c || !namesNothingButPer(q.set && perTarget.text.includes(q.set.text) ? { ...q, set: null } : q)) return null;
  const { unit } = perTarget;
  const counted = (f: Figure) => (f.unit ?? '').replace(TEN_THOUSAND, '');
  const targets = (c.figures ?? []).filter((f) => !f.derived && f.project !== undefined && typeof f.value === 'number' && !f.label.endsWith('实际完成值') && (counted(f) === unit || ((aliases as Record<string, string[]>)[counted(f)] ?? []).includes(unit)));
  const target = targets[0];
  // 打算买几辆 → 平均一辆多少钱: the project of the target answered, when the last question named none.
  const project = target ? (lastProject(c) ?? projectOfFigure(s, c, target)) : null;
  if (!target || !project) return null;
  if (targets.length > 1) return reply('ambiguous', [`上面有几个以“${unit}”计的目标：${targets.map((f) => `${f.label}${show(f)}（第${f.line}行）`).join('、')}，请说明按哪个计算平均每${unit}多少。`]);
  const money = answerQuery(s, { ...project, intent: 'lookup', text: '', unknown: [], candidates: [], reference: null, arithmetic: null });
  const amount = money.status === 'answered' ? money.figures.find((f) => !f.derived && f.fen !== null) : undefined;
  const scale = TEN_THOUSAND.test(target.unit ?? '') ? 10_000 : 1;
  const n = (target.value as number) * scale;
  if (!amount || n <= 0) return reply('not_found', [`没有找到${target.project}的金额，或目标数为0，无法计算平均每${unit}多少。`]);
  const fen = Math.round(amount.fen! / n);
  const label = `平均每${unit}${amount.label}（按${target.label}）`;
  const formula = `${show(amount)} ÷ ${show(target)}${scale > 1 ? `（${n.toLocaleString('en-US')}${unit}）` : ''}`;
  const f = derivedFigure('per_unit', [amount, target], label, { fen }, `${label} = ${formula}`);
  const per = fen < 1_000_000 ? `${(fen / 100).toFixed(2)}元` : show(f);
  return reply('answered', [`${heading(amount.entity, amount.document)} ${label}：${per} = ${formula}（${target.label}是绩效目标设定的数，见第${target.line}行；金额见第${amount.line}行）`], [f, amount, target]);
}

/** The project a target figure answered belongs to, as the last question's department asked it (its name read exactly); null when none. */
function projectOfFigure(s: Sources, c: Conversation, f: Figure): StructuredQuery | null {
  const name = f.project;
  if (name === undefined || c.query.entities.length !== 1) return null;
  const ids = s.queries.projects(f.document.id).filter((p) => p.name === name).map((p) => p.id);
  return ids.length ? { ...c.query, set: null, targets: [{ kind: 'project', name, ids, text: name, fuzzy: false }] } : null;
}

/** 那平均每人多少: nothing named but the per-unit words (平均 may read as an average, 人 as a headcount). */
function namesNothingButPer(q: StructuredQuery): boolean {
  const countOnly = q.targets.every((t) => t.kind === 'metric' && metricOf(t.key).kind === 'count');
  return q.entities.length === 0 && countOnly && !q.set && q.years.length === 0;
}

/** The last answer was a list, a ranking or a breakdown an ordinal counts through. */
const listedLast = (c: Conversation | undefined): c is Conversation & { items: Named[] } =>
  c?.items !== undefined && (c.query.intent === 'list' || c.query.intent === 'rank' || c.query.intent === 'breakdown');

/**
 * 一共几项 after a list, a ranking or a breakdown: how many it holds — a list's count as its own question gives it
 * (抚顺有几个项目: unpriced projects counted in words), a ranking's every item ranked (not only those shown), a
 * breakdown's parts — the count a figure made by counting them. Null unless the message asks only that after one.
 */
export function countOfList(s: Sources, said: FollowUpWords, c: Conversation | undefined): Reply | null {
  if (!said.listCount || !listedLast(c)) return null;
  const q = c.query;
  if (q.intent === 'list') return answerQuery(s, { ...q, countAsked: true });
  const ranked = q.intent === 'rank' ? answerQuery(s, { ...q, top: MAX_RANKED }) : null;
  const all = ranked ? ranked.figures.filter((f) => !f.derived) : c.items.flatMap((n) => n.figure ?? []);
  if (all.length === 0) return null;
  const what = ranked ? '排序中的项' : '明细项';
  const more = ranked && all.length >= MAX_RANKED ? `（至少${MAX_RANKED}项，只数到${MAX_RANKED}项）` : '';
  // What the ranking leaves out is said with its count (曲阳: 7 projects printed without an amount).
  const notes = ranked ? ranked.lines.filter((l) => l.startsWith('注：')) : [];
  return reply('answered', [`上面的${ranked ? '排序' : '明细'}共${all.length}项${more}。`, ...notes], [countOf(all, what, '项'), ...all]);
}

/**
 * 展开说说 after a figure answered alone: its 明细 (a project's: its 绩效目标); after a list or a ranking, what can be asked of it (nothing is
 * guessed). Null unless the message asks only that.
 */
export function expandLast(s: Sources, text: string, said: FollowUpWords, c: Conversation | undefined): { reply: Reply; query?: StructuredQuery } | null {
  if (!said.expand) return null;
  const q = c?.query;
  if (q && !listedLast(c) && q.intent === 'lookup' && q.targets.length === 1 && q.entities.length === 1 && !q.set) {
    // A project has no 明细 but its targets say what it is for.
    if (q.targets[0]!.kind === 'project') {
      const goals: StructuredQuery = { ...q, intent: 'performance', reference: null, arithmetic: null };
      const r = answerQuery(s, goals);
      if (r.status === 'answered') return { reply: r, query: goals };
    }
    const asked: StructuredQuery = { ...q, intent: 'breakdown', reference: null, arithmetic: null };
    return { reply: answerQuery(s, asked), query: asked };
  }
  const examples = listedLast(c) ? ['第二个', '第二个的绩效目标', '按金额排一下', '只看前三', '一共几项', '其他的呢'] : ['曲阳 2023 三公经费 明细', '抚顺 项目支出 前5'];
  return { reply: reply('ambiguous', [`“${text.trim()}”要展开哪一项？${listedLast(c) ? '上面是一个列表，可以接着问某一项，例如：' : '可以这样问：'}`], [], examples) };
}

/**
 * 还有吗, 还有别的吗 after a list, a ranking or a part of a whole: read as 其他的呢 (the rest, or that nothing is left).
 * Null unless the message asks only that after one of them.
 */
export function moreAsked(said: FollowUpWords, c: Conversation | undefined): string | null {
  return said.more && (listedLast(c) || c?.whole !== undefined || c?.restShown) ? '其他的呢' : null;
}

/**
 * 其中运行费那部分呢 after 三公经费: a short word naming no figure alone that exactly one part of the figure before holds in
 * its name or a spelling (运行费: 公务用车运行维护费 — its whole 公务用车购置及运行费 holds it too, and the finer part is
 * meant; 车, held by 购置 and 运行 both, is their whole 公务用车购置及运行费) — the question read with that part's name. Null when the word is a spelling of its own, names none of the
 * parts or several.
 */
export function partNamedShort(said: FollowUpWords, c: Conversation | undefined): string | null {
  const m = said.shortPart;
  const last = c?.query.targets.length === 1 ? c.query.targets[0] : undefined;
  const whole = c?.whole ?? last;
  if (!m || whole?.kind !== 'metric') return null;
  const { word } = m;
  const parts = partsWithin(whole.key);
  const spellings = (k: string) => [metricOf(k).name, ...metricOf(k).ask];
  if (parts.some((k) => spellings(k).includes(word))) return null;
  const holding = parts.filter((k) => spellings(k).some((w) => w.includes(word)));
  const finest = holding.filter((k) => !partsWithin(k).some((p) => holding.includes(p)));
  // 其中车那部分: the word held by several parts of one part that holds it too (购置 and 运行 of 公务用车购置及运行费) is that part.
  const over = finest.length > 1 ? holding.filter((k) => finest.every((f) => partsWithin(k).includes(f))) : finest;
  const named = over.filter((k) => !over.some((o) => o !== k && partsWithin(k).includes(o)));
  if (named.length !== 1) return null;
  return `${m.part ?? '其中'}${metricOf(named[0]!).name}${m.asking ?? '呢'}`;
}

/** 每人每月补助标准: a standard named per head or per month is the target printing it, no division asked. */
const standardPer = (q: StructuredQuery) => q.asked?.standard === true && ['per_head', 'per_month', 'per_unit'].includes(q.arithmetic?.op ?? '');

/**
 * 那培训呢, 那审核的呢 after a project's targets: the indicator of that project the words name (indicatorNamed), before
 * anything of the department the words might name. Null unless the last answer was that project's targets and this
 * one names no thing of its own.
 */
export function otherTargetOfProject(s: Sources, q: StructuredQuery, c: Conversation | undefined): Reply | null {
  const project = lastProject(c);
  // 那购买的呢: a project named only by part of its name (购买服务岗位补充经费) may be the words of this project's indicator (购买专业资料).
  const partly = (t: Target) => t.kind === 'metric' || (t.kind === 'project' && t.text !== t.name);
  if (!project || q.entities.length > 0 || q.set || !q.targets.every(partly) || (q.arithmetic && !standardPer(q)) || q.reference) return null;
  const [named] = project.targets;
  if (named?.kind !== 'project') return null;
  // 要聘请多少服务人员 → 那培训呢: an answer that was only its targets is about its targets, whatever the intent read.
  const targetsShown = Boolean(c!.figures?.length) && c!.figures!.every((f) => f.label.startsWith(`${named.name}绩效指标`));
  if (c!.query.intent !== 'performance' && !targetsShown) return null;
  const scopes = resolveScopes(s.catalog, { ...project, unknown: [], candidates: [] });
  if (!Array.isArray(scopes) || scopes.length !== 1) return null;
  const r = indicatorNamed(s, scopes[0]!, named.ids, q.text, named.name) ?? (q.asked?.standard ? standardOfProject(s, scopes[0]!, named.ids) : null);
  return r?.status === 'answered' ? r : null;
}

/**
 * 北票一年要扫描多少份档案 → 那平均每个多少钱 / 那归档的呢 / 它的绩效目标: targets of one project answered with no project named make
 * that project the one asked about, as if named; targets of several projects, or anything else, leave the question as asked.
 */
export function projectOfTargets(s: Sources, q: StructuredQuery, r: Reply): StructuredQuery {
  const [f] = r.figures;
  if (r.status !== 'answered' || !f || q.entities.length !== 1 || q.targets.some((t) => t.kind === 'project') || q.set) return q;
  const name = f.project;
  if (name === undefined || !r.figures.every((x) => x.project === name && x.label.startsWith(`${name}绩效指标`))) return q;
  const key = nameKey(name);
  const ids = s.queries.projects(f.document.id).filter((p) => p.name === name || p.name_key === key).map((p) => p.id);
  return ids.length ? { ...q, intent: 'performance', targets: [{ kind: 'project', name, ids, text: name, fuzzy: false }], unknown: [], candidates: [] } : q;
}


/** As many items of a short list as a reply names in brief (an ordinal past its end, the parts a description did not pick). */
export const NAMED_IN_BRIEF = 10;

/**
 * 第五个 after a list of three (any list or ranking an ordinal counts through): the list had only so many, each named
 * briefly — never the question asked again without the item, nor another list's item. Null while the item is there.
 */
export function pastEndOfList(q: StructuredQuery, c: Conversation | undefined): Reply | null {
  const ref = q.reference;
  const items = c?.items;
  if (ref?.kind !== 'item' || !items?.length || q.entities.length > 0 || q.set || q.ordered || q.table || ref.index <= items.length) return null;
  const names = items.slice(0, NAMED_IN_BRIEF).map((n) => (typeof n.figure?.value === 'string' ? n.figure.value : n.words || n.entity));
  const more = items.length > NAMED_IN_BRIEF ? '等' : '';
  // A ranking cut to its first N holds more than it showed: what is past them is asked as the rest.
  const cut = c!.query.intent === 'rank' && c!.query.top !== null ? '要看排在后面的，可以问“剩下的呢”。' : '';
  return reply('not_found', [`上面列出的只有${items.length}项：${names.join('、')}${more}；没有“${ref.text}”。${cut}`]);
}
