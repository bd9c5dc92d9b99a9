// How a lookup words figures that differ between tables, and what it refuses to give.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/types.ts';
import { testEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
});

describe('figures of different scopes are not called a contradiction', () => {
  // Each pair measures different things: all funds vs 一般公共预算 (沈阳 表3/表5), a project vs its 政府采购 (莲湖 表10/表12).
  for (const [q, figures] of [
    ['沈阳 卫生健康支出', [2347979100, 2345659100]],
    ['莲湖 医保信息化', [200000, 152208]],
  ] as const) {
    it(q, () => {
      const r = engine.ask(q);
      expect(r.status).toBe('answered');
      expect(r.text).toContain('各表口径不同：');
      expect(r.text).not.toContain('不同表中印的数字不同');
      expect(r.answers.map((a) => a.amount_yuan)).toEqual(figures);
      // Each figure with its table and column.
      for (const a of r.answers) expect(r.text).toContain(`（${a.source.table}·`);
    });
  }

  // A 基本支出 table's 合计 is the subject's basic part (莲湖 表7, 沈阳 表6): the whole leads, the part is said as one.
  // (莲湖's 公务员医疗补助 is also the 经济科目 30111 公务员医疗补助缴费, answered after it, labelled.)
  for (const [q, whole, part, namesakes] of [
    ['莲湖 公务员医疗补助', 1056474.22, 56474.22, [56474.22]],
    ['沈阳 邮电费', 1826400, 1800000, []],
  ] as const) {
    it(`${q}: the whole, then its basic part`, () => {
      const r = engine.ask(q);
      expect(r.answers.map((a) => a.amount_yuan)).toEqual([whole, part, ...namesakes]);
      expect(r.answers[1]!.label).toMatch(/·基本支出$/);
      expect(r.text).toContain('其中基本支出：');
      expect(r.text).not.toContain('不同表中印的数字不同');
      expect(r.text).not.toContain('各表口径不同');
    });
  }

  it('the same measure in the same scope printed differently is: 莲湖 卫生健康支出 表1 vs 表5', () => {
    const r = engine.ask('莲湖 卫生健康支出');
    expect(r.text).toContain('不同表中印的数字不同');
    expect(r.text).toContain('⚠ 核对提示');
  });
});

describe('what a lookup refuses rather than answer with another figure', () => {
  it('a sub-unit printing no figure of its own is not given the department’s (曲阳 医疗保险所 项目支出)', () => {
    // 004:660 is the unit's 政府采购 subtotal, not its 项目支出.
    const r = engine.ask('曲阳 医疗保险所 项目支出');
    expect(r.status).toBe('not_found');
    expect(r.answers).toEqual([]);
    expect(r.text).toContain('没有单列');
    expect(r.suggestions).toEqual(['曲阳 2023 项目支出']);
  });

  it('a 预算数 asked of a 决算 that prints none is refused, not answered with the 决算数', () => {
    const r = engine.ask('北票 2024 预算 支出总计');
    expect(r.status).toBe('not_found');
    expect(r.answers).toEqual([]);
    expect(r.text).toContain('没有支出总计的预算数，只有决算数');
  });

  it('a cell is labelled with its column (抚顺 卫生健康支出 基本支出, 000:46)', () => {
    const r = engine.ask('抚顺 卫生健康支出 基本支出');
    expect(r.answers).toHaveLength(1);
    expect(r.answers[0]!.label).toBe('卫生健康支出·基本支出');
    expect(r.answers[0]!.source.raw).toBe('1,223.30');
  });
});

describe('a total the prose states and the table prints only in parts', () => {
  // 曲阳's 三公 table has no 合计 row; the prose's 13.60 (line 434) equals its items 0 + 13.60 + 0 (lines 371, 372, 375).
  it('is answered as corroborated, without the unverified caution', () => {
    const r = engine.ask('曲阳 2023 三公经费');
    expect(r.answers[0]!.amount_yuan).toBe(136000);
    expect(r.answers[0]!.corroboration).toBe('text');
    expect(r.text).not.toContain('未经核对');
    expect(r.text.split('\n').filter((l) => l.startsWith('⚠'))).toEqual([]);
  });
});
