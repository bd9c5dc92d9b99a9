// Transposed tables as other writers label them: a code line under the subjects that says 科目编码 in its
// label cell (after a `编制部门：…⇥金额单位：万元` line, a meta line and not a header), a 近两年对比表 whose label column is headed 年度 (with the unit inside), and a 三公 table whose rows
// are 年初预算数 / 本年决算数 / 上年决算数 — the last is last year's figure, never this year's.
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/ingest/run.ts';
import { failures } from '../practice/truth.ts';

const TEXT = [
  '某某县民政局2024年度部门决算',
  '',
  '收入支出决算总表',
  '公开01表',
  '金额单位：万元',
  '收入\t\t支出\t',
  '项目\t决算数\t项目\t决算数',
  '一、财政拨款收入\t500.00\t一、社会保障和就业支出\t420.00',
  '二、其他收入\t\t二、卫生健康支出\t80.00',
  '本年收入合计\t500.00\t本年支出合计\t500.00',
  '',
  '支出决算功能分类汇总表',
  '公开03表',
  '编制部门：某某县民政局\t\t\t金额单位：万元',
  '项　　目\t社会保障和就业支出\t卫生健康支出\t合计',
  '科目编码\t208\t210\t',
  '项目支出\t300.00\t—\t300.00',
  '基本支出\t120.00\t80.00\t200.00',
  '合计\t420.00\t80.00\t500.00',
  '',
  '收入支出决算近两年对比表',
  '公开10表',
  '年　度（金额单位：万元）\t本年收入合计\t本年支出合计\t基本支出\t项目支出',
  '2023年度决算\t450.00\t460.00\t190.00\t270.00',
  '2024年度决算\t500.00\t500.00\t200.00\t300.00',
  '增减额\t50.00\t40.00\t10.00\t30.00',
  '增减率（%）\t11.11\t8.70\t5.26\t11.11',
  '',
  '财政拨款“三公”经费支出决算表',
  '公开07表',
  '金额单位：万元',
  '项　目\t合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费',
  '年初预算数\t12.00\t—\t10.00\t2.00',
  '本年决算数\t11.00\t—\t9.50\t1.50',
  '上年决算数\t10.40\t—\t9.00\t1.40',
].join('\n');

describe('transposed tables as other writers label them', () => {
  const p = readDocument('turned.txt', '', TEXT);
  const cells = p.doc.tables.flatMap((t) => t.cells);
  const onLine = (line: number) => cells.filter((c) => c.line === line && c.raw !== '' && c.raw !== '—');

  it('reads a code line labelled 科目编码 as the subjects’ codes', () => {
    expect(onLine(17).map((c) => [c.subjectCode, c.column.key, c.raw])).toEqual([
      ['208', 'project', '300.00'],
      [null, 'project', '300.00'],
    ]);
    expect(onLine(18).map((c) => [c.subjectCode, c.column.key, c.raw])).toEqual([
      ['208', 'basic', '120.00'],
      ['210', 'basic', '80.00'],
      [null, 'basic', '200.00'],
    ]);
  });

  it('reads a 近两年对比表 headed 年度: each year’s row that year, the change a change, the rate a percent', () => {
    const row = (line: number) => onLine(line).map((c) => [c.column.year, c.column.basis, c.valueKind]);
    expect(new Set(row(24).map(String))).toEqual(new Set(['2023,决算,money']));
    expect(new Set(row(25).map(String))).toEqual(new Set(['2024,决算,money']));
    expect(onLine(27).every((c) => c.valueKind === 'percent')).toBe(true);
    expect(onLine(24)).toHaveLength(4);
  });

  it('stores 上年决算数 as last year’s 决算', () => {
    const total = (line: number) => cells.find((c) => c.line === line && c.metric === 'three_public.total')!;
    expect([total(33).column.year, total(33).column.basis]).toEqual([2024, '预算']);
    expect([total(34).column.year, total(34).column.basis]).toEqual([2024, '决算']);
    expect([total(35).column.year, total(35).column.basis]).toEqual([2023, '决算']);
  });

  it('checks every table against the others, and none fails', () => {
    expect(failures(p.checks).map((c) => c.message)).toEqual([]);
    // This year's 决算 row of the 近两年对比表 agrees with 公开01表 and 公开07表.
    expect(p.checks.some((c) => c.passed && c.rule === 'cross_table' && c.lines.includes(25))).toBe(true);
  });
});
