// A 自评表 whose money header prints its unit in a cell of its own (项目资金 | （万元） | 年初预算数 | … | 分值 |
// 执行率 | 得分): the header is still read, so 分值 and 得分 are scores and 执行率 a percentage — before, the
// header was missed and a 分值 of 10 was stored as 10万元.
import { describe, expect, it } from 'vitest';
import { readLinesOf } from '../helpers.ts';
import { failures } from '../practice/truth.ts';

const TEXT = [
  '某某县应急管理局2024年度绩效自评报告',
  '',
  '项目支出绩效自评表',
  '（2024年度）',
  '项目名称\t地质灾害群测群防员补助\t\t\t\t\t\t\t',
  '主管部门\t某某县应急管理局\t\t\t实施单位\t某某县应急管理局\t\t\t',
  '项目资金\t（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
  '年度资金总额\t\t\t36.00\t36.00\t36.00\t10\t100.00%\t10',
  '其中：当年财政拨款\t\t\t36.00\t36.00\t36.00\t—\t—\t—',
];

describe('a 自评表 with its unit in a cell of its own', () => {
  const p = readLinesOf(TEXT);
  const cells = p.onLine(8);

  it('reads 分值 and 得分 as scores, 执行率 as a percentage, the money in 万元', () => {
    expect(cells.map((c) => [c.raw, c.valueKind, c.fen])).toEqual([
      ['36.00', 'money', 36_000_000],
      ['36.00', 'money', 36_000_000],
      ['36.00', 'money', 36_000_000],
      ['10', 'score', null],
      ['100.00%', 'percent', null],
      ['10', 'score', null],
    ]);
    expect(failures(p.checks)).toEqual([]);
  });
});
