// What answers say beside their figures: counts, disagreements, warnings.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/types.ts';
import { testEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
});

describe('project lists', () => {
  it('曲阳 lists all 14 projects, saying which 7 have no amount printed', () => {
    // 14 绩效目标表 (lines 488–640); the 政府采购 table (lines 656–669) prices 7 of them.
    const r = engine.ask('曲阳 有哪些项目');
    expect(r.status).toBe('answered');
    expect(r.text).toContain('共有14个项目，其中7个文件中没有印金额');
    for (const name of ['医保局公益性岗位人员经费', '医保局网络建设费用', '曲阳县城乡居民基本医疗保险管理服务中心劳务派遣人员工资经费']) {
      expect(r.text).toContain(name);
    }
    expect(r.answers).toHaveLength(7);
  });

  it('a project printed twice under two names is listed once (莲湖)', () => {
    expect(engine.ask('莲湖 有哪些项目').text).toContain('共有5个项目：');
  });
});

describe('执行率', () => {
  it('says when the text and the 自评表 disagree (北票 line 204 75.54% vs line 703 75.57%)', () => {
    const r = engine.ask('北票 2024年医保基金监管经费 执行率');
    expect(r.text).toContain('正文75.54%');
    expect(r.text).toContain('75.57%');
    expect(r.text).toContain('正文与自评表不一致');
  });

  it('does not claim a disagreement the ingest did not find (北票 line 212 and 767: 100%)', () => {
    expect(engine.ask('北票 困难群众医疗保障资金 执行率').text).not.toContain('不一致');
  });
});

describe('consistency warnings', () => {
  it('莲湖 卫生健康支出 carries the 表1 vs 表5 finding (they differ by 教育支出 3,360.00)', () => {
    const r = engine.ask('莲湖 卫生健康支出');
    expect(r.text).toMatch(/⚠ 核对提示：.*卫生健康支出.*不一致/);
  });
});

describe('codes printed cut short', () => {
  it('北票 3010 stands for several subjects (公开06表 lines 542–549): asks which, answers none', () => {
    const r = engine.ask('北票 3010');
    expect(r.status).toBe('ambiguous');
    expect(r.answers).toEqual([]);
    expect(r.suggestions).toContain('北票 基本工资');
    expect(r.suggestions).toContain('北票 津贴补贴');
    expect(r.suggestions.length).toBeLessThanOrEqual(5);
  });

  it('a well-formed code still answers at once (北票 2101550 事业运行, line 422)', () => {
    expect(engine.ask('北票 2101550').answers[0]).toMatchObject({ amount_yuan: 3525700, source: { line: 422 } });
  });
});

describe('projects found by a loose name', () => {
  it('a misspelt name is answered as the closest project, saying so (沈阳 表9 line 292)', () => {
    const r = engine.ask('沈阳 日常办公印刷服物经费');
    expect(r.text).toContain('没有名为“日常办公印刷服物经费”的项目，以下是名称最接近的“日常办公印刷服务经费”。');
    expect(r.answers[0]).toMatchObject({ amount_yuan: 201000, source: { line: 292 } });
  });

  it('a name typed exactly, or a part of it, needs no such note', () => {
    for (const q of ['沈阳 日常办公印刷服务经费', '沈阳 印刷服务']) {
      const r = engine.ask(q);
      expect(r.answers[0]).toMatchObject({ amount_yuan: 201000, source: { line: 292 } });
      expect(r.text).not.toContain('没有名为');
    }
  });
});

