// Putting an answer together: the sentence, the figures in order, the sources,
// any consistency warning that concerns a figure used, suggestions and follow-ups.
import type { CatalogDocument } from '../query/catalog.ts';
import type { AnswerStatus, AskResult, FollowUp } from './types.ts';
import type { Queries } from './data.ts';
import { cautions } from './caution.ts';
import { citation } from './format.ts';
import { toAnswer, type Figure } from './figures.ts';

export interface Reply {
  status: AnswerStatus;
  lines: string[];
  figures: Figure[];
  suggestions: string[];
  followups: FollowUp[];
  /** Show every figure's source, not only the first few. */
  allSources?: boolean;
  /**
   * A breakdown's whole: the figures besides it are its parts, which 里面第二项 counts through. Null: no whole is
   * printed, every figure is an item (莲湖's 内设机构, listed without a count).
   */
  whole?: Figure | null;
  /** A list of projects some of which print no amount: how many (a bound on all of them cannot be judged for those). */
  unpriced?: number;
}

export const reply = (status: AnswerStatus, lines: string[], figures: Figure[] = [], suggestions: string[] = []): Reply => ({
  status,
  lines,
  figures,
  suggestions: suggestions.slice(0, 5),
  followups: [],
});

/**
 * Several answers asked at once (each department's, each figure's): one after the other, answered where any is, the
 * figures of those answered — a part not found says so in its own lines and adds no figure.
 */
export function eachReply(each: Reply[], suggestions: string[] = []): Reply {
  const done = each.filter((r) => r.status === 'answered');
  return reply(done.length ? 'answered' : 'not_found', each.flatMap((r) => r.lines), done.flatMap((r) => r.figures), suggestions);
}

/** A line said before the answer proper: after its notes (the year assumed), before the line headed by its first figure. */
export function beforeAnswer(r: Reply, line: string): Reply {
  const f = r.figures[0];
  const at = f ? Math.max(0, r.lines.findIndex((l) => l.startsWith(heading(f.entity, f.document)))) : 0;
  return { ...r, lines: [...r.lines.slice(0, at), line, ...r.lines.slice(at)] };
}

/** “曲阳县医疗保障局 2023年预算” */
export function heading(entity: string, doc: CatalogDocument): string {
  return `${entity} ${doc.fiscal_year}年${doc.stage}`;
}

/** The heading of a figure of `year`: another year read from this document (its 上年 columns) is headed by that year. */
export function yearHeading(entity: string, doc: CatalogDocument, year: number): string {
  return year === doc.fiscal_year ? heading(entity, doc) : `${entity} ${year}年`;
}

/** `来源：《doc》正文第434行；部门预算财政拨款“三公”经费支出表第371、373行` — grouped by document and table. */
function sourceLines(computedToo: Figure[], all: boolean): string[] {
  // A computed figure is cited by its inputs, which are among the figures; the formula is in the text.
  const figures = computedToo.filter((f) => !f.derived);
  if (figures.length === 0) return [];
  if (all) {
    const seen = new Set<string>();
    const lines = ['来源：'];
    for (const f of figures) {
      const text = `· ${citation(f.document.display, f.table, f.line)}（原文：${f.raw}）`;
      if (!seen.has(text)) lines.push(text);
      seen.add(text);
    }
    return lines;
  }
  const byDoc = new Map<string, Map<string, Set<number>>>();
  for (const f of figures) {
    const tables = byDoc.get(f.document.display) ?? new Map<string, Set<number>>();
    const where = f.table ?? '正文';
    tables.set(where, (tables.get(where) ?? new Set()).add(f.line));
    byDoc.set(f.document.display, tables);
  }
  const parts = [...byDoc].map(
    ([doc, tables]) => `《${doc}》${[...tables].map(([t, lines]) => `${t}第${[...lines].sort((a, b) => a - b).join('、')}行`).join('；')}`,
  );
  return [`来源：${parts.join('；')}`];
}

/** Per document: raw line → the failed checks that involve it. */
const findingsByLine = new WeakMap<object, Map<number, string[]>>();

function findings(queries: Queries, documentId: number): Map<number, string[]> {
  const checks = queries.failedChecks(documentId);
  let byLine = findingsByLine.get(checks);
  if (!byLine) {
    byLine = new Map();
    for (const c of checks) for (const line of JSON.parse(c.lines) as number[]) byLine.set(line, [...(byLine.get(line) ?? []), c.message]);
    findingsByLine.set(checks, byLine);
  }
  return byLine;
}

/** Failed consistency checks that involve a line one of the figures came from. */
function warnings(queries: Queries, figures: Figure[]): string[] {
  const out = new Set<string>();
  for (const f of figures) for (const message of findings(queries, f.document.id).get(f.line) ?? []) out.add(`⚠ 核对提示：${message}`);
  return [...out];
}

/** The figures with every computed figure's inputs among them, so each derived answer's inputs are answers too. */
function withInputs(figures: Figure[]): Figure[] {
  const out = [...figures];
  for (let i = 0; i < out.length; i++) for (const input of out[i]!.derived?.inputs ?? []) if (!out.includes(input)) out.push(input);
  return out;
}

/** A reply's text and answer items: what the database and the reply alone decide. */
export type Formatted = Pick<AskResult, 'text' | 'answers'>;

function format(reply: Reply, queries: Queries): Formatted {
  const r = { ...reply, figures: withInputs(reply.figures) };
  const warned = warnings(queries, r.figures);
  const text = [...r.lines, ...warned, ...cautions(queries, r.figures, warned), ...sourceLines(r.figures, r.allSources ?? false)];
  if (r.suggestions.length && r.status !== 'answered') text.push(`可以这样问：${r.suggestions.join('；')}`);
  return { text: text.join('\n'), answers: r.figures.map((f) => toAnswer(f, r.figures)) };
}

/** `formatted`: replies formatted before (the database does not change under the engine); their items are never mutated. */
export function toResult(query: string, r: Reply, queries: Queries, formatted?: WeakMap<Reply, Formatted>): AskResult {
  let f = formatted?.get(r);
  if (!f) {
    f = format(r, queries);
    formatted?.set(r, f);
  }
  return { query, status: r.status, text: f.text, answers: [...f.answers], suggestions: r.suggestions, followups: r.followups };
}
