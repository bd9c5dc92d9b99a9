// The CLI and its JSON contract, run as a user runs it (through the bundling launcher).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, rawDir } from '../../../src/config.ts';

const run = (args: string[], input?: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(projectRoot, 'scripts', 'run.mjs'), 'ask', ...args], { input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });

describe('npm run ask', () => {
  it('prints the human answer with its source', () => {
    const out = execFileSync(process.execPath, [join(projectRoot, 'scripts', 'run.mjs'), 'ask', '曲阳 2023 三公经费'], { encoding: 'utf8' });
    expect(out).toContain('13.60万元');
    expect(out).toContain('来源：');
  });

  it('prints one JSON object with exactly the contract fields', () => {
    const r = run(['--json', '沈阳 2023 邮电费']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const obj = JSON.parse(lines[0]!);
    expect(Object.keys(obj)).toEqual(['query', 'status', 'text', 'answers', 'suggestions']);
    expect(obj.status).toBe('answered');
    expect(obj.answers.map((a: { amount_yuan: number }) => a.amount_yuan)).toEqual([1826400, 1800000]);
    for (const a of obj.answers) {
      expect(Object.keys(a)).toEqual(['entity', 'year', 'stage', 'label', 'amount_yuan', 'value', 'unit', 'source', 'as_of', 'corroboration', 'derived']);
      expect(a.source).toMatchObject({ document: expect.any(String), line: expect.any(Number) });
    }
  });

  it('reads JSON Lines from stdin, one object per line, in order, nothing else', () => {
    const questions = ['曲阳 2023 三公经费', '', '上海 2024 三公经费', '北票 2024 事业运行'];
    const r = run(['--json'], questions.join('\n') + '\n');
    expect(r.status).toBe(0);
    const objs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(objs.map((o) => o.query)).toEqual(questions);
    expect(objs.map((o) => o.status)).toEqual(['answered', 'unsupported', 'not_found', 'answered']);
    expect(objs[3].answers[0].amount_yuan).toBe(3525700);
  });

  it('answers a hostile batch with exactly one JSON object per input line, in order', () => {
    const questions = ['抚顺 项目支出 前2.5', '抚顺 项目支出 前0', '抚顺 项目支出 前99999999999', "'; DROP TABLE documents; --", '😀👨‍👩‍👧\u202e', '\u0000\u0007', '曲'.repeat(400), '', '抚顺 超过99999999999999亿元的项目', '曲阳 2023 三公经费'];
    const r = run(['--json'], questions.join('\n') + '\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const objs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(objs.map((o) => o.query)).toEqual(questions);
    expect(objs.map((o) => o.status)).toEqual(['answered', 'answered', 'answered', 'unsupported', 'unsupported', 'unsupported', 'unsupported', 'unsupported', 'unsupported', 'answered']);
    expect(objs[0].text).toContain('“前2.5”按前2项理解');
    expect(objs[9].answers[0].amount_yuan).toBe(136000);
  });

  it('refuses without a question and without --json', () => {
    const r = run([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('用法');
  });
});

describe('npm run ask with a bad file in data/raw', () => {
  let dir: string;
  let env: Record<string, string>;
  const record = () => readFileSync(`${env.YUSUAN_DB}.failed.json`, 'utf8');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-ask-'));
    const raw = join(dir, 'raw');
    mkdirSync(raw);
    for (const file of readdirSync(rawDir)) copyFileSync(join(rawDir, file), join(raw, file));
    env = { YUSUAN_RAW_DIR: raw, YUSUAN_DB: join(dir, 'budget.sqlite') };
    // A first question builds the database, saying so on stderr only.
    const first = run(['--json', '曲阳 2023 三公经费'], undefined, env);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('正在从 data/raw 中的文件建立数据库');
    expect(JSON.parse(first.stdout).status).toBe('answered');
    writeFileSync(join(raw, 'zz_broken.txt'), Buffer.from([0xe6, 0x9b, 0xb2, 0xe9, 0x98]));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers from the last good database and says which file failed and why, without a stack', () => {
    const r = run(['曲阳 2023 三公经费'], undefined, env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('13.60万元');
    expect(r.stderr).toContain('以下文件无法导入，回答仍来自上次成功导入的数据库');
    expect(r.stderr).toContain('· zz_broken.txt：不是有效的 UTF-8 文本');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('does not try the rebuild again until the file changes', () => {
    const before = record();
    const r = run(['--json'], '曲阳 2023 三公经费\n北票 2024 三公经费\n', env);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).status)).toEqual(['answered', 'answered']);
    expect(r.stderr).not.toContain('正在从 data/raw 中的文件建立数据库');
    expect(r.stderr.split('zz_broken.txt')).toHaveLength(2);
    expect(record()).toBe(before);
  });

  it('with no good database at all, says so and exits non-zero', () => {
    const lonely = join(dir, 'lonely');
    mkdirSync(lonely);
    writeFileSync(join(lonely, 'only.txt'), '');
    const r = run(['曲阳 2023 三公经费'], undefined, { YUSUAN_RAW_DIR: lonely, YUSUAN_DB: join(dir, 'none.sqlite') });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('无法建立数据库：以下文件无法导入，还没有任何可以回答的数据。');
    expect(r.stderr).toContain('· only.txt：文件是空的');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
