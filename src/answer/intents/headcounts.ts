// The people a document states a count of (全市 73 名离休干部, 4 名村级代办人员), stored at ingest (headcounts):
// 有多少离休干部, 村级代办员有几个 are answered with that count at its line; 平均每位离休干部 divides by it.
import type { StructuredQuery } from '../../query/ast.ts';
import { show, type Figure } from '../figures.ts';
import { tableName } from '../format.ts';
import { reply, yearHeading, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import type { Sources } from '../sources.ts';
import type { HeadcountRow } from '../../store/schema.ts';

/** 代办员 and 代办人员 name the same people: compared without 人. */
const bare = (w: string) => w.replace(/人/g, '');

/**
 * The table printing a line, if any (the narrowest holding it): a count read off a table row (临聘人员 32人 in a
 * 绩效目标表) is cited as that table's row, not as the text.
 */
function tableAt(s: Sources, documentId: number, line: number): string | null {
  const holding = s.queries.tables(documentId).filter((t) => t.kind !== 'toc' && t.line_start <= line && line <= t.line_end);
  const narrowest = holding.sort((a, b) => a.line_end - a.line_start - (b.line_end - b.line_start))[0];
  return narrowest ? tableName(narrowest.name, narrowest.number) : null;
}

/** Headcounts as figures, one per different count (each at its first line). */
function figuresOf(s: Sources, scope: Scope, rows: HeadcountRow[]): Figure[] {
  const doc = scope.doc;
  const found = rows.map((h): Figure => ({
    document: doc, entity: scope.entity, year: scope.year, basis: doc.stage, label: `${h.people}人数`, fen: null, value: h.count, unit: h.unit, printedIn: '万元', table: tableAt(s, doc.id, h.line), column: null, line: h.line, raw: h.raw_text, precision: null, change: null, rank: 0,
  }));
  return found.filter((f, i) => found.findIndex((x) => x.value === f.value) === i);
}

/** The counts the document states of the people the question names. */
export function namedHeadcounts(s: Sources, q: StructuredQuery, scope: Scope): Figure[] {
  const named = q.asked?.people;
  if (!named) return [];
  return figuresOf(s, scope, s.queries.headcounts(scope.doc.id).filter((h) => bare(h.people).includes(bare(named)) || bare(named).includes(bare(h.people))));
}

/**
 * The people a project's own 绩效 table counts (离休医疗保障's 全市 73 名离休干部, line 791): the headcounts printed from its
 * table's first line to the next table owner's.
 */
export function projectHeadcounts(s: Sources, scope: Scope, ids: number[]): Figure[] {
  const owners = [...s.queries.owners(scope.doc.id)].sort((a, b) => a.line - b.line);
  const spans = owners.flatMap((o, i) => (o.project_id !== null && ids.includes(o.project_id) ? [[o.line, owners[i + 1]?.line ?? Infinity] as const] : []));
  return figuresOf(s, scope, s.queries.headcounts(scope.doc.id).filter((h) => spans.some(([from, to]) => h.line >= from && h.line < to)));
}

/** 有多少离休干部: the count stated, or null when the document states none of the people named. */
export function statedHeadcount(s: Sources, q: StructuredQuery, scope: Scope): Reply | null {
  const counts = namedHeadcounts(s, q, scope);
  if (counts.length === 0) return null;
  const note = scope.yearNote ? [scope.yearNote] : [];
  const head = yearHeading(scope.entity, scope.doc, scope.year);
  const lines = counts.map((c) => `· ${c.label.replace(/人数$/, '')}：${show(c)}（第${c.line}行：“${c.raw.replace(/\s+/g, ' ').trim().slice(0, 40)}”）`);
  return reply('answered', [...note, `${head} 文件中写明的人数：`, ...lines], counts);
}
