// 明细: what a figure is made of — the parts of a named figure, the sub-subjects
// of a subject (from the same table as the subject's own figure), the projects
// under a project group or behind 项目支出.
import type { StructuredQuery, Target } from '../../query/ast.ts';
import type { Figure } from '../figures.ts';
import { fromCell, headlinePerTable, show, usable } from '../figures.ts';
import { heading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import { metricFigures, pick, projectFigures, type Sources } from '../sources.ts';
import { METRIC_PARTS, headlineFigure, stageOf, targetName } from '../targets.ts';
import { listWithin } from './list.ts';
import { lookup } from './lookup.ts';

function children(s: Sources, scope: Scope, t: Target & { kind: 'subject' }, whole: Figure, stage: Figure['basis']): Figure[] {
  const rows = t.codes
    .flatMap((code) => s.queries.childFigures(scope.doc.id, code))
    .filter((r) => usable(r) && r.year === scope.year && r.basis === stage && whole.table?.startsWith(r.table_name));
  // By code and name: a code cut short (北票 公开06表 3010) is printed for several subjects.
  const bySubject = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.subject_code}|${r.subject_name}`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), r]);
  }
  return [...bySubject.values()].flatMap((g) => headlinePerTable(g)).map((r) => fromCell(r, scope.doc, scope.doc.department, `${r.subject_name}（${r.subject_code}）`));
}

export function breakdown(s: Sources, q: StructuredQuery, scope: Scope, t: Target): Reply {
  const year = scope.year;
  const stage = stageOf(q.stage, scope);
  const head = `${heading(scope.entity, scope.doc)} ${targetName(t)}`;
  if (t.kind === 'metric' && t.key === 'project') return listWithin(s, { ...q, listOf: 'projects' }, scope);
  const { main: whole } = headlineFigure(s, scope, t, year, stage);
  if (!whole) return lookup(s, q, scope, t);
  let parts: Figure[] = [];
  if (t.kind === 'metric' && METRIC_PARTS[t.key]) {
    parts = METRIC_PARTS[t.key]!.flatMap((k) => pick(metricFigures(s, scope.doc, k, year), stage).main.slice(0, 1));
  } else if (t.kind === 'subject') {
    parts = children(s, scope, t, whole, stage);
  } else if (t.kind === 'project') {
    const ids = new Set(t.ids);
    // Each child by its own row: a child may be a group itself (莲湖 医疗保险经办机构经费 99.00 over a
    // same-named 69.00 leaf), so matching leaves by name would give the wrong part.
    const kids = s.queries.projects(scope.doc.id).filter((p) => p.parent_id !== null && ids.has(p.parent_id));
    parts = kids.flatMap((k) => pick(projectFigures(s, scope.doc, [k.id], year), stage).main.filter((f) => f.fen !== null).slice(0, 1));
  }
  if (parts.length === 0) {
    const r = lookup(s, q, scope, t);
    r.lines.push('（没有更细的明细。）');
    return r;
  }
  const lines = [...(scope.yearNote ? [scope.yearNote] : []), `${head}：${show(whole)}，其中：`, ...parts.map((p) => `· ${p.label}：${show(p)}`)];
  return reply('answered', lines, [whole, ...parts]);
}
