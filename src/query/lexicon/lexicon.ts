// Every word the grammar knows: names from the database (units, subjects,
// projects), figures from grammar/metrics.json, question words from
// grammar/words.json. Computed at ingest and stored in parts; read in the parts a question needs.
import shapes from '../../../grammar/shapes.json' with { type: 'json' };
import words from '../../../grammar/words.json' with { type: 'json' };
import type { ArithmeticOp, ChangeOrder, ChangeState, Comparison } from '../ast.ts';
import { metrics, type Metric } from '../../store/metrics.ts';
import type { Stage } from '../../store/schema.ts';
import type { EntityChoice } from '../ast.ts';
import type { Catalog } from '../catalog.ts';
import { normalizeQuestion } from '../normalize/index.ts';
import { ancestry, divisions } from '../../store/places/divisions.ts';
import { aliasesOf, orgAliasesOf, placeForms, projectAliases } from './aliases.ts';
import { Trie } from './trie.ts';

export type Entry =
  /** alternatives: other departments going by the same name (朝阳 for 朝阳市 and 朝阳县): the question must say which. */
  | ({ kind: 'entity'; alternatives?: EntityChoice[] } & EntityChoice)
  /** 医保中心: a sub-unit's organisation part, naming one unit only after its place (抚顺 医保中心). */
  | { kind: 'unitOrg'; units: { department: string; unitId: number; name: string }[] }
  | { kind: 'metric'; key: string }
  /** group: the subjects one word names together (离退休), this one first: each is asked, labelled. */
  | { kind: 'subject'; name: string; codes: string[]; group?: { name: string; codes: string[] }[] }
  | { kind: 'project'; name: string; ids: number[] }
  | { kind: 'stage'; stage: Stage }
  | { kind: 'bothStages' }
  | { kind: 'intent'; intent: IntentWord }
  | { kind: 'ascending' }
  | { kind: 'descending' }
  | { kind: 'previousYear'; change?: boolean }
  | { kind: 'top'; ascending: boolean }
  | { kind: 'conj' }
  | { kind: 'listTarget'; target: ListTarget }
  | { kind: 'scope'; scope: 'subjects' | 'subunit' | 'detail' }
  | { kind: 'sources' }
  /** 最后, 最终, 大概: read whole, meaning nothing. */
  | { kind: 'filler' }
  /** 增长最快 / 降幅最大 (order), 不可比 / 持平 (state): figures by the change the text states. */
  | { kind: 'changeWord'; order: ChangeOrder | null; state: ChangeState | null; byAmount?: boolean }
  /** Shape words (grammar/shapes.json): they mean something only where the parser builds a shape from them. */
  /** `=` (等于, 正好): a range of one amount. */
  | { kind: 'comparator'; op: Comparison | '='; after: boolean }
  | { kind: 'range'; part: 'open' | 'join' | 'close' }
  | { kind: 'unit'; unit: 'yuan' | 'percent' | 'score'; scale: number }
  /** alone: a set of departments by itself (那几家), with no organisation word after it. */
  | { kind: 'setWord'; which: boolean; alone?: boolean }
  /** elsewhere: an organisation of a place that is no 医保 department (卫健委, 财政局): not held, wherever it is typed. */
  | { kind: 'orgWord'; elsewhere?: boolean }
  /** foreign: a place no document held lies in (大连, 海淀区): named in a “not held” answer, never a set. */
  | { kind: 'place'; place: string; foreign?: boolean }
  | { kind: 'than' }
  | { kind: 'direction'; more: boolean }
  | { kind: 'arith'; op: Exclude<ArithmeticOp, 'ratio'> | 'ratio' }
  /** performance: a reason asked of a self-evaluation (扣分原因), which only a 绩效 answer states. */
  | { kind: 'reason'; performance?: boolean }
  | { kind: 'reference'; ref: 'it' | 'part' | 'first' | 'last' | 'ordinal' | 'numbered' | 'these' | 'owner' }
  /** weak: a word for the documents held (材料), asking what is held only where nothing else is asked. */
  | { kind: 'catalogue'; weak?: boolean }
  | { kind: 'counter' };

export type IntentWord = keyof typeof words.intents;
export type ListTarget = keyof typeof words.listTargets;
export type EntryKind = Entry['kind'];

