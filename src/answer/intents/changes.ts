// 增长最快 / 降幅最大 / 哪些与上年不可比 / 哪些持平: the figures whose change from last year the text states,
// ranked by the percent it states or picked by the direction it states, each cited at the sentence stating it.
import type { StructuredQuery, Target } from '../../query/ast.ts';
import { heading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import type { Sources } from '../sources.ts';
import { describeAll, meeting, ofClassification } from '../conditions.ts';
import { changeFigure, fromCell, fromFact, show, steadyAsPrinted, usable, type Figure } from '../figures.ts';
import { percent } from '../format.ts';
import { alternation } from '../../query/normalize/words.ts';
import words from '../../../grammar/words.json' with { type: 'json' };
import { changePercent, headlineFigure, partsOf, statedChange, targetName } from '../targets.ts';
import type { NarrativeFactRow } from '../../store/schema.ts';
import type { FigureRow } from '../data.ts';
import { metric as metricOf } from '../../store/metrics.ts';

/** A list item's number the prose prints before a name (（1）行政单位医疗). */
const named = (label: string) => label.replace(/^\s*(?:[（(]\d+[)）]|\d+[.、．])\s*/, '').replace(/比[^比]*增减幅度$/, '');

/** A stated figure named as printed, without the list item's number before it (（4）行政运行 → 行政运行). */
const listed = (f: NarrativeFactRow, scope: Scope): Figure => {
  const figure = fromFact(f, scope.doc, scope.doc.department);
  return { ...figure, label: named(figure.label) };
};

/** The directions the text states for each state asked: 持平 is also said 无增减. */
const STATES: Record<string, string[]> = { 不可比: ['不可比'], 持平: ['持平', '无增减'] };

export function statedChanges(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const asked = q.changes!;
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  // 哪个科目: only subjects; else every figure whose change is stated (收入总计, 三公经费 …).
  // 功能科目 / 经济科目: only that classification's, in every shape (a ranking too).
  const all = s.queries.factsByAspect(scope.doc.id, 'amount').filter((f) => f.year === scope.year && f.change_line !== null);
  const facts = all.filter((f) => (!q.subjects || f.metric === 'subject') && ofKind(asked, f) && ofClassification(q, f.subject_code));
  const stated = facts.map((f) => listed(f, scope));
  // One figure stated twice (a subject in two paragraphs) is listed once.
  const once = <T extends Figure>(list: T[]) => list.filter((f, i) => list.findIndex((x) => x.label === f.label && x.value === f.value && x.fen === f.fen) === i);
  const what = kindName(q);
  if (asked.state === '新增') return started(s, q, scope, facts, head, note);
  if (asked.state) {
    const kept = once(stated.filter((f) => STATES[asked.state!]!.includes(f.change!.direction ?? '')));
    if (kept.length === 0) return reply('not_found', [...note, `${head}中没有说明与上年${asked.state}的${what}。`]);
    const lines = kept.map((f) => `· ${named(f.label)}：${show(f)}，与上年${f.change!.direction}${f.change!.reason ? `（${f.change!.reason}）` : ''}（第${f.change!.line}行）`);
    return reply('answered', [...note, `${head} 文中说明与上年${asked.state}的${what}（共${kept.length}个）：`, ...lines], kept);
  }
  if (asked.listed) return listedChanges(s, q, facts, all, scope, head, note);
  const up = asked.order === 'up';
  // 下降最多 ranks by the amount stated, 降幅最大 by the percent; each printed as it went (减少X万元（下降Y%）).
  const byAmount = asked.byAmount === true;
  const ranked = once(stated)
    .map((f) => ({ f, ...sized(f, up) }))
    .filter((r) => {
      const key = byAmount ? r.amount?.fen : (r.percent?.value as number | undefined);
      return key !== undefined && key !== null && key !== 0 && goesUp(r.f.change!) === up;
    });
  const measure = byAmount ? '金额' : '幅度';
  // None of the kind asked went that way (抚顺 下降最多的功能科目): said so with what the text does state, as 哪些科目下降了 says it.
  const goesThatWay = (c: NonNullable<Figure['change']>) => moved(c) && goesUp(c) === up;
  if (ranked.length === 0 && !asked.within && !stated.some((f) => goesThatWay(f.change!))) return noneListed(s, q, all, scope, head, note, what, up ? '增长' : '下降', goesThatWay);
  if (ranked.length === 0) return reply('not_found', [...note, `${head}中没有说明${up ? '增长' : '下降'}${measure}的${what}。`]);
  const size = (r: (typeof ranked)[number]) => (byAmount ? r.amount!.fen! : (r.percent!.value as number));
  const sorted = ranked.sort((a, b) => Math.abs(size(b)) - Math.abs(size(a)));
  const lines = sorted.map((r, i) => `${i + 1}. ${named(r.f.label)}：${changeText(up, r.amount, r.percent)}（第${r.f.change!.line}行）`);
  const figures = sorted.flatMap((r) => (byAmount ? [r.amount, r.percent] : [r.percent, r.amount]).filter((x): x is Figure => x !== null));
  return reply('answered', [...note, `${head} 文中说明的比上年${up ? '增加' : '减少'}${byAmount ? '金额' : '幅度'}排序（共${sorted.length}个）：`, ...lines], figures);
}

/** A stated change's amount, as large as stated and named by the way it went (减少294.35万元 is no −294.35), and its percent. */
function sized(f: Figure, up: boolean): { amount: Figure | null; percent: Figure | null } {
  const changed = f.change!.fen !== null ? changeFigure(f) : null;
  return { amount: changed && { ...changed, label: `${f.label}比上年${up ? '增加' : '减少'}`, fen: Math.abs(changed.fen!) }, percent: changePercent(f) ?? null };
}

/** 减少294.35万元（下降73.59%）: a stated change in words, never a signed number alone. */
function changeText(up: boolean, amount: Figure | null, percent: Figure | null): string {
  const pct = percent ? `${up ? '增长' : '下降'}${Math.abs(percent.value as number)}%` : '';
  if (!amount) return pct;
  return `${up ? '增加' : '减少'}${show(amount)}${pct ? `（${pct}）` : ''}`;
}

/**
 * 哪些部门三公经费比上年增加了, 各医保局三公经费比上年变化: each department's change of the figure as its own text states it
 * (the way asked, else every one), its sentence cited; departments stating none said apart — never the figures ranked as
 * if they were the changes, nor a change computed across documents.
 */
/** 降幅, 哪个下降最多, 哪个降得多: a fall asked, whether or not its words made it a change asked (q.fall). */
export const fallAsked = (q: StructuredQuery): boolean => q.fall === true || q.changes?.order === 'down' || (q.asked?.fall === true && !q.asked.rise);

export function changesOfSet(s: Sources, q: StructuredQuery, scopes: Scope[], t: Target): Reply {
  const way = fallAsked(q) ? false : q.asked?.rise || q.changes?.order === 'up' ? true : null;
  const rows = scopes.map((scope) => {
    const now = headlineFigure(s, scope, t, scope.year, scope.doc.stage).main;
    const stated = now ? statedChange(s, scope, t, scope.year, now) : undefined;
    // A part's change (ofPart) is not the figure's: a department stating only that states none of the figure asked —
    // the part's is said apart, named as the part's.
    const own = stated && !stated.statedFor && stated.change ? stated : undefined;
    return { scope, stated: own?.ofPart ? undefined : own, part: own?.ofPart ? own : undefined };
  });
  const stating = rows.filter((r) => r.stated);
  const parts = rows.filter((r) => r.part && (way === null || goesUp(r.part.change!) === way));
  const partLines = parts.map(({ scope, part }) => `· ${scope.entity}（${scope.doc.fiscal_year}年${scope.doc.stage}）：只说明了其中一部分${part!.ofPart}${changeWords(part!)}（第${part!.change!.line}行），不是${targetName(t)}整体的增减`);
  const partFigures = parts.flatMap(({ part }) => [changeFigure(part!)!, part!]);
  const kept = stating.filter((r) => way === null || goesUp(r.stated!.change!) === way);
  const name = targetName(t);
  const asked = way === null ? '与上年相比的增减' : `比上年${way ? '增加' : '减少'}`;
  const lines = kept.map(({ scope, stated }) => `· ${scope.entity}（${scope.doc.fiscal_year}年${scope.doc.stage}）：${show(stated!)}${changeWords(stated!)}（第${stated!.change!.line}行）`);
  const others = stating.filter((r) => !kept.includes(r)).map(({ scope, stated }) => `${scope.doc.short}${changeWords(stated!).replace(/^，/, '（') }）`);
  const silent = rows.filter((r) => !r.stated).map((r) => r.scope.doc.short);
  const tail = [...(others.length ? [`其余说明了增减的：${others.join('、')}`] : []), ...(silent.length ? [`文中没有说明${name}增减的：${silent.join('、')}`] : [])];
  if (kept.length === 0 && parts.length === 0) return reply('not_found', [`没有部门的文件说明${name}${asked}。`, ...tail]);
  if (kept.length === 0) return reply('answered', [`没有部门的文件说明${name}${asked}；说明了其中一部分的：`, ...partLines, ...tail], partFigures);
  const figures = [...kept.flatMap(({ stated }) => [changeFigure(stated!)!, stated!]), ...partFigures];
  return reply('answered', [`文件说明${name}${asked}的部门（共${kept.length}个）：`, ...lines, ...(partLines.length ? ['说明了其中一部分的：', ...partLines] : []), ...tail, ...setVerdict(q, kept.map((r) => ({ short: r.scope.doc.short, stated: r.stated! })))], figures);
}

/**
 * 沈阳和曲阳的三公经费哪个增加得多, 哪个医保局三公经费增长最快: which department's stated change is larger, in the measure
 * asked (增长最快 the percent, 增加最多 the amount) — only changes stated, never computed across documents.
 */
function setVerdict(q: StructuredQuery, kept: { short: string; stated: Figure }[]): string[] {
  const by = q.changesCompared?.by ?? (q.changes?.order ? (q.changes.byAmount ? 'amount' : 'percent') : undefined);
  if (!by || q.changesCompared?.changed || kept.length < 2) return [];
  const fall = fallAsked(q);
  const size = (f: Figure) => (by === 'percent' ? f.change!.percent : f.change!.fen);
  const what = by === 'percent' ? '增减幅度' : '增减金额';
  if (kept.some((r) => size(r.stated) === null)) return [`比较：${kept.filter((r) => size(r.stated) === null).map((r) => r.short).join('、')}的文件没有说明${what}，无法比较。`];
  const [top, ...rest] = [...kept].sort((a, b) => (fall ? size(a.stated)! - size(b.stated)! : size(b.stated)! - size(a.stated)!));
  const said = (r: (typeof kept)[number]) => `${r.short}（${changeWords(r.stated).replace(/^，/, '')}）`;
  if (rest.every((r) => size(r.stated) === size(top!.stated))) return [`比较：${kept.map(said).join('、')}，两者相同。`];
  return [`比较：${fall ? '减少' : '增加'}${by === 'percent' ? '幅度' : '金额'}更大的是${said(top!)}，${rest.map(said).join('，')}。`];
}

/** 比上年增加18.00万元（增长…%）, or 与上年持平: a stated change in words. */
function changeWords(f: Figure): string {
  const c = f.change!;
  const steady = steadyAsPrinted(c);
  if (steady) return `，${steady}`;
  if (c.fen === null) return `，与上年${c.direction ?? '相比有变化'}`;
  const up = goesUp(c);
  return `，比${c.basis ?? '上年'}${up ? '增加' : '减少'}${show({ ...f, fen: Math.abs(c.fen), raw: 'x', asOf: null })}${c.percent !== null ? `（${up ? '增长' : '下降'}${percent(Math.abs(c.percent))}）` : ''}`;
}

/** The way a stated change goes: its amount's or percent's sign, else its word. */
function goesUp(c: NonNullable<Figure['change']>): boolean | null {
  const n = c.fen ?? c.percent;
  if (n !== null && n !== 0) return n > 0;
  return c.direction === null ? null : /增|涨|升|提高/.test(c.direction) ? true : /减|降|少/.test(c.direction) ? false : null;
}

/** A figure received, not spent: its label names income (收入, 拨款) and no spending (words.json changeKinds). */
const INCOME = new RegExp(alternation(words.changeKinds.income));
const SPENT = new RegExp(alternation(words.changeKinds.spent));
const incomeOnly = (f: NarrativeFactRow) => f.metric !== 'subject' && (f.metric?.startsWith('income.') || (INCOME.test(f.label) && !SPENT.test(f.label)));

/** Whether a stated change is of the kind asked: a spending (哪些支出), a part of the whole named (三公经费里哪一项), else any. */
function ofKind(asked: NonNullable<StructuredQuery['changes']>, f: NarrativeFactRow): boolean {
  if (asked.within) return f.metric !== null && partsOf(asked.within).has(f.metric);
  if (asked.spending) return !incomeOnly(f);
  return true;
}

/** What the figures listed are called: 科目, 支出, the parts of a whole (“三公”经费中的项), else 项. */
function kindName(q: StructuredQuery): string {
  if (q.classification === 'functional') return '功能科目';
  if (q.classification === 'economic') return '经济分类科目';
  if (q.subjects) return '科目';
  if (q.changes?.spending) return '支出';
  if (q.changes?.within) return `${metricOf(q.changes.within).name}中的项`;
  return '项';
}

/** A change the text states as none (减少0万元，下降0%) moved nothing: it is no rise nor fall. */
const moved = (c: NonNullable<Figure['change']>) => (c.fen === null && c.percent === null ? goesUp(c) !== null : (c.fen ?? 0) !== 0 || (c.percent ?? 0) !== 0);

/**
 * 哪些科目比上年下降了, 较上年增长超过30%的功能科目, 三公经费里哪一项变了: every figure of the kind asked whose stated
 * change goes the way asked (变了: either way), its change amount and percent as stated, held to the conditions (a percent
 * bounds the percent, an amount the amount changed). Led by the percent when the bound is one, else by the amount, in the
 * order the text states them. None: what was looked at is said — the changes stated of other kinds, or none at all.
 */
function listedChanges(s: Sources, q: StructuredQuery, facts: NarrativeFactRow[], all: NarrativeFactRow[], scope: Scope, head: string, note: string[]): Reply {
  const order = q.changes!.order;
  const way = order === 'up' ? '增长' : order === 'down' ? '下降' : '增减';
  const wanted = (c: NonNullable<Figure['change']>) => moved(c) && (order === null || goesUp(c) === (order === 'up'));
  const byPercent = q.conditions.some((c) => c.unit === 'percent');
  const rows = facts
    .map((f) => listed(f, scope))
    .filter((f) => wanted(f.change!))
    .map((f) => {
      const up = goesUp(f.change!) === true;
      const { amount, percent } = sized(f, up);
      // The bound reads the change as a size: 下降超过50% is a percent of −50% or lower.
      const size = (x: Figure | null) => (x === null ? [] : [{ ...x, fen: x.fen === null ? null : Math.abs(x.fen), value: typeof x.value === 'number' ? Math.abs(x.value) : x.value }]);
      const ok = q.conditions.every((c) => meeting(size(c.unit === 'percent' ? percent : amount), [c]).length > 0);
      return ok ? { f, up, amount, percent } : null;
    })
    .filter((r) => r !== null);
  const once = rows.filter((r, i) => rows.findIndex((x) => named(x.f.label) === named(r.f.label) && x.f.change!.percent === r.f.change!.percent && x.f.change!.fen === r.f.change!.fen) === i);
  const bound = q.conditions.length ? `（${way}${describeAll(q.conditions)}）` : '';
  const what = kindName(q);
  if (once.length === 0) return noneListed(s, q, all, scope, head, note, `${what}${bound}`, way, wanted);
  const lines = once.map(({ f, up, amount, percent }) => `· ${named(f.label)}：${changeText(up, amount, percent) || f.change!.direction}（第${f.change!.line}行）`);
  const figures = once.flatMap(({ amount, percent }) => (byPercent ? [percent, amount] : [amount, percent]).filter((x): x is Figure => x !== null));
  const verb = order === null ? '有增减' : way;
  return reply('answered', [...note, `${head} 文中说明比上年${verb}的${what}${bound}（共${once.length}个）：`, ...lines], figures);
}

/**
 * No figure of the kind asked changed the way asked. Asked of a whole's parts whose own changes are not stated (曲阳
 * 三公经费里哪一项变了): the whole's stated change, and the parts its stated reason names (增加公务用车购置经费 →
 * 公务用车购置费), each with this year's figure — never a change worked out for a part. Else not found, saying what the
 * text does state: changes of that way of other kinds (no figures), those stated as none (持平), or that none is stated.
 */
/** How many other figures a not-found names before saying how many there are. */
const CITED = 5;

function noneListed(s: Sources, q: StructuredQuery, all: NarrativeFactRow[], scope: Scope, head: string, note: string[], what: string, way: string, wanted: (c: NonNullable<Figure['change']>) => boolean): Reply {
  const within = q.changes!.within;
  const wholeFact = within ? all.find((f) => f.metric === within && f.change_line !== null) : undefined;
  const whole = wholeFact ? listed(wholeFact, scope) : null;
  if (within && whole && wanted(whole.change!)) {
    const name = metricOf(within).name;
    const up = goesUp(whole.change!) === true;
    const { amount, percent } = sized(whole, up);
    const reason = whole.change!.reason ?? '';
    const named = [...partsOf(within)].filter((k) => reason !== '' && metricOf(k).prose.some((p) => reason.search(p) >= 0));
    // The most particular part the reason names (公务用车购置费, not 公务用车购置及运行费 holding it).
    const leaves = named.filter((k) => !named.some((o) => o !== k && partsOf(k).has(o)));
    const parts = leaves.flatMap((k) => headlineFigure(s, scope, { kind: 'metric', key: k, text: metricOf(k).name }, scope.year, scope.doc.stage).main ?? []);
    const lines = [
      ...note,
      `${head} 文中没有单独说明${name}各项比上年的增减，只说明了${name}：${changeText(up, amount, percent)}（第${whole.change!.line}行）${reason ? `，原因：${reason}` : ''}。`,
      ...(parts.length
        ? [`原因说的是其中的${parts.map((p) => p.label).join('、')}：${parts.map((p) => `${p.label}${p.year}年${show(p)}（${p.table ?? '正文'}第${p.line}行）`).join('；')}；各项上年的数没有公开。`]
        : ['文中没有说明是其中哪一项。']),
    ];
    return reply('answered', lines, [...(amount ? [amount] : []), ...(percent ? [percent] : []), ...parts]);
  }
  const moving = all.map((f) => ({ f, figure: listed(f, scope) }));
  // Asked of a whole's parts, only that whole's are told; else the other kinds, the first few by name.
  const others = within ? [] : moving.filter(({ figure }) => wanted(figure.change!)).map(({ figure }) => figure);
  const steady = moving.filter(({ f, figure }) => !moved(figure.change!) && (!within || f.metric === within || partsOf(within).has(f.metric ?? ''))).map(({ figure }) => figure);
  const cite = (list: Figure[]) => {
    const names = [...new Map(list.map((f) => [named(f.label), `${named(f.label)}（第${f.change!.line}行）`])).values()];
    return names.length > CITED ? `${names.slice(0, CITED).join('、')}等${names.length}项` : names.join('、');
  };
  // 三公经费哪一项比上年减少了 where only the whole's rise is stated: that rise said, no figure.
  const wholeSaid = (() => {
    if (!within || !whole || !moved(whole.change!)) return [];
    const up = goesUp(whole.change!) === true;
    const { amount, percent } = sized(whole, up);
    return [`文中只说明了${metricOf(within).name}：${changeText(up, amount, percent)}（第${whole.change!.line}行）。`];
  })();
  const tail = [
    ...wholeSaid,
    ...(others.length ? [`文中说明比上年${way}的是别的项：${cite(others)}。`] : within || moving.some(({ figure }) => moved(figure.change!)) ? [] : ['文中没有说明任何一项比上年的增减。']),
    ...(steady.length ? [`文中说明与上年持平（或增减为0）的：${cite(steady)}。`] : within && !whole ? [`文中没有说明${metricOf(within).name}及其各项比上年的增减。`] : []),
  ];
  const verb = q.changes!.order === null ? '有增减' : way;
  const offer = others.length ? [`${scope.doc.short} 哪些比上年${q.changes!.order === 'up' ? '增加了' : q.changes!.order === 'down' ? '减少了' : '变了'}`] : [];
  return reply('not_found', [...note, `${head}中没有说明比上年${verb}的${what}。`, ...tail], [], offer);
}

/** 上年基数为零: words of a stated change saying last year had nothing (words.json changeStates.fromNothing). */
const FROM_NOTHING = new RegExp(alternation(words.changeStates.fromNothing));

/** Whether a figure is the thing named: its metric, or a subject by its code or name. */
function isTarget(t: Target, metric: string | null, code: string | null, name: string): boolean {
  // 哪些三公经费是今年新安排的: the figure or any of its parts (公务用车购置费 of “三公”经费).
  if (t.kind === 'metric') return metric !== null && (metric === t.key || partsOf(t.key).has(metric));
  if (t.kind === 'subject') return (code !== null && t.codes.includes(code)) || name.replace(/（\d+）$/, '') === t.name;
  return false;
}

/**
 * The cells a table prints for last year as 0 or blank whose row prints more this year (沈阳 表7 line 263: 公务用车购置费
 * 2022年 blank, 2023年 18.00): last year's cell and this year's, matched by the row and what it holds.
 */
function printedFromNothing(s: Sources, scope: Scope): { now: FigureRow; before: FigureRow }[] {
  const found: { now: FigureRow; before: FigureRow }[] = [];
  for (const table of s.queries.tables(scope.doc.id)) {
    const rows = s.queries.figuresByTable(table.id).filter((r) => usable(r) && r.value_kind === 'money');
    const key = (r: FigureRow) => `${r.line}|${r.metric}|${r.subject_code}|${r.unit_id}|${r.column_label.replace(/^\d{4}年?/, '')}`;
    const before = new Map(rows.filter((r) => r.year === scope.year - 1 && (r.amount_fen ?? 0) === 0).map((r) => [key(r), r]));
    if (before.size === 0) continue;
    for (const now of rows) {
      const last = now.year === scope.year && (now.amount_fen ?? 0) > 0 ? before.get(key(now)) : undefined;
      if (last) found.push({ now, before: last });
    }
  }
  return found;
}

/** A cell named as what its row holds (公务用车购置费), not by its column's header path (2023预算数/公务用车购置及运行费/…). */
const printedCell = (s: Sources, scope: Scope, r: FigureRow) =>
  fromCell(r, scope.doc, s.entity(scope.doc, r.unit_id), r.subject_code ? `${r.subject_name}（${r.subject_code}）` : r.metric ? metricOf(r.metric).name : r.row_label);

/**
 * 从无到有, 今年新安排的, 新增的科目: what the text says had nothing last year (上年基数为零), cited at its sentence, and
 * what a table prints 0 or blank last year and more this year, both years cited — never a project, whose tables print this
 * year only. One thing named (沈阳公务用车购置费是不是从无到有): whether it is among them.
 */
function started(s: Sources, q: StructuredQuery, scope: Scope, facts: NarrativeFactRow[], head: string, note: string[]): Reply {
  if (q.listOf === 'projects') {
    return reply('not_found', [...note, `${head}的项目表只印本年的数，文中也没有说明哪些项目是上年没有、今年新安排的；说明了与上年相比增减的是科目和几项总数。`], [], [`${scope.doc.short} 哪些科目与上年不可比`]);
  }
  // 哪些支出是从无到有的: 支出 after 哪些 is each subject's, not 支出总计.
  const only = q.targets.length === 1 ? q.targets[0]! : null;
  const t = only && !(only.kind === 'metric' && only.key === 'expenditure.grand_total' && only.text === '支出') ? only : null;
  // Each sentence its own thing: 对个人和家庭的补助 (303) and (509) are two classifications' items, named by their codes.
  const fromText = facts
    .filter((f) => FROM_NOTHING.test(f.change_raw_text ?? '') && (!t || isTarget(t, f.metric, f.subject_code, named(f.label))))
    .map((f) => ({ ...listed(f, scope), ...(f.subject_code ? { label: `${named(f.label)}（${f.subject_code}）` } : {}) }));
  const shownText = new Set(fromText.map((f) => `${f.label}|${f.fen}`));
  const printed = printedFromNothing(s, scope)
    .filter(({ now }) => (!q.subjects || now.subject_code !== null) && ofClassification(q, now.subject_code) && (!t || isTarget(t, now.metric, now.subject_code, now.subject_name ?? now.row_label)))
    .map(({ now, before }) => ({ now: printedCell(s, scope, now), before: printedCell(s, scope, before) }))
    .filter(({ now }, i, all) => !shownText.has(`${now.label}|${now.fen}`) && all.findIndex((x) => x.now.label === now.label && x.now.fen === now.fen) === i);
  const what = t ? targetName(t) : q.subjects ? '科目' : '项';
  if (fromText.length + printed.length === 0) {
    return reply('not_found', [...note, `${head}中没有说明${t ? `${what}上年为零、今年才安排` : `上年为零、今年才安排的${what}`}（文中没有写明上年基数为零，表中也没有印上年为零而今年有数的${t ? '数字' : what}）。`]);
  }
  const lines = [
    ...fromText.map((f) => `· ${f.label}：${show(f)}，文中说明与上年${f.change!.direction ?? '相比'}、上年基数为零${f.change!.reason ? `（${f.change!.reason}）` : ''}（第${f.change!.line}行）`),
    ...printed.map(({ now, before }) => `· ${now.label}：${now.year}年${show(now)}，${before.year}年${show(before)}（${now.table ?? '正文'}第${now.line}行）`),
  ];
  // 是 only where the thing named is itself among them; its parts are listed as its parts (哪些三公经费是今年新安排的).
  const itself = t !== null && (printed.some(({ now }) => now.label === targetName(t)) || fromText.some((f) => f.label.startsWith(targetName(t))));
  const verdict = itself ? `是：${head} ${what}上年为零，今年才安排：` : `${head} ${t ? `${what}中` : ''}上年为零、今年才安排的${t ? '' : what}（共${lines.length}个）：`;
  return reply('answered', [...note, verdict, ...lines], [...fromText, ...printed.flatMap(({ now, before }) => [now, before])]);
}
