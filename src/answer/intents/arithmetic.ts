// 算术: a difference, a sum, a ratio, a growth rate or a per-head figure computed from printed
// figures — never stored, always shown as its formula with every input cited. The inputs are what the
// question names: two figures (基本支出比项目支出少多少), two departments, two years, a 决算's budget and
// spending (还剩多少没花), a figure and a headcount (人均, saying 编制 or 实有).
import shapes from '../../../grammar/shapes.json' with { type: 'json' };
import type { StructuredQuery, Target } from '../../query/ast.ts';
import type { Stage } from '../../store/schema.ts';
import { describe, holds } from '../conditions.ts';
import { changeFigure, derivedFigure, fallsAsPrinted, fromCell, priorFromChange, show, steadyAsPrinted, usable, type Figure } from '../figures.ts';
import { money, printedAt, tableName } from '../format.ts';
import type { SourceTableRow } from '../../store/schema.ts';
import { metrics, SPLIT_COLUMNS } from '../../store/metrics.ts';
import { asProject } from '../namesakes.ts';
import { beforeAnswer, eachReply, reply, yearHeading, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import { MEASURES, pick, type Sources } from '../sources.ts';
import { compare, sinceAnother } from './compare.ts';
import { fallAsked } from './changes.ts';
import { outsideOf } from './share.ts';
import { namedHeadcounts, projectHeadcounts } from './headcounts.ts';
import { sameNameGroups } from '../project-groups.ts';
import { projectPeopleTargets } from './performance.ts';
import { projectScores } from './rank.ts';
import { namedTables, shared } from '../table-rows.ts';
import { computation, shown, type Operand } from '../computation.ts';
import { partWithWhole, withPrintedWhole } from '../sum-parts.ts';
import { aligned, changePercent, headlineFigure, printingsOf, stageOf, statedChange, targetFigures, targetName } from '../targets.ts';

/** A headcount a per-head figure divides by: 实有人员 unless the question names 编制. */
const HEADCOUNTS = { actual: 'staff.actual', authorized: 'staff.authorized' } as const;
const STAFF = new Set<string>(Object.values(HEADCOUNTS));

/** Whether a figure is about the department's own people and running, so that its staff are the heads to divide by. */
function staffFigure(t: Target): boolean {
  if (t.kind === 'metric') return shapes.perHead.metrics.includes(t.key);
  return t.kind === 'subject' && t.codes.some((c) => shapes.perHead.subjects.includes(c));
}

/**
 * 莲湖 表1 prints 商品和服务支出 only in parts (人员经费和公用经费 207,576.85, 专项业务经费 1,310,000.00), no whole: asked of
 * that table, which part is asked back — never one part subtracted as if it were the table's figure. Null where the
 * table's figure is the row's whole, or the one part it prints.
 */
function onlyInParts(s: Sources, scope: Scope, t: Target, f: Figure): Reply | null {
  if (!f.part) return null;
  const parts = [...SPLIT_COLUMNS].flatMap((m) => targetFigures(s, scope, t, scope.year, m).filter((x) => x.table === f.table && x.basis === f.basis && x.fen));
  if (new Set(parts.map((x) => x.measure)).size < 2) return null;
  return reply('ambiguous', [`${yearHeading(scope.entity, scope.doc, scope.year)} ${f.tableNumber ?? f.table}没有印${targetName(t)}的合计，只分别印了：`, ...parts.map((x) => `· ${x.label}：${show(x)}（第${x.line}行）`), '请说明比较哪一部分。']);
}

/** The operands the question names, in the order named; a reply when one is not printed. */
function operandsOf(s: Sources, q: StructuredQuery, scopes: Scope[]): Operand[] | Reply {
  const scope = scopes[0]!;
  const t = q.targets[0]!;
  const missing = (name: string) => reply('not_found', [`${yearHeading(scope.entity, scope.doc, scope.year)}中没有找到${name}的数字，无法计算。`]);
  // 还剩多少没花, 预算和执行数的差额, 决算占预算的比例: the two stages of one figure.
  if ((q.arithmetic?.op === 'remaining' && !q.arithmetic.rest) || q.stage === 'both') {
    const all = targetFigures(s, scope, t, scope.year);
    const of = (stage: Stage) => pick(all, stage).main.find((f) => f.basis === stage);
    const budget = of('预算');
    const spent = of('决算');
    if (!budget || !spent) return missing(`${targetName(t)}的${budget ? '决算' : '预算'}数`);
    const operands = [
      { figure: budget, name: '预算数' },
      { figure: spent, name: '决算数' },
    ];
    // 执行数除以预算数: in the order named.
    return q.firstStage === '决算' ? operands.reverse() : operands;
  }
  // 财政拨款表和总表的卫生健康支出: each title read among the tables printing the figure; a title naming several is read
  // again without the table the other one names (收支总表 and 财政拨款收支总表: 表1 and 表4).
  if (q.titledTables && q.targets.length === 1) {
    const all = targetFigures(s, scope, t, scope.year).filter((f) => f.basis === stageOf(q.stage, scope));
    const printed = (x: SourceTableRow) => tableName(x.name, x.number);
    const read = (named: { title: string[]; text: string; number?: number }, taken: string[]): SourceTableRow[] | Reply => {
      const printing = (x: SourceTableRow) => all.some((f) => f.table === printed(x)) && !taken.includes(printed(x));
      const found = namedTables(s, scope.doc, { number: named.number ?? null, title: named.title, nth: null, text: named.text }, scope.doc.short, false, printing);
      // 总表: a title too short to be looked up alone names the tables printing the figure whose names hold it.
      const tables = !Array.isArray(found) && found.status === 'not_found' ? s.queries.tables(scope.doc.id).filter((x) => printing(x) && x.name.includes(named.text)) : found;
      if (!Array.isArray(tables)) return tables;
      if (tables.length === 0) return missing(`名称含“${named.text}”的表中${targetName(t)}`);
      const names = [...new Set(tables.map(printed))];
      if (names.length > 1) return reply('ambiguous', [`${scope.doc.display}中印有${targetName(t)}、名称含“${named.text}”的表有${names.length}张，请写明是哪一张：`, ...names.map((n) => `· ${n}`)], [], tables.filter((x) => x.number).map((x) => `${scope.doc.short} ${x.number}的${targetName(t)}`));
      return tables;
    };
    const chosen: (SourceTableRow[] | Reply)[] = q.titledTables.map((named) => read(named, []));
    chosen.forEach((c, i) => {
      const other = chosen[1 - i]!;
      if (!Array.isArray(c) && Array.isArray(other)) chosen[i] = read(q.titledTables![i]!, other.map(printed));
    });
    const out: Operand[] = [];
    for (const c of chosen) {
      if (!Array.isArray(c)) return c;
      const names = new Set(c.map(printed));
      const f = all.filter((x) => x.table !== null && names.has(x.table) && !out.some((o) => o.figure.table === x.table)).sort((a, b) => a.rank - b.rank)[0];
      if (!f) return reply('ambiguous', [`两个表名指的是同一张表（${[...names].join('、')}），请写明另一张表。`]);
      const split = onlyInParts(s, scope, t, f);
      if (split) return split;
      out.push({ figure: f, name: f.table! });
    }
    return out;
  }
  // 表1和表5的卫生健康支出: the figure as each table named prints it.
  if (q.tables && q.targets.length === 1) {
    const all = targetFigures(s, scope, t, scope.year).filter((f) => f.basis === stageOf(q.stage, scope));
    const out: Operand[] = [];
    for (const n of q.tables) {
      const f = all.filter((x) => Number(/\d+/.exec(x.tableNumber ?? '')?.[0]) === n).sort((a, b) => a.rank - b.rank)[0];
      if (!f) return missing(`表${n}中${targetName(t)}`);
      const split = onlyInParts(s, scope, t, f);
      if (split) return split;
      // 公开02表 as printed.
      out.push({ figure: f, name: f.tableNumber ?? `表${n}` });
    }
    return out;
  }
  // 事业运行里专项部分比基本部分多多少: one row's cells in the two columns named, from one table where it prints both.
  const columns = q.targets.filter((x): x is Extract<Target, { kind: 'metric' }> => x.kind === 'metric' && MEASURES.has(x.key));
  const rows = q.targets.filter((x) => !columns.includes(x as never));
  if (rows.length === 1 && rows[0]!.kind !== 'metric' && columns.length === 2) {
    const stage = stageOf(q.stage, scope);
    const cells = columns.map((c) => pick(targetFigures(s, scope, rows[0]!, scope.year, c.key), stage).main);
    const table = cells[0]!.find((f) => cells[1]!.some((g) => g.table === f.table))?.table;
    const out: Operand[] = [];
    for (const [i, c] of columns.entries()) {
      const f = cells[i]!.find((x) => x.table === table) ?? cells[i]![0];
      if (!f) return missing(targetName(rows[0]!, c.key));
      out.push({ figure: f, name: targetName(rows[0]!, c.key) });
    }
    return out;
  }
  // 困难群众医疗保障资金和离休医疗保障的自评得分差多少: a score typed over projects computes on their 自评得分, never their money.
  if (q.targets.length > 1 && q.asked?.score && q.targets.every((x) => x.kind === 'project')) {
    const { scores } = projectScores(s, scope);
    const out: Operand[] = [];
    for (const x of q.targets) {
      const f = scores.find((sc) => sc.projectId != null && x.kind === 'project' && x.ids.includes(sc.projectId));
      if (!f) return missing(`${targetName(x)}的自评得分`);
      out.push({ figure: f, name: targetName(x) });
    }
    return out;
  }
  if (q.targets.length > 1) {
    const printings: Figure[][] = [];
    // Things added or compared are of one kind: beside a project, a name that is a subject and a project is the project.
    // (Not the project already named beside it: 城乡医疗救助这个科目和同名项目 compares the two.)
    const projects = new Set(q.targets.flatMap((x) => (x.kind === 'project' ? [x.name] : [])));
    const targets = q.targets.map((x) => {
      const read = projects.size ? asProject(s, scope, x) : x;
      return read.kind === 'project' && projects.has(read.name) ? x : read;
    });
    for (const target of targets) printings.push(printingsOf(s, scope, target, scope.year, stageOf(q.stage, scope)));
    const absent = targets.filter((_, i) => printings[i]!.length === 0);
    // 实有人员和临聘人员一共多少人: what is printed of the others is said beside what is not, nothing computed.
    if (absent.length) {
      const held = printings.flatMap((p) => p.slice(0, 1)).map((f) => `· ${f.label}：${show(f)}（${printedAt(f)}）`);
      const r = missing(absent.map((t) => targetName(t)).join('、'));
      return held.length ? { ...r, lines: [...r.lines, '文件中印有的：', ...held] } : r;
    }
    return aligned(printings).map((figure, i) => ({ figure, name: targetName(targets[i]!) }));
  }
  if (scopes.length > 1) {
    const out: Operand[] = [];
    for (const sc of scopes) {
      const { main, other } = headlineFigure(s, sc, t, sc.year, stageOf(q.stage, sc));
      // A unit's row printed only as the other stage (北票 整体绩效自评表 年初预算收入 of a 决算): that figure, its stage said.
      const f = main ?? (q.stage === null && sc.unitId !== null ? other : null);
      if (!f) return reply('not_found', [`${yearHeading(sc.entity, sc.doc, sc.year)}中没有找到${targetName(t)}的数字，无法计算。`]);
      const stage = f.basis === sc.doc.stage ? sc.doc.stage : `${sc.doc.stage}·${f.basis}数`;
      out.push({ figure: f, name: `${sc.entity}（${sc.doc.fiscal_year}年${stage}）` });
    }
    return out;
  }
  // 2023年比2022年, 增长率: this year and the year before, from the same document.
  const years = q.years.length > 1 ? [...q.years].sort((a, b) => b - a) : [scope.year, scope.year - 1];
  const out: Operand[] = [];
  for (const y of years) {
    const f = printingsOf(s, scope, t, y, stageOf(q.stage, scope))[0];
    // Last year not printed: computed from this year's figure and the change the text states with it.
    const stated = !f && out[0] && y === scope.year - 1 ? statedChange(s, scope, t, scope.year, out[0].figure) : undefined;
    const prior = stated && !stated.statedFor ? priorFromChange(stated) : null;
    if (prior) {
      out[0] = { figure: stated!, name: out[0].name };
      out.push({ figure: prior.prior, name: `${y}年（按文中说明推算）` });
      continue;
    }
    if (!f) return missing(`${y}年${targetName(t)}`);
    out.push({ figure: f, name: `${y}年` });
  }
  // 2023年收支总预算…比2022年收支总预算…: both years cited from the sentence stating both, where one does.
  if (out.length === 2 && !out[1]!.figure.derived) {
    const [now, before] = aligned(years.map((y) => printingsOf(s, scope, t, y, stageOf(q.stage, scope))), true);
    return [{ ...out[0]!, figure: now! }, { ...out[1]!, figure: before! }];
  }
  return out;
}

/**
 * The people a figure is spent on, as the document counts them: those the question names (平均每位离休干部 → 全市 73 名
 * 离休干部, stored at ingest), else those a project's own 绩效 table counts, else a count printed in the figure's own row (莲湖 会议费培训费明细表: 培训 120人). Null
 * when none is stated; several different counts are returned for the question to be asked back.
 */
function peopleCounted(s: Sources, q: StructuredQuery, scope: Scope, t: Target): Figure | Figure[] | null {
  const doc = scope.doc;
  let counts = namedHeadcounts(s, q, scope);
  // 离休医疗保障人均多少: the people its own 绩效 table counts, in its text, else by an indicator counted in 人 or 名 —
  // those naming the people typed after the per-head word where several are printed.
  if (counts.length === 0 && t.kind === 'project') counts = projectHeadcounts(s, scope, t.ids);
  if (counts.length === 0 && t.kind === 'project') {
    const targets = projectPeopleTargets(s, scope, t.ids);
    const word = q.arithmetic?.text ?? '';
    const people = word ? q.text.slice(q.text.indexOf(word) + word.length) : '';
    const best = Math.max(0, ...targets.map((f) => shared(f.label, people)));
    counts = best >= 2 ? targets.filter((f) => shared(f.label, people) === best) : targets;
  }
  if (counts.length === 0 && t.kind === 'metric') {
    const found = s.queries
      .figuresByMetric(doc.id, t.key)
      .filter((r) => usable(r) && r.year === scope.year && r.value_kind === 'count' && r.quantity !== null && r.quantity > 0)
      .map((r) => ({ ...fromCell(r, doc, scope.entity, `${r.row_label}${r.column_label}`), value: r.quantity }));
    counts = found.filter((f, i) => found.findIndex((x) => x.value === f.value) === i);
  }
  return counts.length === 0 ? null : counts.length === 1 ? counts[0]! : counts;
}

/** 人均: a figure over the headcount the document states, 实有人员 unless the question names 编制. */
function perHead(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  // 按实有人员算, 按编制: a headcount named among the figures is the divisor.
  // 按编制人数算: 编制 and 人数 both read as headcounts; 编制 named anywhere says which.
  const staff = (x: Target) => x.kind === 'metric' && STAFF.has(x.key);
  const t = q.targets.find((x) => !staff(x))!;
  const authorized = q.targets.some((x) => x.kind === 'metric' && x.key === HEADCOUNTS.authorized) || q.asked?.authorized === true;
  // 按编制和按实有分别多少: both headcounts named, both divisions — each by the typed query's fields (asked, targets) alone.
  if (authorized && q.asked?.actual && t && staffFigure(t)) {
    const [a, b] = [perHead(s, { ...q, asked: { ...q.asked, actual: undefined } }, scope), perHead(s, { ...q, asked: { ...q.asked, authorized: undefined }, targets: q.targets.filter((x) => !(x.kind === 'metric' && x.key === HEADCOUNTS.authorized)) }, scope)];
    const done = [a, b].filter((r) => r.status === 'answered');
    return reply(done.length ? 'answered' : 'not_found', [...a.lines, ...b.lines], done.flatMap((r) => r.figures));
  }
  const typed = q.arithmetic?.heads;
  const head = yearHeading(scope.entity, scope.doc, scope.year);
  if (!t) return reply('not_found', [`${head}：人均什么？例如：人均人员经费。`]);
  const printed = (k: string) => headlineFigure(s, scope, { kind: 'metric', key: k, text: '' }, scope.year, scope.doc.stage).main;
  // 莲湖一共14人, 按20人算: the printed headcount the number typed is (14 实有, 20 编制); one named (按编制) must be it.
  const named = authorized || q.asked?.actual === true || q.targets.some(staff);
  const matching = typed === undefined ? [] : Object.values(HEADCOUNTS).filter((k) => (!named || k === (authorized ? HEADCOUNTS.authorized : HEADCOUNTS.actual)) && printed(k)?.value === typed);
  const key = matching[0] ?? (authorized ? HEADCOUNTS.authorized : HEADCOUNTS.actual);
  const amount = headlineFigure(s, scope, t, scope.year, stageOf(q.stage, scope)).main;
  // 平均每位离休干部, 那次培训人均: a figure about other people is divided by the count the text states of them, never
  // by the staff.
  if (!staffFigure(t)) {
    if (!amount || amount.fen === null) return reply('not_found', [`${head}中没有找到${targetName(t)}的金额，无法计算人均。`]);
    const counted = peopleCounted(s, q, scope, t);
    if (!counted) return reply('not_found', [`${head}中没有找到${targetName(t)}所涉及的人数，不按本单位人数计算人均。`]);
    if (Array.isArray(counted)) return reply('ambiguous', [`${head}中印有几个人数：${counted.map((c) => `${c.label}${show(c)}（第${c.line}行）`).join('、')}，请说明按哪个计算人均。`]);
    if (typed !== undefined && counted.value !== typed) return reply('not_found', [`${head}中${targetName(t)}所涉及的人数印的是${counted.label}${show(counted)}（第${counted.line}行），不是问题中的${typed}人；${NOT_TYPED}`]);
    const fen = Math.round(amount.fen / (counted.value as number));
    const label = `人均${targetName(t)}（按${counted.label}）`;
    const formula = `${shown(amount)} ÷ ${show(counted)}`;
    const f = derivedFigure('per_head', [amount, counted], label, { fen }, `${label} = ${formula}`);
    const set = counted.label.includes('绩效指标') ? '，是绩效目标设定的人数' : '';
    return reply('answered', [`${head} ${label}：${each(fen)} = ${formula}（${counted.label}见第${counted.line}行${set}${typed !== undefined ? `，即问题中的${typed}人` : ''}）`], [f, amount, counted]);
  }
  const people = key === HEADCOUNTS.authorized ? '编制人数' : '实有人数';
  if (typed !== undefined && matching.length === 0) {
    // 按编制14人算: the count named is said, not the other one the number typed is.
    const held = Object.values(HEADCOUNTS).filter((k) => !named || k === key).flatMap((k) => {
      const c = printed(k);
      return c ? [`${k === HEADCOUNTS.authorized ? '编制人数' : '实有人数'}${show(c)}（第${c.line}行）`] : [];
    });
    const by = ['按编制', '按实有人数'].map((w) => `${scope.doc.short} ${w} 人均${targetName(t)}`);
    return reply('not_found', [`${head}${held.length ? `印的是${held.join('、')}，不是问题中的${typed}人` : `没有印${named ? people : '人数'}，无法核对问题中的${typed}人`}；${NOT_TYPED}`], [], held.length ? by : []);
  }
  const count = printed(key);
  if (!amount || amount.fen === null) return reply('not_found', [`${head}中没有找到${targetName(t)}的金额，无法计算人均。`]);
  if (!count || typeof count.value !== 'number' || count.value <= 0) return reply('not_found', [`${head}中没有印${people}，无法计算人均${targetName(t)}。`]);
  const fen = Math.round(amount.fen / count.value);
  const label = `人均${targetName(t)}（按${people}）`;
  const formula = `${shown(amount)} ÷ ${count.value}${count.unit ?? '人'}`;
  const f = derivedFigure('per_head', [amount, count], label, { fen }, `${label} = ${formula}`);
  return reply('answered', [`${head} ${label}：${money(fen, amount.printedIn)} = ${formula}（${people}${show(count)}${typed !== undefined ? `，即问题中的${typed}人` : ''}）`], [f, amount, count]);
}

/**
 * A number of people typed that the document prints nowhere is not divided by: every figure answered is a printed one or
 * computed from printed ones, and a count that differs says the people meant are others than those printed.
 */
const NOT_TYPED = '不按文件中没有的人数计算人均。';

/** The counter a per-unit word counts in (每辆 → 辆). */
const counterOf = (word: string) => [...word].reverse().find((c) => !'每平均车'.includes(c)) ?? '';

/**
 * The count a per-unit figure divides by: printed in the figure's own row (固定资产占用表: 数量 beside 价值), else the first
 * of the counts the question names (每辆公车: 车辆) or shapes.json lists for its metric that the document prints. Several different counts of one metric: all,
 * to be asked back.
 */
function unitsCounted(s: Sources, scope: Scope, t: Target, amount: Figure, named: string[]): Figure | Figure[] | null {
  const doc = scope.doc;
  const rows = t.kind === 'metric' ? s.queries.figuresByMetric(doc.id, t.key) : t.kind === 'project' ? s.queries.projectFigures(doc.id) : [];
  const own = rows.filter((r) => usable(r) && r.line === amount.line && r.value_kind === 'count' && r.quantity !== null);
  if (own.length) return { ...fromCell(own[0]!, doc, scope.entity, `${amount.label}${own[0]!.column_label}`), value: own[0]!.quantity };
  const listed = t.kind === 'metric' ? ((shapes.perUnit.counts as Record<string, string[]>)[t.key] ?? []) : [];
  for (const key of [...named, ...listed]) {
    const found = targetFigures(s, scope, { kind: 'metric', key, text: '' }, scope.year).filter((f) => f.fen === null && typeof f.value === 'number');
    const values = [...new Set(found.map((f) => f.value))];
    if (values.length > 1) return found;
    if (found.length) return found[0]!;
  }
  return null;
}

/** 每辆公车的运行维护费, 其他固定资产平均每件: a figure over the count of the things it is of, the count named. */
function perUnit(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  // 每辆公车的运行维护费: a count named beside the figure is what it is divided by.
  const isCount = (x: Target) => x.kind === 'metric' && metrics.find((m) => m.key === x.key)?.kind === 'count';
  const t = q.targets.find((x) => !isCount(x)) ?? q.targets[0]!;
  const named = q.targets.flatMap((x) => (x !== t && x.kind === 'metric' && isCount(x) ? [x.key] : []));
  const counter = counterOf(q.arithmetic!.text);
  const head = yearHeading(scope.entity, scope.doc, scope.year);
  const amount = headlineFigure(s, scope, t, scope.year, stageOf(q.stage, scope)).main;
  if (!amount || amount.fen === null) return reply('not_found', [`${head}中没有找到${targetName(t)}的金额，无法计算平均每${counter}。`]);
  const counted = unitsCounted(s, scope, t, amount, named);
  if (!counted) return reply('not_found', [`${head}中没有印${targetName(t)}对应的数量（${counter}），无法计算平均每${counter}的数额。`]);
  if (Array.isArray(counted)) return reply('ambiguous', [`${head}中印有几个数量：${counted.map((c) => `${c.label}${show(c)}（第${c.line}行）`).join('、')}，请说明按哪个计算。`]);
  const n = counted.value as number;
  if (n <= 0) return reply('not_found', [`${head} ${counted.label}为${show(counted)}（第${counted.line}行），无法计算平均每${counter}的数额。`]);
  const fen = Math.round(amount.fen / n);
  const label = `平均每${counter}${targetName(t)}（按${counted.label}）`;
  const formula = `${shown(amount)} ÷ ${show(counted)}`;
  const f = derivedFigure('per_unit', [amount, counted], label, { fen }, `${label} = ${formula}`);
  return reply('answered', [`${head} ${label}：${each(fen)} = ${formula}（${counted.label}见第${counted.line}行）`], [f, amount, counted]);
}

/**
 * 平摊到每个月: a year's figure over its 12 months, computed and said so — the documents print no monthly figure, and a
 * figure that is not money over a year (a count, a rate) is not divided.
 */
function perMonth(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const t = q.targets[0]!;
  const head = yearHeading(scope.entity, scope.doc, scope.year);
  const amount = headlineFigure(s, scope, t, scope.year, stageOf(q.stage, scope)).main;
  if (!amount || amount.fen === null) return reply('not_found', [`${head}中没有找到${targetName(t)}的全年金额，无法平摊到每月。`]);
  const fen = Math.round(amount.fen / 12);
  const label = `平均每月${targetName(t)}`;
  const formula = `${shown(amount)} ÷ 12个月`;
  const f = derivedFigure('per_month', [amount], label, { fen }, `${label} = ${formula}`);
  return reply('answered', [`${head} ${label}：${each(fen)} = ${formula}（按全年数平摊计算，文件没有印月度数）`], [f, amount]);
}

/** A figure for one head or one thing: a few 元 reads in 元 (28.00元), not as 0.00万元. */
const each = (fen: number) => (fen < 1_000_000 ? `${(fen / 100).toFixed(2)}元` : money(fen, '元'));

/**
 * The department's own units (本级, 下属中心) that print a figure of the target, each a scope of its own. Beside them, the
 * department's own row where a table prints it apart as a unit of its own (曲阳 政府采购: 曲阳县医疗保障局小计 beside 医疗保险所
 * and 中心) is its 本级 — never left out of what the units add up to.
 */
function unitScopes(s: Sources, scope: Scope, t: Target): Scope[] {
  const printing = (role: string) =>
    s.catalog.units
      .filter((u) => u.documentId === scope.doc.id && u.role === role)
      .map((u) => ({ ...scope, entity: role === 'subunit' ? u.name : `${u.name}本级`, unitId: u.id, yearNote: null }))
      .filter((sc) => targetFigures(s, sc, t, sc.year).length > 0);
  const subunits = printing('subunit');
  return subunits.length ? [...printing('department'), ...subunits] : [];
}

/** The arithmetic the question asks, on the figures it names. */
export function arithmetic(s: Sources, typed: StructuredQuery, found: Scope[]): Reply {
  // 沈阳2023年三公经费比2022年多多少: both years typed and last year's figure printed — the two printed are computed on
  // (the text's stated change answers it where last year's is not printed).
  const printedBoth = typed.since !== undefined && typed.years.length === 2 && typed.arithmetic!.op === 'difference' && found.length === 1 && typed.targets.length === 1 && targetFigures(s, found[0]!, typed.targets[0]!, typed.since).length > 0;
  const asked = printedBoth ? { ...typed, since: undefined, previousYear: false, changeAsked: false } : typed;
  // 比2022年增长多少: a single earlier year is what this year is compared with.
  const earlier = asked.years.length === 1 && found.length === 1 && asked.years[0]! < found[0]!.doc.fiscal_year;
  // 收支总预算比上年翻了几倍: this year's figure over the year before's, as printed.
  const overLastYear = asked.arithmetic!.op === 'ratio' && asked.previousYear && asked.years.length === 0 && found.length === 1 && asked.targets.length === 1;
  const q = earlier ? { ...asked, years: [found[0]!.doc.fiscal_year, asked.years[0]!] } : overLastYear ? { ...asked, years: [found[0]!.doc.fiscal_year, found[0]!.doc.fiscal_year - 1] } : asked;
  const scopes = earlier || overLastYear ? [{ ...found[0]!, year: found[0]!.doc.fiscal_year, yearNote: null }] : found;
  const op = q.arithmetic!.op;
  // 两个单位的…合计: each unit of the department that prints the figure.
  if (q.listOf === 'units' && scopes.length === 1 && scopes[0]!.unitId === null && q.targets.length === 1) {
    const units = unitScopes(s, scopes[0]!, q.targets[0]!);
    const count = q.arithmetic!.count;
    // 平均每家单位, 两个单位里哪个多: an average or a comparison over the units needs two of them printing the figure apart —
    // never the department's whole answered instead; that whole is offered.
    if (units.length < 2 && (op === 'average' || op === 'difference')) {
      const [sc, t] = [scopes[0]!, q.targets[0]!];
      return reply('not_found', [...(sc.yearNote ? [sc.yearNote] : []), `${sc.doc.department}没有分单位印出${targetName(t)}${units.length ? `（只有${units[0]!.entity}印了）` : ''}，无法按单位${op === 'average' ? '求平均' : '比较'}；可以看部门合计。`], [], [`${sc.doc.short} ${sc.doc.fiscal_year} ${targetName(t)}`]);
    }
    if (count && count !== units.length) return reply('ambiguous', [`问题说的是${count}个单位，但${scopes[0]!.doc.department}印有${targetName(q.targets[0]!)}的单位有${units.length}个${units.length ? `：${units.map((u) => u.entity).join('、')}` : ''}。请写明是哪几个单位。`]);
    if (units.length > 1) return withNote(arithmetic(s, { ...q, listOf: null }, units), scopes[0]!.yearNote ? [scopes[0]!.yearNote] : []);
  }
  const scope = scopes[0]!;
  const other = scopes.length === 1 ? sinceAnother(q, scope) : null;
  if (other) return other;
  // 公职律师费和举报奖励费这三个项目合计: the things read are not as many as the question says — asked back, never computed
  // on fewer or more than it meant.
  const count = q.arithmetic!.count;
  if (count && q.targets.length > 1 && count !== q.targets.length) {
    const names = q.targets.map((t) => `“${targetName(t)}”`).join('、');
    return reply('ambiguous', [`问题说的是${count}项，但只认出${q.targets.length}项：${names}。请把要计算的${count}项逐一写出。`]);
  }
  const note = scope.yearNote && scopes.length === 1 ? [scope.yearNote] : [];
  // 莲湖和曲阳的人均人员经费: each department's own, one after the other — never the first alone.
  if ((op === 'per_head' || op === 'per_unit' || op === 'per_month') && scopes.length > 1) {
    return eachReply(scopes.map((sc) => withNote(op === 'per_head' ? perHead(s, q, sc) : op === 'per_unit' ? perUnit(s, q, sc) : perMonth(s, q, sc), sc.yearNote ? [sc.yearNote] : [])));
  }
  if (op === 'per_head') return withNote(perHead(s, q, scope), note);
  if (op === 'per_unit') return withNote(perUnit(s, q, scope), note);
  if (op === 'per_month') return withNote(perMonth(s, q, scope), note);
  // 比2023年 of a 2024 document is 比上年: the change its text states answers it as well.
  const sinceLastYear = q.years.length < 2 || (q.years.length === 2 && q.years[0] === scope.year && q.years[1] === scope.year - 1);
  if (q.changesCompared && sinceLastYear && q.stage !== 'both') return changesSideBySide(s, q, scopes);
  // 收入和支出比上年各增长了百分之几, 抚顺和曲阳的支出总计各比上年增加了多少: a change over last year of each figure named
  // (of each department), one after the other — never a growth or difference between the figures named.
  if ((op === 'growth' || op === 'difference') && q.previousYear && q.changeAsked && sinceLastYear && q.stage !== 'both' && q.targets.length * scopes.length > 1) {
    return eachReply(scopes.flatMap((sc) => q.targets.map((t, i) => arithmetic(s, { ...q, targets: [t] }, [{ ...sc, yearNote: i === 0 ? sc.yearNote : null }]))));
  }
  // 增幅, 增长率: the percent the text states is the answer, before any computed from its amounts.
  if (op === 'growth' && q.targets.length === 1 && scopes.length === 1 && sinceLastYear && q.stage !== 'both') {
    const now = headlineFigure(s, scope, q.targets[0]!, scope.year, stageOf(q.stage, scope)).main;
    const stated = statedChange(s, scope, q.targets[0]!, scope.year, now);
    const percent = stated && changePercent(stated);
    const whose = stated?.statedFor ? `文中没有单独说明，${stated.statedFor}（它是其中一部分）` : '文中说明';
    // The amount of the change stated with it, beside the rate (增长92.75%，增加122.44万元).
    const amount = stated?.change?.fen != null ? changeFigure(stated) : null;
    const by = amount ? `，${amount.fen! < 0 ? '减少' : stated!.change!.direction ?? '增加'}${money(Math.abs(amount.fen!), amount.printedIn)}` : '';
    // 下降超过30%吗: the verdict on the change as stated, a change the other way meeting no bound on it.
    const moved = q.fall ? -(percent?.value as number) : (percent?.value as number);
    const verdict = q.changeBound && percent ? `。${describe(q.changeBound, q.fall ? '降幅' : '增幅')}：${moved > 0 && holds(q.changeBound, moved) ? '是' : '否'}` : '';
    // 下降0%，减少0万元 is no change: 持平, the words printed beside it (never 增长0.00%，减少0.00万元).
    const steady = stated?.change ? steadyAsPrinted(stated.change) : null;
    const change = steady ?? `${stated?.change!.basis ? `比${stated.change!.basis}` : '比上年'}${(percent?.value as number) < 0 ? '下降' : '增长'}${Math.abs(percent?.value as number).toFixed(2)}%${by}`;
    if (percent) return reply('answered', [...note, `${yearHeading(scope.entity, scope.doc, scope.year)} ${targetName(q.targets[0]!)}：${whose}${change}${verdict}`], [...(q.fall ? fallsAsPrinted([percent]) : [percent]), ...(amount ? [amount] : []), stated]);
    // 较上年无增减, 较上年不可比: a change stated in words only (no amount, no rate) answers it as it answers 比上年增长多少.
    if (stated?.change && stated.change.fen === null && stated.change.percent === null && !stated.statedFor && !q.changeBound) return compare(s, { ...q, intent: 'compare', arithmetic: null, previousYear: true, changeAsked: true }, scopes);
  }
  // 支出比去年多了多少: the change the text states answers it, as it answers 比上年增加了多少 — never a difference computed
  // beside it; computed only where none is stated.
  if (op === 'difference' && q.previousYear && sinceLastYear && q.targets.length === 1 && scopes.length === 1 && !q.backward) {
    const now = headlineFigure(s, scope, q.targets[0]!, scope.year, stageOf(q.stage, scope)).main;
    if (statedChange(s, scope, q.targets[0]!, scope.year, now)) return compare(s, { ...q, intent: 'compare', arithmetic: null }, scopes);
  }
  const operands = operandsOf(s, q, scopes);
  if (!Array.isArray(operands)) return withNote(operands, note);
  const what = q.targets.length > 1 ? operands.map((o) => o.name).join(op === 'sum' ? '、' : '与') : targetName(q.targets[0]!);
  const head = scopes.length > 1 ? '' : `${yearHeading(scope.entity, scope.doc, scope.year)} `;
  // 人员经费和基本支出加起来: never a part added to its whole; 基本支出和项目支出合在一起: the sum beside the whole printed.
  const ofOne = op === 'sum' && scopes.length === 1 && q.targets.length === operands.length;
  const nested = ofOne ? partWithWhole(q.targets, operands, head) : null;
  if (nested) return withNote(nested, note);
  const computed = computation(op, operands, what, head, note, q.arithmetic?.rest === true);
  const r = inPercentNote(s, q, scopes, operands, ofOne ? withPrintedWhole(s, scope, q.targets, computed) : computed);
  // 比医疗保险经办机构经费少多少: a project named like a group of projects (莲湖 表10 line 599) is computed on as the
  // project itself, the group's amount said beside it — never one of the two taken silently; and only beside a result
  // (a refusal, e.g. operands in different units, carries no figure).
  const groups = r.status === 'answered' && scopes.length === 1 && q.targets.some((t) => t.kind === 'project') ? sameNameGroups(s, scope, stageOf(q.stage, scope), operands.map((o) => o.figure)) : null;
  return groups?.lines.length ? { ...r, lines: [...r.lines, ...groups.lines], figures: [...r.figures, ...groups.figures] } : r;
}

/**
 * 曲阳收入和支出的增长率哪个大, 两者降幅一样吗, 哪个降得多: each figure's change from last year as asked of it alone
 * (stated, else computed and shown), then which is larger or that they are equal, or that one is not stated — never a
 * growth or ratio between the figures named.
 */
function changesSideBySide(s: Sources, q: StructuredQuery, scopes: Scope[]): Reply {
  const { by, same } = q.changesCompared!;
  const op = by === 'percent' ? 'growth' : 'difference';
  const each = scopes.flatMap((sc) =>
    q.targets.map((t, i) => {
      const one = { ...q, changesCompared: undefined, previousYear: true, changeAsked: true, targets: [t] };
      const at = [{ ...sc, yearNote: i === 0 ? sc.yearNote : null }];
      // In per cent: the stated rate, else one computed and shown; in amount: the change as 比上年 answers it, both years beside it.
      const r = op === 'growth' ? arithmetic(s, { ...one, intent: 'arithmetic', arithmetic: { op, direction: null, text: q.arithmetic?.text ?? '' } }, at) : compare(s, { ...one, intent: 'compare', arithmetic: null }, at);
      // 北票三公经费: the change stated is a part's (公务用车购置及运行费) or a whole's, never compared as the figure's own.
      const stated = statedChange(s, sc, t, sc.year, headlineFigure(s, sc, t, sc.year, stageOf(q.stage, sc)).main);
      const other = stated?.ofPart ?? stated?.statedFor ?? null;
      const name = `${scopes.length > 1 ? sc.doc.short : ''}${targetName(t)}`;
      // 曲阳 收支 增加57.46万元 (line 426), no rate: the change as stated is said before the rate worked from it.
      const c = stated?.change;
      const asStated = op === 'growth' && r.status === 'answered' && !other && c?.fen != null && c.percent === null && r.figures.some((f) => f.derived?.op === 'growth');
      const workedBack = r.figures.some((f) => f.derived?.op === 'growth' && f.derived.inputs.some((i) => i.derived));
      const said = asStated ? beforeAnswer(r, `${name}：文中说明比${c!.basis ?? '上年'}${c!.fen! < 0 ? '减少' : '增加'}${money(Math.abs(c!.fen!))}（第${c!.line}行），没有说明增长率${workedBack ? '，按它计算：' : '。'}`) : r;
      return { r: said, other, name, moved: r.status === 'answered' && !other ? movedBy(r.figures, by) : null };
    }),
  );
  const all = eachReply(each.map((e) => e.r));
  const known = each.filter((e): e is typeof e & { moved: number } => e.moved !== null);
  if (known.length === 0) return each.length > 1 ? { ...all, lines: [...all.lines, `比较：${each.map((e) => e.name).join('、')}比上年的增减文中都没有说明。`] } : all;
  const said = (v: number) => (v === 0 ? '持平' : by === 'percent' ? `${v > 0 ? '增长' : '下降'}${Math.abs(v).toFixed(2)}%` : `${v > 0 ? '增加' : '减少'}${money(Math.abs(v))}`);
  // 住房公积金 较上年不可比: stated as not comparable, never taken for unchanged nor for unstated.
  const apart = each.filter((e) => e.moved === null && !e.other && e.r.figures.some((f) => /增减(幅度)?$/.test(f.label) && f.value === '不可比')).map((e) => e.name);
  const another = each.filter((e) => e.other).map((e) => `${e.name}文中没有单独说明增减（说明的是${e.other}的）。`);
  const unstated = each.filter((e) => e.moved === null && !e.other && !apart.includes(e.name)).map((e) => e.name);
  const missing = `${apart.length ? `${apart.join('、')}文中说明与上年不可比。` : ''}${another.join('')}${unstated.length ? `${unstated.join('、')}比上年的增减文中没有说明，无法比较。` : ''}`;
  const fall = fallAsked(q);
  const order = [...known].sort((a, b) => (fall ? a.moved - b.moved : b.moved - a.moved));
  const [top, ...rest] = order as [(typeof known)[number], ...typeof known];
  const listed = known.map((e) => `${e.name}${said(e.moved)}`).join('，');
  const moved = known.filter((e) => e.moved !== 0);
  const steady = known.filter((e) => e.moved === 0).map((e) => e.name);
  const unmoved = steady.length ? `${steady.join('、')}与上年持平。` : '';
  const way = q.changesCompared!.changed;
  const wanted = moved.filter((e) => way === true || (way === 'up') === e.moved > 0);
  const which = way === true ? '有变化' : way === 'up' ? '比上年增加' : '比上年减少';
  const otherWay = moved.filter((e) => !wanted.includes(e)).map((e) => `${e.name}比上年${said(e.moved)}。`).join('');
  const verdict = way
    ? `${wanted.length ? `${which}的是${wanted.map((e) => `${e.name}（比上年${said(e.moved)}）`).join('、')}。` : way === true ? '都没有变化。' : `没有${which}的。`}${otherWay}${unmoved}${missing}`
    : known.length < 2
      ? missing
      : known.every((e) => e.moved === top.moved)
        ? `${same ? '一样：' : ''}${known.map((e) => e.name).join('和')}都是比上年${said(top.moved)}，两者相同。${missing}`
        : fall && top.moved >= 0
          ? `${same ? '不一样；' : ''}都没有下降：${listed}。${missing}`
          : !fall && top.moved <= 0
            ? `${same ? '不一样；' : ''}都没有增长：${listed}。${missing}`
            : `${same ? '不一样：' : ''}${by === 'percent' ? (fall ? '降幅' : '增幅') : fall ? '减少的金额' : '增加的金额'}${known.length > 2 ? '最大' : '更大'}的是${top.name}（比上年${said(top.moved)}），${rest.map((e) => `${e.name}${said(e.moved)}`).join('，')}。${missing}`;
  // A rate computed (no rate stated) is said so beside the verdict, as its formula is above.
  const computed =
    by === 'percent' && each.some((e) => e.r.figures.some((f) => f.derived?.op === 'growth'))
      ? '（文中没有直接说明增长率的，按上面的算式计算。）'
      : by === 'amount' && known.some((e) => !e.r.figures.some((f) => /增减$/.test(f.label)))
        ? '（文中没有说明增减的，按上面印出的两年数字相减。）'
        : '';
  // 工资福利支出的增幅比商品和服务支出高多少: the gap between the two rates, in 个百分点, shown.
  const [ra, rb] = q.changesCompared!.gap && each.length === 2 && known.length === 2 ? each.map((e) => rateOf(e.r.figures)) : [];
  if (ra && rb && typeof ra.value === 'number' && typeof rb.value === 'number') {
    const [a, b] = each as [(typeof each)[number], (typeof each)[number]];
    const value = Math.round((ra.value - rb.value) * 100) / 100;
    const pct = (v: number) => (v < 0 ? `（−${Math.abs(v)}%）` : `${v}%`);
    const formula = `${pct(ra.value)} − ${pct(rb.value)}`;
    const gap = derivedFigure('difference', [ra, rb], `${a.name}与${b.name}增减幅度之差`, { fen: null, value, unit: '个百分点' }, formula);
    const line = value === 0 ? `${a.name}与${b.name}的增减幅度相差0个百分点 = ${formula}` : `${a.name}的增减幅度比${b.name}${value > 0 ? '高' : '低'}${Math.abs(value).toFixed(2)}个百分点 = ${formula}`;
    return { ...all, lines: [...all.lines, `比较：${verdict}${computed}`, line], figures: [gap, ...all.figures] };
  }
  return { ...all, lines: [...all.lines, `比较：${verdict}${computed}`] };
}

/**
 * The signed change one figure's reply gives, in the measure compared: the stated 增减幅度 (or 增减 in 万元), 持平 as 0, else
 * the growth computed and shown, or the two years' printed figures' difference.
 */
const STEADY = /持平|无增减/;

/**
 * The figure giving one reply's rate of change: the stated 增减幅度, else the growth computed and shown; null where the text
 * states a change in words only that is none to compare (不可比); undefined where there is no rate.
 */
function rateOf(figures: Figure[]): Figure | null | undefined {
  for (const f of figures) {
    if (/增减(幅度)?$/.test(f.label) && typeof f.value === 'string') return STEADY.test(f.value) ? f : null;
    if (/增减(幅度)?$/.test(f.label) && f.unit === '%' && typeof f.value === 'number') return f;
    if (f.derived?.op === 'growth' && typeof f.value === 'number') return f;
  }
  return undefined;
}

function movedBy(figures: Figure[], by: 'percent' | 'amount'): number | null {
  if (by === 'percent') {
    const rate = rateOf(figures);
    return rate ? (typeof rate.value === 'number' ? rate.value : 0) : null;
  }
  for (const f of figures) {
    // 较上年无增减 is no change; 较上年不可比 is none to compare (said apart).
    if (/增减(幅度)?$/.test(f.label) && typeof f.value === 'string') return STEADY.test(f.value) ? 0 : null;
    if (/增减$/.test(f.label) && f.fen !== null) return f.fen;
  }
  // 沈阳 表7 公务用车购置费 2022 blank, 2023 18.00: no change stated, both years printed — their difference (said so).
  const [now, before] = [figures.find((f) => !f.derived && f.fen !== null && f.year === figures[0]?.year), figures.find((f) => !f.derived && f.fen !== null && f.year === (figures[0]?.year ?? 0) - 1)];
  return now && before ? now.fen! - before.fen! : null;
}

/**
 * A是B的百分之几 / 相当于B的几成 (no 占) of one department: the ratio asked is kept, and where A cannot lie in B by the share's
 * rule (another unit's figure, a project over a 基本支出 figure, a part larger than its base) the reply says so beside it.
 */
function inPercentNote(s: Sources, q: StructuredQuery, scopes: Scope[], operands: Operand[], r: Reply): Reply {
  if (r.status !== 'answered' || q.arithmetic?.op !== 'ratio' || !q.asked?.percent || scopes.length !== 1 || q.targets.length !== 2 || operands.length !== 2) return r;
  const [a, b] = operands as [Operand, Operand];
  const scope = scopes[0]!;
  const outside = outsideOf(s, scope, q.targets[0]!, a.figure, q.targets[1]!, b, scope.year, stageOf(q.stage, scope));
  return outside ? { ...r, lines: [...r.lines, `注：这是两个数之比，不是${a.name}占${b.name}的比例——${outside}。`] } : r;
}

function withNote(r: Reply, note: string[]): Reply {
  r.lines.unshift(...note);
  return r;
}