export interface Lexicon {
  /** The longest entry starting at `offset`, whatever its kind: its length in UTF-16 units and its entry. */
  longest(text: string, offset: number): { length: number; value: Entry } | null;
  /** First characters of all entries (chevrotain's start_chars_hint). */
  firstChars(): readonly string[];
  /**
   * The Chinese phrases offered to pinyin input, most important first: every phrase but a unit's long names.
   * Listed on first use (a latin question, a word not understood): a one-shot question mostly needs none.
   */
  phrases: () => readonly string[];
  /** The phrases that are project names, typed in part (kunnan qunzhong). */
  projectNames: () => ReadonlySet<string>;
}

/** How a figure is typed: its name without quotes (“三公”经费 → 三公经费) and its extra words. */
export function metricSpellings(m: Metric): string[] {
  return [m.name.replace(/[“”]/g, ''), ...m.ask];
}

/**
 * The lexicon as plain data: every normalised phrase in the order added, most important first, with
 * the index of its entry in `values` (a unit's ten aliases share one entry), and the project names.
 * Normalising every name is most of the cost of a lexicon, so the ingest stores this as a start-up
 * artefact (src/query/artefacts.ts).
 */
export interface LexiconData {
  /** Phrases as two lists, texts and entries: a list of pairs costs a one-shot question's start-up twice as much to parse. */
  phrases: Phrases;
  /** Shape words and places: in the trie after the phrases, but not offered to pinyin input. */
  shapeWords: Phrases;
  values: Entry[];
  projectNames: string[];
}

/** Normalised texts, each with the index of its entry in LexiconData.values. */
export interface Phrases {
  texts: string[];
  values: number[];
}

/** The longest name of a unit offered to pinyin input. */
const PINYIN_UNIT_CHARS = 6;

/** What pinyin input and homophones are read against (Lexicon.phrases, Lexicon.projectNames). */
export interface OfferedPhrases {
  phrases: string[];
  projectNames: string[];
}

/**
 * The lexicon grouped for reading in parts: its phrases by first character (each text once, its first entry kept,
 * longest match across kinds), its entries in blocks of ENTRY_BLOCK by index. The ingest stores each group and
 * block as a row of its own (src/query/artefacts.ts): a question reads the groups of its own characters and the
 * blocks of the entries it meets, not a national lexicon's 160,000 phrases.
 */
export interface LexiconGroups {
  groups: Map<string, Phrases>;
  values: Entry[];
  offered: OfferedPhrases;
}

export const ENTRY_BLOCK = 256;

/** Where a lexicon's parts are read from when first needed: groups and blocks absent are undefined. */
export interface LexiconSource {
  firstChars: readonly string[];
  group(first: string): Phrases | undefined;
  entries(block: number): Entry[];
  offered(): OfferedPhrases;
}

const firstOf = (text: string) => String.fromCodePoint(text.codePointAt(0)!);

export function groupLexicon(data: LexiconData): LexiconGroups {
  const groups = new Map<string, Phrases>();
  const seen = new Set<string>();
  for (const { texts, values } of [data.phrases, data.shapeWords]) {
    texts.forEach((text, i) => {
      if (text === '' || seen.has(text)) return;
      seen.add(text);
      const first = firstOf(text);
      const group = groups.get(first) ?? groups.set(first, { texts: [], values: [] }).get(first)!;
      group.texts.push(text);
      group.values.push(values[i]!);
    });
  }
  // A unit goes by dozens of names (辽宁省朝阳市北票市医疗保障局, 朝阳北票医保局…); typed in pinyin, it is by a short one.
  const { texts, values } = data.phrases;
  const phrases = [...new Set(texts.filter((text, i) => data.values[values[i]!]!.kind !== 'entity' || text.length <= PINYIN_UNIT_CHARS))];
  return { groups, values: data.values, offered: { phrases, projectNames: data.projectNames } };
}

/** A source over groups held in memory (a lexicon computed now, not stored). */
export function heldSource(lexicon: LexiconGroups): LexiconSource {
  return {
    firstChars: [...lexicon.groups.keys()],
    group: (first) => lexicon.groups.get(first),
    entries: (block) => lexicon.values.slice(block * ENTRY_BLOCK, (block + 1) * ENTRY_BLOCK),
    offered: () => lexicon.offered,
  };
}

