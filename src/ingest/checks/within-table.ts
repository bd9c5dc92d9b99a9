// 勾稽 rules inside one table: subject hierarchies, 合计 rows, row identities
// (基本支出 + 项目支出 = 合计, 人员经费 + 公用经费 = 基本支出, 总计 = 本年 + 上年结转,
// a total = the sum of its fund sources), “三公” parts, project and unit subtotals,
// 收入 = 支出, and rows printed twice.
import type { CellDraft, TableDraft } from '../model.ts';
import { metric } from '../../store/metrics.ts';
import { parseNumber, toValue } from '../text/numbers.ts';
import { checkable, columnId, sumCheck, tolerance, show, type CheckDraft } from './check.ts';

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

const describeRow = (c: CellDraft) => c.rowLabel || `第${c.line}行`;

/** The figures of one row: one printed line, or in a table read turned back one printed column (its thing). */
const rowOf = (table: TableDraft) => (c: CellDraft) => `${table.transposed ? '' : c.line}|${c.rowLabel}|${c.unitName ?? ''}|${c.project?.name ?? ''}`;

function hierarchy(table: TableDraft, cells: CellDraft[]): CheckDraft[] {
  const out: CheckDraft[] = [];
  for (const column of groupBy(cells, columnId).values()) {
    // A table nested by unit repeats the subject codes under each unit: each unit's rows are a tree of their own.
    for (const own of groupBy(column, (c) => c.unitName ?? '').values()) {
      const children = groupBy(own.filter((c) => c.parentCode), (c) => c.parentCode!);
      const orphans = own.filter((c) => c.flags.includes('irregular_code') && !c.parentCode);
      for (const parent of own) {
        const kids = parent.subjectCode ? children.get(parent.subjectCode) : undefined;
        if (!kids) continue;
        const check = sumCheck('hierarchy', table, `${parent.subjectCode} ${parent.subjectName ?? ''}`, parent, kids, `${parent.unitName ? `${parent.unitName} ` : ''}${describeRow(parent)}（${parent.column.label}）= 下级科目之和`);
        // Say which printed row would close the gap, when a malformed code kept it out of the sum.
        const gap = (check.expectedFen ?? 0) - (check.actualFen ?? 0);
        const culprit = check.passed ? undefined : orphans.find((o) => Math.abs((o.fen ?? 0) - gap) <= check.toleranceFen);
        if (culprit) {
          check.message += `；差额等于第${culprit.line}行“${culprit.rowLabel}”，该行科目编码“${culprit.subjectCode}”不合规范，未能归入上级`;
          check.lines = [...check.lines, culprit.line].sort((a, b) => a - b);
        }
        out.push(check);
      }
      // A unit's row is the sum of its 类 rows.
      const unitRow = own.find((c) => c.level === 'unit');
      const top = own.filter((c) => c.level === '类');
      if (unitRow && top.length) out.push(sumCheck('unit_subtotal', table, unitRow.rowLabel, unitRow, top, `${unitRow.unitName}（${unitRow.column.label}）= 各类之和`));
    }
    // The 合计 row: the sum of the units where the table is nested by unit, else of the 类 rows.
    const units = column.filter((c) => c.level === 'unit');
    for (const total of column.filter((c) => c.level === 'total')) {
      const top = units.length ? units : column.filter((c) => c.level === '类');
      if (top.length) out.push(sumCheck('table_total', table, total.rowLabel, total, top, `${total.rowLabel}（${total.column.label}）= ${units.length ? '各单位之和' : '各类之和'}`));
    }
  }
  return out;
}

const SPEND_PARTS = ['project', 'upper', 'operating', 'subsidiary'];
/** What a total splits into side by side: its fund sources and periods (本年 and 上年结转), printed as sibling columns. */
const SPLITS = new Set(['gp', 'gf', 'sc', 'sa', 'uf', 'fiscal', 'nonfiscal', 'business', 'operating_income', 'superior', 'affiliated', 'other_income', 'idle_balance', 'current', 'carry']);

