// 勾稽 rules between tables and between text and tables: the same subject, total
// or named figure printed twice must agree; a summary table's subject labels must
// sit next to the subject's figure (沈阳 表4 prints them one row off).
import type { DocumentDraft } from '../document/parse.ts';
import type { FactDraft } from '../prose/facts.ts';
import type { CellDraft, OwnerDraft, TableDraft } from '../model.ts';
import { nameKey } from '../text/cjk.ts';
import { metrics } from '../../store/metrics.ts';
import { checkable, columnId, show, sum, tolerance, type CheckDraft } from './check.ts';

interface Located {
  cell: CellDraft;
  table: TableDraft;
}

const MEASURE_OF_METRIC: Record<string, string> = { basic: 'basic', personnel: 'personnel', public: 'public', project: 'project' };
/** Totals a summary table names that another table may print again: the year's income, its “三公” spending. */
const SUMMARY_TOTALS = new Set(['income.current_total', 'three_public.total']);

/**
 * Scope tags that make no difference in this document: when every yuan of income
 * is this year's general budget, 支出总表 and 一般公共预算支出表 must agree.
 */
function neutralTags(doc: DocumentDraft): Set<string> {
  const cells = doc.tables.filter((t) => t.kind === 'summary').flatMap((t) => t.cells);
  const total = cells.find((c) => c.metric === 'income.grand_total' && !c.column.scope.includes('fiscal'));
  const general = cells.find((c) => c.metric === 'fiscal.general_budget' && c.side === '收入' && !c.column.scope.includes('fiscal'));
  return total && general && total.fen === general.fen ? new Set(['current', 'gp', 'fiscal']) : new Set();
}

function scopeKey(scope: string, neutral: Set<string>): string {
  return scope
    .split(',')
    .filter((t) => t && !neutral.has(t))
    .join(',');
}

/** What a cell is a figure of, comparable across tables; null for figures with no twin. */
function identity(c: CellDraft, table: TableDraft, neutral: Set<string>): string | null {
  // A part of a measure (本年项目支出 / 资本性支出) is compared with the same part only, never with the measure.
  const column = `${c.column.key}${c.column.part ? `:${c.column.part}` : ''}|${scopeKey(c.column.scope, neutral)}|${c.column.basis}|${c.column.year}`;
  if (table.kind === 'expenditure' || table.kind === 'income') {
    // A unit's own rows (a table nested by unit) are compared with the same unit's only.
    const unit = c.unitName && c.level !== 'total' ? `|${c.unitName}` : '';
    // A 收入决算表's subject rows are the year's income by subject: compared with income tables only.
    const flow = table.kind === 'income' ? '收入' : '';
    if (c.subjectCode && c.level && c.level !== 'unit') return `${flow}${c.classification}:${c.subjectCode}${unit}|${column}`;
    if (c.level === 'unit') return `${table.kind}:单位${unit}|${column}`;
    if (c.level === 'total') return `${flow}${c.classification}:合计|${column}`;
  }
  if (table.kind === 'summary' && c.subjectCode) return `${c.classification}:${c.subjectCode}|${column}`;
  if (table.kind === 'summary' && c.column.key === 'total' && c.column.part === null) {
    if (c.metric === 'expenditure.current_total') return `功能分类:合计|${column}`;
    // A row naming a measure (近两年对比表's 基本支出) is the subject tables' 合计 of that measure.
    const measure = c.metric ? MEASURE_OF_METRIC[c.metric] : undefined;
    if (measure) return `功能分类:合计|${column.replace(/^total\|/, `${measure}|`)}`;
    if (c.metric && SUMMARY_TOTALS.has(c.metric)) return `${c.metric}|${column}`;
  }
  // The year's “三公” total of a “三公” table, printed again in a summary (近两年对比表).
  if (table.kind === 'three_public' && c.metric === 'three_public.total' && c.column.key === 'total' && c.unitName === null) return `${c.metric}|${column}`;
  return null;
}

