// Which files of data/raw are documents: apart from the ingest itself, so that checking whether the database is
// current (every `npm run ask`) does not load the parser.
import { readdirSync } from 'node:fs';

export function listRawFiles(rawDir: string): string[] {
  return readdirSync(rawDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}
