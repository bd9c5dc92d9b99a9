// Rankings and breakdowns: what they rank by, what they cover, ties, and the table they itemise.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/types.ts';
import { testEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
});

describe('rankings by score', () => {
  it('北票 ranks its projects by 自评得分, not money (自评表 lines 717–849, text line 216)', () => {
    const r = engine.ask('北票 哪个项目自评得分最低');
    expect(r.text).toContain('项目自评得分排序');
    expect(r.text).toMatch(/1\. 离休医疗保障：59分/);
    expect(r.answers.every((a) => a.amount_yuan === null && a.unit === '分')).toBe(true);
  });

  it('a 预算 has no scores to rank: says so, no figures', () => {
    const r = engine.ask('曲阳 自评得分 最高');
    expect(r.status).toBe('not_found');
    expect(r.answers).toEqual([]);
  });
});

describe('project rankings', () => {
  it('曲阳 says the ranking covers only the 7 projects with a printed amount (政府采购 table, lines 656–669)', () => {
    const r = engine.ask('曲阳 项目支出 前3');
    expect(r.text).toContain('只排了印有金额的7个项目');
    expect(r.text).toContain('另有7个项目文件中没有印金额');
  });

  it('keeps items tied at the cut (抚顺 1.50 at lines 234 and 237)', () => {
    const r = engine.ask('抚顺 项目支出 倒数3');
    expect(r.answers.map((a) => a.source.line)).toEqual([250, 249, 234, 237]);
    expect(r.text.match(/（并列）/g)).toHaveLength(2);
  });

  it('最小 lists as many as 最大 (沈阳)', () => {
    expect(engine.ask('沈阳 项目支出 最小').answers).toHaveLength(engine.ask('沈阳 项目支出 最大').answers.length);
  });

  it('莲湖 says 医疗保险经办机构经费 is also a group (99.00 at line 599) beside the project (69.00 at line 601)', () => {
    for (const q of ['莲湖 项目支出 排名', '莲湖 有哪些项目']) {
      const r = engine.ask(q);
      expect(r.text).toContain('“医疗保险经办机构经费”也是第599行一个项目组的名称');
      expect(r.answers.find((a) => a.source.line === 601)?.amount_yuan).toBe(690000);
      expect(r.answers.find((a) => a.source.line === 599)?.amount_yuan).toBe(990000);
    }
  });
});

describe('breakdowns of a measure', () => {
  it('北票 公用经费 lists the 公开06表 公用经费 column by 经济分类', () => {
    const r = engine.ask('北票 公用经费 明细');
    expect(r.text).toContain('公开06表');
    expect(r.text).not.toContain('没有更细的明细');
    expect(r.text).toContain('劳务费（3022）：41.85万元');
  });

  it('曲阳 政府采购 lists the items of its 政府采购 table (lines 656–670), not the projects’ 预算资金', () => {
    const r = engine.ask('曲阳 政府采购 明细');
    expect(r.text).toContain('档案室维护经费（复印纸）：0.40万元');
    expect(r.answers.some((a) => a.source.line === 661 && a.amount_yuan === 14000)).toBe(false);
  });
});
