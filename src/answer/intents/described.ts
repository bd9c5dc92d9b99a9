// 买的是什么车, 打算换辆什么车, 采购了什么: what a purchase is, as the document describes it — a project's 总体目标
// text and its 政府采购 rows (the item printed beside the project: 医保局公务用车购置经费（轿车）). Never a figure of
// the thing's name (车辆 counts the cars held, not the one bought).
import type { StructuredQuery } from '../../query/ast.ts';
import { fromCell, show, type Figure } from '../figures.ts';
import { printedAt } from '../format.ts';
import { heading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import type { Sources } from '../sources.ts';
import { ownerFigure, tableNames } from './performance.ts';
import { purchaseCell } from '../table-rows.ts';
import { ownAmount } from '../project-groups.ts';

/** A procurement row's label: the project, then the item bought in brackets. */
const ITEM = /^(.+?)[（(]([^（）()]+)[）)]$/;

export function described(s: Sources, q: StructuredQuery, scope: Scope, ask: NonNullable<StructuredQuery['describe']>): Reply {
  const ids = new Set(q.targets.flatMap((t) => (t.kind === 'project' ? t.ids : [])));
  const ours = (id: number | null) => ids.size === 0 || (id !== null && ids.has(id));
  const holds = (text: string) => ask.words.length === 0 || ask.words.some((w) => text.includes(w));
  const tables = tableNames(s, scope.doc.id);
  const head = heading(scope.entity, scope.doc);
  const lines: string[] = scope.yearNote ? [scope.yearNote] : [];
  const figures: Figure[] = [];
  // The goals of the projects asked (or of every project, none named) that speak of the thing; any purchase asked
  // of no project is what the procurement rows print (every goal is no purchase).
  const goals = ask.words.length > 0 || ids.size > 0;
  const described: number[] = [];
  for (const o of goals ? s.queries.owners(scope.doc.id) : []) {
    if (o.owner_kind !== 'project' || !ours(o.project_id) || !o.goal || !holds(o.goal)) continue;
    const table = tables.get(o.table_id) ?? null;
    const line = o.goal_line ?? o.line;
    lines.push(`${head} ${o.name} 总体目标：${o.goal}（${table ?? '正文'}第${line}行）`);
    figures.push(ownerFigure(o, scope, table, { label: '总体目标', value: o.goal, unit: '', raw: o.goal, line }));
    if (o.project_id !== null) described.push(o.project_id);
  }
  // The procurement rows of those projects whose item is the thing: each row once, its amount and count.
  const rows = s.queries.projectFigures(scope.doc.id).filter((r) => r.classification === '政府采购' && ours(r.project_id));
  for (const line of [...new Set(rows.map((r) => r.line))]) {
    const cells = rows.filter((r) => r.line === line);
    const item = ITEM.exec(cells[0]!.row_label.replace(/\s+/g, ''));
    if (!item || !holds(`${item[2]!}${cells[0]!.specification ?? ''}`)) continue;
    const money = purchaseCell(cells);
    const amount = money ? fromCell(money, scope.doc, s.entity(scope.doc, money.unit_id), `${item[1]}（${item[2]}）政府采购金额`) : null;
    // 规格型号 printed beside the item (莲湖 SD-WAN服务) says what exactly is bought.
    const specification = cells[0]!.specification ? `（${cells[0]!.specification}）` : '';
    lines.push(`${head} 政府采购：${item[1]}——${item[2]}${specification}${amount ? `，${show(amount)}` : ''}（${cells[0]!.table_name}第${line}行）`);
    if (amount) figures.push(amount);
  }
  // 打算换辆什么车，花多少: a project described whose purchase no row prints, with its own amount (沈阳 公务用车更新 18.00, 表9 line 291).
  const priced = new Set(rows.filter((r) => figures.some((f) => f.line === r.line && f.fen !== null)).map((r) => r.project_id));
  for (const p of s.queries.projects(scope.doc.id).filter((x) => described.includes(x.id) && !priced.has(x.id))) {
    const amount = ownAmount(s, scope, p, scope.doc.stage);
    if (!amount) continue;
    lines.push(`${head} ${p.name}：${show(amount)}（${printedAt(amount)}）`);
    figures.push(amount);
  }
  if (figures.length === 0) {
    const what = ask.words.length ? `“${ask.words[0]}”` : '采购的东西';
    return reply('not_found', [...lines, `${head}的绩效目标和政府采购表中没有说明${what}是什么。`]);
  }
  return reply('answered', lines, figures);
}
