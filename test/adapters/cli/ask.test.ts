// The CLI and its JSON contract, run as a user runs it (through the bundling launcher).
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/config.ts';

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(projectRoot, 'scripts', 'run.mjs'), 'ask', ...args], { input, encoding: 'utf8', timeout: 60_000 });

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
    expect(obj.answers.map((a: { amount_yuan: number }) => a.amount_yuan)).toEqual([1800000, 1826400]);
    for (const a of obj.answers) {
      expect(Object.keys(a)).toEqual(['entity', 'year', 'stage', 'label', 'amount_yuan', 'value', 'unit', 'source', 'as_of', 'corroboration']);
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

  it('refuses without a question and without --json', () => {
    const r = run([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('用法');
  });
});
