// Sentences written for these tests in the ways each template family states figures in its prose,
// read into narrative facts: every number in its role, year and stage; a change, share or rate on
// the figure it belongs to; nothing stored for a number whose role or subject cannot be told.
import { describe, expect, it } from 'vitest';
import { extractFacts, type FactDraft } from '../../../src/ingest/prose/facts.ts';
import type { Paragraph } from '../../../src/ingest/prose/paragraphs.ts';
import type { Stage } from '../../../src/store/schema.ts';

/** Each text one paragraph on its own line (1, 2, …). */
function read(year: number, stage: Stage, texts: string[], subjects: [string, string][] = []): FactDraft[] {
  const paragraphs: Paragraph[] = texts.map((text, i) => ({ text, lineAt: Array.from({ length: text.length }, () => i + 1) }));
  return extractFacts(paragraphs, { year, stage, unit: '万元', department: '某某县财政局' }, new Map(subjects));
}

const wan = (n: number) => Math.round(n * 1_000_000);
const brief = (f: FactDraft) => ({
  line: f.line,
  metric: f.metric,
  subject: f.subject_name ?? null,
  aspect: f.aspect,
  year: f.year,
  basis: f.basis,
  amount: f.amount_fen ?? null,
  value: f.value ?? null,
  change: f.change_fen ?? null,
  percent: f.change_percent ?? null,
});

describe('预算 prose (Hunan, Jiangxi)', () => {
  it('比上年预算X万元增加Y万元: X is last year’s 预算, Y the change of this year’s figure', () => {
    const facts = read(2025, '预算', ['2025年本部门机关运行经费预算48.20万元，比上年预算45.10万元增加3.10万元，增长6.87%，主要原因是新增人员。']);
    expect(facts.map(brief)).toEqual([
      { line: 1, metric: 'admin_operation', subject: null, aspect: 'amount', year: 2025, basis: '预算', amount: wan(48.2), value: null, change: wan(3.1), percent: 6.87 },
      { line: 1, metric: 'admin_operation', subject: null, aspect: 'amount', year: 2024, basis: '预算', amount: wan(45.1), value: null, change: null, percent: null },
    ]);
    expect(facts[0]!.reason).toBe('新增人员');
  });

  it('a reason given by 由于 / 因为 / 用于 after the change is the change’s reason, its amount no figure of its own', () => {
    const dueFacts = read(2025, '预算', ['2025年本部门机关运行经费预算48.20万元，比上年增加3.10万元，由于新增人员2名。']);
    expect(dueFacts[0]!.reason).toBe('新增人员2名');
    expect(dueFacts.map(brief).map((f) => [f.amount, f.value])).toEqual([[wan(48.2), null]]);
    const due = dueFacts[0];
    expect(due!.change_fen).toBe(wan(3.1));
    const [because] = read(2025, '预算', ['2025年“三公”经费预算10.80万元，较上年减少1.20万元，因为压减公务接待。']);
    expect(because!.reason).toBe('压减公务接待');
    const [used] = read(2025, '预算', ['2025年本部门机关运行经费预算48.20万元，比上年增加3.10万元，主要用于购置办公设备。']);
    expect(used!.reason).toBe('购置办公设备');
  });

  it('（上年预算数为X万元） after the change: X is last year’s, the change stays this year’s', () => {
    const facts = read(2025, '预算', ['2025年“三公”经费预算10.80万元。“三公”经费较上年减少1.20万元，下降10.00%（上年预算数为12.00万元），主要原因是压减开支。']);
    expect(facts.map(brief)).toEqual([
      { line: 1, metric: 'three_public.total', subject: null, aspect: 'amount', year: 2025, basis: '预算', amount: wan(10.8), value: null, change: -wan(1.2), percent: -10 },
      { line: 1, metric: 'three_public.total', subject: null, aspect: 'amount', year: 2024, basis: '预算', amount: wan(12), value: null, change: null, percent: null },
    ]);
  });

  it('a change with no figure of this year stated is not given to the figure compared with', () => {
    const facts = read(2024, '预算', ['收支总预算比上年预算1000.00万元增加100.00万元，增长10.00%。']);
    expect(facts.map(brief)).toEqual([
      { line: 1, metric: 'expenditure.grand_total', subject: null, aspect: 'amount', year: 2023, basis: '预算', amount: wan(1000), value: null, change: null, percent: null },
    ]);
  });

  it('changes stated for a whole and for each of its parts go to each one’s own figure', () => {
    const facts = read(2024, '预算', ['2024年支出预算500.00万元，比上年增加50.00万元，其中：基本支出300.00万元，比上年增加20.00万元；项目支出200.00万元，比上年增加30.00万元。']);
    expect(facts.map((f) => [f.metric, f.year, f.amount_fen, f.change_fen])).toEqual([
      ['expenditure.grand_total', 2024, wan(500), wan(50)],
      ['basic', 2024, wan(300), wan(20)],
      ['project', 2024, wan(200), wan(30)],
    ]);
  });

  it('a threshold in a name is no figure (单价50万元以上的设备)', () => {
    const facts = read(2024, '预算', ['截至上年底，本部门共有车辆3辆，单价50万元以上的设备2台（套）。']);
    expect(facts.some((f) => f.amount_fen === wan(50))).toBe(false);
    expect(facts.map((f) => [f.metric, f.value])).toEqual([
      ['vehicles.count', 3],
      ['equipment.count', 2],
    ]);
  });

  it('a change after a number no rule reads is not given to the figure before it', () => {
    const facts = read(2024, '预算', ['基本支出80.00万元，其中某某专项费用12.00万元，比上年增加2.00万元。']);
    expect(facts.map(brief)).toEqual([
      { line: 1, metric: 'basic', subject: null, aspect: 'amount', year: 2024, basis: '预算', amount: wan(80), value: null, change: null, percent: null },
    ]);
  });
});

