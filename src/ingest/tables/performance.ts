// 绩效目标表 and 绩效自评表. A table holds one or more blocks, each opened by a
// row naming its owner (项目(政策)名称 / 部门（单位）名称), or — when no such
// row is printed (曲阳) — named by the table title. Indicator rows are read by
// their content rather than their columns, because the seeds shift them freely:
// the operator (=, >=, ≥…) or the deadline anchors the target value; what comes
// before is 一级/二级/三级指标 (missing levels carry over from the rows above);
// in a 自评表 the last four cells are 全年完成值, 完成程度, 分值, 得分.
import { describeColumn } from '../layout/columns.ts';
import type { TableRegion } from '../layout/regions.ts';
import type { Line } from '../layout/lines.ts';
import { newTarget, type CellDraft, type OwnerDraft, type ParseContext, type TableDraft, type TargetDraft } from '../model.ts';
import { labelKey, squeezeCjkSpaces, stripOrdinal } from '../text/cjk.ts';
import { metricForLabel } from '../../store/metrics.ts';
import { parseFigure, parseNumber, toFen, precisionFen, toValue } from '../text/numbers.ts';
import type { AmountUnit } from '../../store/schema.ts';
import { emptyRow, plainNumber } from './cells.ts';
import { parseWideTargets } from './targets-wide.ts';

const OPERATORS = new Set(['=', '＝', '>=', '<=', '>', '<', '≥', '≤', '不晚于', '不低于', '不高于', '不少于', '不多于', '不超过']);
const LEVEL1 = new Set(['产出指标', '效益指标', '满意度指标', '履职效能', '管理效率', '运行成本', '社会效应', '可持续性', '预算执行']);
const SECTION = /^(年度)?绩效指标$/;
const DEADLINE = /^\d{4}-\d{1,2}$|^\d{4}年\d{1,2}月$/;
const OWNER = /^(项目[（(]政策[)）]名称|项目名称|部门[（(]单位[)）]名称)$/;
const EMBEDDED_OP = /^(>=|<=|≥|≤|>|<|=)\s*(.+)$/;
/** A full-width ＝ is the = it prints. */
const operatorOf = (printed: string | null) => (printed === '＝' ? '=' : printed);

interface Header {
  description: boolean;
  /** The table has a 完成时限 column: a row without a deadline ends with its value. */
  deadline: boolean;
  selfEvaluation: boolean;
  valueCol: number;
  /**
   * Where a 自评表 prints each part of an indicator row, when its header names them one per column; its 运算符号 and
   * 度量单位 (and 完成程度) columns are -1 where the header prints none.
   */
  columns: { level1: number; level2: number; level3: number; value: number; actual: number; weight: number; score: number; operator: number; unit: number; completion: number } | null;
  /**
   * Where a 目标表 prints 一级 | 二级 | 三级指标 | 指标值 when its header names them in another order: the
   * rows are read by those columns (content alone assumes the template's order).
   */
  reordered: { level1: number; level2: number; level3: number; value: number } | null;
}

function tokensOf(line: Line): string[] {
  return line.cells!.map((c) => squeezeCjkSpaces(c)).filter((c) => c !== '');
}

export function splitValue(value: string): { number: number | null; unit: string | null } {
  const m = /^(-?\d+(?:\.\d+)?)\s*(.*)$/.exec(value.replace(/,/g, ''));
  // `46人；160平方；12批` or `2024年1-12月` are not one number with a unit.
  if (!m || /[\d；;、，]/.test(m[2]!) || m[2]!.length > 6) return { number: null, unit: null };
  return { number: Number(m[1]), unit: m[2]!.trim() || null };
}

/** An owner with nothing read yet: `071001抚顺市医疗保障局本级` → code and name. */
export function ownerOf(cellText: string, kind: OwnerDraft['kind'], line: number): OwnerDraft {
  const m = /^(\d{6})?\s*(.+?)(-\d*)?$/.exec(squeezeCjkSpaces(cellText));
  return {
    kind,
    name: m?.[2] ?? cellText,
    unitName: null,
    code: m?.[1] ?? null,
    goal: null,
    goalLine: null,
    outcome: null,
    indicatorScore: null,
    executionScore: null,
    deduction: null,
    totalScore: null,
    scoreLine: null,
    executionRate: null,
    taskRates: [],
    line,
    targets: [],
    cells: [],
    project: null,
  };
}

