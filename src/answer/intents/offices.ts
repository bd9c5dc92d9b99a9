// 内设机构 by name: the offices a document lists (沈阳 1. 办公室 … 14. 公共业务服务部), each a figure whose value
// is its name, cited at its line. 内设的第三个部门叫什么 is the third as listed; 有哪些内设机构 lists them after
// their count. A document that states only how many lists nothing here (dispatch says the names are not held).
import type { StructuredQuery } from '../../query/ast.ts';
import type { Figure } from '../figures.ts';
import { show } from '../figures.ts';
import { heading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import type { Sources } from '../sources.ts';
import { lookup } from './lookup.ts';
import { ordinalIndex } from '../ordinal.ts';
import { countOf } from './list.ts';

export const OFFICES = 'org.internal_departments';

/** A name the document lists (an office, a unit) as a figure whose value is the name, cited at its line. */
export function nameFigure(scope: Scope, label: string, name: string, line: number): Figure {
  return {
    document: scope.doc,
    entity: scope.entity,
    year: scope.year,
    basis: scope.doc.stage,
    label,
    fen: null,
    value: name,
    unit: null,
    printedIn: '万元',
    table: null,
    column: null,
    line,
    raw: name,
    precision: null,
    change: null,
    rank: 0,
  };
}

/** The offices listed by name, or null when the document lists none (or the question is of a sub-unit's). */
export function offices(s: Sources, q: StructuredQuery, scope: Scope): Reply | null {
  const rows = scope.unitId === null ? s.queries.internalDepartments(scope.doc.id) : [];
  if (rows.length === 0) return null;
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  const ref = q.reference?.kind === 'item' ? q.reference : null;
  if (ref) {
    const row = rows[ordinalIndex(ref, rows.length)];
    if (!row) return reply('not_found', [...note, `${head}列出的内设机构共${rows.length}个，没有${ref.text.replace(/个$/, "")}个。`]);
    return reply('answered', [...note, `${head}内设机构第${row.ordinal}个（共列${rows.length}个，正文第${row.line}行）：${row.name}`], [nameFigure(scope, `内设机构（第${row.ordinal}个）`, row.name, row.line)]);
  }
  // The count as the text states it leads, when it states one; the names follow, each at its line.
  const count = lookup(s, { ...q, intent: 'lookup', reference: null }, { ...scope, yearNote: null }, { kind: 'metric', key: OFFICES, text: '内设机构' });
  const stated = count.status === 'answered' ? count.figures.slice(0, 1) : [];
  const differs = stated[0] && stated[0].value !== rows.length ? `（正文说${show(stated[0])}，列出的是${rows.length}个）` : '';
  const lines = [...note, `${head}内设机构${stated[0] ? `${show(stated[0])}` : `（列出${rows.length}个）`}${differs}：`, ...rows.map((r) => `${r.ordinal}. ${r.name}（第${r.line}行）`)];
  const items = rows.map((r) => nameFigure(scope, `内设机构（第${r.ordinal}个）`, r.name, r.line));
  // The count the text prints of those listed (列出3个, 列出的是N个) is a figure too, made by counting them.
  const listed = !stated[0] || differs ? [countOf(items, '列出的内设机构')] : [];
  // The count is the whole an ordinal does not count (第二个 is the second office, whether a count leads or not).
  // After the offices: the typed query does not tell 有几个 from 有哪些, and the list's first office leads as it did.
  return { ...reply('answered', lines, [...stated, ...items, ...listed]), whole: stated[0] ?? listed[0] ?? null };
}
