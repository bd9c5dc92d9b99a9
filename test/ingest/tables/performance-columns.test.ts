// A 整体绩效自评表 whose header names 运算符号 and 度量单位 columns (绩效指标 | 一级指标 | 二级指标 | 三级指标 |
// 运算符号 | 指标值 | 度量单位 | 全年完成值 | 完成程度 | 分值 | 得分): a row under those columns is read with its
// operator and unit from them (北票 line 741 `预算执行率 = 100 %` was stored as a bare 100, printed without %),
// and a row printing its levels one column to the left (its 一级指标 under 绩效指标, 北票 line 744) is read by
// content, never with its operator taken for the indicator and its unit for the value.
import { describe, expect, it } from 'vitest';
import { readLinesOf } from '../helpers.ts';

const TEXT = [
  '某某县医疗保障局2024年度部门决算',
  '',
  '# 部门（单位）整体绩效自评表',
  '',
  '部门（单位）名称\t\t901002 某某县医疗保障服务中心-000000\t\t\t\t',
  '部门年初预算收入金额\t\t210.50\t\t\t\t',
  '绩效指标\t一级指标\t二级指标\t三级指标\t运算符号\t指标值\t度量单位\t全年完成值\t完成程度\t分值\t得分\t偏差原因分析',
  '绩效指标\t履职效能\t重点工作履行情况\t重点工作办结率\t=\t95\t%\t96\t1\t4\t4',
  '\t\t\t预算执行率\t≥\t90\t%\t88\t0.98\t2\t1.8',
  '管理效率\t资产管理\t固定资产利用率\t=\t100\t%\t\t100\t1\t0.7\t0.7',
  '社会效应\t社会公众满意度\t社会公众投诉次数\t<=\t3\t次\t\t1\t1\t5\t5',
  '总评价得分\t\t\t\t\t\t\t\t\t\t98.50',
];

describe('a 整体绩效自评表 with 运算符号 and 度量单位 columns', () => {
  const p = readLinesOf(TEXT);
  const targets = p.doc.tables.flatMap((t) => t.owners.flatMap((o) => o.targets));
  const at = (line: number) => {
    const t = targets.find((x) => x.line === line)!;
    return [t.level1, t.level2, t.level3, t.operator, t.targetValue, t.targetUnit, t.actualValue, t.actualUnit, t.weight, t.score];
  };

  it('reads a row under the columns with its operator and unit', () => {
    expect(at(8)).toEqual(['履职效能', '重点工作履行情况', '重点工作办结率', '=', '95', '%', '96', '%', 4, 4]);
    // Its levels left blank: those of the row above.
    expect(at(9)).toEqual(['履职效能', '重点工作履行情况', '预算执行率', '≥', '90', '%', '88', '%', 2, 1.8]);
  });

  it('reads a row whose levels stand one column to the left by its content', () => {
    expect(at(10)).toEqual(['管理效率', '资产管理', '固定资产利用率', '=', '100', '%', '100', '%', 0.7, 0.7]);
    expect(at(11)).toEqual(['社会效应', '社会公众满意度', '社会公众投诉次数', '<=', '3', '次', '1', '次', 5, 5]);
  });

  it('reads every indicator row once', () => {
    expect(targets.map((t) => t.line)).toEqual([8, 9, 10, 11]);
  });
});
