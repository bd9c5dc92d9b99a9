// 列表: the departments and years held, a department's projects, units, tables,
// or the consistency findings about its document.
import type { Condition, StructuredQuery } from '../../query/ast.ts';
import type { Catalog, CatalogDocument } from '../../query/catalog.ts';
import type { ProjectRow, SubordinateUnitRow, UnitRow } from '../../store/schema.ts';
import words from '../../../grammar/words.json' with { type: 'json' };
import shapes from '../../../grammar/shapes.json' with { type: 'json' };
import { comparable, describeAll, describeByColumn, meeting, mismatch } from '../conditions.ts';
import { derivedFigure, fromCell, show, usable, type Figure } from '../figures.ts';
import type { FigureRow } from '../data.ts';
import { sameNameGroups } from '../project-groups.ts';
import { beforeAnswer, heading, reply, yearHeading, type Reply } from '../reply.ts';
import { computation } from '../computation.ts';
import { nameFigure } from './offices.ts';
import { lookup } from './lookup.ts';
import { holdings, type Scope } from '../resolve.ts';
import { sourceCell, tagsOf } from '../source-parts.ts';
import { projectAmounts, remember, type Sources } from '../sources.ts';
import { stageOf } from '../targets.ts';
import { ordinalIndex } from '../ordinal.ts';

export function listCatalog(catalog: Catalog, q: StructuredQuery): Reply {
  // 都有哪些单位的预算, 有决算数据吗: only the documents of the stage asked.
  const staged = (docs: CatalogDocument[]) => docs.filter((x) => q.stage !== '预算' && q.stage !== '决算' ? true : x.stage === q.stage);
  const rows = [...catalog.departments.entries()].filter(([d, docs]) => (q.entities.length === 0 || q.entities.some((e) => e.department === d)) && staged(docs).length > 0);
  const lines = rows.map(([d, docs]) => `· ${d}（${docs[0]!.short}）：${staged(docs).map((x) => `${x.fiscal_year}年${x.stage}`).join('、')}`);
  const stage = q.stage === '预算' || q.stage === '决算' ? q.stage : '';
  if (rows.length === 0) return reply('not_found', [`没有${stage}的公开资料。现有：${holdings(catalog)}。`]);
  return reply('answered', [q.listOf === 'years' ? '各部门公开的年份：' : `共有${rows.length}个部门的${stage || '公开'}资料：`, ...lines]);
}

/**
 * Projects the document names but prints no amount for at all (曲阳's 绩效目标表 name 14
 * projects; its 政府采购 table prices 7), of the scope's unit when one was asked. A project with
 * an amount that projectAmounts leaves out is another name for a listed one (莲湖 医疗保险经办中心经费), not a project more.
 */
export function unpricedProjects(s: Sources, scope: Scope): ProjectRow[] {
  const doc = scope.doc;
  const unpriced = remember(s, `unpriced|${doc.id}`, () => {
    const all = s.queries.projects(doc.id);
    const parents = new Set(all.map((p) => p.parent_id));
    const priced = new Set(s.queries.projectFigures(doc.id).filter((r) => r.value_kind === 'money').map((r) => r.project_id));
    const stated = (key: string) => s.queries.factsByName(doc.id, key).some((f) => f.aspect === 'amount');
    return all.filter((p) => !parents.has(p.id) && !priced.has(p.id) && !stated(p.name_key));
  });
  return scope.unitId === null ? unpriced : unpriced.filter((p) => s.entity(doc, p.unit_id) === scope.entity);
}

/** `· label：amount` per figure (and what is said beside it), under a 【unit】 heading where the unit changes. */
export function byUnit(figures: Figure[], department: string, beside: (f: Figure) => string = () => ''): string[] {
  const lines: string[] = [];
  let unit = '';
  for (const f of figures) {
    // The department heads its own figures only once another unit's have been listed.
    if (f.entity !== unit && (unit !== '' || f.entity !== department)) lines.push(`【${f.entity}】`);
    unit = f.entity;
    lines.push(`· ${f.label}：${show(f)}${beside(f)}`);
  }
  return lines;
}

/**
 * The projects whose amount meets the conditions (抚顺 50万元以下的项目), largest first; none meeting them is
 * said with the nearest ones. Projects printed without an amount cannot be judged, and are said to be left out.
 */