/**
 * Per row: the spending split and the funding split add up to the row's total, and a measure's parts
 * by another classification (本年项目支出 / 商品和服务支出 | 资本性支出…) add up to it. Every column is
 * found by what its header means, never by where it is printed.
 */
function rowIdentities(table: TableDraft, all: CellDraft[]): CheckDraft[] {
  const out: CheckDraft[] = [];
  const cells = all.filter((c) => c.column.part === null);
  const columns = new Set(cells.map((c) => `${c.column.key}|${c.column.scope}|${c.column.basis}|${c.column.year}`));
  const has = (key: string, scope: string, basis: string, year: number) => columns.has(`${key}|${scope}|${basis}|${year}`);
  for (const whole of groupBy(all, rowOf(table)).values()) {
    const row = whole.filter((c) => c.column.part === null);
    const find = (key: string, scope: string, basis: string, year: number) =>
      row.find((c) => c.column.key === key && c.column.scope === scope && c.column.basis === basis && c.column.year === year);
    for (const cell of row) {
      const parts = whole.filter((c) => c.column.part !== null && c.column.key === cell.column.key && c.column.scope === cell.column.scope && c.column.basis === cell.column.basis && c.column.year === cell.column.year);
      if (parts.length >= 2) out.push(sumCheck('row_identity', table, describeRow(cell), cell, parts, `${describeRow(cell)}：${cell.column.label} = ${parts.map((p) => p.column.part).join(' + ')}`));
    }
    for (const cell of row) {
      const { scope, basis, year } = cell.column;
      const present = (k: string) => find(k, scope, basis, year);
      if (cell.column.key === 'basic' && (has('personnel', scope, basis, year) || has('public', scope, basis, year))) {
        const parts = ['personnel', 'public'].flatMap((k) => present(k) ?? []);
        out.push(sumCheck('row_identity', table, describeRow(cell), cell, parts, `${describeRow(cell)}：基本支出 = 人员经费 + 公用经费`));
      }
      // Over the year: 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余.
      if (cell.column.key === 'closing') {
        const [opening, income, spent] = ['opening', 'income', 'total'].map((k) => present(k));
        if (income && spent) {
          const check = sumCheck('row_identity', table, describeRow(cell), cell, [opening, income].filter((c) => c !== undefined), `${describeRow(cell)}：年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余`);
          out.push(withOutflow(check, cell, spent, table));
        }
      }
      if (cell.column.key === 'total') {
        const basicKeys = has('basic', scope, basis, year) ? ['basic'] : ['personnel', 'public'];
        const spend = [...basicKeys, ...SPEND_PARTS].filter((k) => has(k, scope, basis, year));
        if (spend.length >= 2) {
          const parts = spend.flatMap((k) => present(k) ?? []);
          out.push(sumCheck('row_identity', table, describeRow(cell), cell, parts, `${describeRow(cell)}：合计 = ${spend.map(measureName).join(' + ')}`));
        }
        const tags = scope ? scope.split(',') : [];
        // The columns one tag narrower than this one (一般公共预算 under 本年收入; 江西's funds and 上年结转 side by side).
        const sub = row.filter((c) => {
          if (c.column.key !== 'total' || c.column.basis !== basis || c.column.year !== year) return false;
          const t = c.column.scope ? c.column.scope.split(',') : [];
          const extra = t.filter((x) => !tags.includes(x));
          return t.length === tags.length + 1 && extra.length === 1 && SPLITS.has(extra[0]!);
        });
        if (sub.length) out.push(sumCheck('fund_identity', table, describeRow(cell), cell, sub, `${describeRow(cell)}：${cell.column.label} = ${sub.map((s) => s.column.label).join(' + ')}`));
      }
    }
  }
  return out;
}

