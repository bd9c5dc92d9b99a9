// Commands that need the database build it first when it is missing, older than
// the raw documents, or built by other ingest code — so a fresh clone just works
// and a changed parser never answers from a database it did not build.
import SQLite from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { databasePath, rawDir } from '../config.ts';
import { ingestFingerprint } from './fingerprint.ts';
import { ingest, listRawFiles } from './run.ts';

function builtBy(dbPath: string): string | null {
  const db = new SQLite(dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("select value from build_info where key = 'ingest_fingerprint'").get() as { value: string } | undefined;
    return row?.value ?? null;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

export function isStale(paths: { rawDir: string; dbPath: string }): boolean {
  if (!existsSync(paths.dbPath)) return true;
  const built = statSync(paths.dbPath).mtimeMs;
  const newest = Math.max(statSync(paths.rawDir).mtimeMs, ...listRawFiles(paths.rawDir).map((f) => statSync(join(paths.rawDir, f)).mtimeMs));
  return built < newest || builtBy(paths.dbPath) !== ingestFingerprint();
}

/** Rebuilds the database when stale; returns whether it did. */
export async function ensureDatabase(paths = { rawDir, dbPath: databasePath }): Promise<boolean> {
  if (!isStale(paths)) return false;
  await ingest(paths);
  return true;
}
