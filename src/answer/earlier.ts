// Questions about earlier answers of the conversation rather than about the documents: 这两个加起来, 三家合计,
// 两者差多少 (arithmetic on the figures answered), 剩下的呢 (the whole a part was asked of, less that part).
import type { ItemPick, StructuredQuery } from '../query/ast.ts';
import { listItems, restAsked, type Conversation, type Named } from './dialog.ts';
import { answerQuery, inTenths } from './dispatch.ts';
import { derivedFigure, percentValue, samePrinting, show, type Figure } from './figures.ts';
import { percent } from './format.ts';
import { amountOf, computation, type Operand } from './computation.ts';
import { isCounter } from './intents/performance.ts';
import { heading, reply, type Reply } from './reply.ts';
import type { Sources } from './sources.ts';
import { ordinalIndex } from './ordinal.ts';

/** Operations two or more earlier figures can take part in. */
const ON_EARLIER = new Set(['sum', 'difference', 'ratio']);

/**
 * The figures 这两个 / 三家 / 它们 point at: the items of the last list when the last answer was one (这两个 after
 * 前五: its first two), else the leading figures of the last answers, newest last.
 */
function pointedAt(count: number | null, c: Conversation): Named[] {
  const fromList = c.items !== undefined && (c.query.intent === 'rank' || c.query.intent === 'list');
  const several = fromList ? null : namedInLast(c);
  if (several && (count === null || count === several.length)) return several;
  const all = (fromList ? c.items! : (c.earlier ?? [])).filter((n) => n.figure);
  // 它们差多少 after 辽宁那家呢 and 河北的呢 repeated figures answered before: each printed figure once.
  if (count === null) return all.filter((n, i) => all.findIndex((x) => samePrinting(x.figure!, n.figure!)) === i);
  return fromList ? all.slice(0, count) : all.slice(-count);
}

/** A figure answered, as an earlier answer's item: its department and its label. */
const asNamed = (figure: Figure): Named => ({ entity: figure.entity, words: figure.label, figure });

/**
 * 抚顺和沈阳的三公经费 → 两个一共多少, 抚顺 基本支出和项目支出 → 两者差多少: the last answer named several things (departments,
 * figures) and gave exactly one figure for each — those are the ones meant; null otherwise.
 */
function namedInLast(c: Conversation): Named[] | null {
  const q = c.query;
  const named = Math.max(1, q.entities.length) * Math.max(1, q.targets.length);
  const figures = (c.figures ?? []).filter((f) => !f.derived);
  if (named < 2 || q.set || figures.length !== named) return null;
  if (new Set(figures.map((f) => `${f.entity}\u0000${f.label}\u0000${f.basis}`)).size !== named) return null;
  return figures.map(asNamed);
}

/** What the answer calls each figure: by name when the names differ, else by department, else by stage, else by year. */
function names(figures: Figure[]): string[] {
  const differ = (key: (f: Figure) => string) => new Set(figures.map(key)).size === figures.length;
  // This year's and last year's (worked back: 去年的三公经费 → 多了多少): by year.
  const [now, prior] = figures;
  if (figures.length === 2 && now!.entity === prior!.entity && prior!.year === now!.year - 1 && prior!.label.startsWith(now!.label)) return [`${now!.year}年${now!.label}`, `${prior!.year}年${now!.label}${prior!.derived ? '（按文中说明推算）' : ''}`];
  if (differ((f) => f.label)) return figures.map((f) => f.label);
  // A 决算's 预算数 (辽宁的医保局三公经费各安排了多少: 北票 2.38) says its stage, as the answer listing it did.
  if (differ((f) => f.entity)) return figures.map((f) => `${f.entity}（${f.document.fiscal_year}年${f.document.stage}${f.basis === f.document.stage ? '' : `·${f.basis}数`}）`);
  // One figure's 预算数 and 决算数 (北票三公经费 → 相差多少).
  if (differ((f) => f.basis)) return figures.map((f) => `${f.label}${f.basis}数`);
  return figures.map((f) => `${f.label}（${f.entity} ${f.year}年${f.basis}）`);
}

/**
 * 曲阳的政府采购 → 那医疗保险所的呢 → 占多少 / 占全部的几成: the share, naming nothing, of a unit's figure just answered in the
 * department's same figure answered before it — both inputs cited; null when the last two answers are not such a pair.
 */
