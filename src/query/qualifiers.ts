// 车辆 价值, 车辆 数量: a word after a figure's name asking for its money or its count
// (grammar/words.json qualifiers). The figure it picks is the one spelled with the name and
// a qualifier of that kind in grammar/metrics.json (车辆 + 价值 = 车辆价值 → assets.vehicles).
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import words from '../../grammar/words.json' with { type: 'json' };
import { metric, metrics } from '../store/metrics.ts';
import type { Target } from './ast.ts';
import type { Mentions } from './grammar/visitor.ts';
import { metricSpellings } from './lexicon/lexicon.ts';
import { meaningful } from './loose.ts';
import { alternation } from './normalize/words.ts';
import { MAY_WORDS } from './yes-no.ts';

type Kind = Exclude<keyof typeof words.qualifiers, 'measures'>;

const { measures, ...kinds } = words.qualifiers;
const kindOf = new Map(Object.entries(kinds).flatMap(([kind, list]) => list.map((w) => [w, kind as Kind] as const)));
// 公务接待 批次 is its count (国内公务接待批次); 培训 批次, with no count of 培训费, stays what it was (a 绩效 target's unit).
const MEASURES = new Set(measures);

const bySpelling = new Map(metrics.flatMap((m) => metricSpellings(m).map((s) => [s, m] as const)));

/** Metric key → kind → the other metric its name plus a qualifier of that kind spells; null when several do. */
function buildVariants(): Map<string, Map<Kind, string | null>> {
  const out = new Map<string, Map<Kind, string | null>>();
  for (const m of metrics) {
    for (const base of metricSpellings(m)) {
      for (const [word, kind] of kindOf) {
        const v = bySpelling.get(base + word);
        if (!v || v.key === m.key || v.kind !== kind) continue;
        const own = out.get(m.key) ?? new Map<Kind, string | null>();
        own.set(kind, own.has(kind) && own.get(kind) !== v.key ? null : v.key);
        out.set(m.key, own);
      }
    }
  }
  // 车辆资产有几辆: a count printed as the 数量 column of a money row is that row's count, however the money is spelled.
  for (const m of metrics) if (m.countOf && !out.get(m.countOf)?.has('count')) out.set(m.countOf, (out.get(m.countOf) ?? new Map()).set('count', m.key));
  return out;
}

const variants = buildVariants();

/** A residue as a qualifier word: without spaces, punctuation or a 的 before it (的价值 → 价值). */
const qualifierWord = (residue: string) => residue.replace(/[\s\p{P}\p{S}]/gu, '').replace(/^的/, '');

/** The metric answering a qualifier of a named metric: itself, its variant of that kind, or null when none does. */
function qualified(key: string, kind: Kind): string | null {
  if (metric(key).kind === kind) return key;
  return variants.get(key)?.get(kind) ?? null;
}

/**
 * A qualifier after a figure's name picks that figure's money or count, and is no leftover word.
 * Returns those no figure of that name answers, to be refused.
 */
export function applyQualifiers(m: Mentions): string[] {
  const refused: string[] = [];
  for (const r of [...m.residue]) {
    const word = qualifierWord(r.text);
    const kind = kindOf.get(word);
    const named = m.targets.filter((t) => t.start < r.start).at(-1);
    if (kind === undefined || named?.kind !== 'metric') continue;
    const key = qualified(named.key, kind);
    if (key === null && MEASURES.has(word)) continue;
    if (key === null) refused.push(r.text.trim());
    else named.key = key;
    m.residue.splice(m.residue.indexOf(r), 1);
  }
  return refused;
}

// After 几 or 多少 (多少 is read as a space): 一辆 asks a figure per car, not a count.
const COUNTED_BY = new RegExp(`(?:^|几|多少)(?:${alternation(words.countedBy.words)})`);

/**
 * 沈阳有几辆公务用车, 公务用车有几台: a measure word of things counted, in a run of words that mean nothing else, asks the
 * count of a figure named by its money (公务用车 → 车辆) — never the money row read as a count.
 */
export function applyCountedBy(text: string, m: Mentions): void {
  // 一辆 (read as 1辆) is no count asked.
  const asked = (r: Mentions['residue'][number]) => COUNTED_BY.test(r.text.trim()) && meaningful(r.text) === '' && !/\d\s*$/.test(text.slice(0, r.start));
  if (!m.residue.some(asked)) return;
  for (const t of m.targets) {
    const key = t.kind === 'metric' && metric(t.key).kind === 'money' ? variants.get(t.key)?.get('count') : undefined;
    if (t.kind === 'metric' && key) t.key = key;
  }
}

// 有2辆吗, 是不是有3台: a number of things counted, typed (not 第2辆, not 1.5台).
const SAME_COUNT = new RegExp(`(?:${alternation(shapes.yesNo.same.filter((w) => [...w].length > 1))})有?\\s*\\d+\\s*(?:${alternation(words.countedBy.words)})`);
const COUNT_TYPED = new RegExp(`(?<![\\d.第])(\\d+)\\s*(${alternation(words.countedBy.words)})(?![\\d.])`);

/**
 * 沈阳公务用车有两辆吗, 曲阳公务用车是不是有3台: a yes/no question typing a number of things counted asks whether the
 * count is that — the count of the one figure named (its count where it is named by its money: 公务用车 → 车辆),
 * never its money. Null when no such number is typed or the figure named has no count.
 */