function projectsMeeting(s: Sources, q: StructuredQuery, scope: Scope, all: Figure[], stage: Figure['basis']): Reply {
  // 那些补助资金: only the projects the loose name names.
  const projects = q.within ? all.filter((f) => q.within!.names.includes(f.label)) : all;
  // A 决算 prints two columns: each amount bounds the one its stage word names (预算超过10万但执行数不到50万), else the one listed; said as 预算数 / 决算数.
  const basisOf = (c: Condition): Figure['basis'] => (scope.doc.stage === '决算' && c.stage ? c.stage : stage);
  const bases = [...new Set(q.conditions.map(basisOf))];
  const stated = scope.doc.stage === '决算' ? describeByColumn(q.conditions, basisOf) : describeAll(q.conditions);
  const among = q.within ? `名称含“${q.within.text}”的项目中${stated}的` : `${stated}的项目`;
  const head = `${heading(scope.entity, scope.doc)} ${among}`;
  const note = scope.yearNote ? [scope.yearNote] : [];
  // 莲湖本级的项目里…: a unit the project table prints no project for has none to compare (not a bound of the wrong kind).
  if (all.length === 0) return reply('not_found', [...note, `${heading(scope.entity, scope.doc)}没有公开项目明细，无法按“${describeAll(q.conditions)}”筛选。`]);
  if (!comparable(projects, q.conditions)) return reply('not_found', [...note, `${head}：${mismatch(q.conditions, 'yuan')}`]);
  // Each other column's amounts by project (unit and name), the first printed kept: looked up, not scanned, per project.
  const key = (f: Figure) => `${f.entity}\u0000${f.label}`;
  const others = bases.filter((b) => b !== stage).map((b) => {
    const at = new Map<string, Figure>();
    for (const x of projectAmounts(s, scope.doc, scope.doc.fiscal_year, b)) if (!at.has(key(x))) at.set(key(x), x);
    return { basis: b, at };
  });
  const beside = (f: Figure) => others.flatMap(({ basis, at }) => { const x = at.get(key(f)); return x ? [{ basis, f: x }] : []; });
  const amountAt = (f: Figure, basis: Figure['basis']) => (basis === stage ? f : beside(f).find((x) => x.basis === basis)?.f);
  const kept = projects.filter((f) => q.conditions.every((c) => { const x = amountAt(f, basisOf(c)); return x !== undefined && meeting([x], [c]).length > 0; })).sort((a, b) => b.fen! - a.fen!);
  const unpriced = unpricedProjects(s, scope);
  const left = unpriced.length ? [`注：另有${unpriced.length}个项目文件中没有印金额，无法判断。`] : [];
  if (kept.length === 0) return reply('not_found', [...note, `${head}：没有（共${projects.length}个项目有金额）。`, ...left]);
  const also = kept.flatMap(beside);
  const lines = [...note, `${head}（共${kept.length}个）：`, ...byUnit(kept, scope.doc.department, (f) => beside(f).map((x) => `（${x.basis}数${show(x.f)}）`).join('')), ...left];
  // 超过10万的项目有几个 where some projects print no amount: how many meet it is not known, no count made.
  const listed = [...kept, ...also.map((x) => x.f)];
  return reply('answered', lines, q.countAsked && unpriced.length === 0 ? [countOf(kept, '项目', q.countUnit), ...listed] : listed);
}

const SPLIT = new Set(shapes.fundedBy.split);

/**
 * 用上年结转资金安排的项目: the projects whose row prints a non-zero amount in a column of the source asked (its scope tags),
 * each with that cell and its total; a document whose project table splits no amount by source says so — never every
 * project listed.
 */
