// Every stored figure records how it is corroborated — a passing 勾稽 rule, the prose
// agreeing, nothing, or a failing check — and every table whether an identity confirms
// which money column is which. Asserted on the seeds, against checks read off the raw lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.ts';
import { openSeedStore, rawLine, SEEDS, wan, type Seed } from './helpers.ts';

let store: Store;
beforeAll(() => {
  store = openSeedStore();
});
afterAll(async () => {
  await store.close();
});

interface Cell {
  line: number;
  row_label: string;
  raw_text: string;
  corroboration: string;
  rule: string | null;
  passed: number | null;
}

function cellsOn(seed: Seed, line: number): Cell[] {
  return store.sqlite
    .prepare(
      `select li.line, li.row_label, li.raw_text, li.corroboration, c.rule, c.passed from line_items li
       join documents d on d.id = li.document_id left join checks c on c.id = li.check_id
       where d.file = ? and li.line = ? order by li.id`,
    )
    .all(SEEDS[seed], line) as Cell[];
}

describe('every stored figure says how it is corroborated', () => {
  it('has a corroboration, and one backed by a check of the same document unless it is none or unmapped', () => {
    const bad = store.sqlite
      .prepare(
        `select count(*) from line_items li left join checks c on c.id = li.check_id
         where li.corroboration not in ('rule', 'text', 'none', 'contradicted', 'unmapped')
            or (li.corroboration in ('rule', 'text') and (c.passed is not 1 or c.document_id != li.document_id))
            or (li.corroboration = 'contradicted' and (c.passed is not 0 or c.document_id != li.document_id))
            or (li.corroboration in ('none', 'unmapped') and li.check_id is not null)`,
      )
      .pluck()
      .get();
    expect(bad).toBe(0);
    const facts = store.sqlite
      .prepare(
        `select count(*) from narrative_facts f left join checks c on c.id = f.check_id
         where not ((f.corroboration = 'text' and c.passed = 1 and c.rule = 'text_vs_table')
                 or (f.corroboration = 'contradicted' and c.passed = 0)
                 or (f.corroboration = 'none' and f.check_id is null))`,
      )
      .pluck()
      .get();
    expect(facts).toBe(0);
  });

  it('a figure in a passing sum is corroborated by a rule (抚顺 表3 line 46: 210 = 基本支出 + 项目支出)', () => {
    expect(rawLine(SEEDS.fushun, 46)).toContain('58,434.61\t1,223.30');
    const cells = cellsOn('fushun', 46);
    expect(cells.length).toBeGreaterThanOrEqual(5);
    expect(cells.every((c) => c.corroboration === 'rule' && c.passed === 1)).toBe(true);
  });

  it('both sides of a disagreement two checked tables print are contradicted (莲湖 表1 line 359 vs 表5 line 447)', () => {
    for (const line of [359, 447]) {
      const [cell] = cellsOn('lianhu', line).filter((c) => /卫生健康支出/.test(c.row_label));
      expect(cell).toMatchObject({ corroboration: 'contradicted', rule: 'cross_table', passed: 0 });
    }
  });

  it('the figures of a sum that does not add up are contradicted (抚顺 表6 302 and its rows)', () => {
    expect(cellsOn('fushun', 171).map((c) => [c.raw_text, c.corroboration, c.rule])).toContainEqual(['192.11', 'contradicted', 'hierarchy']);
    expect(cellsOn('fushun', 172).map((c) => [c.raw_text, c.corroboration])).toContainEqual(['23.53', 'contradicted']);
  });

  it('a figure printed once and confirmed only by the prose is corroborated by the text (莲湖 会议费培训费明细表 line 277 = line 270)', () => {
    expect(rawLine(SEEDS.lianhu, 270)).toContain('培训费预算支出0.34万元');
    expect(cellsOn('lianhu', 277).map((c) => [c.raw_text, c.corroboration, c.rule])).toContainEqual(['0.34', 'text', 'text_vs_table']);
  });

  it('a prose figure is text-corroborated or contradicted by the check comparing it (沈阳 line 727; 北票 lines 204, 214)', () => {
    const fact = (seed: Seed, line: number, aspect: string) =>
      store.sqlite
        .prepare(`select f.corroboration, c.rule, c.passed from narrative_facts f join documents d on d.id = f.document_id left join checks c on c.id = f.check_id where d.file = ? and f.line = ? and f.aspect = ?`)
        .all(SEEDS[seed], line, aspect);
    expect(fact('shenyang', 727, 'amount')).toContainEqual({ corroboration: 'text', rule: 'text_vs_table', passed: 1 });
    // 北票 line 204 says 75.54%, the 自评表 75.57%; line 214 says 53.44%, the 自评表 53.49%.
    expect(fact('beipiao', 204, 'execution_rate')).toContainEqual({ corroboration: 'contradicted', rule: 'text_vs_table', passed: 0 });
    expect(fact('beipiao', 214, 'execution_rate')).toContainEqual({ corroboration: 'contradicted', rule: 'text_vs_table', passed: 0 });
  });

  it('the seeds need no column-mapping caution: every multi-column table has an identity across its columns', () => {
    // The one exception is 莲湖 表13, whose header contradicts itself: its figures are already never used.
    const unconfirmed = store.sqlite.prepare(`select d.file, t.number, t.status from source_tables t join documents d on d.id = t.document_id where t.mapping = 'unconfirmed'`).raw().all();
    expect(unconfirmed).toEqual([[SEEDS.lianhu, '表13', 'misaligned']]);
    const mappings = store.sqlite.prepare(`select distinct mapping from source_tables where mapping is not null order by mapping`).pluck().all();
    expect(mappings).toEqual(['confirmed', 'partial', 'single', 'unconfirmed']);
    // A 绩效 block's figures stand beside their own labels (预算资金情况 | 1,440.00): no columns to confuse.
    const performance = store.sqlite.prepare(`select distinct mapping from source_tables where kind = 'performance' and mapping is not null order by mapping`).pluck().all();
    expect(performance).toEqual(['confirmed', 'single']);
    // A table of figures has a mapping; one without any (目录, empty tables) has none.
    expect(store.sqlite.prepare(`select count(*) from source_tables t where mapping is null and exists (select 1 from line_items li where li.table_id = t.id and li.raw_text != '' and li.value_kind = 'money')`).pluck().get()).toBe(0);
  });
});

