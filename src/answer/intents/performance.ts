// 绩效: a project's or a unit's performance targets (一级/二级/三级指标, 指标值),
// and for a 决算 its self-evaluation: 完成值, 得分, 总得分.
import type { StructuredQuery } from '../../query/ast.ts';
import type { PerformanceOwnerRow, PerformanceTargetRow } from '../../store/schema.ts';
import { fromFact } from '../figures.ts';
import { heading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import type { Sources } from '../sources.ts';
import type { Figure } from '../figures.ts';

const MAX_TARGETS = 15;

function describeTarget(t: PerformanceTargetRow): string {
  const level = [t.level1, t.level2].filter(Boolean).join('/');
  const value = `${t.operator && t.operator !== '=' ? t.operator : ''}${t.target_value ?? ''}${t.target_unit && !(t.target_value ?? '').endsWith(t.target_unit) ? t.target_unit : ''}`;
  const done = t.actual_value !== null ? `，完成${t.actual_value}` : '';
  const score = t.score !== null ? `，得分${t.score}/${t.weight}` : '';
  return `· ${level ? `${level}：` : ''}${t.level3} ${value}${done}${score}`;
}

function ownerFigure(o: PerformanceOwnerRow, scope: Scope, t: PerformanceTargetRow | undefined, table: string): Figure | null {
  if (o.total_score === null) return null;
  return {
    document: scope.doc,
    entity: scope.entity,
    year: scope.year,
    basis: scope.doc.stage,
    label: `${o.name}绩效自评总得分`,
    fen: null,
    value: o.total_score,
    unit: '分',
    printedIn: '万元',
    table,
    column: null,
    line: o.score_line ?? (t ? Math.max(o.line, t.line) : o.line),
    raw: String(o.total_score),
    precision: null,
    change: null,
    rank: 0,
  };
}

export function performance(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const owners = s.queries.owners(scope.doc.id);
  // A target named like a project (公务员医疗补助 is also a subject) means that project's block.
  const named = q.targets.map((t) => t.kind === 'metric' ? t.text : t.name);
  const project = q.targets.find((t) => t.kind === 'project') ?? (named.length ? { kind: 'project' as const, name: named[0]!, text: named[0]!, ids: [] as number[], fuzzy: false } : undefined);
  const chosen = project
    ? owners.filter((o) => (o.project_id !== null && project.ids.includes(o.project_id)) || named.includes(o.name))
    : owners.filter((o) => o.owner_kind === 'unit' && (scope.unitId === null || o.unit_id === scope.unitId));
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  const tables = new Map(s.queries.tables(scope.doc.id).map((t) => [t.id, t.number ? `${t.name}（${t.number}）` : t.name]));
  if (chosen.length === 0) {
    // A project with no target table may still have a self-evaluation in the prose (北票 定点医疗机构离休干部药费).
    const facts = project ? s.queries.factsByName(scope.doc.id, project.name.replace(/\s+/g, '')).filter((f) => f.metric === 'project.self_eval_score') : [];
    if (facts.length) {
      const f = fromFact(facts[0]!, scope.doc, scope.entity, `${project!.name}项目自评得分`);
      return reply('answered', [...note, `${head} ${project!.name}：项目自评得分${f.value}分（文中说明）`], [f]);
    }
    return reply('not_found', [...note, `${head}中没有找到${project ? `“${project.text}”的` : ''}绩效目标。`]);
  }
  const lines = [...note];
  const figures: Figure[] = [];
  for (const o of chosen) {
    const targets = s.queries.targets(o.id);
    const table = tables.get(o.table_id) ?? null;
    lines.push(`${head} ${o.name}绩效${targets.some((t) => t.score !== null) ? '自评' : '目标'}（${table}，第${o.line}行起）：`);
    if (o.goal) lines.push(`目标：${o.goal}`);
    const scoreFigure = ownerFigure(o, scope, targets.at(-1), table ?? '');
    if (scoreFigure) {
      figures.push(scoreFigure);
      lines.push(`自评总得分：${o.total_score}分${o.execution_rate ? `，预算执行率${o.execution_rate}` : ''}`);
    }
    for (const t of targets.slice(0, MAX_TARGETS)) lines.push(describeTarget(t));
    if (targets.length > MAX_TARGETS) lines.push(`……共${targets.length}条指标`);
  }
  const r = reply('answered', lines, figures);
  return r;
}