/** The same check with one figure taken away instead of added (the year's spending in a carry-over identity). */
function withOutflow(check: CheckDraft, whole: CellDraft, outflow: CellDraft, table: TableDraft): CheckDraft {
  const actual = (check.actualFen ?? 0) - (outflow.fen ?? 0);
  const tol = tolerance(check.toleranceFen, outflow.precisionFen);
  const passed = Math.abs((whole.fen ?? 0) - actual) <= tol;
  const describe = check.message.split('：').slice(0, 2).join('：');
  return {
    ...check,
    passed,
    actualFen: actual,
    toleranceFen: tol,
    lines: [...new Set([...check.lines, outflow.line])].sort((a, b) => a - b),
    cells: [...check.cells, outflow],
    message: passed ? `${describe}：${show(whole.fen ?? 0, table)} = ${show(actual, table)}` : `${describe}：印有 ${show(whole.fen ?? 0, table)}，按各栏算得 ${show(actual, table)}，相差 ${show((whole.fen ?? 0) - actual, table)}`,
  };
}

function measureName(k: string): string {
  return { basic: '基本支出', personnel: '人员经费', public: '公用经费', project: '项目支出', upper: '上缴上级支出', operating: '经营支出', subsidiary: '对附属单位补助支出' }[k] ?? k;
}

function threePublic(table: TableDraft, cells: CellDraft[]): CheckDraft[] {
  const out: CheckDraft[] = [];
  // Items printed as columns, one row per unit (and a 合计 row): each row adds up on its own.
  const byRow = new Set(cells.filter((c) => c.metric === 'three_public.total').map((c) => `${c.column.year}|${c.column.basis}|${c.column.scope}`)).size < cells.filter((c) => c.metric === 'three_public.total').length;
  const key = (c: CellDraft) => `${c.column.year}|${c.column.basis}|${c.column.scope}${byRow ? `|${c.line}` : ''}`;
  // A table by unit: the 合计 row's figure in each column is the units' sum.
  if (byRow) {
    for (const column of groupBy(cells.filter((c) => c.metric && c.column.key === 'total'), columnId).values()) {
      const total = column.find((c) => c.unitName === null);
      const units = column.filter((c) => c.unitName !== null);
      if (total && units.length) out.push(sumCheck('table_total', table, total.rowLabel, total, units, `${total.rowLabel}（${total.column.label}）= 各单位之和`));
    }
  }
  for (const group of groupBy(cells.filter((c) => c.metric && c.column.key === 'total'), key).values()) {
    // The first printed figure of each metric is the one its parts add up to.
    for (const whole of group.filter((c, i) => group.findIndex((d) => d.metric === c.metric) === i)) {
      const parts = metric(whole.metric!).parts.flatMap((k) => group.find((c) => c.metric === k) ?? []);
      if (parts.length) out.push(sumCheck('three_public', table, metric(whole.metric!).name, whole, parts, `${whole.column.year}年${metric(whole.metric!).name} = ${parts.map((p) => metric(p.metric!).name).join(' + ')}`));
    }
  }
  return out;
}

/** Unit subtotals printed before their projects, group rows over their children, 合计 over all. */
function projectSums(table: TableDraft, cells: CellDraft[]): CheckDraft[] {
  const out: CheckDraft[] = [];
  for (const column of groupBy(cells, columnId).values()) {
    const ordered = [...column].sort((a, b) => a.line - b.line);
    const topProjects = ordered.filter((c) => c.project && !c.project.parent);
    for (const total of ordered.filter((c) => c.level === 'total')) {
      if (topProjects.length) out.push(sumCheck('table_total', table, '合计', total, topProjects, `${table.region.name}合计（${total.column.label}）= 各项目之和`));
    }
    ordered.forEach((cell, i) => {
      if (cell.level !== 'unit') return;
      const block: CellDraft[] = [];
      for (const next of ordered.slice(i + 1)) {
        if (next.level === 'unit' || next.level === 'total' || next.level === 'group') break;
        if (next.project && !next.project.parent) block.push(next);
      }
      if (block.length) out.push(sumCheck('unit_subtotal', table, cell.rowLabel, cell, block, `${cell.unitName ?? cell.rowLabel}小计（${cell.column.label}）= 所列项目之和`));
    });
    for (const parent of new Set(ordered.flatMap((c) => (c.project?.parent ? [c.project.parent] : [])))) {
      const own = ordered.find((c) => c.project === parent);
      const kids = ordered.filter((c) => c.project?.parent === parent);
      if (own) out.push(sumCheck('project_hierarchy', table, parent.name, own, kids, `${parent.name}（${own.column.label}）= 下属项目之和`));
    }
  }
  return out;
}

