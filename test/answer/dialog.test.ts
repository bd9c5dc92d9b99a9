// Follow-ups continue the previous question in the same chat.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/types.ts';
import { testEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
});

describe('follow-up questions', () => {
  it('“北票呢” asks the same about another department', () => {
    const first = engine.ask('曲阳 2023 三公经费');
    const next = engine.ask('北票呢', first.context);
    expect(next.status).toBe('answered');
    expect(next.answers[0]).toMatchObject({ entity: '辽宁省朝阳市北票市医疗保障局', amount_yuan: 16600, year: 2024, stage: '决算' });
  });

  it('“明细呢” breaks the previous figure down', () => {
    const first = engine.ask('抚顺 2024 卫生健康支出');
    const next = engine.ask('明细呢', first.context);
    expect(next.status).toBe('answered');
    expect(next.answers.map((a) => a.label)).toContain('医疗救助（21013）');
    expect(next.answers.find((a) => a.label === '医疗救助（21013）')?.amount_yuan).toBe(86450000);
  });

  it('“那2022年呢” keeps department and figure and changes the year', () => {
    const first = engine.ask('沈阳 2023 三公经费');
    const next = engine.ask('那2022年呢？', first.context);
    // 沈阳 publishes 2023 only, but its 表7 prints 2022 beside 2023 (line 263: 5.65 … 23.65).
    expect(next.status).toBe('answered');
    expect(next.text).toContain('取自2023年预算');
    expect(next.answers[0]).toMatchObject({ year: 2022, amount_yuan: 56500, source: { line: 263 } });
  });

  it('a year nobody printed is computed from the change the text states, shown as computed, never guessed', () => {
    // 曲阳 line 434: 13.60万元 … 与2022年相比增加12万元 → 2022: 13.60 − 12 = 1.60万元.
    const first = engine.ask('曲阳 2023 三公经费');
    const next = engine.ask('那2022年呢', first.context);
    expect(next.status).toBe('answered');
    expect(next.text).toContain('推算');
    const [prior] = next.answers;
    expect(prior).toMatchObject({ year: 2022, amount_yuan: 16000, derived: { op: 'difference' } });
    expect(prior!.derived!.inputs.map((i) => [next.answers[i]!.amount_yuan, next.answers[i]!.source.line])).toEqual([
      [136000, 434],
      [120000, 434],
    ]);
  });

  it('a year nobody printed and no change stated is not found, not guessed', () => {
    const first = engine.ask('抚顺 2024 三公经费');
    const next = engine.ask('那2023年呢', first.context);
    expect(next.status).toBe('not_found');
    expect(next.answers).toEqual([]);
  });

  it('a complete question ignores the previous one', () => {
    const first = engine.ask('曲阳 2023 三公经费');
    const next = engine.ask('沈阳 2023 邮电费', first.context);
    expect(next.answers[0]?.entity).toBe('沈阳市医疗保障事务服务中心');
  });

  it('answers offer follow-up buttons', () => {
    const r = engine.ask('曲阳 2023 三公经费');
    expect(r.followups?.map((f) => f.label)).toEqual(['明细', '比上年', '来源']);
    const sources = engine.ask(r.followups!.find((f) => f.label === '来源')!.question);
    expect(sources.text).toContain('原文：');
  });
});

describe('messages nothing in the grammar understands', () => {
  // Each is answered as not understood, not as 沈阳's 三公经费 again.
  for (const garbage of ["'; DROP TABLE documents; --", 'asdfgh', '😀😀', '今天天气怎么样']) {
    it(`“${garbage}” does not inherit the previous question`, () => {
      const first = engine.ask('沈阳 三公经费');
      expect(first.answers[0]).toMatchObject({ amount_yuan: 236500, source: { line: 263 } });
      const next = engine.ask(garbage, first.context);
      expect(next.status).toBe('unsupported');
      expect(next.answers).toEqual([]);
      expect(next.text).not.toContain('23.65');
      // The conversation stays where it was: the front end keeps the previous context.
      expect(next.context).toBeUndefined();
    });
  }

  it('a real follow-up after one still continues the conversation', () => {
    const first = engine.ask('沈阳 三公经费');
    const garbage = engine.ask('asdfgh', first.context);
    const next = engine.ask('那2022年呢？', garbage.context ?? first.context);
    expect(next.status).toBe('answered');
    expect(next.answers[0]).toMatchObject({ year: 2022, amount_yuan: 56500, source: { line: 263 } });
  });

  it('a follow-up with a word not understood is not answered as the previous question', () => {
    const first = engine.ask('沈阳 三公经费');
    const next = engine.ask('那2022年的上海呢', first.context);
    expect(next.status).toBe('not_found');
    expect(next.text).toContain('上海');
    expect(next.answers).toEqual([]);
  });

  it('“比上年呢” and “来源” still continue it', () => {
    const first = engine.ask('沈阳 2023 三公经费');
    const change = engine.ask('比上年呢', first.context);
    expect(change.status).toBe('answered');
    expect(change.answers.map((a) => a.amount_yuan)).toEqual(expect.arrayContaining([236500, 56500]));
    const sources = engine.ask('来源', first.context);
    expect(sources.status).toBe('answered');
    expect(sources.text).toContain('原文：');
  });
});

