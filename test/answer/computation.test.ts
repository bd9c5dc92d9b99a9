// Sums and differences of figures that are no money (scores, rates, counts) keep the places their inputs are stored to;
// two figures in different units are never set against each other — money over a headcount is no ratio (18991914.93倍 was
// printed for 人员经费 ÷ 实有人员), nor a growth rate.
import { describe, expect, it } from 'vitest';
import { computation } from '../../src/answer/computation.ts';
import { derivedFigure, type Figure } from '../../src/answer/figures.ts';
import type { CatalogDocument } from '../../src/query/catalog.ts';

const doc = { id: 1, display: '某县民政局2024年部门决算' } as CatalogDocument;

const score = (name: string, value: number, line: number): { figure: Figure; name: string } => ({
  name,
  figure: { document: doc, entity: '某县民政局', year: 2024, basis: '决算', label: `${name}自评得分`, fen: null, value, unit: '分', printedIn: '万元', table: null, column: null, line, raw: String(value), precision: null, change: null, rank: 0 },
});

const result = (op: 'sum' | 'difference', ...operands: ReturnType<typeof score>[]) => computation(op, operands, '得分', '').figures[0]!.value;

describe('a computation on figures that are no money', () => {
  it('adds to the places stored, without the float error', () => {
    expect(result('sum', score('甲', 98.21, 1), score('乙', 59, 2))).toBe(157.21);
  });
  it('keeps a third place where an input has one, never rounding it to two', () => {
    expect(result('sum', score('甲', 0.125, 1), score('乙', 0.25, 2))).toBe(0.375);
    expect(result('difference', score('甲', 0.125, 1), score('乙', 0.25, 2))).toBe(0.125);
  });
  it('takes away to the places stored', () => {
    expect(result('difference', score('甲', 100, 1), score('乙', 98.21, 2))).toBe(1.79);
  });
});

const budget = { id: 2, display: '某县医疗保障局2024年部门预算' } as CatalogDocument;

const figure = (label: string, line: number, amount: { fen: number } | { value: number; unit: string }): Figure => ({
  document: budget,
  entity: '某县医疗保障局',
  year: 2024,
  basis: '预算',
  label,
  fen: 'fen' in amount ? amount.fen : null,
  value: 'value' in amount ? amount.value : null,
  unit: 'unit' in amount ? amount.unit : null,
  printedIn: '元',
  table: null,
  column: null,
  line,
  raw: '',
  precision: 'fen' in amount ? 1 : null,
  change: null,
  rank: line,
});

const money = figure('人员经费', 443, { fen: 265_886_809 });
const people = figure('实有人员', 166, { value: 14, unit: '人' });

describe('figures in different units', () => {
  it('refuses a ratio of money to people, offering the per-head question', () => {
    const r = computation('ratio', [{ figure: money, name: '人员经费' }, { figure: people, name: '实有人员' }], '人员经费与实有人员', '');
    expect(r.status).toBe('not_found');
    expect(r.figures).toEqual([]);
    expect(r.lines.join('')).toContain('人员经费是金额（元），实有人员是人数（人）');
    expect(r.lines.join('')).toContain('人均人员经费');
    expect(r.lines.join('')).not.toContain('倍（');
  });

  it('refuses a growth rate between money and a count of things, with no per-head offer', () => {
    const cars = figure('车辆', 688, { value: 3, unit: '辆' });
    const r = computation('growth', [{ figure: money, name: '人员经费' }, { figure: cars, name: '车辆' }], '人员经费与车辆', '');
    expect(r.status).toBe('not_found');
    expect(r.figures).toEqual([]);
    expect(r.lines.join('')).toContain('车辆是数量（辆）');
    expect(r.lines.join('')).not.toContain('人均');
  });

  it('still divides two figures in one unit', () => {
    const other = figure('公用经费', 444, { fen: 9_324_685 });
    const r = computation('ratio', [{ figure: money, name: '人员经费' }, { figure: other, name: '公用经费' }], '人员经费与公用经费', '');
    expect(r.status).toBe('answered');
    expect(r.figures[0]!.value).toBe(28.51);
    expect(r.figures[0]!.unit).toBe('倍');
  });
});

describe('the last guard where computed figures are made', () => {
  it('never makes a ratio, growth or share of money and a count', () => {
    for (const op of ['ratio', 'growth', 'share'] as const) expect(() => derivedFigure(op, [money, people], '人员经费与实有人员', { fen: null, value: 1, unit: '倍' }, '')).toThrow(/money and a count/);
    expect(derivedFigure('per_head', [money, people], '人均人员经费', { fen: 18_991_915 }, '').fen).toBe(18_991_915);
  });
});