function shareOfUnit(q: StructuredQuery, c: Conversation | undefined): Reply | null {
  if (q.intent !== 'share' || q.entities.length + q.targets.length + q.candidates.length > 0 || q.base || q.set || !c) return null;
  const [whole, part] = (c.earlier ?? []).slice(-2).map((n) => n.figure);
  const pair = whole && part && whole.fen && part.fen !== null && part.fen <= whole.fen && whole.label === part.label && whole.document.id === part.document.id && whole.year === part.year;
  if (!pair || whole.entity !== whole.document.department || part.entity === whole.entity) return null;
  const value = percentValue(part.fen! / whole.fen!);
  const share = derivedFigure('share', [part, whole], `${part.entity}${part.label}占比`, { fen: null, value, unit: '%' }, `${show(part)} ÷ ${show(whole)} = ${percent(value)}`);
  const line = `${heading(whole.entity, whole.document)} ${part.entity}的${part.label}${show(part)}，占全部${whole.label}${show(whole)}的${percent(value)}（${show(part)} ÷ ${show(whole)}）`;
  return inTenths(q, reply('answered', [line], [share, part, whole]));
}

/** 这两个加起来, 两者差多少, 三家一共, 第二个比第三个多多少: the operation on earlier answers' figures, or null when the question is not one. */
export function overEarlier(q: StructuredQuery, c: Conversation | undefined): Reply | null {
  const unitShare = shareOfUnit(q, c);
  if (unitShare) return unitShare;
  const ref = q.reference;
  // 差几个人: the counter asked (人 of 几个人) names no figure of its own.
  const named = q.targets.filter((t) => !isCounter(t));
  const namesNothing = q.entities.length + named.length + q.unknown.length + q.candidates.length === 0 && !q.set;
  // 高多少 after two figures: their difference, as 相差多少 is.
  const direction = !ref && !q.arithmetic && namesNothing && q.intent === 'lookup' && q.asked?.directionAlone === true;
  // 两个比一下, 对比一下 after two figures: their difference, the larger first, as 哪个多 is.
  const compared = !q.arithmetic && namesNothing && q.intent === 'compare' && !q.previousYear && (!ref || (ref.kind === 'these' && !ref.picks));
  // 比上年多了多少 after last year's figure answered beside this year's: their difference too (增加了多少 asks the change stated).
  const sinceLast = !q.arithmetic && !q.reason && q.changeAsked === true && q.previousYear && q.asked?.thanLastYear === true && namesNothing && c !== undefined && priorOfLast(c) !== null;
  const arithmetic = direction || compared || sinceLast ? { op: 'difference' as const, direction: null, text: q.text.trim() } : q.arithmetic;
  const alone = c && (!ref || compared) && arithmetic && ON_EARLIER.has(arithmetic.op) && namesNothing;
  if (alone) {
    // 相差多少, 几倍 alone after two figures answered one after the other, or side by side in one answer.
    // 跟预算相差多少 after a 决算's figure: its 预算数 less its 决算数, before any earlier answer.
    const stages = arithmetic.op === 'difference' ? stagesOfLast(c) : null;
    const budgetNamed = q.stage === '预算' || q.stage === 'both';
    const prior = arithmetic.op === 'difference' ? priorOfLast(c) : null;
    const shown = shownInLast(c);
    // 相差多少 after three or more listed: which two is unclear; 最多的比最少的多多少: the ends of what was listed.
    if (arithmetic.op === 'difference' && shown && shown.length > 2) return q.asked?.extremes ? onFigures({ ...q, arithmetic, reference: { kind: 'these', count: shown.length, text: arithmetic.text } }, shown) : unclearPair(shown);
    const two = arithmetic.op === 'sum' ? lastTwo(c) : ((budgetNamed ? stages : null) ?? prior ?? (shown?.length === 2 ? shown : null) ?? lastTwo(c) ?? lastTwoAnswers(c) ?? stages);
    // 差几个人 after two sums of money: no count to subtract, never their money.
    const counted = named.length < q.targets.length;
    const r = two && !(counted && two.some((n) => n.figure?.fen != null)) ? onFigures({ ...q, arithmetic, reference: { kind: 'these', count: 2, text: arithmetic.text } }, two) : null;
    // The figure worked back is shown with its own formula, from the stated change.
    const back = prior && two === prior ? prior[1]!.figure! : null;
    if (r && back?.derived) r.lines.push(`（${back.year}年${prior![0]!.figure!.label}按文中说明推算：${show(back)} = ${back.raw}）`);
    return r;
  }
  if (ref?.kind !== 'these' || !q.arithmetic || !ON_EARLIER.has(q.arithmetic.op) || q.entities.length > 0 || q.targets.length > 0 || !c) return null;
  // 这两个差了多少 after five listed: which two is unclear, never the first two taken.
  const shown = q.arithmetic.op === 'difference' && !ref.picks && ref.count !== null ? shownInLast(c) : null;
  if (shown && shown.length > ref.count!) return unclearPair(shown);
  // 第一个是第二个的百分之几 with no list answered: the two figures answered last, in the order answered.
  const items = c.items ?? (c.earlier ?? []).slice(-2);
  return ref.picks ? onFigures(q, picked(ref.picks, items, c.pointed ?? c.subject), items.filter((n) => n.figure).length) : onFigures(q, pointedAt(ref.count, c));
}