/** The owner named by a title like `1、医保基金引入第三方监管经费绩效目标表`. */
function ownerFromTitle(region: TableRegion, ctx: ParseContext, line: number): OwnerDraft {
  if (/整体/.test(region.name)) return ownerOf(ctx.department, 'unit', line);
  const name = stripOrdinal(region.name).replace(/\s*绩效(目标|自评)表$/, '');
  return ownerOf(name, 'project', line);
}

export function parsePerformance(table: TableDraft, region: TableRegion, ctx: ParseContext): void {
  if (!parseWideTargets(table, region, ctx)) parseBlocks(table, region, ctx);
  for (const o of table.owners) o.targets = o.targets.flatMap(splitCombined);
}

/** Parts of one cell, and of the value beside it, are split by the same mark (莲湖 `工作人员；办公面积；…`). */
const PART_SEPARATORS = ['；', ';'];

/**
 * A row printing several indicators in one cell and their values in the next, in the same order
 * (莲湖 line 781 `工作人员；办公面积；相关办公用品购置批数` | `46人；160平方；12批`): one indicator per part, so
 * each is asked and answered alone. Only where the names and values pair up one to one by one separator;
 * otherwise (two names, three values: a total and its parts) the row stays as printed. A 自评表 row (a 完成值,
 * a score) is never split: its one score cannot be shared out; nor is a row whose operator was read off it,
 * which part it governs being unknown. 、 is no separator: it joins words inside one name (三公、公用经费控制率).
 */
export function splitCombined(target: TargetDraft): TargetDraft[] {
  if (target.actualValue !== null || target.score !== null || target.operator !== null || !target.targetValue) return [target];
  for (const mark of PART_SEPARATORS) {
    const names = target.level3.split(mark).map((x) => x.trim());
    const values = target.targetValue.split(mark).map((x) => x.trim());
    if (names.length < 2 || names.length !== values.length || [...names, ...values].some((x) => x === '')) continue;
    return names.map((name, i) => ({ ...target, level3: name, ...partRead(withoutOwnName(values[i]!, name), name) }));
  }
  return [target];
}

/** Labels a part's value may print before its number: a total (合计46人), or the part's name said longer (临聘 | 临聘人员32人). */
const TOTAL_LABEL = /^(?:合计|总计|共计|小计|共)$/;

/**
 * A split part's value: read as any value, and where that finds no number, a label (a total, or the part's name or
 * a longer form of it) printed before a number and its unit (`合计46人`, `临聘人员32人`) gives that number and unit,
 * the value kept as printed. Any other words before a number (较上年增长5%) are no label: the value stays text.
 */
function partRead(value: string, name: string): ReturnType<typeof targetRead> {
  const read = targetRead(value);
  if (read.targetNumber !== null || read.operator !== null) return read;
  const m = /^([^\d\s：:；;、，,.%-]{1,8})[：:]?\s*(\d.*)$/.exec(value);
  if (!m) return read;
  const label = m[1]!;
  if (!TOTAL_LABEL.test(label) && (label.length < 2 || (!label.startsWith(name) && !name.startsWith(label)))) return read;
  const split = splitValue(m[2]!);
  if (split.number === null || split.unit === null) return read;
  return { ...read, targetNumber: split.number, targetUnit: split.unit };
}

/** A value part repeating its indicator's name as a label (`在职：14人` of 在职) is the value after it. */
function withoutOwnName(value: string, name: string): string {
  const m = /^(.+?)[：:]\s*(.+)$/.exec(value);
  return m && m[1] === name ? m[2]! : value;
}

