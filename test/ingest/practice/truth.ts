// The practice documents' ground truth (test/fixtures/practice/*/<name>.truth.json,
// written by the test-material writer: every printed table figure with its line, raw
// text, row, column, kind and amount) compared with what the ingest read. A figure
// counts as read when a stored one on its line has its value and its meaning: the row
// (subject code, unit, label), the column (the header path as printed, and the measure
// its words name), the unit (the amount in 分) and the kind. Nothing here uses the
// ingest's vocabulary: the meaning is judged from the manifest's own words.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckDraft } from '../../../src/ingest/checks/index.ts';
import type { CellDraft, OwnerDraft, TargetDraft } from '../../../src/ingest/model.ts';
import type { ParsedFile } from '../../../src/ingest/run.ts';

export interface TruthFigure {
  id: string;
  line: number;
  raw: string;
  table: string;
  table_number?: string | null;
  row: string;
  column: string;
  kind: 'money' | 'count' | 'percent' | 'score';
  amount_fen?: number;
  value?: number;
  unit?: string;
  code?: string;
  unit_name?: string;
  indicator?: boolean;
  zero_form?: string;
  split_across_lines?: boolean;
  /** The row names what a column would (a measure in a table printed turned): its meaning is read either way round. */
  transposed?: boolean;
}

export interface Truth {
  name: string;
  meta: { department: string; fiscal_year: number; stage: string; amount_unit: string; family: string; truncated?: boolean };
  figures: TruthFigure[];
  prose: { id: string; line: number; raw: string; garbled?: boolean; kind: string; amount_fen?: number; value?: number }[];
  checks: { id: string; rule: string; holds: boolean; description: string }[];
  defects: { kind: string; line?: number; lines?: number[]; figure?: string; figures?: string[]; partial_cell?: string }[];
  tables: { title: string; table_number: string | null; start: number; end: number }[];
}

export const FIXTURES = join(import.meta.dirname, '../../fixtures/practice');

export interface Fixture {
  family: string;
  name: string;
  text: string;
  truth: Truth;
}

export function fixtures(family: string): Fixture[] {
  const dir = join(FIXTURES, family);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.txt$/, '');
      return { family, name, text: readFileSync(join(dir, f), 'utf8'), truth: JSON.parse(readFileSync(join(dir, `${name}.truth.json`), 'utf8')) as Truth };
    });
}

