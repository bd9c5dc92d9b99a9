// The consistency report (勾稽关系) of each seed: exactly which checks fail — each a
// finding about the source, with its lines — and that every other check passes.
// Passing checks of every rule kind are shown to have run on figures verified here
// by hand from the raw lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawDir } from '../../src/config.ts';
import { documentReport } from '../../src/ingest/report.ts';
import { readDocument } from '../../src/ingest/run.ts';
import type { Store } from '../../src/store/db.ts';
import type { CheckRow as StoredCheck } from '../../src/store/schema.ts';
import { noSpaces, openSeedStore, rawLine, SEEDS, wan, yuan, type Seed } from './helpers.ts';

let store: Store;
beforeAll(() => {
  store = openSeedStore();
});
afterAll(async () => {
  await store.close();
});

type CheckRow = Omit<StoredCheck, 'id' | 'document_id' | 'table_id'> & { table_number: string | null };

function checksOf(seed: Seed): CheckRow[] {
  return store.sqlite
    .prepare(
      `select c.rule, c.subject, c.passed, c.expected_fen, c.actual_fen, c.difference_fen, c.tolerance_fen, c.lines, c.message,
              t.number as table_number
       from checks c join documents d on d.id = c.document_id left join source_tables t on t.id = c.table_id
       where d.file = ? order by c.id`,
    )
    .all(SEEDS[seed]) as CheckRow[];
}

const failed = (seed: Seed) => checksOf(seed).filter((c) => c.passed === 0);
const linesOf = (c: CheckRow) => JSON.parse(c.lines) as number[];

/** The one passing check of `rule` whose lines include all of `lines` and whose subject contains `subject`. */
function passing(seed: Seed, rule: string, subject: string, lines: number[]): CheckRow[] {
  return checksOf(seed).filter((c) => c.rule === rule && c.passed === 1 && c.subject.includes(subject) && lines.every((l) => linesOf(c).includes(l)));
}

describe('抚顺: one finding — 302 商品和服务支出 lacks the row whose code is misprinted 030239', () => {
  it('fails only that hierarchy check, and its gap is line 190’s 32.32', () => {
    const f = failed('fushun');
    expect(f.map((c) => [c.rule, c.subject, c.table_number])).toEqual([['hierarchy', '302 商品和服务支出', '表6']]);
    const [c] = f;
    // 表6 line 171: 302 … 192.11 in the 合计 column; its children (lines 172–174, 186–191) add up to 159.79 without line 190.
    expect(c!.expected_fen).toBe(wan('192.11'));
    expect(c!.actual_fen).toBe(wan('159.79'));
    expect(c!.difference_fen).toBe(wan('32.32'));
    expect(linesOf(c!)).toEqual([171, 172, 173, 174, 186, 187, 188, 189, 190, 191]);
    expect(rawLine(SEEDS.fushun, 190)).toBe('030239\t其他交通费用\t32.32\t32.32\t');
    expect(c!.message).toContain('030239');
    expect(c!.message).toContain('第190行');
    // The gap is exactly the misprinted row's figure.
    const row190 = store.sqlite
      .prepare(`select amount_fen from line_items li join documents d on d.id = li.document_id where d.file = ? and li.line = 190 and li.column_key = 'basic'`)
      .pluck()
      .get(SEEDS.fushun);
    expect(c!.difference_fen).toBe(row190);
  });

  it('passes its other checks of every kind', () => {
    // 表6 line 161: 301 工资福利支出 1,319.71 = lines 162–170.
    expect(passing('fushun', 'hierarchy', '301', [161, 162, 170])).not.toHaveLength(0);
    // 表3 line 39: 合计 58,733.91 = 208 180.63 + 210 58,434.61 + 221 118.67.
    const total = passing('fushun', 'table_total', '合计', [39, 40, 46, 74]).find((c) => c.expected_fen === wan('58,733.91'));
    expect(total?.actual_fen).toBe(wan('180.63') + wan('58,434.61') + wan('118.67'));
    // 表3 line 46: 210 合计 58,434.61 = 基本支出 1,223.30 + 项目支出 57,211.31.
    expect(passing('fushun', 'row_identity', '210', [46]).map((c) => c.expected_fen)).toContain(wan('1,223.30') + wan('57,211.31'));
    // 表7 line 206: 5.80 = 因公出国 (blank) + 公务用车 5.80 + 公务接待 (blank).
    expect(passing('fushun', 'three_public', '“三公”经费', [206]).map((c) => c.actual_fen)).toEqual([wan('5.80')]);
    // 表9 line 233: 抚顺市医疗保障局本级 261.80 = its eleven projects (lines 234–277).
    const unit = passing('fushun', 'unit_subtotal', '抚顺市医疗保障局本级', [233, 234, 252, 277]);
    expect(unit.map((c) => c.expected_fen)).toContain(wan('261.80'));
    // 表1 line 27: 收入总计 58,733.91 = 支出总计 58,733.91.
    expect(passing('fushun', 'balance', '', [27])).not.toHaveLength(0);
    // 表1 line 16 vs 表3 line 46: 210 卫生健康支出 58,434.61 in both.
    expect(passing('fushun', 'cross_table', '卫生健康支出', [16, 46])).not.toHaveLength(0);
    // 表9 line 232: 总计 = 本年收入/合计.
    expect(passing('fushun', 'fund_identity', '合计', [232])).not.toHaveLength(0);
  });
});

