// A question in, a structured query out: normalise, read pinyin, lex and parse
// with the grammar, look leftover words up as project names, decide the intent.
import words from '../../grammar/words.json' with { type: 'json' };
import type { Catalog } from './catalog.ts';
import type { EntityRef, Intent, StructuredQuery, Target } from './ast.ts';
import { createParser } from './grammar/parser.ts';
import { buildTokens } from './grammar/tokens.ts';
import { createMentionsVisitor, emptyMentions, type Mentions } from './grammar/visitor.ts';
import { aliasesOf } from './lexicon/aliases.ts';
import { buildLexicon } from './lexicon/lexicon.ts';
import { createPinyinResolver, normalizeQuestion } from './normalize/index.ts';
import { questionTooLong } from './limits.ts';
import { joinPhrases, metricTypo, phrasesOf, type Phrase } from './phrases.ts';
import { qualified, qualifierKind } from './qualifiers.ts';
import { buildProjectSearch, type ProjectHit } from './search.ts';
import { metrics } from '../store/metrics.ts';

// One pass over a residue word, longest ignored word first: residues are cut per phrase, many per question.
const IGNORED = new RegExp([...words.ignore].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
// How much of a leftover word a project name must hold to be offered (LOOSE) or answered (CLOSE):
// 离休费 holds half of 离休干部医药费's bigrams and is not it; 日常办公印刷服物经费 holds 7 of 9.
const LOOSE = 0.5;
const CLOSE = 0.75;

export type Understood = { ok: true; query: StructuredQuery } | { ok: false; reason: 'empty' | 'too_long' | 'unparsed' };

export interface Understander {
  understand(text: string): Understood;
  /** The lexicon's phrases, for suggestions. */
  catalog: Catalog;
}

/** What is left of a residue word once meaningless words are removed. */
function meaningful(residue: string): string {
  return residue.replace(/[\s\p{P}\p{S}\d]/gu, '').replace(IGNORED, '');
}

/** 最低/排名/前N about 得分 (or any 绩效 word): a ranking of self-evaluation scores. */
function rankedByScore(m: Mentions, targets: Target[]): boolean {
  const ranking = m.intents.includes('rank') || m.top !== null;
  return ranking && (m.intents.includes('performance') || targets.some((t) => t.kind === 'metric' && t.key === 'project.self_eval_score'));
}

function decideIntent(m: Mentions, entities: EntityRef[], targets: Target[]): Intent {
  const has = (i: string) => m.intents.includes(i as never);
  // 执行率 before 绩效: a rate is one figure, the 绩效 answer a whole table.
  if (has('rate')) return 'rate';
  if (rankedByScore(m, targets)) return 'rank';
  if (has('performance')) return 'performance';
  if (m.listTargets.length > 0 && (has('list') || targets.length === 0) && m.top === null && !has('rank')) return 'list';
  if (has('rank') || m.top !== null) return 'rank';
  if (has('share')) return 'share';
  const years = new Set(m.years);
  if (has('compare') || m.previousYear || m.bothStages || entities.length > 1 || years.size > 1 || targets.length > 1) return 'compare';
  if (has('breakdown')) return 'breakdown';
  if (has('list')) return 'list';
  return 'lookup';
}

/** Hits by project name, names differing only as printed (（ or () counting as one: the first hit names the group. */
function byName(hits: ProjectHit[]): ProjectHit[][] {
  const groups = new Map<string, ProjectHit[]>();
  for (const h of hits) groups.set(h.project.nameKey, [...(groups.get(h.project.nameKey) ?? []), h]);
  return [...groups.values()];
}

/** A code printed with a leading zero (030239) is the code without it (30239). */
const sameCode = (a: string, b: string) => a.replace(/^0+/, '') === b.replace(/^0+/, '');

export function createUnderstander(catalog: Catalog): Understander {
  const lexicon = buildLexicon(catalog);
  const tokens = buildTokens(lexicon);
  const parser = createParser(tokens);
  const visitor = createMentionsVisitor(parser);
  // Built on the first latin question only: it is a third of the start-up, and most people type Chinese.
  let pinyin: ((text: string) => string) | null = null;
  const projects = buildProjectSearch(catalog.projects);
  const subjectByCode = new Map(catalog.subjects.flatMap((s) => s.codes.map((c) => [c, s] as const)));
  const countMetrics = new Set(metrics.filter((x) => x.kind === 'count').map((x) => x.key));
  /** The project names a leftover word names, best first, with the share of the word the best one holds. */
  const closest = (word: string, scope: ReadonlySet<number> | undefined) => {
    const hits = projects.search(word, scope).filter((h) => h.coverage >= LOOSE);
    const best = Math.max(0, ...hits.map((h) => h.coverage));
    return { best, names: byName(hits.filter((h) => h.coverage >= best - 0.15)) };
  };
  const placeNames = new Map([...catalog.departments.keys()].map((d) => [d, new Set(aliasesOf(d).filter((a) => a.place).map((a) => a.text))]));
  return {
    catalog,
    understand(raw) {
      if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'empty' };
      if (questionTooLong(raw)) return { ok: false, reason: 'too_long' };
      let text = normalizeQuestion(raw);
      if (/[a-z]/.test(text)) text = (pinyin ??= createPinyinResolver(lexicon.phrases, lexicon.projectNames))(text);
      if (text === '') return { ok: false, reason: 'empty' };

      const lexed = tokens.lexer.tokenize(text);
      parser.input = lexed.tokens;
      const cst = parser.question();
      // A parse that skipped tokens could answer another question than the one asked.
      if (parser.errors.length > 0) return { ok: false, reason: 'unparsed' };
      const m = emptyMentions();
      visitor.visit(cst, m);

      const entities: EntityRef[] = [];
      for (const e of m.entities) {
        if (!entities.some((x) => x.department === e.department && x.unitId === e.unitId)) {
          entities.push({ department: e.department, unitId: e.unitId, name: e.name, text: e.text });
        }
      }
      // 北票 北票市医疗保障事务服务中心: a bare place beside one of its own sub-units only says where it is.
      const placeOnly = (e: EntityRef) => e.unitId === null && (placeNames.get(e.department)?.has(e.text) ?? false);
      for (const e of [...entities]) {
        if (placeOnly(e) && entities.some((x) => x.unitId !== null && x.department === e.department)) entities.splice(entities.indexOf(e), 1);
      }
      const unknown: string[] = [];
      const targets: Target[] = [];
      const candidates: StructuredQuery['candidates'] = [];
      // 抚顺 医保中心: the unit of that name at the place named. One named where there is none must
      // not be answered with the department.
      for (const o of m.unitOrgs) {
        let found = false;
        for (const [i, e] of entities.entries()) {
          const unit = e.unitId === null ? o.units.find((u) => u.department === e.department) : undefined;
          if (unit) entities[i] = { ...unit, text: o.text };
          found ||= unit !== undefined;
        }
        if (!found && entities.length === 0 && o.units.length === 1) entities.push({ ...o.units[0]!, text: o.text });
        else if (!found) unknown.push(o.text);
      }

      // 车辆 价值: a qualifier after a figure's name picks its money or its count; one no figure of that name answers is refused.
      for (const r of [...m.residue]) {
        const kind = qualifierKind(r.text);
        const named = m.targets.filter((t) => t.start < r.start).at(-1);
        if (kind === undefined || named?.kind !== 'metric') continue;
        const key = qualified(named.key, kind);
        if (key === null) unknown.push(r.text.trim());
        else named.key = key;
        m.residue.splice(m.residue.indexOf(r), 1);
      }

      const scope = entities.length ? new Set(catalog.documents.filter((d) => entities.some((e) => e.department === d.department)).map((d) => d.id)) : undefined;
      const phrases = phrasesOf(m);
      // 医疗服务与保障能力提升补助: 与/和 typed with no space around it may be part of a project's name, tried
      // whole before it splits the phrase into two things asked. Two known words (办公费和邮电费) stay a list.
      const whole = new Set<Phrase>();
      for (const c of m.conjunctions) {
        const left = phrases.findIndex((p) => p.end === c.start);
        const right = phrases[left + 1];
        if (left < 0 || right?.start !== c.end) continue;
        const joined = joinPhrases(phrases[left]!, right);
        if (joined.residue.length === 0) continue;
        const { best, names } = closest(meaningful(text.slice(joined.start, joined.end)), scope);
        if (names.length !== 1 || best < CLOSE) continue;
        phrases.splice(left, 2, joined);
        whole.add(joined);
      }
      // A phrase with an unknown word in it is one name (举报奖金): the known words inside are its parts.
      const compound = phrases.filter(
        (p) => whole.has(p) || (p.targets.length + p.listTargets.length > 0 && meaningful(p.residue.map((i) => m.residue[i]!.text).join('')).length > 1),
      );
      const partOf = new Set(compound.flatMap((p) => p.targets));
      const listPartOf = new Set(compound.flatMap((p) => p.listTargets));
      m.listTargets = m.listTargets.filter((_, i) => !listPartOf.has(i));
      for (const [i, t] of m.targets.entries()) {
        if (partOf.has(i)) continue;
        if (t.kind === 'code') {
          const subject = subjectByCode.get(t.code);
          const shared = catalog.sharedCodes.get(t.code);
          if (shared) candidates.push(...shared.map((name) => ({ kind: 'subject' as const, name, ids: [], text: t.code })));
          else if (subject) targets.push({ kind: 'subject', name: subject.name, codes: subject.codes.filter((c) => sameCode(c, t.code)), text: t.text });
          else unknown.push(t.code);
        } else if (t.kind === 'metric') targets.push({ kind: 'metric', key: t.key, text: t.text });
        else if (t.kind === 'subject') {
          // 城乡医疗救助 is a subject and a project with other figures: 项目 or 科目 says which, else ask.
          const twins = m.scopes.includes('subjects') ? [] : catalog.subjectTwins.filter((p) => p.name === t.name && (!scope || scope.has(p.documentId)));
          const project = { kind: 'project' as const, name: t.name, ids: twins.map((p) => p.id), text: t.text };
          const asked = m.listTargets.findIndex((l) => l.target === 'projects');
          if (twins.length === 0) targets.push({ kind: 'subject', name: t.name, codes: t.codes, text: t.text });
          else if (asked >= 0) {
            targets.push({ ...project, fuzzy: false });
            m.listTargets.splice(asked, 1);
          } else candidates.push({ kind: 'subject', name: t.name, ids: [], text: t.text }, project);
        } else targets.push({ kind: 'project', name: t.name, ids: t.ids, text: t.text, fuzzy: false });
      }

      // Leftover words: a project named loosely (沈阳 印刷服务), a misspelt figure (三公经废), or something unknown (上海).
      const words = phrases.flatMap((p) => (compound.includes(p) ? [text.slice(p.start, p.end)] : p.residue.map((i) => m.residue[i]!.text)));
      for (const raw of words) {
        const word = meaningful(raw);
        if (word.length === 0) continue;
        // Quoted back as typed: meaningless characters (中, 其) are often part of a word.
        const typed = raw.replace(/[\s\p{P}\p{S}]/gu, '');
        const { best, names } = closest(word, scope);
        const typo = metricTypo(typed);
        if (names.length === 1 && best >= CLOSE) {
          const name = names[0]![0]!.project.name;
          // Two leftover words of one name (第三方 split by a numeral) are one target.
          if (!targets.some((t) => t.kind === 'project' && t.name === name)) {
            targets.push({ kind: 'project', name, ids: names[0]!.map((h) => h.project.id), text: word, fuzzy: true });
          }
        } else if (typo) {
          targets.push({ kind: 'metric', key: typo.key, text: typed, asRead: typo.spelling });
        } else if (names.length > 0) {
          for (const hits of names.slice(0, 5)) candidates.push({ kind: 'project', name: hits[0]!.project.name, ids: hits.map((h) => h.project.id), text: typed });
        } else {
          unknown.push(word.length > 1 ? typed : word);
        }
      }
      // Without 和/与, a loose name beside other figures (医保基金 收入) is more likely one phrase split by a
      // space than two things asked: ask which project was meant. Likewise a count beside a sum (培训 人数)
      // counts that thing, which no figure here does.
      if (m.conjunctions.length === whole.size && targets.length > 1) {
        for (const t of targets.filter((x): x is Extract<Target, { kind: 'project' }> => x.kind === 'project' && x.fuzzy)) {
          targets.splice(targets.indexOf(t), 1);
          candidates.push({ kind: 'project', name: t.name, ids: t.ids, text: t.text });
        }
        const counts = targets.filter((t) => t.kind === 'metric' && countMetrics.has(t.key));
        if (counts.length > 0 && counts.length < targets.length) unknown.push(targets.splice(0).map((t) => t.text).join(' '));
      }

      const stage = m.bothStages || new Set(m.stages).size > 1 ? 'both' : (m.stages[0] ?? null);
      const query: StructuredQuery = {
        text,
        intent: decideIntent(m, entities, targets),
        entities,
        years: [...new Set(m.years)],
        stage,
        targets,
        top: m.top === 0 ? 5 : m.top ?? (m.intents.includes('rank') && m.numbers.length ? m.numbers[0]! : null),
        ascending: m.ascending,
        previousYear: m.previousYear,
        listOf: m.listTargets[0]?.target ?? null,
        subjects: m.scopes.includes('subjects'),
        byScore: rankedByScore(m, targets),
        sources: m.sources,
        unknown,
        candidates,
      };
      return { ok: true, query };
    },
  };
}