function crossTable(doc: DocumentDraft, neutral: Set<string>): CheckDraft[] {
  const byKey = new Map<string, Located[]>();
  for (const table of doc.tables) {
    if (table.status !== 'parsed') continue;
    // One figure per table and key: the first printed. A set of this table's keys, not a search of the list, keeps
    // a long compilation (one key printed by hundreds of tables) linear; and not one set of every table's, which
    // held a second key per figure of the document.
    const taken = new Set<string>();
    for (const cell of checkable(table.cells)) {
      if (cell.flags.includes('label_shift_suspected')) continue;
      const key = identity(cell, table, neutral);
      if (!key || taken.has(key)) continue;
      taken.add(key);
      (byKey.get(key) ?? byKey.set(key, []).get(key)!).push({ cell, table });
    }
  }
  const out: CheckDraft[] = [];
  for (const list of byKey.values()) {
    const [first, ...others] = list;
    for (const other of others) {
      const tol = tolerance(first!.cell.precisionFen, other.cell.precisionFen);
      const passed = Math.abs((first!.cell.fen ?? 0) - (other.cell.fen ?? 0)) <= tol;
      const name = (l: Located) => `${l.table.region.number ?? l.table.region.name}`;
      out.push({
        rule: 'cross_table',
        table: other.table,
        subject: first!.cell.rowLabel,
        passed,
        expectedFen: first!.cell.fen,
        actualFen: other.cell.fen,
        toleranceFen: tol,
        lines: [first!.cell.line, other.cell.line],
        cells: [first!.cell, other.cell],
        facts: [],
        message: `${first!.cell.rowLabel}（${first!.cell.column.label}）：${name(first!)} ${show(first!.cell.fen ?? 0, first!.table)}，${name(other)} ${show(other.cell.fen ?? 0, other.table)}${passed ? '，一致' : '，不一致'}`,
      });
    }
  }
  return out;
}

/** Summary-table subject rows whose figures belong to the neighbouring label. */
function labelAlignment(doc: DocumentDraft): CheckDraft[] {
  const coded = new Map<string, Set<number>>();
  for (const t of doc.tables.filter((t) => t.kind === 'expenditure')) {
    for (const c of checkable(t.cells)) {
      if (c.subjectCode && c.level === '类' && c.column.key === 'total') {
        coded.set(c.subjectCode, (coded.get(c.subjectCode) ?? new Set()).add(c.fen!));
      }
    }
  }
  // Looked up once per label: indexed here, so the cost stays linear in the size of the document.
  const codes = new Map<string, string | null>();
  for (const c of doc.tables.flatMap((t) => t.cells)) {
    if (c.level === '类' && c.subjectName && !codes.has(c.subjectName.replace(/\s+/g, ''))) codes.set(c.subjectName.replace(/\s+/g, ''), c.subjectCode);
  }
  const codeOf = (name: string) => codes.get(name) ?? null;
  const out: CheckDraft[] = [];
  for (const table of doc.tables.filter((t) => t.kind === 'summary')) {
    const byLine = new Map<number, CellDraft>();
    for (const c of table.cells) {
      if (c.classification === '功能分类' && c.column.key === 'total' && !c.column.scope.includes('gp') && !byLine.has(c.line)) byLine.set(c.line, c);
    }
    for (const column of new Set(table.labels.map((l) => l.column))) {
      const labels = table.labels.filter((l) => l.column === column);
      const rows = labels.map((l, i) => {
        const cell = byLine.get(l.line);
        return { i, label: l, cell, code: codeOf(l.name) };
      });
      const fits = (fen: number | null | undefined, code: string | null) => fen != null && code !== null && (coded.get(code)?.has(fen) ?? false);
      const withFigures = rows.filter((r) => r.cell && (r.code !== null || rows[r.i + 1]?.code || rows[r.i - 1]?.code));
      for (const shift of [1, -1]) {
        const shifted = withFigures.filter((r) => !fits(r.cell!.fen, r.code) && fits(r.cell!.fen, rows[r.i + shift]?.code ?? null));
        if (shifted.length < 2) continue;
        for (const r of shifted) r.cell!.flags.push('label_shift_suspected');
        out.push({
          rule: 'label_alignment',
          table,
          subject: '支出科目名称与金额',
          passed: false,
          expectedFen: null,
          actualFen: null,
          toleranceFen: 0,
          lines: shifted.map((r) => r.label.line),
          cells: shifted.map((r) => r.cell!),
          facts: [],
          message: `${table.region.number ?? table.region.name}支出栏科目名称与金额错开一行：${shifted
            .map((r) => `第${r.label.line}行“${r.label.name}”印 ${show(r.cell!.fen!, table)}，与支出表中“${rows[r.i + shift]!.label.name}”的金额相同`)
            .join('；')}。按表中位置读出的这些数字不可信，未作更正`,
        });
      }
    }
  }
  return out;
}

