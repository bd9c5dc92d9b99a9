// A 自评表's indicators asked one by one (test/fixtures/practice/layouts: a 部门整体 and a 项目支出绩效自评表 whose
// indicator rows print 年度指标值 | 实际完成值 | 分值 | 得分): the indicator a question names, with its target and
// what was done, each cited at its row — the done value first when 实际完成值 / 完成 is asked. A word that names no
// indicator is still said not to be found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.ts';
import type { Engine } from '../../src/answer/types.ts';
import { ingestFixtures, type FixtureDatabase } from '../helpers/fixtures.ts';

let fixtures: FixtureDatabase;
let engine: Engine;
beforeAll(async () => {
  fixtures = await ingestFixtures('practice/layouts');
  engine = await createEngine({ dbPath: fixtures.dbPath });
});
afterAll(() => fixtures.remove());

const FILE = 'self_evaluation_indicators_daning_weijian_2023.txt';

describe('an indicator asked by name', () => {
  it.each([
    ['大宁 家庭医生签约服务人次 实际完成值', 271, '人次', '271人次', 12],
    ['大宁 受益卫生院数量 完成值', 271, '家', '271家', 32],
    ['大宁县卫生健康局 传染病发病率 实际完成', 0.3, '‰', '0.3‰', 17],
    ['大宁 公用经费支出 完成值', 90.14, '万元', '90.14万元', 16],
  ])('%s: what was done, at its row', (q, value, unit, raw, line) => {
    const r = engine.ask(q);
    expect(r.status, r.text).toBe('answered');
    expect(r.answers[0]).toMatchObject({ value, unit, amount_yuan: null, source: { file: FILE, line, raw } });
    expect(r.text).toContain(`完成${raw}`);
  });

  it('its target first when the target is asked, the done value beside it', () => {
    const r = engine.ask('大宁 配备救护车数量 目标值');
    expect(r.status, r.text).toBe('answered');
    expect(r.answers.map((a) => [a.value, a.unit, a.source.line])).toEqual([
      [2, '辆', 31],
      [2, '辆', 31],
    ]);
    expect(r.answers[1]!.label).toContain('实际完成值');
  });

  it('scores stay scores: the whole block still answers with its targets, done values and 得分', () => {
    const r = engine.ask('大宁 绩效自评');
    expect(r.status).toBe('answered');
    expect(r.text).toContain('家庭医生签约服务人次 ≥240人次，完成271人次，得分15/15');
    expect(r.text).toContain('群众满意度 ≥90%，完成88%，得分8.5/10');
    expect(r.answers.every((a) => a.amount_yuan === null)).toBe(true);
  });

  it('a word naming no indicator is not found, never another indicator', () => {
    const r = engine.ask('大宁 植树造林面积 完成值');
    expect(r.status).toBe('not_found');
    expect(r.answers).toEqual([]);
  });
});