describe('莲湖: one finding — 卫生健康支出 differs between 表1 and 表5', () => {
  it('fails only that cross-table check (lines 359, 447)', () => {
    const f = failed('lianhu');
    expect(f.map((c) => [c.rule, c.subject, linesOf(c)])).toEqual([['cross_table', '10、卫生健康支出', [359, 447]]]);
    expect(f[0]!.expected_fen).toBe(yuan('4,674,895.32'));
    expect(f[0]!.actual_fen).toBe(yuan('4,678,255.32'));
    expect(rawLine(SEEDS.lianhu, 359)).toContain('4,674,895.32');
    expect(rawLine(SEEDS.lianhu, 447)).toContain('4,678,255.32');
  });

  it('passes its other checks of every kind', () => {
    // Prose line 194: 2080505 24.44万元 vs 表5 line 446: 244,421.27元 (one printed 0.01万元 apart at most).
    const text = passing('lianhu', 'text_vs_table', '', [194, 446]);
    expect(text.map((c) => [c.expected_fen, c.actual_fen])).toContainEqual([wan('24.44'), yuan('244,421.27')]);
    // 表10: 专用项目 2,390,000.00 (line 592) = its four groups.
    expect(passing('lianhu', 'project_hierarchy', '专用项目', [592, 593, 595, 597, 599])).toHaveLength(1);
    expect(passing('lianhu', 'table_total', '合计', [443, 444, 447, 455])).not.toHaveLength(0);
    expect(passing('lianhu', 'hierarchy', '21015', [451, 452, 453, 454])).not.toHaveLength(0);
    expect(passing('lianhu', 'fund_identity', '合计', [391])).toHaveLength(1);
    expect(passing('lianhu', 'balance', '', [378])).not.toHaveLength(0);
  });
});

describe('沈阳: 表4’s shifted labels and 表11’s reprinted rows are findings', () => {
  it('reports 表4’s one-row shift of the expenditure labels (lines 168–170)', () => {
    const shift = failed('shenyang').filter((c) => c.rule === 'label_alignment');
    expect(shift).toHaveLength(1);
    expect(linesOf(shift[0]!)).toEqual([168, 169, 170]);
    expect(shift[0]!.table_number).toBe('表4');
    // Line 169 prints 社会保障和就业支出 next to 234,797.91 — 卫生健康支出’s figure in 表1 (line 104).
    expect(rawLine(SEEDS.shenyang, 169)).toContain('社会保障和就业支出\t234,797.91');
    expect(rawLine(SEEDS.shenyang, 104)).toContain('卫生健康支出\t234,797.91');
    expect(shift[0]!.message).toContain('错开一行');
    // The shifted figures are kept as printed, flagged, and kept out of the other checks.
    const flagged = store.sqlite
      .prepare(`select distinct li.line from line_items li join documents d on d.id = li.document_id where d.file = ? and li.flags like '%label_shift_suspected%' order by li.line`)
      .pluck()
      .all(SEEDS.shenyang);
    expect(flagged).toEqual([168, 169, 170]);
    expect(checksOf('shenyang').filter((c) => c.rule !== 'label_alignment' && linesOf(c).some((l) => l >= 168 && l <= 170))).toEqual([]);
  });

  it('reports 表11’s rows printed twice (lines 359–361 repeat 349–351) and nothing else', () => {
    const f = failed('shenyang');
    expect(f.map((c) => [c.rule, linesOf(c)])).toEqual([
      ['duplicate_rows', [359]],
      ['duplicate_rows', [360]],
      ['duplicate_rows', [361]],
      ['label_alignment', [168, 169, 170]],
    ]);
    for (const [again, first] of [[359, 349], [360, 350], [361, 351]] as const) {
      expect(noSpaces(rawLine(SEEDS.shenyang, again))).toBe(noSpaces(rawLine(SEEDS.shenyang, first)));
    }
  });

  it('passes its other checks of every kind', () => {
    // 表1 line 114: 收入总计 236,023.06 = 本年收入合计 235,791.06 (line 112) + 上年结转结余 232.00 (line 113).
    const balance = passing('shenyang', 'balance', '', [112, 113, 114]);
    expect(balance.map((c) => c.actual_fen)).toContain(wan('235,791.06') + wan('232.00'));
    // 表7 line 263: 2022 5.65 = 4.80 + 0.85; 2023 23.65 = 22.80 + 0.85.
    const three = passing('shenyang', 'three_public', '“三公”经费', [263]).map((c) => [c.expected_fen, c.actual_fen]);
    expect(three).toContainEqual([wan('5.65'), wan('4.80') + wan('0.85')]);
    expect(three).toContainEqual([wan('23.65'), wan('22.80') + wan('0.85')]);
    // 表9: 沈阳市医疗保障事务服务中心 229,901.83 (line 286) = its projects, incl. the broken 53,704.00 (lines 294/296).
    expect(passing('shenyang', 'unit_subtotal', '沈阳市医疗保障事务服务中心', [286, 294]).map((c) => c.expected_fen)).toContain(wan('229,901.83'));
    expect(passing('shenyang', 'hierarchy', '21015', [201, 203, 204])).not.toHaveLength(0);
    expect(passing('shenyang', 'table_total', '合计', [136, 137, 143, 153])).not.toHaveLength(0);
    expect(passing('shenyang', 'fund_identity', '合计', [125])).not.toHaveLength(0);
    expect(passing('shenyang', 'row_identity', '210', [143])).not.toHaveLength(0);
    expect(passing('shenyang', 'cross_table', '卫生健康支出', [104, 143])).not.toHaveLength(0);
    // Prose line 727: “三公”经费 23.65 万元 = 表7.
    expect(passing('shenyang', 'text_vs_table', '', [727, 263])).not.toHaveLength(0);
  });
});

