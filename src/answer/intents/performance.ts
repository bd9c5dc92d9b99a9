// 绩效: a project's or a unit's performance targets (一级/二级/三级指标, 指标值),
// and for a 决算 its self-evaluation: 完成值, 得分, 总得分.
import type { StructuredQuery, Target } from '../../query/ast.ts';
import type { PerformanceOwnerRow, PerformanceTargetRow } from '../../store/schema.ts';
import { STANDARD } from '../../query/asked.ts';
import { IGNORED_WORDS } from '../../query/loose.ts';
import { fromCell, fromFact, show, usable } from '../figures.ts';
import { printedAt, tableName } from '../format.ts';
import { heading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import { metricFigures, pick, remember, type Sources } from '../sources.ts';
import { countOf } from './list.ts';
import type { Figure } from '../figures.ts';
import { metric as metricOf, metrics } from '../../store/metrics.ts';
import { stageOf } from '../targets.ts';
import { asProject } from '../namesakes.ts';
import { alternation } from '../../query/normalize/words.ts';
import { convertChineseNumerals } from '../../query/normalize/numerals.ts';
import words from '../../../grammar/words.json' with { type: 'json' };
import shapes from '../../../grammar/shapes.json' with { type: 'json' };

const MAX_TARGETS = 15;
/** Project names listed when a department's own goals are not found. */
const MAX_PROJECTS_NAMED = 10;

/** A target as printed, its operator (but =) before and its unit after (≥95%, 1辆). */
const targetText = (t: PerformanceTargetRow) =>
  `${t.operator && t.operator !== '=' ? t.operator : ''}${t.target_value ?? ''}${t.target_unit && !(t.target_value ?? '').endsWith(t.target_unit) ? t.target_unit : ''}`;

/** A 完成值 as printed; a bare number done is in the target's unit (完成100 under 度量单位 %): said with it. */
function doneText(t: PerformanceTargetRow): string {
  const unit = t.actual_value !== null && t.actual_number !== null && t.actual_unit && !t.actual_value.endsWith(t.actual_unit) ? t.actual_unit : '';
  return `${t.actual_value ?? ''}${unit}`;
}

function describeTarget(t: PerformanceTargetRow): string {
  // An indicator stated in the prose reads as its sentence; a table row as its levels and value.
  if (t.table_id === null) return `· ${t.description ?? t.level3}`;
  const level = [t.level1, t.level2].filter(Boolean).join('/');
  const done = t.actual_value !== null ? `，完成${doneText(t)}` : '';
  const score = t.score !== null ? `，得分${t.score}/${t.weight}` : '';
  return `· ${level ? `${level}：` : ''}${t.level3} ${targetText(t)}${done}${score}`;
}

/**
 * An indicator stated in the prose, as a figure cited at its sentence: unlike a table
 * row, which the heading cites by its table, the prose has nothing else to cite it by.
 */
function proseTargetFigure(o: PerformanceOwnerRow, t: PerformanceTargetRow, scope: Scope): Figure | null {
  if (t.table_id !== null || t.target_number === null) return null;
  return ownerFigure(o, scope, null, { label: `绩效指标“${t.level3}”`, value: t.target_number, unit: t.target_unit ?? '', raw: t.description ?? t.raw_text, line: t.line });
}

/** An indicator printed in a table with a number for its target (≥95%, 1辆): a figure cited at its row, so the JSON carries what the text prints. */
function tableTargetFigure(o: PerformanceOwnerRow, t: PerformanceTargetRow, scope: Scope, table: string | null): Figure | null {
  if (t.table_id === null || t.target_number === null) return null;
  return ownerFigure(o, scope, table, { label: `绩效指标“${t.level3}”`, value: t.target_number, unit: t.target_unit ?? '', raw: t.raw_text, line: t.line });
}

/**
 * 临聘人员有多少, 有几个公益性岗位人员: the 绩效 indicators of people counted (in 人 or 名) whose names hold one of
 * `words`, as printed — those naming the word typed first; 打算买几辆车: of cars bought, in `units` (辆, 台).
 */
export function indicatorsCounting(s: Sources, scope: Scope, words: string[], typed: string, units: readonly string[] = ['人', '名']): Figure[] {
  // Most figures have no such words: reading every target of the document for none cost a national corpus's tail.
  if (words.length === 0) return [];
  const tables = tableNames(s, scope.doc.id);
  const found = s.queries.owners(scope.doc.id).flatMap((o) =>
    s.queries
      .targets(o.id)
      .filter((t) => t.level3 !== null && units.includes(t.target_unit ?? '') && words.some((w) => t.level3!.includes(w)))
      .flatMap((t) => proseTargetFigure(o, t, scope) ?? tableTargetFigure(o, t, scope, tables.get(o.table_id) ?? null) ?? []),
  );
  return [...found.filter((f) => f.label.includes(typed)), ...found.filter((f) => !f.label.includes(typed))];
}

/**
 * 公务员医疗救助平均到每个公务员医疗人员: the people a project's own 绩效 indicators count (in 人 or 名, never 人次), each a
 * figure cited at its row — targets set, not people counted.
 */
export function projectPeopleTargets(s: Sources, scope: Scope, ids: number[]): Figure[] {
  const tables = tableNames(s, scope.doc.id);
  return s.queries
    .owners(scope.doc.id)
    .filter((o) => o.project_id !== null && ids.includes(o.project_id))
    .flatMap((o) =>
      s.queries
        .targets(o.id)
        .filter((t) => /^[人名]$/.test(t.target_unit ?? '') && (t.target_number ?? 0) > 0)
        .flatMap((t) => proseTargetFigure(o, t, scope) ?? tableTargetFigure(o, t, scope, tables.get(o.table_id) ?? null) ?? []),
    );
}

/** A 自评表's 实际完成值 that is a number (271家, 0.3‰): a figure cited at its indicator's row. */
function actualFigure(o: PerformanceOwnerRow, t: PerformanceTargetRow, scope: Scope, table: string | null): Figure | null {
  if (t.actual_number === null) return null;
  return ownerFigure(o, scope, table, { label: `绩效指标“${t.level3}”实际完成值`, value: t.actual_number, unit: t.actual_unit ?? '', raw: t.actual_value ?? '', line: t.line });
}

const bareName = (s: string) => s.replace(/[\s\u3000“”"（）()]/g, '');

/**
 * Words the question names no figure by may name indicators of the document's 绩效表 (家庭医生签约服务人次):
 * each indicator they name, with its target and, in a 自评表, what was done, cited at its row — the done value
 * first when the question asks for it (实际完成值, 完成了多少). Null when a word names no indicator, or holds a
 * run shorter than `shortest` characters: the words are not understood, and the caller says so.
 */
export function indicators(s: Sources, q: StructuredQuery, scope: Scope, words: string[], shortest = 2): Reply | null {
  if (words.length === 0 || words.some((w) => nameRunsOf(w).some((r) => [...r].length < shortest))) return null;
  const found = words.map((w) => indicatorsNamedBy(s, scope, w));
  return found.every((f) => f.length > 0) ? indicatorReply(s, scope, [...new Set(found.flat())], doneAsked(q)) : null;
}

/** Words asking of indicators that name none (整体绩效, 目标, 完成值), and the characters gluing them to a name (shapes.json indicatorNames). */
const ASKING_NO_NAME = new RegExp(alternation(shapes.indicatorNames.asking), 'g');
const NAME_EDGES = new RegExp(`^(?:${alternation(shapes.indicatorNames.edges)})+|(?:${alternation(shapes.indicatorNames.edges)})+$`, 'g');
/** 办公面积的完成值, 增长率目标: an indicator asked (shapes.json indicatorNames.named). */
const INDICATOR_ASKED = new RegExp(alternation(shapes.indicatorNames.named));
/** 预算执行率的完成值: the done value asked (shapes.json indicatorNames.done). */
const DONE_ASKED = new RegExp(alternation(shapes.indicatorNames.done));

/** 的质量合格率目标 → 质量合格率: the runs of words that may name an indicator; a name is read alike (预算绩效目标覆盖率 → 预算, 覆盖率). */
const nameRunsOf = (text: string) =>
  wordsNamingIndicator(bareName(text))
    .replace(ASKING_NO_NAME, ' ')
    .split(/\s+/)
    .map((r) => r.replace(NAME_EDGES, ''))
    .filter((r) => [...r].length >= 2);

/** The indicators of a document (its own and its projects') whose names, read alike, hold every run of the words typed; none where they leave no run. */
function indicatorsNamedBy(s: Sources, scope: Scope, typed: string): Counted[] {
  const runs = nameRunsOf(typed);
  if (runs.length === 0) return [];
  // Each name read once per document, not per question.
  const named = remember(s, `indicatorNames|${scope.doc.id}`, () => s.queries.owners(scope.doc.id).flatMap((o) => s.queries.targets(o.id).map((t) => ({ o, t, name: nameRunsOf(t.level3).join(' ') }))));
  return named.filter(({ name }) => runs.every((r) => name.includes(r))).map(({ o, t }) => ({ o, t }));
}

/** The words of a question less the departments named and the years: what may name an indicator. */
const typedBeyond = (q: StructuredQuery) => q.entities.reduce((t, e) => t.replace(e.text, ' '), q.text).replace(/\d{4}\s*年度?/g, ' ');

/**
 * 沈阳医保中心的质量合格率目标, 北票的增长率目标, 北票整体绩效自评中预算执行率的完成值: the indicators of the department (its
 * own and its projects') whose names hold every run of the words typed, read alike, each labelled with its owner
 * and cited at its row. Null when the words leave no run or name none.
 */
export function indicatorsTyped(s: Sources, q: StructuredQuery, scope: Scope): Reply | null {
  const found = indicatorsNamedBy(s, scope, typedBeyond(q));
  return found.length ? indicatorReply(s, scope, found, doneAsked(q)) : null;
}

/**
 * 曲阳的宣传目标完成率: the indicators whose names the words typed spell for the most part — two thirds of a name's
 * characters, read alike — so that a word they share (执行率 of 政府采购执行率) names none. Null when none is so spelt.
 */
export function indicatorsSpelt(s: Sources, q: StructuredQuery, scope: Scope): Reply | null {
  const typed = nameRunsOf(typedBeyond(q)).join('').length;
  const found = indicatorsNamedBy(s, scope, typedBeyond(q)).filter(({ t }) => typed * 3 >= nameRunsOf(t.level3).join('').length * 2);
  return found.length ? indicatorReply(s, scope, found, doneAsked(q)) : null;
}

/**
 * 北票整体绩效自评中办公面积的完成值: asked of indicators by a name none of the document's holds — said so with the name
 * as read, offering the document's blocks; null when the words leave no name or ask no indicator (没达到良好的项目).
 */
export function indicatorUnnamed(s: Sources, q: StructuredQuery, scope: Scope): Reply | null {
  const asked = nameRunsOf(typedBeyond(q)).join('');
  if (!asked || !INDICATOR_ASKED.test(q.text)) return null;
  const projects = allProjectOwners(s, scope);
  const lines = [...(scope.yearNote ? [scope.yearNote] : []), `${heading(scope.entity, scope.doc)}的绩效指标中没有名称含“${asked}”的。`];
  return reply('not_found', lines, [], [`${scope.doc.short} 绩效${scope.doc.stage === '决算' ? '自评' : '目标'}`, ...projectQuestions(scope, projects).slice(0, 3)]);
}

/** Whether a question asks an indicator's 完成值 (shapes.json indicatorNames.done). */
export const doneAsked = (q: StructuredQuery) => DONE_ASKED.test(q.text);

/** Indicators found, each under its owner and row: the 完成值 first where it is asked; a 预算, which prints none, says so first. */
function indicatorReply(s: Sources, scope: Scope, found: readonly Counted[], doneFirst: boolean): Reply {
  const tables = tableNames(s, scope.doc.id);
  const head = heading(scope.entity, scope.doc);
  const lines = scope.yearNote ? [scope.yearNote] : [];
  if (doneFirst && scope.doc.stage === '预算') lines.push(`${head}中没有完成值：预算只有年初设定的绩效目标，完成情况随决算的绩效自评公开。以下是目标值。`);
  const figures: Figure[] = [];
  for (const { o, t } of found) {
    const table = tables.get(o.table_id) ?? null;
    lines.push(`${head} ${o.name}的绩效指标（${table ?? '正文'}第${t.line}行）：`, describeTarget(t));
    const target = proseTargetFigure(o, t, scope) ?? tableTargetFigure(o, t, scope, table);
    const done = actualFigure(o, t, scope, table);
    figures.push(...(doneFirst ? [done, target] : [target, done]).filter((f): f is Figure => f !== null));
  }
  return reply('answered', lines, figures);
}

/** 为什么这么低: the shortcomings the project's summary states, said as the text states them; none stated is said so. */
function statedReason(q: StructuredQuery, reason: { text: string; line: number } | null): string[] {
  if (!q.reason) return [];
  return [reason ? `文中说明的问题及原因：${reason.text}（正文第${reason.line}行）` : '文中没有说明问题及原因。'];
}

/** The problems the text states with a project's rate (its 自评综述's 问题及原因), which its score answers to too, or null. */
function projectReason(s: Sources, scope: Scope, o: PerformanceOwnerRow): { text: string; line: number } | null {
  const key = s.queries.projects(scope.doc.id).find((p) => p.id === o.project_id)?.name_key;
  return key ? reasonStated(s, scope, key) : null;
}

/** The problems the text states with the rate of the project of that name key, or null. */
function reasonStated(s: Sources, scope: Scope, key: string): { text: string; line: number } | null {
  const fact = s.queries.factsByName(scope.doc.id, key).find((f) => f.reason && f.aspect === 'execution_rate');
  return fact ? { text: fact.reason!, line: fact.line } : null;
}


/** A number a goal text states, with what it is counted in; not a number that only numbers the goal's parts (目标1：, 1.). */
const GOAL_NUMBER = new RegExp(`(?<!${alternation(shapes.goalText.notNumbers)})(\\d+(?:\\.\\d+)?)\\s*(${alternation(shapes.goalText.units)})?(?![.．、：:\\d])`, 'g');

/**
 * Where a measure word asked may begin: after 几 or 多少, and (`orSpace`) at the start or after a space not after a
 * digit (多少 arrives read as a space; 2024 年 is a year). Found in one pass, so that no pattern is made per unit asked.
 */
function measureStarts(asked: string, orSpace: boolean): number[] {
  const at = orSpace ? [0] : [];
  for (let i = 0; i < asked.length; i++) {
    const ch = asked[i]!;
    // 几个人次, 多少个批次: the measure after 个 is asked too (个 itself where none follows).
    const after = ch === '几' ? i + 1 : ch === '多' && asked[i + 1] === '少' ? i + 2 : -1;
    if (after >= 0) at.push(...(asked[after] === '个' ? [after, after + 1] : [after]));
    else if (orSpace && /\s/.test(ch) && !(i > 0 && /\d/.test(asked[i - 1]!))) at.push(i + 1);
  }
  return at;
}

/** 多少人, 几条: the unit the question counts in is the number's (or one the goal counts the same things in: 名 for 人). */
function unitAsked(asked: string, unit: string): boolean {
  if (!unit || unit === '%') return false;
  const same = [unit, ...((shapes.goalText.sameUnits as Record<string, string[]>)[unit] ?? [])];
  const starts = measureStarts(asked, false);
  return same.some((u) => starts.some((i) => asked.startsWith(u, i)));
}

/**
 * 它的总体目标里住院救助比例是多少: the number the project's goal text states in the clause that shares most words
 * with the question (a rate asked, 比例/率, is one in %), cited at the block, the clause as printed beside it. Where
 * the goal states no number so named, it is said so and the goal quoted — never an indicator's number instead.
 */
export function goalNumber(s: Sources, scope: Scope, ids: number[], asked: string): Reply {
  const owners = s.queries.owners(scope.doc.id).filter((o) => o.project_id !== null && ids.includes(o.project_id) && o.goal);
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  if (owners.length === 0) return reply('not_found', [...note, `${head}中没有这个项目的总体目标。`]);
  const said = pairs(asked.replace(/[\s的]/g, ''));
  const rate = (shapes.targetUnits.aliases['%'] ?? []).some((w) => asked.includes(w));
  const found = owners.flatMap((o) =>
    convertChineseNumerals(o.goal!)
      .split(/[，,。；;]/)
      .flatMap((clause) => [...clause.matchAll(GOAL_NUMBER)].map((m) => ({ o, clause, value: Number(m[1]), unit: m[2] ?? '', shared: [...pairs(clause)].filter((p) => said.has(p)).length + Number(unitAsked(asked, m[2] ?? '')) }))),
  ).filter((x) => x.shared > 0 && (!rate || x.unit === '%'));
  // 年度目标里培训多少人: words naming what is counted (培训) must be the clause's; the unit alone (73名离休干部) is no answer to them.
  const naming = namingPairs(asked.replace(NOT_NAMED, ' '));
  const named = found.filter((x) => naming.size === 0 || [...pairs(x.clause)].some((p) => naming.has(p)));
  const best = Math.max(0, ...named.map((x) => x.shared));
  const chosen = named.filter((x) => x.shared === best);
  if (chosen.length === 0) return reply('not_found', [...note, ...owners.map((o) => `${head} ${o.name}的总体目标中没有写明这个数：${o.goal}（第${o.line}行起）`)]);
  const tables = tableNames(s, scope.doc.id);
  const figures = chosen.map(({ o, clause, value, unit }) => ownerFigure(o, scope, tables.get(o.table_id) ?? null, { label: `总体目标“${clause}”`, value, unit, raw: clause, line: o.goal_line ?? o.line }));
  return reply('answered', [...note, ...chosen.map(({ o, clause, value, unit }) => `${head} ${o.name}的总体目标（读的是目标文字）：${clause}——${value}${unit}（${tables.get(o.table_id) ?? '正文'}第${o.goal_line ?? o.line}行）`)], figures);
}

/** 一条 → 单条, 多少钱 → 成本: words a question says an indicator's name with (`indicatorWords` in shapes.json). */
const INDICATOR_WORDS = Object.entries(shapes.indicatorWords).filter(([k]) => k !== '$comment') as [string, string][];

/**
 * 曲阳专线一条一年多少钱, no project named: the indicator of any of the department's projects the words name, when
 * they ask a figure per unit (一条, 每份); else null.
 */
export function indicatorPerUnit(s: Sources, q: StructuredQuery, scope: Scope): Reply | null {
  if (!q.asked?.perUnit) return null;
  const typed = q.entities.reduce((t, e) => t.replace(e.text, ''), q.text);
  return indicatorNamed(s, scope, s.queries.projects(scope.doc.id).map((p) => p.id), typed, '');
}

const STANDARDS = new RegExp(STANDARD.source, 'g');
/** A 成本 / standard indicator: a cost or standard word in its name or its group's. */
const isStandard = (t: PerformanceTargetRow) => STANDARD.test(t.level3) || STANDARD.test(t.level2 ?? '');

/**
 * 单次租车成本, 曲阳公务用车成本标准, 沈阳人均财政补助标准: the 成本指标 / standard indicator of any of the department's
 * projects, or its own (of `project`'s only, where one is named), whose name the words name — each, labelled. Null when
 * none is named closely.
 */
export function standardNamed(s: Sources, q: StructuredQuery, scope: Scope, project?: { ids: number[]; text: string; name: string }): Reply | null {
  // The cost or standard word itself names no indicator (一条专线的成本标准 is not 公务用车成本标准); a 成本指标 row counts though its name holds none (档案室租赁费).
  // A project named: its own indicators only, its name naming none of them.
  const typed = [...q.entities.map((e) => e.text), ...(project ? [project.text, project.name] : [])].reduce((t, w) => t.replace(w, ''), q.text).replace(STANDARDS, ' ');
  const owners = project ? projectOwners(s, scope, project.ids) : s.queries.owners(scope.doc.id);
  // Of a project named, an indicator holding every word typed (人均财政补助标准 — never 财政补助成本 2500万元 for it).
  const words = project ? namingPairs(typed) : new Set<string>();
  const holds = (t: PerformanceTargetRow) => {
    if (!isStandard(t)) return false;
    const own = pairs(bareName(t.level3));
    return [...words].every((p) => own.has(p));
  };
  if (!ASKING_ONLY.test(typed)) return indicatorOf(s, scope, owners, typed, '', holds);
  // 成本指标有哪些, 成本标准是多少: no indicator named — every one under a cost heading (成本指标, 运行成本), each labelled.
  return indicatorOf(s, scope, owners, '', '', (t) => COST_GROUP.test(`${t.level1 ?? ''} ${t.level2 ?? ''}`), true);
}

const COST_GROUP = new RegExp(alternation(shapes.standardWords.groups));

/** 成本指标有哪些: words that, beside a cost or standard word, name no indicator (shapes.json standardWords.asking). */
const ASKING_ONLY = new RegExp(`^(?:${alternation(shapes.standardWords.asking)}|[\\s的都各是吗呢])*$`);

/** The characters two at a time: how many a question shares with an indicator's name. */
const pairs = (w: string) => new Set([...w].slice(1).map((c, i) => w[i]! + c));

/**
 * 那印刷宣传品的数量呢, 标语成本呢 after a project's targets: the indicator of that project the words name — sharing
 * the most pairs of characters with the question — with its target and what was done, cited at its row. Null when
 * no indicator is named closely.
 */
export function indicatorNamed(s: Sources, scope: Scope, ids: number[], typed: string, projectName: string, only: (t: PerformanceTargetRow) => boolean = () => true): Reply | null {
  return indicatorOf(s, scope, projectOwners(s, scope, ids), typed, projectName, only);
}

/** The 绩效 blocks of the projects of those ids. */
const projectOwners = (s: Sources, scope: Scope, ids: number[]) => s.queries.owners(scope.doc.id).filter((o) => o.project_id !== null && ids.includes(o.project_id));

/**
 * 每人每月的标准是多少 after a project's targets, its words naming no indicator closely: its one 成本 / standard indicator, when
 * it has exactly one; null otherwise.
 */
export function standardOfProject(s: Sources, scope: Scope, ids: number[]): Reply | null {
  const owners = projectOwners(s, scope, ids);
  const standards = owners.flatMap((o) => s.queries.targets(o.id).filter(isStandard));
  return standards.length === 1 ? indicatorOf(s, scope, owners, standards[0]!.level3, '', isStandard) : null;
}

/** The department's own targets (its 整体绩效目标表, or its 部门整体 / 分项绩效目标 text): those of its units, or of the one unit asked. */
/** Every project of the document that has targets (whatever unit the scope names: projects are the document's). */
function allProjectOwners(s: Sources, scope: Scope): PerformanceOwnerRow[] {
  return s.queries.owners(scope.doc.id).filter((o) => o.owner_kind === 'project');
}

export function departmentOwners(s: Sources, scope: Scope): PerformanceOwnerRow[] {
  return s.queries.owners(scope.doc.id).filter((o) => o.owner_kind === 'unit' && (scope.unitId === null || o.unit_id === scope.unitId));
}

/**
 * The indicator of some owners the words name (indicatorNamed), each cited at its row; null when none is named closely.
 * `every`: each indicator `only` keeps, none named by words (成本指标有哪些).
 */
export function indicatorOf(s: Sources, scope: Scope, owners: readonly PerformanceOwnerRow[], typed: string, projectName: string, only: (t: PerformanceTargetRow) => boolean = () => true, every = false, doneFirst = false): Reply | null {
  const chosen = indicatorsChosen(s, owners, typed, projectName, only, every);
  return chosen.length ? indicatorReply(s, scope, chosen, doneFirst) : null;
}

/** The indicators of some owners the words name closely (indicatorOf), with their owner. */
function indicatorsChosen(s: Sources, owners: readonly PerformanceOwnerRow[], typed: string, projectName: string, only: (t: PerformanceTargetRow) => boolean, every: boolean): { o: PerformanceOwnerRow; t: PerformanceTargetRow }[] {
  // The project's own name (typed with the question, or with 它 read as it) names no indicator.
  const own = pairs(projectName);
  const said = new Set([...pairs(INDICATOR_WORDS.reduce((t, [from, to]) => t.replaceAll(from, to), typed).replace(/^那么?|呢$|[\s的]/g, ''))].filter((p) => !own.has(p)));
  // Named closely (among one project's few indicators): three pairs of characters, or two that are most of the
  // indicator's name or most of what was typed (标语成本 in 每条标语、条幅制作成本).
  const scored = owners.flatMap((o) => s.queries.targets(o.id).filter(only).map((t) => {
    const name = pairs(bareName(t.level3).replace(/的/g, ''));
    const shared = [...name].filter((p) => said.has(p)).length;
    return { o, t, shared, enough: shared >= 3 || (shared >= 2 && (shared * 2 >= name.size || shared * 3 >= said.size * 2)), whole: said.size > 0 && shared === said.size };
  }));
  const best = Math.max(0, ...scored.filter((x) => x.enough).map((x) => x.shared));
  // 那培训呢, 那审核的呢: a word too short to be named closely names the indicators holding all of it — each, when two do.
  const named = every ? scored : best > 0 ? scored.filter((x) => x.enough && x.shared === best) : scored.filter((x) => x.whole);
  // 年度目标里服务对象满意度: words no indicator's name holds but its group's heading does (服务对象满意度 / 服务被投诉率).
  return named.length || said.size === 0 ? named : scored.filter(({ t }) => [...said].every((p) => pairs(t.level2 ?? '').has(p)));
}

/**
 * 这个项目全年要请多少人次专家, 它要检查多少家, 比例是多少: the asked project's indicators counted in the unit the
 * question names (shapes.json targetUnits), those sharing most words with the question first — their targets as set,
 * never a count of anything else. Null when the question names no unit its indicators print.
 */
/** The indicators of some owners of a document that have a number and a unit, with their owner. */
function countedTargets(s: Sources, owners: readonly PerformanceOwnerRow[]): { o: PerformanceOwnerRow; t: PerformanceTargetRow }[] {
  return owners.flatMap((o) => s.queries.targets(o.id).filter((t) => t.target_number !== null && t.target_unit).map((t) => ({ o, t })));
}

// 医保工作经费补助项目: 项 of 项目 (or 专项) typed after a name is no count asked in 项.
const PROJECT_WORDS = new RegExp(alternation(words.listTargets.projects), 'g');
/** The words asked with each project word (项目, 专项) blanked, its length kept: 项 of 项目 is never the measure asked. */
const withoutProjectWords = (asked: string) => asked.replace(PROJECT_WORDS, (w) => ' '.repeat(w.length));

/** 次数 → 次: each printed unit, the measures targetUnits.sameAs says count the same thing (read once, not per question). */
const ASKED_AS = new Map<string, string[]>();
for (const [w, same] of Object.entries(shapes.targetUnits.sameAs as Record<string, string[]>)) for (const u of same) ASKED_AS.set(u, [...(ASKED_AS.get(u) ?? []), w]);

/**
 * The unit the question asks a count in among those printed: typed after 多少 / 几 (多少 is read as a space) or asked
 * by a word (比例 → %); 辆 of 车辆保养率 is none, nor 年 of a year typed apart (2024 年). The longest first (人次 before 人).
 */
function unitOfCount(asked: string, units: string[]): string | undefined {
  asked = withoutProjectWords(asked);
  // 咨询几次: a measure counting what the printed one counts (次 for 次数; targetUnits.sameAs) asks it too.
  // 惠及多少人: a unit printed in 万 of it (万人) is asked by the bare measure too.
  const askedAs = (unit: string) => [...new Set([unit, unit.replace(/^万(?=.)/, '')])].flatMap((u) => [u, ...(ASKED_AS.get(u) ?? [])]);
  const starts = measureStarts(asked, true);
  const typed = (unit: string) => askedAs(unit).some((u) => starts.some((i) => asked.startsWith(u, i))) || (shapes.targetUnits.aliases[unit as '%'] ?? []).some((w) => asked.includes(w));
  // 几个人: a measure after 个 comes before 个 itself (the longest first, then a generic measure last).
  const isGeneric = (u: string) => (generic.includes(u) ? 1 : 0);
  return [...new Set(units)].filter(typed).sort((a, b) => b.length - a.length || isGeneric(a) - isGeneric(b))[0];
}

const NOT_NAMING = new Set(shapes.targetUnits.notNaming);
/** A character that may name an indicator: a Han character, not one of asking (要, 它, 多少). */
const naming = (ch: string) => /\p{Script=Han}/u.test(ch) && !NOT_NAMING.has(ch);
/** The characters of words typed that may name an indicator (naming). */
export function namingChars(words: string): Set<string> {
  return new Set([...words].filter(naming));
}

/**
 * A project's targets in the unit the question asks a count in, the words typed picking which. `anyUnit` (要印多少档案资料:
 * a verb and a thing, no measure word): in whatever unit each is printed, only those two characters typed together name.
 */
export function indicatorsInUnit(s: Sources, q: StructuredQuery, scope: Scope, words: string[], anyUnit = false): Reply | null {
  const project = q.targets.length === 1 && q.targets[0]!.kind === 'project' ? q.targets[0]! : null;
  if (!project) return null;
  const owners = projectOwners(s, scope, project.ids);
  const all = countedTargets(s, owners);
  const rest = q.text.replace(project.text, ' ');
  const unit = anyUnit ? null : unitOfCount(rest, all.map(({ t }) => t.target_unit!));
  if (!anyUnit && !unit) return null;
  const said = pairs(withPrintedWords(words.join('')));
  const shared = ({ t }: { t: PerformanceTargetRow }) => [...pairs(t.level3)].filter((p) => said.has(p)).length;
  // 它要开展多少次义诊: the thing counted must be in the indicator's name (itemCounted), a verb alone (开展) names none.
  const counting = MEASURE_ASKED.exec(rest);
  const item = counting ? itemCounted(rest.slice(counting.index + counting[0].length)) : null;
  // The department's name (医疗保障局) holds a serving word (保障): only the words asked are read for one.
  const served = unit != null && sameUnit(PEOPLE_UNIT, unit) && SERVES.test(q.entities.reduce((t, e) => t.replace(e.text, ' '), rest));
  const inUnit = all.filter(({ t }) => (unit === null || t.target_unit === unit) && (!item || item(t.level3)) && (!served || serving(t, q.text)));
  if (inUnit.length === 0) return null;
  const best = Math.max(...inUnit.map(shared));
  if (unit === null && !(best > 0)) return null;
  // 要印多少册: no two characters typed together name one, the characters typed do (印 of 材料印刷).
  const typed = namingChars(words.join(''));
  const charsShared = ({ t }: { t: PerformanceTargetRow }) => [...new Set(t.level3)].filter((ch) => typed.has(ch)).length;
  const most = best > 0 ? 0 : Math.max(...inUnit.map(charsShared));
  // 要请几个专家 where no target of the project names 专家: none answers, whatever its unit.
  if (best === 0 && most === 0 && typed.size > 0) return null;
  const chosen = inUnit.filter((x) => (best > 0 || most === 0 ? shared(x) === best : charsShared(x) === most));
  const tables = tableNames(s, scope.doc.id);
  const head = heading(scope.entity, scope.doc);
  const lines = [...(scope.yearNote ? [scope.yearNote] : []), `${head} ${project.name}的绩效指标（年初设定的目标值）${unit === null ? '' : `中以“${unit}”计的`}：`];
  const figures: Figure[] = [];
  for (const { o, t } of chosen) {
    const table = tables.get(o.table_id) ?? null;
    lines.push(`${describeTarget(t)}（${table ?? '正文'}第${t.line}行）`);
    figures.push(...[proseTargetFigure(o, t, scope) ?? tableTargetFigure(o, t, scope, table), actualFigure(o, t, scope, table)].filter((f): f is Figure => f !== null));
  }
  return reply('answered', lines, figures);
}

/**
 * 培训办几次 after 离休医疗保障: its indicators the words name, none counted in the unit asked (异地就医经办人员业务培训人次
 * counts people) — not found, naming them and what they count in; never another project's count nor the department's
 * money of that word. Null where the words name none of its indicators, or one is in that unit.
 */
export function unitNotPrinted(s: Sources, q: StructuredQuery, scope: Scope, words: string[]): Reply | null {
  const project = q.targets.length === 1 && q.targets[0]!.kind === 'project' ? q.targets[0]! : null;
  const unit = project ? MEASURE_ASKED.exec(q.text.replace(project.text, ' '))?.[1] : undefined;
  if (!project || !unit) return null;
  const said = pairs(withPrintedWords(words.join('')));
  const owners = projectOwners(s, scope, project.ids);
  const named = countedTargets(s, owners).filter(({ t }) => [...pairs(t.level3)].some((p) => said.has(p)));
  if (named.length === 0 || named.some(({ t }) => unitAnswers(unit, t.target_unit!))) return null;
  const listed = named.map(({ t }) => `${t.level3}（以“${t.target_unit}”计，第${t.line}行）`).join('、');
  const lines = [...(scope.yearNote ? [scope.yearNote] : []), `${heading(scope.entity, scope.doc)} ${project.name}的绩效指标中没有以“${unit}”计的；相关的指标是：${listed}。`];
  return reply('not_found', lines, [], projectQuestions(scope, owners));
}

/** A project the question names by its name (not one its words only loosely resemble: 离休干部 of 定点医疗机构离休干部药费). */
export const namesProject = (q: StructuredQuery, t: Target): boolean => t.kind === 'project' && (!t.fuzzy || q.text.includes(t.name));

/** 人 of 多少人, 个 of 几个: a one-character counter of a count (人 read as 实有人员's), naming nothing counted. */
export const isCounter = (t: Target) => t.kind === 'metric' && metricOf(t.key).kind === 'count' && [...t.text].length === 1;
/** 多少人, 几个: each thing asked is a counter. */
const counterOnly = (q: StructuredQuery) => q.targets.every(isCounter);

/**
 * 培训多少人次, 培训来了多少人: with no project named, a count of the department asked by words its 绩效 indicators
 * print — every indicator, of any project or of the department, in the unit asked whose name holds each word typed
 * (培训 → 异地就医经办人员业务培训人次) — each its target as set, said to be a target, cited at its row. Null when none.
 */
export function indicatorsNamed(s: Sources, q: StructuredQuery, scope: Scope, words: string[]): Reply | null {
  // 多少人 read as 实有人员's 人: the counter asked, not the staff (unless the staff are named: 在职的XX人员).
  if (q.asked?.staff) return null;
  if (!counterOnly(q)) return null;
  const counted = countedTargets(s, s.queries.owners(scope.doc.id));
  const units = new Set(counted.map(({ t }) => t.target_unit!));
  // 举办培训几次 → 举办培训: the words, without the count asked and its unit.
  const runs = words.flatMap((w) => w.split(/\s+|几|多少/)).filter((w) => [...w].length >= 2 && !units.has(w));
  if (runs.length === 0) return null;
  const all = counted.filter(({ t }) => runs.every((w) => t.level3.replace(/\s+/g, '').includes(w)));
  const unit = unitOfCount(q.text, all.map(({ t }) => t.target_unit!));
  if (!unit) return rowCountsNamed(s, q, scope, runs);
  const tables = tableNames(s, scope.doc.id);
  const what = scope.doc.stage === '决算' ? '年初设定的目标值，自评印有完成值' : '年初设定的目标值，不是实际完成的数';
  const lines = [...(scope.yearNote ? [scope.yearNote] : []), `${heading(scope.entity, scope.doc)} 绩效指标（${what}）中以“${unit}”计的：`];
  const figures: Figure[] = [];
  for (const { o, t } of all.filter((x) => x.t.target_unit === unit)) {
    const table = tables.get(o.table_id) ?? null;
    lines.push(`${describeTarget(t)}（${o.name}，${table ?? '正文'}第${t.line}行）`);
    figures.push(...[proseTargetFigure(o, t, scope) ?? tableTargetFigure(o, t, scope, table), actualFigure(o, t, scope, table)].filter((f): f is Figure => f !== null));
  }
  return reply('answered', lines, figures);
}

const { generic, sameAs, verbs, itemWords, verbWords, hiring } = shapes.targetUnits;
/** 多少份, 几条, 几个: the measure word a count is asked in, the longest first (人次 before 人). */
// 多少 arrives read as a space: a measure after one (not after a year's digits, 2024 年) is asked too.
// 几个人, 多少个专家: the measure after 个 where one follows (人), else 个.
const MEASURE_ASKED = new RegExp(`(?:多少|几|(?<!\\d)\\s)个?(${alternation([...shapes.targetUnits.measures, ...Object.keys(sameAs)].sort((a, b) => b.length - a.length))})`);
/** 多少群众, 几个困难群众: words for people after 多少 / 几 (targetUnits.people), asking a count in 人. */
const PEOPLE_UNIT = '人';
const PEOPLE_ASKED = new RegExp(`(?:多少|几|(?<!\\d)\\s)[个位名]?(?:${alternation(shapes.targetUnits.people)})`);
/** 资料 → 档案, 办完 → 办结: each typed word, the words indicators print for it (targetUnits.itemWords, verbWords). */
const PRINTED_AS = new Map<string, string[]>(Object.entries({ ...itemWords, ...verbWords }));
const PRINTED_AS_TYPED = new RegExp(alternation([...PRINTED_AS.keys()]), 'g');
/** The words typed, and after them the words indicators print for the items and verbs among them (要归档多少份资料 → … 档案 材料). */
export function withPrintedWords(typed: string): string {
  const found = typed.match(PRINTED_AS_TYPED);
  return found ? `${typed} ${found.flatMap((w) => PRINTED_AS.get(w)!).join(' ')}` : typed;
}
/** 聘请多少专家: a verb of what targets count, then the count asked (多少 read as a space, 几) with no measure word. */
const VERB_ASKED = new RegExp(`(?:${alternation([...verbs, ...Object.keys(verbWords), ...hiring])})(?:\\s|几)`);
/** 招了多少服务人员: a verb of hiring, then the count asked with no measure word — the people after it named whole by an indicator. */
const HIRING_ASKED = new RegExp(`(?:${alternation(hiring)})(?:\\s|几)`);
/** 一年, 全年: words every target is set for, the asked count itself, and words of asking (打算, 需要: `ignore` of two characters or more) name no indicator. */
const NOT_NAMED = new RegExp(`${MEASURE_ASKED.source}|${alternation([...INDICATOR_WORDS.filter(([, to]) => to === '').map(([from]) => from), ...IGNORED_WORDS.filter((w) => [...w].length > 1)])}`, 'g');
/** 要达到多少, 定为多少: words of a target to reach, naming no indicator (shapes.json goalText.reach). */
const REACH = new RegExp(alternation(shapes.goalText.reach), 'g');
/** 参保率要达到多少 → 参保率: the words naming an indicator, less those asking its target and those naming none. */
export const wordsNamingIndicator = (words: string) => words.replace(REACH, ' ').replace(NOT_NAMED, ' ').replace(/\p{P}/gu, ' ');

/** 临聘多少人, 在职几个人: the words ask a count of people (多少 read as a space before the measure). */
export function peopleAsked(words: string): boolean {
  const m = MEASURE_ASKED.exec(words);
  return m !== null && ['人', '名', '位'].includes(m[1]!);
}

/** A target counted in people: 人, or a measure counting the same (名, 人数, 万人); never 人次, money or a rate. */
export const inPeople = (t: PerformanceTargetRow) => t.target_number !== null && !!t.target_unit && sameUnit(PEOPLE_UNIT, t.target_unit);

/**
 * 莲湖整体绩效目标里临聘多少人: a count of people asked of indicators named by the words — only those counted in people
 * answer it, named closely or by a name the words hold (临聘 in 临聘人员), each set of owners in turn. None so counted
 * where some are named (临聘人员费用 35万元, 在职人员控制率 99%): not found, those named listed with what they count in and
 * no figure — money or a rate is never given as a count. Null where the words name none.
 */
export function peopleIndicator(s: Sources, scope: Scope, ownerSets: readonly (readonly PerformanceOwnerRow[])[], typed: string, doneFirst = false): Reply | null {
  const asked = typed.replace(/\s+/g, '');
  for (const owners of ownerSets) {
    const chosen = indicatorsChosen(s, owners, typed, '', inPeople, false);
    if (chosen.length) return indicatorReply(s, scope, chosen, doneFirst);
    // 临聘 asked as 临聘人员: a name of two characters or more the words hold whole, or one holding the words — the longest.
    const held = owners.flatMap((o) => s.queries.targets(o.id).filter(inPeople).map((t) => ({ o, t, name: bareName(t.level3) })))
      .filter(({ name }) => asked.length >= 2 && name.length >= 2 && (asked.includes(name) || name.includes(asked)));
    const longest = Math.max(0, ...held.map(({ name }) => name.length));
    if (held.length) return indicatorReply(s, scope, held.filter(({ name }) => name.length === longest), doneFirst);
  }
  const named = ownerSets.map((owners) => indicatorsChosen(s, owners, typed, '', () => true, false)).find((x) => x.length > 0);
  if (!named) return null;
  const listed = named.map(({ t }) => `${t.level3}（${t.target_unit ? `以“${t.target_unit}”计，` : ''}第${t.line}行）`).join('、');
  const lines = [...(scope.yearNote ? [scope.yearNote] : []), `${heading(scope.entity, scope.doc)}的绩效指标中没有“${asked}”的人数（以“人”计的指标）；名称相近的指标是：${listed}，不是人数，不能当作人数。`];
  return reply('not_found', lines, []);
}

/**
 * 北票整体绩效参保率是多少, 整体绩效里预算执行率定的多少: the department's own indicator (its 整体绩效 table or text) named by
 * the words typed after 整体绩效 — its target, and 完成值 on a 决算; never a project's. Null when none is so named.
 */
export function wholeIndicator(s: Sources, scope: Scope, words: string, doneFirst: boolean): Reply | null {
  const typed = wordsNamingIndicator(words);
  // 整体绩效里临聘多少人: only an indicator counted in people answers; none so counted is said, never money or a rate given.
  if (peopleAsked(words)) {
    const people = peopleIndicator(s, scope, [departmentOwners(s, scope)], typed, doneFirst);
    if (people) return people;
  }
  const own = indicatorOf(s, scope, departmentOwners(s, scope), typed, '', () => true, false, doneFirst);
  if (own) return own;
  // Named only among the projects' indicators: not the department's own — said so, the projects offered, never their targets given for it.
  const projects = allProjectOwners(s, scope);
  const others = [...new Set(indicatorsChosen(s, projects, typed, '', () => true, false).map(({ o }) => o.name))];
  if (others.length === 0) return null;
  const asked = typed.replace(/\s+/g, '');
  const lines = [...(scope.yearNote ? [scope.yearNote] : []), `${heading(scope.entity, scope.doc)}的部门整体绩效指标中没有“${asked}”；项目的绩效指标里有（不是部门整体的）：${others.join('、')}。`];
  return reply('not_found', lines, [], others.slice(0, 3).map((name) => `${scope.doc.short} ${name} ${asked}`));
}

/**
 * 多少个短视频, 几份档案: the thing a count is asked of, the naming characters right after the measure word; whether an
 * indicator's name holds it (two of its characters together, or its one character). Null when nothing follows the measure.
 */
function itemCounted(after: string): ((name: string) => boolean) | null {
  const run = after.slice(0, [...after].findIndex((ch) => !naming(ch)) >>> 0);
  if (!run) return null;
  // 几份资料: the words indicators print for it (档案) name it too.
  const item = namingPairs(withPrintedWords(run));
  return (name) => bareName(name).includes(run) || [...pairs(bareName(name))].some((p) => item.has(p));
}

/** A project's name less its year and bracketed document number, as the runs of Chinese characters between its other characters. */
const nameRuns = (name: string) => name.replace(/[（(][^）)]*[）)]?|\d+\s*年/g, ' ').split(/[^\p{Script=Han}]+/u).filter((r) => [...r].length >= 2);
/** Whether the words typed hold every run of a project's name (nameRuns): the project is named, not only resembled. */
export const nameTyped = (typed: string, name: string) => {
  const runs = nameRuns(name);
  return runs.length > 0 && runs.every((r) => typed.includes(r));
};

/** How much of a project's name (its runs, nameRuns) the words read as it cover: the share of the name's pairs they hold. */
const covered = (c: StructuredQuery['candidates'][number]) => {
  const name = namingPairs(nameRuns(c.name).join(' '));
  return name.size ? [...namingPairs(c.text)].filter((p) => name.has(p)).length / name.size : 0;
};

/**
 * 新冠疫苗财政补助项目要补助多少城乡居民: the project typed loosely — half its name or more, more than the words read as any
 * other project cover of that one's (城乡居民 of 政府专项-城乡居民医疗保险补助) — is named; words that spell part of
 * another project's name then only name what is counted, never pick that project's targets.
 */
function looselyNamed(candidates: StructuredQuery['candidates']): StructuredQuery['candidates'] {
  const projects = candidates.filter((c) => c.kind === 'project');
  const best = Math.max(0, ...projects.map(covered));
  const top = projects.filter((c) => covered(c) === best);
  if (best < 0.5 || new Set(top.map((c) => c.text)).size !== 1) return [];
  return projects.filter((c) => c.text !== top[0]!.text).every((c) => covered(c) < best) ? top : [];
}

/** The pairs of characters that may name an indicator: runs of naming characters (namingChars), two at a time, never across a word of asking. */
function namingPairs(words: string): Set<string> {
  const runs = [...words].map((ch) => (naming(ch) ? ch : ' ')).join('').split(' ');
  return new Set(runs.flatMap((r) => [...pairs(r)]));
}

/** The unit asked, one counting the same things (名 for 人), or 万 of it. */
const sameUnit = (asked: string, printed: string) => [asked, ...((sameAs as Record<string, string[]>)[asked] ?? [])].includes(printed.replace(/^万/, ''));

/**
 * Whether a target printed in `printed` answers a count asked in `asked`: the same unit, one the grammar says is the
 * same (名 and 人, 批 and 批次), or 万 of it (万份); a generic measure (个, 项) on either side counts any thing — never
 * 人次 for 人, nor a rate.
 */
function unitAnswers(asked: string, printed: string): boolean {
  const bare = printed.replace(/^万/, '');
  if (sameUnit(asked, printed)) return true;
  if (bare === '%' || !(shapes.targetUnits.measures.includes(bare) || generic.includes(bare))) return false;
  return generic.includes(bare) || generic.includes(asked);
}

// 培训, 检查: what a target counts doing; a target of one is the answer only where the question names it (or a verb
// saying it: 买 for 购置, targetUnits.activityVerbs).
const ACTIVITIES = shapes.targetUnits.activities;
const ACTIVITY_VERBS: Record<string, string[]> = shapes.targetUnits.activityVerbs;

/** Whether an indicator's name counts an activity (培训人次, 检查次数) none of whose characters (or everyday verbs) the words said hold. */
export function activityUnsaid(name: string, said: string): boolean {
  const done = ACTIVITIES.filter((a) => name.includes(a));
  return done.length > 0 && !done.some((a) => [...a, ...(ACTIVITY_VERBS[a] ?? [])].some((ch) => said.includes(ch)));
}

// 惠及多少人, 要覆盖多少群众: the people a project serves asked (targetUnits.serves) — never its staff (targetUnits.staff) or the
// people of an activity not typed (异地就医经办人员业务培训人次).
const SERVES = new RegExp(alternation(shapes.targetUnits.serves));
const STAFF_NAMED = new RegExp(alternation(shapes.targetUnits.staff));
/** Whether a target may count the people a project serves, as asked in `said` (the project's name too: 服务质量考核费's 参加考核人数): neither its staff nor an activity's people not said. */
const serving = (t: PerformanceTargetRow, said: string) => !STAFF_NAMED.test(t.level3) && !activityUnsaid(t.level3, said);
/**
 * 离休医疗保障惠及多少人, 它要覆盖多少人: people counted in 人 asked with a verb of serving outside the names typed (保障 of
 * 离休医疗保障 is none), read as targetsByNoun reads them.
 */
export function servesAsked(q: StructuredQuery): boolean {
  const typed = [...q.targets.map((t) => t.text), ...q.entities.map((e) => e.text)].reduce((t, x) => t.replace(x, ' '), q.text);
  const measure = MEASURE_ASKED.exec(withoutProjectWords(typed))?.[1] ?? (PEOPLE_ASKED.test(typed) ? PEOPLE_UNIT : undefined);
  return measure !== undefined && sameUnit(PEOPLE_UNIT, measure) && SERVES.test(typed);
}
/** 惠及多少人, 能覆盖几个人: the people a project serves asked, in 人. */
export const servedAsked = (text: string) => SERVES.test(text) && PEOPLE_COUNT.test(text);
const PEOPLE_COUNT = new RegExp(`(?:多少|几)[个位名]?(?:人(?!次)|名|${alternation(shapes.targetUnits.people)})`);

type Counted = { o: PerformanceOwnerRow; t: PerformanceTargetRow };
/** A document's indicators with a number and a unit, by each pair of characters their names hold and by unit: built once per document. */
function countedIndex(s: Sources, documentId: number): { byPair: Map<string, Counted[]>; byUnit: Map<string, Counted[]> } {
  return remember(s, `targetPairs|${documentId}`, () => {
    const byPair = new Map<string, Counted[]>();
    const byUnit = new Map<string, Counted[]>();
    for (const x of countedTargets(s, s.queries.owners(documentId))) {
      for (const p of pairs(bareName(x.t.level3))) byPair.set(p, [...(byPair.get(p) ?? []), x]);
      const unit = x.t.target_unit!.replace(/^万/, '');
      byUnit.set(unit, [...(byUnit.get(unit) ?? []), x]);
    }
    return { byPair, byUnit };
  });
}

/**
 * 北票一年要扫描多少份档案, 曲阳有几条专线, 抚顺要考核多少人: with no project named, a count asked in a measure word of a
 * noun (and verb) its 绩效 indicators name — the indicators of all the department's projects sharing the most pairs of
 * characters with the words typed, in a unit answering the one asked (a target in 个 answers 份: the unit printed is
 * said) — each its target as set, labelled by project and cited at its row. None so named: said so, offering the
 * projects that have targets. Null when no count is asked in a measure word or nothing typed may name an indicator.
 */
export function targetsByNoun(s: Sources, q: StructuredQuery, scope: Scope): Reply | null {
  // 事业人员有几个, 在职的有几个: the department's own staff are counted by the headcounts printed, never by a target.
  // 审一份材料花多少钱: a cost asked is answered by a 成本 indicator, never by a count.
  if (q.asked?.staff || q.asked?.cost) return null;
  // 门诊特殊疾病评审鉴定工作专项经费要请几个专家: a project named restricts the targets to its own, and its name names none
  // of them — named whole, or loosely with other words left to name what is counted (门诊特殊疾病评审鉴定 要请多少专家); a project
  // only its words resemble (专家 of 专家审查费, 沈阳要请几个专家) leaves them: they name what is counted.
  let typed = q.entities.reduce((t, e) => t.replace(e.text, ' '), q.text);
  const named: { ids: number[] }[] = [];
  for (const typedAs of q.targets) {
    // 公务员医疗补助惠及多少群众: a subject's name that is also one project's is that project here — targets are projects'.
    const t = asProject(s, scope, typedAs);
    if (t.kind !== 'project') continue;
    const rest = typed.replace(typedAs.text, ' ').replace(t.name, ' ');
    // Its name typed but for its year (医保基金监管经费 of 2024年医保基金监管经费) names it, as one typed whole does.
    if (!namesProject(q, t) && !nameTyped(q.text, t.name) && t === typedAs && namingPairs(rest.replace(NOT_NAMED, ' ').replace(/\d+/g, ' ')).size === 0) continue;
    typed = rest;
    named.push(t);
  }
  // 中央财政医疗救助补助中央直达资金要覆盖多少人: a project read loosely whose name is typed but for its year and document
  // number (2023年…（辽财指社（2022）674号）) is named, as one typed whole is.
  const loose = looselyNamed(q.candidates);
  for (const c of q.candidates) {
    if (c.kind !== 'project') continue;
    if (!typed.includes(c.name) && !nameTyped(typed, c.name) && !loose.includes(c)) continue;
    typed = [c.name, ...nameRuns(c.name), c.text].reduce((t, r) => t.replace(r, ' '), typed);
    named.push(c);
  }
  const ids = new Set(named.flatMap((t) => t.ids));
  const ofProject = ({ o }: Counted) => ids.size === 0 || (o.project_id !== null && ids.has(o.project_id));
  // With no measure word, a verb of what targets count asks in a generic one — answered only where an indicator is so named.
  // 城乡居民医疗保险补助项目惠及多少人: 项 of 项目 left after the name is no measure asked.
  const counting = MEASURE_ASKED.exec(withoutProjectWords(typed));
  // 惠及多少群众, 要补助多少困难群众: people asked with no measure word are counted in 人.
  const measure = counting?.[1] ?? (PEOPLE_ASKED.test(typed) ? PEOPLE_UNIT : undefined);
  // 宣传品要发放多少: the verb typed before 多少 at the end (q.targetAsked), where nothing follows it here.
  const asked = measure ?? (VERB_ASKED.test(typed) || q.targetAsked?.verb ? generic[0]! : undefined);
  if (!asked) return null;
  const item = counting ? itemCounted(typed.slice(counting.index + counting[0].length)) : null;
  // 招了多少服务人员: the people hired are a word of the indicators held, typed whole (服务人员 of 聘请服务人员数).
  const hired = counting ? null : HIRING_ASKED.exec(typed);
  const whole = hired ? typed.slice(hired.index + hired[0].length).trim() : '';
  // The characters typed together after it, a closing particle left off (服 names with 务 here, though not alone).
  const hiredRun = (/^\p{Script=Han}+/u.exec(whole)?.[0] ?? '').replace(/[啊呀呢吗哦的了]+$/, '');
  const plain = withPrintedWords(typed.replace(NOT_NAMED, ' ').replace(/\d+/g, ' '));
  const said = namingPairs(plain);
  const chars = namingChars(plain);
  if (chars.size === 0 && ids.size === 0) return null;
  const { byPair, byUnit } = countedIndex(s, scope.doc.id);
  const shared = new Map<Counted, number>();
  for (const p of said) for (const x of byPair.get(p) ?? []) if (ofProject(x) && unitAnswers(asked, x.t.target_unit!)) shared.set(x, (shared.get(x) ?? 0) + 2);
  // Named alike, a target in the very unit asked (参加考核人数 4人 for 考核多少人) comes before one in a generic measure (通报覆盖数 7个).
  for (const [x, n] of shared) if (sameUnit(asked, x.t.target_unit!)) shared.set(x, n + 1);
  // 沈阳要印多少册: only single characters typed (no two together) — a character typed names, among the targets in the very unit asked (印 of 材料印刷).
  // 城乡居民医疗保险补助惠及多少群众, 要覆盖多少人: so, too, of a project named whose targets no two characters typed name (people
  // asked in 人, targetUnits.people) — 万人 or a plain number as printed.
  if ((said.size === 0 || (ids.size > 0 && shared.size === 0)) && measure) {
    for (const unit of [asked, ...((sameAs as Record<string, string[]>)[asked] ?? [])]) {
      // 医保局公益性岗位人员经费要请几个人: of a project named, its targets in the very unit asked, whatever the verb.
      for (const x of (byUnit.get(unit) ?? []).filter(ofProject)) shared.set(x, [...new Set(x.t.level3)].filter((ch) => chars.has(ch)).length + (ids.size > 0 ? 1 : 0));
    }
  }
  // 要制作发布多少个短视频: the thing counted, typed after the measure, must be in the indicator's name — a verb shared
  // alone (发布 of 新闻发布会次数) never picks a target counting something else.
  if (item) for (const [x] of shared) if (!item(x.t.level3)) shared.delete(x);
  if (hiredRun) for (const [x] of shared) if (!bareName(x.t.level3).includes(hiredRun)) shared.delete(x);
  // 购买服务岗位要招多少人: people asked are never answered by a count of things (购买软件数量 1个) — only by a target in
  // people, or one whose name says it counts people (服务人员 in 个).
  if (measure !== undefined && sameUnit(PEOPLE_UNIT, measure)) for (const [x] of shared) if (!sameUnit(PEOPLE_UNIT, x.t.target_unit!) && !/[人员岗]/u.test(x.t.level3)) shared.delete(x);
  const served = measure !== undefined && sameUnit(PEOPLE_UNIT, measure) && SERVES.test(typed);
  if (served) for (const [x] of shared) if (!serving(x.t, q.text)) shared.delete(x);
  const best = Math.max(0, ...shared.values());
  const note = scope.yearNote ? [scope.yearNote] : [];
  const head = heading(scope.entity, scope.doc);
  if (best === 0) {
    const countAsked = Boolean(measure || hiredRun);
    // A project named answers from its own targets or not at all (never another project's count): not found, offering them.
    if (!countAsked && ids.size === 0) return null;
    const owners = allProjectOwners(s, scope);
    const words = hiredRun || [...(said.size ? said : chars)].join('、');
    const counted = hiredRun ? '' : `（以“${asked}”计）`;
    // Of a project named: its own targets offered.
    const own = owners.filter((o) => ids.size > 0 && o.project_id !== null && ids.has(o.project_id));
    // 惠及多少人: the people it serves are what is missing (its staff's or trainees' counts are no answer).
    const ownCounted = served ? '计它所惠及（覆盖、保障）人数的（经办、培训等人员或人次不算）' : `${[countAsked ? `以“${asked}”计` : '', words ? `名称含“${words}”` : ''].filter(Boolean).join('、')}的`;
    if (own.length) return reply('not_found', [...note, `${head} ${own[0]!.name}的绩效指标中没有${ownCounted}；可以看它的全部绩效指标。`], [], projectQuestions(scope, own));
    if (!countAsked) return null;
    return reply('not_found', [...note, `${head}中没有哪项绩效指标${counted}的名称含“${words}”；${projectsWithTargets(owners)}`], [], projectQuestions(scope, owners).slice(0, 5));
  }
  const chosen = [...shared].filter(([, n]) => n === best).map(([x]) => x).sort((a, b) => a.t.line - b.t.line);
  const tables = tableNames(s, scope.doc.id);
  const what = scope.doc.stage === '决算' ? '年初设定的目标值，自评印有完成值' : '年初设定的目标值，不是实际完成的数';
  const lines = [...note, `${head} 绩效指标（${what}）：`];
  const figures: Figure[] = [];
  for (const { o, t } of chosen) {
    const table = tables.get(o.table_id) ?? null;
    const unit = sameUnit(asked, t.target_unit!) ? '' : `（印的单位是“${t.target_unit}”）`;
    lines.push(`${describeTarget(t)}${unit}（${o.name}，${table ?? '正文'}第${t.line}行）`);
    figures.push(...[proseTargetFigure(o, t, scope) ?? tableTargetFigure(o, t, scope, table), actualFigure(o, t, scope, table)].filter((f): f is Figure => f !== null));
  }
  return reply('answered', lines, figures);
}

/**
 * 培训来了多少人 where no indicator counts it: a count a table prints in the row the words name (莲湖 会议费培训费明细表:
 * 两定机构基金使用规范性培训 120人), in the unit asked, cited at its row. Null when none.
 */
function rowCountsNamed(s: Sources, q: StructuredQuery, scope: Scope, runs: string[]): Reply | null {
  const rows = s.queries
    .tables(scope.doc.id)
    .filter((t) => t.kind !== 'performance' && t.kind !== 'toc')
    .flatMap((t) => s.queries.figuresByTable(t.id))
    .filter((r) => r.value_kind === 'count' && usable(r) && runs.every((w) => r.row_label.includes(w)));
  const cells = rows.map((r) => fromCell(r, scope.doc, scope.entity));
  const unit = unitOfCount(q.text, cells.flatMap((f) => (f.unit ? [f.unit] : [])));
  const chosen = cells.filter((f) => unit !== undefined && f.unit === unit);
  if (chosen.length === 0) return null;
  const lines = [...(scope.yearNote ? [scope.yearNote] : []), `${heading(scope.entity, scope.doc)} 表中印的${unit}数：`, ...chosen.map((f) => `· ${f.label}：${show(f)}（${f.table}第${f.line}行）`)];
  return reply('answered', lines, chosen);
}

/**
 * 补助的人数在五人以上的项目: the projects whose 绩效 indicators counted in the unit typed (人 is not 人次), named by the
 * words typed before the bound (half their pairs of characters and two at least, or four; any indicator so counted when none),
 * set a target within the bound — each indicator cited at its row. Those so named but outside it are said, so that
 * none met reads as compared, not as not found.
 */
export function projectsByTarget(s: Sources, scopes: Scope[], bound: NonNullable<StructuredQuery['targetBound']>): Reply {
  const said = pairs(bound.words.replace(/[\s的]/g, ''));
  const named = (t: PerformanceTargetRow) => {
    const shared = [...pairs(bareName(t.level3))].filter((p) => said.has(p)).length;
    return said.size === 0 || (shared >= 2 && shared * 2 >= said.size) || shared >= 4;
  };
  const { op, value } = bound;
  const meets = (n: number) => (op === '>' ? n > value : op === '>=' ? n >= value : op === '<' ? n < value : op === '<=' ? n <= value : n === value);
  const lines: string[] = [];
  const outside: string[] = [];
  const figures: Figure[] = [];
  for (const scope of scopes) {
    const tables = tableNames(s, scope.doc.id);
    const head = heading(scope.entity, scope.doc);
    for (const o of s.queries.owners(scope.doc.id)) {
      if (o.owner_kind !== 'project') continue;
      for (const t of s.queries.targets(o.id)) {
        if (t.target_number === null || t.target_unit !== bound.unit || !named(t)) continue;
        const table = tables.get(o.table_id) ?? null;
        const line = `${head} ${o.name}（${table ?? '正文'}第${t.line}行）：${describeTarget(t).replace(/^· /, '')}`;
        if (!meets(t.target_number)) {
          outside.push(line);
          continue;
        }
        lines.push(line);
        figures.push(...[proseTargetFigure(o, t, scope) ?? tableTargetFigure(o, t, scope, table)].filter((f): f is Figure => f !== null));
      }
    }
  }
  const what = `绩效指标${bound.words ? `“${bound.words}”` : ''}以“${bound.unit}”计、目标值${bound.text.replace(/^(?:在|是|为)/, '')}`;
  if (figures.length === 0) return reply('not_found', [`没有${what}的项目。`, ...(outside.length ? ['以此计的指标（目标值不在范围内）：', ...outside.slice(0, 5)] : [])]);
  return reply('answered', [`${what}的项目（年初设定的目标值）：`, ...lines], figures);
}

/** A figure a 绩效表 block prints about its owner as a whole: 总得分, 执行率. */
export function ownerFigure(
  o: PerformanceOwnerRow,
  scope: Scope,
  table: string | null,
  fact: { label: string; value: number | string; unit: string; raw: string; line: number },
): Figure {
  return {
    document: scope.doc,
    entity: scope.entity,
    year: scope.year,
    basis: scope.doc.stage,
    label: `${o.name}${fact.label}`,
    ...(o.project_id !== null ? { project: o.name } : {}),
    fen: null,
    value: fact.value,
    unit: fact.unit,
    printedIn: '万元',
    table,
    column: null,
    line: fact.line,
    raw: fact.raw,
    precision: null,
    change: null,
    rank: 0,
  };
}

/**
 * 执行率 as a 自评表 prints it: on the row of 项目预算金额 and 全年执行数 (北票 第703行),
 * so it is cited there; the block's first line when that row was not read.
 */
export function ownerRate(s: Sources, scope: Scope, o: PerformanceOwnerRow, table: string | null): Figure | null {
  const value = o.execution_rate === null ? Number.NaN : Number.parseFloat(o.execution_rate);
  if (Number.isNaN(value)) return null;
  const row = s.queries.projectFigures(scope.doc.id).find((r) => r.table_id === o.table_id && r.project_id === o.project_id && r.basis === '决算' && r.line >= o.line);
  return ownerFigure(o, scope, table, { label: '执行率', value, unit: '%', raw: o.execution_rate!, line: row?.line ?? o.line });
}

/** The tables of a document as answers name them, by id; a prose owner's null id names none. Kept: every 绩效, 执行率 and score answer asks. */
export function tableNames(s: Sources, documentId: number): Map<number | null, string> {
  return remember(s, `tables|${documentId}`, () => new Map<number | null, string>(s.queries.tables(documentId).map((t) => [t.id, tableName(t.name, t.number)])));
}

/** How to ask for a project's block: `曲阳 医保局公务用车购置经费 绩效目标`. */
function projectQuestions(scope: Scope, projects: PerformanceOwnerRow[]): string[] {
  return projects.map((o) => `${scope.doc.short} ${o.name} ${scope.doc.stage === '决算' ? '绩效自评' : '绩效目标'}`);
}

/** `有绩效目标的项目（共14个）：A、B、…`: what can be asked instead, or that there is nothing. */
function projectsWithTargets(projects: PerformanceOwnerRow[]): string {
  if (projects.length === 0) return '也没有项目的绩效目标。';
  const names = projects.slice(0, MAX_PROJECTS_NAMED).map((o) => o.name).join('、');
  return `有绩效目标的项目（共${projects.length}个）：${names}${projects.length > MAX_PROJECTS_NAMED ? '等' : ''}。`;
}

/**
 * A figure the text states only in a context (绩效自评 涉及资金, 自评平均分): it first, then the figures
 * read from the same words in another context (the department's 整体 and the projects'), each named,
 * so a context the question does not tell apart is never answered with the other's figure alone.
 */
function statedInContext(s: Sources, q: StructuredQuery, scope: Scope): Figure[] {
  const asked = q.targets.find((t) => t.kind === 'metric');
  const m = asked ? metricOf(asked.key) : null;
  if (!m?.context) return [];
  const words = new Set(m.prose.map((re) => re.source));
  const keys = [m.key, ...metrics.filter((x) => x !== m && x.context && x.prose.some((re) => words.has(re.source))).map((x) => x.key)];
  return keys.flatMap((k) => pick(metricFigures(s, scope.doc, k, scope.year), stageOf(q.stage, scope)).main.slice(0, 1));
}

/**
 * 做了几个项目绩效自评, 哪些项目做了自评, 有几个项目绩效目标表: the projects a 绩效 block is printed for, each named at its block
 * with its 自评 score and 执行率 where printed, and those whose score only the text states (with the rate it states); the
 * department's own 整体 blocks said in one line after. The count the text states (涉及预算支出项目6个) leads, else the count of
 * those listed.
 */
function projectBlocksCounted(s: Sources, q: StructuredQuery, scope: Scope, projects: PerformanceOwnerRow[]): Reply {
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  const what = scope.doc.stage === '决算' ? '绩效自评' : '绩效目标';
  // 沈阳有几个项目做了绩效自评: a 预算 holds no self-evaluation — its projects with targets are no count of those evaluated.
  if (q.asked?.selfEvaluation && scope.doc.stage === '预算') {
    const names = projects.slice(0, MAX_PROJECTS_NAMED).map((o) => o.name).join('、');
    const held = projects.length ? `有绩效目标的项目共${projects.length}个：${names}${projects.length > MAX_PROJECTS_NAMED ? '等' : ''}。` : '';
    return reply('not_found', [...note, `${head}中没有绩效自评（自评随决算公开，预算只有年初设定的绩效目标）；${held}`], [], [`${scope.doc.short} 有哪些项目有绩效目标`]);
  }
  const tables = tableNames(s, scope.doc.id);
  const bare = (n: string) => n.replace(/\s+/g, '');
  const rateSaid = (f: Figure | null) => (f ? `，执行率${show(f)}（${printedAt(f)}）` : '');
  const items = projects.map((o) => {
    const table = tables.get(o.table_id) ?? null;
    const score = o.total_score !== null ? ownerFigure(o, scope, table, { label: '绩效自评总得分', value: o.total_score, unit: '分', raw: String(o.total_score), line: o.score_line ?? o.line }) : null;
    const rate = score ? ownerRate(s, scope, o, table) : null;
    const named = score ?? ownerFigure(o, scope, table, { label: '', value: o.name, unit: '', raw: o.name, line: o.line });
    return { figures: [named, ...(rate ? [rate] : [])], line: `· ${o.name}${score ? `：自评得分${o.total_score}分（${printedAt(score)}）${rateSaid(rate)}` : `（${table ?? '正文'}第${o.line}行）`}` };
  });
  const inTables = new Set(projects.map((o) => bare(o.name)));
  const prose = s.queries
    .factsByMetric(scope.doc.id, 'project.self_eval_score')
    .filter((f) => f.subject_name !== null && !inTables.has(bare(f.subject_name)))
    .map((f) => {
      const score = fromFact(f, scope.doc, scope.entity, `${f.subject_name}项目自评得分`);
      const stated = s.queries.factsByName(scope.doc.id, f.subject_name!).find((x) => x.aspect === 'execution_rate' && x.value !== null && x.year === scope.year);
      const rate = stated ? fromFact(stated, scope.doc, scope.entity, `${f.subject_name}执行率`) : null;
      return { figures: [score, ...(rate ? [rate] : [])], line: `· ${f.subject_name}：自评得分${f.value}分（正文第${f.line}行，没有自评表）${rateSaid(rate)}` };
    });
  const listed = [...items, ...prose];
  const figures = listed.flatMap((x) => x.figures);
  const lines = listed.map((x) => x.line);
  // The department's own 整体 blocks are no projects: said in one line, to be asked apart.
  const whole = departmentOwners(s, scope).filter((o) => o.total_score !== null);
  const wholeLine = whole.length ? [`另有${whole.length}个单位的整体绩效自评表（${whole.map((o) => `${o.name} ${o.total_score}分，第${o.score_line ?? o.line}行`).join('；')}），可以问：${scope.doc.short} 整体绩效自评。`] : [];
  const [stated] = pick(metricFigures(s, scope.doc, 'self_eval.project_count', scope.year), scope.doc.stage).main;
  if (listed.length === 0 && !stated) return reply('not_found', [...note, `${head}中没有项目的${what}。`, ...wholeLine]);
  if (!stated) return reply('answered', [...note, `${head}共有${listed.length}个项目的${what}：`, ...lines, ...wholeLine], [countOf(figures.filter((f) => f.unit !== '%'), `${what}项目`), ...figures]);
  const counted = stated.value === listed.length ? '' : `；列出的${listed.length}个：`;
  return reply('answered', [...note, `${head}${stated.label}：${show(stated)}（正文第${stated.line}行）${counted || '：'}`, ...lines, ...wholeLine], [stated, ...figures]);
}

/** 各项目自评得分和执行率: the projects self-evaluated, each with its score and rate (projectBlocksCounted). */
export function selfEvaluatedProjects(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  return projectBlocksCounted(s, q, scope, allProjectOwners(s, scope));
}

/**
 * The projects a name no block goes by names (城乡医疗救助 of 政府专项-城乡医疗救助): `chosen`, the one whose name prints it as a
 * whole run (nameRuns); `others`, the rest whose names hold it. A word of one character names none.
 */
function namedBy(projects: readonly PerformanceOwnerRow[], word: string): { chosen: PerformanceOwnerRow[]; others: PerformanceOwnerRow[] } {
  const bare = bareName(word);
  if ([...bare].length < 2) return { chosen: [], others: [] };
  const holding = projects.filter((o) => bareName(o.name).includes(bare));
  const whole = holding.filter((o) => nameRuns(o.name).includes(bare));
  return whole.length === 1 ? { chosen: whole, others: holding.filter((o) => o !== whole[0]) } : { chosen: [], others: holding };
}

export function performance(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  // 莲湖自评得分多少: a 预算 sets targets; no score exists to give, and its targets are no answer to one.
  // 它存在什么问题, 扣分原因: the problems a self-evaluation states — none in a 预算 either.
  if (scope.doc.stage === '预算' && (q.asked?.score || q.reason)) {
    const head = heading(scope.entity, scope.doc);
    const project = q.targets.find((t) => t.kind === 'project')?.name;
    const what = q.asked?.score ? '绩效自评得分' : '绩效自评，也就没有自评发现的问题及原因';
    const lines = [`${head}中没有${project ? `“${project}”的` : ''}${what}：自评随决算公开，预算只有年初设定的绩效目标。`];
    return reply('not_found', [...(scope.yearNote ? [scope.yearNote] : []), ...lines], [], [`${scope.doc.short} ${project ?? ''} 绩效目标`.replace('  ', ' ')]);
  }
  const owners = s.queries.owners(scope.doc.id);
  const projects = owners.filter((o) => o.owner_kind === 'project');
  // 哪些项目做了自评, 自评中的项目有哪些: the projects listed, as counted — never the department's 整体 blocks in their stead.
  if (q.countAsked || (q.listOf === 'projects' && q.targets.length === 0 && q.conditions.length === 0)) return projectBlocksCounted(s, q, scope, projects);
  // A target named like a project (公务员医疗补助 is also a subject) means that project's block.
  const named = q.targets.map((t) => t.kind === 'metric' ? t.text : t.name);
  const project = q.targets.find((t) => t.kind === 'project') ?? (named.length ? { kind: 'project' as const, name: named[0]!, text: named[0]!, ids: [] as number[], fuzzy: false } : undefined);
  // 北票的增长率目标: words naming indicators, no project, are those indicators — never every target of the department.
  const typed = project ? null : indicatorsTyped(s, q, scope);
  if (typed) return typed;
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  let chosen = project
    ? owners.filter((o) => (o.project_id !== null && project.ids.includes(o.project_id)) || named.includes(o.name))
    : departmentOwners(s, scope);
  // 沈阳城乡医疗救助的绩效目标: a name no block goes by (a subject's) asks the blocks of the projects named by it — never an
  // indicator that happens to hold the words (城乡医疗救助完成率). Several so named are asked back, never one picked silently.
  const others: PerformanceOwnerRow[] = [];
  if (project && project.ids.length === 0 && chosen.length === 0) {
    const held = namedBy(projects, named[0]!);
    if (held.chosen.length === 0 && held.others.length > 1) {
      const lines = [...note, `${head}中名称含“${named[0]}”的项目有${held.others.length}个，请选一个：`];
      return reply('ambiguous', lines, [], projectQuestions(scope, held.others));
    }
    chosen = held.chosen.length ? held.chosen : held.others;
    if (held.chosen.length) others.push(...held.others);
  }
  const tables = tableNames(s, scope.doc.id);
  if (chosen.length === 0) {
    // A project with no target table may still have a self-evaluation in the prose (北票 定点医疗机构离休干部药费).
    const facts = project ? s.queries.factsByName(scope.doc.id, project.name.replace(/\s+/g, '')).filter((f) => f.metric === 'project.self_eval_score') : [];
    // 它的年度总体目标是什么: no goal printed for it — said so, the score offered, never given as the goal.
    if (facts.length && q.asked?.goal) {
      return reply('not_found', [...note, `${head}中没有印出“${project!.name}”的年度总体目标（它没有绩效目标表或自评表，正文只说明了自评得分）。`], [], [`${scope.doc.short} ${project!.name} 自评得分`]);
    }
    if (facts.length) {
      const f = fromFact(facts[0]!, scope.doc, scope.entity, `${project!.name}项目自评得分`);
      return reply('answered', [...note, `${head} ${project!.name}：项目自评得分${f.value}分（文中说明）`, ...statedReason(q, reasonStated(s, scope, facts[0]!.subject_name ?? ''))], [f]);
    }
    const stated = statedInContext(s, q, scope);
    if (stated.length) return reply('answered', [...note, ...stated.map((f) => `${head} ${f.label}：${show(f)}`)], stated);
    // A name that is also a figure's (公用经费支出) may be an indicator's.
    const indicator = indicators(s, q, scope, named);
    if (indicator) return indicator;
    // 抚顺要考核多少人: 人 read as the staff is the counter of a count its indicators name (考核 → 参加考核人数).
    const byNoun = counterOnly(q) ? targetsByNoun(s, q, scope) : null;
    if (byNoun?.status === 'answered') return byNoun;
    const what = project ? `“${project.text}”的绩效目标` : '部门整体绩效目标';
    return reply('not_found', [...note, `${head}中没有找到${what}；${projectsWithTargets(projects)}`], [], projectQuestions(scope, projects));
  }
  const lines = [...note];
  // 自评 is done after the year: a 预算 holds only targets, which must not read as results.
  if (q.asked?.selfEvaluation && scope.doc.stage === '预算') lines.push(`${head}中没有绩效自评（自评随决算公开）；以下是年初设定的绩效目标。`);
  const figures: Figure[] = [];
  for (const o of chosen) {
    const targets = s.queries.targets(o.id);
    const table = tables.get(o.table_id) ?? null;
    lines.push(`${head} ${o.name}绩效${targets.some((t) => t.score !== null) ? '自评' : '目标'}（${table ? `${table}，` : '正文'}第${o.line}行起）：`);
    if (o.goal) lines.push(`目标：${o.goal}`);
    // 年度总体目标是什么, of a block printing none: said, so that what follows is not read as the goal.
    else if (q.asked?.goal) lines.push('（没有印出年度总体目标；以下是它的绩效指标。）');
    if (o.total_score !== null) {
      const line = o.score_line ?? Math.max(o.line, targets.at(-1)?.line ?? 0);
      figures.push(ownerFigure(o, scope, table ?? '', { label: '绩效自评总得分', value: o.total_score, unit: '分', raw: String(o.total_score), line }));
      const rate = ownerRate(s, scope, o, table);
      if (rate) figures.push(rate);
      lines.push(`自评总得分：${o.total_score}分${rate ? `，预算执行率${rate.raw}` : ''}`);
      // A unit's 整体自评 has no 自评综述 stating problems: asked, said not stated.
      lines.push(...statedReason(q, o.owner_kind === 'project' ? projectReason(s, scope, o) : null));
    }
    const shown = targets.slice(0, MAX_TARGETS);
    if (o.table_id === null && shown.length) lines.push('绩效指标：');
    for (const t of shown) lines.push(describeTarget(t));
    if (targets.length > MAX_TARGETS) lines.push(`……共${targets.length}条指标`);
    figures.push(...shown.flatMap((t) => proseTargetFigure(o, t, scope) ?? tableTargetFigure(o, t, scope, table) ?? []));
  }
  // The name read as the one project it spells whole: the others holding it said, to be asked by name.
  if (others.length) lines.push(`另有名称含“${named[0]}”的项目：${others.map((o) => o.name).join('、')}，可以按名称问。`);
  // Asked for the department as a whole, it also says that its projects have blocks of their own.
  const more = project || projects.length === 0 ? [] : [`另有${projects.length}个项目${scope.doc.stage === '决算' ? '绩效自评表' : '绩效目标表'}，可按项目名称问，如：${projectQuestions(scope, projects)[0]}。`];
  return reply('answered', [...lines, ...more], figures, projectQuestions(scope, project ? others : projects));
}

/** 哪个月, 什么时候: words asking when (shapes.json whenAsked.asked). */
const WHEN_WORDS = new RegExp(alternation(shapes.whenAsked.asked), 'g');
// 时效指标: the indicators of when a project's targets are to be done.
const TIMELY = new RegExp(alternation(shapes.indicatorNames.timely));

/** How each printed operator bounds the 完成值 by the target (shapes.json shortfall.operators). */
const BOUNDS = Object.entries(shapes.shortfall.operators) as [string, string[]][];
const boundOf = (operator: string | null) => (operator === null ? null : (BOUNDS.find(([, printed]) => printed.includes(operator))?.[0] ?? null));

/** Whether an indicator's 完成值 meets its target by its operator; null when they cannot be compared (words, another unit, no operator known). */
function meets(t: PerformanceTargetRow): boolean | null {
  const bound = boundOf(t.operator);
  if (bound === null || t.target_number === null || t.actual_number === null || (t.actual_unit ?? '') !== (t.target_unit ?? '')) return null;
  const [done, target] = [t.actual_number, t.target_number];
  return bound === 'atLeast' ? done >= target : bound === 'atMost' ? done <= target : bound === 'above' ? done > target : bound === 'below' ? done < target : done === target;
}

// 项目自评里哪些没达标: the projects' self-evaluations asked, not the department's own.
const PROJECTS_ASKED = new RegExp(alternation(words.listTargets.projects));

/**
 * 北票整体绩效里哪些指标没完成, 没达到目标的指标, 完成值低于目标的: the indicators whose 完成值 does not meet the target by its
 * operator (≥, ≤, =), each with its target and 完成值, cited at its row — of the department's own 整体绩效 self-evaluation,
 * or of the projects' where projects are asked (a project named: its own). Those that cannot be compared (a target in
 * words, 管理规范; no operator printed) are counted and said not compared; a 预算 prints no 完成值, and says so.
 */
export function shortfalls(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  if (scope.doc.stage === '预算') return reply('not_found', [...note, `${head}中没有完成值：预算只有年初设定的绩效目标，完成情况随决算的绩效自评公开。`], [], [`${scope.doc.short} 绩效目标`]);
  const named = q.targets.flatMap((t) => (t.kind === 'project' ? t.ids : []));
  const ofProjects = named.length > 0 || PROJECTS_ASKED.test(q.text);
  const owners = named.length ? projectOwners(s, scope, named) : ofProjects ? allProjectOwners(s, scope) : departmentOwners(s, scope);
  const what = named.length ? `${owners.map((o) => o.name).join('、')}的绩效自评` : ofProjects ? '各项目绩效自评' : '部门整体绩效自评';
  const done = owners.flatMap((o) => s.queries.targets(o.id).filter((t) => t.actual_value !== null).map((t) => ({ o, t, met: meets(t) })));
  if (done.length === 0) return reply('not_found', [...note, `${head}中没有${what}的完成值。`], [], [`${scope.doc.short} 绩效自评`]);
  const short = done.filter((x) => x.met === false);
  const apart = done.filter((x) => x.met === null);
  const lines = [...note, short.length ? `${head} ${what}中完成值没有达到目标值的指标（${short.length}项）：` : `${head} ${what}中可以比较的${done.length - apart.length}项指标，完成值都达到了目标值。`];
  const tables = tableNames(s, scope.doc.id);
  const figures: Figure[] = [];
  for (const { o, t } of short) {
    const table = tables.get(o.table_id) ?? null;
    // The 完成程度 the table prints beside it is shown: where it disagrees (完成值 1, 完成程度 1), the reader sees both.
    lines.push(`· ${o.name} ${t.level3}：目标${t.operator ?? ''}${targetText(t).replace(/^[<>=≤≥]+/, '')}，完成值${doneText(t)}${t.completion ? `，完成程度${t.completion}` : ''}（${table ?? '正文'}第${t.line}行）`);
    figures.push(...[actualFigure(o, t, scope, table), tableTargetFigure(o, t, scope, table)].filter((f): f is Figure => f !== null));
  }
  if (apart.length) lines.push(`另有${apart.length}项指标无法比较（目标或完成值是文字，如“${apart[0]!.t.target_value}”，或没有印运算符号），未列出。`);
  if (!ofProjects) lines.push(`以上是部门整体绩效自评；项目的可以这样问：${scope.doc.short} 项目自评哪些指标没完成。`);
  return reply('answered', lines, figures, ofProjects ? [] : [`${scope.doc.short} 项目自评哪些指标没完成`]);
}

/**
 * 沈阳城乡医疗救助哪个月完成, 什么时候完成: the 时效指标 of the project named (a subject's name: the project spelling it whole)
 * and the 完成时限 its table prints — when its targets set it to be done, said to be targets, never a date of the event.
 * Null when no project is named or it sets no time.
 */
export function deadlines(s: Sources, q: StructuredQuery, scope: Scope): Reply | null {
  const projects = allProjectOwners(s, scope);
  const ids = q.targets.flatMap((t) => (t.kind === 'project' ? t.ids : []));
  // A loose name is read with the when-words typed after it (城乡医疗救助什么时候): those dropped.
  const words = [...q.targets.flatMap((t) => (t.kind === 'subject' ? [t.name] : [])), ...q.candidates.map((c) => c.text.replace(WHEN_WORDS, ''))];
  const owners = ids.length ? projectOwners(s, scope, ids) : [...new Set(words.flatMap((w) => namedBy(projects, w).chosen))];
  const timed = owners.flatMap((o) => s.queries.targets(o.id).filter((t) => TIMELY.test(t.level2 ?? '') || t.deadline !== null).map((t) => ({ o, t })));
  if (timed.length === 0) return null;
  const tables = tableNames(s, scope.doc.id);
  const head = heading(scope.entity, scope.doc);
  const lines = [...(scope.yearNote ? [scope.yearNote] : []), `${head}没有印出完成的日期；${scope.doc.stage === '预算' ? '年初设定的' : ''}绩效目标中关于时间的是：`];
  const figures: Figure[] = [];
  for (const o of owners) {
    const own = timed.filter((x) => x.o === o);
    const table = tables.get(o.table_id) ?? null;
    const limits = [...new Set(own.flatMap(({ t }) => t.deadline ?? []))];
    for (const { t } of own.filter(({ t }) => TIMELY.test(t.level2 ?? ''))) {
      lines.push(`${o.name}的时效指标（${table ?? '正文'}第${t.line}行）：`, describeTarget(t));
      const f = tableTargetFigure(o, t, scope, table);
      if (f) figures.push(f);
    }
    if (limits.length) lines.push(`${o.name}的绩效指标完成时限：${limits.join('、')}（${table ?? '正文'}第${own[0]!.t.line}行起）`);
  }
  return reply('answered', lines, figures);
}