function parseBlocks(table: TableDraft, region: TableRegion, ctx: ParseContext): void {
  let owner: OwnerDraft | null = null;
  let header: Header | null = null;
  let level1: string | null = null;
  let level2: string | null = null;
  let info: InfoColumns = { columns: [], pendingLabel: null, tasks: false, section: null };
  // A block may print its amounts in 万元 whatever the table's unit (`资金金额 (万元)`).
  let unit = table.unit;
  let expectGoal = false;
  const rows = region.segments.flatMap((s) => s.rows);

  const open = (o: OwnerDraft) => {
    owner = o;
    table.owners.push(o);
    header = null;
    level1 = level2 = null;
    info = { columns: [], pendingLabel: null, tasks: false, section: null };
    unit = table.unit;
  };
  const current = (line: number): OwnerDraft => owner ?? (open(ownerFromTitle(region, ctx, line)), owner!);

  for (const line of rows) {
    const tokens = tokensOf(line);
    if (tokens.length === 0) continue;
    const first = tokens[0]!;

    // 项目名称 over figure columns (全年预算数 | 执行率 | 自评得分) heads a list of projects, one per row: no owner's name.
    if (OWNER.test(first) && tokens.slice(1).filter((t) => FIGURE_COLUMN.test(t)).length < 2) {
      const kind = /部门/.test(first) ? 'unit' : 'project';
      if (tokens[1]) open(ownerOf(tokens[1], kind, line.no));
      continue;
    }
    const o = current(line.no);
    if (/一级指标/.test(tokens.join('|')) || /^运算符号?$/.test(first)) {
      header ??= readHeader(line);
      continue;
    }
    if (/^总分$/.test(first)) {
      readTotalRow(table, o, line, header, ctx);
      continue;
    }
    if (/指标自评得分小计|绩效自评总得分|总评价得分/.test(tokens.join('|'))) {
      readScores(o, tokens);
      if (o.totalScore !== null) o.scoreLine ??= line.no;
      continue;
    }
    // 自评表 print the goal under a header row (年初设定目标 | 全年实际完成情况), 目标表 beside its label.
    if (tokens.some((t) => /^年初(设定|总体)目标$/.test(t))) {
      expectGoal = true;
      continue;
    }
    if (expectGoal || /^(总体目标|年度绩效目标|绩效目标|年度总体目标|目标)$/.test(first)) {
      const [goal, outcome] = /目标$/.test(first) ? tokens.slice(1) : tokens;
      o.goal = goal ?? null;
      o.goalLine = goal ? line.no : null;
      o.outcome = outcome ?? null;
      expectGoal = false;
      continue;
    }
    if (!header) {
      const printedUnit = tokens.map(unitNamed).find((u) => u !== null);
      if (printedUnit) unit = printedUnit;
      readInfoRow(table, o, line, tokens, ctx, unit, info);
      continue;
    }
    const target = positionalIndicator(line, header, { level1, level2 }) ?? readIndicator(line, tokens, header, { level1, level2 });
    if (!target) {
      // A lone level word (an empty 时效指标 row) still moves the levels on.
      if (tokens.length === 1 && LEVEL1.has(first)) [level1, level2] = [first, null];
      else if (tokens.length <= 2 && tokens.every((t) => /指标|指$/.test(t))) [level1, level2] = tokens.length === 2 ? [tokens[0]!, tokens[1]!] : [level1, first];
      continue;
    }
    [level1, level2] = [target.level1, target.level2];
    o.targets.push(target);
  }
  // A block printed empty (a blank template) says nothing about anyone.
  table.owners = table.owners.filter((o) => o.targets.length > 0 || o.goal || o.cells.length > 0);
}

/** 产出指标, 数量指标, 服务对象满意度指…: a level's name, never an indicator or a value. */
function isLevelWord(token: string): boolean {
  return LEVEL1.has(token) || /指标$|指$/.test(token);
}

function readHeader(line: Line): Header {
  const cells = line.cells!.map((c) => squeezeCjkSpaces(c));
  const at = (re: RegExp) => cells.findIndex((c) => re.test(c));
  const columns = {
    level1: at(/^一级指标$/),
    level2: at(/^二级指标$/),
    level3: at(/^三级指标$/),
    value: at(/^(年度)?指标值$/),
    actual: at(/^(实际|全年)完成值$/),
    weight: at(/^分值$/),
    score: at(/^得分$/),
  };
  const { level1, level2, level3, value } = columns;
  const named = [level1, level2, level3, value].every((i) => i >= 0);
  return {
    description: cells.some((c) => /绩效指标描述/.test(c)),
    deadline: cells.some((c) => /完成时限/.test(c)),
    selfEvaluation: columns.score >= 0,
    valueCol: columns.value,
    columns: Object.values(columns).every((i) => i >= 0) ? { ...columns, operator: at(/^运算符号?$/), unit: at(/^(度量|计量)单位$/), completion: at(/^完成程度$/) } : null,
    reordered: named && columns.score < 0 && !(level1 < level2 && level2 < level3 && level3 < value) ? { level1, level2, level3, value } : null,
  };
}

