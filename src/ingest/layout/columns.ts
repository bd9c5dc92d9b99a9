// What a column holds, read from its header path with the vocabulary in grammar/columns.json.
import vocabulary from '../../../grammar/columns.json' with { type: 'json' };
import { metricForLabel } from '../../store/metrics.ts';
import type { AmountUnit, Stage } from '../../store/schema.ts';
import { labelKey } from '../text/cjk.ts';

export type ColumnRole =
  | 'seq'
  | 'unit_code'
  | 'code'
  | 'unit_or_project'
  | 'unit'
  | 'project'
  | 'name'
  | 'label'
  | 'count'
  | 'text'
  | 'value';

export interface ColumnMeaning {
  role: ColumnRole;
  /** Canonical measure of a value column: total, basic, personnel, public, project, … */
  measure: string;
  /** Sorted scope tags (fund source, current year, carry-over…), comma-joined. */
  scope: string;
  basis: Stage;
  year: number;
  /** The header path as printed, joined with '/'. */
  label: string;
  /** Overrides the table's unit (`价值（金额单位：万元）`). */
  unit: AmountUnit | null;
  /** A “其中” column: part of another column, never a summand. */
  subset: boolean;
  /** The header of a part of the measure by another classification (本年项目支出 / 资本性支出), else null. */
  part: string | null;
  /** Two unrelated measures in one path: the header is not trustworthy here. */
  ambiguous: boolean;
  /** The printed line of this column's figures, in a table read turned back (else the row's). */
  line?: number;
}

const compile = <T extends { pattern: string }>(rules: T[]) => rules.map((r) => ({ ...r, re: new RegExp(r.pattern) }));
const roles = compile(vocabulary.roles);
const measures = compile(vocabulary.measures);
const scopes = compile(vocabulary.scopes);
const bases = compile(vocabulary.basis);
const years = compile(vocabulary.years);
const unitOverrides = compile(vocabulary.unitOverrides);

/** The unit a header cell prints (`合计（万元）`, `金额（单位：元）`), or null. */
export const unitInHeader = (cell: string): AmountUnit | null => (unitOverrides.find((x) => x.re.test(cell))?.unit as AmountUnit | undefined) ?? null;

/** A header text the vocabulary knows: a role, a measure, a fund or scope, a stage, a year, or an item printed as a column (公务接待费). */
export function namesColumn(text: string): boolean {
  let names = named.get(text);
  if (names === undefined) {
    const t = withoutUnit(text);
    names = [roles, measures, scopes, bases, years].some((rules) => rules.some((r) => r.re.test(t))) || metricForLabel(labelKey(t)) !== null;
    named.set(text, names);
  }
  return names;
}

/**
 * Header texts read in the document being parsed, and what they mean: every page of a table prints its header again.
 * Forgotten when the next document starts — the texts are slices of the document's, and kept they would keep
 * every document read alive (peak +130 MB at 2,000 documents).
 */
const named = new Map<string, boolean>();
const described = new Map<string, ColumnMeaning>();

export function forgetHeaders(): void {
  named.clear();
  described.clear();
}

/** Measures that contain others: a path may name a parent and one of its parts. */
const PARENT_OF: Record<string, string[]> = { basic: ['personnel', 'public'] };

/** A header naming a measure that is a part of another (人员经费 of 基本支出). */
const isPartMeasure = (element: string) => Object.values(PARENT_OF).some((parts) => parts.includes(measures.find((m) => m.re.test(element))?.measure ?? ''));

function related(a: string, b: string): boolean {
  return a === b || (PARENT_OF[a]?.includes(b) ?? false) || (PARENT_OF[b]?.includes(a) ?? false);
}

/** A header cell without the unit it prints (`金额（万元）` → 金额): the unit is read apart. */
export const withoutUnit = (element: string) => element.replace(/[（(]\s*(?:金额)?(?:单位[:：])?\s*(?:万元|元)\s*[)）]$/, '');

/** What a header path means (never changed by callers: the same object is handed out again). */
export function describeColumn(printedPath: string[], context: { year: number; stage: Stage }): ColumnMeaning {
  const key = `${context.year}\u0001${context.stage}\u0001${printedPath.join('\u0001')}`;
  let meaning = described.get(key);
  if (!meaning) {
    meaning = readColumn(printedPath, context);
    described.set(key, meaning);
  }
  return meaning;
}

function readColumn(printedPath: string[], context: { year: number; stage: Stage }): ColumnMeaning {
  const path = printedPath.map(withoutUnit);
  // The deepest header cell that says anything decides: a role, or a measure (a figure column).
  let role: ColumnRole = 'value';
  for (let i = path.length - 1; i >= 0; i--) {
    const hit = roles.find((r) => r.re.test(path[i]!));
    if (hit) role = hit.role as ColumnRole;
    if (hit || measures.some((m) => m.re.test(path[i]!))) break;
  }

  const found: string[] = [];
  path.forEach((element, i) => {
    const hit = measures.find((m) => m.re.test(element) && (!('leaf' in m && m.leaf) || i === path.length - 1));
    if (hit && hit.measure !== 'total') found.push(hit.measure);
  });
  const specific = [...new Set(found)];
  const ambiguous = specific.some((a) => specific.some((b) => !related(a, b)));
  // A figure column is a total only when its header says so (合计, 预算数…) or names only its fund, period,
  // stage or year; a header of no known word (`事业单位经营支出` before its spelling was added) is unknown,
  // never taken for the total it would then be checked as.
  const says = (element: string) => [measures, scopes, bases, years].some((rules) => rules.some((r) => r.re.test(element))) || /(?:^|\D)20\d{2}(?:\D|$)/.test(element);
  const measure = specific.at(-1) ?? (role !== 'value' || path.some(says) ? 'total' : 'unknown');

  const tags = new Set<string>();
  let subset = false;
  // Under a standalone measure (单价, 预留中小微企业份额) nothing more can be printed: a
  // header cell there slid over from the next column (曲阳 部门政府采购预算 page 1).
  const standalone = path.findIndex((e) => measures.some((m) => 'standalone' in m && m.standalone && m.re.test(e)));
  const printed = standalone >= 0 ? printedPath.slice(0, standalone + 1) : printedPath;
  for (const element of printed.map(withoutUnit)) {
    for (const s of scopes) {
      if (!s.re.test(element)) continue;
      // 其中：人员经费 is a part of 基本支出, and a summand of it like 公用经费 printed after it: no subset.
      if (s.tag === 'subset') subset ||= !isPartMeasure(element);
      else tags.add(s.tag);
    }
  }

  // A column printed under a measure whose own header names nothing the vocabulary knows (本年项目支出 /
  // 资本性支出): a part of that measure by another classification, never the measure itself.
  const read = printed.map(withoutUnit);
  const part = role === 'value' && specific.length > 0 && read.findLastIndex(says) < read.length - 1 ? printed.at(-1)! : null;

  let basis: Stage = context.stage;
  let year = context.year;
  let unit: AmountUnit | null = null;
  for (const [i, element] of path.entries()) {
    const b = bases.find((x) => x.re.test(element));
    if (b) basis = b.basis as Stage;
    const printedYear = /(?:^|\D)(20\d{2})(?:\D|$)/.exec(element);
    if (printedYear) year = Number(printedYear[1]);
    const relative = years.find((y) => y.re.test(element));
    if (relative) year = context.year + relative.offset;
    unit = unitInHeader(printedPath[i]!) ?? unit;
  }

  return {
    role,
    measure,
    scope: [...tags].sort().join(','),
    basis,
    year,
    label: printed.join('/'),
    unit,
    subset,
    part,
    ambiguous,
  };
}
