// A project's own amount, and a group row printed under the same name as a project listed (莲湖 表10 医疗保险经办机构经费):
// read apart from the intents that list, rank, look up or compute on projects, so that each can import them.
import type { ProjectRow } from '../store/schema.ts';
import { fromCell, headlinePerTable, show, usable, type Figure } from './figures.ts';
import type { Scope } from './resolve.ts';
import type { Sources } from './sources.ts';

/**
 * One project row's own amount, its headline cell in the first table printing it. Not by name:
 * a group and a project under it may share one (莲湖 医疗保险经办机构经费 99.00 and 69.00).
 */
export function ownAmount(s: Sources, scope: Scope, p: ProjectRow, stage: Figure['basis']): Figure | null {
  const rows = s.queries.projectFigures(scope.doc.id).filter((r) => r.project_id === p.id && usable(r) && r.year === scope.year && r.basis === stage && r.value_kind === 'money' && r.amount_fen !== null);
  const best = headlinePerTable(rows).sort((a, b) => a.table_id - b.table_id)[0];
  return best ? fromCell(best, scope.doc, s.entity(scope.doc, p.unit_id), p.name) : null;
}

/**
 * A group row named like a project listed (莲湖 表10: 医疗保险经办机构经费 99.00 at line 599 over
 * 医保工作经费补助 30.00 and a 医疗保险经办机构经费 69.00): said beside the list, with its parts, so the
 * group's amount asked by name elsewhere does not read as a second amount for the same project.
 */
export function sameNameGroups(s: Sources, scope: Scope, stage: Figure['basis'], listed: Figure[]): { lines: string[]; figures: Figure[] } {
  const projects = s.queries.projects(scope.doc.id);
  // Each group's projects, gathered once (not every project scanned per group).
  const children = new Map<number, ProjectRow[]>();
  for (const p of projects) if (p.parent_id !== null) children.set(p.parent_id, [...(children.get(p.parent_id) ?? []), p]);
  const lines: string[] = [];
  const figures: Figure[] = [];
  for (const group of projects.filter((g) => children.has(g.id))) {
    const leaf = listed.find((f) => f.label === group.name && f.fen !== null);
    const whole = leaf && ownAmount(s, scope, group, stage);
    if (!leaf || !whole || whole.fen === leaf.fen) continue;
    const kids = children.get(group.id)!.flatMap((p) => ownAmount(s, scope, p, stage) ?? []);
    lines.push(`注：“${group.name}”也是第${whole.line}行一个项目组的名称，该组合计${show(whole)}${kids.length ? `，含${kids.map((k) => `${k.label}${show(k)}`).join('、')}` : ''}；上面列的是项目本身：${show(leaf)}。`);
    figures.push(whole, ...kids.filter((k) => !listed.some((f) => f.line === k.line && f.fen === k.fen)));
  }
  return { lines, figures };
}