/**
 * The figures the last answer listed one per item — a list's or ranking's items (as many as it showed: 前两名 → two), a
 * set's figure of each department, or the things named together (抚顺、北票、曲阳的三公经费) —; null when it listed none.
 */
function shownInLast(c: Conversation): Named[] | null {
  if (c.items && (c.query.intent === 'rank' || c.query.intent === 'list')) {
    const items = c.items.filter((n) => n.figure);
    return items.length ? items : null;
  }
  // 辽宁的医保局三公经费各安排了多少: a set's figures, one per department.
  const figures = c.query.set ? (c.figures ?? []).filter((f) => !f.derived) : [];
  if (figures.length > 1 && new Set(figures.map((f) => f.entity)).size === figures.length) return figures.map(asNamed);
  return namedInLast(c);
}

/** 相差多少 after three or more figures listed: which two is asked back — their ends offered, and the items by place. */
function unclearPair(shown: Named[]): Reply {
  return reply('ambiguous', [`上一个回答列了${shown.length}个数字，不清楚要算哪两个之间的差。`], [], ['最多的比最少的多多少', '第一个和第二个差多少', '第一个和最后一个差多少']);
}

/**
 * 曲阳去年的三公经费 → 那多了多少 / 比去年多多少: the last answer led with last year's figure worked back from the change
 * its text states — the difference is this year's printed figure less that one, both shown, never another row's; null
 * otherwise.
 */
function priorOfLast(c: Conversation): Named[] | null {
  const prior = c.figures?.[0];
  if (!c.query.previousYear || !prior || prior.fen === null) return null;
  // Worked back: this year's figure is its first input; printed (沈阳 表7 2022年 5.65): the same row's this year beside it.
  const same = (f: Figure) => f !== prior && !f.derived && f.fen !== null && f.entity === prior.entity && f.year === prior.year + 1;
  const now = prior.derived ? prior.derived.inputs[0] : c.figures!.find((f) => same(f) && f.label === prior.label);
  if (!now || !same(now) || !prior.label.startsWith(now.label)) return null;
  return [now, prior].map(asNamed);
}

/**
 * 加起来 alone after 本级项目支出 → 医保中心呢, or after two projects asked in turn: the last two answers, when they are
 * the same figure of two units or two projects; null otherwise (the question is read as before).
 */
function lastTwo(c: Conversation): Named[] | null {
  const two = (c.earlier ?? []).slice(-2);
  if (two.length < 2 || !two.every((n) => n.figure) || (c.items && (c.query.intent === 'rank' || c.query.intent === 'list'))) return null;
  const [a, b] = two as [Named, Named];
  const sameFigure = a.figure!.label === b.figure!.label && a.figure!.entity !== b.figure!.entity;
  return sameFigure || (a.project && b.project && a.figure!.label !== b.figure!.label) ? two : null;
}

/**
 * 人员经费 → 公用经费呢 → 相差多少: the leading figures of the last two answers, each a figure of its own (not a list's
 * item), when both are amounts of money or in the same unit; null otherwise.
 */
function lastTwoAnswers(c: Conversation): Named[] | null {
  const two = (c.earlier ?? []).slice(-2);
  if (two.length < 2 || !two.every((n) => n.figure) || (c.items && (c.query.intent === 'rank' || c.query.intent === 'list'))) return null;
  const [a, b] = [two[0]!.figure!, two[1]!.figure!];
  const money = a.fen !== null && b.fen !== null;
  return money || (a.fen === null && b.fen === null && a.unit === b.unit) ? two : null;
}

/**
 * 北票三公经费 → 相差多少 (跟预算相差多少): the last answer led with a 决算数 and printed its 预算数 beside it — the two
 * stages of that one figure, the budget first (预算 − 决算, as 还剩多少没花); null otherwise.
 */
