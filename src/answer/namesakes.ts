// One name printed as several things: 公务员医疗补助 is a 功能科目 (2101103), an 经济科目 (30111 公务员医疗补助缴费)
// and a project in one document. Each is answered, labelled, with its own source — never one of them chosen
// silently, nor the question asked back.
import type { StructuredQuery, Target } from '../query/ast.ts';
import words from '../../grammar/words.json' with { type: 'json' };
import { lookup } from './intents/lookup.ts';
import { reply, type Reply } from './reply.ts';
import { printedAt } from './format.ts';
import type { Scope } from './resolve.ts';
import type { Sources } from './sources.ts';
import { metrics } from '../store/metrics.ts';
import { targetFigures } from './targets.ts';

type Subject = Extract<Target, { kind: 'subject' }>;

export interface Namesake {
  /** 功能科目, 经济科目, 项目: what the thing is, said before its answer. */
  label: string;
  target: Target;
}

/** 支出功能分类 codes begin with 2, 经济分类 codes (部门 301…, 政府 501…) with 3 or 5. */
const FUNCTIONAL = /^2/;
const ECONOMIC = /^[35]/;

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const SEPARATED = new RegExp(`[${words.namesakes.separators.map(escape).join('')}]`);

/**
 * The things a subject's name names in the scope's document, each with figures there: the 功能科目 and the
 * 经济科目 of that name (or of the name and a suffix, 公务员医疗补助缴费), and the projects named so or named by a
 * category then the name (政府专项-城乡医疗救助). Empty when the name names only one thing.
 */
export function namesakes(s: Sources, scope: Scope, subject: Subject): Namesake[] {
  const codes = (test: RegExp) => subject.codes.filter((c) => test.test(c));
  const economic = [
    ...(codes(ECONOMIC).length ? [{ ...subject, codes: codes(ECONOMIC) }] : []),
    ...s.catalog.subjects
      .filter((x) => words.namesakes.suffixes.some((suffix) => x.name === subject.name + suffix))
      .map((x) => ({ kind: 'subject' as const, name: x.name, codes: x.codes.filter((c) => ECONOMIC.test(c)), text: subject.text })),
  ];
  const named = (name: string) => name === subject.name || (name.endsWith(subject.name) && SEPARATED.test(name.slice(-subject.name.length - 1, -subject.name.length)));
  // The document's own projects, by its index: a one-shot question does not parse every project held.
  const projects = s.queries.projects(scope.doc.id).filter((p) => named(p.name));
  // 公务用车购置 (31013) and the “三公” table's 公务用车购置费: one purchase, printed as both.
  const figures = metrics.filter((m) => m.kind === 'money' && words.namesakes.metricSuffixes.some((suffix) => m.name === subject.name + suffix));
  const all: Namesake[] = [
    ...figures.map((m) => ({ label: m.key.startsWith('three_public.') ? '“三公”经费' : m.name, target: { kind: 'metric' as const, key: m.key, text: subject.text } })),
    ...(codes(FUNCTIONAL).length ? [{ label: '功能科目', target: { ...subject, codes: codes(FUNCTIONAL) } }] : []),
    ...economic.map((target) => ({ label: '经济科目', target })),
    ...[...new Set(projects.map((p) => p.name))].map((name) => ({
      label: '项目',
      target: { kind: 'project' as const, name, ids: projects.filter((p) => p.name === name).map((p) => p.id), text: subject.text, fuzzy: false },
    })),
  ];
  const held = all.filter((n) => targetFigures(s, scope, n.target, scope.year).length > 0);
  return held.length > 1 ? held : [];
}

/**
 * 抚顺 公务员医疗补助: every thing the name names, each answered as its own look-up under its label with its source.
 * Null when the name names one thing only, or when one of them cannot be answered (the question is then
 * answered, or asked back, as before).
 */
export function namesakeAnswer(s: Sources, q: StructuredQuery, scope: Scope, subject: Subject): Reply | null {
  const things = namesakes(s, scope, subject);
  if (things.length === 0) return null;
  const one = { ...scope, yearNote: null };
  const answers = things.map((n) => ({ ...n, r: lookup(s, { ...q, candidates: [], targets: [n.target] }, one, n.target) }));
  if (answers.some((a) => a.r.status !== 'answered')) return null;
  const kinds = [...new Set(answers.map((a) => a.label))];
  const where = (r: Reply) => r.figures[0] && `（${printedAt(r.figures[0])}）`;
  const lines = [
    ...(scope.yearNote ? [scope.yearNote] : []),
    `“${subject.name}”在文件中${kinds.length > 1 ? `既是${kinds.slice(0, -1).join('、')}，也是${kinds.at(-1)}` : `有${answers.length}个${kinds[0]}`}，分别是：`,
    ...answers.flatMap((a) => [`【${a.label}】${a.r.lines[0]}${where(a.r) ?? ''}`, ...a.r.lines.slice(1)]),
  ];
  return reply('answered', lines, answers.flatMap((a) => a.r.figures));
}

/**
 * A subject's name read as the one project of that name, where the question puts it among projects: added to a
 * project (离休干部医药费加上公务员医疗补助), or a share of 项目支出. Else the subject as read.
 */
export function asProject(s: Sources, scope: Scope, t: Target): Target {
  if (t.kind !== 'subject') return t;
  const projects = namesakes(s, scope, t).filter((n) => n.label === '项目');
  return projects.length === 1 ? projects[0]!.target : t;
}
