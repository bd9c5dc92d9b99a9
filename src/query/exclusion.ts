// 不算决算的话, 除了沈阳, 沈阳不算, 除去决算那家, 只看预算: departments left out of a set of departments, or the only ones kept.
import type { Stage } from '../store/schema.ts';
import type { Mentions, Span } from './grammar/visitor.ts';
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import { alternation } from './normalize/words.ts';

/** What a clause left out (or kept only): departments named, places, a stage; `text` as typed. */
export interface Exclusion {
  departments: string[];
  places: string[];
  /** The stage of the documents kept (不算决算: 预算), when the clause named one. */
  stage: Stage | null;
  text: string;
}

const { before, after, only, lacking, close, others } = shapes.sets.except;
const OPENING = new RegExp(`(${alternation(only)})|(${alternation(lacking)})|${alternation(before)}`, 'g');
const CLOSING = new RegExp(alternation(after), 'g');
const CLOSE = new RegExp(`^(?:${alternation(close)})`);
const OTHERS = new RegExp(`^\\s*(?:${alternation(others)})`);
/** 和, 、 between the things left out (a space alone ends them: 不包括沈阳，辽宁的…); 的 after one (沈阳的不算). */
const JOIN = /^\s*[和、与及跟]\s*/;
const JOIN_BEHIND = /[和、与及跟]\s*$/;
// 决算, 做决算的, 决算那家, 是决算的单位: the departments whose documents are of that stage.
const STAGE_WORD = '(?:做|是)?(预算|决算)(?:的?(?:那一?家|这一?家|那几家|这几家|那个|这个|单位|部门))?';
const STAGE_AHEAD = new RegExp(`^${STAGE_WORD}`);
const STAGE_BEHIND = new RegExp(`${STAGE_WORD}$`);

type Thing = { kind: 'entity'; department: string } | { kind: 'place'; place: string } | { kind: 'stage'; stage: Stage };

/**
 * The clauses of `text` leaving departments out or keeping only some: what they name is taken out of the mentions (an
 * entity left out is no department asked of, a stage no stage asked, the words no words unknown), and returned. A word
 * of exclusion followed by anything else (固定资产除去车辆) is left as it was read.
 */
export function exclusionsOf(text: string, m: Mentions): Exclusion | null {
  const out: Exclusion = { departments: [], places: [], stage: null, text: '' };
  const clauses: Span[] = [];
  const take = (things: Thing[], kept: boolean) => {
    for (const t of things) {
      if (t.kind === 'stage') out.stage = kept ? t.stage : t.stage === '预算' ? '决算' : '预算';
      else if (!kept && t.kind === 'entity') out.departments.push(t.department);
      else if (!kept && t.kind === 'place') out.places.push(t.place);
    }
  };
  for (const word of text.matchAll(OPENING)) {
    const start = word.index;
    const read = ahead(text, m, start + word[0].length);
    if (!read.things.length) continue;
    const kept = word[1] !== undefined;
    // 哪家没有决算: a stage lacked, asked of no department named (抚顺没有决算吗 asks of 抚顺); 只看预算 too (北票三公经费只看预算数:
    // its 预算数, the stage asked).
    const lacked = word[2] !== undefined;
    if ((lacked || kept) && m.entities.length > 0) continue;
    // 只看辽宁的, 只看抚顺和沈阳: places and departments kept are the set as read; only a stage is taken out.
    const things = kept || lacked ? read.things.filter((t) => t.kind === 'stage') : read.things;
    if (!things.length) continue;
    take(things, kept);
    const closed = read.end + (CLOSE.exec(text.slice(read.end))?.[0].length ?? 0);
    clauses.push({ start, end: closed + (OTHERS.exec(text.slice(closed))?.[0].length ?? 0) });
  }
  for (const word of text.matchAll(CLOSING)) {
    if (clauses.some((c) => word.index >= c.start && word.index < c.end)) continue;
    const read = behind(text, m, word.index);
    if (!read.things.length) continue;
    take(read.things, false);
    // 沈阳不算的话: a close word may end this clause too.
    const said = word.index + word[0].length;
    const end = said + (CLOSE.exec(text.slice(said))?.[0].length ?? 0);
    clauses.push({ start: read.start, end: end + (OTHERS.exec(text.slice(end))?.[0].length ?? 0) });
  }
  if (!clauses.length) return null;
  const inside = (s: Partial<Span>) => s.start !== undefined && clauses.some((c) => s.start! >= c.start && s.end! <= c.end);
  m.entities = m.entities.filter((e) => !inside(e));
  const sets = m.sets.filter(inside);
  m.sets = m.sets.filter((s) => !sets.includes(s));
  // The stage words of the clause are no stage the figures are asked at.
  for (const stage of ['预算', '决算'] as const) {
    const typed = clauses.reduce((n, c) => n + (text.slice(c.start, c.end).match(new RegExp(stage, 'g'))?.length ?? 0), 0) - sets.filter((s) => s.stage === stage).length;
    for (let i = 0; i < typed; i++) if (m.stages.includes(stage)) m.stages.splice(m.stages.indexOf(stage), 1);
  }
  // 沈阳除外哪家…, 如果不算沈阳: an unknown run reaching into a clause keeps only what lies outside it (除外 is read, no
  // name's part).
  m.residue = m.residue.filter((r) => !inside(r)).map((r) => {
    const after = clauses.find((c) => r.start >= c.start && r.start < c.end && r.end > c.end);
    const before = clauses.find((c) => r.start < c.start && r.end > c.start && r.end <= c.end);
    const start = after?.end ?? r.start;
    const end = before?.start ?? r.end;
    return after || before ? { ...r, start, end, text: text.slice(start, end) } : r;
  });
  m.arithmetic = m.arithmetic.filter((a) => !inside(a));
  m.comparisons = m.comparisons.filter((c) => !inside(c));
  m.references = m.references.filter((r) => !inside(r));
  m.listTargets = m.listTargets.filter((l) => !inside(l));
  m.orgWords = m.orgWords.filter((o) => !inside(o));
  m.conjunctions = m.conjunctions.filter((c) => !inside(c));
  out.text = clauses.map((c) => text.slice(c.start, c.end).trim()).join('，');
  return out;
}

