// A question about every department (各部门X, 哪个部门X最高) gives each department the very figure a question about
// that department alone gives — the same cell of the same table — and reads each figure's look-up once for all
// departments: no look-up of one document's figures runs while it is answered, so its cost does not grow with
// the number of departments by one query each (the same statements run over ten documents as over five).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.ts';
import type { AnswerItem, Engine } from '../../src/answer/types.ts';
import { synthesizeCorpus } from '../../src/bench/corpus.ts';
import { databasePath, rawDir } from '../../src/config.ts';
import { ingest } from '../../src/ingest/run.ts';
import { testEngine } from '../helpers/engine.ts';

/** Figures and subjects of every kind a set is asked about: prose and table metrics, measures, subjects, counts. */
const TARGETS = ['三公经费', '机关运行经费', '支出总计', '收入总计', '基本支出', '项目支出', '人员经费', '公用经费', '会议费', '培训费', '公务接待费', '卫生健康支出', '政府采购', '财政拨款收入', '车辆'];

const cell = (a: AnswerItem) => ({ document: a.source.document, table: a.source.table, line: a.source.line, raw: a.source.raw, amount: a.amount_yuan, value: a.value, stage: a.stage });

describe('questions about every department', () => {
  it('give each department the figure its own look-up gives', async () => {
    const engine = await testEngine();
    const departments = [...new Set(engine.catalog().map((d) => d.department))];
    let compared = 0;
    for (const target of TARGETS) {
      const set = engine.ask(`各部门${target}`);
      for (const department of departments) {
        const own = engine.ask(`${department} ${target}`);
        const inSet = set.answers.filter((a) => !a.derived && a.source.document.startsWith(department));
        if (own.status !== 'answered') {
          expect(inSet, `${target} ${department}`).toEqual([]);
          continue;
        }
        expect(inSet.length, `${target} ${department}: ${set.text}`).toBeGreaterThan(0);
        expect(cell(inSet[0]!), `${target} ${department}`).toEqual(cell(own.answers[0]!));
        // Any other is the same figure printed elsewhere, rounded (莲湖 支出总计: 正文 514.21万元 beside 表1's 元), said which is cited.
        for (const other of inSet.slice(1)) {
          expect(other.source.line, `${target} ${department}`).not.toBe(inSet[0]!.source.line);
          expect(Math.abs(other.amount_yuan! - inSet[0]!.amount_yuan!), `${target} ${department}`).toBeLessThan(50);
          expect(set.text).toContain(`引用`);
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('say which departments print only a part of the figure (a 基本支出 table’s row) beside others’ whole', async () => {
    const engine = await testEngine();
    const r = engine.ask('哪个医保局的工资福利支出最多');
    // 沈阳 表11 line 348: 21,902.21 for all funds; 抚顺 prints 工资福利支出 only in its 基本支出 table (表6 line 161).
    expect(r.text).toContain('沈阳市医疗保障事务服务中心（2023年预算）：21,902.21万元');
    expect(r.text).toContain('抚顺市医疗保障局（2024年预算，仅基本支出）：1,319.71万元');
    expect(r.text).toContain('口径不同');
    const whole = engine.ask('各部门支出总计');
    expect(whole.text).not.toMatch(/年[预决]算，仅/);
    expect(whole.text).not.toContain('口径不同');
  });

  it('run the same statements whatever the number of documents, none of them about one document', async () => {
    // The seeds, and the seeds with five copies under other departments' names: a set question and its answer's
    // warnings run as many statements over ten documents as over five, none of them looking up one document.
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-sets-'));
    try {
      synthesizeCorpus(10, rawDir, join(dir, 'raw'));
      await ingest({ rawDir: join(dir, 'raw'), dbPath: join(dir, 'budget.sqlite') });
      // Fresh engines: nothing kept from other questions.
      const [five, ten] = await Promise.all([createEngine({ dbPath: databasePath }), createEngine({ dbPath: join(dir, 'budget.sqlite') })]);
      expect(ten.catalog()).toHaveLength(10);
      for (const q of SET_QUESTIONS) {
        const [a, b] = [statementsOf(five, q), statementsOf(ten, q)];
        const figures = a.filter((sql) => /from "(line_items|narrative_facts)"/.test(sql));
        expect(figures.length, q).toBeGreaterThan(0);
        for (const sql of [...a, ...b]) expect(sql, q).not.toMatch(/"document_id" = \?|"documents"[^]*"id" = \?/);
        // In the order the departments come, which the names decide: the same statements, as many times each — but for
        // the lexicon's stored parts, read by block of phrases, which fall apart differently as the lexicon grows with names.
        const looked = (runs: string[]) => runs.filter((sql) => !/from startup_artefacts/.test(sql)).sort();
        expect(looked(b), q).toEqual(looked(a));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Rankings, a sum, a share and a condition over every department, and a ranking of every department's projects by score. */
const SET_QUESTIONS = [...TARGETS.map((t) => `哪个部门${t}最高`), '各部门会议费合计', '各部门人员经费占基本支出的比例', '哪些部门三公经费超过10万', '哪个部门的项目自评得分最高'];

/** The statements better-sqlite3 runs while the engine answers `q` (kysely runs through it too), in order. */
function statementsOf(engine: Engine, q: string): string[] {
  const probe = new SQLite(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<'all' | 'get' | 'iterate', (...params: unknown[]) => unknown>;
  probe.close();
  const runs: string[] = [];
  const originals = (['all', 'get', 'iterate'] as const).map((name) => [name, statement[name]] as const);
  for (const [name, original] of originals) {
    statement[name] = function (this: SQLite.Statement, ...params: unknown[]) {
      runs.push(this.source);
      return original.apply(this, params);
    };
  }
  try {
    expect(engine.ask(q).status, q).toBe('answered');
  } finally {
    for (const [name, original] of originals) statement[name] = original;
  }
  return runs;
}