const TOP_LEVEL = /^[一二三四五六七八九十]+[、.．]/;

/**
 * 收入总计 = 支出总计 for every expenditure column; 收入总计 = 本年收入合计 + 上年结转;
 * 支出总计 = 本年支出合计 + 年终结转结余.
 */
function balance(table: TableDraft, cells: CellDraft[]): CheckDraft[] {
  const out: CheckDraft[] = [];
  const main = cells.filter((c) => !c.column.scope.split(',').some((t) => t === 'gp' || t === 'gf' || t === 'sc'));
  const one = (metric: string) => main.filter((c) => c.metric === metric);
  const income = one('income.grand_total')[0];
  for (const exp of one('expenditure.grand_total')) {
    if (!income) continue;
    const tol = tolerance(income.precisionFen, exp.precisionFen);
    const passed = Math.abs((income.fen ?? 0) - (exp.fen ?? 0)) <= tol;
    out.push({
      rule: 'balance',
      table,
      subject: `${income.rowLabel} / ${exp.rowLabel}`,
      passed,
      expectedFen: income.fen,
      actualFen: exp.fen,
      toleranceFen: tol,
      lines: [...new Set([income.line, exp.line])],
      cells: [income, exp],
      facts: [],
      message: `${income.rowLabel} ${show(income.fen ?? 0, table)} ${passed ? '=' : '≠'} ${exp.rowLabel}（${exp.column.label}）${show(exp.fen ?? 0, table)}`,
    });
  }
  // Each side's top-level rows (一、二、…) add up to its 本年合计 in the same column — when the side
  // has one label column (莲湖 prints its spending three ways side by side under one header).
  for (const [side, metric] of [['收入', 'income.current_total'], ['支出', 'expenditure.current_total']] as const) {
    const wholes = one(metric);
    if (new Set(wholes.map((c) => c.line)).size < wholes.length) continue;
    for (const whole of wholes) {
      const parts = main.filter((c) => c.side === side && columnId(c) === columnId(whole) && c.line < whole.line && TOP_LEVEL.test(c.rowLabel));
      if (parts.length) out.push(sumCheck('balance', table, whole.rowLabel, whole, parts, `${whole.rowLabel}（${whole.column.label}）= ${side}各项之和`));
    }
  }
  for (const [total, current, carry, text] of [
    ['income.grand_total', 'income.current_total', 'income.carryover', '收入总计 = 本年收入合计 + 上年结转'],
    ['expenditure.grand_total', 'expenditure.current_total', 'expenditure.carry_forward', '支出总计 = 本年支出合计 + 年终结转结余'],
  ] as const) {
    for (const whole of one(total)) {
      const sameColumn = (c: CellDraft) => columnId(c) === columnId(whole);
      const year = one(current).find(sameColumn);
      if (year) out.push(sumCheck('balance', table, text, whole, [year, ...one(carry).filter(sameColumn)], text));
    }
  }
  return out;
}

/**
 * A 绩效 table's task list (年度主要任务): per task, 总额 = 财政拨款 + 其他资金; its 金额合计 row =
 * the tasks' sum per column; and a printed 项目执行率 = 项目执行金额 ÷ 项目下达金额, to the rounding printed.
 */
