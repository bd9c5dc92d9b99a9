// A rebuild that failed on bad files in data/raw, remembered beside the database
// with the inputs it failed on: until those change, the last good database keeps
// serving and nobody tries (and fails) the same rebuild again on every question.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artefactFingerprint, ingestFingerprint } from './fingerprint.ts';
import { listRawFiles } from './files.ts';

export interface IngestFailure {
  /** What the failed build read: data/raw's documents (names, sizes, times) and the ingest code. */
  inputs: string;
  /** When it failed (ISO 8601). */
  at: string;
  /** Each file that could not be read, and why. */
  files: { file: string; reason: string }[];
}

const failurePath = (dbPath: string) => `${dbPath}.failed.json`;

/** Names, sizes and modification times rather than contents: cheap enough to check before every question. */
export function inputsOf(rawDir: string): string {
  const files = listRawFiles(rawDir).map((file) => {
    const st = statSync(join(rawDir, file), { throwIfNoEntry: false });
    return [file, st?.size ?? null, st?.mtimeMs ?? null];
  });
  return JSON.stringify({ files, code: [ingestFingerprint(), artefactFingerprint()] });
}

export function readFailure(dbPath: string): IngestFailure | null {
  try {
    return JSON.parse(readFileSync(failurePath(dbPath), 'utf8')) as IngestFailure;
  } catch {
    // None, or unreadable: either way nothing is remembered, and the rebuild is tried.
    return null;
  }
}

export function rememberFailure(dbPath: string, failure: IngestFailure): void {
  writeFileSync(failurePath(dbPath), `${JSON.stringify(failure, null, 2)}\n`);
}

export function forgetFailure(dbPath: string): void {
  rmSync(failurePath(dbPath), { force: true });
}
