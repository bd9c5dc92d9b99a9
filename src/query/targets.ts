// The words the grammar knew, turned into what is asked: figures, subjects (by name or code) and projects.
import type { StructuredQuery, Target } from './ast.ts';
import type { Catalog, CatalogSubject } from './catalog.ts';
import type { Mentions, TargetMention } from './grammar/visitor.ts';
import type { Scope } from './loose.ts';
import { metrics } from '../store/metrics.ts';
import type { Phrase } from './phrases.ts';

/** What the question's words are read as so far: each step adds to it, in question order. */
export type Found = Pick<StructuredQuery, 'targets' | 'candidates' | 'unknown'>;

const countKeys = new Set(metrics.filter((x) => x.kind === 'count').map((x) => x.key));
/** Spellings of 实有人员 that are only the counter of people. */
const COUNTERS = new Set(['人', '多少人', '人员', '人数']);

/** What a mention or a target names, whatever its spelling. */
export const thingOf = (t: TargetMention | Target) => (t.kind === 'metric' ? `metric:${t.key}` : t.kind === 'code' ? `code:${t.code}` : `${t.kind}:${t.name}`);

/** A code printed with a leading zero (030239) is the code without it (30239). */
const sameCode = (a: string, b: string) => a.replace(/^0+/, '') === b.replace(/^0+/, '');

/** The known words outside compound phrases as targets; those inside are parts of a name, not asked. */
/**
 * `looseProject`: the project a word names closely in the documents asked about. An everyday word for a subject (物业费 for
 * 物业管理费) is that project where one is named so (抚顺 物业费、水电费（保运转）), else the subject.
 */
export function mentionedTargets(text: string, m: Mentions, compound: Phrase[], catalog: Catalog, subjectByCode: ReadonlyMap<string, CatalogSubject>, scope: Scope, found: Found, looseProject: (word: string) => Target | undefined): void {
  const partOf = new Set(compound.flatMap((p) => p.targets));
  const listPartOf = new Set(compound.flatMap((p) => p.listTargets));
  m.listTargets = m.listTargets.filter((_, i) => !listPartOf.has(i));
  // 编制几个人，实有几个: a counter read as such is no spelling of the figure named after it.
  const counters = new Set<number>();
  // 2101101行政单位医疗, 行政单位医疗（2101101）: a subject's code and a name printed for that code, typed together, are one
  // subject, read by its code — never two figures to compare with each other.
  const coded = m.targets.flatMap((t, i) => (t.kind === 'code' && !partOf.has(i) && !catalog.sharedCodes.has(t.code) ? [t.code] : []));
  const codeTyped = (t: TargetMention) => t.kind === 'subject' && !t.group && t.codes.some((c) => coded.some((x) => sameCode(c, x)));
  for (const [i, t] of m.targets.entries()) {
    if (partOf.has(i) || codeTyped(t)) continue;
    const before = m.targets[i - 1];
    // 实有 人 (实有多少人): two words of one figure side by side (a filler between) ask it once.
    if (t.kind === 'metric' && before?.kind === 'metric' && before.key === t.key && t.start - before.end <= 1 && !counters.has(i - 1)) continue;
    // 出差报多少差旅费: one thing typed in two spellings is asked once (the same spelling twice may be two things: 本级项目支出占全部项目支出).
    if (m.targets.slice(0, i).some((x, j) => !counters.has(j) && x.text !== t.text && thingOf(x) === thingOf(t))) continue;
    // 临时工有多少人, 公益岗人员多少: 人 / 人员 after a headcount is its counter, not the 实有人员 asked beside it.
    if (t.kind === 'metric' && COUNTERS.has(t.text) && before?.kind === 'metric' && countKeys.has(before.key) && before.key !== t.key) {
      counters.add(i);
      continue;
    }
    if (t.kind === 'code') codeTarget(t, catalog, subjectByCode, found);
    else if (t.kind === 'metric') found.targets.push({ kind: 'metric', key: t.key, text: t.text });
    // 离退休: every subject the word names, each labelled.
    else if (t.kind === 'subject' && t.group) found.targets.push(...t.group.map((g) => ({ kind: 'subject' as const, name: g.name, codes: g.codes, text: t.text })));
    else if (t.kind === 'subject' && t.text !== t.name && looseProject(t.text)) found.targets.push(looseProject(t.text)!);
    else if (t.kind === 'subject') subjectTarget(text, t, m, catalog, scope, found);
    else found.targets.push({ kind: 'project', name: t.name, ids: t.ids, text: t.text, fuzzy: false });
  }
}

