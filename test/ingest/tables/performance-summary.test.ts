// A 自评结果汇总表 lists projects one per row under 项目名称 | 全年预算数 | 全年执行数 | 执行率（%） | 自评得分 | 评价等级,
// with a unit line naming every unit (`单位：万元、%、分`). 项目名称 there heads the list — no project is called
// 全年预算数 — and each figure is its column's: a rate a percent, a score a score, never money (97.34 as 97.34万元
// before); a dash in the unscored 合计 row and the words of 评价等级 are no figures.
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/ingest/run.ts';

const TEXT = [
  '某某县应急管理局2024年度绩效自评报告',
  '',
  '项目支出绩效自评结果汇总表',
  '单位：万元、%、分',
  '项目名称\t全年预算数\t全年执行数\t执行率（%）\t自评得分\t评价等级',
  '防汛物资储备经费\t50.00\t45.00\t90.00\t92.5\t优',
  '安全生产宣传经费\t20.00\t20.00\t100.00\t88\t良',
  '合计\t70.00\t65.00\t92.86\t—\t—',
].join('\n');

describe('a 自评结果汇总表 of projects, one per row', () => {
  const p = readDocument('summary.txt', '', TEXT);
  const cells = p.doc.tables.flatMap((t) => t.cells);
  const row = (line: number) => cells.filter((c) => c.line === line).map((c) => [c.column.label, c.valueKind, c.valueKind === 'money' ? c.fen : c.quantity]);

  it('reads the unit line with the other figures’ units as 万元', () => {
    expect(p.doc.tables[0]!.unit).toBe('万元');
  });

  it('reads each figure as its column’s: money, a percent, a score', () => {
    expect(row(6)).toEqual([
      ['全年预算数', 'money', 50_000_000],
      ['全年执行数', 'money', 45_000_000],
      ['执行率（%）', 'percent', 90],
      ['自评得分', 'score', 92.5],
    ]);
    expect(cells.filter((c) => c.line === 6).every((c) => c.rowLabel === '防汛物资储备经费')).toBe(true);
  });

  it('stores no dash of an unscored row and no word of 评价等级', () => {
    expect(row(8)).toEqual([
      ['全年预算数', 'money', 70_000_000],
      ['全年执行数', 'money', 65_000_000],
      ['执行率（%）', 'percent', 92.86],
    ]);
    expect(p.doc.tables[0]!.owners.map((o) => o.name)).not.toContain('全年预算数');
  });
});
