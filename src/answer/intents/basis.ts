// 这个钱是按工资总额的多少比例筹的: the rate the text states a thing is raised at (按…工资总额的3%进行筹集), cited at
// the line that states it. Never a ratio computed: the basis named is no figure the documents print for it.
import type { StructuredQuery } from '../../query/ast.ts';
import type { Figure } from '../figures.ts';
import { tableName } from '../format.ts';
import { reply, yearHeading, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import type { Sources } from '../sources.ts';
import { targetName } from '../targets.ts';

/** 按(basis)的(N)%: a rate stated with what it is a rate of. */
const STATED = /按照?([^，。；：,;]{1,30}?)的?(\d+(?:\.\d+)?)[%％]/g;

/** Two texts share a word (工资总额 in 享受待遇人员上年度工资总额): one bigram is enough. */
function shareWord(a: string, b: string): boolean {
  const chars = Array.from(a);
  return chars.slice(1).some((c, i) => b.includes(chars[i]! + c));
}

export function statedBasis(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const basis = q.basis!.text;
  const names = [...new Set([...q.targets.map((t) => (t.kind === 'metric' ? targetName(t) : t.name)), ...q.candidates.map((c) => c.name)])];
  const heading = yearHeading(scope.entity, scope.doc, scope.year);
  const tables = new Map(s.queries.tables(scope.doc.id).map((t) => [t.id, tableName(t.name, t.number)]));
  // The texts printed about the thing: its project's 项目内容 (抚顺 表9 公务员医疗补助).
  const texts = s.queries
    .projects(scope.doc.id)
    .filter((p) => p.description && names.some((n) => p.name.includes(n) || n.includes(p.name)))
    .map((p) => ({ name: p.name, text: p.description!, line: p.line, table: p.table_id === null ? null : (tables.get(p.table_id) ?? null) }));
  const figures: Figure[] = [];
  for (const t of texts) {
    for (const m of t.text.matchAll(STATED)) {
      if (basis && !shareWord(basis, m[1]!)) continue;
      const clause = t.text.slice(0, m.index! + m[0].length).split(/[。；;]/).at(-1)! + t.text.slice(m.index! + m[0].length).split(/[，。；,;]/)[0];
      figures.push({
        document: scope.doc,
        entity: scope.entity,
        year: scope.year,
        basis: scope.doc.stage,
        label: `${t.name}按${m[1]}的比例`,
        fen: null,
        value: Number(m[2]),
        unit: '%',
        printedIn: scope.doc.amount_unit,
        table: t.table,
        column: null,
        line: t.line,
        raw: clause,
        precision: null,
        change: null,
        rank: 0,
      });
    }
  }
  const name = names[0] ?? '';
  const note = scope.yearNote ? [scope.yearNote] : [];
  if (figures.length === 0) return reply('not_found', [...note, `${heading} ${name}：文中没有说明按${basis || '什么'}的多少比例，不作推算。`]);
  return reply('answered', [...note, ...figures.map((f) => `${heading} ${f.label}：${f.value}%（文中所述：“${f.raw}”）`)], figures);
}
