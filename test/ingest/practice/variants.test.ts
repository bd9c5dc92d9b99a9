// The practice documents printed the way a second province would (variants.ts: the figure columns
// in another order, tables transposed, lines between a title and its header, 表N styles, header
// spellings and wraps, 栏次 rows, the unit after the title or only in the header, 合计 last, an unknown
// column, dashes for zero, half-width brackets), one at a time and several at once, each with its
// manifest rewritten in step: read at ≥ 98% on the right line with the right meaning, no figure read
// with a wrong one, no check failing.
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/ingest/run.ts';
import { compare, failures, fixtures, misses, recall, type Fixture } from './truth.ts';
import { COMPOSITIONS, exact, VARIANTS, vary } from './variants.ts';

const FAMILIES = ['hunan-budget', 'yunnan-final', 'jiangxi-budget-yuan', 'performance'];

function cases(family: string): [string, Fixture][] {
  return fixtures(family).flatMap((fx) => [...VARIANTS, ...COMPOSITIONS].flatMap((v) => {
    const varied = vary(fx, v);
    return varied ? [[varied.name, varied] as [string, Fixture]] : [];
  }));
}

describe.each(FAMILIES)('%s', (family) => {
  const all = cases(family);

  it.each(all)('%s', (_, fx) => {
    expect(exact(fx), 'the manifest names every figure where the text prints it').toEqual([]);
    const p = readDocument(`${fx.name}.txt`, '', fx.text);
    const reads = compare(p, fx.truth);
    expect(reads.filter((r) => r.verdict === 'wrong_meaning').length, misses(reads, 12)).toBe(0);
    expect(recall(reads), misses(reads, 12)).toBeGreaterThanOrEqual(0.98);
    expect(failures(p.checks).map((c) => `${c.rule}: ${c.message}`)).toEqual([]);
    expect(p.doc.meta).toMatchObject({ department: fx.truth.meta.department, year: fx.truth.meta.fiscal_year, stage: fx.truth.meta.stage, unit: fx.truth.meta.amount_unit });
    expect(p.review.truncation).toBeNull();
  });
});
