// Commands that need the database build it first when it is missing, older than
// the raw documents, or built by other ingest code — so a fresh clone just works
// and a changed parser never answers from a database it did not build. A bad file
// in data/raw never takes answering down: the last good database keeps serving,
// and the failed rebuild is not tried again until the documents (or the code) change.
import SQLite from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { databasePath, rawDir } from '../config.ts';
import { forgetFailure, inputsOf, readFailure, rememberFailure, type IngestFailure } from './failure.ts';
import { artefactFingerprint, ingestFingerprint } from './fingerprint.ts';
import { listRawFiles } from './files.ts';
import type { Progress } from './run.ts';

export type { IngestFailure };

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
  // A broken link counts as new: the rebuild then names it.
  const newest = Math.max(statSync(paths.rawDir).mtimeMs, ...listRawFiles(paths.rawDir).map((f) => statSync(join(paths.rawDir, f), { throwIfNoEntry: false })?.mtimeMs ?? Infinity));
  if (built < newest) return true;
  const by = builtBy(paths.dbPath);
  return by.ingest !== ingestFingerprint() || by.artefacts.length !== 1 || by.artefacts[0] !== artefactFingerprint();
}

export type DatabaseStatus =
  | { state: 'current' }
  | { state: 'rebuilt' }
  /**
   * The rebuild failed on bad files: answers come from the last good database. `tried` is false
   * when it failed on the same inputs at an earlier call and was not tried again.
   */
  | { state: 'failed'; failure: IngestFailure; tried: boolean };

/** The rebuild failed and there is no earlier database to answer from (a fresh clone whose documents are all bad). */
export class NoDatabase extends Error {
  override name = 'NoDatabase';
  constructor(readonly failure: IngestFailure) {
    super(`no database, and it cannot be built: ${failure.files.map((f) => `${f.file} (${f.reason})`).join('; ')}`);
  }
}

/** Rebuilds the database when stale; `onRebuild` is told just before a rebuild starts, `onProgress` after each file. */
export async function ensureDatabase(paths = { rawDir, dbPath: databasePath }, onRebuild?: () => void, onProgress?: (p: Progress) => void): Promise<DatabaseStatus> {
  if (!isStale(paths)) {
    forgetFailure(paths.dbPath);
    return { state: 'current' };
  }
  const inputs = inputsOf(paths.rawDir);
  const known = readFailure(paths.dbPath);
  if (known?.inputs === inputs) return failed(paths.dbPath, known, false);
  onRebuild?.();
  // The parser is loaded only to rebuild: a question asked of a current database never needs it.
  const { IngestFailed, ingest } = await import('./run.ts');
  try {
    await ingest({ ...paths, onProgress });
  } catch (err) {
    if (!(err instanceof IngestFailed)) throw err;
    const failure: IngestFailure = { inputs, at: new Date().toISOString(), files: err.result.failed };
    rememberFailure(paths.dbPath, failure);
    return failed(paths.dbPath, failure, true);
  }
  forgetFailure(paths.dbPath);
  return { state: 'rebuilt' };
}

function failed(dbPath: string, failure: IngestFailure, tried: boolean): DatabaseStatus {
  if (!existsSync(dbPath)) throw new NoDatabase(failure);
  return { state: 'failed', failure, tried };
}
