// Figures stated in the prose: “三公”经费 and its parts, 会议费, 机关运行经费,
// 政府采购, vehicles, staff, year-over-year changes, execution rates, project
// self-evaluations. Every number with a unit is read against the words before
// it in its clause: a metric from grammar/metrics.json (earlier entries win), a
// subject code in brackets, or a subject name printed in the document's tables.
// Words right before the number say what kind of number it is: 增加/减少 (a
// change of the metric being discussed), 占…的 (a share), 完成预算的 (an
// execution rate). A number whose subject cannot be told is not stored. A change
// keeps the line that states it, which may be paragraphs after its figure; a date
// stated before a number in its sentence (`截至 2022 年 12 月 31 日`) is the date it stands at.
import type { NewNarrativeFact } from '../../store/schema.ts';
import { metrics, type Metric } from '../../store/metrics.ts';
import type { ParseContext } from '../model.ts';
import { nameKey } from '../text/cjk.ts';
import { asOfStatements } from '../text/dates.ts';
import { FEN_PER_UNIT } from '../text/numbers.ts';
import type { Paragraph } from './paragraphs.ts';

/** A narrative fact before it gets its ids: the narrative_facts row itself. */
export type FactDraft = Omit<NewNarrativeFact, 'id' | 'document_id'>;

/** Subject names printed in the document's tables, with their codes. */
export type SubjectNames = ReadonlyMap<string, string>;

