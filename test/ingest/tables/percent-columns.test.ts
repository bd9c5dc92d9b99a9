// Percentages are never money: a column of completion rates (完成年初预算（%）), and the change rate
// of a 三公 table printed with years as rows whose change row carries a note (增减额（决算比上年）),
// are stored as percentages; each of these was stored as money before (0.45% as 0.45元).
import { describe, expect, it } from 'vitest';
import { readLinesOf } from '../helpers.ts';
import { failures } from '../practice/truth.ts';

const TEXT = [
  '某某旗水务局2023年度部门决算',
  '',
  '一般公共预算财政拨款支出决算明细表',
  '2023年度',
  '公开05表',
  '部门：某某旗水务局',
  '金额单位：元',
  '功能分类科目编码\t科目名称\t年初预算数\t决算数\t完成年初预算（%）',
  '\t合计\t1,000.00\t940.00\t94.00',
  '213\t农林水支出\t1,000.00\t940.00\t94.00',
  '',
  '财政拨款“三公”经费支出决算表',
  '2023年度',
  '公开07表',
  '部门：某某旗水务局',
  '金额单位：元',
  '项　目\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费',
  '\t\t\t小计\t购置费\t运行维护费\t',
  '2022年度决算数\t300.00\t\t200.00\t\t200.00\t100.00',
  '2023年度决算数\t310.00\t\t201.00\t\t201.00\t109.00',
  '增减额（决算比上年）\t10.00\t\t1.00\t\t1.00\t9.00',
  '增减幅度（%）\t3.33\t\t0.50\t\t0.50\t9.00',
];

describe('percent columns and rows', () => {
  const p = readLinesOf(TEXT);
  const { onLine } = p;

  it('a completion-rate column holds percentages', () => {
    expect(onLine(10).map((c) => [c.raw, c.valueKind])).toEqual([
      ['1,000.00', 'money'],
      ['940.00', 'money'],
      ['94.00', 'percent'],
    ]);
  });

  it('a change row with a note still turns the table back, and its rates are percentages', () => {
    const rates = onLine(22);
    expect(rates.length).toBeGreaterThan(0);
    expect(rates.every((c) => c.valueKind === 'percent' && c.fen === null)).toBe(true);
    expect(onLine(21).every((c) => c.valueKind === 'money')).toBe(true);
    expect(failures(p.checks)).toEqual([]);
  });
});