function stagesOfLast(c: Conversation): Named[] | null {
  const figures = c.figures ?? [];
  const spent = figures[0];
  if (!spent || spent.basis !== '决算' || spent.fen === null || spent.derived) return null;
  const budget = figures.find((f) => f.basis === '预算' && f.fen !== null && !f.derived && f.label === spent.label && f.entity === spent.entity && f.year === spent.year);
  return budget ? [budget, spent].map(asNamed) : null;
}

/**
 * 第一名和第二名, 第一个和最后一个: those items of a list (undefined where the list is shorter); 它 (倒数第一是哪家 → 它比倒数第二少多少)
 * is the item pointed at last, else the thing answered last.
 */
function picked(picks: ItemPick[], items: Named[], it?: Named): Named[] {
  const out = picks.map((p) => (p.it ? it : items[ordinalIndex(p, items.length)]));
  return out.every((n) => n?.figure) ? (out as Named[]) : [];
}

/** 抚顺项目支出第一名和第二名差多少: the operation on items of the ranking (or list) the question itself asks for. */
function overOwnList(q: StructuredQuery, items: Named[]): Reply | null {
  const ref = q.reference;
  if (ref?.kind !== 'these' || !ref.picks || !q.arithmetic || !ON_EARLIER.has(q.arithmetic.op)) return null;
  return onFigures(q, picked(ref.picks, items), items.filter((n) => n.figure).length);
}

/** 抚顺项目支出第一名和第二名差多少: the ranking asked, then the arithmetic on the items picked from it. */
export function overRanking(s: Sources, q: StructuredQuery): Reply | null {
  if (q.reference?.kind !== 'these' || !q.reference.picks || (q.entities.length === 0 && !q.set)) return null;
  const ranking = { ...q, intent: 'rank' as const, reference: null, arithmetic: null };
  const r = answerQuery(s, ranking);
  return r.status === 'answered' ? overOwnList(q, listItems(ranking, r)) : r;
}

/** `held`: how many figures the earlier answers hold, where `named` is empty because a pick fell beyond them (第二个 after one). */
function onFigures(q: StructuredQuery, named: Named[], held = named.length): Reply {
  const ref = q.reference as Extract<StructuredQuery['reference'], { kind: 'these' }>;
  const op = q.arithmetic!.op;
  const wanted = ref.count ?? (op === 'sum' ? Math.max(named.length, 2) : 2);
  if (named.length < wanted || named.length < 2) {
    return reply('not_found', [`前面的回答里只有${held}个数字，算不了“${ref.text}”。请说出要算的数字，例如：抚顺 基本支出和项目支出加起来。`]);
  }
  // 后者比前者: the later first. 几倍 of two figures in no order typed: the larger over the smaller.
  const ordered = ref.reversed ? [...named].reverse() : named;
  const times = op === 'ratio' && !ref.picks && ref.reversed === undefined && /倍/.test(q.arithmetic!.text) && ordered.length === 2;
  const figures = (times ? [...ordered].sort((x, y) => (amountOf(y.figure!) ?? 0) - (amountOf(x.figure!) ?? 0)) : ordered).map((n) => n.figure!);
  const called = names(figures);
  const operands: Operand[] = figures.map((figure, i) => ({ figure, name: called[i]! }));
  const one = new Set(figures.map((f) => f.entity)).size === 1 && new Set(figures.map((f) => f.document.id)).size === 1;
  const head = one ? `${heading(figures[0]!.entity, figures[0]!.document)} ` : '';
  // 最多的比最少的多多少 over a list of one figure: that figure's name, not every item's.
  const spread = op === 'difference' && figures.length > 2 && new Set(figures.map((f) => f.label)).size === 1;
  return computation(op, operands, spread ? figures[0]!.label : called.join(op === 'sum' ? '、' : '与'), head);
}

/**
 * 剩下的呢 after 三公经费 → 其中公务接待费: the whole less the part just answered, as a difference of the two
 * printed figures. Null unless the last question asked a part of a whole.
 */
export function remainderQuery(q: StructuredQuery, c: Conversation | undefined): StructuredQuery | null {
  if (!restAsked(q) || !c?.whole) return null;
  // 其中公务接待费占多少 asked the part over the whole: the part is the other figure.
  const parts = c.query.targets.filter((t) => JSON.stringify(t) !== JSON.stringify(c.whole));
  const [part] = parts;
  if (!part || parts.length !== 1) return null;
  return { ...c.query, intent: 'arithmetic', arithmetic: { op: 'remaining', direction: null, text: q.arithmetic.text, rest: true }, targets: [c.whole, part], reference: null, base: null };
}
