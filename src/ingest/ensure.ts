// Commands that need the database build it first when it is missing, older than
// the raw documents, or built by other ingest code — so a fresh clone just works
// and a changed parser never answers from a database it did not build.
import SQLite from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { databasePath, rawDir } from '../config.ts';
import { artefactFingerprint, ingestFingerprint } from './fingerprint.ts';
import { ingest, listRawFiles } from './run.ts';

/** The fingerprints of the code that built the database and its start-up artefacts. */
function builtBy(dbPath: string): { ingest: string | null; artefacts: string[] } {
  const db = new SQLite(dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("select value from build_info where key = 'ingest_fingerprint'").get() as { value: string } | undefined;
    const artefacts = db.prepare('select distinct fingerprint from startup_artefacts').pluck().all() as string[];
    return { ingest: row?.value ?? null, artefacts };
  } catch {
    return { ingest: null, artefacts: [] };
  } finally {
    db.close();
  }
}

export function isStale(paths: { rawDir: string; dbPath: string }): boolean {
  if (!existsSync(paths.dbPath)) return true;
  const built = statSync(paths.dbPath).mtimeMs;
  const newest = Math.max(statSync(paths.rawDir).mtimeMs, ...listRawFiles(paths.rawDir).map((f) => statSync(join(paths.rawDir, f)).mtimeMs));
  if (built < newest) return true;
  const by = builtBy(paths.dbPath);
  return by.ingest !== ingestFingerprint() || by.artefacts.length !== 1 || by.artefacts[0] !== artefactFingerprint();
}

/** Rebuilds the database when stale; returns whether it did. */
export async function ensureDatabase(paths = { rawDir, dbPath: databasePath }): Promise<boolean> {
  if (!isStale(paths)) return false;
  await ingest(paths);
  return true;
}
