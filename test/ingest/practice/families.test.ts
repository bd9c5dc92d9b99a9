// The national template families (issue 9): each practice document, parsed in memory,
// against its manifest — at least 98% of its printed table figures stored on their line
// with their meaning (row, column, unit, kind), and no check failing on a consistent document.
// The documents were written by the test-material writer with exact ground truth (README.md there).
import { describe, expect, it } from 'vitest';
import { readDocument, type ParsedFile } from '../../../src/ingest/run.ts';
import { compare, failures, fixtures, misses, recall, type Fixture, type Read } from './truth.ts';

const FAMILIES = ['hunan-budget', 'yunnan-final', 'jiangxi-budget-yuan', 'performance'];

const parsed = new Map<string, { p: ParsedFile; reads: Read[] }>();
function read(fx: Fixture) {
  let r = parsed.get(fx.name);
  if (!r) {
    const p = readDocument(`${fx.name}.txt`, '', fx.text);
    r = { p, reads: compare(p, fx.truth) };
    parsed.set(fx.name, r);
  }
  return r;
}

describe.each(FAMILIES)('%s', (family) => {
  const docs = fixtures(family);

  it('has practice documents with manifests', () => {
    expect(docs.length).toBeGreaterThanOrEqual(3);
    for (const fx of docs) expect(fx.truth.figures.length).toBeGreaterThan(50);
  });

  it.each(docs.map((fx) => [fx.name, fx] as const))('%s: ≥ 98% of its table figures on their line with their meaning', (_, fx) => {
    const { p, reads } = read(fx);
    expect(recall(reads), misses(reads, 20)).toBeGreaterThanOrEqual(0.98);
    // The document is what its manifest says it is.
    expect(p.doc.meta).toMatchObject({ department: fx.truth.meta.department, year: fx.truth.meta.fiscal_year, stage: fx.truth.meta.stage, unit: fx.truth.meta.amount_unit });
    expect(p.review.truncation).toBeNull();
  });

  it.each(docs.map((fx) => [fx.name, fx] as const))('%s: no check fails (every identity holds in it)', (_, fx) => {
    const { p } = read(fx);
    expect(fx.truth.checks.every((c) => c.holds)).toBe(true);
    expect(failures(p.checks).map((c) => `${c.rule}: ${c.message}`)).toEqual([]);
    expect(p.checks.length).toBeGreaterThan(5);
  });

  it('reads ≥ 98% of the family’s figures in all', () => {
    const all = docs.flatMap((fx) => read(fx).reads);
    expect(recall(all)).toBeGreaterThanOrEqual(0.98);
  });
});
