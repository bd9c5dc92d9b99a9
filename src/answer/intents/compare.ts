// 对比: several departments, several targets, 预算 against 决算, or this year
// against the year before (from the same document's 上年 columns, or the change
// its text states — never a difference computed here).
import type { StructuredQuery, Target } from '../../query/ast.ts';
import type { Stage } from '../../store/schema.ts';
import type { Figure } from '../figures.ts';
import { changeFigure, derivedFigure, fallsAsPrinted, percentValue, priorFromChange, sameFigure, show, steadyAsPrinted } from '../figures.ts';
import { money, percent } from '../format.ts';
import { eachReply, heading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import { pick, type Sources } from '../sources.ts';
import { cellOf, changePercent, headlineFigure, METRIC_PARTS, printedLabel, stageOf, statedChange, targetFigures, targetName, wholeChange } from '../targets.ts';
import { lookup } from './lookup.ts';
import { computation } from '../computation.ts';
import { metric as metricOf } from '../../store/metrics.ts';
import { rate } from './rate.ts';

/** Changes the text states without a rate, the words being the answer: 较上年无增减, 较上年不可比. */
const STATED_WITHOUT_RATE = new Set(['持平', '不可比']);

function changeText(f: Figure): string {
  const c = f.change;
  if (!c) return '';
  if (c.direction === '持平') return '，与上年持平';
  if (c.direction === '不可比') return '，与上年不可比';
  const steady = steadyAsPrinted(c);
  if (steady) return `，${steady}${c.reason ? `，原因：${c.reason}` : ''}`;
  // The printed word first: 减少0万元 has no sign to read it from.
  const amount = c.fen !== null ? `${c.direction === '增加' || c.direction === '减少' ? c.direction : c.fen >= 0 ? '增加' : '减少'}${money(Math.abs(c.fen))}` : '';
  const falling = c.direction === '减少' || (c.direction !== '增加' && (c.percent ?? 0) < 0);
  const pct = c.percent !== null ? `（${falling ? '下降' : '增长'}${percent(Math.abs(c.percent))}）` : '';
  const basis = c.basis ? `比${c.basis}` : '比上年';
  return `，${basis}${amount}${pct}${c.reason ? `，原因：${c.reason}` : ''}`;
}

function acrossScopes(s: Sources, q: StructuredQuery, scopes: Scope[], t: Target): Reply {
  const lines = [`${targetName(t)}对比：`];
  const figures: Figure[] = [];
  for (const scope of scopes) {
    const found = headlineFigure(s, scope, t, scope.year, stageOf(q.stage, scope)).main;
    // A sub-unit without its own figure would be shown its department's: side by side, that reads as its own.
    const main = found && (scope.unitId === null || found.entity === scope.entity) ? found : null;
    if (main) figures.push(main);
    // Each document's own qualifier (a threshold) is said: the figures may not count the same things.
    const printed = main && printedLabel(t, main);
    const qualifier = printed ? `${printed} ` : '';
    lines.push(`· ${heading(scope.entity, scope.doc)}：${main ? `${qualifier}${show(main)}` : found ? `没有单列此数` : '没有找到'}`);
  }
  // 医保中心和本级项目支出哪个多: of two asked which, the larger is said with by how much.
  const diff = q.intent === 'rank' && scopes.length === 2 && figures.length === 2 ? computation('difference', figures.map((f) => ({ figure: f, name: f.entity })), targetName(t), '') : null;
  if (diff?.status === 'answered') return reply('answered', [...lines, diff.lines[0]!], [...figures, diff.figures[0]!]);
  return reply(figures.length ? 'answered' : 'not_found', lines, figures);
}

function stages(s: Sources, q: StructuredQuery, scope: Scope, t: Target): Reply {
  const year = scope.year;
  const figures = targetFigures(s, scope, t, year);
  const byStage = (stage: Stage) => pick(figures, stage).main.filter((f) => f.basis === stage)[0];
  const budget = byStage('预算');
  const final = byStage('决算');
  const head = `${scope.entity} ${year}年 ${targetName(t)}`;
  if (!budget || !final) {
    const only = budget ?? final;
    const text = only ? `${head}：只有${only.basis}数${show(only)}，没有${only.basis === '预算' ? '决算' : '预算'}数。` : `${head}：没有找到。`;
    // A 决算 with no 预算数 column may still state how much of the budget was spent (北票 城乡医疗救助 52%, line 134).
    const rated = only?.basis === '决算' ? rate(s, { ...q, intent: 'rate', stage: null, targets: [t] }, { ...scope, yearNote: null }) : null;
    const stated = rated?.status === 'answered' ? rated : null;
    return reply(only ? 'answered' : 'not_found', [text, ...(stated ? [`文中说明：完成年初预算的${stated.figures.map(show).join('、')}。`] : [])], only ? [only, ...(stated?.figures ?? [])] : []);
  }
  return reply('answered', [`${head}：预算数${show(budget)}，决算数${show(final)}`], [final, budget]);
}

/** A fact's label as the prose prints it, less a list number before it (（1）行政运行). */
const named = (label: string) => label.replace(/^\s*(?:[（(]\d+[)）]|\d+[.、．])\s*/, '');

/**
 * The parts of a figure (支出总计: 基本支出, 项目支出; “三公”经费: 公务用车购置及运行费) whose change, with its reason, the
 * same sentence states — on the whole's line, or on the lines it runs on to across a page break (沈阳 lines 727–729).
 */
function partsChanged(s: Sources, scope: Scope, t: Target, year: number, whole: NonNullable<Figure['change']>): Figure[] {
  if (t.kind !== 'metric') return [];
  const keys = metricOf(t.key).parts.length ? metricOf(t.key).parts : (METRIC_PARTS[t.key] ?? []);
  return keys.flatMap((key) => {
    const p = statedChange(s, scope, { kind: 'metric', key, text: '' }, year, null);
    return p?.change?.reason && (p.change.line === whole.line || p.change.raw === whole.raw) ? [p] : [];
  });
}

/**
 * 预算增长主要来自哪部分: the parts one level down (“三公”经费: 因公出国, 公务用车购置及运行费, 公务接待费) whose change the
 * text states anywhere, the largest change first.
 */
function partsByChange(s: Sources, scope: Scope, t: Target, year: number): Figure[] {
  if (t.kind !== 'metric') return [];
  const keys = metricOf(t.key).parts.length ? metricOf(t.key).parts : (METRIC_PARTS[t.key] ?? []);
  const size = (p: Figure) => Math.abs(p.change!.fen ?? 0);
  return keys
    .flatMap((key) => targetFigures(s, scope, { kind: 'metric', key, text: '' }, year).filter((f) => f.change?.fen != null).slice(0, 1))
    .sort((a, b) => size(b) - size(a));
}

/** 为什么比2021年涨了, 比2021年多了多少 of a 2023 document: the text states the change since 2022 only. */
export function sinceAnother(q: StructuredQuery, scope: Scope): Reply | null {
  const year = scope.year;
  return q.since !== undefined && q.since !== year - 1 ? reply('not_found', [`${heading(scope.entity, scope.doc)}只说明与${year - 1}年相比的增减，没有与${q.since}年相比的。`]) : null;
}

function overYears(s: Sources, q: StructuredQuery, scope: Scope, t: Target): Reply {
  const year = scope.year;
  const stage = stageOf(q.stage, scope);
  const name = targetName(t);
  const years = q.years.length > 1 ? [...q.years].sort((a, b) => b - a) : [year, year - 1];
  const found = years.map((y) => ({ y, f: pick(targetFigures(s, scope, t, y), stage).main[0] ?? null }));
  const other = sinceAnother(q, scope);
  if (other) return other;
  const stated = statedChange(s, scope, t, year, found[0]?.f ?? null) ?? (found[1]?.f ? undefined : wholeChange(s, scope, t, year, found[0]?.f ?? null));
  // Last year not printed, but the change stated: last year computed from the two, said to be computed.
  const derived = (q.years.length < 2 || q.since !== undefined) && stated && !stated.statedFor && !found[1]?.f ? priorFromChange(stated) : null;
  const head = `${scope.entity} ${name}`;
  // 去年的X, 上一年X安排了多少: last year's figure is what was asked — it leads the line and the figures, this year's after it.
  const lastAsked = q.previousYear && !q.changeAsked && !q.reason && !q.changeParts && q.years.length < 2;
  const shown = lastAsked ? [...found].reverse() : found;
  const lines = [`${head}：${shown.map(({ y, f }) => `${y}年${f ? show(f) : derived && y === year - 1 ? `${show(derived.prior)}（按文中说明推算：${derived.prior.raw}）` : '未公开'}`).join('，')}`];
  // 比上年 asks how it changed: the change the text states leads, the two years' figures after it.
  const whose = stated?.statedFor
    ? `文中没有单独说明${name}的增减，只说明了${stated.statedFor}（${name}是其中一部分）：`
    : stated?.ofPart
      ? `文中没有单独说明${name}的增减，只说明了其中一部分${stated.ofPart}的：`
      : '文中说明：';
  if (stated) lines.splice(q.changeAsked ? 0 : 1, 0, `${whose}${year}年${show(stated)}${changeText(stated)}`);
  // 为什么: the stated reason leads, or its absence is said — 曲阳支出增加的原因: none for the whole, but one for each
  // part (基本支出, 项目支出) in the sentence stating its change: those, each with its own change.
  // 主要来自哪部分: the parts' stated changes, the largest leading, whatever the whole's own reason.
  const byPart = q.changeParts && stated?.change ? partsByChange(s, scope, t, year) : [];
  const parts = byPart.length ? byPart : q.reason && stated?.change && !stated.change.reason ? partsChanged(s, scope, t, year, stated.change) : [];
  const listed = parts.map((p) => `${named(p.label)}${show(p)}${changeText(p)}`).join('；');
  const why = byPart.length ? `按组成说明，变化最大的是${named(byPart[0]!.label)}：${listed}` : parts.length ? `文中没有说明总的原因，按组成说明：${listed}` : '文中没有说明原因。';
  // 沈阳公务用车购置费为什么增加了: both years printed, no change stated of the part — the reason stated for its whole, said
  // so, only where the whole changed by exactly the part's change (沈阳 公务用车购置及运行费 +18 = 购置费 0 → 18); a part
  // that did not change (运行费 4.80, 4.80) or changed otherwise is not explained by it.
  const [now_, before_] = [found[0]?.f, found[1]?.f];
  const partChange = now_?.fen != null && before_?.fen != null ? now_.fen - before_.fen : null;
  const ofWhole = q.reason && !stated && !q.changeParts && partChange ? wholeChange(s, scope, t, year, now_ ?? null) : undefined;
  const wholeReason = ofWhole?.change?.reason && ofWhole.change.fen === partChange ? `原因（文中就${ofWhole.statedFor}说明，${name}是其中一部分）：${ofWhole.change.reason}` : null;
  const about = stated?.statedFor ?? stated?.ofPart;
  const whole = stated?.change?.reason ? `原因（文中${about ? `就${about}` : ''}说明）：${stated.change.reason}` : wholeReason;
  if (q.reason) lines.unshift(...(byPart.length ? [why, ...(whole ? [whole] : [])] : [whole ?? why]));
  const figures = [...found.flatMap(({ f }) => (f ? [f] : [])), ...(stated && !found.some(({ f }) => f?.line === stated.line && sameFigure(f, stated)) ? [stated] : []), ...(wholeReason ? [changeFigure(ofWhole!)!] : [])];
  // 为啥没了 of a figure that is 0, 为什么这么少 of one whose change nothing states: the figure as printed, and that no
  // reason (nor last year) is.
  if (q.reason && found[0]?.f && (found[0].f.fen === 0 || q.low) && !found[1]?.f && !stated) {
    return reply('answered', [`文中没有说明原因，也没有印${year - 1}年的数字。`, `${head}：${year}年${show(found[0].f)}`], [found[0].f]);
  }
  if (found.filter(({ f }) => f).length < 2 && !stated) {
    // Not found carries no figure: the year held is one question away.
    return reply('not_found', [`${heading(scope.entity, scope.doc)}中没有${name}的${years.filter((y) => y !== year).join('、')}年数字，也没有说明增减${q.reason ? '及其原因' : ''}。`], [], [
      `${scope.doc.short} ${year} ${t.text || name}`,
    ]);
  }
  // What was asked leads: the change as the text states it (cited at its line), else computed from the two years printed.
  const [now, before] = [found[0]?.f, found[1]?.f];
  let lead = stated ? changeFigure(stated) : now && before && now.fen !== null && before.fen !== null ? yearChange(now, before) : null;
  // The percent the text states beside the amount is a figure of its own (增长129.10%).
  const percent = stated?.change && stated.change.fen !== null && stated.change.percent !== null ? changePercent(stated) : null;
  // (为什么: the reason, or its absence, stays first.)
  if (lead && !stated) lines.splice(q.changeAsked && !q.reason ? 0 : 1, 0, `增减：${show(lead)} = ${show(now!)} − ${show(before!)}`);
  if (derived) {
    lead = derived.change;
    figures.push(derived.prior, ...(figures.includes(stated!) ? [] : [stated!]));
  }
  // Asked how it changed (比上年, 增加多少), the change leads (amount, then percent); asked only 去年, the figure does.
  const ofParts = parts.flatMap((p) => changeFigure(p) ?? []);
  // 主要来自哪部分 asks the part: its change leads, the whole's after.
  // 少了百分之几: the stated percent leads, the amount after it.
  // 多了百分之几 where the text states no rate: computed from the two years as printed, else — as 是上年的几倍 is — from
  // last year worked back from the stated change (this year and the change, both stated), said so; shown either way.
  const rateAsked = q.asked?.percent === true;
  const printedGrowth = rateAsked && !percent && now?.fen != null && before?.fen ? yearGrowth(now, before) : null;
  const workedGrowth = rateAsked && !percent && !printedGrowth && derived?.prior.fen && stated?.fen != null ? yearGrowth(stated, derived.prior) : null;
  const grown = printedGrowth ?? workedGrowth;
  if (grown) lines.splice(1, 0, `增长率：${grown.raw}（文中没有说明增幅，${printedGrowth ? '按两年数字计算' : `按文中说明推算的${year - 1}年数字计算`}）`);
  // (持平 and 不可比 are what the text says of the rate.)
  else if (rateAsked && !percent && stated && !STATED_WITHOUT_RATE.has(stated.change?.direction ?? '')) lines.splice(1, 0, `文中没有说明增减的百分比，上年数字也没有印出，不作计算。`);
  const rate = percent ?? grown;
  const own = rateAsked && rate ? [rate, ...(lead ? [lead] : [])] : [...(lead ? [lead] : []), ...(percent ? [percent] : [])];
  const signed = byPart.length ? [...ofParts, ...own] : [...own, ...ofParts];
  const change = q.fall ? fallsAsPrinted(signed) : signed;
  // 按增加额倒推上年收入总计: the figure worked back is what was asked.
  if ((q.backward || lastAsked) && derived) return reply('answered', lines, [derived.prior, ...figures.filter((f) => f !== derived.prior), ...change]);
  const prior = lastAsked ? found[1]?.f : null;
  if (prior) return reply('answered', lines, [prior, ...figures.filter((f) => f !== prior), ...change]);
  return reply('answered', lines, q.changeAsked ? [...change, ...figures] : [...figures, ...change]);
}

/** A growth rate between two printed years, computed: (this year − the earlier) ÷ the earlier, in per cent. */
function yearGrowth(now: Figure, before: Figure): Figure {
  const value = percentValue((now.fen! - before.fen!) / before.fen!);
  const formula = `(${money(now.fen!, now.printedIn)} − ${money(before.fen!, before.printedIn)}) ÷ ${money(before.fen!, before.printedIn)} = ${percent(value)}`;
  return derivedFigure('growth', [now, before], `${now.label}比${before.year}年增长率`, { fen: null, value, unit: '%' }, formula);
}

/** A change between two printed years, computed: this year's figure minus the earlier one, signed. */
function yearChange(now: Figure, before: Figure): Figure {
  const fen = now.fen! - before.fen!;
  const label = `${now.label}比${before.year}年增减`;
  return derivedFigure('difference', [now, before], label, { fen }, `${money(now.fen!, now.printedIn)} − ${money(before.fen!, before.printedIn)}`);
}

function targetsSideBySide(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const lines = [`${heading(scope.entity, scope.doc)}：`];
  const figures: Figure[] = [];
  const found = q.targets.map((t) => ({ t, main: headlineFigure(s, scope, t, scope.year, stageOf(q.stage, scope)).main }));
  // 离退休: of the subjects one word names together, only those printed are listed (all, none of them being printed —
  // 曲阳水电支出: 水费 and 电费 both said not found, whatever else asked beside them was, 支出 here).
  const together = (t: Target) => q.targets.filter((x) => x.text === t.text).length > 1;
  const any = found.some((x) => x.main);
  const anyOfWord = (t: Target) => found.some((x) => x.main && x.t.text === t.text);
  for (const { t, main } of found) {
    if (main) figures.push(main);
    if (main || !anyOfWord(t) || !together(t)) lines.push(`· ${targetName(t)}：${main ? show(main) : '没有找到'}`);
  }
  return reply(any ? 'answered' : 'not_found', lines, figures);
}

/**
 * 行政运行和医疗保障经办事务比上年各增加了多少: each thing named over the years, its stated change (or that none is stated)
 * in turn — never only the first one's.
 */
function eachOverYears(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const each = q.targets.map((t) => overYears(s, { ...q, targets: [t] }, scope, t));
  return eachReply(
    each.map((r, i) => (r.status === 'answered' ? r : { ...r, lines: [`${targetName(q.targets[i]!)}：${r.lines.join('')}`] })),
    each.flatMap((r) => r.suggestions),
  );
}

export function compare(s: Sources, q: StructuredQuery, scopes: Scope[]): Reply {
  // A subject with a measure (卫生健康支出 基本支出) is one cell, not two figures to compare.
  const cell = scopes.length === 1 && q.stage !== 'both' && !q.previousYear && q.years.length < 2 ? cellOf(q) : null;
  if (cell) return lookup(s, q, scopes[0]!, cell.target, cell.measure);
  const t = q.targets[0]!;
  const note = scopes.length === 1 && scopes[0]!.yearNote && !q.previousYear ? [scopes[0]!.yearNote] : [];
  let r: Reply;
  // 抚顺和曲阳的支出总计比上年增加了多少: each department over its own years, never this year's figures side by side.
  if (scopes.length > 1 && q.previousYear) r = eachReply(scopes.map((sc) => compare(s, q, [sc])));
  else if (scopes.length > 1) r = acrossScopes(s, q, scopes, t);
  else if (q.stage === 'both') r = stages(s, q, scopes[0]!, t);
  // 与2022年相比: a single earlier year is what this year is compared with.
  else if (q.years.length === 1 && q.years[0]! < scopes[0]!.doc.fiscal_year) r = overYears(s, { ...q, years: [scopes[0]!.doc.fiscal_year, q.years[0]!] }, { ...scopes[0]!, year: scopes[0]!.doc.fiscal_year, yearNote: null }, t);
  else if ((q.previousYear || q.years.length > 1) && q.targets.length > 1) r = eachOverYears(s, q, scopes[0]!);
  else if (q.previousYear || q.years.length > 1) r = overYears(s, q, scopes[0]!, t);
  else if (q.targets.length > 1) r = targetsSideBySide(s, q, scopes[0]!);
  else r = overYears(s, q, scopes[0]!, t);
  r.lines.unshift(...note);
  return r;
}
