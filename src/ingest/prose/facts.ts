// Figures stated in the prose: “三公”经费 and its parts, 会议费, 机关运行经费,
// 政府采购, vehicles, staff, year-over-year changes, execution rates, project
// self-evaluations. Each number's role — this year's figure of the 预算 or the 决算,
// the earlier year's figure it is compared with, a change, a share, an execution
// rate, part of a name — comes from the sentence grammar (roles.ts). What it is of is
// read against the words before it in its clause: a metric from grammar/metrics.json
// (earlier entries win), a subject code in brackets, a subject name printed in the
// document's tables or named with its level mark (…（项）). A number whose role or
// subject cannot be told is not stored, and a change, share or rate is never given to
// a figure stated before such a number in its sentence. A change keeps the line that
// states it, which may be paragraphs after its figure; a date stated before a number
// in its sentence (`截至 2022 年 12 月 31 日`) is the date it stands at. A number printed
// with letters among its digits (`l3.60`) is stored with its likeliest reading, flagged.
import type { NewNarrativeFact } from '../../store/schema.ts';
import { metric as metricByKey, metrics, type Metric } from '../../store/metrics.ts';
import type { ParseContext } from '../model.ts';
import { nameKey } from '../text/cjk.ts';
import { asOfStatements } from '../text/dates.ts';
import { readGarbled } from '../text/garbled.ts';
import { FEN_PER_UNIT } from '../text/numbers.ts';
import vocabulary from '../../../grammar/prose.json' with { type: 'json' };
import { roleOf } from './roles.ts';
import type { Paragraph } from './paragraphs.ts';

/** A narrative fact before it gets its ids: the narrative_facts row itself. */
export type FactDraft = Omit<NewNarrativeFact, 'id' | 'document_id'>;

/** Subject names printed in the document's tables, with their codes. */
export type SubjectNames = ReadonlyMap<string, string>;

const NUMBER = /(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元|辆|人次|人|个|台（套）|台|套|%|分|批次|家|名)/g;
const CHANGE_WORDS = '增加|减少|增长|下降|降低';
// `after` starts right behind the number, usually with the clause's comma (`24.44万元，较上年不可比`).
const STEADY = /^[，,\s]*[^，。；\d]{0,6}?(较上年无增减|与上年持平|持平|不可比|无增减)/;
const REASON = /(?:主要原因是|主要原因[:：]|的主要原因是|主要是由于|原因是|主要是|主要为|由于|因为|主要用于|用于)[:：]?\s*([^。；]+)/;
/** A year-over-year comparison without a figure; only against 上年, not `决算数持平预算数`. */
const STEADY_STATEMENT = /(?:与|较|比)上年[^。；\d]*?(持平|无增减|不可比)/;
const REASON_START = /主要原因|主要是由于|原因是|由于|因为/;
/** `发现的主要问题及原因：绩效管理较为薄弱`: the problems a 自评综述 states, later in the same item as its rate. */
const PROBLEMS = new RegExp(`(?:${vocabulary.problems.join('|')})[:：]\\s*([^。；]+)`);
/** The next item of a numbered list (（2）“医疗机构检查费”…): another project's statement begins. */
const NEXT_ITEM = /[（(]\d+[)）]/;

/** The problems stated after a rate, before the next item of the list. */
function problemsAfter(rest: string): string | null {
  const item = NEXT_ITEM.exec(rest);
  return PROBLEMS.exec(item ? rest.slice(0, item.index) : rest)?.[1]?.replace(/\s+/g, '').trim() ?? null;
}
/** The basis only (`比 2022 年预算数增加` → 2022 年预算数; `与2022年相比增加` → 2022年), never the verb. */
const COMPARE = new RegExp(`(?:与|比|较)\\s*(上年|20\\d{2}\\s*年[^，。；\\d]*?)\\s*(?=相比|相较|${CHANGE_WORDS}|持平|无增减|不可比|[，。；\\d]|$)`, 'g');
/** A bracketed remark (`（与部门决算中…一致）`, `（不含车辆）`); short ones like （境） are part of names. */
const ASIDE = /[（(][^（）()\d]{3,}[)）]/g;
const LEVEL_MARK = /[（(][类款项][)）]/g;
/** The name of a 项 printed with its level mark, after any other level's mark (…（款）妇幼保健机构（项）). */
const LEVELLED = /([^（）()：:，,。；;\s\d.、]{2,30})[（(]项[)）]/g;
/** A list item's number (`（1）`, `2.`, `3、`) in front of a name; `机关资本性支出（一）` keeps its own bracket. */
const LIST_MARK = /^\s*(?:[（(]\d+[)）]|\d+[.、．])\s*/;
const PROJECT_CONTEXT = /“([^”]+)”项目/;
/** A bracketed formula defining a rate (`（开展绩效自评的项目数/年初批复绩效目标的项目数*100%）`): its numbers are no figures. */
const FORMULA = /[（(][^（）()]*\/[^（）()]*[)）]/g;