function projectsFundedBy(s: Sources, q: StructuredQuery, scope: Scope, all: Figure[], stage: Figure['basis']): Reply {
  const { tags, text } = q.fundedBy!;
  const doc = scope.doc;
  const head = heading(scope.entity, doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  const rows = s.queries.projectFigures(doc.id).filter((r) => usable(r) && r.year === doc.fiscal_year && r.basis === stage && r.value_kind === 'money');
  const split = rows.find((r) => tagsOf(r).some((t) => SPLIT.has(t)));
  if (!split) return reply('not_found', [...note, `${head}的项目表没有按资金来源分栏（本年收入、上年结转结余等），看不出哪些项目用的是${text}。`]);
  // Per project, its column's whole before the column's parts (上年结转结余/合计 before 上年结转结余/一般公共预算).
  const printed = new Map<number, FigureRow[]>();
  for (const r of rows) if (r.amount_fen) printed.set(r.project_id!, [...(printed.get(r.project_id!) ?? []), r]);
  const best = new Map([...printed].flatMap(([id, row]) => { const cell = sourceCell(row, tags); return cell ? [[id, cell] as const] : []; }));
  const projects = s.queries.projects(doc.id);
  const parents = new Set(projects.map((p) => p.parent_id));
  const kept = projects
    .filter((p) => !parents.has(p.id) && best.has(p.id))
    .map((p) => fromCell(best.get(p.id)!, doc, s.entity(doc, p.unit_id), p.name))
    .filter((f) => scope.unitId === null || f.entity === scope.entity);
  if (kept.length === 0) return reply('not_found', [...note, `${head}：${fromCell(split, doc, doc.department).table ?? '项目表'}按资金来源分栏，没有项目在${text}的栏目中印有金额（共${all.length}个项目）。`]);
  const totalOf = (f: Figure) => all.find((x) => x.entity === f.entity && x.label === f.label && x.fen !== f.fen);
  const lines = [...note, `${head} 用${text}安排的项目（${kept[0]!.table ?? ''}“${kept[0]!.column ?? text}”栏，共${kept.length}个）：`, ...byUnit(kept, doc.department, (f) => { const total = totalOf(f); return total ? `（项目总计${show(total)}）` : ''; })];
  const totals = kept.flatMap((f) => totalOf(f) ?? []);
  return reply('answered', lines, q.countAsked ? [countOf(kept, '项目', q.countUnit), ...kept, ...totals] : [...kept, ...totals]);
}

/** How many items a list holds, as a figure computed by counting them (each an input, cited at its line). */
export function countOf(items: Figure[], what: string, unit = '个'): Figure {
  return derivedFigure('count', items, `${what}个数`, { fen: null, value: items.length, unit }, `共${items.length}${unit}（逐项计数）`);
}

/**
 * 满分的项目有几个, 几个科目在10万以上: the count of the items a reply lists under the conditions leads it — the figure
 * asked, in the unit typed (几项: 项), made by counting them —, said before the list.
 */
export function countedFirst(r: Reply, items: Figure[], what: string, q: StructuredQuery, { bound = describeAll(q.conditions), at }: { bound?: string; at?: number } = {}): Reply {
  if (r.status !== 'answered' || !q.countAsked || items.length === 0) return r;
  const unit = q.countUnit ?? '个';
  const line = `${bound}的${what}共${items.length}${unit}。`;
  // `at`: after the notes the reply opens with, where its figures' heading does not find the answer's first line.
  const said = at === undefined ? beforeAnswer(r, line) : { ...r, lines: [...r.lines.slice(0, at), line, ...r.lines.slice(at)] };
  return { ...said, figures: [countOf(items, what, unit), ...r.figures] };
}

/** The kind (单位性质) a unit's row prints in a cell of its own (曲阳县医疗保险所 | 事业 | 股级), or null. */
const kindOf = (u: UnitRow): string | null => u.raw_text.split('\t').map((c) => c.trim()).find((c) => UNIT_KIND_CELLS.has(c)) ?? null;
const UNIT_KIND_CELLS = new Set(Object.entries(words.unitKinds).flatMap(([k, v]) => (k === '$comment' ? [] : [v])));

/**
 * 有几个事业单位: the units whose rows print that kind, each at its line; units whose row held prints no kind are said
 * to be so, never counted either way.
 */
function unitsOfKind(units: readonly UnitRow[], kind: string, before: string[], stated: readonly SubordinateUnitRow[], scope: Scope): Reply {
  const [head, ...notes] = [before.at(-1)!, ...before.slice(0, -1)];
  const of = units.filter((u) => kindOf(u) === kind);
  const unknown = units.filter((u) => kindOf(u) === null);
  const unsaid = unknown.length ? `（${unknown.map((u) => u.name).join('、')}的单位性质没有收录）` : '';
  if (units.every((u) => kindOf(u) === null)) {
    // 莲湖下面有没有事业单位: no table prints kinds, but the text names a unit of its own of that kind (成立下属参公事业单位…).
    const named = stated.filter((u) => u.kind.includes(kind));
    if (named.length === 0) return reply('not_found', [...notes, `${head}没有收录各单位的性质（行政、事业），不能回答有几个${kind}单位。`]);
    const listed = new Set(units.map((u) => u.name));
    const lines = named.map((u) => `· ${u.name}（${u.kind}${listed.has(u.name) ? '' : '，不在本文件所列的预算单位中'}；正文第${u.line}行：“${u.raw_text.slice(0, 60)}”）`);
    const items = named.map((u) => ({ ...nameFigure(scope, `下属${kind}单位`, u.name, u.line), raw: u.raw_text }));
    return reply('answered', [...notes, `${head}的表格没有印各单位的性质；正文写明的下属${kind}单位有${named.length}个：`, ...lines], [...items, countOf(items, `下属${kind}单位`)]);
  }
  // Not 没有行政单位: a unit whose kind is not held may be one.
  if (of.length === 0) {
    const open = unknown.length ? `；${unknown.map((u) => u.name).join('、')}的单位性质没有收录，不能回答有几个${kind}单位` : '';
    return reply(unknown.length ? 'not_found' : 'answered', [...notes, `${head}收录的单位中没有印明为${kind}的单位${open}。`]);
  }
  // Each unit a figure of its own (its name, at its row) and their count beside them: the JSON carries what the text prints.
  const items = of.map((u) => ({ ...nameFigure(scope, `${kind}单位`, u.name, u.line), raw: u.raw_text }));
  return reply('answered', [...notes, `${head}印明为${kind}单位的有${of.length}个${unsaid}：`, ...of.map((u) => `· ${u.name}（第${u.line}行：“${u.raw_text.replace(/\s+/g, ' ').trim()}”）`)], [...items, countOf(items, `${kind}单位`)]);
}

export function listWithin(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  switch (q.listOf) {
    case 'years': {
      const docs = s.catalog.departments.get(scope.doc.department) ?? [];
      return reply('answered', [`${scope.doc.department}公开的资料：${docs.map((d) => `${d.fiscal_year}年${d.stage}`).join('、')}`]);
    }
    case 'units': {
      const units = s.queries.units(scope.doc.id);
      if (q.unitKind) return unitsOfKind(units, q.unitKind, [...note, head], s.queries.subordinateUnits(scope.doc.id), scope);
      // 最后一个 after the list: the unit at that place in it, as listed.
      const ref = q.reference?.kind === 'item' ? q.reference : null;
      if (ref) {
        const at = ordinalIndex(ref, units.length);
        const u = units[at];
        if (!u) return reply('not_found', [...note, `${head}包括的单位共列${units.length}个，没有${ref.text}。`]);
        return reply('answered', [...note, `${head}包括的单位第${at + 1}个（共列${units.length}个，第${u.line}行）：${u.name}${u.role === 'department' ? '（部门）' : ''}`], [nameFigure(scope, `单位（第${at + 1}个）`, u.name, u.line)]);
      }
      // 有下属单位吗 is answered yes or no before the list: the units the document lists under the department (its 本级 too, as it lists it).
      const under = units.filter((u) => u.role !== 'department').length;
      // The count the text states (二级预算单位共有1个) leads, at its sentence; counted from the list only where none is stated.
      const found = scope.unitId === null ? lookup(s, { ...q, intent: 'lookup', reference: null }, { ...scope, yearNote: null }, { kind: 'metric', key: 'org.budget_units', text: '二级预算单位' }) : null;
      const stated = found?.status === 'answered' ? found.figures.filter((f) => f.label !== undefined).slice(0, 1) : [];
      const differs = stated[0] && stated[0].value !== under ? `，列出的是${under}个` : '';
      const answer = stated[0]
        ? `正文说二级预算单位共有${show(stated[0])}（第${stated[0].line}行）${differs}`
        : under > 0 ? `部门之下列有${under}个单位` : `文件只列出${scope.doc.department}本身，没有列出下属单位`;
      // Each unit a figure (its name, at its row) and the count the text prints of those under the department, first: the JSON carries what the text prints.
      const items = units.map((u) => ({ ...nameFigure(scope, u.role === 'department' ? '部门' : '下属单位', u.name, u.line), raw: u.raw_text }));
      const counted = items.filter((_, i) => units[i]!.role !== 'department');
      return reply(
        'answered',
        [...note, `${head}包括的单位（${answer}）：`, ...units.map((u) => `· ${u.name}${u.code ? `（${u.code}）` : ''}${u.role === 'department' ? '（部门）' : ''}`)],
        [...stated, ...(counted.length && (!stated[0] || differs) ? [countOf(counted, '下属单位')] : []), ...items],
      );
    }
    case 'tables': {
      const tables = s.queries.tables(scope.doc.id).filter((t) => t.kind !== 'toc');
      return reply('answered', [...note, `${head}中的表格：`, ...tables.map((t) => `· ${t.number ? `${t.number} ` : ''}${t.name}（第${t.line_start}–${t.line_end}行${t.status === 'parsed' ? '' : `，${t.status === 'empty' ? '空表' : t.status === 'misaligned' ? '表头错位' : t.status}`}）`)]);
    }
    case 'checks': {
      const failed = s.queries.failedChecks(scope.doc.id);
      if (failed.length === 0) return reply('answered', [...note, `${head}：核对全部通过。`]);
      return reply('answered', [...note, `${head}核对发现${failed.length}处原文问题（未作更正）：`, ...failed.map((c) => `· ${c.message}`)]);
    }
    default: {
      const stage = stageOf(q.stage, scope);
      const projects = projectAmounts(s, scope.doc, scope.doc.fiscal_year, stage).filter((f) => scope.unitId === null || f.entity === scope.entity);
      if (q.fundedBy) return projectsFundedBy(s, q, scope, projects, stage);
      if (q.conditions.length) return projectsMeeting(s, q, scope, projects, stage);
      const unpriced = unpricedProjects(s, scope);
      const total = projects.length + unpriced.length;
      if (total === 0) return reply('not_found', [...note, `${head}没有公开项目明细。`]);
      // 六个项目实际执行一共多少: the column the words name (执行: 决算) of exactly the projects listed, added up; a
      // count that is not how many there are, or projects printed without an amount, asked back.
      if (q.arithmetic?.op === 'sum' && !q.countAsked) {
        const count = q.arithmetic.count ?? total;
        if (unpriced.length > 0) return reply('not_found', [...note, `${head}共有${total}个项目，其中${unpriced.length}个文件中没有印金额，无法合计。`]);
        if (count !== total) return reply('ambiguous', [...note, `${head}共有${total}个项目，问题说的是${count}个，请逐一写出要合计的项目。`]);
        return computation('sum', projects.map((f) => ({ figure: f, name: f.label })), `${total}个项目的${stage}数`, `${yearHeading(scope.entity, scope.doc, scope.doc.fiscal_year)} `, note);
      }
      const lines = [...note, `${head}共有${total}个项目${unpriced.length ? `，其中${unpriced.length}个文件中没有印金额` : ''}：`];
      // A 决算 lists what was spent, the budget beside it (决算数 first, 预算数 after, as a look-up answers).
      const budgets = stage === '决算' ? projectAmounts(s, scope.doc, scope.doc.fiscal_year, '预算').filter((b) => projects.some((f) => f.entity === b.entity && f.label === b.label)) : [];
      const budgetOf = (f: Figure) => budgets.find((b) => b.entity === f.entity && b.label === f.label);
      lines.push(...byUnit(projects, scope.doc.department, (f) => (budgetOf(f) ? `（预算数${show(budgetOf(f)!)}）` : '')));
      if (unpriced.length) lines.push('没有印金额的项目：', ...unpriced.map((p) => `· ${p.name}（第${p.line}行）`));
      const groups = sameNameGroups(s, scope, stage, projects);
      // 有几个项目: counted from the items listed, only when every project is one (曲阳 prints 7 of its 14 without an amount).
      const count = q.countAsked && unpriced.length === 0 ? [countOf(projects, '项目', q.countUnit)] : [];
      return { ...reply('answered', [...lines, ...groups.lines], [...count, ...projects, ...budgets, ...groups.figures]), ...(unpriced.length ? { unpriced: unpriced.length } : {}) };
    }
  }
}


/**
 * 2024年比2023年多了几个项目, 单位比去年多了几个: how many more projects (units) than another year is two counts, and a
 * document lists its own year's only. Unless the department's document of that year is held, that year's count is
 * said not printed and this year's count offered — never this year's list as if it answered. Null when not so asked.
 */
export function countAcrossYears(s: Sources, q: StructuredQuery, scope: Scope): Reply | null {
  const what = q.listOf === 'units' ? '单位' : q.listOf === 'projects' ? '项目' : null;
  if (q.intent !== 'list' || what === null || !q.countAsked || q.targets.length > 0 || q.conditions.length > 0) return null;
  const other = q.years.find((y) => y !== scope.doc.fiscal_year) ?? (q.previousYear ? scope.doc.fiscal_year - 1 : null);
  if (other === null) return null;
  const held = (s.catalog.departments.get(scope.doc.department) ?? []).some((d) => d.fiscal_year === other && d.stage === scope.doc.stage);
  if (held) return null;
  const note = scope.yearNote ? [scope.yearNote] : [];
  return reply(
    'not_found',
    [...note, `${heading(scope.entity, scope.doc)}只列出本年的${what}，没有${other}年的${what}个数，无法算出比${other}年多（少）了几个。可以查本年的${what}个数。`],
    [],
    [`${scope.doc.short} ${scope.doc.fiscal_year} 有几个${what}`],
  );
}
