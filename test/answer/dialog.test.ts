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

  it('a year nobody printed is not found, not guessed', () => {
    const first = engine.ask('曲阳 2023 三公经费');
    const next = engine.ask('那2022年呢', first.context);
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