function taskLists(table: TableDraft, cells: CellDraft[]): CheckDraft[] {
  const out: CheckDraft[] = [];
  const tasks = cells.filter((c) => c.column.key === 'task' && c.valueKind === 'money');
  const rows = groupBy(tasks, (c) => String(c.line));
  const isTotalRow = (row: CellDraft[]) => /合计|总计/.test(row[0]!.rowLabel);
  for (const row of rows.values()) {
    const whole = row.find((c) => /总额|^合计$|^小计$/.test(c.column.label));
    const parts = row.filter((c) => c !== whole && /财政拨款|其他资金|非财政/.test(c.column.label) && !c.column.subset);
    if (whole && parts.length) out.push(sumCheck('row_identity', table, describeRow(whole), whole, parts, `${describeRow(whole)}：${whole.column.label} = ${parts.map((p) => p.column.label).join(' + ')}`));
  }
  const lists = [...rows.values()];
  for (const total of lists.filter(isTotalRow).flat()) {
    const parts = lists.filter((r) => !isTotalRow(r)).flatMap((r) => r.filter((c) => c.column.label === total.column.label && c.line < total.line));
    if (parts.length) out.push(sumCheck('table_total', table, total.rowLabel, total, parts, `${total.rowLabel}（${total.column.label}）= 各项任务之和`));
  }
  for (const rate of table.owners.flatMap((o) => o.taskRates)) {
    const row = rows.get(String(rate.line)) ?? [];
    const budget = row.find((c) => /下达|预算/.test(c.column.label));
    const spent = row.find((c) => /执行/.test(c.column.label) && !/率/.test(c.column.label));
    const printed = parseNumber(rate.text);
    if (!budget || !spent || !budget.fen || spent.fen === null || !printed) continue;
    // The rate and both amounts are rounded as printed: the check passes when their ranges meet.
    const half = (c: CellDraft) => (c.precisionFen ?? 1) / 2;
    const low = (100 * (spent.fen - half(spent))) / (budget.fen + half(budget));
    const high = (100 * (spent.fen + half(spent))) / (budget.fen - half(budget));
    const value = toValue(printed);
    const slack = 0.5 * 10 ** -printed.fraction.length + 1e-9;
    const passed = value + slack >= low && value - slack <= high;
    out.push({
      rule: 'row_identity',
      table,
      subject: describeRow(budget),
      passed,
      expectedFen: null,
      actualFen: null,
      toleranceFen: 0,
      lines: [rate.line],
      cells: [budget, spent],
      facts: [],
      message: `${describeRow(budget)}：执行率 ${rate.text} ${passed ? '=' : '≠'} ${show(spent.fen, table)} ÷ ${show(budget.fen, table)}`,
    });
  }
  return out;
}

/**
 * A row printing two years and their difference (上年 | 本年 | 增减额 | 增减幅度): 本年 − 上年 = 增减额,
 * and 增减幅度 = 增减额 ÷ 上年 to the rounding printed.
 */
function yearOnYear(table: TableDraft, cells: CellDraft[]): CheckDraft[] {
  const out: CheckDraft[] = [];
  for (const row of groupBy(table.cells.filter((c) => c.raw !== ''), rowOf(table)).values()) {
    const change = row.find((c) => c.column.key === 'change' && c.valueKind === 'money' && c.column.part === null && cells.includes(c));
    const years = row.filter((c) => c.column.key === 'total' && c.valueKind === 'money' && c.column.part === null && cells.includes(c)).sort((a, b) => a.column.year - b.column.year);
    const [earlier, later] = [years[0], years.at(-1)];
    if (!change || !earlier || !later || earlier.column.year === later.column.year) continue;
    const check = sumCheck('row_identity', table, describeRow(change), change, [later], `${describeRow(change)}：增减额 = ${later.column.year}年 − ${earlier.column.year}年`);
    out.push(withOutflow(check, change, earlier, table));
    const rate = row.find((c) => c.column.key === 'change_rate' && c.valueKind === 'percent');
    const printed = rate ? parseNumber(rate.raw.replace('%', '')) : null;
    if (!rate || !printed || !earlier.fen) continue;
    const exact = (100 * (change.fen ?? 0)) / earlier.fen;
    const passed = Math.abs(exact - toValue(printed)) <= 0.5 * 10 ** -printed.fraction.length + 1e-9;
    out.push({
      rule: 'row_identity',
      table,
      subject: describeRow(rate),
      passed,
      expectedFen: null,
      actualFen: null,
      toleranceFen: 0,
      lines: [rate.line],
      cells: [change, earlier],
      facts: [],
      message: `${describeRow(rate)}：增减幅度 ${rate.raw} ${passed ? '=' : '≠'} ${show(change.fen ?? 0, table)} ÷ ${show(earlier.fen, table)}`,
    });
  }
  return out;
}

