// Commands that need the database build it first when it is missing or older
// than the raw documents, so a fresh clone just works.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { databasePath, rawDir } from '../config.ts';
import { ingest, listRawFiles } from './run.ts';

export function isStale(paths: { rawDir: string; dbPath: string }): boolean {
  if (!existsSync(paths.dbPath)) return true;
  const built = statSync(paths.dbPath).mtimeMs;
  const newest = Math.max(statSync(paths.rawDir).mtimeMs, ...listRawFiles(paths.rawDir).map((f) => statSync(join(paths.rawDir, f)).mtimeMs));
  return built < newest;
}

/** Rebuilds the database when stale; returns whether it did. */
export async function ensureDatabase(paths = { rawDir, dbPath: databasePath }): Promise<boolean> {
  if (!isStale(paths)) return false;
  await ingest(paths);
  return true;
}