describe('performance goals stated in the prose', () => {
  it('曲阳 绩效目标 answers the department’s goals and indicators from the prose (lines 438–470)', () => {
    const r = engine.ask('曲阳 绩效目标');
    expect(r.status).toBe('answered');
    expect(r.text).toContain('曲阳县医疗保障局绩效目标（正文第438行起）');
    // 总体绩效目标 item 1 (line 442) and the 分项 indicator sentences as printed (lines 458, 470).
    expect(r.text).toContain('1.组织制定全县城镇职工、城乡居民参保筹资和保障待遇政策');
    expect(r.text).toContain('· 全县城乡居民参保人数达到 52 万。');
    expect(r.text).toContain('· 将城镇职工基本医疗保险和城乡居民基本医疗保险参保率巩固在 95%以上。');
    expect(r.text).toContain('来源：《曲阳县医疗保障局2023年部门预算》正文第458、464、470行');
    expect(r.answers[0]).toMatchObject({ value: 52, unit: '万', source: { table: null, line: 458, raw: '全县城乡居民参保人数达到 52 万。' } });
  });

  it('says the 14 project 绩效目标表 (lines 488–640) exist and how to ask for one', () => {
    const r = engine.ask('曲阳 整体绩效目标');
    expect(r.text).toContain('另有14个项目绩效目标表');
    expect(r.suggestions).toContain('曲阳 医保局公务用车购置经费 绩效目标');
    for (const q of r.suggestions) expect(engine.ask(q).status, q).toBe('answered');
  });

  it('a unit with no goals of its own is told which projects have them (曲阳 医疗保险所)', () => {
    const r = engine.ask('曲阳 医疗保险所 绩效目标');
    expect(r.status).toBe('not_found');
    expect(r.text).toContain('没有找到部门整体绩效目标；有绩效目标的项目（共14个）：医保基金引入第三方监管经费、');
    expect(r.suggestions[0]).toBe('曲阳 医保基金引入第三方监管经费 绩效目标');
    expect(r.answers).toEqual([]);
  });
});

describe('what a 预算 cannot say', () => {
  it('自评 asked of a 预算 says there is none before giving the targets (莲湖 部门整体支出绩效目标表, line 767)', () => {
    const r = engine.ask('莲湖 绩效自评');
    expect(r.text).toContain('没有绩效自评（自评随决算公开）；以下是年初设定的绩效目标。');
    expect(r.text).toContain('第767行起');
  });
});

describe('changes stated in the text keep their own words', () => {
  it('沈阳 line 735 “减少 0 万元，下降 0%” is 持平, its words beside it, never turned into 增长', () => {
    const r = engine.ask('沈阳 机关运行经费 比上年');
    expect(r.text).toContain('持平（文中写作“减少0万元，下降0%”）');
    expect(r.text).not.toContain('增长');
    expect(r.text).not.toMatch(/-0(\.0+)?%/);
  });
});

describe('cells printed empty', () => {
  it('are read as 0 but say they were blank (抚顺 表7 line 206: 公务接待费 empty, 公务用车运行费 5.80)', () => {
    const r = engine.ask('抚顺 公务接待费');
    expect(r.answers[0]).toMatchObject({ amount_yuan: 0, source: { line: 206, raw: '' } });
    expect(r.text).toContain('公务接待费：0.00万元（表中空白）');
    expect(engine.ask('抚顺 三公经费').text).not.toContain('5.80万元（表中空白）');
  });
});

describe('a project list that is not the whole', () => {
  it('北票 项目支出 明细 lists the priced projects and says 项目支出 is 894.75 (公开03表 line 406)', () => {
    const r = engine.ask('北票 项目支出 明细');
    expect(r.text).toContain('项目支出为894.75万元，上列只是文件中印了金额的项目，不是它的全部构成。');
    expect(r.answers.some((a) => a.amount_yuan === 8947500 && a.source.line === 406)).toBe(true);
  });

  it('抚顺’s 22 projects add up to its 项目支出, so no such note', () => {
    expect(engine.ask('抚顺 项目支出 明细').text).not.toContain('不是它的全部构成');
  });
});

describe('subjects bounded by a column of their rows', () => {
  it('项目支出里超过X的功能科目 keeps the subjects whose 项目支出 cell is over it, never a row whose 合计 alone is (抚顺 表3)', () => {
    // 抚顺 表3: 事业运行 line 70 prints 911.94 in 合计 and nothing under 项目支出; 其他医疗保障管理事务支出 line 71 347.07 in both.
    const r = engine.ask('抚顺项目支出里头超过300万的功能科目');
    expect(r.status).toBe('answered');
    expect(r.answers.map((a) => a.label)).not.toContain('事业运行（2101550）');
    expect(r.answers.map((a) => a.amount_yuan)).toEqual([433710000, 86450000, 33724400, 14400000, 3470700]);
    expect(r.text).toContain('“项目支出”栏');
  });

  it('人员经费超过X的功能科目 is read in the 人员经费 column (沈阳 表3 line 152: 事业运行 合计 4,694.00, 人员经费 4,087.75)', () => {
    const r = engine.ask('沈阳人员经费超过4000万的功能科目');
    expect(r.answers.map((a) => a.amount_yuan)).toEqual([40877500]);
    expect(engine.ask('沈阳人员经费超过4100万的功能科目').status).toBe('not_found');
  });
});