/**
 * An indicator row printed under its header's columns (项目支出绩效自评表: … | 年度指标值 | 实际完成值 |
 * 分值 | 得分 | 偏差原因…; 整体绩效自评表: … | 三级指标 | 运算符号 | 指标值 | 度量单位 | …): read by position, the
 * operator and unit from their own columns. Null when the row does not sit under them — its operator printed in
 * another column than the header's 运算符号 (a row printing its levels one column to the left, its 一级指标 under
 * 绩效指标): the seeds shift cells freely, and those rows are read by content.
 */
function positionalIndicator(line: Line, header: Header, levels: { level1: string | null; level2: string | null }): TargetDraft | null {
  if (header.reordered) return reorderedIndicator(line, header.reordered, levels);
  const c = header.columns;
  if (!c) return null;
  const cells = line.cells!.map((x) => squeezeCjkSpaces(x));
  const numberOrBlank = (i: number) => cells[i] === '' || cells[i] === undefined || plainNumber(cells[i]) !== null;
  const level3 = cells[c.level3] ?? '';
  if (!level3 || isLevelWord(level3) || !numberOrBlank(c.weight) || !numberOrBlank(c.score) || plainNumber(cells[c.score]) === null) return null;
  const operatorAt = c.operator >= 0 ? cells.findIndex((x) => OPERATORS.has(x)) : -1;
  if (operatorAt >= 0 && operatorAt !== c.operator) return null;
  const target = indicatorTarget(line, cells[c.level1] || levels.level1, cells[c.level2] || levels.level2, level3, cells[c.value] ?? '');
  const unitCell = c.unit >= 0 ? (cells[c.unit] ?? '') : '';
  if (operatorAt >= 0 && target.operator === null) target.operator = operatorOf(cells[operatorAt]!);
  if (target.targetUnit === null && target.targetNumber !== null && unitCell && unitCell.length <= 6 && parseNumber(unitCell) === null) target.targetUnit = unitCell;
  return {
    ...target,
    ...actualOf(cells[c.actual] || null, target.targetUnit),
    completion: c.completion >= 0 ? cells[c.completion] || null : null,
    targetValue: target.targetValue || null,
    weight: plainNumber(cells[c.weight]),
    score: plainNumber(cells[c.score]),
  };
}

/** A 目标表 indicator row under a header naming its columns in another order: each part from its own column. */
function reorderedIndicator(line: Line, c: NonNullable<Header['reordered']>, levels: { level1: string | null; level2: string | null }): TargetDraft | null {
  const cells = line.cells!.map((x) => squeezeCjkSpaces(x));
  const level3 = cells[c.level3] ?? '';
  const printed = cells[c.value] ?? '';
  if (!level3 || isLevelWord(level3) || !printed || isLevelWord(printed)) return null;
  return indicatorTarget(line, cells[c.level1] || levels.level1, cells[c.level2] || levels.level2, level3, printed);
}

/** A target as a 目标表 prints it: its levels and its value, an operator glued before the value (`≥95%`). */
export function indicatorTarget(line: Line, level1: string | null, level2: string | null, level3: string, printed: string): TargetDraft {
  return newTarget(line.no, line.raw, level3, { level1, level2, ...targetRead(printed) });
}

/** A printed target value: its operator glued before it, its number and unit when it is one. */
function targetRead(printed: string): Pick<TargetDraft, 'operator' | 'targetValue' | 'targetNumber' | 'targetUnit'> {
  const op = EMBEDDED_OP.exec(printed);
  const value = op ? op[2]!.trim() : printed;
  const split = splitValue(value);
  return { operator: op ? op[1]! : null, targetValue: value, targetNumber: split.number, targetUnit: split.unit };
}

/**
 * A 实际完成值 as printed, with its number and unit when it is one (`271家`, `0.3‰`, `90.14万元`); a bare number
 * is in the target's unit (`≥240人次` done `271`). Text (`达到预期`) stays text.
 */
function actualOf(printed: string | null, targetUnit: string | null): Pick<TargetDraft, 'actualValue' | 'actualNumber' | 'actualUnit'> {
  if (!printed) return { actualValue: null, actualNumber: null, actualUnit: null };
  const split = splitValue(EMBEDDED_OP.exec(printed)?.[2]?.trim() ?? printed);
  return { actualValue: printed, actualNumber: split.number, actualUnit: split.number === null ? null : (split.unit ?? targetUnit) };
}

