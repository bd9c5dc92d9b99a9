// Arithmetic on figures already found, shown: the operation stated as its formula with every input and its source, the
// result a derived figure. Apart from the intent that finds the operands (intents/arithmetic.ts), so that the answers
// computing on figures of their own (a list's sum, a table's rows, the figures answered before) import it alone.
import type { ArithmeticOp } from '../query/ast.ts';
import { derivedFigure, percentValue, samePrinting, show, type Figure } from './figures.ts';
import { money, percent, printedAt } from './format.ts';
import { reply, type Reply } from './reply.ts';

const NAMES: Record<ArithmeticOp, string> = {
  difference: '相差',
  sum: '合计',
  average: '平均',
  ratio: '倍数',
  per_head: '人均',
  per_unit: '平均每个',
  per_month: '平均每月',
  remaining: '未花完',
  growth: '增长率',
};

export interface Operand {
  figure: Figure;
  /** What the answer calls it: 基本支出, 抚顺市医疗保障局, 2022年, 预算数. */
  name: string;
}

/** The operations that set two figures against each other. */
const COMPARISONS = new Set<ArithmeticOp>(['difference', 'remaining', 'ratio', 'growth']);

/** 执行数除以预算数: the spending over the budget of one figure is how much of it was spent, a percentage. */
const spentOverBudget = (operands: Operand[]) => operands.length === 2 && operands[0]!.name === '决算数' && operands[1]!.name === '预算数';

export const amountOf = (f: Figure): number | null => f.fen ?? (typeof f.value === 'number' ? f.value : null);
export const shown = (f: Figure) => (f.fen !== null ? money(f.fen, f.printedIn) : show(f));

/** The decimal places a number is stored to (98.21 → 2, 59 → 0). */
const places = (v: number): number => (String(v).split('.')[1] ?? '').length;

/**
 * A sum or difference of figures that are no money, to the places its inputs are stored to (98.21 + 59 = 157.21, never
 * 157.20999999999998; 0.125 + 0.25 = 0.375): adding and taking away make no places of their own.
 */
const toStoredPlaces = (x: number, inputs: number[]): number => {
  const scale = 10 ** Math.max(0, ...inputs.map(places));
  return Math.round(x * scale) / scale;
};

/** People counted in these units: money over them is an amount per head, asked as 人均. */
const PEOPLE_UNITS = new Set(['人', '名', '位']);

/**
 * 人员经费是实有人员的几倍: money over a count (or any two units) is no ratio — 18991914.93倍 would be a wrong figure —,
 * refused saying why; over a count of people, the per-head question that divides them is offered.
 */
function differentUnits(operands: Operand[]): string {
  const kind = (f: Figure) => (f.fen !== null ? '金额（元）' : `${f.unit && PEOPLE_UNITS.has(f.unit) ? '人数' : '数量'}（${f.unit ?? '无单位'}）`);
  const said = operands.map((o) => `${o.name}是${kind(o.figure)}`).join('，');
  const money_ = operands.find((o) => o.figure.fen !== null);
  const people = operands.find((o) => o.figure.fen === null && o.figure.unit !== null && PEOPLE_UNITS.has(o.figure.unit));
  return `${said}，单位不同，相除不是倍数或增幅，不能这样计算。${money_ && people ? `要按人数平均，请问：人均${money_.name}。` : ''}`;
}