const COUNT_UNITS = new Set(['辆', '人次', '人', '个', '台（套）', '台', '套', '批次', '家', '名']);

interface Found {
  metric: Metric | null;
  subjectCode: string | null;
  subjectName: string | null;
  label: string;
}

/** Text to match vocabulary against: no remarks, no 类/款/项 marks, no quotes. */
function tidy(text: string): string {
  return text.replace(LEVEL_MARK, '').replace(ASIDE, '').replace(/[“”"‘’]/g, '');
}

/** The metrics no prose names, only their context (国内公务接待累计 0 批次、0 人: what follows a number there). */
const LISTED_AFTER = metrics.filter((m) => m.prose.length === 0 && m.context !== null);

/** `sentence` is the sentence before the number: a metric with a context applies only where it says so. */
function findSubject(window: string, full: string, subjects: SubjectNames, sentence: string): Found | null {
  const code = /[（(](\d{3,7})[)）]\s*$/.exec(window);
  if (code) {
    const before = window.slice(0, code.index);
    const name = [...subjects.entries()].find(([, c]) => c === code[1])?.[0] ?? before.replace(LIST_MARK, '').trim();
    return { metric: null, subjectCode: code[1]!, subjectName: name, label: before.trim() };
  }
  const clean = tidy(window);
  const fullClean = tidy(full);
  const offset = fullClean.length - clean.length;
  // The best-ranked metric named before the number; among equals the nearest, or the
  // longer of two overlapping names. It must reach past the previous number.
  let chosen: { m: Metric; start: number; end: number; label: string } | null = null;
  for (const m of metrics) {
    if (m.context && !m.context.test(sentence)) continue;
    for (const re of m.prose) {
      for (const hit of fullClean.matchAll(re)) {
        const [start, end] = [hit.index, hit.index + hit[0].length];
        if (end <= offset) continue;
        const better =
          !chosen ||
          m.rank < chosen.m.rank ||
          (m.rank === chosen.m.rank &&
            (start < chosen.end && chosen.start < end ? end - start > chosen.end - chosen.start : end > chosen.end));
        if (better) chosen = { m, start, end, label: hit[0] };
      }
    }
  }
  // 国内公务接待累计 0 批次、0 人: a number right after another's in one run, with no words of its own, is the metric whose
  // context (and no prose) names what follows there.
  if (!chosen && clean.trim() === '') {
    const listed = LISTED_AFTER.find((m) => m.context!.test(sentence));
    if (listed) return { metric: listed, subjectCode: null, subjectName: null, label: listed.name };
  }
  if (chosen) {
    const printed = chosen.m.printed?.exec(full.replace(/\s+/g, ''))?.[0];
    return { metric: chosen.m, subjectCode: null, subjectName: null, label: printed ?? chosen.label };
  }
  let best: { name: string; code: string; end: number } | null = null;
  for (const [name, code] of subjects) {
    const at = clean.lastIndexOf(name);
    if (at < 0) continue;
    const end = at + name.length;
    if (!best || end > best.end || (end === best.end && name.length > best.name.length)) best = { name, code, end };
  }
  if (best) return { metric: null, subjectCode: best.code, subjectName: best.name, label: best.name };
  // A subject named with its level (`…（款）行政单位离退休（项）：`) though no table printed it.
  const named = [...full.matchAll(LEVELLED)].at(-1)?.[1];
  return named ? { metric: null, subjectCode: null, subjectName: named, label: named } : null;
}

/** The number printed around `start`–`end` when letters stand among its digits (`l3.60`, `7.S9`, `3.58e3`): its likely reading. */
function garbledAround(text: string, start: number, end: number): { value: number; from: number } | null {
  let [from, to] = [start, end];
  while (from > 0 && /[0-9A-Za-z,.]/.test(text[from - 1]!)) from--;
  while (to < text.length && /[0-9A-Za-z,.]/.test(text[to]!)) to++;
  if (from === start && to === end) return null;
  const value = readGarbled(text.slice(from, to).replace(/[,.]+$/, ''));
  return value === null ? null : { value, from };
}

function toFen(text: string, unit: string): { fen: number; precision: number } | null {
  const scale = unit === '亿元' ? 10_000_000_000 : unit === '万元' ? FEN_PER_UNIT['万元'] : FEN_PER_UNIT['元'];
  const [whole, fraction = ''] = text.replace(/,/g, '').split('.');
  const digits = Math.round(Math.log10(scale));
  if (fraction.length > digits) return null;
  const fen = Number(whole) * scale + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(fen) ? { fen, precision: Math.max(1, scale / 10 ** fraction.length) } : null;
}

export function extractFacts(paragraphs: Paragraph[], ctx: ParseContext, subjects: SubjectNames): FactDraft[] {
  const facts: FactDraft[] = [];
  for (const p of paragraphs) {
    const inParagraph: FactDraft[] = [];
    const project = PROJECT_CONTEXT.exec(p.text)?.[1]?.replace(/\s+/g, '') ?? null;
    // Blanked to the same length, so every character keeps its line.
    const text = p.text.replace(FORMULA, (f) => ' '.repeat(f.length));
    for (const sentence of text.matchAll(/[^。！？]+[。！？]?/g)) {
      const s = sentence[0];
      const base = sentence.index;
      const inSentence: FactDraft[] = [];
      // Where in the sentence each of its facts is stated, and the last number no rule read (-1: none).
      const placed = new Map<FactDraft, number>();
      let unreadAt = -1;
      const opensWithTopic = /^\s*(?:与|20\d{2}\s*年)/.test(s);
      const dates = asOfStatements(s, ctx.year);
      // The sentence as printed, formulas included.
      const raw = p.text.slice(base, base + s.length).trim();
      for (const clause of s.matchAll(/[^，,；;：:、]+[，,；;：:、]?/g)) {
        const c = clause[0];
        let previousEnd = 0;
        for (const hit of c.matchAll(NUMBER)) {
          const [, digits, unit] = hit as unknown as [string, string, string];
          const full = c.slice(0, hit.index);
          const window = c.slice(previousEnd, hit.index);
          const windowStart = previousEnd;
          previousEnd = hit.index + hit[0].length;
          const at = base + clause.index + hit.index;
          const line = p.lineAt[at]!;
          // What follows this number in its own part of the sentence (until the next figure or ；).
          const after = (c.slice(previousEnd) + s.slice(clause.index + c.length)).split(/[；;。]|\d[\d,.]*\s*(?:万元|元|%)/)[0]!;
          // The sentence up to this number.
          const before = s.slice(0, clause.index + hit.index);
          // A reason given for a change (`主要是由于…新增公务用车购置费用 18 万元`) is not a figure of its own.
          const reasonAt = REASON_START.exec(before);
          if (reasonAt && !/[；;]/.test(before.slice(reasonAt.index))) continue;
          const found = findSubject(window, full, subjects, before);
          const asOf = dates.findLast((d) => d.end <= before.length)?.date ?? null;
          const position = clause.index + hit.index;
          // A number printed with letters among its digits (`7.S9`) starts where its letters do.
          const garbled = garbledAround(c, hit.index, hit.index + digits.length);
          const role = roleOf(c.slice(windowStart, Math.max(windowStart, garbled?.from ?? hit.index)), c.slice(previousEnd), unit === '%', ctx.year, ctx.stage);
          if (role === null) {
            unreadAt = position;
            continue;
          }
          if (role.kind === 'threshold') continue;
          // What a change, share or rate belongs to: the sentence's last figure, unless a number no rule read
          // stands between them (it may be that number's); a sentence opening on its topic refers back to the paragraph's first.
          const latest = inSentence.at(-1);
          const current = latest ? (placed.get(latest)! > unreadAt ? latest : undefined) : unreadAt < 0 ? (opensWithTopic ? inParagraph[0] : inParagraph.at(-1)) : undefined;

          if (unit === '%') {
            const value = garbled?.value ?? Number(digits.replace(/,/g, ''));
            const mark = (f: FactDraft) => (garbled ? { ...f, flags: 'garbled_digits' } : f);
            // A change in percent is of the figure the change is of: this year's of the document's stage, never the one compared with.
            const changed = role.kind === 'change' ? (current && current.year === ctx.year && current.basis === ctx.stage ? current : inSentence.findLast((f) => f.change_line === line && placed.get(f)! > unreadAt)) : undefined;
            if (role.kind === 'change' && changed) {
              changed.change_percent = role.sign * value;
              changed.change_line ??= line;
              changed.change_raw_text ??= raw;
              if (garbled) changed.flags = 'garbled_digits';
              // `较上年增加71.74万元，增长49.94%，增长的主要原因是：…`: the reason follows the percent.
              changed.reason ??= REASON.exec(after)?.[1]?.trim() ?? null;
            } else if (role.kind === 'share' && current && latest) {
              facts.push(mark({ ...current, ...noChange, line, aspect: 'share', value_kind: 'percent', amount_fen: null, value, unit: '%', precision_fen: null, raw_text: raw, as_of: asOf }));
            } else if (role.kind === 'execution') {
              const of = found && found.metric?.key !== current?.metric ? found : null;
              const target = of ? { metric: of.metric?.key ?? 'subject', subject_code: of.subjectCode, subject_name: of.subjectName ?? project, label: of.label } : current;
              // `完成年初预算的52%，决算数与年初预算数存在差异的主要原因是…`: the reason the rate falls short, as stated.
              // `完成预算的 75.54%。…发现的主要问题及原因：绩效管理较为薄弱。`: the problems its 自评综述 states, else.
              const reason = REASON.exec(after)?.[1]?.trim() ?? (project ? problemsAfter(text.slice(base + s.length)) : null);
              if (target) facts.push(mark({ ...(current ?? emptyFact(ctx, line, raw)), ...target, ...noChange, reason, line, aspect: 'execution_rate', value_kind: 'percent', amount_fen: null, value, unit: '%', precision_fen: null, raw_text: raw, as_of: asOf }));
            } else if (role.kind === 'figure' && found?.metric?.kind === 'percent') {
              // A rate named as such (自评覆盖率…达到 83%): a share of the metric's own.
              facts.push(mark({ ...newFact(ctx, line, raw, found.metric.key, found.label, null, null, asOf), aspect: 'share', value_kind: 'percent', value, unit: '%' }));
            }
            continue;
          }

          if (role.kind === 'change' && unit !== '分') {
            const money = garbled ? toFen(String(garbled.value), unit) : toFen(digits, unit);
            const explicit = found?.metric ?? null;
            // The change is of this year's figure of the document's stage, not of the figure it was compared with.
            const ofThisYear = (f: FactDraft | undefined) => (f && f.year === ctx.year && f.basis === ctx.stage ? f : undefined);
            const compared = inSentence.findLast((f) => f.year !== ctx.year || f.basis !== ctx.stage);
            const sameTopic = (f: FactDraft) => compared !== undefined && f.metric === compared.metric && f.subject_name === compared.subject_name;
            const target = explicit
              ? (facts.findLast((f) => f.metric === explicit.key && f.aspect === 'amount' && f.year === ctx.year && f.basis === ctx.stage) ?? null)
              : (ofThisYear(current) ?? inSentence.findLast((f) => placed.get(f)! > unreadAt && ofThisYear(f) !== undefined) ??
                // 收入总计与上年决算数X万元相比，增加Y万元: this year's figure of the topic compared, stated before.
                facts.findLast((f) => f.aspect === 'amount' && ofThisYear(f) !== undefined && sameTopic(f)) ??
                null);
            const fact = target ?? (explicit ? newFact(ctx, line, raw, explicit.key, found!.label, null, project, asOf) : null);
            if (fact && money) {
              fact.change_fen = role.sign * money.fen;
              fact.change_direction = role.sign > 0 ? '增加' : '减少';
              [fact.change_line, fact.change_raw_text] = [line, raw];
              if (garbled) fact.flags = 'garbled_digits';
              // The comparison nearest before the change: a heading like `比上年增减情况` joined to the paragraph is further away.
              const basis = [...before.matchAll(COMPARE)].at(-1)?.[1];
              fact.compare_basis = basis?.replace(/\s+/g, '') ?? fact.compare_basis;
              fact.reason ??= REASON.exec(after)?.[1]?.trim() ?? null;
              if (!target) {
                facts.push(fact);
                inParagraph.push(fact);
              }
              inSentence.push(fact);
              placed.set(fact, position);
            }
            continue;
          }
          if (role.kind !== 'figure') continue;

          // A figure whose stage the words before it name (年初预算为 X，支出决算为 Y) may leave its topic to the sentence;
          // one compared with in a sentence opening on the comparison (与上年决算数 X 万元相比) is of the paragraph's topic.
          const refersTo = opensWithTopic && role.compared ? inParagraph[0] : undefined;
          const topic =
            found ??
            (role.staged || role.compared ? findSubject(before, before, subjects, before) : null) ??
            (refersTo && refersTo.aspect === 'amount' ? { metric: refersTo.metric === 'subject' ? null : metricByKey(refersTo.metric), subjectCode: refersTo.subject_code ?? null, subjectName: refersTo.subject_name ?? null, label: refersTo.label } : null);
          if (!topic) {
            unreadAt = position;
            continue;
          }
          const metric = topic.metric;
          const isProject = metric?.key.startsWith('project.') ?? false;
          if (isProject && !project) continue;
          const kind = metric?.kind ?? 'money';
          const isMoney = /元$/.test(unit);
          if ((kind === 'money') !== isMoney && !(kind === 'score' && unit === '分')) continue;
          if (kind === 'count' && !COUNT_UNITS.has(unit)) continue;

          const fact = newFact(ctx, line, raw, metric?.key ?? 'subject', topic.label, topic.subjectCode, isProject ? project : topic.subjectName, asOf);
          [fact.year, fact.basis] = [role.year, role.stage];
          if (garbled) fact.flags = 'garbled_digits';
          if (isMoney) {
            const money = garbled ? toFen(String(garbled.value), unit) : toFen(digits, unit);
            if (!money) continue;
            [fact.amount_fen, fact.precision_fen, fact.unit] = [money.fen, money.precision, unit];
          } else {
            fact.value_kind = kind === 'score' ? 'score' : 'count';
            fact.aspect = kind === 'score' ? 'score' : 'count';
            fact.value = garbled?.value ?? Number(digits.replace(/,/g, ''));
            fact.unit = unit;
          }
          const steady = STEADY.exec(after);
          if (steady) {
            fact.change_direction = steady[1]!.includes('不可比') ? '不可比' : '持平';
            fact.reason = REASON.exec(after)?.[1]?.trim() ?? null;
            // `after` starts right behind the number, in this clause or the sentence's next ones.
            fact.change_line = p.lineAt[base + clause.index + previousEnd + steady.index + steady[0].length - 1]!;
            fact.change_raw_text = raw;
          }
          facts.push(fact);
          inParagraph.push(fact);
          inSentence.push(fact);
          placed.set(fact, position);
        }
      }
      if (inSentence.length === 0 && s.search(NUMBER) < 0) steadyStatement(s, raw, facts, ctx, subjects, (i) => p.lineAt[base + i]!);
    }
  }
  return facts;
}

/**
 * `2024年因公出国(境)费与上年持平，主要原因是…` or `与上年相比，今年结转结余持平`: a
 * comparison stated without a number belongs to this year's figure of the metric it names.
 * `s` is the sentence as read (formulas blanked), `raw` as printed: what the change is cited with.
 */
function steadyStatement(s: string, raw: string, facts: FactDraft[], ctx: ParseContext, subjects: SubjectNames, lineAt: (index: number) => number): void {
  const m = STEADY_STATEMENT.exec(s);
  if (!m) return;
  const named = s.slice(0, m.index + m[0].length - m[1]!.length);
  const key = findSubject(named, named, subjects, named)?.metric?.key;
  const target = key && facts.findLast((f) => f.metric === key && f.aspect === 'amount' && f.year === ctx.year);
  if (!target || target.change_direction) return;
  target.change_direction = m[1] === '不可比' ? '不可比' : '持平';
  target.reason = REASON.exec(s.slice(m.index))?.[1]?.trim() ?? null;
  [target.change_line, target.change_raw_text] = [lineAt(m.index + m[0].length - 1), raw];
}

function emptyFact(ctx: ParseContext, line: number, raw: string): FactDraft {
  return newFact(ctx, line, raw, 'subject', '', null, null, null);
}

/** No year-over-year change: how a fact starts, and what a share or a rate (a figure of its own) resets to. */
const noChange = {
  compare_basis: null,
  change_direction: null,
  change_fen: null,
  change_percent: null,
  reason: null,
  change_line: null,
  change_raw_text: null,
} satisfies Partial<FactDraft>;

function newFact(
  ctx: ParseContext,
  line: number,
  raw: string,
  metric: string,
  label: string,
  subjectCode: string | null,
  subjectName: string | null,
  asOf: string | null,
): FactDraft {
  return {
    line,
    metric,
    aspect: 'amount',
    label,
    subject_code: subjectCode,
    subject_name: subjectName ? nameKey(subjectName) : null,
    year: ctx.year,
    basis: ctx.stage,
    value_kind: 'money',
    amount_fen: null,
    value: null,
    unit: '万元',
    precision_fen: null,
    raw_text: raw,
    ...noChange,
    as_of: asOf,
  };
}