/** The departments, places and stages typed from `pos` on, joined by 和 or 、. */
function ahead(text: string, m: Mentions, pos: number): { things: Thing[]; end: number } {
  const things: Thing[] = [];
  let end = pos;
  for (;;) {
    const at = things.length ? end + (JOIN.exec(text.slice(end))?.[0].length ?? 0) : end + /^\s*/.exec(text.slice(end))![0].length;
    if (things.length && at === end) break;
    const entity = m.entities.find((e) => e.start === at);
    const set = m.sets.find((s) => s.start === at && (s.place !== null || s.stage));
    const stage = STAGE_AHEAD.exec(text.slice(at));
    if (entity) things.push({ kind: 'entity', department: entity.department }), (end = entity.end!);
    else if (set?.place) things.push({ kind: 'place', place: set.place }), (end = set.end);
    else if (set?.stage) things.push({ kind: 'stage', stage: set.stage }), (end = set.end);
    else if (stage) things.push({ kind: 'stage', stage: stage[1] as Stage }), (end = at + stage[0].length);
    else break;
    if (text[end] === '的' && !CLOSE.test(text.slice(end))) end += 1;
  }
  return { things, end };
}

/** The departments, places and stages typed right before `pos`, joined by 和 or 、. */
function behind(text: string, m: Mentions, pos: number): { things: Thing[]; start: number } {
  const things: Thing[] = [];
  let start = pos;
  for (;;) {
    // Right before the word (的, 都 or a space between at most: 沈阳和抚顺都不算), then each one before it with 和 or 、 between.
    const joined = things.length ? JOIN_BEHIND.exec(text.slice(0, start))?.[0].length ?? 0 : /[\s的都也]*$/.exec(text.slice(0, start))![0].length;
    if (things.length && joined === 0) break;
    const at = start - joined;
    const entity = m.entities.find((e) => e.end === at);
    const set = m.sets.find((s) => s.end === at && (s.place !== null || s.stage));
    const stage = STAGE_BEHIND.exec(text.slice(0, at));
    if (entity) things.push({ kind: 'entity', department: entity.department }), (start = entity.start!);
    else if (set?.place) things.push({ kind: 'place', place: set.place }), (start = set.start);
    else if (set?.stage) things.push({ kind: 'stage', stage: set.stage }), (start = set.start);
    else if (stage) things.push({ kind: 'stage', stage: stage[1] as Stage }), (start = at - stage[0].length);
    else break;
  }
  return { things, start };
}
