// Start-up artefacts: what the engine needs before its first answer and would otherwise compute
// from every stored row — the catalog's names, the lexicon, the project index. The ingest builds
// them once per database and stores them as JSON; the engine reads three rows instead of
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

const KEYS = ['catalog', 'lexicon', 'search'] as const satisfies readonly (keyof StartupArtefacts)[];

/** Computes the artefacts from the stored rows (scans the figures: ingest time only). */
export async function buildArtefacts(db: Kysely<Database>): Promise<StartupArtefacts> {
  const parts = await readCatalogParts(db);
  const catalog = assembleCatalog(await readDocuments(db), parts);
  return { catalog: parts, lexicon: lexiconData(catalog), search: searchIndexData(parts.projects) };
}

export async function storeArtefacts(db: Kysely<Database>, artefacts: StartupArtefacts): Promise<void> {
  const fingerprint = artefactFingerprint();
  await db.deleteFrom('startup_artefacts').execute();
  for (const key of KEYS) await db.insertInto('startup_artefacts').values({ key, fingerprint, value: JSON.stringify(artefacts[key]) }).execute();
}

/** The stored artefacts when all are there and built by this code; else null. */
export function readArtefacts(sqlite: SQLite.Database): StartupArtefacts | null {
  let rows: { key: string; fingerprint: string; value: string }[];
  try {
    rows = sqlite.prepare('select key, fingerprint, value from startup_artefacts').all() as typeof rows;
  } catch {
    return null; // a database from before artefacts were stored
  }
  const fingerprint = artefactFingerprint();
  const current = new Map(rows.filter((r) => r.fingerprint === fingerprint).map((r) => [r.key, r.value]));
  if (!KEYS.every((k) => current.has(k))) return null;
  return Object.fromEntries(KEYS.map((k) => [k, JSON.parse(current.get(k)!)])) as StartupArtefacts;
}

/** The engine's catalog and artefacts: stored ones when current, else computed now. */
export async function startupArtefacts(db: Kysely<Database>, sqlite: SQLite.Database): Promise<{ catalog: Catalog; artefacts: StartupArtefacts }> {
  const artefacts = readArtefacts(sqlite) ?? (await buildArtefacts(db));
  return { catalog: assembleCatalog(await readDocuments(db), artefacts.catalog), artefacts };
}