const NUMBER = /(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元|辆|人次|人|个|台（套）|台|套|%|分|批次|家|名)/g;
const CHANGE_WORDS = '增加|减少|增长|下降|降低';
const CHANGE_VERB = new RegExp(`(${CHANGE_WORDS})了?$`);
const SHARE = /占[^，。；]*的$/;
const EXECUTION = /完成(?:年初)?预算(?:数)?的$/;
// `after` starts right behind the number, usually with the clause's comma (`24.44万元，较上年不可比`).
const STEADY = /^[，,\s]*[^，。；\d]{0,6}?(较上年无增减|与上年持平|持平|不可比|无增减)/;
const REASON = /(?:主要原因是|主要原因[:：]|的主要原因是|主要是由于|原因是|主要是|主要为)[:：]?\s*([^。；]+)/;
/** A year-over-year comparison without a figure; only against 上年, not `决算数持平预算数`. */
const STEADY_STATEMENT = /(?:与|较|比)上年[^。；\d]*?(持平|无增减|不可比)/;
const REASON_START = /主要原因|主要是由于|原因是/;
/** The basis only (`比 2022 年预算数增加` → 2022 年预算数; `与2022年相比增加` → 2022年), never the verb. */
const COMPARE = new RegExp(`(?:与|比|较)\\s*(上年|20\\d{2}\\s*年[^，。；\\d]*?)\\s*(?=相比|相较|${CHANGE_WORDS}|持平|无增减|不可比|[，。；\\d]|$)`, 'g');
/** A bracketed remark (`（与部门决算中…一致）`, `（不含车辆）`); short ones like （境） are part of names. */
const ASIDE = /[（(][^（）()\d]{3,}[)）]/g;
const LEVEL_MARK = /[（(][类款项][)）]/g;
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
  return best ? { metric: null, subjectCode: best.code, subjectName: best.name, label: best.name } : null;
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
          const current = inSentence.at(-1) ?? (opensWithTopic ? inParagraph[0] : inParagraph.at(-1));
          const found = findSubject(window, full, subjects, before);
          const asOf = dates.findLast((d) => d.end <= before.length)?.date ?? null;

          if (unit === '%') {
            const value = Number(digits.replace(/,/g, ''));
            const tail = full.replace(ASIDE, '').trimEnd();
            if (CHANGE_VERB.test(tail) && current) {
              current.change_percent = /减少|下降|降低/.test(tail) ? -value : value;
              current.change_line ??= line;
              current.change_raw_text ??= raw;
              // `较上年增加71.74万元，增长49.94%，增长的主要原因是：…`: the reason follows the percent.
              current.reason ??= REASON.exec(after)?.[1]?.trim() ?? null;
            } else if (SHARE.test(tail) && inSentence.length > 0) {
              const of = inSentence.at(-1)!;
              facts.push({ ...of, ...noChange, line, aspect: 'share', value_kind: 'percent', amount_fen: null, value, unit: '%', precision_fen: null, raw_text: raw, as_of: asOf });
            } else if (EXECUTION.test(tail)) {
              const of = found && found.metric?.key !== current?.metric ? found : null;
              const target = of ? { metric: of.metric?.key ?? 'subject', subject_code: of.subjectCode, subject_name: of.subjectName ?? project, label: of.label } : current;
              if (target) facts.push({ ...(current ?? emptyFact(ctx, line, raw)), ...target, ...noChange, line, aspect: 'execution_rate', value_kind: 'percent', amount_fen: null, value, unit: '%', precision_fen: null, raw_text: raw, as_of: asOf });
            } else if (found?.metric?.kind === 'percent') {
              // A rate named as such (自评覆盖率…达到 83%): a share of the metric's own.
              facts.push({ ...newFact(ctx, line, raw, found.metric.key, found.label, null, null, asOf), aspect: 'share', value_kind: 'percent', value, unit: '%' });
            }
            continue;
          }

          if (CHANGE_VERB.test(full.replace(ASIDE, '').trimEnd()) && unit !== '分') {
            const money = toFen(digits, unit);
            const explicit = found?.metric ?? null;
            // The change is of this year's figure, not of the earlier year's it was compared with.
            const ofThisYear = (f: FactDraft | undefined) => (f && f.year === ctx.year ? f : undefined);
            const target = explicit
              ? (facts.findLast((f) => f.metric === explicit.key && f.aspect === 'amount' && f.year === ctx.year) ?? null)
              : (ofThisYear(current) ?? inSentence.findLast((f) => f.year === ctx.year) ?? null);
            const change = /减少|下降|降低/.test(full) ? -1 : 1;
            const fact = target ?? (explicit ? newFact(ctx, line, raw, explicit.key, found!.label, null, project, asOf) : null);
            if (fact && money) {
              fact.change_fen = change * money.fen;
              fact.change_direction = change > 0 ? '增加' : '减少';
              [fact.change_line, fact.change_raw_text] = [line, raw];
              // The comparison nearest before the change: a heading like `比上年增减情况` joined to the paragraph is further away.
              const basis = [...before.matchAll(COMPARE)].at(-1)?.[1];
              fact.compare_basis = basis?.replace(/\s+/g, '') ?? fact.compare_basis;
              fact.reason ??= REASON.exec(after)?.[1]?.trim() ?? null;
              if (!target) {
                facts.push(fact);
                inParagraph.push(fact);
              }
              inSentence.push(fact);
            }
            continue;
          }

          if (!found) continue;
          const metric = found.metric;
          const isProject = metric?.key.startsWith('project.') ?? false;
          if (isProject && !project) continue;
          const kind = metric?.kind ?? 'money';
          const isMoney = /元$/.test(unit);
          if ((kind === 'money') !== isMoney && !(kind === 'score' && unit === '分')) continue;
          if (kind === 'count' && !COUNT_UNITS.has(unit)) continue;

          const fact = newFact(ctx, line, raw, metric?.key ?? 'subject', found.label, found.subjectCode, isProject ? project : found.subjectName, asOf);
          const year = /^\s*(?:比|较)\s*(20\d{2})\s*年/.exec(window)?.[1];
          if (year) fact.year = Number(year);
          if (/预算数|年初预算/.test(window) && ctx.stage === '决算') fact.basis = '预算';
          if (isMoney) {
            const money = toFen(digits, unit);
            if (!money) continue;
            [fact.amount_fen, fact.precision_fen, fact.unit] = [money.fen, money.precision, unit];
          } else {
            fact.value_kind = kind === 'score' ? 'score' : 'count';
            fact.aspect = kind === 'score' ? 'score' : 'count';
            fact.value = Number(digits.replace(/,/g, ''));
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