describe('follow-ups keep what the new question leaves out, and only that', () => {
  it('a place with an intent of its own (北票 执行率) takes nothing from the previous question', () => {
    const first = engine.ask('沈阳 事业运行');
    const next = engine.ask('北票 执行率', first.context);
    expect(next.text).toContain('项目支出执行率：52.62%');
    expect(next.text).toBe(engine.ask('北票 执行率').text);
  });

  it('“人员经费呢” after a cell asks for the same row in that column (抚顺 line 46: 1,066.36)', () => {
    const first = engine.ask('抚顺 卫生健康支出 基本支出');
    expect(first.answers[0]).toMatchObject({ amount_yuan: 12233000, source: { line: 46 } });
    const next = engine.ask('人员经费呢', first.context);
    expect(next.answers[0]).toMatchObject({ amount_yuan: 10663600, source: { line: 46 } });
  });

  it('“离休医疗保障呢” after 北票 执行率 asks for that project’s rate (line 210: 44.68%)', () => {
    const first = engine.ask('北票 执行率');
    const next = engine.ask('离休医疗保障呢', first.context);
    expect(next.text).toContain('44.68%');
  });

  it('words of a follow-up are looked up in the previous department’s document only, never in another’s', () => {
    for (const [first, next] of [
      ['抚顺 公务员医疗补助', '这个钱是按工资总额的多少比例筹的'],
      ['曲阳 三公经费', '那个培训的钱呢'],
      ['北票 项目支出', '档案那个项目呢'],
    ] as const) {
      const a = engine.ask(first);
      const department = a.answers[0]!.source.document;
      const b = engine.ask(next, a.context);
      for (const x of b.answers) expect(x.source.document, `${next}\n${b.text}`).toBe(department);
      for (const other of ['抚顺', '曲阳', '沈阳', '莲湖', '北票'].filter((p) => !department.includes(p))) expect(b.text).not.toContain(other);
    }
  });

  it('arithmetic on more earlier answers than were given says so, with no figure', () => {
    const first = engine.ask('沈阳 人员经费');
    for (const q of ['这两个加起来', '三家一共多少', '它们合计']) {
      const next = engine.ask(q, first.context);
      expect(next.status, next.text).toBe('not_found');
      expect(next.answers).toEqual([]);
    }
  });

  it('arithmetic on earlier answers leaves the conversation where it was (两者合计 → 两者差多少 are of the same two)', () => {
    let c = engine.ask('抚顺 基本支出').context;
    c = engine.ask('项目支出呢', c).context;
    const sum = engine.ask('两者合计', c);
    const difference = engine.ask('两者差多少', sum.context);
    expect(sum.answers[0]).toMatchObject({ amount_yuan: 587339100, derived: { op: 'sum' } });
    expect(difference.answers[0]).toMatchObject({ amount_yuan: 556887100, derived: { op: 'difference' } });
  });

  it('whose the thing pointed at is (这个项目属于哪个单位, 它是哪个单位实施的) is said with its figure', () => {
    for (const [turns, unit] of [
      [['抚顺 项目支出 前5', '第五个', '这个项目属于哪个单位'], '抚顺市医疗保障事务服务中心'],
      [['北票 项目支出 前3', '它是哪个单位实施的'], '北票市医疗保障事务服务中心'],
      [['莲湖专项业务经费', '其中公务员医疗救助多少', '这笔钱是哪个单位花的'], '西安市莲湖区医疗保障局'],
    ] as const) {
      let r = engine.ask(turns[0]);
      for (const q of turns.slice(1)) r = engine.ask(q, r.context);
      expect(r.status).toBe('answered');
      expect(r.text.split('\n')[0]).toContain(`属于${unit}`);
      expect(r.answers[0]!.entity).toBe(unit);
    }
  });

  it('a unit word alone (医保中心呢) is the unit of the previous department', () => {
    const first = engine.ask('北票 执行率');
    const next = engine.ask('医保中心呢', first.context);
    expect(next.status).toBe('answered');
    expect(next.text).toContain('北票市医疗保障事务服务中心');
    for (const x of next.answers) expect(x.entity).toBe('北票市医疗保障事务服务中心');
  });

  it('“最高呢” after a score ranking ranks the scores the other way', () => {
    const first = engine.ask('北票 自评得分 最低');
    const next = engine.ask('最高呢', first.context);
    expect(next.text).toContain('项目自评得分排序（从高到低）');
    expect(next.answers[0]).toMatchObject({ value: 100 });
  });

  it('“它的项目支出” after a department of a ranking is its 项目支出, not its 支出总计 (曲阳 line 143: 240.04)', () => {
    const ranked = engine.ask('各医保局项目支出排名');
    const second = engine.ask('倒数第二', ranked.context);
    expect(second.answers[0]).toMatchObject({ entity: '曲阳县医疗保障局', amount_yuan: 2400400 });
    const its = engine.ask('它的项目支出多少', second.context);
    expect(its.answers[0]).toMatchObject({ entity: '曲阳县医疗保障局', amount_yuan: 2400400, source: { line: 143 } });
    const share = engine.ask('它的项目支出占支出总计多少', second.context);
    expect(share.answers[0]).toMatchObject({ value: 37.04, unit: '%', derived: { op: 'share' } });
    expect(share.answers.slice(1).map((a) => a.amount_yuan)).toEqual([2400400, 6480700]);
  });
});

