// The ingest as a whole, on copies of data/raw in a temporary directory: re-running
// on unchanged input gives the same database; a corrupted, truncated, binary, empty
// or meaningless file is reported by name and leaves the previous database exactly
// as it was; nothing temporary is left behind; and a new document in a layout
// already seen ingests without code changes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePath as seedDb, projectRoot, rawDir as seedRawDir } from '../../src/config.ts';
import { ensureDatabase, isStale, NoDatabase } from '../../src/ingest/ensure.ts';
import { ingestReport } from '../../src/ingest/report.ts';
import { IngestFailed, ingest, type DocumentEvent } from '../../src/ingest/run.ts';
import { digest, SEEDS, wan } from './helpers.ts';

let dir: string;
let raw: string;
let dbPath: string;

const leftovers = () => readdirSync(dir).filter((f) => f.includes('.tmp-'));

async function expectRejected(run: Promise<unknown>, files: string[]): Promise<IngestFailed> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestFailed);
  const failed = error as IngestFailed;
  expect(failed.result.failed.map((f) => f.file).sort()).toEqual([...files].sort());
  for (const f of files) expect(failed.message).toContain(f);
  return failed;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yusuan-ingest-'));
  raw = join(dir, 'raw');
  mkdirSync(raw);
  for (const f of Object.values(SEEDS)) copyFileSync(join(seedRawDir, f), join(raw, f));
  dbPath = join(dir, 'budget.sqlite');
  await ingest({ rawDir: raw, dbPath, now: new Date('2024-01-01T00:00:00Z') });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('re-running the ingest', () => {
  it('on unchanged input gives the same database, content-wise', async () => {
    const before = digest(dbPath);
    const result = await ingest({ rawDir: raw, dbPath, now: new Date('2025-06-30T12:00:00Z') });
    expect(result.documents.map((p) => p.file)).toEqual(Object.values(SEEDS));
    expect(digest(dbPath)).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it('holds the same content as the seed database the tests read', () => {
    expect(digest(dbPath)).toBe(digest(seedDb));
  });

  it('skips a byte-identical copy of a document under another name, and says so', async () => {
    const copy = join(raw, '999_copy.txt');
    copyFileSync(join(raw, SEEDS.quyang), copy);
    try {
      const before = digest(dbPath);
      const result = await ingest({ rawDir: raw, dbPath });
      expect(result.duplicates).toEqual([{ file: '999_copy.txt', sameAs: SEEDS.quyang }]);
      expect(ingestReport(result)).toContain(`999_copy.txt：内容与 ${SEEDS.quyang} 相同，已跳过`);
      expect(digest(dbPath)).toBe(before);
    } finally {
      unlinkSync(copy);
    }
  });
});

describe('a bad input file leaves the previous database unchanged and is reported by name', () => {
  let bytes: Buffer;
  let content: string;
  beforeAll(() => {
    bytes = readFileSync(dbPath);
    content = digest(dbPath);
  });

  const unchanged = () => {
    expect(readFileSync(dbPath).equals(bytes)).toBe(true);
    expect(digest(dbPath)).toBe(content);
    expect(leftovers()).toEqual([]);
  };

  it('a document truncated inside a multi-byte UTF-8 character', async () => {
    const file = SEEDS.beipiao;
    const original = readFileSync(join(raw, file));
    // Cut right after the first byte of a 3-byte character, about halfway through.
    let cut = Math.floor(original.length / 2);
    while (!(original[cut - 1]! >= 0xe0 && original[cut - 1]! < 0xf0)) cut++;
    const truncated = original.subarray(0, cut);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(truncated)).toThrow();
    writeFileSync(join(raw, file), truncated);
    try {
      const reports: DocumentEvent[] = [];
      const error = await expectRejected(ingest({ rawDir: raw, dbPath, onDocument: (d) => reports.push(d) }), [file]);
      expect(error.result.failed[0]!.reason).toContain('UTF-8');
      expect(error.result.documents).toHaveLength(4);
      expect(ingestReport(error.result)).toContain(`■ ${file}：无法读取`);
      // The other documents are still reported, as they were read.
      expect(reports.map((d) => d.file)).toEqual(Object.values(SEEDS).filter((f) => f !== file));
      expect(reports[0]!.report).toContain('■ 000_604a2e0edae0f9b4.txt');
      unchanged();
    } finally {
      writeFileSync(join(raw, file), original);
    }
  });

  it.each([
    ['random bytes', 'zz_garbage.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x10, 0x80]), 'UTF-8'],
    ['binary content that is valid UTF-8', 'zz_binary.txt', Buffer.from('PK\u0003\u0004\u0000\u0000部门预算\u0000', 'utf8'), '二进制'],
    ['an empty file', 'zz_empty.txt', Buffer.alloc(0), '空'],
    ['blank lines only', 'zz_blank.txt', Buffer.from('\n\n  \n\t\n', 'utf8'), '空'],
    ['text naming no department', 'zz_hello.txt', Buffer.from('hello world\n', 'utf8'), '部门名称'],
    ['a department but no year', 'zz_noyear.txt', Buffer.from('曲阳县医疗保障局\n\n部门预算说明\n', 'utf8'), '年度'],
  ])('%s', async (_, name, data, reason) => {
    writeFileSync(join(raw, name), data);
    try {
      const error = await expectRejected(ingest({ rawDir: raw, dbPath }), [name]);
      expect(error.result.failed[0]!.reason).toContain(reason);
      expect(ingestReport(error.result)).toContain(`■ ${name}：无法读取 —— ${error.result.failed[0]!.reason}`);
      unchanged();
    } finally {
      unlinkSync(join(raw, name));
    }
  });

  it('several bad files at once are all named', async () => {
    writeFileSync(join(raw, 'zz_a.txt'), '');
    writeFileSync(join(raw, 'zz_b.txt'), 'hello world');
    try {
      await expectRejected(ingest({ rawDir: raw, dbPath }), ['zz_a.txt', 'zz_b.txt']);
      unchanged();
    } finally {
      unlinkSync(join(raw, 'zz_a.txt'));
      unlinkSync(join(raw, 'zz_b.txt'));
    }
  });

  it('a directory without documents', async () => {
    const empty = join(dir, 'no-documents');
    mkdirSync(empty, { recursive: true });
    await expectRejected(ingest({ rawDir: empty, dbPath }), [empty]);
    unchanged();
  });

  it('a failure while writing removes the half-built temporary database', async () => {
    // The database path is a directory: everything is written, the final rename fails.
    const blocked = join(dir, 'blocked.sqlite');
    mkdirSync(join(blocked, 'inside'), { recursive: true });
    await expect(ingest({ rawDir: raw, dbPath: blocked })).rejects.toThrow();
    expect(statSync(blocked).isDirectory()).toBe(true);
    expect(readdirSync(blocked)).toEqual(['inside']);
    expect(leftovers()).toEqual([]);
    unchanged();
  });
});

describe('temporary files of builds that were killed', () => {
  /** A pid that was alive once and is not any more. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', '']);
    expect(child.status).toBe(0);
    return child.pid!;
  }

  it('are removed by the next ingest, with their journal; a running build keeps its file', async () => {
    const dead = deadPid();
    const abandoned = [`budget.sqlite.tmp-${dead}`, `budget.sqlite.tmp-${dead}-journal`];
    for (const name of abandoned) writeFileSync(join(dir, name), 'half-built');
    // The parent of this test process stands in for another build still running.
    const running = `budget.sqlite.tmp-${process.ppid}`;
    writeFileSync(join(dir, running), 'being built');
    try {
      await ingest({ rawDir: raw, dbPath });
      expect(leftovers()).toEqual([running]);
    } finally {
      rmSync(join(dir, running), { force: true });
    }
  });

  it('are removed even when the ingest then fails on a bad file', async () => {
    const name = `budget.sqlite.tmp-${deadPid()}`;
    writeFileSync(join(dir, name), 'half-built');
    writeFileSync(join(raw, 'zz_bad.txt'), '');
    try {
      await expect(ingest({ rawDir: raw, dbPath })).rejects.toBeInstanceOf(IngestFailed);
      expect(leftovers()).toEqual([]);
    } finally {
      unlinkSync(join(raw, 'zz_bad.txt'));
    }
  });

  it('are ignored by git', () => {
    for (const name of ['budget.sqlite.tmp-4242', 'budget.sqlite.tmp-4242-journal']) {
      expect(spawnSync('git', ['check-ignore', '-q', join('data', name)], { cwd: projectRoot }).status, name).toBe(0);
    }
  });
});

describe('staleness', () => {
  it('rebuilds only when the database is missing or older than a raw file', async () => {
    const path = join(dir, 'ensure.sqlite');
    expect(isStale({ rawDir: raw, dbPath: path })).toBe(true);
    expect(await ensureDatabase({ rawDir: raw, dbPath: path })).toEqual({ state: 'rebuilt' });
    expect(existsSync(path)).toBe(true);
    expect(isStale({ rawDir: raw, dbPath: path })).toBe(false);
    expect(await ensureDatabase({ rawDir: raw, dbPath: path })).toEqual({ state: 'current' });
    const later = new Date(statSync(path).mtimeMs + 60_000);
    utimesSync(join(raw, SEEDS.quyang), later, later);
    try {
      expect(isStale({ rawDir: raw, dbPath: path })).toBe(true);
    } finally {
      const original = statSync(join(seedRawDir, SEEDS.quyang));
      utimesSync(join(raw, SEEDS.quyang), original.atime, original.mtime);
    }
  });

  it('rebuilds a database built by other ingest code, however recent', async () => {
    const path = join(dir, 'other-code.sqlite');
    copyFileSync(dbPath, path);
    expect(isStale({ rawDir: raw, dbPath: path })).toBe(false);
    const db = new SQLite(path);
    db.prepare(`update build_info set value = 'built by another version' where key = 'ingest_fingerprint'`).run();
    db.close();
    expect(isStale({ rawDir: raw, dbPath: path })).toBe(true);
    expect(await ensureDatabase({ rawDir: raw, dbPath: path })).toEqual({ state: 'rebuilt' });
    expect(digest(path)).toBe(digest(dbPath));
    expect(isStale({ rawDir: raw, dbPath: path })).toBe(false);
  });
});

describe('a bad file in data/raw never takes answering down', () => {
  // A data/raw of its own, so that adding and removing files here changes nothing elsewhere.
  let rawHere: string;
  let db: string;
  let rebuilds = 0;
  const ensure = (paths = { rawDir: rawHere, dbPath: db }) => ensureDatabase(paths, () => rebuilds++);
  const record = () => `${db}.failed.json`;

  beforeAll(async () => {
    rawHere = join(dir, 'raw-bad');
    mkdirSync(rawHere);
    for (const f of Object.values(SEEDS)) copyFileSync(join(seedRawDir, f), join(rawHere, f));
    db = join(dir, 'bad.sqlite');
    expect(await ensure()).toEqual({ state: 'rebuilt' });
  });

  it('keeps the last good database, names the file and why, and does not retry until the files change', async () => {
    const good = digest(db);
    const bad = join(rawHere, 'zz_bad.txt');
    writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    rebuilds = 0;
    const first = await ensure();
    expect(first).toMatchObject({ state: 'failed', tried: true, failure: { files: [{ file: 'zz_bad.txt', reason: expect.stringContaining('UTF-8') }] } });
    expect(digest(db)).toBe(good);
    expect(existsSync(record())).toBe(true);
    // Asked again and again: the same failure, remembered, not tried again.
    for (let i = 0; i < 3; i++) expect(await ensure()).toEqual({ ...first, tried: false });
    expect(rebuilds).toBe(1);
    // The file changes (here: only its time): tried once more, still bad.
    const later = new Date(Date.now() + 5_000);
    utimesSync(bad, later, later);
    expect(await ensure()).toMatchObject({ state: 'failed', tried: true });
    expect(rebuilds).toBe(2);
    // Another file joins the set: tried again.
    writeFileSync(join(rawHere, 'zz_empty.txt'), '');
    expect(await ensure()).toMatchObject({ state: 'failed', tried: true, failure: { files: [{ file: 'zz_bad.txt' }, { file: 'zz_empty.txt' }] } });
    expect(rebuilds).toBe(3);
    // Both gone: rebuilt, and nothing is remembered any more.
    unlinkSync(bad);
    unlinkSync(join(rawHere, 'zz_empty.txt'));
    expect(await ensure()).toEqual({ state: 'rebuilt' });
    expect(existsSync(record())).toBe(false);
    expect(digest(db)).toBe(good);
  });

  it('a file that cannot even be opened is named with the error, and remembered like an unreadable one', async () => {
    const odd = [join(rawHere, 'zz_folder.txt'), join(rawHere, 'zz_link.txt')];
    mkdirSync(odd[0]!);
    symlinkSync(join(dir, 'nowhere.txt'), odd[1]!);
    try {
      rebuilds = 0;
      expect(await ensure()).toMatchObject({
        state: 'failed',
        tried: true,
        failure: {
          files: [
            { file: 'zz_folder.txt', reason: expect.stringContaining('EISDIR') },
            { file: 'zz_link.txt', reason: expect.stringContaining('ENOENT') },
          ],
        },
      });
      expect(await ensure()).toMatchObject({ state: 'failed', tried: false });
      expect(rebuilds).toBe(1);
    } finally {
      rmSync(odd[0]!, { recursive: true });
      unlinkSync(odd[1]!);
    }
  });

  it('with no good database at all (a fresh clone whose only file is bad), says so', async () => {
    const lonely = join(dir, 'raw-lonely');
    mkdirSync(lonely);
    writeFileSync(join(lonely, 'only.txt'), 'hello world\n');
    const paths = { rawDir: lonely, dbPath: join(dir, 'none.sqlite') };
    rebuilds = 0;
    for (let i = 0; i < 2; i++) {
      const error = await ensure(paths).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NoDatabase);
      expect((error as NoDatabase).failure.files).toEqual([{ file: 'only.txt', reason: expect.stringContaining('部门名称') }]);
    }
    expect(rebuilds).toBe(1);
    expect(existsSync(paths.dbPath)).toBe(false);
  });
});

describe('a new document in a layout already seen ingests without code changes', () => {
  // A short document in 曲阳's layout, with figures of its own, a table nobody
  // classifies, and one sentence of prose.
  const synthetic = [
    '望都县医疗保障局2025年部门预算',
    '',
    '部门预算收支总表',
    '',
    '521 望都县医疗保障局',
    '',
    '预算年度：2025',
    '',
    '单位：万元',
    '',
    '序号\t收入\t\t支出',
    '\t项 目\t预算数\t项 目\t预算数',
    '栏次\t1\t2\t3\t4',
    '1\t一、一般公共预算拨款收入\t300.50\t一、一般公共服务支出',
    '2\t二、政府性基金预算拨款收入\t\t二、社会保障和就业支出\t40.25',
    '3\t\t\t三、卫生健康支出\t260.25',
    '4\t本年收入合计\t300.50\t本年支出合计\t300.50',
    '5\t上年结转结余\t\t年终结转结余',
    '6\t收入总计\t300.50\t支出总计\t300.50',
    '',
    '部门预算支出总表',
    '',
    '521 望都县医疗保障局',
    '',
    '预算年度：2025',
    '',
    '单位：万元',
    '',
    '序号\t功能分类科目\t\t合计\t基本支出\t项目支出',
    '\t科目编码\t科目名称',
    '栏次\t1\t2\t3\t4\t5',
    '1\t\t合计\t300.50\t200.50\t100.00',
    '2\t208\t社会保障和就业支出\t40.25\t40.25',
    '3\t20805\t行政事业单位养老支出\t40.25\t40.25',
    '4\t2080505\t机关事业单位基本养老保险缴费支出\t40.25\t40.25',
    '5\t210\t卫生健康支出\t260.25\t160.25\t100.00',
    '6\t21015\t医疗保障管理事务\t260.25\t160.25\t100.00',
    '7\t2101501\t行政运行\t160.25\t160.25',
    '8\t2101506\t医疗保障经办事务\t100.00\t\t100.00',
    '',
    '人员构成统计',
    '',
    '类别\t人数',
    '在编\t12',
    '聘用\t3',
    '',
    '2025年，我部门机关运行经费安排18.50万元。',
    '',
  ].join('\n');
  const lineOf = (text: string) => synthetic.split('\n').findIndex((l) => l.startsWith(text)) + 1;

  // 曲阳 under another county's name and two years later.
  const variant = readFileSync(join(seedRawDir, SEEDS.quyang), 'utf8').replaceAll('曲阳县', '望都县').replaceAll('2023', '2025').replaceAll('2022', '2024');

  let newDb: string;
  beforeAll(async () => {
    writeFileSync(join(raw, '900_synthetic.txt'), synthetic);
    writeFileSync(join(raw, '901_variant.txt'), variant);
    newDb = join(dir, 'with-new.sqlite');
    await ingest({ rawDir: raw, dbPath: newDb });
  });
  afterAll(() => {
    unlinkSync(join(raw, '900_synthetic.txt'));
    unlinkSync(join(raw, '901_variant.txt'));
  });

  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new SQLite(newDb, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };

  it('detects its metadata', () => {
    expect(query('select department, province, city, county, division_code, fiscal_year, stage, amount_unit from documents where file = ?', '900_synthetic.txt')).toEqual([
      { department: '望都县医疗保障局', province: '河北省', city: '保定市', county: '望都县', division_code: '130631', fiscal_year: 2025, stage: '预算', amount_unit: '万元' },
    ]);
    expect(query('select count(*) as n from documents')).toEqual([{ n: 7 }]);
  });

  it('reads its tables and figures, and reports the table it cannot classify', () => {
    expect(query('select t.name, t.kind, t.status from source_tables t join documents d on d.id = t.document_id where d.file = ? order by t.line_start', '900_synthetic.txt')).toEqual([
      { name: '部门预算收支总表', kind: 'summary', status: 'parsed' },
      { name: '部门预算支出总表', kind: 'expenditure', status: 'parsed' },
      { name: '人员构成统计', kind: 'unknown', status: 'unclassified' },
    ]);
    const figure = (line: number, key: string) =>
      query<{ amount_fen: number }>(
        `select li.amount_fen from line_items li join documents d on d.id = li.document_id join source_tables t on t.id = li.table_id
         where d.file = ? and li.line = ? and li.column_key = ? and t.kind = 'expenditure'`,
        '900_synthetic.txt',
        line,
        key,
      ).map((r) => r.amount_fen);
    expect(figure(lineOf('5\t210\t'), 'total')).toEqual([wan('260.25')]);
    expect(figure(lineOf('5\t210\t'), 'project')).toEqual([wan('100.00')]);
    expect(figure(lineOf('1\t\t合计\t'), 'basic')).toEqual([wan('200.50')]);
    // Every number printed in its two tables: 7 in the 收支总表, 19 in the 支出总表 (a named row printed empty is no number).
    expect(query("select count(*) as n from line_items li join documents d on d.id = li.document_id where d.file = ? and instr(',' || li.flags || ',', ',empty,') = 0", '900_synthetic.txt')).toEqual([{ n: 26 }]);
    expect(
      query('select amount_fen from narrative_facts f join documents d on d.id = f.document_id where d.file = ? and f.metric = ?', '900_synthetic.txt', 'admin_operation'),
    ).toEqual([{ amount_fen: wan('18.50') }]);
    const [{ report }] = query<{ report: string }>('select report from ingest_reports r join documents d on d.id = r.document_id where d.file = ?', '900_synthetic.txt');
    expect(report).toContain(`未能识别的表格区域：第${lineOf('类别')}–${lineOf('聘用')}行`);
  });

  it('checks it like the seeds: everything adds up', () => {
    const checks = query<{ rule: string; passed: number }>('select rule, passed from checks c join documents d on d.id = c.document_id where d.file = ?', '900_synthetic.txt');
    expect(checks.filter((c) => c.passed === 0)).toEqual([]);
    expect(new Set(checks.map((c) => c.rule))).toEqual(new Set(['balance', 'hierarchy', 'table_total', 'row_identity', 'cross_table']));
  });

  it('reads a renamed, re-dated copy of 曲阳 exactly like 曲阳', () => {
    const [doc] = query<{ department: string; county: string; fiscal_year: number }>('select department, county, fiscal_year from documents where file = ?', '901_variant.txt');
    expect(doc).toEqual({ department: '望都县医疗保障局', county: '望都县', fiscal_year: 2025 });
    const shape = (file: string) =>
      query('select count(*) as n, sum(amount_fen) as fen from line_items li join documents d on d.id = li.document_id where d.file = ?', file);
    expect(shape('901_variant.txt')).toEqual(shape(SEEDS.quyang));
    const tables = (file: string) => query('select t.kind, t.status, t.line_start from source_tables t join documents d on d.id = t.document_id where d.file = ? order by t.line_start', file);
    expect(tables('901_variant.txt')).toEqual(tables(SEEDS.quyang));
    expect(query('select count(*) as n from checks c join documents d on d.id = c.document_id where d.file = ? and c.passed = 0', '901_variant.txt')).toEqual([{ n: 0 }]);
    // The prose 三公 figure (line 434) is read for the new year.
    expect(
      query('select f.year, f.amount_fen from narrative_facts f join documents d on d.id = f.document_id where d.file = ? and f.line = 434 and f.metric = ?', '901_variant.txt', 'three_public.total'),
    ).toEqual([{ year: 2025, amount_fen: wan('13.60') }]);
  });
});
