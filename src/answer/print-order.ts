// 表17的第一个项目, 曲阳第5个项目的绩效指标, 项目支出表倒数第二个项目: an ordinal counting through the projects a
// document (or one table of it) prints, in the order printed — a list the question names instead of one answered before.
import type { StructuredQuery } from '../query/ast.ts';
import type { CatalogDocument } from '../query/catalog.ts';
import type { Named } from './dialog.ts';
import { fromFact, show } from './figures.ts';
import { beforeAnswer, heading, reply, type Reply } from './reply.ts';
import { resolveScopes } from './resolve.ts';
import type { Sources } from './sources.ts';
import { namedTables } from './table-rows.ts';
import { ordinalIndex } from './ordinal.ts';

/**
 * 北票自评的第三个项目: where the text enumerates the projects' self-evaluations ((1)…(2)…(3)…), the one it states N-th,
 * its stated score as the figure (cited at that line); null where the text states fewer than two.
 */
function narratedItem(s: Sources, q: StructuredQuery, doc: CatalogDocument, entity: string, projects: readonly { name: string }[]): Named | Reply | null {
  const ref = q.reference as Extract<StructuredQuery['reference'], { kind: 'item' }>;
  const stated = s.queries.factsByMetric(doc.id, 'project.self_eval_score').filter((f) => f.subject_name !== null && f.value !== null).sort((a, b) => a.line - b.line);
  if (stated.length < 2) return null;
  const fact = stated[ordinalIndex(ref, stated.length)];
  if (!fact) return reply('not_found', [`文中列了${stated.length}个项目的绩效自评，没有${ref.text}。`]);
  const bare = (n: string) => n.replace(/\s+/g, '');
  const name = projects.find((p) => bare(p.name) === fact.subject_name)?.name ?? fact.subject_name!;
  return { entity: doc.department, words: name, project: true, documentId: doc.id, figure: fromFact(fact, doc, entity, `${name}项目自评得分`) };
}

/**
 * The item the ordinal picks, named as the project (to read the question again with it), a reply when the table
 * or the item is not printed, or null when the question counts no printed list.
 */
export function printedItem(s: Sources, q: StructuredQuery): Named | Reply | null {
  const ref = q.reference;
  if (!q.printOrder || ref?.kind !== 'item') return null;
  const scopes = resolveScopes(s.catalog, q);
  if (!Array.isArray(scopes) || scopes.length !== 1) return null;
  const { doc, entity } = scopes[0]!;
  const tables = q.table ? namedTables(s, doc, q.table, q.entities[0]?.text ?? entity, true) : [];
  if (!Array.isArray(tables)) return tables;
  const inTable = new Set(tables.map((t) => t.id));
  const projects = s.queries.projects(doc.id);
  // A group row (医疗保险经办机构经费 over its two parts) is no project of its own.
  const groups = new Set(projects.map((p) => p.parent_id));
  const first = new Map<number, number>();
  const seen = (id: number, line: number) => first.set(id, Math.min(first.get(id) ?? line, line));
  const printedIn = (table: number | null) => !q.table || (table !== null && inTable.has(table));
  // 自评的第三个项目, 第5个项目的绩效指标: counted through the performance tables, which print a project as the
  // owner of its targets; otherwise wherever the document prints it first.
  const performance = q.intent === 'performance' || q.intent === 'rate' || q.byScore === true;
  const narrated = performance && !q.table && q.asked?.narrated ? narratedItem(s, q, doc, entity, projects) : null;
  if (narrated) return narrated;
  if (!performance) for (const p of projects) if (!groups.has(p.id) && printedIn(p.table_id)) seen(p.id, p.line);
  for (const o of s.queries.owners(doc.id)) if (o.project_id !== null && !groups.has(o.project_id) && printedIn(o.table_id)) seen(o.project_id, o.line);
  const order = [...first].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  const where = q.table ? q.table.text : doc.display;
  const id = order[ordinalIndex(ref, order.length)];
  if (id === undefined) return reply('not_found', [order.length ? `${where}共印了${order.length}个项目，没有${ref.text}。` : `${where}中没有印项目。`]);
  const name = projects.find((p) => p.id === id)!.name;
  return { entity: doc.department, words: name, project: true, documentId: doc.id };
}

/**
 * The answer about an item the text's enumeration picked (narratedItem) leads with the score the text states for it,
 * at that line: the item as counted, whatever else the answer says of it.
 */
export function narratedFirst(item: Named | null, q: StructuredQuery, r: Reply): Reply {
  const f = item?.figure;
  // 第一个项目的执行率: the rate asked leads, not the score.
  if (!f || r.status !== 'answered' || q.reference?.kind !== 'item' || q.intent === 'rate') return r;
  const line = `${heading(f.entity, f.document)} 文中所列的${q.reference.text}自评项目：${item!.words}，项目自评得分${show(f)}（正文第${f.line}行）`;
  // The figure once, where the answer already has it.
  const has = r.figures.some((x) => x.line === f.line && x.value === f.value);
  return beforeAnswer({ ...r, figures: has ? r.figures : [f, ...r.figures] }, line);
}
