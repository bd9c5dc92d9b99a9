// 占比: a share the text states (北票 基本支出占支出总计的38.70%), else the part
// over its whole, both figures shown with their sources.
import type { StructuredQuery, Target } from '../../query/ast.ts';
import type { Figure } from '../figures.ts';
import { derivedFigure, fromFact, percentValue, show } from '../figures.ts';
import { percent } from '../format.ts';
import { yearHeading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import { pick, subjectFigures, type Sources } from '../sources.ts';
import { METRIC_WHOLE, headlineFigure, stageOf, targetFigures, targetName } from '../targets.ts';
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

/** The base the question names (占公用经费的比重, 决算占预算): exactly that figure, never a neighbouring row's. */
function namedBase(s: Sources, q: StructuredQuery, scope: Scope, t: Target, year: number, stage: Figure['basis']): { part: Figure | null; base: { figure: Figure; name: string } | null } | null {
  if (q.stage === 'both') {
    const all = targetFigures(s, scope, t, year);
    const of = (st: Figure['basis']) => pick(all, st).main.find((f) => f.basis === st) ?? null;
    const budget = of('预算');
    return { part: of('决算'), base: budget ? { figure: budget, name: `${targetName(t)}预算数` } : null };
  }
  const named = q.targets[1];
  if (!named) return null;
  const { main } = headlineFigure(s, scope, t, year, stage);
  const base = headlineFigure(s, scope, named, year, stage).main;
  return { part: main, base: base ? { figure: base, name: targetName(named) } : null };
}

export function share(s: Sources, q: StructuredQuery, scope: Scope, t: Target): Reply {
  const year = scope.year;
  const stage = stageOf(q.stage, scope);
  const head = `${yearHeading(scope.entity, scope.doc, scope.year)} ${targetName(t)}`;
  const note = scope.yearNote ? [scope.yearNote] : [];
  const named = namedBase(s, q, scope, t, year, stage);
  if (named) {
    if (!named.part || named.part.fen === null) return reply('not_found', [...note, `${head}：没有找到。`]);
    if (!named.base || !named.base.figure.fen) return reply('not_found', [...note, `${head}：找不到所问的基数，无法计算占比。`]);
    return computedShare(head, note, named.part, named.base);
  }
  // A share the text states is the department's, never a sub-unit's.
  const stated = t.kind === 'metric' && scope.unitId === null ? s.queries.factsByMetric(scope.doc.id, t.key).find((f) => f.aspect === 'share' && f.year === year) : undefined;
  const { main: part } = headlineFigure(s, scope, t, year, stage);
  if (!part) return reply('not_found', [...note, `${head}：没有找到。`]);
  if (stated && stated.value !== null) {
    // The share as the text states it leads, as a figure of its own (value and %), cited at its sentence.
    const said = { ...fromFact(stated, scope.doc, scope.doc.department, `${targetName(t)}占比`), value: stated.value, unit: '%' };
    return reply('answered', [...note, `${head}${show(part)}，文中说明占比${percent(stated.value)}（${stated.raw_text.slice(0, 40)}）`], [said, part]);
  }
  // A sub-unit's part over its own whole only (its targetFigures); the department's total is not its whole.
  const of = whole(s, scope, t, year, stage);
  if (!of || !of.figure.fen || part.fen === null) {
    const unit = scope.unitId !== null ? scope.entity : '';
    return reply('not_found', [...note, `${head}：找不到${unit && `${unit}自己的`}可比总数，无法计算占比。`], [], [`${scope.doc.short} ${scope.doc.fiscal_year} ${unit} ${t.text}`.replace(/ +/g, ' ')]);
  }
  return computedShare(head, note, part, of);
}

/** The share computed from the two printed figures: it leads, marked derived, with both as its inputs. */
function computedShare(head: string, note: string[], part: Figure, of: { figure: Figure; name: string }): Reply {
  const value = percentValue(part.fen! / of.figure.fen!);
  const d = derivedFigure('share', [part, of.figure], `${part.label}占${of.name}的比例`, { fen: null, value, unit: '%' }, `${show(part)} ÷ ${show(of.figure)} = ${value.toFixed(2)}%`);
  return reply('answered', [...note, `${head}${show(part)}，占${of.name}${show(of.figure)}的${percent(value)}（${show(part)} ÷ ${show(of.figure)}）`], [d, part, of.figure]);
}
