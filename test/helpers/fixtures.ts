// Fixture documents ingested into a temporary database, for tests that need documents
// the seeds do not have (other provinces, colliding place names).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, rawDir as seedRawDir } from '../../src/config.ts';
import { ingest } from '../../src/ingest/run.ts';

export interface FixtureDatabase {
  dbPath: string;
  remove(): void;
}

/** The .txt files of test/fixtures/<folder> (and, with `withSeeds`, the seeds) in a fresh database. */
export async function ingestFixtures(folder: string, options: { withSeeds?: boolean } = {}): Promise<FixtureDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-fixtures-'));
  const raw = join(dir, 'raw');
  mkdirSync(raw);
  const source = join(projectRoot, 'test', 'fixtures', folder);
  for (const f of readdirSync(source).filter((x) => x.endsWith('.txt'))) copyFileSync(join(source, f), join(raw, f));
  if (options.withSeeds) for (const f of readdirSync(seedRawDir).filter((x) => x.endsWith('.txt'))) copyFileSync(join(seedRawDir, f), join(raw, f));
  const dbPath = join(dir, 'budget.sqlite');
  await ingest({ rawDir: raw, dbPath });
  return { dbPath, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
