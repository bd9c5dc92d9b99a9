// Coverage you can see, per document: figures printed in table regions vs stored,
// unclassified regions, uncorroborated figures — and documents cut off mid-table, and
// prose numbers printed with characters that are not digits. Parsed in memory (milliseconds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawDir } from '../../src/config.ts';
import { documentReport } from '../../src/ingest/report.ts';
import { readDocument, type ParsedFile } from '../../src/ingest/run.ts';
import { rawLines, SEEDS, wan, type Seed } from './helpers.ts';

const text = (seed: Seed) => readFileSync(join(rawDir, SEEDS[seed]), 'utf8');
const read = (seed: Seed, content = text(seed)) => readDocument(SEEDS[seed], '', content);
/** The seed's first `n` lines, the last one cut to `keep` characters when given. */
function cut(seed: Seed, n: number, keep?: number): string {
  const lines = rawLines(SEEDS[seed]).slice(0, n);
  if (keep !== undefined) lines[n - 1] = lines[n - 1]!.slice(0, keep);
  return lines.join('\n');
}
const replaceLine = (seed: Seed, line: number, from: string, to: string) =>
  rawLines(SEEDS[seed])
    .map((l, i) => (i === line - 1 ? l.replace(from, to) : l))
    .join('\n');

describe('coverage of each seed', () => {
  const parsed = Object.keys(SEEDS).map((seed) => [seed, read(seed as Seed)] as const);

  it.each(parsed)('%s stores every figure printed in its table regions', (_, p) => {
    const { coverage } = p.review;
    expect(coverage.found).toBeGreaterThan(200);
    expect(coverage.stored).toBe(coverage.found);
    expect(coverage.tables.every((t) => t.missed.length === 0)).toBe(true);
    expect(coverage.unclassified).toEqual([]);
    const report = documentReport(p);
    expect(report).toContain(`覆盖：表格中印有数字 ${coverage.found} 个，存入 ${coverage.found} 个（100.0%）`);
    expect(report).toMatch(/印证：勾稽关系 \d+ 个，正文相符 \d+ 个，无可印证 \d+ 个，核对不符 \d+ 个，栏目未经印证 \d+ 个/);
  });

  it('counts every stored figure once by how it is corroborated', () => {
    for (const [, p] of parsed) {
      const c = p.review.coverage.corroboration;
      const figures = p.doc.tables.reduce((n, t) => n + t.cells.length, 0) + p.doc.facts.length;
      expect(c.rule + c.text + c.none + c.contradicted + c.unmapped).toBe(figures);
      expect(c.rule).toBeGreaterThan(c.none);
    }
  });
});

describe('gaps show in the report', () => {
  it('a table whose title and header say nothing known is unclassified, and its figures count as not stored', () => {
    // 曲阳's 部门预算支出总表 (lines 132, 162) retitled to something no vocabulary names.
    const content = text('quyang').replaceAll('部门预算支出总表', '部门预算情况一览');
    const p = read('quyang', content);
    const [region] = p.review.coverage.unclassified;
    expect(region?.region.name).toBe('部门预算情况一览');
    const table = p.review.coverage.tables.find((t) => t.table === region)!;
    expect(table).toMatchObject({ stored: 0 });
    // Counted off the raw lines: every decimal cell of lines 140–176.
    const printed = rawLines(SEEDS.quyang)
      .slice(139, 176)
      .flatMap((l) => l.split('\t'))
      .filter((c) => /^\d[\d,]*\.\d+$/.test(c.trim())).length;
    expect(table.found).toBe(printed);
    expect(p.review.coverage.stored).toBe(p.review.coverage.found - table.found);
    const report = documentReport(p);
    expect(report).toContain('未能识别的表格区域：第140–176行');
    expect(report).toContain(`部门预算情况一览：印 ${table.found} 个，存 0 个；未存：第143行、第144行`);
  });

  it('a figure printed with a letter for a digit is found and reported unstored', () => {
    // 曲阳 line 143: `1\t\t合计\t648.07\t408.03\t240.04…` with the 0 of 408.03 printed as an O.
    const p = read('quyang', replaceLine('quyang', 143, '408.03', '4O8.03'));
    const table = p.review.coverage.tables.find((t) => t.table.region.name === '部门预算支出总表')!;
    expect(table.missed).toEqual([143]);
    expect(table.found - table.stored).toBe(1);
  });
});

describe('a document cut off mid-table is reported as truncated', () => {
  it.each(Object.keys(SEEDS) as Seed[])('%s, whole, is not', (seed) => {
    expect(read(seed).review.truncation).toBeNull();
  });

  it('cut inside a row: the last row is short and ends in a cell (北票 公开03表 line 414)', () => {
    const p = read('beipiao', cut('beipiao', 414, 19));
    expect(p.review.truncation?.line).toBe(414);
    expect(p.review.truncation?.reasons[0]).toMatch(/^第414行只有3栏（该表各行\d栏），断在“20.3”$/);
    expect(documentReport(p)).toContain('⚠ 文件不完整：在第414行中断');
  });

  it('cut between rows: the printed 合计 exceeds the rows that follow it (曲阳 部门预算支出总表 after line 153)', () => {
    const p = read('quyang', cut('quyang', 153));
    expect(p.review.truncation?.line).toBe(153);
    expect(p.review.truncation?.reasons.join('；')).toContain(`印有 ${(wan('648.07') / 1e6).toFixed(2)}万元，其下所列只有 ${((wan('2.56') + wan('63.81')) / 1e6).toFixed(2)}万元`);
  });

  it('cut after a complete table that the contents list more tables after (莲湖 after 表3, line 393)', () => {
    const p = read('lianhu', cut('lianhu', 393));
    expect(p.review.truncation?.line).toBe(393);
    expect(p.review.truncation?.reasons.at(-1)).toMatch(/^目录所列表4、表5、.*表16未出现$/);
  });

  it('cut inside a 收支总表 before its 总计 rows (北票 公开01表 line 335)', () => {
    const p = read('beipiao', cut('beipiao', 335));
    expect(p.review.truncation?.reasons).toContain('公开01表没有“总计”行');
  });
});

describe('a prose number printed with characters that are not digits is flagged', () => {
  const flagged = (p: ParsedFile) => p.doc.facts.filter((f) => f.flags?.includes('garbled_digits')).map((f) => [f.line, f.label]);

  it('whatever digits the reader took from it (曲阳 line 434: “l3.60万元”)', () => {
    const p = read('quyang', replaceLine('quyang', 434, '预算安排13.60万元', '预算安排l3.60万元'));
    expect(flagged(p)).toContainEqual([434, '三公经费']);
    expect(flagged(read('quyang'))).toEqual([]);
  });

  it('an exponent is no amount either (沈阳 line 739: 政府采购预算总额 “6e1万元”)', () => {
    const p = read('shenyang', replaceLine('shenyang', 739, '政府采购预算总额 60.38 万元', '政府采购预算总额 6e1 万元'));
    expect(flagged(p).map(([line]) => line)).toContain(739);
  });

  it('codes, years and names with letters are not garbled numbers (DIP, A4, C24090000, SD-WAN)', () => {
    for (const seed of Object.keys(SEEDS) as Seed[]) expect(flagged(read(seed))).toEqual([]);
  });
});