describe('占比 after a part asked of a whole', () => {
  it('is the part over that whole (北票 住房公积金 36.20 ÷ 人员经费 490.66, 公开06表 lines 553 and 575), not over its own functional parent', () => {
    const whole = engine.ask('北票人员经费');
    const part = engine.ask('其中住房公积金', whole.context);
    const share = engine.ask('占比', part.context);
    expect(share.answers[0]).toMatchObject({ value: 7.38, unit: '%', derived: { op: 'share' } });
    expect(share.answers.slice(1).map((a) => [a.amount_yuan, a.source.line])).toEqual([
      [362000, 553],
      [4906600, 575],
    ]);
  });
});

describe('a share of a printed cell over itself', () => {
  it('is asked back, never printed as 100% (曲阳 支出 and 支出总计 are one cell, line 84)', () => {
    const r = engine.ask('曲阳支出占支出总计多少');
    expect(r.status).toBe('ambiguous');
    expect(r.answers).toEqual([]);
    expect(r.text).toContain('同一个数字');
  });
});

describe('another year read from the same document', () => {
  it('“明细呢” after “那2022年呢” is headed 2022, not the document’s 2023年预算 (沈阳 表7 line 263)', () => {
    const first = engine.ask('沈阳 2023 三公经费');
    const second = engine.ask('那2022年呢', first.context);
    const third = engine.ask('明细呢', second.context);
    expect(third.answers[0]).toMatchObject({ year: 2022, amount_yuan: 56500, source: { line: 263 } });
    expect(third.text).toContain('沈阳市医疗保障事务服务中心 2022年 “三公”经费');
    expect(third.text).not.toContain('2023年预算 “三公”经费');
  });
});

describe('a follow-up keeps the measure of the turn before and switches only what it names', () => {
  it('an item alone after a measure asked of an item is that measure of it (第三个呢 after 第一个的自评得分: a score, not an amount)', () => {
    const list = engine.ask('北票有哪些项目');
    const first = engine.ask('第一个的自评得分', list.context);
    expect(first.answers[0]).toMatchObject({ value: 89, unit: '分', source: { line: 717 } });
    const third = engine.ask('第三个呢', first.context);
    expect(third.answers[0]).toMatchObject({ value: 59, unit: '分', source: { line: 802 } });
  });

  it('a ranking after an average of scores ranks the scores (平均分呢 → 哪个最低)', () => {
    const scores = engine.ask('北票 项目自评得分');
    const average = engine.ask('平均分呢', scores.context);
    expect(average.answers[0]).toMatchObject({ value: 85.87, source: { line: 196 } });
    const lowest = engine.ask('哪个最低', average.context);
    expect(lowest.answers[0]).toMatchObject({ value: 59, unit: '分', source: { line: 802 } });
  });

  it('加起来 alone after the same figure of two units sums those two, shown', () => {
    const own = engine.ask('抚顺 本级项目支出');
    const centre = engine.ask('医保中心呢', own.context);
    const sum = engine.ask('加起来', centre.context);
    expect(sum.answers[0]).toMatchObject({ amount_yuan: 572113100, derived: { op: 'sum' } });
    expect(sum.answers.slice(1).map((a) => [a.amount_yuan, a.source.line])).toEqual([
      [2618000, 233],
      [569495100, 278],
    ]);
  });

  it('加起来 alone after one answer is no sum of one figure', () => {
    const one = engine.ask('沈阳 三公经费');
    const again = engine.ask('一共多少', one.context);
    expect(again.answers[0]).toMatchObject({ amount_yuan: 236500, source: { line: 263 } });
    expect(again.answers.some((a) => a.derived)).toBe(false);
  });
});
