// 项目类别: projects asked by their category. A category is a figure printed for the department (the 整体绩效目标表's
// 特定目标类项目 row), never a mark on each project, so its projects are not listed — never every project instead — and
// are counted only where the text states how many.
import shapes from '../../../grammar/shapes.json' with { type: 'json' };
import type { StructuredQuery, Target } from '../../query/ast.ts';
import { metric as metricOf } from '../../store/metrics.ts';
import { printedAt } from '../format.ts';
import { reply, yearHeading, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import type { Sources } from '../sources.ts';
import { targetFigures } from '../targets.ts';
import { lookup } from './lookup.ts';

const CATEGORIES = shapes.projectCategories.metrics as Record<string, { count?: string }>;

const metricTarget = (key: string): Target => ({ kind: 'metric', key, text: metricOf(key).name });

/** 特定目标类项目有哪些 / 有几个, 项目类别有哪些: the count the text states, else what the document prints by category. */
export function projectsByCategory(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const { key, listed } = q.category!;
  const count = key && !listed ? CATEGORIES[key]?.count : undefined;
  if (count && targetFigures(s, scope, metricTarget(count), scope.year).length > 0) return lookup(s, { ...q, targets: [metricTarget(count)] }, scope, metricTarget(count));
  const printed = Object.keys(CATEGORIES).flatMap((k) => targetFigures(s, scope, metricTarget(k), scope.year).slice(0, 1));
  const why = key ? `文件没有逐个项目标明是否属于${metricOf(key).name}，${listed ? '不能列出是哪些项目' : '也没有说明有几个'}。` : '文件没有逐个项目标明类别。';
  const offered = printed.length
    ? `文件只按类别印了金额：${printed.map((f) => `${f.label}（${printedAt(f)}）`).join('、')}。`
    : `文件中也没有按项目类别（${Object.keys(CATEGORIES).map((k) => metricOf(k).name).join('、')}）印的数字。`;
  const note = scope.yearNote ? [scope.yearNote] : [];
  return reply('not_found', [...note, `${yearHeading(scope.entity, scope.doc, scope.year)}：${why}${offered}`], [], [...printed.map((f) => `${scope.doc.short} ${f.label}多少钱`), `${scope.doc.short} 有哪些项目`]);
}