export function countCheckOf(text: string, targets: Target[], whether: boolean): { targets: Target[]; countCheck: { value: number; unit: string; text: string } } | null {
  // 是不是两辆: a word asking whether it is so, right before the number, asks it too.
  if (!whether && !SAME_COUNT.test(text)) return null;
  const typed = COUNT_TYPED.exec(text);
  const [t] = targets;
  if (!typed || targets.length !== 1 || t!.kind !== 'metric') return null;
  const key = qualified(t!.key, 'count');
  if (key === null) return null;
  return { targets: [{ ...t!, key }], countCheck: { value: Number(typed[1]), unit: typed[2]!, text: typed[0] } };
}

/** 几辆, 多少台: a count asked of a thing, whatever the figure before it. */
const COUNT_ASKED = new RegExp(`几|${words.qualifiers.count.join('|')}`);

/**
 * 固定资产其中车辆: a part of a sum of money is the money of it (车辆价值 → assets.vehicles), not its count — unless
 * the words after it ask a count (其中车辆有几辆).
 */
export function partInKindOf(wholes: { kind: string; key?: string }[], part: Target, after: string): Target {
  const money = wholes.some((t) => t.kind === 'metric' && metric(t.key!).kind === 'money');
  if (!money || part.kind !== 'metric' || metric(part.key).kind !== 'count' || COUNT_ASKED.test(after)) return part;
  const key = qualified(part.key, 'money');
  return key ? { ...part, key } : part;
}

const PURCHASE = new Set(words.purchase.words);
const PLANNED = new Map(Object.entries(words.purchase.planned).filter(([k]) => k !== '$comment'));
const PLANS = new Set(PLANNED.values());
// Longest first: 新买 before 买.
const VERBS = [...PURCHASE].sort((a, b) => b.length - a.length);

/**
 * 新买车: a verb of buying and then a stock's name: the planned purchase of that stock, or undefined when the run is
 * not exactly a verb and such a name.
 */
function boughtIn(run: string): string | undefined {
  const verb = VERBS.find((v) => run.startsWith(v) && run.length > v.length);
  const named = verb === undefined ? undefined : bySpelling.get(run.slice(verb.length));
  if (named === undefined) return undefined;
  return PLANS.has(named.key) ? named.key : PLANNED.get(named.key);
}

const SAYS_MONEY = /[钱费款]/;
const MAY = new Set(MAY_WORDS);

/**
 * 打算买多少钱的固定资产, 新购多少资产, 添置几台车: a verb of buying beside a stock asks the purchase planned, not the
 * stock held (grammar/words.json purchase). The verb is a leftover run with nothing else in it, or a figure typed as
 * that verb alone (采购); the stock is the figure right after it, else the one right before.
 */
export function applyPurchase(m: Mentions): void {
  const verbs: { start: number; end: number; drop: () => void }[] = [
    ...m.residue.filter((r) => PURCHASE.has(meaningful(r.text))).map((r) => ({ start: r.start, end: r.end, drop: () => m.residue.splice(m.residue.indexOf(r), 1) })),
    ...m.targets.filter((t) => t.kind === 'metric' && PURCHASE.has(t.text)).map((t) => ({ start: t.start, end: t.end, drop: () => m.targets.splice(m.targets.indexOf(t), 1) })),
  ];
  for (const v of verbs) {
    const stock = m.targets.find((t) => t.start >= v.end) ?? m.targets.filter((t) => t.end <= v.start).at(-1);
    const key = stock?.kind === 'metric' ? PLANNED.get(stock.key) : undefined;
    if (stock?.kind !== 'metric' || key === undefined) continue;
    stock.key = key;
    v.drop();
  }
  // 新买了几辆车: the verb's first character left over, the rest read as a figure's spelling (买了几辆车) right after it.
  for (const r of [...m.residue]) {
    const next = m.targets.find((t) => t.start === r.end);
    // 能买车吗, 有钱买车吗: words asking whether it may (words.json yesNo.may), right before a figure, only ask — no verb
    // of buying (the line's figure is asked), nothing left unread.
    if (next && (MAY.has(r.text.trim()) || MAY.has(meaningful(r.text)))) {
      m.residue.splice(m.residue.indexOf(r), 1);
      continue;
    }
    // 今年买车的钱: a figure's spelling that says money (钱, 费, 款) stays money, never read with the verb as a count.
    const key = next?.kind === 'metric' && !(metric(next.key).kind === 'money' && SAYS_MONEY.test(next.text)) ? boughtIn(meaningful(r.text + next.text)) : undefined;
    if (next?.kind !== 'metric' || key === undefined) continue;
    m.residue.splice(m.residue.indexOf(r), 1);
    Object.assign(next, { key, text: r.text + next.text, start: r.start });
  }
  // 计划购置几辆车: the purchase named with its own words (购置几辆) and then the thing bought (车) is one figure.
  for (const t of [...m.targets]) {
    const next = m.targets.find((x) => x.start >= t.end);
    // 买几辆公务用车: the thing bought may be named by its money (公务用车), whose count is the stock.
    const stock = next?.kind === 'metric' ? (metric(next.key).kind === 'money' ? variants.get(next.key)?.get('count') : next.key) : undefined;
    if (t.kind === 'metric' && next && stock && PLANNED.get(stock) === t.key) m.targets.splice(m.targets.indexOf(next), 1);
  }
}
