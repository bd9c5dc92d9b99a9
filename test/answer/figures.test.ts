// Choosing the figures an answer states (src/answer/figures.ts): the same figure printed in two tables
// is said once; two units' figures are two answers, even when they happen to be equal.
import { describe, expect, it } from 'vitest';
import { distinctByValue, percentValue, type Figure } from '../../src/answer/figures.ts';
import { percent } from '../../src/answer/format.ts';
import type { CatalogDocument } from '../../src/query/catalog.ts';

const doc = { id: 1, display: '某县民政局2024年部门预算' } as CatalogDocument;

const figure = (entity: string, table: string, line: number, fen: number): Figure => ({
  document: doc,
  entity,
  year: 2024,
  basis: '预算',
  label: '公务接待费',
  fen,
  value: null,
  unit: null,
  printedIn: '万元',
  table,
  column: '合计',
  line,
  raw: (fen / 1_000_000).toFixed(2),
  precision: 100,
  change: null,
  rank: line,
});

describe('distinctByValue', () => {
  it('says the same unit’s figure printed in two tables once', () => {
    const kept = distinctByValue([figure('某县民政局', '表3', 30, 2_000_000), figure('某县民政局', '表7', 70, 2_000_000)]);
    expect(kept.map((f) => f.line)).toEqual([30]);
  });

  it('keeps two units’ equal figures apart', () => {
    const kept = distinctByValue([figure('某县社会福利院', '表7', 71, 2_000_000), figure('某县殡仪馆', '表7', 72, 2_000_000)]);
    expect(kept.map((f) => f.entity)).toEqual(['某县社会福利院', '某县殡仪馆']);
  });
});

describe('a small share is never rounded to zero or up', () => {
  it('keeps two decimals from 0.01%, and two significant digits below it', () => {
    // 抚顺 医保支付方式改革 5.05万元 of 项目支出 57,211.31万元: 0.0088%, not 0.01%; 举报奖励费 1.00万元: 0.0017%, not 0.00%.
    expect(percentValue(50_500 / 572_113_100)).toBe(0.0088);
    expect(percentValue(10_000 / 572_113_100)).toBe(0.0017);
    expect(percentValue(59_400 / 572_113_100)).toBe(0.01);
    expect(percentValue(-50_500 / 572_113_100)).toBe(-0.0088);
    expect(percentValue(0)).toBe(0);
    expect(percent(0.0088)).toBe('0.0088%');
    expect(percent(0.007)).toBe('0.007%');
    expect(percent(12.5)).toBe('12.50%');
  });
});