describe('决算 prose (Yunnan, Gansu)', () => {
  it('预算为X万元，支出决算为Y万元，完成预算的Z%: X the 预算数, Y the 决算数, Z its execution rate', () => {
    const facts = read(2023, '决算', ['3.公务用车运行维护费预算为6.00万元，支出决算为5.40万元，完成预算的90%。']);
    expect(facts.map(brief)).toEqual([
      { line: 1, metric: 'three_public.vehicle_operation', subject: null, aspect: 'amount', year: 2023, basis: '预算', amount: wan(6), value: null, change: null, percent: null },
      { line: 1, metric: 'three_public.vehicle_operation', subject: null, aspect: 'amount', year: 2023, basis: '决算', amount: wan(5.4), value: null, change: null, percent: null },
      { line: 1, metric: 'three_public.vehicle_operation', subject: null, aspect: 'execution_rate', year: 2023, basis: '决算', amount: null, value: 90, change: null, percent: null },
    ]);
  });

  it('a 项 named with its level mark is the subject, whether or not a table printed it', () => {
    const facts = read(2023, '决算', ['2.卫生健康支出（类）公共卫生（款）妇幼保健机构（项）：年初预算为20.00万元，支出决算为22.00万元，完成年初预算的110%。']);
    expect(facts.map((f) => [f.subject_name, f.aspect, f.basis, f.amount_fen ?? f.value])).toEqual([
      ['妇幼保健机构', 'amount', '预算', wan(20)],
      ['妇幼保健机构', 'amount', '决算', wan(22)],
      ['妇幼保健机构', 'execution_rate', '决算', 110],
    ]);
  });

  it('与上年决算数X万元相比，增加Y万元: X is last year’s 决算, Y the change of this year’s', () => {
    const facts = read(2023, '决算', ['2023年度机关运行经费支出30.00万元，与上年决算数25.00万元相比，增加5.00万元，增长20.00%，主要原因是人员增加。']);
    expect(facts.map(brief)).toEqual([
      { line: 1, metric: 'admin_operation', subject: null, aspect: 'amount', year: 2023, basis: '决算', amount: wan(30), value: null, change: wan(5), percent: 20 },
      { line: 1, metric: 'admin_operation', subject: null, aspect: 'amount', year: 2022, basis: '决算', amount: wan(25), value: null, change: null, percent: null },
    ]);
  });

  it('与上年决算数… opening its own sentence compares the paragraph’s figure', () => {
    const facts = read(2024, '决算', ['2024年度一般公共预算财政拨款支出800.00万元，占本年支出合计的80.00%。与上年决算数900.00万元相比，减少100.00万元，下降11.11%。']);
    expect(facts.filter((f) => f.aspect === 'amount').map(brief)).toEqual([
      { line: 1, metric: 'fiscal.general_budget', subject: null, aspect: 'amount', year: 2024, basis: '决算', amount: wan(800), value: null, change: -wan(100), percent: -11.11 },
      { line: 1, metric: 'fiscal.general_budget', subject: null, aspect: 'amount', year: 2023, basis: '决算', amount: wan(900), value: null, change: null, percent: null },
    ]);
  });
});

describe('a number printed with letters among its digits', () => {
  it('is stored with its likeliest reading, flagged garbled_digits', () => {
    const [fact] = read(2025, '预算', ['2025年，我部门机关运行经费安排l8.50万元。']);
    expect(fact).toMatchObject({ metric: 'admin_operation', amount_fen: wan(18.5), flags: 'garbled_digits' });
  });
});