describe('北票: two execution rates differ between the prose and the 自评表', () => {
  it('fails only those two text-vs-table checks', () => {
    const f = failed('beipiao');
    expect(f.map((c) => [c.rule, linesOf(c)])).toEqual([
      ['text_vs_table', [204, 700]],
      ['text_vs_table', [214, 830]],
    ]);
    expect(f[0]!.message).toContain('75.54%');
    expect(f[0]!.message).toContain('75.57%');
    expect(f[1]!.message).toContain('53.44%');
    expect(f[1]!.message).toContain('53.49%');
    // Line 204 says 完成预算的 75.54%; the 自评表 of the same project (line 703) prints 75.57%.
    expect(rawLine(SEEDS.beipiao, 204)).toContain('75.54%');
    expect(rawLine(SEEDS.beipiao, 703)).toContain('75.57%');
    expect(rawLine(SEEDS.beipiao, 214)).toContain('53.44%');
    expect(rawLine(SEEDS.beipiao, 833)).toContain('53.49%');
  });

  it('passes its other checks of every kind', () => {
    // 公开06表: 302 商品和服务支出 74.30 (line 542) = its rows including the realigned 3029 1.27 (line 569).
    const h = passing('beipiao', 'hierarchy', '302', [542, 569]);
    expect(h.map((c) => c.expected_fen)).toEqual([wan('74.30')]);
    // 公开07表: 决算 1.66 = 0 + 0 + 1.66; 预算 2.38 = 0 + 0 + 2.38 (line 594, 597).
    expect(passing('beipiao', 'three_public', '“三公”经费', [594, 597]).map((c) => c.expected_fen).sort()).toEqual([wan('1.66'), wan('2.38')].sort());
    // Prose line 120: 社会保障和就业支出 72.83 万元 = 公开02/03/05表.
    expect(passing('beipiao', 'text_vs_table', '社会保障和就业支出', [120])).not.toHaveLength(0);
    // Prose line 208/210 says 44.68%, the 自评表 (line 789) 44.69%: within the last printed digit.
    expect(passing('beipiao', 'text_vs_table', '离休医疗保障', [210, 786])).toHaveLength(1);
    expect(passing('beipiao', 'balance', '', [345])).not.toHaveLength(0);
    expect(passing('beipiao', 'table_total', '合计', [406])).not.toHaveLength(0);
    // 公开05表 line 507: 210 1,350.67 = 基本支出 460.74 + 项目支出 889.93.
    expect(passing('beipiao', 'row_identity', '210', [507]).map((c) => c.actual_fen)).toEqual([wan('460.74') + wan('889.93')]);
    expect(passing('beipiao', 'cross_table', '卫生健康支出', [322])).not.toHaveLength(0);
  });

  it('checks the rows of 公开02表 and 公开03表 add up across their columns', () => {
    // 公开03表 line 413: 本年支出合计 1,350.67 = 基本支出 460.74 + 项目支出 889.93;
    // 公开02表 line 371: 本年收入合计 1,350.67 = 财政拨款收入 1,350.67 (the other sources blank).
    expect(rawLine(SEEDS.beipiao, 413)).toBe('210\t卫生健康支出\t1,350.67\t460.74\t889.93\t\t\t');
    expect(rawLine(SEEDS.beipiao, 371)).toBe('210\t卫生健康支出\t1,350.67\t1,350.67\t\t\t\t\t');
    const across = (line: number) =>
      checksOf('beipiao').filter((c) => (c.rule === 'row_identity' || c.rule === 'fund_identity') && linesOf(c).includes(line));
    expect(across(413).map((c) => [c.passed, c.expected_fen, c.actual_fen])).toContainEqual([1, wan('1,350.67'), wan('460.74') + wan('889.93')]);
    expect(across(371).map((c) => [c.passed, c.expected_fen, c.actual_fen])).toContainEqual([1, wan('1,350.67'), wan('1,350.67')]);
  });
});