/**
 * A 绩效自评表's scores: the indicators' 分值 (and the execution row's) add up to the printed total
 * weight, their 得分 to the 总分, or to the 指标自评得分小计 where one is printed. Scores, never money.
 */
function scoreSums(table: TableDraft): CheckDraft[] {
  const out: CheckDraft[] = [];
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.011;
  const check = (subject: string, whole: number, parts: number[], lines: number[], cells: CellDraft[], what: string): CheckDraft => {
    const actual = Math.round(parts.reduce((a, b) => a + b, 0) * 10000) / 10000;
    const passed = near(whole, actual);
    return { rule: 'score_sum', table, subject, passed, expectedFen: null, actualFen: null, toleranceFen: 0, lines, cells, facts: [], message: `${subject}：${what} ${whole} ${passed ? '=' : '≠'} 各项之和 ${actual}` };
  };
  for (const o of table.owners) {
    const scored = o.targets.filter((t) => t.score !== null);
    if (scored.length === 0) continue;
    const info = o.cells.filter((c) => c.valueKind === 'score' && c.column.key !== 'score');
    const totals = o.cells.filter((c) => c.valueKind === 'score' && c.column.key === 'score');
    const weightTotal = totals.find((c) => c.column.label === '分值');
    const lines = (extra: number[]) => [...new Set([...scored.map((t) => t.line), ...extra])].sort((a, b) => a - b);
    if (weightTotal?.quantity != null) {
      const parts = [...scored.map((t) => t.weight ?? 0), ...info.filter((c) => /分值/.test(c.column.label)).map((c) => c.quantity ?? 0)];
      out.push(check(o.name, weightTotal.quantity, parts, lines([weightTotal.line]), [weightTotal, ...info], '分值合计'));
    }
    const indicators = scored.map((t) => t.score ?? 0);
    if (o.indicatorScore !== null) out.push(check(o.name, o.indicatorScore, indicators, lines([o.scoreLine ?? o.line]), [], '指标自评得分小计'));
    else if (o.totalScore !== null && totals.length) {
      const parts = [...indicators, ...info.filter((c) => /得分/.test(c.column.label)).map((c) => c.quantity ?? 0)];
      out.push(check(o.name, o.totalScore, parts, lines([o.scoreLine ?? o.line]), [...totals, ...info], '总分'));
    }
  }
  return out;
}

function duplicates(table: TableDraft): CheckDraft[] {
  const lines = [...new Set(table.cells.filter((c) => c.flags.includes('duplicate_row')).map((c) => c.line))];
  return lines.map((line) => {
    const row = table.cells.find((c) => c.line === line)!;
    return {
      cells: table.cells.filter((c) => c.line === line),
      facts: [],
      rule: 'duplicate_rows',
      table,
      subject: row.rowLabel,
      passed: false,
      expectedFen: null,
      actualFen: null,
      toleranceFen: 0,
      lines: [line],
      message: `第${line}行“${row.rowLabel}”与上文同一科目同一数字重复（分页重印），不计入核对`,
    };
  });
}

export function withinTableChecks(table: TableDraft): CheckDraft[] {
  if (table.status !== 'parsed') return [];
  const cells = checkable(table.cells);
  return [...byKind(table, cells), ...yearOnYear(table, cells)];
}

function byKind(table: TableDraft, cells: CellDraft[]): CheckDraft[] {
  switch (table.kind) {
    case 'expenditure':
    case 'income':
      return [...hierarchy(table, cells), ...rowIdentities(table, cells), ...duplicates(table)];
    case 'projects':
      return [...projectSums(table, cells), ...rowIdentities(table, cells)];
    case 'three_public':
      return threePublic(table, cells);
    case 'summary':
      return balance(table, cells);
    case 'performance':
      return [...taskLists(table, cells), ...scoreSums(table)];
    default:
      return [];
  }
}
