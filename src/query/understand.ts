// A question in, a structured query out: normalise, read pinyin, lex and parse
// with the grammar, look leftover words up as project names, decide the intent.
import words from '../../grammar/words.json' with { type: 'json' };
import type { Catalog } from './catalog.ts';
import type { EntityRef, Intent, StructuredQuery, Target } from './ast.ts';
import { createParser } from './grammar/parser.ts';
import { buildTokens } from './grammar/tokens.ts';
import { createMentionsVisitor, emptyMentions, type Mentions } from './grammar/visitor.ts';
import { aliasesOf, orgAliasesOf } from './lexicon/aliases.ts';
import { buildLexicon } from './lexicon/lexicon.ts';
import { createPinyinResolver, normalizeQuestion } from './normalize/index.ts';
import { questionTooLong } from './limits.ts';
import { buildProjectSearch } from './search.ts';

const ignored = [...words.ignore].sort((a, b) => b.length - a.length);

export type Understood = { ok: true; query: StructuredQuery } | { ok: false; reason: 'empty' | 'too_long' | 'unparsed' };

export interface Understander {
  understand(text: string): Understood;
  /** The lexicon's phrases, for suggestions. */
  catalog: Catalog;
}

/** What is left of a residue word once meaningless words are removed. */
function meaningful(residue: string): string {
  let s = residue.replace(/[\s\p{P}\p{S}\d]/gu, '');
  for (const w of ignored) s = s.split(w).join('');
  return s;
}

function decideIntent(m: Mentions, entities: EntityRef[], targets: Target[]): Intent {
  const has = (i: string) => m.intents.includes(i as never);
  // 执行率 before 绩效: a rate is one figure, the 绩效 answer a whole table.
  if (has('rate')) return 'rate';
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

export function createUnderstander(catalog: Catalog): Understander {
  const lexicon = buildLexicon(catalog);
  const tokens = buildTokens(lexicon);
  const parser = createParser(tokens);
  const visitor = createMentionsVisitor(parser);
  // Built on the first latin question only: it is a third of the start-up, and most people type Chinese.
  let pinyin: ((text: string) => string) | null = null;
  const projects = buildProjectSearch(catalog.projects);
  const subjectByCode = new Map(catalog.subjects.flatMap((s) => s.codes.map((c) => [c, s] as const)));
  // Sub-units by the organisation part of their name (医保中心, 医疗保险所), for 抚顺 医保中心: the
  // part alone is no name (several places have a 医保中心), but after a place it names one unit.
  // A sub-unit named like its department (北票市医疗保障局) is left to the department.
  const subunitsByOrg = new Map<string, EntityRef[]>();
  for (const u of catalog.units.filter((x) => x.role === 'subunit')) {
    const department = catalog.document(u.documentId).department;
    const own = new Set(orgAliasesOf(department));
    for (const org of orgAliasesOf(u.name).filter((o) => !own.has(o))) {
      subunitsByOrg.set(org, [...(subunitsByOrg.get(org) ?? []), { department, unitId: u.id, name: u.name, text: org }]);
    }
  }

  return {
    catalog,
    understand(raw) {
      if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'empty' };
      if (questionTooLong(raw)) return { ok: false, reason: 'too_long' };
      let text = normalizeQuestion(raw);
      if (/[a-z]/.test(text)) text = (pinyin ??= createPinyinResolver(lexicon.phrases))(text);
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
      const placeOnly = (e: EntityRef) => e.unitId === null && aliasesOf(e.department).some((a) => a.place && a.text === e.text);
      for (const e of [...entities]) {
        if (placeOnly(e) && entities.some((x) => x.unitId !== null && x.department === e.department)) entities.splice(entities.indexOf(e), 1);
      }
      const unknown: string[] = [];
      const targets: Target[] = [];
      const candidates: StructuredQuery['candidates'] = [];
      for (const t of m.targets) {
        if (t.kind === 'code') {
          const subject = subjectByCode.get(t.code);
          const shared = catalog.sharedCodes.get(t.code);
          if (shared) candidates.push(...shared.map((name) => ({ kind: 'subject' as const, name, ids: [] })));
          else if (subject) targets.push({ kind: 'subject', name: subject.name, codes: [t.code], text: t.text });
          else unknown.push(t.code);
        } else if (t.kind === 'metric') targets.push({ kind: 'metric', key: t.key, text: t.text });
        else if (t.kind === 'subject') targets.push({ kind: 'subject', name: t.name, codes: t.codes, text: t.text });
        else targets.push({ kind: 'project', name: t.name, ids: t.ids, text: t.text, fuzzy: false });
      }

      // Leftover words: a project named loosely (沈阳 印刷服务), or something unknown (上海).
      const scope = entities.length ? new Set(catalog.documents.filter((d) => entities.some((e) => e.department === d.department)).map((d) => d.id)) : undefined;
      for (const raw of m.residue) {
        const word = meaningful(raw);
        if (word.length === 0) continue;
        // Matched as typed: meaningless characters (中) are part of an organisation's name.
        const subunit = subunitsByOrg.get(raw.trim())?.find((u) => entities.some((e) => placeOnly(e) && e.department === u.department));
        if (subunit) {
          entities.splice(entities.findIndex((e) => placeOnly(e) && e.department === subunit.department), 1, subunit);
          continue;
        }
        const hits = projects.search(word, scope).filter((h) => h.coverage >= 0.5);
        const best = Math.max(0, ...hits.map((h) => h.coverage));
        const top = hits.filter((h) => h.coverage >= best - 0.15);
        const names = [...new Set(top.map((h) => h.project.name))];
        if (names.length === 1) {
          // Two leftover words of one name (第三方 split by a numeral) are one target.
          if (!targets.some((t) => t.kind === 'project' && t.name === names[0])) {
            targets.push({ kind: 'project', name: names[0]!, ids: top.map((h) => h.project.id), text: word, fuzzy: true });
          }
        } else if (names.length > 1) {
          for (const name of names.slice(0, 5)) candidates.push({ kind: 'project', name, ids: top.filter((h) => h.project.name === name).map((h) => h.project.id) });
        } else {
          unknown.push(word);
        }
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
        listOf: m.listTargets[0] ?? null,
        subjects: m.scopes.includes('subjects'),
        sources: m.sources,
        unknown,
        candidates,
      };
      return { ok: true, query };
    },
  };
}
