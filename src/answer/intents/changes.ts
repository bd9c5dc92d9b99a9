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
  const facts = s.queries.factsByAspect(scope.doc.id, 'amount').filter((f) => f.year === scope.year && f.change_line !== null && (!q.subjects || f.metric === 'subject') && ofClassification(q, f.subject_code));
  const stated = facts.map((f) => listed(f, scope));
  // One figure stated twice (a subject in two paragraphs) is listed once.
  const once = <T extends Figure>(list: T[]) => list.filter((f, i) => list.findIndex((x) => x.label === f.label && x.value === f.value && x.fen === f.fen) === i);
  const what = q.subjects ? '科目' : '项';
  if (asked.state === '新增') return started(s, q, scope, facts, head, note);
  if (asked.state) {
    const kept = once(stated.filter((f) => STATES[asked.state!]!.includes(f.change!.direction ?? '')));
    if (kept.length === 0) return reply('not_found', [...note, `${head}中没有说明与上年${asked.state}的${what}。`]);
    const lines = kept.map((f) => `· ${named(f.label)}：${show(f)}，与上年${f.change!.direction}${f.change!.reason ? `（${f.change!.reason}）` : ''}（第${f.change!.line}行）`);
    return reply('answered', [...note, `${head} 文中说明与上年${asked.state}的${what}（共${kept.length}个）：`, ...lines], kept);
  }
  if (asked.listed) return listedChanges(q, facts, scope, head, note);
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
export function changesOfSet(s: Sources, q: StructuredQuery, scopes: Scope[], t: Target): Reply {
  const way = q.fall ? false : q.asked?.rise ? true : null;
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
  return reply('answered', [`文件说明${name}${asked}的部门（共${kept.length}个）：`, ...lines, ...(partLines.length ? ['说明了其中一部分的：', ...partLines] : []), ...tail], figures);
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

/**
 * 哪些科目比上年下降了, 较上年增长超过30%的功能科目: every subject whose stated change goes the way asked, its change
 * amount and percent as stated, held to the conditions (a percent bounds the percent, an amount the amount changed).
 * Led by the percent when the bound is one, else by the amount, in the order the text states them.
 */
function listedChanges(q: StructuredQuery, facts: NarrativeFactRow[], scope: Scope, head: string, note: string[]): Reply {
  const up = q.changes!.order === 'up';
  const way = up ? '增长' : '下降';
  const byPercent = q.conditions.some((c) => c.unit === 'percent');
  const rows = facts
    .map((f) => listed(f, scope))
    .filter((f) => goesUp(f.change!) === up)
    .map((f) => {
      const { amount, percent } = sized(f, up);
      // The bound reads the change as a size: 下降超过50% is a percent of −50% or lower.
      const size = (x: Figure | null) => (x === null ? [] : [{ ...x, fen: x.fen === null ? null : Math.abs(x.fen), value: typeof x.value === 'number' ? Math.abs(x.value) : x.value }]);
      const ok = q.conditions.every((c) => meeting(size(c.unit === 'percent' ? percent : amount), [c]).length > 0);
      return ok ? { f, amount, percent } : null;
    })
    .filter((r) => r !== null);
  const once = rows.filter((r, i) => rows.findIndex((x) => named(x.f.label) === named(r.f.label) && x.f.change!.percent === r.f.change!.percent && x.f.change!.fen === r.f.change!.fen) === i);
  const bound = q.conditions.length ? `（${way}${describeAll(q.conditions)}）` : '';
  const what = q.classification === 'functional' ? '功能科目' : q.classification === 'economic' ? '经济分类科目' : q.subjects ? '科目' : '项';
  if (once.length === 0) return reply('not_found', [...note, `${head}中没有说明比上年${way}的${what}${bound}。`]);
  const lines = once.map(({ f, amount, percent }) => `· ${named(f.label)}：${changeText(up, amount, percent) || f.change!.direction}（第${f.change!.line}行）`);
  const figures = once.flatMap(({ amount, percent }) => (byPercent ? [percent, amount] : [amount, percent]).filter((x): x is Figure => x !== null));
  return reply('answered', [...note, `${head} 文中说明比上年${way}的${what}${bound}（共${once.length}个）：`, ...lines], figures);
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