/** The lexicon over a source: each first character's trie built when a question first has it, each block of entries when first met. */
export function lexiconFrom(source: LexiconSource): Lexicon {
  // By code point, not by a string made at every position the lexer tries.
  const firsts = new Set(source.firstChars.map((c) => c.codePointAt(0)!));
  const tries = new Map<number, Trie<number>>();
  const blocks: Entry[][] = [];
  const trieOf = (first: number) => {
    let trie = tries.get(first);
    if (!trie) {
      trie = new Trie<number>();
      const group = source.group(String.fromCodePoint(first));
      group?.texts.forEach((text, i) => trie!.add(text, group.values[i]!));
      tries.set(first, trie);
    }
    return trie;
  };
  const entry = (index: number) => (blocks[Math.floor(index / ENTRY_BLOCK)] ??= source.entries(Math.floor(index / ENTRY_BLOCK)))[index % ENTRY_BLOCK]!;
  let offered: OfferedPhrases | undefined;
  let projectNames: Set<string> | undefined;
  return {
    longest(text, offset) {
      if (offset >= text.length) return null;
      const first = text.codePointAt(offset)!;
      if (!firsts.has(first)) return null;
      const hit = trieOf(first).longest(text, offset);
      return hit ? { length: hit.length, value: entry(hit.value) } : null;
    },
    firstChars: () => source.firstChars,
    phrases: () => (offered ??= source.offered()).phrases,
    projectNames: () => (projectNames ??= new Set((offered ??= source.offered()).projectNames)),
  };
}

/** The lexicon of data computed now (no stored artefacts). */
export function assembleLexicon(data: LexiconData): Lexicon {
  return lexiconFrom(heldSource(groupLexicon(data)));
}

const ABBREVIATIONS = Object.entries(words.abbreviations).filter(([short]) => short !== '$comment');

/** A name with the parts people shorten shortened (社会保障和就业支出 → 社保和就业支出): each alone, and all at once. */
function abbreviated(name: string): string[] {
  const found = ABBREVIATIONS.filter(([, full]) => name.includes(full));
  const forms = found.map(([short, full]) => name.replaceAll(full, short));
  forms.push(found.reduce((n, [short, full]) => n.replaceAll(full, short), name));
  return [...new Set(forms)].filter((f) => f !== name);
}

const SAME_WORDS = Object.entries(words.sameWords).filter(([typed]) => typed !== '$comment');

/** 基本开支 for 基本支出: a name with each of its words that people say otherwise said so (words.json sameWords), and itself. */
function saidOtherwise(name: string): string[] {
  return [name, ...SAME_WORDS.filter(([, printed]) => name.includes(printed)).map(([typed, printed]) => name.replaceAll(printed, typed))];
}

/**
 * `known`: texts normalised by an earlier build of this code (a database extended by one document); `normalized`
 * receives every text this build normalised, with its form, in the order first met.
 */
