// 买的是什么车, 它的总体目标里住院救助比例是多少: questions about what a project is (its purchases, its goal), of
// the project named or the one asked about before.
import type { StructuredQuery } from '../query/ast.ts';
import type { Conversation } from './dialog.ts';
import { described } from './intents/described.ts';
import { departmentOwners, goalNumber, indicatorNamed, indicatorOf, indicatorsInUnit, inPeople, peopleAsked, peopleIndicator, wordsNamingIndicator } from './intents/performance.ts';
import { resolveScopes } from './resolve.ts';
import { reply, type Reply } from './reply.ts';
import type { Sources } from './sources.ts';
import shapes from '../../grammar/shapes.json' with { type: 'json' };

/** 它的总体目标里住院救助比例是多少: the number the goal text of the one project asked (or answered before) states. */
export function goalAnswer(s: Sources, asked: StructuredQuery, goal: NonNullable<StructuredQuery['goal']>): Reply {
  const scopes = resolveScopes(s.catalog, asked);
  if (!Array.isArray(scopes)) return scopes;
  const ids = asked.targets.flatMap((t) => (t.kind === 'project' ? t.ids : []));
  const { words } = goal;
  // 曲阳的绩效目标里，参保人数要达到多少: no project named — the department's own targets (its 部门整体 / 分项绩效目标 text or table).
  const department = scopes.length === 1 && ids.length === 0 && asked.targets.length === 0;
  const typed = wordsNamingIndicator(words);
  // 曲阳年度目标里满意度是多少: none of the department's own targets so named — the indicators of its projects so named, each labelled by project.
  // 莲湖整体绩效目标里临聘多少人: a count of people is answered only by an indicator counted in people (never 临聘人员费用 35万元).
  const people = peopleAsked(words);
  const own = !department ? null : people
    ? peopleIndicator(s, scopes[0]!, [departmentOwners(s, scopes[0]!), s.queries.owners(scopes[0]!.doc.id)], typed)
    : (indicatorOf(s, scopes[0]!, departmentOwners(s, scopes[0]!), typed, '') ?? indicatorOf(s, scopes[0]!, s.queries.owners(scopes[0]!.doc.id), typed, ''));
  if (own) return own;
  if (scopes.length !== 1 || ids.length === 0) return reply('ambiguous', [`请说明是哪个项目的${goal.text.replace(/[里中]$/, '')}。`]);
  const stated = goalNumber(s, scopes[0]!, ids, words);
  if (stated.status === 'answered') return stated;
  // 它的绩效目标里印刷宣传品是多少, 年度目标里说要印多少份: the goal text states no such number, its indicator table does —
  // answered from the indicator named (or counted in the unit asked), said to be read there, the goal quoted first.
  // A rate asked (参保率) is only the indicator so named: any other rate of the project is no answer to it.
  const rate = shapes.targetUnits.aliases['%'].some((w) => words.includes(w));
  const table = indicatorNamed(s, scopes[0]!, ids, words, '', people ? inPeople : undefined) ?? (rate ? null : indicatorsInUnit(s, asked, scopes[0]!, [words]));
  if (table?.status !== 'answered' || table.figures.length === 0) return stated;
  const note = scopes[0]!.yearNote;
  return { ...table, lines: [...stated.lines, '绩效指标表中印的是：', ...table.lines.filter((l) => l !== note)] };
}

/**
 * The project a question about a purchase or a goal is of: the one named, else the one asked about before (with
 * its department, year and stage); none for a question naming a thing only (买的是什么车: every project's).
 */
export function describedQuery(q: StructuredQuery, thing: string[], c: Conversation | undefined): StructuredQuery | null {
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
export function describedAnswer(s: Sources, asked: StructuredQuery, ask: NonNullable<StructuredQuery['describe']>): Reply {
  const scopes = resolveScopes(s.catalog, asked);
  if (!Array.isArray(scopes)) return scopes;
  const replies = scopes.map((scope) => described(s, asked, scope, ask));
  const found = replies.filter((r) => r.status === 'answered');
  if (found.length === 0) return replies[0] ?? reply('not_found', ['没有找到。']);
  return { ...found[0]!, lines: found.flatMap((r) => r.lines), figures: found.flatMap((r) => r.figures) };
}
