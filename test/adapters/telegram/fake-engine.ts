// A deterministic stand-in for the query engine, so the adapter tests do not
// depend on the real one. It knows two units and one metric:
//   曲阳 2023 三公经费          → answered (one figure), follow-ups 明细 / 比上年 / 来源
//   … 明细                      → answered, four figures (a table)
//   三公经费 (no unit)           → ambiguous, two suggestions
//   那2022年呢 / 明细呢 / 北票呢 → continues the context
//   A&B<C> 三公经费              → answered, with HTML specials in the unit's name
//   长答案                       → a 9,000-character answer on many lines
//   炸                           → throws (the real engine never does; tests the error path)
import type { AnswerItem, AskResult, CatalogDocument, DialogContext, Engine } from '../../../src/answer/types.ts';

interface Query {
  unit: string;
  year: number;
  detail: boolean;
}

const UNITS: Record<string, string> = {
  曲阳: '曲阳县医疗保障局',
  北票: '北票市医疗保障局',
  'A&B<C>': 'A&B<C>局',
};

const PARTS: [string, number][] = [
  ['因公出国（境）费', 0],
  ['公务用车购置及运行费', 34_000],
  ['公务接待费', 12_000],
];

function item(unit: string, year: number, label: string, amount: number): AnswerItem {
  return {
    entity: unit,
    year,
    stage: '预算',
    label,
    amount_yuan: amount,
    value: null,
    unit: '元',
    source: { document: `《${unit}${year}年部门预算》 (004_test.txt)`, table: '表7 “三公”经费支出表', line: 120 },
    as_of: null,
  };
}

function answer(text: string, query: Query): AskResult {
  const unit = UNITS[query.unit]!;
  const question = `${query.unit} ${query.year} 三公经费`;
  const answers = query.detail
    ? PARTS.map(([label, amount]) => item(unit, query.year, label, amount)).concat(item(unit, query.year, '合计', 46_000))
    : [item(unit, query.year, '“三公”经费', 46_000)];
  const lines = query.detail
    ? [`${unit} ${query.year}年 “三公”经费明细：`, ...answers.map((a) => `${a.label}：${(a.amount_yuan! / 10_000).toFixed(2)} 万元`)]
    : [`${unit} ${query.year}年 “三公”经费：4.60 万元`, `来源：${answers[0]!.source.document} ${answers[0]!.source.table} 第120行`];
  return {
    query: text,
    status: 'answered',
    text: lines.join('\n'),
    answers,
    suggestions: [],
    followups: [
      { label: '明细', question: `${question} 明细` },
      { label: '比上年', question: `${question} 比上年` },
      { label: '来源', question: `${question} 来源` },
    ],
    context: { query },
  };
}

export const AMBIGUOUS_SUGGESTIONS = ['曲阳 2023 三公经费', '北票 2024 三公经费'];

export function createFakeEngine(): Engine & { calls: { text: string; context: DialogContext | undefined }[] } {
  const calls: { text: string; context: DialogContext | undefined }[] = [];
  return {
    calls,
    ask(text, context) {
      calls.push({ text, context });
      if (text.includes('炸')) throw new Error('engine exploded');
      if (text === '长答案') {
        const lines = Array.from({ length: 300 }, (_, i) => `第${i + 1}行：这是一段很长的说明文字，用来测试分段发送。`);
        return { query: text, status: 'answered', text: lines.join('\n'), answers: [], suggestions: [] };
      }
      const previous = (context?.query ?? undefined) as Query | undefined;
      const followup = /^那|呢[？?]?$/.test(text) && previous !== undefined;
      const unit = Object.keys(UNITS).find((name) => text.includes(name)) ?? (followup ? previous.unit : undefined);
      const year = Number(/20\d\d/.exec(text)?.[0] ?? (followup ? previous.year : 2023));
      const detail = text.includes('明细') || (followup && previous.detail);
      const metric = text.includes('三公') || followup;
      if (unit !== undefined && metric) return answer(text, { unit, year, detail });
      if (metric) {
        return {
          query: text,
          status: 'ambiguous',
          text: '“三公经费”是哪个单位的？',
          answers: [],
          suggestions: AMBIGUOUS_SUGGESTIONS,
          context,
        };
      }
      return { query: text, status: 'not_found', text: `没找到：${text}`, answers: [], suggestions: [] };
    },
    catalog(): CatalogDocument[] {
      return [
        { file: '004_test.txt', title: '曲阳县医疗保障局2023年部门预算', department: '曲阳县医疗保障局', year: 2023, stage: '预算', amount_unit: '万元', tables: 9, checks_passed: 12, checks_failed: 1 },
        { file: '003_test.txt', title: '北票市医疗保障局2024年度部门决算', department: '北票市医疗保障局', year: 2024, stage: '决算', amount_unit: '万元', tables: 11, checks_passed: 20, checks_failed: 0 },
      ];
    },
  };
}