export function lexiconData(catalog: Catalog, known: ReadonlyMap<string, string> = new Map(), normalized = new Map<string, string>()): LexiconData {
  // Once per text: at national scale the same names come back thousands of times (a project name in every
  // department, an alias read as a key and then added), and this is most of an ingest's start-up artefacts.
  const normalize = (text: string) => normalized.get(text) ?? normalized.set(text, known.get(text) ?? normalizeQuestion(text)).get(text)!;
  const phrases: Phrases = { texts: [], values: [] };
  const values: Entry[] = [];
  const indexOf = new Map<Entry, number>();
  // Entries are read the way questions are (一 → 1, half-width brackets, no hyphens): they must match the normalised text.
  const valueOf = (entry: Entry) => {
    let value = indexOf.get(entry);
    if (value === undefined) indexOf.set(entry, (value = values.push(entry) - 1));
    return value;
  };
  const add = (text: string, entry: Entry) => {
    // A mark the normalizer keeps only between words (、) is a word of its own there.
    const normal = /^\p{P}$/u.test(text) ? text : normalize(text);
    if (normal.length < 2 && normal !== text) return;
    phrases.texts.push(normal);
    phrases.values.push(valueOf(entry));
  };

  // Departments first: a bare place name (抚顺) means the department, not a sub-unit there.
  const units = [...catalog.units].sort((a, b) => (a.role === b.role ? 0 : a.role === 'department' ? -1 : 1));
  const named = new Map<string, { text: string; choices: Extract<Entry, { kind: 'entity' }>[] }>();
  for (const u of units) {
    const department = catalog.document(u.documentId).department;
    const entry: Extract<Entry, { kind: 'entity' }> = { kind: 'entity', department, unitId: u.role === 'department' ? null : u.id, name: u.name };
    for (const alias of aliasesOf(u.name)) {
      if (alias.place && u.role !== 'department') continue;
      const key = normalize(alias.text);
      const same = named.get(key) ?? { text: alias.text, choices: [] };
      same.choices.push(entry);
      named.set(key, same);
    }
  }
  // A name two departments go by (朝阳区 of 北京 and of 长春) is never taken for the first one ingested.
  for (const { text, choices } of named.values()) {
    const [first, ...rest] = choices;
    const others = rest.filter((c, i) => c.department !== first!.department && rest.findIndex((x) => x.department === c.department) === i);
    const alternatives = others.map(({ department, unitId, name }) => ({ department, unitId, name }));
    add(text, alternatives.length ? { ...first!, alternatives } : first!);
  }
  // A sub-unit named like its department (北票市医疗保障局) is left to the department.
  const orgs = new Map<string, Extract<Entry, { kind: 'unitOrg' }>['units']>();
  for (const u of units.filter((x) => x.role === 'subunit')) {
    const department = catalog.document(u.documentId).department;
    const own = new Set(orgAliasesOf(department));
    for (const org of orgAliasesOf(u.name).filter((o) => !own.has(o))) {
      if (!orgs.has(org)) orgs.set(org, []);
      orgs.get(org)!.push({ department, unitId: u.id, name: u.name });
    }
  }
  for (const [org, list] of orgs) add(org, { kind: 'unitOrg', units: list });
  for (const m of metrics) {
    const entry: Entry = { kind: 'metric', key: m.key };
    for (const text of metricSpellings(m).flatMap(saidOtherwise)) add(text, entry);
  }
  const subjectByName = new Map(catalog.subjects.map((s) => [s.name, s]));
  // 离退休费 where a document prints only 退休费: a word for several subjects (words.json subjectGroups) that is one of
  // their names too names them all, itself first — before the subjects' own names, which would keep the text.
  for (const { words: typed, parts, whole } of words.subjectGroups.groups) {
    for (const word of typed.filter((w) => subjectByName.has(w))) {
      const held = [word, ...parts, ...whole.filter((w) => w !== word)].flatMap((n) => subjectByName.get(n) ?? []);
      add(word, { kind: 'subject', name: held[0]!.name, codes: held[0]!.codes, ...(held.length > 1 ? { group: held.map(({ name, codes }) => ({ name, codes })) } : {}) });
    }
  }
  for (const s of catalog.subjects) {
    const entry: Entry = { kind: 'subject', name: s.name, codes: s.codes };
    for (const name of [s.name, ...abbreviated(s.name)].flatMap(saidOtherwise)) add(name, entry);
  }
  // 开会的钱 for 会议费: an everyday word reads as its name typed would — the figure so spelled (metrics.json, the text's
  // 会议费, found in a table where one prints it) before the subject, never the subject alone where a table lacks it.
  const metricBySpelling = new Map<string, Entry>();
  for (const m of metrics) for (const text of metricSpellings(m)) if (!metricBySpelling.has(text)) metricBySpelling.set(text, { kind: 'metric', key: m.key });
  for (const [word, name] of Object.entries(words.subjectWords)) {
    if (word === '$comment') continue;
    const figure = metricBySpelling.get(name);
    const s = subjectByName.get(name);
    if (figure) add(word, figure);
    else if (s) add(word, { kind: 'subject', name: s.name, codes: s.codes });
  }
  // Names differing only in bracket width or spacing (one unit's （）, another's ()) are one name: typed either way it names
  // the projects of both (its name key), the unit asked choosing — never only those whose spelling the trie met first.
  const projects = new Map<string, { name: string; ids: number[]; spellings: Set<string> }>();
  for (const p of catalog.projects) {
    const same = projects.get(p.nameKey);
    if (same) same.ids.push(p.id), same.spellings.add(p.name);
    else projects.set(p.nameKey, { name: p.name, ids: [p.id], spellings: new Set([p.name]) });
  }
  for (const { name, ids, spellings } of projects.values()) {
    const entry: Entry = { kind: 'project', name, ids };
    for (const spelling of spellings) for (const alias of projectAliases(spelling)) add(alias, entry);
  }
  const projectNames = [...projects.values()].map((p) => normalize(p.name));
  // After the figures and projects: the trie keeps the first entry of a text, so a figure or project so named keeps it.
  const suffixed = words.subjectSuffixes;
  for (const s of catalog.subjects) {
    if (suffixed.endsWith.some((w) => s.name.endsWith(w))) continue;
    for (const w of suffixed.words) add(s.name + w, { kind: 'subject', name: s.name, codes: s.codes });
  }

  // 卫生健康那块呢: a subject's name without the money word people drop from its end.
  const { dropped } = suffixed;
  for (const s of catalog.subjects) {
    const w = dropped.words.find((d) => s.name.endsWith(d) && s.name.length - d.length >= dropped.minChars);
    // 社保和就业那块, 卫健那块: shortened too, once the full name left is long enough.
    const rest = w ? s.name.slice(0, -w.length) : null;
    if (rest) for (const name of [rest, ...abbreviated(rest)]) add(name, { kind: 'subject', name: s.name, codes: s.codes });
  }

  // 机关资本性支出 for 机关资本性支出（一）: a subject's name without the bracket ending it, where only one subject's is the same.
  const { bracketed } = suffixed;
  const unbracketed = new Map<string, (typeof catalog.subjects)[number][]>();
  for (const s of catalog.subjects) {
    const open = s.name.lastIndexOf(bracketed.open);
    const rest = s.name.endsWith(bracketed.close) && open >= bracketed.minChars ? s.name.slice(0, open) : null;
    if (rest && !rest.includes(bracketed.close)) unbracketed.set(rest, [...(unbracketed.get(rest) ?? []), s]);
  }
  for (const [rest, [s, ...others]] of unbracketed) if (others.every((o) => o.name === s!.name)) add(rest, { kind: 'subject', name: s!.name, codes: s!.codes });

  // 基本养老保险缴费: a subject's name without the qualifier people drop from its front; a text left of several subjects, or a
  // word for several (离退休), names them all.
  const prefixes = words.subjectPrefixes;
  const byRest = new Map<string, { name: string; codes: string[] }[]>();
  const restOf = (text: string, s: { name: string; codes: string[] }) => {
    const list = byRest.get(text) ?? byRest.set(text, []).get(text)!;
    if (!list.some((x) => x.name === s.name)) list.push({ name: s.name, codes: s.codes });
  };
  for (const s of catalog.subjects) {
    const p = prefixes.words.find((w) => s.name.startsWith(w) && s.name.length - w.length >= prefixes.minChars);
    if (p) restOf(s.name.slice(p.length), s);
  }
  // 离退休: a word for several subjects by their national names (words.json subjectGroups), those held.
  for (const { words: typed, parts, whole } of words.subjectGroups.groups) {
    for (const word of typed) for (const name of [...parts, ...whole]) {
      const s = subjectByName.get(name);
      if (s) restOf(word, s);
    }
  }
  for (const [text, [first, ...others]] of byRest) add(text, { kind: 'subject', name: first!.name, codes: first!.codes, ...(others.length ? { group: [first!, ...others] } : {}) });

  for (const [stage, list] of Object.entries(words.stages)) for (const w of list) add(w, { kind: 'stage', stage: stage as Stage });
  for (const w of words.bothStages) add(w, { kind: 'bothStages' });
  for (const [intent, list] of Object.entries(words.intents)) for (const w of list) add(w, { kind: 'intent', intent: intent as IntentWord });
  for (const w of words.ascending) add(w, { kind: 'ascending' });
  for (const w of words.descending) add(w, { kind: 'descending' });
  for (const w of words.previousYear) add(w, { kind: 'previousYear' });
  for (const w of words.change) add(w, { kind: 'previousYear', change: true });
  for (const w of words.top) add(w, { kind: 'top', ascending: false });
  for (const w of words.bottom) add(w, { kind: 'top', ascending: true });
  for (const w of words.conjunctions) add(w, { kind: 'conj' });
  for (const [target, list] of Object.entries(words.listTargets)) for (const w of list) add(w, { kind: 'listTarget', target: target as ListTarget });
  for (const w of words.sources) add(w, { kind: 'sources' });
  for (const w of words.fillers) add(w, { kind: 'filler' });
  // 才这么点, 没花出去, 对不上: a figure said to be small, short of its budget or off it, asked why (shapes.json versusBudget), names nothing.
  for (const w of [...shapes.versusBudget.low, ...shapes.versusBudget.short, ...shapes.versusBudget.afterFillers]) add(w, { kind: 'filler' });
  for (const order of ['up', 'down'] as const) for (const w of words.changeOrder[order]) add(w, { kind: 'changeWord', order, state: null });
  for (const order of ['up', 'down'] as const) for (const w of words.changeOrder.amount[order]) add(w, { kind: 'changeWord', order, state: null, byAmount: true });
  for (const state of ['不可比', '持平', '新增'] as const) for (const w of words.changeStates[state]) add(w, { kind: 'changeWord', order: null, state });
  for (const [scope, list] of Object.entries(words.scopes)) for (const w of list) add(w, { kind: 'scope', scope: scope as 'subjects' | 'subunit' | 'detail' });
  for (const w of words.byClassification.words) add(w, { kind: 'scope', scope: 'subjects' });
  // Shape words and places are not offered to pinyin input: single characters (各, 分) would swallow typed syllables.
  const shapeWords: Phrases = { texts: [], values: [] };
  const shape = (text: string, entry: Entry) => {
    shapeWords.texts.push(normalize(text));
    shapeWords.values.push(valueOf(entry));
  };
  for (const place of placesOf(catalog)) shape(place.text, { kind: 'place', place: place.place });
  addShapes(shape);
  return { phrases, shapeWords, values, projectNames };
}

