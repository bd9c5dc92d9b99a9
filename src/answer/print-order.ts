// 表17的第一个项目, 曲阳第5个项目的绩效指标, 项目支出表倒数第二个项目: an ordinal counting through the projects a
// document (or one table of it) prints, in the order printed — a list the question names instead of one answered before.
import type { StructuredQuery } from '../query/ast.ts';
import type { Named } from './dialog.ts';
import { reply, type Reply } from './reply.ts';
import { resolveScopes } from './resolve.ts';
import type { Sources } from './sources.ts';
import { namedTables } from './table-rows.ts';

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
  if (!performance) for (const p of projects) if (!groups.has(p.id) && printedIn(p.table_id)) seen(p.id, p.line);
  for (const o of s.queries.owners(doc.id)) if (o.project_id !== null && !groups.has(o.project_id) && printedIn(o.table_id)) seen(o.project_id, o.line);
  const order = [...first].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  const where = q.table ? q.table.text : doc.display;
  const id = order[ref.fromEnd ? order.length - ref.index : ref.index - 1];
  if (id === undefined) return reply('not_found', [order.length ? `${where}共印了${order.length}个项目，没有${ref.text}。` : `${where}中没有印项目。`]);
  const name = projects.find((p) => p.id === id)!.name;
  return { entity: doc.department, words: name, project: true, documentId: doc.id };
}