function readScores(o: OwnerDraft, tokens: string[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens.slice(i + 1).find((t) => plainNumber(t) !== null);
    const value = next !== undefined ? plainNumber(next) : null;
    if (/指标自评得分小计/.test(tokens[i]!)) o.indicatorScore = value;
    else if (/预算执行率得分/.test(tokens[i]!)) o.executionScore = value;
    else if (/减分项/.test(tokens[i]!)) o.deduction = value;
    else if (/绩效自评总得分|总评价得分/.test(tokens[i]!)) o.totalScore = value;
  }
}

/** A 总分 row under a 自评表's 分值 | 得分 columns: the weights' sum and the score, both scores (never money). */
function readTotalRow(table: TableDraft, o: OwnerDraft, line: Line, header: Header | null, ctx: ParseContext): void {
  const cells = line.cells!.map((x) => squeezeCjkSpaces(x));
  const numbers = cells.flatMap((c, i) => (plainNumber(c) !== null ? [i] : []));
  const scoreAt = header?.columns && numbers.includes(header.columns.score) ? header.columns.score : numbers.at(-1);
  if (scoreAt === undefined) return;
  o.totalScore = plainNumber(cells[scoreAt]);
  o.scoreLine = line.no;
  for (const i of numbers) {
    const label = i === scoreAt ? '得分' : '分值';
    const cell: CellDraft = {
      ...emptyRow(line.no, cells.find((c) => c !== '') ?? '总分', '绩效'),
      subjectName: o.name,
      column: { key: 'score', label, scope: '', basis: ctx.stage, year: ctx.year, subset: false, part: null },
      valueKind: 'score',
      fen: null,
      quantity: plainNumber(cells[i]),
      precisionFen: null,
      raw: line.cells![i]!.trim(),
      flags: [],
      unitName: o.kind === 'unit' ? o.name : null,
      project: null,
    };
    table.cells.push(cell);
    o.cells.push(cell);
  }
}

/** Money named in a block's info rows: 预算资金情况, 项目预算金额, 全年执行数, task amounts. */
function unitNamed(label: string): AmountUnit | null {
  return /[（(]\s*万元\s*[)）]/.test(label) ? '万元' : /[（(]\s*元\s*[)）]/.test(label) ? '元' : null;
}

/** The figure columns of a block's money rows, by position: a task list's header, or a row of column labels. */
interface InfoColumns {
  columns: { at: number; label: string }[];
  /** The label of the row whose figures are printed on the next line (年度预算申请). */
  pendingLabel: string | null;
  /** The columns are a task list's (年度主要任务): each row is a task. */
  tasks: boolean;
  /** A block of label–figure rows under one heading (项目资金（元） | 年度资金总额 | 2,181,100.00, then | 其中：财政拨款 | …). */
  section: string | null;
}

const FIGURE_COLUMN = /金额|资金|总额|财政拨款|其他资金|执行率|分值|得分|预算数|执行数/;

/** What a project block's money figure is: the amount spent, the budget (a 预算's 资金总额 too), or a part of either. */
function projectMetric(label: string, ctx: ParseContext): string | null {
  if (/其中|其他资金|上年结转/.test(label)) return null;
  if (/执行/.test(label)) return 'project.executed';
  return /预算/.test(label) || (ctx.stage === '预算' && /资金总额|项目资金/.test(label)) ? 'project.budget' : null;
}

