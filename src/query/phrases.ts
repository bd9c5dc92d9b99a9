// Words typed with no space between them are one phrase: 举报奖金, 医保基金收入,
// 部门管理专项资金. When some of a phrase is unknown, the known words inside it
// (奖金, 收入, 部门) are parts of a longer name, not things asked for on their own.
import type { Mentions, Span } from './grammar/visitor.ts';
import { besideName, meaningful } from './loose.ts';

export interface Phrase extends Span {
  /** Indexes into Mentions.targets and Mentions.listTargets of the known words inside it. */
  targets: number[];
  listTargets: number[];
  /** The unknown runs inside it. */
  residue: number[];
}

/** Runs of adjacent targets, list words and unknown text, in question order. */
export function phrasesOf(m: Mentions): Phrase[] {
  const items = [
    ...m.targets.map((t, i) => ({ span: t as Span, add: (p: Phrase) => p.targets.push(i) })),
    ...m.listTargets.map((t, i) => ({ span: t as Span, add: (p: Phrase) => p.listTargets.push(i) })),
    ...m.residue.map((r, i) => ({ span: r as Span, add: (p: Phrase) => p.residue.push(i) })),
  ].sort((a, b) => a.span.start - b.span.start);
  const out: Phrase[] = [];
  for (const item of items) {
    let last = out.at(-1);
    if (!last || last.end !== item.span.start) out.push((last = { start: item.span.start, end: item.span.end, targets: [], listTargets: [], residue: [] }));
    last.end = item.span.end;
    item.add(last);
  }
  return out;
}

/** The phrases either side of a 和/与 typed with no space around it, read as one (医疗服务与保障能力提升补助). */
function joinPhrases(left: Phrase, right: Phrase): Phrase {
  return {
    start: left.start,
    end: right.end,
    targets: [...left.targets, ...right.targets],
    listTargets: [...left.listTargets, ...right.listTargets],
    residue: [...left.residue, ...right.residue],
  };
}

/**
 * 医疗服务与保障能力提升补助: 与/和 typed with no space around it may be part of a project's name, tried
 * whole before it splits the phrase into two things asked. Two known words (办公费和邮电费) stay a list.
 * Joins in place the phrases a conjunction stands between when together they are a name; returns the joined.
 */
export function joinNames(phrases: Phrase[], conjunctions: Span[], isName: (joined: Phrase, left: Phrase, right: Phrase) => boolean): Set<Phrase> {
  const whole = new Set<Phrase>();
  for (const c of conjunctions) {
    const left = phrases.findIndex((p) => p.end === c.start);
    const right = phrases[left + 1];
    if (left < 0 || right?.start !== c.end) continue;
    const joined = joinPhrases(phrases[left]!, right);
    if (joined.residue.length === 0 || !isName(joined, phrases[left]!, right)) continue;
    phrases.splice(left, 2, joined);
    whole.add(joined);
  }
  return whole;
}

/**
 * The unknown runs of a phrase that say something: beside a known word, verbs of paying and who is paid say nothing
 * (给职工交养老保险), nor across a word between (一年给职工发多少津贴: 多少 parts the phrases).
 */
export function residueOf(p: Phrase, m: Mentions): number[] {
  const known = p.targets.length + p.listTargets.length > 0 || m.targets.length > 0;
  return known ? p.residue.filter((i) => !besideName(m.residue[i]!.text)) : p.residue;
}

/** The phrases that are one name: joined ones, and those with an unknown word in it (举报奖金). */
export function compoundPhrases(phrases: Phrase[], m: Mentions, whole: ReadonlySet<Phrase>): Phrase[] {
  return phrases.filter((p) => {
    if (whole.has(p)) return true;
    if (p.targets.length + p.listTargets.length === 0) return false;
    const runs = residueOf(p, m);
    // One character typed right before a name qualifies it (水电费, 养公车): the name alone is not what was asked.
    const qualified = runs.some((i) => meaningful(m.residue[i]!.text).length > 0 && p.targets.some((t) => m.targets[t]!.start === m.residue[i]!.end));
    // 水电费: a character right after a word for several subjects at once (words.json subjectGroups) makes another name.
    const several = (t: number) => { const x = m.targets[t]!; return x.kind === 'subject' && x.group !== undefined; };
    const extended = p.residue.some((i) => meaningful(m.residue[i]!.text).length > 0 && p.targets.some((t) => m.targets[t]!.end === m.residue[i]!.start && several(t)));
    return qualified || extended || meaningful(runs.map((i) => m.residue[i]!.text).join('')).length > 1;
  });
}
