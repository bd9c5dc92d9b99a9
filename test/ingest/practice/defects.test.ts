// The practice documents with one planted defect each (test/fixtures/practice/defects, the
// manifest's `defects` says what and where): a contradicted figure, prose numbers printed with
// letters for digits, a document cut off mid-table, two figure columns printing one header.
// Each is found where it was planted, and nothing else is said to be wrong.
import { describe, expect, it } from 'vitest';
import { reportBody, summaryOf } from '../../../src/ingest/report.ts';
import { readDocument } from '../../../src/ingest/run.ts';
import { compare, failures, fixtures, recall, type Fixture } from './truth.ts';

const docs = new Map(fixtures('defects').map((fx) => [fx.truth.defects[0]!.kind, fx] as const));
const parse = (fx: Fixture) => readDocument(`${fx.name}.txt`, '', fx.text);

describe('a figure a check contradicts (湘潭县卫生健康局: 表7 合计 公务接待费 printed 4.27, 3.07 everywhere else)', () => {
  const fx = docs.get('contradicted_figure')!;
  const p = parse(fx);
  const defect = fx.truth.defects[0]!;
  const planted = fx.truth.figures.find((f) => f.id === defect.figure)!;

  it('is read like any other figure', () => {
    expect(recall(compare(p, fx.truth))).toBeGreaterThanOrEqual(0.98);
    expect(planted).toMatchObject({ line: defect.line, raw: '4.27' });
  });

  it('fails the checks that involve it, and only those', () => {
    const failed = failures(p.checks);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    for (const c of failed) expect(c.lines, c.message).toContain(defect.line);
    expect(failed.map((c) => c.rule).sort()).toEqual(expect.arrayContaining(['table_total', 'three_public', 'text_vs_table']));
  });

  it('is the one figure contradicted; the units it should add up to are corroborated', () => {
    const cells = p.doc.tables.flatMap((t) => t.cells);
    const verdict = (line: number, raw: string) => p.review.corroborations.cells.get(cells.find((c) => c.line === line && c.raw === raw && /公务接待/.test(c.column.label))!)?.status;
    expect(verdict(defect.line!, '4.27')).toBe('contradicted');
    expect(verdict(defect.line! + 1, '3.07')).toBe('rule');
    const contradicted = cells.filter((c) => p.review.corroborations.cells.get(c)?.status === 'contradicted');
    expect(contradicted.map((c) => [c.line, c.raw])).toEqual([[defect.line, '4.27']]);
    // The prose states 3.07 twice: the units' sum backs it, so it is not the one blamed.
    expect(p.doc.facts.filter((f) => f.amount_fen === 3_070_000).map((f) => p.review.corroborations.facts.get(f)?.status)).not.toContain('contradicted');
  });
});

describe('prose numbers printed with letters for digits (巍山彝族回族自治县民政局: `3.58e3`, `7.S9`)', () => {
  const fx = docs.get('ocr_garbled_prose_number')!;
  const p = parse(fx);

  it('flags every figure read from them: a prose amount its sentence does not print in digits is never unflagged', () => {
    const printedAs = (fen: number) => [(fen / 1e6).toFixed(2), String(fen / 1e6)];
    for (const d of fx.truth.defects) {
      const read = p.doc.facts.filter((f) => f.line === d.line && f.amount_fen != null);
      const notPrinted = read.filter((f) => !printedAs(f.amount_fen!).some((t) => f.raw_text.includes(t)));
      expect(notPrinted.length, `line ${d.line}`).toBeGreaterThan(0);
      for (const f of notPrinted) expect(f.flags, `line ${d.line}: ${f.label} ${f.amount_fen}`).toContain('garbled_digits');
    }
  });

  it('leaves the tables whole, and no check fails but one comparing a garbled number', () => {
    expect(recall(compare(p, fx.truth))).toBeGreaterThanOrEqual(0.98);
    const garbledLines = fx.truth.defects.map((d) => d.line);
    for (const c of failures(p.checks)) expect(c.lines.some((l) => garbledLines.includes(l)), c.message).toBe(true);
  });
});

describe('a document cut off mid-table (芦溪县水利局, in 支出预算总表)', () => {
  const fx = docs.get('truncated')!;
  const p = parse(fx);
  const defect = fx.truth.defects[0]!;

  it('is reported as truncated at the line it stops', () => {
    expect(fx.truth.meta.truncated).toBe(true);
    expect(p.review.truncation?.line).toBe(defect.line);
    expect(p.review.truncation?.reasons.join('；')).toContain(`断在“${defect.partial_cell}”`);
  });

  it('keeps every whole figure, and the cell it breaks off in is never a figure to answer with', () => {
    expect(recall(compare(p, fx.truth))).toBeGreaterThanOrEqual(0.98);
    const cut = p.doc.tables.flatMap((t) => t.cells).filter((c) => c.line === defect.line && c.raw === defect.partial_cell);
    expect(cut.length).toBeGreaterThan(0);
    for (const c of cut) expect(c.flags).toContain('truncated_cell');
  });

  it('reports the checks its cut table fails as consequences of the cut, and no finding about the source', () => {
    const failed = failures(p.checks);
    expect(failed.length).toBeGreaterThan(0);
    for (const c of failed) expect(p.review.cutOff.has(c), c.message).toBe(true);
    const report = reportBody(p);
    expect(report).toContain(`（其中 ${failed.length} 项因文件在第${defect.line}行中断，不是原文问题）`);
    expect(summaryOf(p)).toMatchObject({ checksFailed: 0, checksCut: failed.length, truncated: true });
  });
});

describe('two figure columns printing one header (炎陵县自然资源局 政府采购预算表: 金额（万元） twice)', () => {
  const fx = docs.get('ambiguous_column_headers')!;
  const p = parse(fx);
  const defect = fx.truth.defects[0]!;

  it('leaves the table’s columns unconfirmed and its figures unmapped; every other table and check is sound', () => {
    const table = p.doc.tables.find((t) => t.region.name === (defect as { table?: string }).table)!;
    expect(p.review.corroborations.mappings.get(table)).toBe('unconfirmed');
    const figures = table.cells.filter((c) => c.valueKind === 'money' && c.raw !== '');
    expect(figures.length).toBeGreaterThanOrEqual(8);
    for (const c of figures) expect(p.review.corroborations.cells.get(c)?.status).toBe('unmapped');
    expect([...p.review.corroborations.mappings].filter(([, m]) => m === 'unconfirmed').map(([t]) => t.region.name)).toEqual([table.region.name]);
    expect(failures(p.checks)).toEqual([]);
  });

  it('still stores every other figure of the document', () => {
    const reads = compare(p, fx.truth).filter((r) => !defect.figures!.includes(r.figure.id));
    expect(recall(reads)).toBeGreaterThanOrEqual(0.98);
  });
});