/** The computed figure and the sentence stating it with its formula. */
function compute(op: ArithmeticOp, operands: Operand[], label: string, rest = false): { figure: Figure; line: string } | string {
  const figures = operands.map((o) => o.figure);
  const values = figures.map(amountOf);
  if (values.some((v) => v === null)) return '其中有的数字不是数额，无法计算。';
  const money_ = figures.every((f) => f.fen !== null);
  const units = new Set(figures.map((f) => (f.fen !== null ? '元' : f.unit)));
  if ((op === 'difference' || op === 'sum' || op === 'average' || op === 'remaining') && units.size > 1) return '这些数字单位不同，不能相加减。';
  if ((op === 'ratio' || op === 'growth') && units.size > 1) return differentUnits(operands);
  const [a, b] = values as [number, number];
  const [fa, fb] = figures as [Figure, Figure];
  // Whatever named them, a comparison of a figure with itself is never computed (0.00% or 1倍 would say nothing true).
  if (COMPARISONS.has(op) && samePrinting(fa, fb)) return `两处指的是同一个数字（${printedAt(fa)}），不能拿它和自己比较。`;
  switch (op) {
    case 'sum': {
      const total = (values as number[]).reduce((x, y) => x + y, 0);
      const formula = `${figures.map(shown).join(' + ')}`;
      const result = money_ ? { fen: total } : { fen: null, value: toStoredPlaces(total, values as number[]), unit: fa.unit };
      const f = derivedFigure('sum', figures, label, result, `${label} = ${formula}`);
      return { figure: f, line: `${label}：${shown(f)} = ${formula}` };
    }
    case 'average': {
      // 平均每家单位的项目支出: the figures' mean, divided by how many there are (said).
      const n = values.length;
      const total = (values as number[]).reduce((x, y) => x + y, 0);
      const formula = `(${figures.map(shown).join(' + ')}) ÷ ${n}`;
      const result = money_ ? { fen: Math.round(total / n) } : { fen: null, value: Math.round((total / n) * 100) / 100, unit: fa.unit };
      const f = derivedFigure('average', figures, label, result, `${label} = ${formula}`);
      return { figure: f, line: `${label}：${shown(f)} = ${formula}（共${n}个）` };
    }
    case 'difference':
    case 'remaining': {
      // The larger first, so the difference reads as a positive amount with its direction said.
      const [big, small] = a >= b ? [operands[0]!, operands[1]!] : [operands[1]!, operands[0]!];
      const diff = Math.abs(a - b);
      const formula = `${shown(big.figure)} − ${shown(small.figure)}`;
      const result = money_ ? { fen: diff } : { fen: null, value: toStoredPlaces(diff, [a, b]), unit: fa.unit };
      const f = derivedFigure(op, [big.figure, small.figure], label, result, `${label} = ${formula}`);
      // 表3和表5: the same figure printed twice is said to be the same, not one 0.00 more than the other.
      // 剩下的 after a part (rest): the whole less the part, said as the rest itself.
      const said = rest ? '' : op === 'remaining' ? `预算数比决算数${a >= b ? '多' : '少'}` : diff === 0 ? `${operands[0]!.name}与${operands[1]!.name}相同，相差` : `${big.name}比${small.name}多`;
      return { figure: f, line: `${label}：${said}${shown(f)} = ${formula}` };
    }
    case 'ratio': {
      if (!b) return '除数为零，无法计算。';
      if (money_ && spentOverBudget(operands)) {
        const rate = percentValue(a / b);
        const f = derivedFigure('share', [fa, fb], label, { fen: null, value: rate, unit: '%' }, `${shown(fa)} ÷ ${shown(fb)} = ${percent(rate)}`);
        return { figure: f, line: `${label}：决算数是预算数的${percent(rate)} = ${shown(fa)} ÷ ${shown(fb)}` };
      }
      // 基本支出相当于项目支出的多少: under one time, 0.03倍 says little — the percentage, the times beside it.
      if (a / b < 1) {
        const rate = percentValue(a / b);
        const f = derivedFigure('ratio', [fa, fb], label, { fen: null, value: rate, unit: '%' }, `${shown(fa)} ÷ ${shown(fb)} = ${percent(rate)}`);
        return { figure: f, line: `${label}：${operands[0]!.name}是${operands[1]!.name}的${show(f)}${a / b >= 0.005 ? `（${Math.round((a / b) * 100) / 100}倍）` : ''} = ${shown(fa)} ÷ ${shown(fb)}` };
      }
      const value = Math.round((a / b) * 100) / 100;
      const f = derivedFigure('ratio', [fa, fb], label, { fen: null, value, unit: '倍' }, `${shown(fa)} ÷ ${shown(fb)} = ${value}倍`);
      // (是…的百分之多少: the percentage beside the times.)
      return { figure: f, line: `${label}：${operands[0]!.name}是${operands[1]!.name}的${value}倍（${percent(percentValue(a / b))}） = ${shown(fa)} ÷ ${shown(fb)}` };
    }
    case 'growth': {
      if (!b) return '上年数为零，无法计算增长率。';
      const value = percentValue((a - b) / b);
      const f = derivedFigure('growth', [fa, fb], label, { fen: null, value, unit: '%' }, `(${shown(fa)} − ${shown(fb)}) ÷ ${shown(fb)} = ${percent(value)}`);
      // Two years: 增长/下降; two stages, departments or figures: the first named is so much more or less than the second.
      // The same figure both years (沈阳 公务接待费 0.85, 0.85): 持平, never 增长0.00% or −0%.
      const years = /^\d{4}年/.test(operands[0]!.name);
      if (value === 0) return { figure: f, line: `${label}：${years ? '持平，' : `${operands[0]!.name}与${operands[1]!.name}相同，`}增减${percent(0)} = (${shown(fa)} − ${shown(fb)}) ÷ ${shown(fb)}` };
      const said = years ? (value >= 0 ? '增长' : '下降') : `${operands[0]!.name}比${operands[1]!.name}${value >= 0 ? '多' : '少'}`;
      return { figure: f, line: `${label}：${said}${percent(Math.abs(value))} = (${shown(fa)} − ${shown(fb)}) ÷ ${shown(fb)}` };
    }
    default:
      return '无法计算。';
  }
}

