// The ingest streams and is incremental: documents are stored one at a time (the caller hears of
// each as it is stored, the result keeps summaries only), a document whose sha256 the previous
// database holds is copied rather than read, and the database is the same as a full rebuild's.
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawDir as seedRawDir } from '../../src/config.ts';
import { progressBar } from '../../src/ingest/progress.ts';
import { ingest, type DocumentEvent, type Progress } from '../../src/ingest/run.ts';
import { digest, SEEDS } from './helpers.ts';

let dir: string;
let raw: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yusuan-incremental-'));
  raw = join(dir, 'raw');
  mkdirSync(raw);
  for (const f of Object.values(SEEDS)) copyFileSync(join(seedRawDir, f), join(raw, f));
});
afterAll(() => process.env.KEEP || rmSync(dir, { recursive: true, force: true }));

describe('streaming', () => {
  it('stores documents one at a time, in file order, and keeps only their summaries', async () => {
    const events: DocumentEvent[] = [];
    const progress: Progress[] = [];
    const result = await ingest({ rawDir: raw, dbPath: join(dir, 'stream.sqlite'), onDocument: (d) => events.push(d), onProgress: (p) => progress.push(p) });
    expect(events.map((e) => e.file)).toEqual(Object.values(SEEDS));
    for (const e of events) {
      expect(e.reused).toBe(false);
      expect(e.parsed?.file).toBe(e.file);
      expect(e.report).toContain(`■ ${e.file}`);
    }
    // The result holds no parse of any document: memory does not grow with their number.
    for (const d of result.documents) expect(Object.keys(d).sort()).toEqual(['file', 'reused', 'sha256', 'summary']);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.every((p) => p.total === 5)).toBe(true);
    // Figures, not the blank rows stored to say a named row was printed empty.
    const db = new SQLite(join(dir, 'stream.sqlite'), { readonly: true });
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    const stored = count("select count(*) from line_items where instr(',' || flags || ',', ',empty,') = 0") + count('select count(*) from narrative_facts');
    db.close();
    expect(progress.at(-1)!.figures).toBe(stored);
  });
});

describe('incremental ingest', () => {
  const dbPath = () => join(dir, 'incremental.sqlite');
  beforeAll(async () => {
    unlinkSync(join(raw, SEEDS.quyang));
    await ingest({ rawDir: raw, dbPath: dbPath() });
  });

  it('copies unchanged documents, reads new and changed ones, drops removed ones, and builds what a full rebuild builds', async () => {
    copyFileSync(join(seedRawDir, SEEDS.quyang), join(raw, SEEDS.quyang)); // new
    appendFileSync(join(raw, SEEDS.shenyang), '\n以上为本部门预算公开内容。\n'); // changed
    unlinkSync(join(raw, SEEDS.lianhu)); // removed
    renameSync(join(raw, SEEDS.beipiao), join(raw, `zz_${SEEDS.beipiao}`)); // renamed, same content
    const events: DocumentEvent[] = [];
    const result = await ingest({ rawDir: raw, dbPath: dbPath(), onDocument: (d) => events.push(d) });
    expect(result.documents.map((d) => [d.file, d.reused])).toEqual([
      [SEEDS.fushun, true],
      [SEEDS.shenyang, false],
      [SEEDS.quyang, false],
      [`zz_${SEEDS.beipiao}`, true],
    ]);
    expect(events.filter((e) => e.reused).every((e) => e.parsed === null && e.report.includes('■ '))).toBe(true);
    // Reused documents add their stored summaries, as if read.
    const full = join(dir, 'full.sqlite');
    const rebuilt = await ingest({ rawDir: raw, dbPath: full, full: true });
    expect(rebuilt.documents.every((d) => !d.reused)).toBe(true);
    expect(result.documents.map((d) => d.summary)).toEqual(rebuilt.documents.map((d) => d.summary));
    expect(digest(dbPath())).toBe(digest(full));
  });

  it('reads everything again when the previous database was built by other ingest code', async () => {
    const db = new SQLite(dbPath());
    db.prepare(`update build_info set value = 'built by another version' where key = 'ingest_fingerprint'`).run();
    db.close();
    const result = await ingest({ rawDir: raw, dbPath: dbPath() });
    expect(result.documents.some((d) => d.reused)).toBe(false);
    expect((await ingest({ rawDir: raw, dbPath: dbPath() })).documents.every((d) => d.reused)).toBe(true);
  });
});

describe('incremental ingest of documents that follow the previous ones', () => {
  it('starts from the previous database and reads only the new documents, building what a full rebuild builds', async () => {
    const own = join(dir, 'extending');
    mkdirSync(own);
    const [last, ...rest] = Object.values(SEEDS).reverse();
    for (const f of rest) copyFileSync(join(seedRawDir, f), join(own, f));
    const dbPath = join(dir, 'extending.sqlite');
    await ingest({ rawDir: own, dbPath });
    copyFileSync(join(seedRawDir, last!), join(own, last!)); // sorts after every document already there
    const result = await ingest({ rawDir: own, dbPath });
    expect(result.documents.map((d) => [d.file, d.reused])).toEqual([...rest.reverse().map((f) => [f, true]), [last, false]]);
    const full = join(dir, 'extending-full.sqlite');
    const rebuilt = await ingest({ rawDir: own, dbPath: full, full: true });
    expect(result.documents.map((d) => d.summary)).toEqual(rebuilt.documents.map((d) => d.summary));
    expect(digest(dbPath)).toBe(digest(full));
    // Nothing new: the same database again.
    expect((await ingest({ rawDir: own, dbPath })).documents.every((d) => d.reused)).toBe(true);
    expect(digest(dbPath)).toBe(digest(full));
  });
});

describe('progress bar', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
  };

  it('on a terminal shows documents done of all and figures stored', () => {
    const { written, stream: s } = stream(true);
    const bar = progressBar(s);
    bar.update({ done: 5, total: 2000, figures: 1234567 });
    bar.done();
    expect(written.join('')).toContain('5/2000 份文档 · 已存 1,234,567 个数');
  });

  it('is quiet when not on a terminal', () => {
    const { written, stream: s } = stream(false);
    const bar = progressBar(s);
    bar.update({ done: 5, total: 2000, figures: 10 });
    bar.done();
    expect(written).toEqual([]);
  });
});
