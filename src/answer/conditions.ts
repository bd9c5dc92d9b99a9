// Conditions on the figures a list holds (50万元以下, 执行率不到八成, 低于90分): which figures meet
// them, and how a condition reads back in an answer.
import type { Condition, StructuredQuery } from '../query/ast.ts';
import type { Figure } from './figures.ts';
import { money } from './format.ts';

const UNIT_NAMES: Record<Condition['unit'], string> = { yuan: '金额', percent: '百分比', score: '分数' };
/** How a bound starts when stated back: the % or 分 after the number already says what it bounds. */
const LEADS: Record<Condition['unit'], string> = { yuan: '金额', percent: '', score: '' };

/**
 * A figure's number in a condition's unit: money in 元, a share or rate in %, a score in 分; null when it is not of that kind.
 * A bound of 0 (哪个医保局有车: 大于0, 为零) is 0 in any unit: a count (车辆 3台) is held to it too.
 */
export function measured(f: Figure, c: Condition): number | null {
  const unit = c.unit;
  const count = typeof f.value === 'number' && f.unit !== '%' && f.unit !== '分';
  if (unit === 'yuan') return f.fen !== null ? f.fen / 100 : count && c.value === 0 && !c.upper ? (f.value as number) : null;
  if (typeof f.value !== 'number') return null;
  return (unit === 'percent') === (f.unit === '%') ? f.value : null;
}

/** Whether `x`, in the condition's unit, meets it. */
export function holds(c: Condition, x: number): boolean {
  switch (c.op) {
    case '>':
      return x > c.value;
    case '>=':
      return x >= c.value;
    case '<':
      return x < c.value;
    case '<=':
      return x <= c.value;
    default:
      return x >= c.value && x <= (c.upper ?? c.value);
  }
}

/** The figures meeting every condition. */
export function meeting(figures: Figure[], conditions: Condition[]): Figure[] {
  return figures.filter((f) => conditions.every((c) => {
    const x = measured(f, c);
    return x !== null && holds(c, x);
  }));
}

/** Whether the figures can be held to the conditions at all (an amount is no bound on a score). */
export function comparable(figures: Figure[], conditions: Condition[]): boolean {
  return conditions.every((c) => figures.some((f) => measured(f, c) !== null));
}

function bound(c: Condition, value: number): string {
  if (c.unit === 'yuan') return money(Math.round(value * 100));
  return c.unit === 'percent' ? `${value}%` : `${value}分`;
}

/** `金额不超过50.00万元`, `在10.00万元到50.00万元之间`: a condition as the answer states it back. */
export function describe(c: Condition, lead?: string): string {
  // 哪个医保局有车: a bare 大于0 bounds money and counts alike, said as 不为0.
  if (c.op === '>' && c.value === 0) return '不为0';
  const what = lead ?? LEADS[c.unit];
  const words: Record<Condition['op'], string> = { '>': '超过', '>=': '不少于', '<': '低于', '<=': '不超过', between: '在' };
  const one = c.op === 'between' && c.upper === c.value;
  const text = one ? `${what}等于${bound(c, c.value)}` : c.op === 'between' ? `${what}在${bound(c, c.value)}到${bound(c, c.upper ?? c.value)}之间` : `${what}${words[c.op]}${bound(c, c.value)}`;
  // An amount typed without a unit was read in the figures' own: say so (0 is 0 in any).
  return c.unitTyped || (c.value === 0 && !c.upper) ? text : `${text}（“${c.text}”按${c.unit === 'yuan' ? '万元' : c.unit === 'percent' ? '百分比' : '分'}理解）`;
}

/**
 * The column an amount bound beside a rate or a score compares (预算超过50万: 预算数; 执行数超过20万: 决算数): the stage typed right
 * before it, else 预算数 unless only 决算 was said.
 */
export const amountBasis = (c: Condition, q: Pick<StructuredQuery, 'stage'>): '预算' | '决算' => c.stage ?? (q.stage === '决算' ? '决算' : '预算');

/** `lead` names what is bounded when it is not the row's amount (单价). */
export const describeAll = (conditions: Condition[], lead?: string) => conditions.map((c) => describe(c, lead)).join('且');

/**
 * `预算数超过10.00万元且决算数低于50.00万元`: amounts bounding the column each compares (`basisOf`), each column named once,
 * in the order first named — the title of projects held to their money beside a rate, a score or the other column.
 */
export function describeByColumn(conditions: Condition[], basisOf: (c: Condition) => '预算' | '决算'): string {
  const columns = [...new Set(conditions.map(basisOf))];
  return columns.map((b) => `${b}数${describeAll(conditions.filter((c) => basisOf(c) === b), '')}`).join('且');
}

/** What the conditions ask for, when no figure of the list is of that kind: `条件是分数，这里的数字是金额`. */
export function mismatch(conditions: Condition[], kind: Condition['unit']): string {
  return `条件是${conditions.map((c) => UNIT_NAMES[c.unit]).join('、')}，这里排的是${UNIT_NAMES[kind]}，无法按此筛选。`;
}

/** 政府经济分类 codes start 5 (501 机关工资福利支出), 部门经济分类 codes 3 (301 工资福利支出). */
export const ECONOMIC_DIGIT = { government: '5', departmental: '3' } as const;

/**
 * 功能科目 are coded from 2 (201 一般公共服务支出 … 232), 经济分类 from 3 (部门: 301 工资福利支出) or 5 (政府: 501):
 * subjects asked of one classification are held to its codes; a subject without a code, to neither.
 */
export function ofClassification(q: Pick<StructuredQuery, 'classification' | 'economicKind'>, code: string | null): boolean {
  const classification = q.classification;
  if (classification === 'functional') return code !== null && code.startsWith('2');
  if (q.economicKind) return code !== null && code.startsWith(ECONOMIC_DIGIT[q.economicKind]);
  if (classification === 'economic') return code !== null && /^[35]/.test(code);
  return true;
}