function readInfoRow(table: TableDraft, o: OwnerDraft, line: Line, tokens: string[], ctx: ParseContext, blockUnit: AmountUnit, info: InfoColumns): void {
  const first = tokens[0]!;
  const cells = line.cells!.map((c) => squeezeCjkSpaces(c));
  const implementer = tokens.findIndex((t) => t === '实施单位');
  if (implementer >= 0 && tokens[implementer + 1]) o.unitName = tokens[implementer + 1]!.replace(/-+$/, '');
  if (/^(主管部门|实施单位)$/.test(first)) return;
  const labels = (keep: (t: string) => boolean) => cells.flatMap((c, at) => (c && keep(c) ? [{ at, label: c }] : []));
  // The header of the task list: its figure columns, in order.
  if (/主要\s*任务/.test(first) && tokens.some((t) => /对应项目|任务名称/.test(t))) {
    Object.assign(info, { columns: labels((t) => FIGURE_COLUMN.test(t) && !/^项目[（(]?政策/.test(t)), pendingLabel: null, tasks: true, section: null });
    return;
  }
  if (/^金额[（(]万元[)）]$|^预算金额/.test(first) || /^(总额|财政拨款)$/.test(first)) {
    Object.assign(info, { columns: labels(() => true), pendingLabel: null, tasks: true });
    return;
  }
  // A row of column labels (年度预算申请 | 资金总额 | 财政拨款 | 其他资金; 项目资金（万元） | 年初预算数 | … | 得分).
  // The unit may stand in a cell of its own after the label (项目资金 | （万元） | 年初预算数 | …): no column.
  const unitCell = (t: string) => unitNamed(t) !== null && t.replace(/[（(]\s*(?:万元|元)\s*[)）]/, '') === '';
  const rest = tokens.slice(1).filter((t) => !unitCell(t));
  // Columns of words beside the figures (评价等级, 备注) do not stop a row from being the header.
  const overWords = (t: string) => describeColumn([t], ctx).role === 'text';
  const figureColumns = rest.filter((t) => FIGURE_COLUMN.test(t));
  if (figureColumns.length >= 2 && tokens.every((t) => parseNumber(t) === null) && rest.every((t) => FIGURE_COLUMN.test(t) || overWords(t))) {
    const printedUnit = unitNamed(first) ?? tokens.map(unitNamed).find((u) => u !== null);
    Object.assign(info, { columns: labels((t) => t !== first && !unitCell(t)), pendingLabel: printedUnit ? null : first, tasks: false });
    return;
  }
  // A heading before the row's own label (项目资金（元） | 年度资金总额 | 2,181,100.00) holds for the rows under it.
  if (cells[0] !== '' && tokens.length >= 3 && parseNumber(tokens[1]!) === null && parseNumber(tokens[2]!) !== null && info.columns.length === 0) info.section = first;
  else if (cells[0] !== '') info.section = null;
  const section = info.section;
  const isTask = /主要\s*任务/.test(first) || (info.tasks && info.columns.length > 0 && !/[:：]$/.test(first));
  // A dash in a figure column is the zero it stands for.
  const words = tokens.filter((t) => parseFigure(t) === null);
  const taskName = words.filter((t) => !/主要\s*任务|^任务\d+$/.test(t)).at(-1) ?? first;
  const figures = cells.flatMap((c, at) => (parseFigure(c) !== null ? [at] : []));
  // Figures under the header's columns are read by position; a page that shifted them, in order.
  const positional = info.columns.length > 0 && figures.every((at) => info.columns.some((c) => c.at === at));
  const rowLabel = words.length === 0 && info.pendingLabel ? info.pendingLabel : isTask ? taskName : null;
  let label = first;
  let k = 0;
  for (const [at, text] of cells.entries()) {
    const n = parseFigure(text);
    if (n === null) {
      if (text) label = text;
      continue;
    }
    const mapped = positional ? info.columns.find((c) => c.at === at)?.label : info.columns[k]?.label;
    k++;
    // Figures each under a header column are that column's, whatever words the row also prints (a 评价等级 优).
    const column = info.columns.length > 0 && (isTask || rowLabel !== null || words.length <= 1 || positional) ? (mapped ?? '') : (section ?? label);
    if (column && describeColumn([column], ctx).role === 'text') continue;
    const kind = n.percent || /执行率/.test(column) ? 'percent' : /分值|得分/.test(column) ? 'score' : 'money';
    // A dash stands for a zero amount, but for no score or rate at all (a 合计 row is not scored).
    if (kind !== 'money' && /^[-—–－]+$/.test(text.trim())) continue;
    if (kind === 'percent') {
      if (isTask) o.taskRates.push({ line: line.no, text });
      else o.executionRate ??= text;
    }
    const unit = unitNamed(column) ?? blockUnit;
    const fen = kind === 'money' ? toFen(n, unit) : null;
    if (kind === 'money' && fen === null) continue;
    const row = rowLabel ?? (section ? label : info.columns.length > 0 ? (words[0] ?? column) : column);
    const cell: CellDraft = {
      ...emptyRow(line.no, row, '绩效'),
      metric: o.kind === 'project' && !isTask && kind === 'money' ? projectMetric(section ? `${column}/${row}` : column, ctx) : o.kind === 'unit' && !isTask && kind === 'money' ? (metricForLabel(labelKey(row), (m) => m.performanceRow)?.key ?? null) : null,
      subjectName: o.name,
      column: { key: isTask ? 'task' : 'total', label: column, scope: '', basis: /执行/.test(column) ? '决算' : '预算', year: ctx.year, subset: /其中/.test(column) || /^其中/.test(row), part: null },
      valueKind: kind,
      fen,
      quantity: kind === 'money' ? null : toValue(n),
      precisionFen: kind === 'money' ? precisionFen(n, unit) : null,
      raw: text,
      flags: n.repaired ? ['repaired_spaces'] : [],
      unitName: o.kind === 'unit' ? o.name : null,
      project: null,
    };
    table.cells.push(cell);
    o.cells.push(cell);
  }
  if (figures.length) info.pendingLabel = null;
}

function readIndicator(
  line: Line,
  all: string[],
  header: Header,
  levels: { level1: string | null; level2: string | null },
): TargetDraft | null {
  let tokens = all.filter((t, i) => !(i === 0 && SECTION.test(t)));
  if (tokens.length < 2) return null;

  let actual: string | null = null;
  let completion: string | null = null;
  let weight: number | null = null;
  let score: number | null = null;
  if (header.selfEvaluation && tokens.length >= 5) {
    const tail = tokens.slice(-4);
    if (plainNumber(tail[3]) !== null && plainNumber(tail[2]) !== null) {
      [actual, completion] = [tail[0]!, tail[1]!];
      [weight, score] = [plainNumber(tail[2]), plainNumber(tail[3])];
      tokens = tokens.slice(0, -4);
    }
  }

  let operator: string | null = null;
  let value: string | null = null;
  let left: string[];
  let rest: string[] = [];
  const op = tokens.findIndex((t) => OPERATORS.has(t));
  const embedded = tokens.findIndex((t, i) => i > 0 && EMBEDDED_OP.test(t));
  const deadline = tokens.findIndex((t, i) => i > 0 && DEADLINE.test(t));
  if (op > 0) {
    operator = tokens[op]!;
    value = tokens[op + 1] ?? null;
    left = tokens.slice(0, op);
    rest = tokens.slice(op + 2);
  } else if (embedded > 0) {
    const m = EMBEDDED_OP.exec(tokens[embedded]!)!;
    [operator, value] = [m[1]!, m[2]!.trim()];
    left = tokens.slice(0, embedded);
    rest = tokens.slice(embedded + 1);
  } else if (deadline > 1) {
    value = tokens[deadline - 1]!;
    left = tokens.slice(0, deadline - 1);
    rest = tokens.slice(deadline);
  } else if (header.deadline && !header.selfEvaluation && !isLevelWord(tokens.at(-1)!) && !isLevelWord(tokens.at(-2)!)) {
    value = tokens.at(-1)!;
    left = tokens.slice(0, -1);
  } else if (header.valueCol >= 0 && line.cells![header.valueCol]) {
    value = squeezeCjkSpaces(line.cells![header.valueCol]!);
    const at = tokens.indexOf(value);
    left = tokens.slice(0, at);
    rest = tokens.slice(at + 1);
  } else if (header.selfEvaluation && actual !== null) {
    value = tokens.at(-1)!;
    left = tokens.slice(0, -1);
  } else return null;
  if (left.length === 0 || value === null) return null;

  let description: string | null = null;
  if (header.description && left.length >= 2) description = left.pop()!;
  const level3 = left.pop()!;
  let { level1, level2 } = levels;
  if (left.length >= 2) [level1, level2] = [left[0]!, left.slice(1).join('/')];
  else if (left.length === 1) {
    if (LEVEL1.has(left[0]!)) [level1, level2] = [left[0]!, null];
    else level2 = left[0]!;
  }

  let unit: string | null = null;
  let deadlineText: string | null = null;
  let basis: string | null = null;
  for (const t of rest) {
    if (DEADLINE.test(t)) deadlineText = t;
    else if (unit === null && deadlineText === null && t.length <= 6 && !/依据/.test(t)) unit = t;
    else basis ??= t;
  }
  const split = splitValue(value);
  const targetUnit = unit ?? split.unit;
  return newTarget(line.no, line.raw, level3, {
    level1,
    level2,
    description,
    operator: operatorOf(operator),
    targetValue: value,
    targetNumber: split.number,
    targetUnit,
    deadline: deadlineText,
    ...actualOf(actual, targetUnit),
    completion,
    weight,
    score,
    basis,
  });
}
