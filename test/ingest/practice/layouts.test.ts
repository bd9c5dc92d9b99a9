// Hand-written documents, one per layout mechanism the writer's families do not print (test/fixtures/practice/
// layouts/, each with its manifest): “三公” tables printed transposed (years, 增减额 and 增减幅度 as rows, the items
// across, short item names beside their parent, blank cells, a period line and 表N between the unit and the header)
// or by unit with 合计 last and the unit after the title; 功能分类汇总表 printed transposed (measures as rows, 类 as
// columns, their codes on a second header line or none, in 万元 or 元); 近两年对比表 (years, 增减额 and 增减率 as rows, measures as
// columns); an 一般公共预算支出表 naming its subjects without codes, long names wrapped onto a line of their own (the
// figures on the first line or the last), its two header lines repeated after a page break; a 部门整体 and a
// 项目支出绩效自评表 whose indicators print operator, value and unit in one cell (≥240人次, ≤0.9‰) and a 实际完成值
// (271人次, 0.3‰: stored with its number and unit next to the target). Every figure is read with its meaning, each
// percentage as a percentage, and every table's figures take part in an identity — within the table or with
// another — none of which fails.
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/ingest/run.ts';
import { compare, failures, fixtures, misses, recall } from './truth.ts';
import { exact } from './variants.ts';

describe.each(fixtures('layouts').map((fx) => [fx.name, fx] as const))('%s', (_, fx) => {
  const p = readDocument(`${fx.name}.txt`, '', fx.text);
  const tables = p.doc.tables;
  const cells = tables.flatMap((t) => t.cells);

  it('reads every figure with its meaning, none with a wrong one', () => {
    expect(exact(fx)).toEqual([]);
    const reads = compare(p, fx.truth);
    expect(reads.filter((r) => r.verdict === 'wrong_meaning').length, misses(reads, 10)).toBe(0);
    expect(recall(reads), misses(reads, 10)).toBe(1);
    expect(p.doc.meta.unit).toBe(fx.truth.meta.amount_unit);
  });

  it('stores percentages as percentages, a blank never as a rate, and no “三公” money figure without its item', () => {
    // Indicator values (≥95%, done 99%) are stored with their indicator, not as figure cells.
    const percents = fx.truth.figures.filter((f) => f.kind === 'percent' && !f.indicator);
    for (const f of percents) expect(cells.find((c) => c.line === f.line && c.raw === f.raw)?.valueKind, `${f.row} ${f.column}`).toBe('percent');
    expect(cells.filter((c) => c.raw === '' && /change_rate|rate/.test(c.column.key)).map((c) => `${c.line} ${c.rowLabel}`)).toEqual([]);
    const threePublic = tables.filter((t) => t.kind === 'three_public').flatMap((t) => t.cells);
    expect(threePublic.filter((c) => c.valueKind === 'money' && c.column.key !== 'unknown' && c.metric === null)).toEqual([]);
  });

  it('checks every table’s figures, within the table or against another, and none fails', () => {
    for (const t of fx.truth.tables) {
      const checked = p.checks.some((c) => c.passed && c.cells.some((x) => x.line >= t.start && x.line <= t.end));
      expect(checked, `${t.title} (lines ${t.start}–${t.end})`).toBe(true);
    }
    expect(failures(p.checks).map((c) => c.message)).toEqual([]);
    expect(p.review.truncation).toBeNull();
  });
});
