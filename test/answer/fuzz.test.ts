// Property: no question can make the engine throw, and asking never changes the
// database. Thousands of generated inputs — random CJK, corpus words in any order,
// digits and huge numbers, punctuation, emoji, control characters, SQL — each
// asked alone and as a follow-up. The engine's boundary guard would turn a throw
// into an apology, so the test watches that guard: it must never have been needed.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, ENGINE_FAILED } from '../../src/answer/engine.ts';
import type { AskResult, Engine } from '../../src/answer/types.ts';
import { databasePath } from '../../src/config.ts';
import { MAX_ITEMS } from '../../src/query/limits.ts';
import { corpus } from '../corpus/corpus.ts';
import { seeded } from '../helpers/random.ts';

const INPUTS = 2500;
const STATUSES = ['answered', 'ambiguous', 'not_found', 'unsupported'];

const random = seeded(20_240_808);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
const repeat = (n: number, make: () => string) => Array.from({ length: n }, make).join('');

const corpusWords = [...new Set(corpus.flatMap((entry) => entry.q.split(/\s+/)))];
const numbers = ['0', '-1', '2.5', '0.5', '1e9', '1e308', 'NaN', 'Infinity', '99999999999', '9'.repeat(40), '9'.repeat(299), '2023', '1900', '2099', '99999', '50%', '３', '二〇二三', '十', '一万五', '一亿亿亿亿亿亿', '〇'.repeat(60), '百分之五十'];
const shapes = ['前', '后', '倒数', '第', '个', '项', '排名', '最高', '最低', '超过', '不到', '以下', '以上', '之间', '万元', '亿元', '元', '%', '分', '比', '多', '少', '相差', '加起来', '人均', '占比', '明细', '比上年', '来源', '为什么', '它', '其中', '最后一个', '那', '呢', '和', '、', '年'];
const punctuation = [...'，。？！、；：“”‘’（）【】《》…—·,.?!;:\'"()[]{}<>/\\|@#$%^&*_+=~`'];
const emoji = ['😀', '👍🏽', '👨‍👩‍👧', '🇨🇳', '\u{1F4B0}', '\uD83D', '\uDE00'];
const controls = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u001b[31m', '\u007f', '\u200b', '\u202e', '\uFEFF', '\uFFFD'];
const sql = ["'; DROP TABLE documents; --", '" OR 1=1 --', 'SELECT * FROM line_items', "1'); DELETE FROM checks; --", 'UNION SELECT sqlite_version()', '%_%', 'ATTACH DATABASE'];

const pieces: (() => string)[] = [
  () => repeat(1 + int(6), () => String.fromCodePoint(0x4e00 + int(0x9fff - 0x4e00))),
  () => pick(corpusWords),
  () => pick(corpusWords),
  () => pick(numbers),
  () => pick(shapes) + pick(numbers),
  () => pick(shapes),
  () => pick(punctuation),
  () => pick(emoji),
  () => pick(controls),
  () => pick(sql),
  () => repeat(1 + int(30), () => String(int(10))),
];

function question(): string {
  const parts = Array.from({ length: 1 + int(7) }, () => pick(pieces)());
  const text = parts.join(pick(['', ' ', '，', '\u3000']));
  // Now and then one far beyond the length limit.
  return random() < 0.02 ? text.repeat(60) : text;
}

function fingerprint(path: string): { sha256: string; mtimeMs: number; size: number } {
  const { mtimeMs, size } = statSync(path);
  return { sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), mtimeMs, size };
}

const failures: { question: string; err: unknown }[] = [];
let engine: Engine;
let before: ReturnType<typeof fingerprint>;

beforeAll(async () => {
  before = fingerprint(databasePath);
  engine = await createEngine({ dbPath: databasePath, onError: (err, q) => failures.push({ question: q, err }) });
});

afterAll(() => {
  expect(fingerprint(databasePath)).toEqual(before);
});

function wellFormed(r: AskResult, asked: string): void {
  expect(STATUSES).toContain(r.status);
  expect(r.query).toBe(asked);
  expect(typeof r.text).toBe('string');
  expect(r.text.length).toBeGreaterThan(0);
  expect(r.text).not.toContain('Infinity');
  expect(r.text).not.toContain('NaN');
  if (r.status !== 'answered') expect(r.answers).toEqual([]);
  for (const a of r.answers) {
    expect(a.source.line).toBeGreaterThanOrEqual(1);
    expect(a.amount_yuan === null || Number.isFinite(a.amount_yuan)).toBe(true);
  }
  expect(r.suggestions.length).toBeLessThanOrEqual(5);
  expect(() => JSON.stringify(r)).not.toThrow();
}

describe('generated questions', () => {
  it(`${INPUTS} of them, alone and as follow-ups: no throw, a well-formed answer, the database unchanged`, () => {
    let context: AskResult['context'];
    for (let i = 0; i < INPUTS; i++) {
      const q = question();
      const alone = engine.ask(q);
      wellFormed(alone, q);
      // The same question continuing whatever the previous one left.
      const followUp = engine.ask(q, context);
      wellFormed(followUp, q);
      context = alone.context ?? context;
    }
    expect(failures.map(({ question: q, err }) => `${JSON.stringify(q)}: ${String(err)}`)).toEqual([]);
    expect(fingerprint(databasePath)).toEqual(before);
  });
});

describe('counts typed in a question are read as counts, and the answer says how', () => {
  const listed = (r: AskResult) => r.text.split('\n').filter((line) => /^\d+\. /.test(line)).length;

  it.each([
    ['抚顺 项目支出 前2.5', '“前2.5”按前2项理解', 2],
    ['抚顺 项目支出 前0', '“前0”按前1项理解', 1],
    ['抚顺 项目支出 后0', '“后0”按后1项理解', 1],
    ['抚顺 项目支出 前99999999999', `“前99999999999”按前${MAX_ITEMS}项理解`, 22],
    ['抚顺 项目支出 排名 2.5', '“2.5”按前2项理解', 2],
  ])('%s', (q, note, count) => {
    const r = engine.ask(q);
    expect(r.status).toBe('answered');
    expect(r.text.split('\n')[0]).toContain(note);
    expect(listed(r)).toBe(count);
  });

  it('a whole count as typed gets no note', () => {
    const r = engine.ask('抚顺 项目支出 前3');
    expect(r.text).not.toContain('理解（');
    expect(listed(r)).toBe(3);
  });

  it('an amount beyond any budget is refused, saying so', () => {
    const r = engine.ask('抚顺 超过99999999999999亿元的项目');
    expect(r.status).toBe('unsupported');
    expect(r.text).toContain('超出了任何预算数字的范围');
  });

  it('a numeral too large to be exact stays words, never Infinity', () => {
    const r = engine.ask(`抚顺 超过一${'亿'.repeat(40)}元的项目`);
    expect(r.text).not.toContain('Infinity');
  });

  it('the guard answers with an apology, never a figure, when answering throws', async () => {
    const seen: string[] = [];
    const broken = await createEngine({ dbPath: databasePath, onError: (_, q) => seen.push(q) });
    // A context that is no query at all: a caller's bug the guard must absorb.
    const r = broken.ask('那2022年呢', { query: { entities: 42 } });
    expect(r).toMatchObject({ status: 'unsupported', text: ENGINE_FAILED, answers: [] });
    expect(seen).toEqual(['那2022年呢']);
  });
});
