// Words typed together are read as one phrase; refusals quote words as typed; typos of figure names are said.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/types.ts';
import { testEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
});

describe('phrases and refusals', () => {
  it.each([
    ['北票 其他运转类', '其他运转类'],
    ['抚顺 中小企业', '中小企业'],
    ['莲湖 检查医药机构 数量', '检查医药机构'],
  ])('%s quotes “%s” as typed', (q, word) => {
    const r = engine.ask(q);
    expect(r.status).toBe('not_found');
    expect(r.text).toContain(`“${word}`);
  });

  it.each(['抚顺 部门管理专项资金', '莲湖 经办机构经费', '莲湖 检查医药机构 数量'])('%s does not list the departments', (q) => {
    expect(engine.ask(q).text).not.toContain('个部门的公开资料');
  });

  it('says how a misspelt figure name was read', () => {
    const r = engine.ask('沈阳 公务接代费');
    expect(r.text).toContain('“公务接代费”按“公务接待费”理解');
  });

  it('never adds the part of a longer name as a target of its own', () => {
    expect(engine.ask('抚顺 举报奖金').text).not.toContain('54.10');
    expect(engine.ask('莲湖 培训 人数').text).not.toContain('14人');
    expect(engine.ask('沈阳 购买服务岗位').text).not.toContain('政府采购服务');
  });

  it('offers a project two units carry once per unit, and each suggestion reaches that unit', () => {
    const r = engine.ask('抚顺 提升资金');
    expect(r.status).toBe('ambiguous');
    const named = r.suggestions.filter((x) => x.includes('下达医疗服务与保障能力提升补助'));
    // Printed once with （ and once with (: one suggestion per unit, none twice but for bracket width.
    expect(new Set(named.map((x) => x.replace(/\(/g, '（').replace(/\)/g, '）'))).size).toBe(named.length);
    expect(named).toHaveLength(2);
    const figures = named.map((x) => engine.ask(x).answers.map((a) => [a.amount_yuan, a.source.line]));
    expect(figures).toContainEqual([[600000, 309]]);
    expect(figures).toContainEqual([[2260000, 235]]);
  });

  it('finds a code printed with a leading zero by the code and as printed, with its finding', () => {
    for (const q of ['抚顺 30239', '抚顺 030239']) {
      const r = engine.ask(q);
      expect(r.answers[0]).toMatchObject({ amount_yuan: 323200, source: { line: 190 } });
      expect(r.text).toContain('⚠');
    }
  });
});
