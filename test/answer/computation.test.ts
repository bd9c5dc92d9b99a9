// Sums and differences of figures that are no money (scores, rates, counts) keep the places their inputs are stored to.
import { describe, expect, it } from 'vitest';
import { computation } from '../../src/answer/computation.ts';
import type { Figure } from '../../src/answer/figures.ts';
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
