// Start-up artefacts: what the engine needs before its first answer and would otherwise compute
// from every stored row — the catalog's names, the lexicon, the project index. The ingest builds
// them once per database and stores them as JSON; the engine reads a few rows instead of
// scanning the figures. Each carries the fingerprint of the code that built it: one built by
// other code is not used (the engine builds its own, and the next ingest replaces it).
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { artefactFingerprint } from '../ingest/fingerprint.ts';
import type { Database } from '../store/schema.ts';
import { assembleCatalog, readCatalogParts, readDocuments, type Catalog, type CatalogParts } from './catalog.ts';
import { lexiconData, type LexiconData } from './lexicon/lexicon.ts';
import { searchIndexData, type SearchIndexData } from './search.ts';

export interface StartupArtefacts {
  catalog: CatalogParts;
  lexicon: LexiconData;
  search: SearchIndexData;
}

/** Computes the artefacts from the stored rows (scans the figures: ingest time only). */
export async function buildArtefacts(db: Kysely<Database>): Promise<StartupArtefacts> {
  const parts = await readCatalogParts(db);
  const catalog = assembleCatalog(await readDocuments(db), parts);
  return { catalog: parts, lexicon: lexiconData(catalog), search: searchIndexData(parts.projects) };
}

/**
 * Every project (3 MB of JSON at 2,000 documents) is a row of its own beside the rest of the catalog: it and the
 * project index are parsed when first read, and a one-shot question that names no project never reads them.
 */
const ROWS = {
  catalog: (a: StartupArtefacts) => ({ ...a.catalog, projects: undefined }),
  projects: (a: StartupArtefacts) => a.catalog.projects,
  lexicon: (a: StartupArtefacts) => a.lexicon,
  search: (a: StartupArtefacts) => a.search,
};
const ROW_KEYS = Object.keys(ROWS) as (keyof typeof ROWS)[];

export async function storeArtefacts(db: Kysely<Database>, artefacts: StartupArtefacts): Promise<void> {
  const fingerprint = artefactFingerprint();
  await db.deleteFrom('startup_artefacts').execute();
  for (const key of ROW_KEYS) await db.insertInto('startup_artefacts').values({ key, fingerprint, value: JSON.stringify(ROWS[key](artefacts)) }).execute();
}

/** `target[key]` read by `read` when first asked for. */
function lazily<T extends object, K extends keyof T>(target: T, key: K, read: () => T[K]): void {
  let value: T[K] | undefined;
  Object.defineProperty(target, key, { enumerable: true, get: () => (value ??= read()) });
}

/** The stored artefacts when all are there and built by this code; else null. Each row's text is read when it is parsed. */
export function readArtefacts(sqlite: SQLite.Database): StartupArtefacts | null {
  let keys: { key: string; fingerprint: string }[];
  try {
    keys = sqlite.prepare('select key, fingerprint from startup_artefacts').all() as typeof keys;
  } catch {
    return null; // a database from before artefacts were stored
  }
  const fingerprint = artefactFingerprint();
  const current = new Set(keys.filter((r) => r.fingerprint === fingerprint).map((r) => r.key));
  if (!ROW_KEYS.every((k) => current.has(k))) return null;
  const value = sqlite.prepare('select value from startup_artefacts where key = ?').pluck();
  const parsed = (key: keyof typeof ROWS) => JSON.parse(value.get(key) as string);
  const artefacts = { catalog: parsed('catalog') as CatalogParts, lexicon: parsed('lexicon') as LexiconData } as StartupArtefacts;
  lazily(artefacts.catalog, 'projects', () => parsed('projects'));
  lazily(artefacts, 'search', () => parsed('search'));
  return artefacts;
}

/** The engine's catalog and artefacts: stored ones when current, else computed now. */
export async function startupArtefacts(db: Kysely<Database>, sqlite: SQLite.Database): Promise<{ catalog: Catalog; artefacts: StartupArtefacts }> {
  const artefacts = readArtefacts(sqlite) ?? (await buildArtefacts(db));
  return { catalog: assembleCatalog(await readDocuments(db), artefacts.catalog), artefacts };
}