/** The prose states a figure a table also prints: they must agree. */
function textVsTables(doc: DocumentDraft, neutral: Set<string>): CheckDraft[] {
  const out: CheckDraft[] = [];
  // The cells a fact can be compared with, filed by what a fact asks of them (subject code, measure,
  // project or metric, with year and stage), so each fact looks at its own few rather than at every
  // cell: the cost stays linear in the size of the document.
  const filed = new Map<string, Located[]>();
  const file = (key: string, l: Located) => (filed.get(key) ?? filed.set(key, []).get(key)!).push(l);
  for (const table of doc.tables) {
    if (table.status !== 'parsed') continue;
    for (const cell of checkable(table.cells)) {
      // The prose states a measure, never one of its parts by another classification.
      if (cell.flags.includes('label_shift_suspected') || cell.column.part) continue;
      const when = `${cell.column.year}|${cell.column.basis}`;
      const l = { cell, table };
      if (cell.column.key === 'total' && cell.unitName === null && (table.kind === 'expenditure' || table.kind === 'income')) file(`subject|${cell.subjectCode}|${when}`, l);
      if (cell.level === 'total' && table.kind === 'expenditure') file(`measure|${cell.column.key}|${when}`, l);
      if (cell.metric && cell.project) file(`project|${cell.metric}|${nameKey(cell.project.name)}|${when}`, l);
      // The prose states the department's figure, not a unit's row of a table by unit.
      if (cell.metric && cell.column.key === 'total' && cell.unitName === null) file(`metric|${cell.metric}|${when}`, l);
    }
  }
  // Income and spending of the same fund differ by the carry-over: a sentence about one is compared with the other never.
  const flowOf = (text: string | null) => (text === null ? null : /支出/.test(text) ? '支出' : /收入/.test(text) ? '收入' : null);
  const sameFlow = (f: FactDraft) => (l: Located) => {
    const said = flowOf(f.label);
    const printed = l.cell.side ?? flowOf(l.cell.rowLabel);
    return said === null || printed === null || said === printed;
  };
  const candidates = (f: FactDraft): Located[] => inFlow(f, candidatesOf(f));
  const inFlow = (f: FactDraft, found: Located[]) => found.filter(sameFlow(f));
  const candidatesOf = (f: FactDraft): Located[] => {
    const when = `${f.year}|${f.basis}`;
    const measure = MEASURE_OF_METRIC[f.metric];
    if (f.metric === 'subject') return filed.get(`subject|${f.subject_code}|${when}`) ?? [];
    if (measure) return filed.get(`measure|${measure}|${when}`) ?? [];
    if (f.metric.startsWith('project.')) return filed.get(`project|${f.metric}|${f.subject_name}|${when}`) ?? [];
    return filed.get(`metric|${f.metric}|${when}`) ?? [];
  };
  // A total the prose states whose table prints only its parts (a 三公 table with no 合计 row): the parts of one
  // column, each printed once, add up to it.
  const partsOf = (f: FactDraft): Located[] => {
    const parts = metrics.find((m) => m.key === f.metric)?.parts ?? [];
    if (parts.length === 0) return [];
    const first = (key: string) => inFlow(f, filed.get(`metric|${key}|${f.year}|${f.basis}`) ?? []);
    for (const l of first(parts[0]!)) {
      const column = parts.map((key) => first(key).find((o) => o.table === l.table && columnId(o.cell) === columnId(l.cell)));
      if (column.every((o) => o !== undefined)) return column as Located[];
    }
    return [];
  };
  for (const f of doc.facts) {
    if (f.aspect !== 'amount' || f.amount_fen == null || f.year !== doc.meta.year) continue;
    const fen = f.amount_fen;
    const found = candidates(f);
    if (found.length === 0) {
      const parts = partsOf(f);
      if (parts.length) out.push(textVsParts(f, parts));
      continue;
    }
    const tol = (l: Located) => tolerance(f.precision_fen ?? null, l.cell.precisionFen);
    const match = found.find((l) => Math.abs(l.cell.fen! - fen) <= tol(l));
    const shown = match ?? found.find((l) => scopeKey(l.cell.column.scope, neutral) === '') ?? found[0]!;
    const passed = match !== undefined;
    out.push({
      rule: 'text_vs_table',
      table: shown.table,
      subject: f.label,
      passed,
      expectedFen: fen,
      actualFen: shown.cell.fen,
      toleranceFen: tol(shown),
      lines: [f.line, shown.cell.line],
      cells: [shown.cell],
      facts: [f],
      message: `正文第${f.line}行“${f.label}” ${show(fen, null)}，${shown.table.region.number ?? shown.table.region.name}第${shown.cell.line}行 ${show(shown.cell.fen!, shown.table)}${passed ? '，一致' : '，不一致'}`,
    });
  }
  return out;
}

