// The sentence grammar of prose numbers (src/ingest/prose/roles.ts): each number's role from
// the words before and after it, in sentences as the template families print them. `before`
// is the clause up to the number (from the previous number on), `after` what follows it and its unit.
import { describe, expect, it } from 'vitest';
import { roleOf, type Role } from '../../../src/ingest/prose/roles.ts';
import type { Stage } from '../../../src/store/schema.ts';

const figure = (year: number, stage: Stage, compared = false, staged = false): Role => ({ kind: 'figure', year, stage, compared, staged });

/** [sentence up to the number, after it, percent?, document year and stage, role] */
const CASES: [string, string, string, boolean, number, Stage, Role | null][] = [
  // Budgets (Hunan, Jiangxi, the seeds): this year's figure, the year compared with, the change.
  ['this year', '2025年一般公共预算拨款支出', '，比上年预算', false, 2025, '预算', figure(2025, '预算')],
  ['比上年预算X万元增加: X is last year’s', '比上年预算', '增加226.10万元', false, 2025, '预算', figure(2024, '预算', true, true)],
  ['…增加Y万元: Y is the change', '增加', '，增长14.01%', false, 2025, '预算', { kind: 'change', sign: 1 }],
  ['增长P%', '增长', '，主要原因是', true, 2025, '预算', { kind: 'change', sign: 1 }],
  ['下降P%', '下降', '', true, 2025, '预算', { kind: 'change', sign: -1 }],
  ['上年预算数为X (an aside)', '（上年预算数为', '），主要原因是', false, 2024, '预算', figure(2023, '预算', true, true)],
  ['比 2022 年收支总预算 X 万元增加 (沈阳)', '比 2022 年收支总预算 ', '增加', false, 2023, '预算', figure(2022, '预算', true, true)],
  ['2024年预算数为X: this year, the stage named', '（项）2024年预算数为', '，比上年增加', false, 2024, '预算', figure(2024, '预算', false, true)],
  ['a fund named 一般公共预算 says no stage', '2024年度一般公共预算财政拨款支出', '', false, 2024, '决算', figure(2024, '决算')],
  // Final accounts (Yunnan / Gansu, 北票): 预算数 beside 决算数, execution rates, 上年决算.
  ['年初预算为X: the 预算数 of a 决算', '（项）：年初预算为', '，支出决算为', false, 2023, '决算', figure(2023, '预算', false, true)],
  ['支出决算为Y', '支出决算为', '，完成年初预算的', false, 2023, '决算', figure(2023, '决算', false, true)],
  ['完成年初预算的Z%', '完成年初预算的', '。', true, 2023, '决算', { kind: 'execution' }],
  ['与上年决算数X万元相比', '收入总计与上年决算数', '相比，增加', false, 2023, '决算', figure(2022, '决算', true, true)],
  ['比上年决算数X万元减少', '2023年度财政拨款收入支出总计1808.21万元，比上年决算数', '减少54.03万元', false, 2023, '决算', figure(2022, '决算', true, true)],
  ['项目全年预算数为 X (北票)', '项目全年预算数为 ', '', false, 2024, '决算', figure(2024, '预算', false, true)],
  ['执行数为 Y', '执行数为 ', '', false, 2024, '决算', figure(2024, '决算', false, true)],
  ['占本年支出合计的P%', '占本年支出合计的', '。', true, 2023, '决算', { kind: 'share' }],
  ['占P% right after its figure', '占', '；', true, 2023, '决算', { kind: 'share' }],
  // Numbers that are no figure of their own, or whose role cannot be told.
  ['单价 100 万元（含）以上设备: a threshold', '单价 ', '（含）以上设备', false, 2024, '决算', { kind: 'threshold' }],
  ['单位价值200万元以上: a threshold', '单位价值', '以上大型设备', false, 2023, '预算', { kind: 'threshold' }],
  ['compared with no year named is not read', '比预算', '增加', false, 2024, '预算', null],
  ['an execution rate must be a percent', '完成年初预算的', '', false, 2024, '决算', null],
];

describe('a prose number’s role', () => {
  it.each(CASES)('%s', (_, before, after, percent, year, stage, role) => {
    expect(roleOf(before, after, percent, year, stage)).toEqual(role);
  });
});