/** Spaces, slashes, brackets' width and list markers do not change a label. */
const bare = (s: string) =>
  s
    .replace(/[\s\u3000/]+/g, '')
    .replace(/[(]/g, '（')
    .replace(/[)]/g, '）')
    .replace(/[“”"]/g, '');
const unordered = (s: string) => bare(s).replace(/^(其中[:：])?([（]?[一二三四五六七八九十\d]+[）、.．]|[（][一二三四五六七八九十\d]+[）])*/, '').replace(/^其中[:：]/, '');

/** The measure a printed column path names, in the manifest's own words. */
function measureOf(column: string, table: string): string | null {
  const c = bare(column);
  // A 基本支出表's 合计 is its basic spending.
  if (/基本支出/.test(table) && /^(合计|小计)$/.test(c)) return 'basic';
  if (/人员经费/.test(c)) return 'personnel';
  if (/公用经费/.test(c)) return 'public';
  if (/项目支出/.test(c) && !/合计$/.test(c)) return 'project';
  if (/基本支出/.test(c)) return 'basic';
  if (/经营支出/.test(c)) return 'operating';
  if (/对附属单位补助/.test(c)) return 'subsidiary';
  if (/上缴上级|上解上级/.test(c)) return 'upper';
  if (/增减幅度|增长率|增幅|增减率/.test(c)) return 'change_rate';
  if (/增减额|^增减$|比上年增减/.test(c)) return 'change';
  // A bare 合计/总计 heads the whole (a 小计 may be an item's, as in “三公” tables).
  if (/^(合计|总计)$/.test(bare(column.split(' / ').at(-1)!)) && !/收入|支出|结转|结余|拨款/.test(c)) return 'total';
  return null;
}

const MEASURE_KEYS: Record<string, string[]> = {
  personnel: ['personnel'],
  public: ['public'],
  project: ['project'],
  basic: ['basic'],
  operating: ['operating'],
  subsidiary: ['subsidiary'],
  upper: ['upper'],
  change: ['change'],
  change_rate: ['change_rate'],
  total: ['total'],
};

/**
 * The year and stage the manifest's words give a figure (`2023年预算数`, `上年`, `决算数`), checked
 * against the stored column: a figure of the year before stored as this year's has the wrong meaning.
 */
function whenMatches(words: string, c: CellDraft, truth: Truth): boolean {
  const w = bare(words);
  if (/增减|幅度|变动/.test(w)) return true;
  const year = /(20\d{2})年/.exec(w)?.[1];
  if (year && c.column.year !== Number(year)) return false;
  if (!year && /(^|[^结])上年(?!结转|结余)/.test(w) && !/上年结转/.test(w) && c.column.year !== truth.meta.fiscal_year - 1) return false;
  if (/决算数/.test(w) && c.column.basis !== '决算') return false;
  if (/预算数/.test(w) && !/决算/.test(w) && c.column.basis !== '预算') return false;
  return true;
}

export type Verdict = 'read' | 'wrong_meaning' | 'missing';

export interface Read {
  figure: TruthFigure;
  verdict: Verdict;
  /** What was found on the line, for a failure's message. */
  note: string;
}

function rowMatches(f: TruthFigure, c: CellDraft): boolean {
  if (f.unit_name && unordered(c.unitName ?? '') !== unordered(f.unit_name)) return false;
  // A 收支总表 names its subjects without codes: there the name decides.
  if (f.code && (c.subjectCode !== null || c.altCode !== null)) return c.subjectCode === f.code || c.altCode === f.code;
  const name = unordered(f.row.replace(/^\d{3,}\s*/, ''));
  // A “三公” table printing its items as columns names no row: the figures are the 三公 items'.
  if (/三公/.test(name) && c.metric?.startsWith('three_public.')) return true;
  const stored = [c.subjectName, c.rowLabel, c.unitName, c.project?.name].filter((x): x is string => !!x).map(unordered);
  return stored.some((s) => s !== '' && (s.includes(name) || name.includes(s)));
}

function columnMatches(f: TruthFigure, c: CellDraft): boolean {
  if (c.column.key === 'unknown') return false;
  const measure = measureOf(f.column, f.table);
  if (measure && !MEASURE_KEYS[measure]!.includes(c.column.key)) return false;
  const a = bare(f.column);
  const b = bare(c.column.label);
  const leaf = bare(f.column.split(' / ').at(-1)!);
  return a === b || a.endsWith(b) || b.endsWith(a) || b.endsWith(leaf) || b.startsWith(a);
}

const sameText = (a: string | null | undefined, b: string) => a != null && bare(a) === bare(b);

/** Every stored figure of a parsed document, with its targets and scores. */
function storedOf(p: ParsedFile) {
  const cells = p.doc.tables.flatMap((t) => t.cells);
  const owners: OwnerDraft[] = p.doc.tables.flatMap((t) => t.owners);
  const targets: TargetDraft[] = owners.flatMap((o) => o.targets);
  return { cells, owners, targets };
}

/**
 * The figure's row and column as the manifest names them, read either way round: a table printed
 * transposed (years or 增减 as its rows, items as its columns) names in its row what the stored
 * figure's column says, and in its column the thing the stored row is.
 */
function meaningMatches(f: TruthFigure, c: CellDraft, truth: Truth): boolean {
  if (!whenMatches(`${f.row} ${f.column}`, c, truth)) return false;
  const item = threePublicItem(f);
  if (item && c.metric !== null && c.metric !== item) return false;
  if (rowMatches(f, c) && columnMatches(f, c)) return true;
  const swapped = { ...f, row: f.column.split(' / ').filter((p) => !/^(小计|合计)$/.test(p.trim())).at(-1) ?? f.column, column: f.row, code: undefined };
  return transposed(f) && rowMatches(swapped, c) && columnMatches(swapped, c);
}

/**
 * The “三公” item a money figure of a 三公 table is, in the manifest's words: its deepest column header naming
 * one, else its row (购置费 under 公务用车购置及运行费 is the 购置费, never the vehicle total). Null elsewhere.
 */
function threePublicItem(f: TruthFigure): string | null {
  if (f.kind !== 'money' || !/三公/.test(f.table)) return null;
  const item = (words: string) => {
    const w = bare(words).replace(/（[^（）]*元）$/, '');
    if (/因公出国/.test(w)) return 'three_public.abroad';
    if (/接待/.test(w)) return 'three_public.reception';
    if (/购置及运/.test(w)) return 'three_public.vehicle';
    if (/购置费$/.test(w)) return 'three_public.vehicle_purchase';
    if (/运行(维护)?费$|运维费$/.test(w)) return 'three_public.vehicle_operation';
    return null;
  };
  const path = f.column.split(' / ').filter((p) => !/^(小计|合计)$/.test(bare(p)));
  for (const p of [...path].reverse()) if (item(p)) return item(p);
  return item(f.row);
}

/** A row label that is a column word: a year, a stage's figure, a change, or a row the manifest marks so (a measure's). */
const transposed = (f: TruthFigure) => f.transposed === true || /^(20\d{2}年|上年|本年|增减|增长|增幅|预算数|决算数)/.test(bare(f.row));

export function compare(p: ParsedFile, truth: Truth): Read[] {
  const { cells, owners, targets } = storedOf(p);
  return truth.figures.map((f): Read => {
    const onLine = cells.filter((c) => c.line === f.line && c.raw !== '');
    const say = (verdict: Verdict, note = '') => ({ figure: f, verdict, note });
    if (f.kind === 'money' && !f.indicator) {
      const same = onLine.filter((c) => c.valueKind === 'money' && c.fen === f.amount_fen);
      if (same.some((c) => meaningMatches(f, c, truth))) return say('read');
      const seen = onLine.map((c) => `${c.rowLabel}|${c.unitName ?? ''}|${c.column.label}(${c.column.key})=${c.raw}`).join('; ');
      return say(same.length ? 'wrong_meaning' : 'missing', seen);
    }
    const indicatorName = unordered(f.row.split(' / ').at(-1) ?? f.row);
    const lineTargets = targets.filter((t) => t.line === f.line);
    const ofIndicator = lineTargets.filter((t) => [t.level3, t.description].some((x) => x && (unordered(x).includes(indicatorName) || indicatorName.includes(unordered(x)))));
    // A 实际完成值 is read with its number and unit, next to its indicator's target.
    if (/完成值/.test(f.column) && lineTargets.length) {
      const done = (t: TargetDraft) => sameText(t.actualValue, f.raw) && t.actualNumber === f.value && (!f.unit || t.actualUnit === f.unit);
      return say(ofIndicator.some(done) ? 'read' : 'wrong_meaning', lineTargets.map((t) => `${t.level3}:${t.actualValue}=${t.actualNumber}${t.actualUnit ?? ''}`).join('; '));
    }
    if (f.indicator || ((f.kind === 'count' || f.kind === 'percent') && lineTargets.length)) {
      if (ofIndicator.some((t) => sameText(t.targetValue, f.raw) || sameText(`${t.operator ?? ''}${t.targetValue ?? ''}`, f.raw) || sameText(t.actualValue, f.raw))) return say('read');
      return say(lineTargets.length ? 'wrong_meaning' : 'missing', lineTargets.map((t) => `${t.level3}:${t.operator ?? ''}${t.targetValue}/${t.actualValue}`).join('; '));
    }
    if (f.kind === 'score') {
      if (ofIndicator.some((t) => t.weight === f.value || t.score === f.value)) {
        const t = ofIndicator.find((x) => x.weight === f.value || x.score === f.value)!;
        return say(/分值/.test(f.column) ? (t.weight === f.value ? 'read' : 'wrong_meaning') : t.score === f.value ? 'read' : 'wrong_meaning');
      }
      const owner = owners.find((o) => o.scoreLine === f.line || o.line === f.line || o.cells.some((c) => c.line === f.line));
      const scores = owner ? [owner.indicatorScore, owner.executionScore, owner.totalScore, owner.deduction] : [];
      if (scores.includes(f.value ?? NaN)) return say('read');
      const cell = onLine.find((c) => c.valueKind === 'score' && c.quantity === f.value);
      return say(cell ? 'read' : 'missing', scores.join(','));
    }
    if (f.kind === 'percent') {
      const rates = owners.flatMap((o) => [...o.taskRates.filter((r) => r.line === f.line).map((r) => r.text), ...(o.executionRate && o.cells.some((c) => c.line === f.line) ? [o.executionRate] : [])]);
      if (rates.some((r) => sameText(r, f.raw))) return say('read');
      if (onLine.some((c) => c.valueKind === 'percent' && c.quantity === f.value && meaningMatches(f, c, truth))) return say('read');
      return say('missing', rates.join(','));
    }
    // Counts printed in a table's figure columns (公开10表 团组数/人次/辆).
    const same = onLine.filter((c) => c.valueKind === 'count' && c.quantity === f.value);
    if (same.some((c) => meaningMatches(f, c, truth))) return say('read');
    return say(same.length ? 'wrong_meaning' : 'missing', onLine.map((c) => `${c.rowLabel}|${c.column.label}=${c.raw}`).join('; '));
  });
}

export const recall = (reads: Read[]) => reads.filter((r) => r.verdict === 'read').length / Math.max(1, reads.length);

/** Checks that fail though the manifest says every identity holds (false failures). */
export const failures = (checks: CheckDraft[]) => checks.filter((c) => !c.passed);

/** The first `limit` figures not read, each with what was stored on its line: an assertion's message. */
export const misses = (reads: Read[], limit: number) =>
  reads
    .filter((r) => r.verdict !== 'read')
    .slice(0, limit)
    .map((r) => `${r.verdict} line ${r.figure.line} ${r.figure.table} | ${r.figure.row} | ${r.figure.column} | ${r.figure.raw} → ${r.note}`)
    .join('\n');
