// 照那么算全年要多少 after an answer: the one figure it gave per month or per quarter (a 绩效 target's 人均月补助标准
// ≥2731.94元, a cost in 元/月), scaled to a year and shown as that formula — a computed figure (op per_year) whose input is
// the figure answered, cited as before. Never a figure the last answer did not give.
import type { FollowUpWords } from '../query/follow-up.ts';
import type { Conversation } from './dialog.ts';
import { derivedFigure, show, type Figure } from './figures.ts';
import { reply, type Reply } from './reply.ts';
import { alternation, escapeRegExp } from '../query/normalize/words.ts';
import shapes from '../../grammar/shapes.json' with { type: 'json' };

const { periods } = shapes.perYear;
const PERIODS = Object.entries(periods).map(([name, p]) => ({ name, times: p.times, said: new RegExp(alternation(p.words)) }));

export function perYearFollowUp(said: FollowUpWords, c: Conversation | undefined): Reply | null {
  if (!said.perYear || !c) return null;
  const figures = c.figures ?? [];
  const periodic = figures.flatMap((f) => {
    const period = PERIODS.find((p) => p.said.test(`${f.label}${f.unit ? `/${f.unit}` : ''}`));
    const amount = f.fen ?? (typeof f.value === 'number' ? f.value : null);
    return period && amount !== null ? [{ f, period, amount }] : [];
  });
  if (periodic.length === 0) return noPeriod(figures);
  if (periodic.length > 1) return reply('ambiguous', ['上一个回答中有几个按月或按季度的数字，请写明折算哪一个：', ...periodic.map(({ f }) => `· ${f.label}：${show(f)}`)]);
  const { f, period, amount } = periodic[0]!;
  const unit = f.unit ? f.unit.replace(new RegExp(`/(?:${period.name})$`), '') : null;
  const label = `${f.label}折合全年`;
  const formula = `${show(f)} × ${period.times}（每年${period.times}个${period.name}）`;
  const year = derivedFigure('per_year', [f], label, f.fen !== null ? { fen: amount * period.times } : { fen: null, value: Math.round(amount * period.times * 100) / 100, unit }, formula);
  // A target set as a bound (≥2731.94元) gives a bound for the year too.
  const before = (words: string) => new RegExp(`(?:${words})\\s*${escapeRegExp(String(f.value))}`).test(f.raw);
  const bound = f.fen === null && before('≥|>=|不低于|不少于') ? '至少' : f.fen === null && before('≤|<=|不高于|不超过') ? '至多' : '';
  return reply('answered', [`${label}：${bound}${show(year)} = ${formula}（按每${period.name}的数折算，不是文件所列的全年数）`], [year, f]);
}

/**
 * Nothing per month or quarter: after a ratio or a rate (执行率 82%, 1.57倍) there is nothing to scale — a ratio does not
 * add up over months. The yearly amounts the last answer printed are what the document states for the year; else what
 * would be needed is said. Never a figure scaled from a ratio.
 */
function noPeriod(figures: Figure[]): Reply {
  const ratios = figures.filter((f) => f.fen === null && typeof f.value === 'number' && (f.unit === '%' || f.unit === '倍'));
  const yearly = figures.filter((f) => f.fen !== null && !f.derived);
  if (ratios.length === 0) return reply('not_found', ['上一个回答中没有按月或按季度给出的数字，无法折算全年。']);
  const ratio = ratios[0]!;
  const said = `上一个回答给出的是比例（${ratio.label}：${show(ratio)}），比例不按月份累加，不能照此折算全年；要折算全年，需要按月或按季度给出的金额。`;
  if (yearly.length === 0) return reply('not_found', [said]);
  // 执行数 beside 预算数 of one project: each said by its stage.
  const stages = new Set(yearly.map((f) => f.basis)).size > 1;
  return reply('answered', [said, '文件所列的是全年数：', ...yearly.map((f) => `· ${f.label}${stages ? `（${f.basis}数）` : ''}：${show(f)}`)], yearly);
}
