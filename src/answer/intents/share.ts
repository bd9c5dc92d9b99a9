// 占比: a share the text states (北票 基本支出占支出总计的38.70%), else the part
// over its whole, both figures shown with their sources.
import type { StructuredQuery, Target } from '../../query/ast.ts';
import type { Figure } from '../figures.ts';
import { show } from '../figures.ts';
import { percent } from '../format.ts';
import { yearHeading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import { pick, subjectFigures, type Sources } from '../sources.ts';
import { METRIC_WHOLE, headlineFigure, stageOf, targetName } from '../targets.ts';
import { metric as metricOf } from '../../store/metrics.ts';

function whole(s: Sources, scope: Scope, t: Target, year: number, stage: Figure['basis']): { figure: Figure; name: string } | null {
  if (t.kind === 'metric' && METRIC_WHOLE[t.key]) {
    const key = METRIC_WHOLE[t.key]!;
    const { main } = headlineFigure(s, scope, { kind: 'metric', key, text: key }, year, stage);
    return main ? { figure: main, name: metricOf(key).name } : null;
  }
  if (t.kind === 'subject' && t.codes[0] && t.codes[0].length > 3) {
    const parentCode = t.codes[0].length === 7 ? t.codes[0].slice(0, 5) : t.codes[0].slice(0, 3);
    const parent = s.catalog.subjects.find((x) => x.codes.includes(parentCode));
    if (parent) {
      const main = pick(subjectFigures(s, scope.doc, [parentCode], parent.name, year), stage).main[0];
      return main ? { figure: main, name: `${parent.name}（${parentCode}）` } : null;
    }
  }
  const { main } = headlineFigure(s, scope, { kind: 'metric', key: 'expenditure.grand_total', text: '' }, year, stage);
  return main ? { figure: main, name: '支出总计' } : null;
}

export function share(s: Sources, q: StructuredQuery, scope: Scope, t: Target): Reply {
  const year = scope.year;
  const stage = stageOf(q.stage, scope);
  const head = `${yearHeading(scope.entity, scope.doc, scope.year)} ${targetName(t)}`;
  const note = scope.yearNote ? [scope.yearNote] : [];
  // A share the text states is the department's, never a sub-unit's.
  const stated = t.kind === 'metric' && scope.unitId === null ? s.queries.factsByMetric(scope.doc.id, t.key).find((f) => f.aspect === 'share' && f.year === year) : undefined;
  const { main: part } = headlineFigure(s, scope, t, year, stage);
  if (!part) return reply('not_found', [...note, `${head}：没有找到。`]);
  if (stated && stated.value !== null) {
    const r = reply('answered', [...note, `${head}${show(part)}，文中说明占比${percent(stated.value)}（${stated.raw_text.slice(0, 40)}）`], [part]);
    return r;
  }
  // A sub-unit's part over its own whole only (its targetFigures); the department's total is not its whole.
  const of = whole(s, scope, t, year, stage);
  if (!of || !of.figure.fen || part.fen === null) {
    const unit = scope.unitId !== null ? scope.entity : '';
    return reply('not_found', [...note, `${head}：找不到${unit && `${unit}自己的`}可比总数，无法计算占比。`], [], [`${scope.doc.short} ${scope.doc.fiscal_year} ${unit} ${t.text}`.replace(/ +/g, ' ')]);
  }
  const ratio = (part.fen / of.figure.fen) * 100;
  return reply('answered', [...note, `${head}${show(part)}，占${of.name}${show(of.figure)}的${percent(ratio)}`], [part, of.figure]);
}
