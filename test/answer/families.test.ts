// Questions about the practice documents of the template families, answered from their
// tables: each figure is the one the manifest gives for that line (test/fixtures/practice).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.ts';
import type { Engine } from '../../src/answer/types.ts';
import { ingest } from '../../src/ingest/run.ts';
import { FIXTURES, fixtures } from '../ingest/practice/truth.ts';

const FAMILIES = ['hunan-budget', 'yunnan-final', 'jiangxi-budget-yuan', 'performance'];
let dir: string;
let engine: Engine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yusuan-families-'));
  const raw = join(dir, 'raw');
  mkdirSync(raw);
  for (const family of FAMILIES) for (const f of readdirSync(join(FIXTURES, family)).filter((f) => f.endsWith('.txt'))) copyFileSync(join(FIXTURES, family, f), join(raw, f));
  await ingest({ rawDir: raw, dbPath: join(dir, 'budget.sqlite') });
  engine = await createEngine({ dbPath: join(dir, 'budget.sqlite') });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The manifest's figure printed on `line` of the document with `row` and `column` (substrings), in 元. */
function truth(name: string, line: number, row: string, column = ''): number {
  const fx = FAMILIES.flatMap(fixtures).find((f) => f.name === name)!;
  const f = fx.truth.figures.find((x) => x.line === line && x.row.includes(row) && x.column.includes(column) && x.kind === 'money')!;
  return f.amount_fen! / 100;
}

describe('the families answer from their tables', () => {
  it('a unit’s “三公” row with its own parts (湖南 表7 by unit)', () => {
    const r = engine.ask('麻阳 水利工程管理站 2024 三公经费');
    expect(r.status, r.text).toBe('answered');
    expect(r.answers[0]).toMatchObject({ entity: '麻阳苗族自治县水利工程管理站', amount_yuan: truth('hunan_mayang_shuili_2024', 247, '水利工程管理站', '合计') });
    // Every part is the unit's own row's, never the department's 合计 row's.
    for (const a of r.answers) expect(a.source.line).toBe(247);
  });

  it('the department’s “三公” total from the 合计 row (湖南)', () => {
    const r = engine.ask('麻阳 2024 三公经费');
    expect(r.answers[0]).toMatchObject({ entity: '麻阳苗族自治县水利局', amount_yuan: truth('hunan_mayang_shuili_2024', 245, '合计', '合计'), source: { line: 245 } });
  });

  it('a subject of a 决算 from 公开03表, corroborated (云南)', () => {
    const r = engine.ask('楚雄 2023 卫生健康支出');
    expect(r.answers[0]).toMatchObject({ amount_yuan: truth('yunnan_chuxiong_weijian_2023', 130, '210', '本年支出合计'), corroboration: 'rule' });
  });

  it('机关运行经费 from 公开10表, the prose agreeing (云南)', () => {
    const r = engine.ask('楚雄 2023 机关运行经费');
    expect(r.answers[0]).toMatchObject({ amount_yuan: truth('yunnan_chuxiong_weijian_2023', 335, '机关运行经费'), source: { line: 335 }, corroboration: 'text' });
  });

  it('“三公”经费 in 元 from a 上年 | 本年 | 增减额 | 增减幅度 table, this year’s column (江西)', () => {
    const r = engine.ask('上犹 2024 三公经费');
    expect(r.answers[0]).toMatchObject({ amount_yuan: truth('jiangxi_shangyou_jiaoti_2024', 329, '合计', '2024'), source: { line: 329 } });
  });

  it('a project’s amount spent from its 自评表, the budget beside it (绩效)', () => {
    const r = engine.ask('长春朝阳区民政局 2023 特困人员救助供养资金');
    expect(r.answers[0]).toMatchObject({ stage: '决算', amount_yuan: truth('perf_changchun_chaoyang_minzheng_2023_zeping', 14, '年度资金总额', '全年执行数') });
  });
});
