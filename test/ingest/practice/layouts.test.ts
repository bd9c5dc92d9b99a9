// Hand-written documents, one per layout mechanism the writer's families do not print (test/fixtures/practice/
// layouts/, each with its manifest): a “三公” table printed transposed (years, 增减额 and 增减幅度 as rows, the items
// across, short item names beside their parent, a period line and 表N between the unit and the header), and one by
// unit with 合计 last and the unit after the title. Every figure is read with its meaning, each percentage as a
// percentage, and every identity holds.
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/ingest/run.ts';
import { compare, failures, fixtures, misses, recall } from './truth.ts';
import { exact } from './variants.ts';

describe.each(fixtures('layouts').map((fx) => [fx.name, fx] as const))('%s', (_, fx) => {
  const p = readDocument(`${fx.name}.txt`, '', fx.text);
  const cells = p.doc.tables.flatMap((t) => t.cells);

  it('reads every figure with its meaning, none with a wrong one', () => {
    expect(exact(fx)).toEqual([]);
    const reads = compare(p, fx.truth);
    expect(reads.filter((r) => r.verdict === 'wrong_meaning').length, misses(reads, 10)).toBe(0);
    expect(recall(reads), misses(reads, 10)).toBe(1);
    expect(p.doc.meta.unit).toBe(fx.truth.meta.amount_unit);
  });

  it('stores percentages as percentages and never a money figure without its item', () => {
    const percents = fx.truth.figures.filter((f) => f.kind === 'percent');
    for (const f of percents) expect(cells.find((c) => c.line === f.line && c.raw === f.raw)?.valueKind, `${f.row} ${f.column}`).toBe('percent');
    expect(cells.filter((c) => c.valueKind === 'money' && c.column.key !== 'unknown' && c.metric === null)).toEqual([]);
  });

  it('checks the items against their totals, and none fails', () => {
    expect(p.checks.filter((c) => c.rule === 'three_public').length).toBeGreaterThan(0);
    expect(failures(p.checks).map((c) => c.message)).toEqual([]);
  });
});
