// Shared by the ingest tests: the seed documents as raw lines, the seed database
// opened read-only, and amounts converted to 分 by plain string arithmetic (never
// through the code under test).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { join } from 'node:path';
import { databasePath, rawDir } from '../../src/config.ts';
import { readDocument, type ParsedFile } from '../../src/ingest/run.ts';
import type { CellDraft } from '../../src/ingest/model.ts';
import { openStore, type Store } from '../../src/store/db.ts';

export const SEEDS = {
  fushun: '000_604a2e0edae0f9b4.txt',
  lianhu: '001_decf76686d2239b2.txt',
  shenyang: '002_1419a1545731c637.txt',
  beipiao: '003_a908d6a88c021b91.txt',
  quyang: '004_8ba347b4dc1f36c3.txt',
} as const;

export type Seed = keyof typeof SEEDS;

export const SEED_NAMES: Record<Seed, string> = {
  fushun: '抚顺',
  lianhu: '莲湖',
  shenyang: '沈阳',
  beipiao: '北票',
  quyang: '曲阳',
};

const cache = new Map<string, string[]>();

/** The raw file's lines, exactly as split on '\n'; rawLine(file, n) is 1-based. */
export function rawLines(file: string): string[] {
  let lines = cache.get(file);
  if (!lines) {
    lines = readFileSync(join(rawDir, file), 'utf8').split('\n');
    cache.set(file, lines);
  }
  return lines;
}

export function rawLine(file: string, line: number): string {
  const text = rawLines(file)[line - 1];
  if (text === undefined) throw new Error(`${file} has no line ${line}`);
  return text;
}

export const noSpaces = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** The seed database (built by the global setup), read-only. */
export function openSeedStore(): Store {
  return openStore(databasePath, { readonly: true });
}

/** A printed amount to 分, by string arithmetic: `digits` decimals of 分 per printed unit. */
function fenOf(printed: string, digits: number): number {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(printed.replace(/[\s,\u3000]/g, ''));
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not an amount: ${printed}`);
  const fraction = m[3] ?? '';
  if (fraction.length > digits) throw new Error(`too many decimals for 分: ${printed}`);
  const value = BigInt(`${m[2] || '0'}${fraction.padEnd(digits, '0')}`);
  return Number(m[1] ? -value : value);
}

/** An amount printed in 万元, in 分. */
export const wan = (printed: string) => fenOf(printed, 6);
/** An amount printed in 元, in 分. */
export const yuan = (printed: string) => fenOf(printed, 2);

export interface SegmentSpan {
  line_start: number;
  line_end: number;
}

export function inSegments(line: number, segments: SegmentSpan[]): boolean {
  return segments.some((s) => s.line_start <= line && line <= s.line_end);
}

/** Every table's rows (but ingested_at, kept from when a reused document was read, and kysely's bookkeeping), hashed. */
export function digest(path: string): string {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const tables = db
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`)
      .pluck()
      .all() as string[];
    for (const table of tables) {
      hash.update(`\u0000${table}\u0000`);
      for (const row of db.prepare(`select * from "${table}" order by rowid`).all() as Record<string, unknown>[]) {
        delete row.ingested_at;
        hash.update(JSON.stringify(row));
      }
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** A small document a test writes line by line, read as the ingest reads a file: its figures, and those printed on one line. */
export function readLinesOf(lines: string[]): ParsedFile & { cells: CellDraft[]; onLine: (line: number) => CellDraft[] } {
  const p = readDocument('document.txt', '', lines.join('\n'));
  const cells = p.doc.tables.flatMap((t) => t.cells);
  return { ...p, cells, onLine: (line) => cells.filter((c) => c.line === line && c.raw !== '') };
}
