// A project table listing units and projects in one column (单位名称（项目名称）): a unit printed
// with its code in the name cell is a unit subtotal, and its projects are its own — the table's
// 合计 is the sum of the projects, not of units and projects together.
import { describe, expect, it } from 'vitest';
import { readLinesOf } from '../helpers.ts';
import { failures } from '../practice/truth.ts';

const TEXT = [
  '某某县农业农村局2025年部门预算',
  '',
  '项目支出预算表',
  '公开09表',
  '预算年度：2025年',
  '部门名称：某某县农业农村局',
  '单位：万元',
  '单位名称（项目名称）\t合计\t一般公共预算拨款\t政府性基金预算拨款',
  '合计\t150.00\t120.00\t30.00',
  '512001 某某县农业农村局（本级）\t100.00\t70.00\t30.00',
  '　　高标准农田建设\t70.00\t40.00\t30.00',
  '　　农业综合执法\t30.00\t30.00\t0.00',
  '512002 某某县农业技术推广中心\t50.00\t50.00\t0.00',
  '　　农技推广服务\t50.00\t50.00\t0.00',
];

describe('units printed with their code among projects', () => {
  const p = readLinesOf(TEXT);
  const table = p.doc.tables.find((t) => t.kind === 'projects')!;

  it('reads the table, with the year line above its header', () => {
    expect(table.region.name).toBe('项目支出预算表');
    expect(table.units.map((u) => u.name)).toEqual(['某某县农业农村局（本级）', '某某县农业技术推广中心']);
  });

  it('the projects are the rows under the units, and the totals check', () => {
    expect(table.projects.map((d) => [d.name, d.unitName])).toEqual([
      ['高标准农田建设', '某某县农业农村局（本级）'],
      ['农业综合执法', '某某县农业农村局（本级）'],
      ['农技推广服务', '某某县农业技术推广中心'],
    ]);
    expect(failures(p.checks)).toEqual([]);
  });
});
