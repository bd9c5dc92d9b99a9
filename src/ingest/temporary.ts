// The temporary file a build writes before renaming it into place, and the ones
// earlier builds left behind when they were killed (a crash, Ctrl+C, a full disk).
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `budget.sqlite.tmp-<pid>`: the pid says whose build it is. */
export function temporaryPath(dbPath: string): string {
  return `${dbPath}.tmp-${process.pid}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files (and SQLite's -journal/-wal/-shm beside them) of builds whose
 * process is gone; a build still running in another process keeps its file. Returns what it removed.
 */
export function removeAbandonedBuilds(dbPath: string): string[] {
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}.tmp-`;
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, name), { force: true, recursive: true });
    removed.push(name);
  }
  return removed;
}
