// Answers that say what the document prints: a threshold that qualifies a count,
// prose figures of the self-evaluation, a cell printed empty, and a ranking's figures
// named by the metric with the department as their entity.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/types.ts';
import { testEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
});

describe('大型设备 keeps its printed threshold', () => {
  // Each document counts equipment above its own price: 001:281 单价20万元以上, 002:743 单位价值200万元以上, 003:188 单价100万元（含）以上（不含车辆）.
  it.each([
    ['莲湖 设备', '单价20万元以上的设备', 281],
    ['沈阳 设备', '单位价值200万元以上大型设备', 743],
    ['北票 设备', '单价100万元（含）以上设备（不含车辆）', 188],
  ])('%s → %s (line %i)', (q, label, line) => {
    const r = engine.ask(q);
    expect(r.status).toBe('answered');
    expect(r.text).toContain(`${label}：0台（套）`);
    expect(r.answers[0]).toMatchObject({ label, value: 0, unit: '台（套）', source: { line } });
  });
});

describe('大型设备 compared across documents', () => {
  it('says each document’s own threshold (001:281 单价20万元以上, 003:188 单价100万元（含）以上)', () => {
    const r = engine.ask('莲湖和北票 设备');
    expect(r.text).toContain('单价20万元以上的设备 0台（套）');
    expect(r.text).toContain('单价100万元（含）以上设备（不含车辆） 0台（套）');
  });
});

describe('北票 self-evaluation summary in the prose', () => {
  it('the department’s 整体 average (line 198: 100 分) is not the projects’ (line 196: 85.87 分)', () => {
    expect(engine.ask('北票 整体自评平均分').answers[0]).toMatchObject({ label: '部门整体绩效自评平均分', value: 100, source: { line: 198 } });
    expect(engine.ask('北票 自评平均分').answers[0]).toMatchObject({ label: '项目绩效自评平均分', value: 85.87, source: { line: 196 } });
  });

  it('asked with 绩效自评, 涉及资金 gives the projects’ (line 196) and the 整体 one (line 198), each named', () => {
    const r = engine.ask('北票 绩效自评 涉及资金');
    expect(r.answers.map((a) => [a.label, a.amount_yuan, a.source.line])).toEqual([
      ['项目绩效自评涉及资金', 6067000, 196],
      ['部门整体绩效自评涉及资金', 5951600, 198],
    ]);
  });

  it('自评覆盖率 is the 83% stated, not the 100% of its formula (line 196)', () => {
    const r = engine.ask('北票 自评覆盖率');
    expect(r.answers[0]).toMatchObject({ value: 83, unit: '%', source: { line: 196 } });
    expect(r.text).toContain('自评覆盖率：83%');
  });
});

describe('ranking departments', () => {
  it('labels each figure with the metric; the department is its entity and stays in the text', () => {
    const r = engine.ask('哪个部门三公经费最高');
    expect(r.answers.length).toBe(5);
    for (const a of r.answers) expect(a.label).toBe('“三公”经费');
    expect(r.answers[0]!.entity).toBe('沈阳市医疗保障事务服务中心');
    expect(r.text).toContain('1. 沈阳市医疗保障事务服务中心（2023年预算）：23.65万元');
  });
});

describe('a named row printed with an empty cell', () => {
  it('抚顺 上年结转: 表1 line 26 “上年结转结余” and 表4 line 92 print no figure — said so, no number invented', () => {
    const r = engine.ask('抚顺 上年结转');
    expect(r.status).toBe('not_found');
    expect(r.answers).toEqual([]);
    expect(r.text).toContain('表中此栏为空');
    expect(r.text).toContain('第26行“上年结转结余”');
    expect(r.text).toContain('第92行“二、上年结转”');
  });

  it('曲阳 上年结转 is still the 0.00 its text states (line 418)', () => {
    expect(engine.ask('曲阳 上年结转').answers[0]).toMatchObject({ amount_yuan: 0, source: { line: 418 } });
  });
});
