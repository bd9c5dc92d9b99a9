// 排名: projects of a department by amount, subjects of a classification, the
// parts of a figure, or departments by a figure. 前N limits the list.
import type { StructuredQuery, Target } from '../../query/ast.ts';
import type { Catalog } from '../../query/catalog.ts';
import type { Figure } from '../figures.ts';
import { fromCell, headlinePerTable, show, usable } from '../figures.ts';
import { heading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import { metricFigures, pick, projectAmounts, remember, type Sources } from '../sources.ts';
import { METRIC_PARTS, headlineFigure, stageOf, targetName } from '../targets.ts';

const DEFAULT_TOP = 10;

function ranked(figures: Figure[], q: StructuredQuery): Figure[] {
  const sorted = figures.filter((f) => f.fen !== null).sort((a, b) => (q.ascending ? a.fen! - b.fen! : b.fen! - a.fen!));
  return sorted.slice(0, q.top ?? DEFAULT_TOP);
}

function listing(title: string, figures: Figure[], total: number, ascending = false): Reply {
  if (figures.length === 0) return reply('not_found', [`${title}：没有可排序的数字。`]);
  const order = ascending ? '从小到大' : '从大到小';
  const lines = [`${title}（${order}${total > figures.length ? `，共${total}项，列前${figures.length}项` : ''}）：`];
  figures.forEach((f, i) => lines.push(`${i + 1}. ${f.label}：${show(f)}`));
  return reply('answered', lines, figures);
}

/** The subjects at one level of the main expenditure table (功能分类 项, or 类 when asked). */
function subjectsAtLevel(s: Sources, scope: Scope, year: number, classification: string, level: string): Figure[] {
  return remember(s, `level|${scope.doc.id}|${year}|${classification}|${level}`, () => computeSubjectsAtLevel(s, scope, year, classification, level));
}

/**
 * From the table that covers the most spending: a 基本支出表 lists only part of the
 * 经济分类 subjects (沈阳 表6 has no 30111 公务员医疗补助缴费; 表12 has it all).
 */
function computeSubjectsAtLevel(s: Sources, scope: Scope, year: number, classification: string, level: string): Figure[] {
  const rows = s.queries.figuresAtLevel(scope.doc.id, classification, level).filter((r) => usable(r) && r.year === year && r.value_kind === 'money');
  const perTable = new Map<number, Figure[]>();
  for (const tableId of new Set(rows.map((r) => r.table_id))) {
    const byCode = new Map<string, typeof rows>();
    for (const r of rows.filter((r) => r.table_id === tableId)) byCode.set(r.subject_code!, [...(byCode.get(r.subject_code!) ?? []), r]);
    perTable.set(tableId, [...byCode.values()].flatMap((group) => headlinePerTable(group)).map((r) => fromCell(r, scope.doc, scope.doc.department, `${r.subject_name}（${r.subject_code}）`)));
  }
  const total = (figures: Figure[]) => figures.reduce((sum, f) => sum + (f.fen ?? 0), 0);
  return [...perTable.values()].reduce<Figure[]>((best, figures) => (total(figures) > total(best) ? figures : best), []);
}

export function rankWithin(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const t: Target | undefined = q.targets[0];
  const year = scope.year;
  const stage = stageOf(q.stage, scope);
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  let r: Reply;
  if (t?.kind === 'metric' && METRIC_PARTS[t.key] && !['project', 'expenditure.grand_total'].includes(t.key)) {
    const parts = METRIC_PARTS[t.key]!.flatMap((k) => pick(metricFigures(s, scope.doc, k, year), stage).main.slice(0, 1));
    r = listing(`${head} ${targetName(t)}各项排序`, ranked(parts, q), parts.length, q.ascending);
  } else if (q.subjects || (t?.kind === 'metric' && t.key.startsWith('expenditure.')) || t?.kind === 'subject') {
    const classification = /经济/.test(q.text) ? '部门经济分类' : '功能分类';
    const level = /类/.test(q.text.replace(/分类/g, '')) ? '类' : classification === '功能分类' ? '项' : '款';
    const all = subjectsAtLevel(s, scope, year, classification, level);
    r = listing(`${head} 支出科目（${classification}，${level}级${all[0]?.table ? `，${all[0].table}` : ''}）排序`, ranked(all, q), all.length, q.ascending);
  } else {
    const unitName = scope.unitId !== null ? scope.entity : null;
    const all = projectAmounts(s, scope.doc, year, stage).filter((f) => unitName === null || f.entity === unitName);
    r = listing(`${head} 项目${stage === '决算' ? '支出' : '预算'}排序`, ranked(all, q), all.length, q.ascending);
  }
  r.lines.unshift(...note);
  return r;
}

/** 哪个部门…最高: each department's latest figure (or the year asked), ranked. */
export function rankDepartments(s: Sources, catalog: Catalog, q: StructuredQuery): Reply {
  const t = q.targets[0]!;
  const figures: Figure[] = [];
  const missing: string[] = [];
  for (const [department, docs] of catalog.departments) {
    const doc = q.years.length ? docs.find((d) => q.years.includes(d.fiscal_year)) : docs[0];
    if (!doc) continue;
    const scope: Scope = { doc, year: doc.fiscal_year, entity: department, unitId: null, yearNote: null };
    const { main } = headlineFigure(s, scope, t, doc.fiscal_year, stageOf(q.stage, scope));
    if (main) figures.push({ ...main, label: `${department}（${doc.fiscal_year}年${doc.stage}）` });
    else missing.push(department);
  }
  const r = listing(`各部门${targetName(t)}排序`, ranked(figures, q), figures.length, q.ascending);
  if (missing.length) r.lines.push(`未公开此项：${missing.join('、')}`);
  r.lines.push('注：各部门年份、口径不同，仅按公开数字排列。');
  return r;
}