describe('曲阳: no findings', () => {
  it('fails no check', () => {
    expect(failed('quyang')).toEqual([]);
    expect(checksOf('quyang').length).toBeGreaterThan(300);
  });

  it('passes checks of every kind', () => {
    // 部门政府采购预算 line 655: 曲阳县医疗保障局小计 34.00 = 14.00 + 12.00 + 4.20 + 3.80 (lines 656–659).
    const unit = passing('quyang', 'unit_subtotal', '曲阳县医疗保障局', [655, 656, 657, 658, 659]);
    expect(unit.map((c) => c.actual_fen)).toContain(wan('14.00') + wan('12.00') + wan('4.20') + wan('3.80'));
    // 三公 line 372: 公务用车购置及运维费 13.60 = 12.00 + 1.60.
    expect(passing('quyang', 'three_public', '公务用车', [372, 373, 374]).map((c) => c.expected_fen)).toContain(wan('13.60'));
    expect(passing('quyang', 'cross_table', '卫生健康支出', [50])).not.toHaveLength(0);
    expect(passing('quyang', 'hierarchy', '21015', [159, 160, 171, 172, 173])).not.toHaveLength(0);
    expect(passing('quyang', 'table_total', '合计', [143])).not.toHaveLength(0);
    expect(passing('quyang', 'row_identity', '合计', [143])).not.toHaveLength(0);
    expect(passing('quyang', 'fund_identity', '合计', [97])).not.toHaveLength(0);
    expect(passing('quyang', 'balance', '', [84])).not.toHaveLength(0);
    // Prose line 434: “三公”经费 13.60 万元; its parts in the 三公 table (lines 372–374).
    expect(passing('quyang', 'text_vs_table', '', [434])).not.toHaveLength(0);
    // The table prints no 三公 total: the prose's 13.60 is checked against its three items (lines 371, 372, 375; two blank).
    expect(passing('quyang', 'text_vs_table', '三公', [434, 371, 372, 375]).map((c) => c.actual_fen)).toEqual([wan('13.60')]);
  });
});

describe('across the seeds', () => {
  it('runs every rule kind, with passing checks of each', () => {
    const kinds = store.sqlite.prepare('select distinct rule from checks where passed = 1').pluck().all() as string[];
    for (const rule of ['hierarchy', 'table_total', 'row_identity', 'fund_identity', 'balance', 'three_public', 'unit_subtotal', 'cross_table', 'text_vs_table']) {
      expect(kinds).toContain(rule);
    }
  });

  it('lists the same findings in the failed_checks view', () => {
    const rows = store.sqlite.prepare('select file, rule, lines from failed_checks order by file, rule, lines').raw().all();
    expect(rows).toEqual([
      [SEEDS.fushun, 'hierarchy', '[171,172,173,174,186,187,188,189,190,191]'],
      [SEEDS.lianhu, 'cross_table', '[359,447]'],
      [SEEDS.shenyang, 'duplicate_rows', '[359]'],
      [SEEDS.shenyang, 'duplicate_rows', '[360]'],
      [SEEDS.shenyang, 'duplicate_rows', '[361]'],
      [SEEDS.shenyang, 'label_alignment', '[168,169,170]'],
      [SEEDS.beipiao, 'text_vs_table', '[204,700]'],
      [SEEDS.beipiao, 'text_vs_table', '[214,830]'],
    ]);
  });

  it('gives the same findings when the checks run on a freshly parsed document, and reports them', () => {
    const parsed = readDocument(SEEDS.shenyang, '', readFileSync(join(rawDir, SEEDS.shenyang), 'utf8'));
    const { checks } = parsed;
    const failures = checks.filter((c) => !c.passed).map((c) => [c.rule, c.lines]);
    expect(failures).toEqual([
      ['duplicate_rows', [359]],
      ['duplicate_rows', [360]],
      ['duplicate_rows', [361]],
      ['label_alignment', [168, 169, 170]],
    ]);
    expect(checks.length).toBe(checksOf('shenyang').length);
    const report = documentReport(parsed);
    expect(report).toContain('[label_alignment] 表4支出栏科目名称与金额错开一行');
    expect(report).toContain('4 项未通过');
  });
});
