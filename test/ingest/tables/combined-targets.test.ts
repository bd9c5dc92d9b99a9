// A 目标表 row printing several indicators in one cell and their values in the next, in the same order
// (莲湖 line 781 `工作人员；办公面积；相关办公用品购置批数` | `46人；160平方；12批`) is read as one indicator per
// part, so each is asked alone; a row whose parts do not pair up one to one (two names, a total and two parts)
// is kept as printed. Expected names and values are read off the raw lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/config.ts';
import type { TargetDraft } from '../../../src/ingest/model.ts';
import { readLinesOf, rawLines, SEEDS } from '../helpers.ts';

const onLine = (targets: TargetDraft[], line: number) => targets.filter((t) => t.line === line).map((t) => [t.level3, t.targetValue, t.targetNumber, t.targetUnit]);
const targetsOf = (lines: string[]) => readLinesOf(lines).doc.tables.flatMap((t) => t.owners.flatMap((o) => o.targets));

describe('combined indicator cells in a practice 部门整体支出绩效目标表', () => {
  const targets = targetsOf(readFileSync(join(projectRoot, 'test', 'fixtures', 'combined-targets', 'targets.txt'), 'utf8').split('\n'));

  it('splits names and values pairing up by ；, a value repeating its name as a label read after it', () => {
    // 合计20人, 聘用人员8人: a total or the part's name said longer before the number — the number and unit read, the value as printed.
    expect(onLine(targets, 8)).toEqual([
      ['编制人数', '合计20人', 20, '人'],
      ['在编', '12人', 12, '人'],
      ['聘用', '聘用人员8人', 8, '人'],
    ]);
    expect(onLine(targets, 10)).toEqual([
      ['资金拨付准确率', '100%', 100, '%'],
      ['档案完整率', '98%', 98, '%'],
    ]);
  });

  it('reads no number after words that are no label of the part (a change, another name)', () => {
    expect(onLine(targets, 15)).toEqual([
      ['参保人数', '较上年增长5%', null, null],
      ['报销比例', '住院70%', null, null],
    ]);
  });

  it('splits by a half-width ; the same way', () => {
    expect(onLine(targets, 9)).toEqual([
      ['培训场次', '4次', 4, '次'],
      ['宣传册', '3000份', 3000, '份'],
    ]);
  });

  it('keeps a row whose parts do not pair up, one joined by 、, or one with an operator read as printed', () => {
    expect(onLine(targets, 11).map((t) => [t[0], t[1]])).toEqual([['待遇享受时间', '2024年度']]);
    expect(onLine(targets, 12)).toEqual([['基本支出：人员经费；公用经费', '合计180.5万元；分项：160万元；20.5万元', null, null]]);
    expect(onLine(targets, 13)).toEqual([['政策知晓、群众满意度', '提高、满意', null, null]]);
    expect(onLine(targets, 14)).toHaveLength(1);
  });
});

describe('combined indicator cells in 莲湖 部门整体支出绩效目标表', () => {
  const lines = rawLines(SEEDS.lianhu);
  const targets = targetsOf(lines);

  it('reads line 781 as three indicators', () => {
    expect(lines[780]).toContain('工作人员；办公面积；相关办公用品购置批数\t\t46人；160平方；12批');
    expect(onLine(targets, 781)).toEqual([
      ['工作人员', '46人', 46, '人'],
      ['办公面积', '160平方', 160, '平方'],
      ['相关办公用品购置批数', '12批', 12, '批'],
    ]);
  });

  it('reads lines 780, 782 and 783 one indicator per part', () => {
    expect(lines[779]).toContain('机构人员；在职；临聘\t\t合计46人；在职：14人；临聘人员32人');
    expect(onLine(targets, 780)).toEqual([
      ['机构人员', '合计46人', 46, '人'],
      ['在职', '14人', 14, '人'],
      ['临聘', '临聘人员32人', 32, '人'],
    ]);
    expect(onLine(targets, 782).map((t) => [t[0], t[1]])).toEqual([
      ['在职人员控制率', '99%'],
      ['三公、公用经费控制率', '100%'],
      ['重点支出安排率', '100%'],
      ['支出合规率', '100%'],
      ['政府采购执行率', '100%'],
      ['员工出勤率', '95%'],
      ['办公用品合格率', '95%'],
      ['宣传信息覆盖面', '95%'],
    ]);
    expect(onLine(targets, 783).map((t) => t[0])).toEqual(['预算执行及时率', '预算变更及调整的及时性', '年度重点工作办结率']);
  });

  it('keeps line 790 (two names, a total and two parts) as printed', () => {
    expect(onLine(targets, 790)).toEqual([['基本支出：人员经费；日常公用经费', '合计275.21万元；分项：265.9万元；9.31万元', null, null]]);
  });

  it('splits no row of the other seeds: none prints its names and values so paired', () => {
    for (const seed of ['fushun', 'shenyang', 'beipiao', 'quyang'] as const) {
      const all = targetsOf(rawLines(SEEDS[seed]));
      const perLine = new Map<number, number>();
      for (const t of all.filter((x) => x.score === null)) perLine.set(t.line, (perLine.get(t.line) ?? 0) + 1);
      expect([...perLine].filter(([, n]) => n > 1).map(([line]) => line), seed).toEqual([]);
    }
  });
});