function textVsParts(f: FactDraft, parts: Located[]): CheckDraft {
  const actual = sum(parts.map((l) => l.cell));
  const tol = tolerance(f.precision_fen ?? null, ...parts.map((l) => l.cell.precisionFen));
  const passed = Math.abs(f.amount_fen! - actual) <= tol;
  const table = parts[0]!.table;
  const lines = parts.map((l) => l.cell.line);
  return {
    rule: 'text_vs_table',
    table,
    subject: f.label,
    passed,
    expectedFen: f.amount_fen!,
    actualFen: actual,
    toleranceFen: tol,
    lines: [f.line, ...lines],
    cells: parts.map((l) => l.cell),
    facts: [f],
    message: `正文第${f.line}行“${f.label}” ${show(f.amount_fen!, null)}，${table.region.number ?? table.region.name}第${lines.join('、')}行各项相加 ${show(actual, table)}${passed ? '，一致' : '，不一致'}`,
  };
}

/** A project's execution rate stated in the prose and in its 绩效自评表. */
function executionRates(doc: DocumentDraft): CheckDraft[] {
  const out: CheckDraft[] = [];
  // The first block printing each project's rate, by the project's name.
  const rates = new Map<string, { owner: OwnerDraft; table: TableDraft }>();
  for (const table of doc.tables) {
    for (const owner of table.owners) {
      if (owner.project && owner.executionRate && !rates.has(nameKey(owner.project.name))) rates.set(nameKey(owner.project.name), { owner, table });
    }
  }
  for (const f of doc.facts) {
    if (f.aspect !== 'execution_rate' || !f.metric.startsWith('project.') || f.value == null) continue;
    const value = f.value;
    const printed = f.subject_name ? rates.get(f.subject_name) : undefined;
    if (!printed) continue;
    const rate = Number(printed.owner.executionRate!.replace('%', ''));
    const decimals = (text: string) => text.split('.')[1]?.length ?? 0;
    const tol = Math.max(10 ** -decimals(String(value)), 10 ** -decimals(printed.owner.executionRate!.replace('%', '')));
    const passed = Math.abs(rate - value) <= tol + 1e-9;
    out.push({
      rule: 'text_vs_table',
      table: printed.table,
      subject: `${printed.owner.name}执行率`,
      passed,
      expectedFen: null,
      actualFen: null,
      toleranceFen: 0,
      lines: [f.line, printed.owner.line],
      cells: [],
      facts: [f],
      message: `“${printed.owner.name}”执行率：正文第${f.line}行 ${value}%，自评表 ${printed.owner.executionRate}${passed ? '，一致' : '，不一致'}`,
    });
  }
  return out;
}

export function acrossTableChecks(doc: DocumentDraft): CheckDraft[] {
  const neutral = neutralTags(doc);
  const alignment = labelAlignment(doc);
  return [...alignment, ...crossTable(doc, neutral), ...textVsTables(doc, neutral), ...executionRates(doc)];
}
