// Start-up artefacts: what the engine needs before its first answer and would otherwise compute
// from every stored row — the catalog's names, the lexicon, the project index. The ingest builds
// them once per database and stores them as JSON rows; the engine reads a few rows instead of
// scanning the figures, and the lexicon in the parts a question needs. Each row carries the
// fingerprint of the code that built it: rows built by other code are not used (the engine
// builds its own, and the next ingest replaces them).
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { artefactFingerprint } from '../ingest/fingerprint.ts';
import type { Database } from '../store/schema.ts';
import { assembleCatalog, readCatalogParts, readDocuments, type Catalog, type CatalogParts } from './catalog.ts';
import { assembleLexicon, ENTRY_BLOCK, groupLexicon, lexiconData, lexiconFrom, type Lexicon, type LexiconData, type LexiconSource } from './lexicon/lexicon.ts';
import { searchIndexData, type SearchIndexData } from './search.ts';

/** The artefacts as computed from the rows (at ingest). */
export interface BuiltArtefacts {
  catalog: CatalogParts;
  lexicon: LexiconData;
  search: SearchIndexData;
  /** Every text the lexicon normalised, with its form: stored for the next build, which reuses them (see `normalizedBefore`). */
  normalized: Map<string, string>;
}

/** The artefacts as read back: the lexicon's parts read when first needed. */
export interface StoredArtefacts {
  catalog: CatalogParts;
  lexicon: LexiconSource;
  search: SearchIndexData;
}

/** Computes the artefacts from the stored rows (scans the figures: ingest time only); `known`: texts normalised before. */
export async function buildArtefacts(db: Kysely<Database>, known?: ReadonlyMap<string, string>): Promise<BuiltArtefacts> {
  const parts = await readCatalogParts(db);
  const catalog = assembleCatalog(await readDocuments(db), parts);
  const normalized = new Map<string, string>();
  return { catalog: parts, lexicon: lexiconData(catalog, known, normalized), search: searchIndexData(parts.projects), normalized };
}

/** Not read by the engine: the lexicon's texts as normalised, for the next ingest. */
const NORMALIZED = 'lexicon.normalized';

/**
 * The texts the lexicon of the database in `schema` normalised, when this code built it: normalising them again is
 * most of the cost of the start-up artefacts, which every ingest builds anew, if only one document was added.
 */
export function normalizedBefore(sqlite: SQLite.Database, schema = 'main'): Map<string, string> {
  try {
    const text = sqlite.prepare(`select value from ${schema}.startup_artefacts where key = ? and fingerprint = ?`).pluck().get(NORMALIZED, artefactFingerprint()) as string | undefined;
    return new Map(text === undefined ? [] : (JSON.parse(text) as [string, string][]));
  } catch {
    return new Map(); // a database from before artefacts were stored
  }
}

/**
 * Every project (3 MB of JSON at 2,000 documents) is a row of its own beside the rest of the catalog: it and the
 * project index are parsed when first read, and a one-shot question that names no project never reads them.
 * The lexicon is rows of its own too: its first characters, each character's phrases, its entries in blocks,
 * and the phrases offered to pinyin input (read by a latin question or a word not understood).
 */
const FIXED = ['catalog', 'projects', 'search', 'lexicon', 'lexicon.offered'] as const;
const GROUP = 'lexicon.group:';
const ENTRIES = 'lexicon.entries:';

export async function storeArtefacts(db: Kysely<Database>, artefacts: BuiltArtefacts): Promise<void> {
  const fingerprint = artefactFingerprint();
  const lexicon = groupLexicon(artefacts.lexicon);
  const rows: [string, unknown][] = [
    ['catalog', { ...artefacts.catalog, projects: undefined }],
    ['projects', artefacts.catalog.projects],
    ['search', artefacts.search],
    ['lexicon', [...lexicon.groups.keys()]],
    ['lexicon.offered', lexicon.offered],
    ...[...lexicon.groups].map(([first, phrases]) => [GROUP + first, phrases] as [string, unknown]),
    [NORMALIZED, [...artefacts.normalized]],
  ];
  for (let block = 0; block * ENTRY_BLOCK < lexicon.values.length; block++) rows.push([ENTRIES + block, lexicon.values.slice(block * ENTRY_BLOCK, (block + 1) * ENTRY_BLOCK)]);
  await db.deleteFrom('startup_artefacts').execute();
  for (const [key, value] of rows) await db.insertInto('startup_artefacts').values({ key, fingerprint, value: JSON.stringify(value) }).execute();
}

/** `target[key]` read by `read` when first asked for. */
function lazily<T extends object, K extends keyof T>(target: T, key: K, read: () => T[K]): void {
  let value: T[K] | undefined;
  Object.defineProperty(target, key, { enumerable: true, get: () => (value ??= read()) });
}

/** The stored artefacts when all are there and built by this code; else null. Each row's text is read when it is parsed. */
export function readArtefacts(sqlite: SQLite.Database): StoredArtefacts | null {
  let current: string[];
  try {
    current = sqlite
      .prepare(`select key from startup_artefacts where key in (${FIXED.map(() => '?').join(', ')}) and fingerprint = ?`)
      .pluck()
      .all(...FIXED, artefactFingerprint()) as string[];
  } catch {
    return null; // a database from before artefacts were stored
  }
  if (current.length !== FIXED.length) return null;
  const value = sqlite.prepare('select value from startup_artefacts where key = ?').pluck();
  const parsed = (key: string) => {
    const text = value.get(key) as string | undefined;
    return text === undefined ? undefined : JSON.parse(text);
  };
  const lexicon: LexiconSource = {
    firstChars: parsed('lexicon') as string[],
    group: (first) => parsed(GROUP + first),
    entries: (block) => parsed(ENTRIES + block) ?? [],
    offered: () => parsed('lexicon.offered'),
  };
  const artefacts = { catalog: parsed('catalog') as CatalogParts, lexicon } as StoredArtefacts;
  lazily(artefacts.catalog, 'projects', () => parsed('projects'));
  lazily(artefacts, 'search', () => parsed('search'));
  return artefacts;
}

/** The engine's catalog, lexicon and project index: stored ones when current, else computed now. */
export async function startupArtefacts(db: Kysely<Database>, sqlite: SQLite.Database): Promise<{ catalog: Catalog; artefacts: { lexicon: Lexicon; search: SearchIndexData } }> {
  const stored = readArtefacts(sqlite);
  if (stored) {
    const catalog = assembleCatalog(await readDocuments(db), stored.catalog);
    // The project index stays unread until a question needs it.
    return { catalog, artefacts: { lexicon: lexiconFrom(stored.lexicon), get search() { return stored.search; } } };
  }
  const built = await buildArtefacts(db);
  return { catalog: assembleCatalog(await readDocuments(db), built.catalog), artefacts: { lexicon: assembleLexicon(built.lexicon), search: built.search } };
}
