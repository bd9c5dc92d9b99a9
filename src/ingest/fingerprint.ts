// A fingerprint of everything that decides what the ingest stores: its code, the
// store's schema and the vocabulary in grammar/. A database built by other code is stale.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../config.ts';

const INPUTS = ['src/ingest', 'src/store', 'grammar'];
/** What builds the start-up artefacts (catalog, lexicon, project index): rebuilt without reparsing any document. */
const ARTEFACT_INPUTS = ['src/query', 'src/store', 'grammar'];

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

export function ingestFingerprint(): string {
  return fingerprintOf(INPUTS);
}

export function artefactFingerprint(): string {
  return fingerprintOf(ARTEFACT_INPUTS);
}

// Once per process: a question's start checks both (is the database current?) and reads the artefacts' again, and
// the code a process runs does not change under it.
const computed = new Map<string, string>();

function fingerprintOf(inputs: string[]): string {
  const key = inputs.join('\0');
  return computed.get(key) ?? computed.set(key, hashOf(inputs)).get(key)!;
}

function hashOf(inputs: string[]): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((d) => files(join(projectRoot, d)))) {
    hash.update(relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
