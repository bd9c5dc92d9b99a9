// Every word the grammar knows, in one trie: names from the database (units,
// subjects, projects), figures from grammar/metrics.json, question words from
// grammar/words.json. Built once at start-up.
import words from '../../../grammar/words.json' with { type: 'json' };
import { metrics, type Metric } from '../../store/metrics.ts';
import type { Stage } from '../../store/schema.ts';
import type { Catalog } from '../catalog.ts';
import { normalizeQuestion } from '../normalize/index.ts';
import { aliasesOf, orgAliasesOf, projectAliases } from './aliases.ts';
import { Trie } from './trie.ts';

export type Entry =
  | { kind: 'entity'; department: string; unitId: number | null; name: string }
  /** 医保中心: a sub-unit's organisation part, naming one unit only after its place (抚顺 医保中心). */
  | { kind: 'unitOrg'; units: { department: string; unitId: number; name: string }[] }
  | { kind: 'metric'; key: string }
  | { kind: 'subject'; name: string; codes: string[] }
  | { kind: 'project'; name: string; ids: number[] }
  | { kind: 'stage'; stage: Stage }
  | { kind: 'bothStages' }
  | { kind: 'intent'; intent: IntentWord }
  | { kind: 'ascending' }
  | { kind: 'previousYear' }
  | { kind: 'top'; ascending: boolean }
  | { kind: 'conj' }
  | { kind: 'listTarget'; target: ListTarget }
  | { kind: 'scope'; scope: 'subjects' | 'subunit' }
  | { kind: 'sources' };

export type IntentWord = keyof typeof words.intents;
export type ListTarget = keyof typeof words.listTargets;
export type EntryKind = Entry['kind'];

export interface Lexicon {
  trie: Trie<Entry>;
  /** Every Chinese phrase in the lexicon, most important first (for pinyin input). */
  phrases: string[];
  /** The phrases that are project names, typed in part (kunnan qunzhong). */
  projectNames: Set<string>;
}

/** How a figure is typed: its name without quotes (“三公”经费 → 三公经费) and its extra words. */
export function metricSpellings(m: Metric): string[] {
  return [m.name.replace(/[“”]/g, ''), ...m.ask];
}

export function buildLexicon(catalog: Catalog): Lexicon {
  const trie = new Trie<Entry>();
  const phrases: string[] = [];
  // Entries are read the way questions are (一 → 1, half-width brackets, no hyphens): they must match the normalised text.
  const add = (text: string, entry: Entry) => {
    const normal = normalizeQuestion(text);
    if (normal.length < 2 && normal !== text) return;
    trie.add(normal, entry);
    phrases.push(normal);
  };

  // Departments first: a bare place name (抚顺) means the department, not a sub-unit there.
  const units = [...catalog.units].sort((a, b) => (a.role === b.role ? 0 : a.role === 'department' ? -1 : 1));
  for (const u of units) {
    const department = catalog.document(u.documentId).department;
    for (const alias of aliasesOf(u.name)) {
      if (alias.place && u.role !== 'department') continue;
      add(alias.text, { kind: 'entity', department, unitId: u.role === 'department' ? null : u.id, name: u.name });
    }
  }
  // A sub-unit named like its department (北票市医疗保障局) is left to the department.
  const orgs = new Map<string, Extract<Entry, { kind: 'unitOrg' }>['units']>();
  for (const u of units.filter((x) => x.role === 'subunit')) {
    const department = catalog.document(u.documentId).department;
    const own = new Set(orgAliasesOf(department));
    for (const org of orgAliasesOf(u.name).filter((o) => !own.has(o))) orgs.set(org, [...(orgs.get(org) ?? []), { department, unitId: u.id, name: u.name }]);
  }
  for (const [org, list] of orgs) add(org, { kind: 'unitOrg', units: list });
  for (const m of metrics) for (const text of metricSpellings(m)) add(text, { kind: 'metric', key: m.key });
  for (const s of catalog.subjects) add(s.name, { kind: 'subject', name: s.name, codes: s.codes });
  const projects = new Map<string, number[]>();
  for (const p of catalog.projects) projects.set(p.name, [...(projects.get(p.name) ?? []), p.id]);
  for (const [name, ids] of projects) for (const alias of projectAliases(name)) add(alias, { kind: 'project', name, ids });
  const projectNames = new Set([...projects.keys()].map(normalizeQuestion));

  for (const [stage, list] of Object.entries(words.stages)) for (const w of list) add(w, { kind: 'stage', stage: stage as Stage });
  for (const w of words.bothStages) add(w, { kind: 'bothStages' });
  for (const [intent, list] of Object.entries(words.intents)) for (const w of list) add(w, { kind: 'intent', intent: intent as IntentWord });
  for (const w of words.ascending) add(w, { kind: 'ascending' });
  for (const w of words.previousYear) add(w, { kind: 'previousYear' });
  for (const w of words.top) add(w, { kind: 'top', ascending: false });
  for (const w of words.bottom) add(w, { kind: 'top', ascending: true });
  for (const w of words.conjunctions) add(w, { kind: 'conj' });
  for (const [target, list] of Object.entries(words.listTargets)) for (const w of list) add(w, { kind: 'listTarget', target: target as ListTarget });
  for (const w of words.sources) add(w, { kind: 'sources' });
  for (const [scope, list] of Object.entries(words.scopes)) for (const w of list) add(w, { kind: 'scope', scope: scope as 'subjects' | 'subunit' });
  return { trie, phrases: [...new Set(phrases)], projectNames };
}