/**
 * Provinces, cities and counties the documents are in, by every name each goes by (辽宁省, 辽宁; 楚雄彝族自治州,
 * 楚雄州, 楚雄), for sets of departments (辽宁的医保局). A name that is also a department's own (沈阳) stays the
 * department's: the trie keeps the first entry of a text.
 */
function placesOf(catalog: Catalog): { text: string; place: string }[] {
  const out: { text: string; place: string }[] = [];
  for (const d of catalog.documents) {
    const division = d.division_code ? divisions().byCode.get(d.division_code) : undefined;
    for (const p of division ? ancestry(division) : []) for (const text of placeForms(p)) out.push({ text, place: p.name });
    // A place printed that several divisions share (朝阳区) is still a place, by its printed name.
    for (const place of [d.province, d.city, d.county]) if (place) out.push({ text: place, place });
  }
  return out;
}

/** The words of grammar/shapes.json, each its token kind. */
function addShapes(add: (text: string, entry: Entry) => void): void {
  for (const [after, table] of [[false, shapes.comparators.before], [true, shapes.comparators.after]] as const) {
    for (const [op, list] of Object.entries(table)) for (const w of list) add(w, { kind: 'comparator', op: op as Comparison | '=', after });
  }
  for (const w of shapes.between.open) add(w, { kind: 'range', part: 'open' });
  for (const w of shapes.between.range) add(w, { kind: 'range', part: 'join' });
  for (const w of shapes.between.close) add(w, { kind: 'range', part: 'close' });
  for (const [w, u] of Object.entries(shapes.units)) if (w !== '$comment') add(w, { kind: 'unit', ...(u as { unit: 'yuan' | 'percent' | 'score'; scale: number }) });
  for (const w of shapes.sets.every) add(w, { kind: 'setWord', which: false });
  for (const w of shapes.sets.which) add(w, { kind: 'setWord', which: true });
  for (const w of shapes.sets.alone) add(w, { kind: 'setWord', which: false, alone: true });
  for (const w of shapes.sets.organisations) add(w, { kind: 'orgWord' });
  for (const w of shapes.sets.elsewhere) add(w, { kind: 'orgWord', elsewhere: true });
  const { than, more, less, inPercent: __, $comment: _, ...ops } = shapes.arithmetic;
  for (const w of than) add(w, { kind: 'than' });
  for (const w of more) add(w, { kind: 'direction', more: true });
  for (const w of less) add(w, { kind: 'direction', more: false });
  const opName: Record<string, Extract<Entry, { kind: 'arith' }>['op']> = { perHead: 'per_head', perUnit: 'per_unit', perMonth: 'per_month' };
  for (const [op, list] of Object.entries(ops)) for (const w of list) add(w, { kind: 'arith', op: opName[op] ?? (op as Extract<Entry, { kind: 'arith' }>['op']) });
  for (const w of [...shapes.reason, ...shapes.reasonParts.words]) add(w, { kind: 'reason' });
  for (const w of shapes.reasonProblems.words) add(w, { kind: 'reason', performance: true });
  for (const ref of ['it', 'part', 'first', 'last', 'ordinal', 'numbered', 'these', 'owner'] as const) for (const w of shapes.references[ref]) add(w, { kind: 'reference', ref });
  for (const w of shapes.catalogue) add(w, { kind: 'catalogue' });
  for (const w of shapes.holdings.materials) add(w, { kind: 'catalogue', weak: true });
  for (const w of shapes.counters.words) add(w, { kind: 'counter' });
}