/**
 * The operation on the operands, stated as its formula with each input beside it: `what` names the result
 * (基本支出与项目支出), `head` says whose it is when all are one department's.
 */
export function computation(op: ArithmeticOp, operands: Operand[], what: string, head: string, note: string[] = [], rest = false): Reply {
  if (op === 'difference' && operands.length > 2) return spread(operands, what, head, note);
  if (op !== 'sum' && op !== 'average' && operands.length !== 2) return reply('not_found', [...note, `${NAMES[op]}要两个数字，问题里有${operands.length}个。`]);
  if (op === 'average' && operands.length < 2) return reply('not_found', [...note, `${NAMES[op]}要两个以上的数字，问题里有${operands.length}个。`]);
  const label = op === 'sum' ? `${what}合计` : op === 'average' ? `${what}平均` : op === 'growth' ? `${what}${/^\d{4}年/.test(operands[0]?.name ?? '') ? '增长率' : '增减幅度'}` : op === 'ratio' ? `${what}${spentOverBudget(operands) ? '决算数占预算数的比例' : '倍数'}` : op === 'remaining' ? (rest ? `${operands[0]?.name}中除${operands[1]?.name}外的其余部分` : `${what}未花完的部分`) : `${what}之差`;
  const result = compute(op, operands, label, rest);
  if (typeof result === 'string') return reply('not_found', [...note, `${head}${what}：${result}`]);
  const inputs = operands.map((o) => `· ${o.name}：${show(o.figure)}`);
  return reply('answered', [...note, `${head}${result.line}`, ...inputs], [result.figure, ...operands.map((o) => o.figure)]);
}

/**
 * 抚顺、北票、曲阳谁的三公经费最多，最多的比最少的多多少: a difference asked of three or more is the ranking of them, largest
 * first, with the largest less the smallest — never one pair picked.
 */
function spread(operands: Operand[], what: string, head: string, note: string[]): Reply {
  if (operands.some((o) => amountOf(o.figure) === null)) return reply('not_found', [...note, `${head}${what}：其中有的数字不是数额，无法计算。`]);
  const ranked = [...operands].sort((x, y) => amountOf(y.figure)! - amountOf(x.figure)!);
  const result = compute('difference', [ranked[0]!, ranked.at(-1)!], `${what}最高与最低之差`);
  if (typeof result === 'string') return reply('not_found', [...note, `${head}${what}：${result}`]);
  const inputs = ranked.map((o, i) => `${i + 1}. ${o.name}：${show(o.figure)}`);
  return reply('answered', [...note, `${head}${result.line}`, ...inputs], [result.figure, ...ranked.map((o) => o.figure)]);
}
