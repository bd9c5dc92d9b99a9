// The figures for one target (a metric, a subject, a project) in one scope, and
// how a target is named in answers.
import type { Target } from '../query/ast.ts';
import { metric as metricOf } from '../store/metrics.ts';
import type { Stage } from '../store/schema.ts';
import type { Figure } from './figures.ts';
import type { Scope } from './resolve.ts';
import { fromCell, headlinePerTable, usable } from './figures.ts';
import { metricFigures, pick, projectFigures, subjectFigures, type Sources } from './sources.ts';

export function targetName(t: Target): string {
  if (t.kind === 'metric') return metricOf(t.key).name;
  if (t.kind === 'subject') return t.codes.length === 1 ? `${t.name}（${t.codes[0]}）` : t.name;
  return t.name;
}

/** A subject as printed with no code (莲湖 表1 “5、教育支出 3,360.00”): found by its name. */
function uncodedSubjectFigures(s: Sources, doc: Scope['doc'], name: string, year: number): Figure[] {
  const rows = s.queries.figuresByUncodedSubject(doc.id, name).filter((r) => usable(r) && r.year === year && r.value_kind === 'money');
  return headlinePerTable(rows).map((r) => fromCell(r, doc, s.entity(doc, r.unit_id), name));
}

function documentFigures(s: Sources, scope: Scope, t: Target, year: number): Figure[] {
  const doc = scope.doc;
  if (t.kind === 'subject') return [...subjectFigures(s, doc, t.codes, t.name, year), ...uncodedSubjectFigures(s, doc, t.name, year)].sort((a, b) => a.rank - b.rank);
  if (t.kind === 'project') return projectFigures(s, doc, t.ids, year);
  const figures = metricFigures(s, doc, t.key, year, t.text);
  if (figures.length) return figures;
  // 会议费 with no 会议费 line in the prose may still be a 经济分类 row (沈阳 表6 30215).
  const subject = s.catalog.subjects.find((x) => x.name === t.text || x.name === metricOf(t.key).name);
  return subject ? subjectFigures(s, doc, subject.codes, subject.name, year) : [];
}

/**
 * The figures for a target in a scope. Asked about a sub-unit, the unit's own
 * figures come first (its 项目支出 is its subtotal row in the project table);
 * without them the department's figures answer, and the answer says so.
 */
export function targetFigures(s: Sources, scope: Scope, t: Target, year: number): Figure[] {
  const figures = documentFigures(s, scope, t, year);
  if (scope.unitId === null) return figures;
  const own = figures.filter((f) => f.entity === scope.entity);
  if (own.length) return own;
  if (t.kind === 'metric' && t.key === 'project') {
    const rows = s.queries.unitFigures(scope.doc.id, scope.unitId).filter((r) => usable(r) && r.year === year && r.value_kind === 'money');
    const subtotal = headlinePerTable(rows).map((r) => fromCell(r, scope.doc, scope.entity, metricOf('project').name));
    if (subtotal.length) return subtotal;
  }
  return figures;
}

/** The stage an answer leads with: the one asked, else the document's own. */
export function stageOf(stage: Stage | 'both' | null, scope: Scope): Stage {
  return stage === '预算' || stage === '决算' ? stage : scope.doc.stage;
}

/** The single figure that answers “how much” for a target in a scope, with the other stage's beside it. */
export function headlineFigure(s: Sources, scope: Scope, t: Target, year: number, stage: Stage): { main: Figure | null; other: Figure | null } {
  const { main, other } = pick(targetFigures(s, scope, t, year), stage);
  return { main: main[0] ?? null, other: other[0] ?? null };
}

/** Parts of a metric that answers list with it (“三公”经费 → its four parts). */
export const METRIC_PARTS: Record<string, string[]> = {
  'three_public.total': ['three_public.abroad', 'three_public.vehicle_purchase', 'three_public.vehicle_operation', 'three_public.reception'],
  'three_public.vehicle': ['three_public.vehicle_purchase', 'three_public.vehicle_operation'],
  basic: ['personnel', 'public'],
  'expenditure.grand_total': ['basic', 'project'],
  'procurement.total': ['procurement.goods', 'procurement.services', 'procurement.works'],
  'staff.authorized': ['staff.authorized_admin', 'staff.authorized_institution'],
  'assets.total': ['assets.buildings', 'assets.vehicles', 'assets.other'],
};

/** The whole a part is a share of. */
export const METRIC_WHOLE: Record<string, string> = {
  'three_public.abroad': 'three_public.total',
  'three_public.vehicle': 'three_public.total',
  'three_public.reception': 'three_public.total',
  'three_public.vehicle_purchase': 'three_public.vehicle',
  'three_public.vehicle_operation': 'three_public.vehicle',
  basic: 'expenditure.grand_total',
  project: 'expenditure.grand_total',
  personnel: 'basic',
  public: 'basic',
  'procurement.goods': 'procurement.total',
  'procurement.services': 'procurement.total',
  'procurement.works': 'procurement.total',
  'fiscal.general_budget': 'income.grand_total',
  'fiscal.total': 'income.grand_total',
  admin_operation: 'public',
};
