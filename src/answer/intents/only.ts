// 三公经费是不是只有公车运行费: the whole's parts as printed, and whether the part named is the only one not zero.
import type { StructuredQuery, Target } from '../../query/ast.ts';
import { metric as metricOf } from '../../store/metrics.ts';
import { show, type Figure } from '../figures.ts';
import { beforeAnswer, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import type { Sources } from '../sources.ts';
import { targetName } from '../targets.ts';
import { breakdown } from './breakdown.ts';
import { lookup } from './lookup.ts';

/** The names a target's figures go by: a metric's and those of its parts (公务用车费 holds 购置费 and 运行维护费). */
function namesOf(t: Target): string[] {
  if (t.kind !== 'metric') return [t.name];
  const m = metricOf(t.key);
  return [m.name, ...m.parts.flatMap((key) => namesOf({ kind: 'metric', key, text: '' }))];
}

/** A subject's code as its label carries it (办公费（30201）), or null. */
const codeOf = (f: Figure): string | null => /（(\d+)）$/.exec(f.label)?.[1] ?? null;

/**
 * The whole's parts of the answer's figures: those after it, of its stage, other than the whole printed again — the
 * finest printed (商品和服务支出（302） holds 办公费（30201）: it is no part beside it).
 */
const partsOf = (r: Reply, whole: Figure): Figure[] => {
  const parts = r.figures.filter((f) => f !== whole && f.basis === whole.basis && f.label !== whole.label && f.fen !== null && !f.derived);
  const codes = parts.flatMap((f) => codeOf(f) ?? []);
  return parts.filter((f) => {
    const code = codeOf(f);
    return code === null || !codes.some((c) => c !== code && c.startsWith(code));
  });
};

/**
 * The whole looked up with its parts (as its own question gives them; a whole printed alone, with its 明细 — the
 * whole itself the lookup's figure, never a breakdown's first item), then 是 / 否: 是 where every part not zero is the
 * part named (or one of its own parts), 否 naming the others not zero.
 */
export function onlyPart(s: Sources, q: StructuredQuery, scope: Scope, whole: Target, part: Target): Reply {
  const looked = lookup(s, q, scope, whole);
  const whole0 = looked.figures[0];
  if (looked.status !== 'answered' || !whole0 || whole0.fen === null) return looked;
  const r = partsOf(looked, whole0).length > 0 ? looked : breakdown(s, { ...q, intent: 'breakdown' }, scope, whole);
  const parts = r.status === 'answered' ? partsOf(r, r.whole ?? (r.figures[0]?.label === whole0.label ? r.figures[0]! : whole0)) : [];
  const partName = targetName(part);
  if (parts.length === 0) return beforeAnswer(looked, `文件中没有印${whole0.label}的组成部分，无法判断是不是只有${partName}。`);
  const names = namesOf(part);
  // 办公费（30201）: a subject's label carries its code.
  const bare = (label: string) => label.replace(/（\d+）$/, '');
  const named = parts.filter((f) => names.includes(bare(f.label)) || (f.printed !== undefined && names.includes(f.printed)));
  if (named.length === 0) {
    return reply('not_found', [`${whole0.label}的组成部分（${parts.map((f) => f.label).join('、')}）中没有“${part.text}”。`], [], []);
  }
  // Many parts (a list of projects) are counted here and listed below.
  const listed = (fs: Figure[]) => (fs.length > 5 ? `另外${fs.length}项（见下）` : fs.map((f) => `${f.label}${show(f)}`).join('、'));
  const namedNonZero = named.filter((f) => f.fen !== 0);
  const others = parts.filter((f) => f.fen !== 0 && !named.includes(f));
  const zero = parts.filter((f) => f.fen === 0);
  const of = `${whole0.label}${show(whole0)}中`;
  let verdict: string;
  if (others.length === 0 && namedNonZero.length > 0) verdict = `是：${of}只有${listed(namedNonZero)}不为零${zero.length > 0 ? `，${zero.map((f) => f.label).join('、')}都是0` : ''}。`;
  else if (others.length === 0) verdict = `否：${whole0.label}的各部分都是0。`;
  else if (namedNonZero.length > 0) verdict = `否：${of}除${listed(namedNonZero)}外，还有${listed(others)}。`;
  else verdict = `否：${of}${named.map((f) => `${f.label}为${show(f)}`).join('、')}；不为零的是${listed(others)}。`;
  // 除了X还有别的吗 asks it the other way round: 有 where 否, 没有 where 是.
  if (q.othersAsked) verdict = verdict.replace(/^是：/, '没有别的：').replace(/^否：/, '有：');
  // The whole the verdict names is among the figures, cited (a list of projects prints no 项目支出 of its own).
  const withWhole = r.figures.some((f) => f.label === whole0.label && f.fen === whole0.fen) ? r : { ...r, figures: [whole0, ...r.figures] };
  return beforeAnswer(withWhole, verdict);
}
