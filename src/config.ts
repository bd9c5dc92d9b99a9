// Where things live. Paths resolve from the project root, whatever the working directory.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the project root (package.json)');
    dir = up;
  }
  return dir;
}

export const projectRoot = findRoot();
export const rawDir = process.env.YUSUAN_RAW_DIR ?? join(projectRoot, 'data', 'raw');
export const databasePath = process.env.YUSUAN_DB ?? join(projectRoot, 'data', 'budget.sqlite');