describe('the 绩效 task lists are checked across their columns', () => {
  it('莲湖 部门整体支出绩效目标表: each task’s 总额 = 财政拨款, and 金额合计 514.21 = the seven tasks (line 777)', () => {
    expect(rawLine(SEEDS.lianhu, 777)).toBe('\t金额合计\t\t514.21\t514.21\t');
    const total = store.sqlite
      .prepare(`select c.passed, c.expected_fen, c.actual_fen, c.lines from checks c join documents d on d.id = c.document_id where d.file = ? and c.rule = 'table_total' and c.subject = '金额合计'`)
      .all(SEEDS.lianhu) as { passed: number; expected_fen: number; actual_fen: number; lines: string }[];
    expect(total).toHaveLength(2);
    for (const t of total) expect([t.passed, t.expected_fen, t.actual_fen]).toEqual([1, wan('514.21'), wan('265.90') + wan('9.31') + wan('20.00') + wan('100.00') + wan('20.00') + wan('69.00') + wan('30.00')]);
    const rows = store.sqlite
      .prepare(`select count(*) from checks c join documents d on d.id = c.document_id where d.file = ? and c.rule = 'row_identity' and c.passed = 1 and c.lines between '[770' and '[777]'`)
      .pluck()
      .get(SEEDS.lianhu);
    expect(rows).toBe(8);
  });

  it('北票 整体绩效自评表: 项目执行率 = 项目执行金额 ÷ 项目下达金额 to the printed rounding (line 661: 72.77 / 72.78 → 100.00%)', () => {
    expect(rawLine(SEEDS.beipiao, 661)).toContain('72.78\t\t72.77\t\t100.00%');
    const rates = store.sqlite
      .prepare(`select c.passed, c.message from checks c join documents d on d.id = c.document_id where d.file = ? and c.rule = 'row_identity' and c.message like '%执行率%'`)
      .all(SEEDS.beipiao) as { passed: number; message: string }[];
    expect(rates).toHaveLength(6);
    expect(rates.every((r) => r.passed === 1)).toBe(true);
    expect(rates.map((r) => r.message)).toContainEqual('基本支出人员经费（保工资）：执行率 100.00% = 72.77万元 ÷ 72.78万元');
  });
});