/** A subject code: its subject, the subjects a code printed cut short may be, or unknown. */
function codeTarget(t: Extract<TargetMention, { kind: 'code' }>, catalog: Catalog, subjectByCode: ReadonlyMap<string, CatalogSubject>, found: Found): void {
  const subject = subjectByCode.get(t.code);
  const shared = catalog.sharedCodes.get(t.code);
  if (shared) found.candidates.push(...shared.map((name) => ({ kind: 'subject' as const, name, ids: [], text: t.code })));
  else if (subject) found.targets.push({ kind: 'subject', name: subject.name, codes: subject.codes.filter((c) => sameCode(c, t.code)), text: t.text });
  else found.unknown.push(t.code);
}

/**
 * 城乡医疗救助 is a subject and a project: 项目 or 科目 says which; with other figures and neither said, both are
 * candidates (answered each labelled, or asked back).
 */
function subjectTarget(text: string, t: Extract<TargetMention, { kind: 'subject' }>, m: Mentions, catalog: Catalog, scope: Scope, found: Found): void {
  const inScope = (p: { name: string; documentId: number }) => p.name === t.name && (!scope || scope.has(p.documentId));
  // The projects are read only when a word after the name says which reading.
  const ofName = () => catalog.projectsNamed(t.name).filter(inScope);
  if (readingSaid(text, t, m, ofName, found)) return;
  const asked = m.listTargets.findIndex((l) => l.target === 'projects');
  const named = m.scopes.includes('subjects') ? [] : asked >= 0 ? ofName() : catalog.subjectTwins.filter(inScope);
  const project = { kind: 'project' as const, name: t.name, ids: named.map((p) => p.id), text: t.text };
  if (named.length === 0) found.targets.push({ kind: 'subject', name: t.name, codes: t.codes, text: t.text });
  else if (asked >= 0) {
    found.targets.push({ ...project, fuzzy: false });
    m.listTargets.splice(asked, 1);
  } else found.candidates.push({ kind: 'subject', name: t.name, ids: [], text: t.text }, project);
}

/** 城乡医疗救助科目, 城乡医疗救助这个项目: the word typed right after a name says which reading that mention is. */
const SAID_AFTER = /^(?:的|这个|那个|这一|这)?(科目|项目)/;
/** 这个科目和同名项目: the other reading of the same name, named as such. */
const NAMESAKE = { 科目: /同名的?项目/, 项目: /同名的?科目/ } as const;

/**
 * A name that is a subject and a project, each mention read as the word after it says (城乡医疗救助科目比城乡医疗救助项目多多少),
 * and 同名项目 / 同名科目 naming the other reading too. False when no word after the mention says.
 */
function readingSaid(text: string, t: Extract<TargetMention, { kind: 'subject' }>, m: Mentions, named: () => { id: number }[], found: Found): boolean {
  const said = SAID_AFTER.exec(text.slice(t.end))?.[1] as '科目' | '项目' | undefined;
  if (!said) return false;
  const projects = named();
  if (projects.length === 0) return false;
  const subject: Target = { kind: 'subject', name: t.name, codes: t.codes, text: t.text };
  const project: Target = { kind: 'project', name: t.name, ids: projects.map((p) => p.id), text: t.text, fuzzy: false };
  found.targets.push(said === '科目' ? subject : project);
  if (NAMESAKE[said].test(text)) found.targets.push(said === '科目' ? project : subject);
  // 项目 typed after the name names it, not a list of projects.
  const word = m.listTargets.findIndex((l) => l.target === 'projects' && l.start >= t.end && l.start - t.end <= 2);
  if (word >= 0) m.listTargets.splice(word, 1);
  return true;
}
