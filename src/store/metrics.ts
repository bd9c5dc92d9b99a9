// The named figures (metrics) the database tags cells and facts with. Defined as
// data in grammar/metrics.json; this module only compiles and looks them up.
import vocabulary from '../../grammar/metrics.json' with { type: 'json' };

export interface Metric {
  key: string;
  name: string;
  kind: 'money' | 'count' | 'score' | 'percent';
  /** In prose, a lower rank wins when several metrics are named before one number. */
  rank: number;
  /** Patterns for table labels, matched against the whole label key. */
  table: RegExp[];
  /** Patterns for prose. */
  prose: RegExp[];
  /** Extra words people type for it. */
  ask: string[];
  /** In prose, the words before the number as printed that qualify it (单价20万元以上的设备): the fact's label, and what answers call it. */
  printed: RegExp | null;
  /** In prose, what the sentence before the number must say for the metric to apply (整体绩效自评, not a project's). */
  context: RegExp | null;
  /** The metrics that add up to this one (三公 = 出国 + 用车 + 接待); empty when it is not a sum of others. */
  parts: string[];
  /** Metrics answered beside this one where the document prints them (实有人员 with 人员编制: 多少人 asks both). */
  with: string[];
  /** Words of the 绩效 indicators that count what this count counts, where it is not printed as such (临聘人员 for 编外人员). */
  indicators: string[];
  /** The units those indicators count in (人, 名 for people; 辆, 台 for cars bought). */
  indicatorUnits: string[];
  /** Words naming one kind of what the indicators count (劳务派遣, 公益岗): typed, only that kind's indicators count. */
  kinds: string[][];
  /** Words of 'ask' that are verbs of hiring (招了, 新招了): they ask only indicators naming hiring (`hired`) or a kind typed. */
  hiring: string[];
  /** Words of an indicator's name that say it counts people hired (聘请, 招聘). */
  hired: string[];
  /** Printed as a row of a department's 整体绩效目标表 (特定目标类项目 under 年度预算支出): its cells there are this figure. */
  performanceRow: boolean;
  /** Metrics a document may state in place of this one (覆盖率 for 覆盖的资金): quoted where this one is not, never worked into it. */
  instead: string[];
  /** A count not printed: the money spent on it, answered instead and said to be money (购置车辆 → 公务用车购置费). */
  spentOn: string | null;
  /** A thing bought with this money (车辆, an everyday name of shapes.json purchases.items): the 政府采购 rows buying it are answered beside the figure. */
  procured: string | null;
  /** A count printed only as the 数量 column of a money row (车辆 of 车辆（台、辆）, 其他固定资产): that metric's count cells. */
  countOf: string | null;
}

export const metrics: readonly Metric[] = vocabulary.metrics.map((m) => ({
  key: m.key,
  name: m.name,
  kind: m.kind as Metric['kind'],
  rank: m.rank,
  table: m.table.map((p) => new RegExp(p)),
  prose: m.prose.map((p) => new RegExp(p, 'g')),
  ask: m.ask,
  printed: m.printed ? new RegExp(m.printed) : null,
  context: m.context ? new RegExp(m.context) : null,
  parts: m.parts ?? [],
  with: m.with ?? [],
  indicators: m.indicators ?? [],
  indicatorUnits: m.indicatorUnits ?? ['人', '名'],
  kinds: m.kinds ?? [],
  hiring: m.hiring ?? [],
  hired: m.hired ?? [],
  performanceRow: m.performanceRow ?? false,
  instead: m.instead ?? [],
  spentOn: m.spentOn ?? null,
  procured: m.procured ?? null,
  countOf: m.countOf ?? null,
}));

/** The columns a subject's or project's row is cut into (line_items.column_key), each also a metric of its own. */
export const MEASURES: ReadonlySet<string> = new Set(['basic', 'personnel', 'public', 'project']);
/** The columns every functional subject's row is printed in (基本支出, 项目支出): a subject under one is its cell. */
export const SPLIT_COLUMNS: ReadonlySet<string> = new Set(['basic', 'project']);
/** The wholes those columns add up to (支出总计 = 基本支出 + 项目支出): 其中基本支出 after one is its part. */
const SPLIT_WHOLES: ReadonlySet<string> = new Set(['expenditure.grand_total', 'expenditure.current_total']);
/**
 * 三公经费, 财政拨款支出: a figure that is neither a column nor a whole of the columns is a row they would cut — 其中项目支出
 * after it asks its own cell (none where its row prints none), never the department's 项目支出.
 */
export const cutIntoColumns = (key: string): boolean => !MEASURES.has(key) && !SPLIT_WHOLES.has(key);

const byKey = new Map(metrics.map((m) => [m.key, m]));

/** A metric's family: the part of its key before the dot (staff of staff.actual, three_public of three_public.abroad_trips). */
export const familyOf = (key: string): string => key.split('.')[0]!;

/** The families whose metrics count people (metrics.json peopleFamilies). */
const PEOPLE: ReadonlySet<string> = new Set(vocabulary.peopleFamilies.families);
/** The family of the department's own staff (编制, 实有): the first of metrics.json peopleFamilies. */
export const STAFF_FAMILY: string = vocabulary.peopleFamilies.families[0]!;
/** Whether a metric counts people (metrics.json peopleFamilies). */
export const countsPeople = (key: string): boolean => PEOPLE.has(familyOf(key));

/** Whether a key is a metric of the vocabulary (a fact's `subject` or `project` is none). */
export const isMetric = (key: string): boolean => byKey.has(key);

export function metric(key: string): Metric {
  const m = byKey.get(key);
  if (!m) throw new Error(`unknown metric ${key}`);
  return m;
}

/** The metric a printed table label names, if any (label already reduced with labelKey). */
export function metricForLabel(key: string, allowed: (m: Metric) => boolean = () => true): Metric | null {
  return metrics.find((m) => allowed(m) && m.table.some((re) => re.test(key))) ?? null;
}

/**
 * The 绩效 indicator words that count what a question typed as `typed` counts: the words of the one kind it names
 * (劳务派遣有多少人 — never 公益岗's or 临聘's count), else every word of the metric; asked by a verb of hiring (`hiring`), no
 * kind named: only the words naming hiring (`hired`), beside any of the metric's words typed.
 */
export function countingIndicatorWords(m: Metric, typed: string, hiring = false): string[] {
  const kind = m.kinds.find((k) => k.some((w) => typed.includes(w)));
  if (kind || !hiring) return kind ?? m.indicators;
  // 新招了几个人: only indicators naming hiring; 招了多少临聘人员: those and the kind typed beside the verb.
  return [...m.indicators.filter((w) => typed.includes(w)), ...m.hired];
}
