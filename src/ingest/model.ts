// What the parsers produce for one document, before it gets database ids.
import type { AmountUnit, Stage, TableKind, TableStatus, ValueKind } from '../store/schema.ts';
import type { TableRegion } from './layout/regions.ts';

export interface ParseContext {
  year: number;
  stage: Stage;
  unit: AmountUnit;
  department: string;
}

export interface ColumnRef {
  key: string;
  label: string;
  scope: string;
  basis: Stage;
  year: number;
  /** A “其中” column: never a summand in a check. */
  subset: boolean;
  /** A part of the measure by another classification (本年项目支出 / 资本性支出): never the measure itself. */
  part: string | null;
}

export interface CellDraft {
  line: number;
  rowLabel: string;
  classification: string;
  side: '收入' | '支出' | null;
  subjectCode: string | null;
  subjectName: string | null;
  level: string | null;
  parentCode: string | null;
  altCode: string | null;
  altName: string | null;
  metric: string | null;
  column: ColumnRef;
  valueKind: ValueKind;
  fen: number | null;
  quantity: number | null;
  precisionFen: number | null;
  raw: string;
  flags: string[];
  unitName: string | null;
  project: ProjectDraft | null;
  /** What a 政府采购 row buys as its 规格型号 (or 购买服务内容) prints it (莲湖: SD-WAN服务), beside its item; else absent. */
  specification?: string | null;
}

export interface ProjectDraft {
  /** The table it was first read from (null: named only in the prose). */
  table: TableDraft | null;
  name: string;
  description: string | null;
  unitName: string | null;
  parent: ProjectDraft | null;
  line: number;
  raw: string;
}

export interface TargetDraft {
  line: number;
  level1: string | null;
  level2: string | null;
  level3: string;
  description: string | null;
  operator: string | null;
  targetValue: string | null;
  targetNumber: number | null;
  targetUnit: string | null;
  deadline: string | null;
  /** A 自评表's 实际完成值 as printed (`271家`), and its number and unit when it is one (271, 家). */
  actualValue: string | null;
  actualNumber: number | null;
  actualUnit: string | null;
  completion: string | null;
  weight: number | null;
  score: number | null;
  basis: string | null;
  raw: string;
}

/** An indicator read from its line: every part the reader found, the rest null. */
export function newTarget(line: number, raw: string, level3: string, read: Partial<Omit<TargetDraft, 'line' | 'raw' | 'level3'>> = {}): TargetDraft {
  const none = { level1: null, level2: null, description: null, operator: null, targetValue: null, targetNumber: null, targetUnit: null, deadline: null };
  return { line, level3, ...none, actualValue: null, actualNumber: null, actualUnit: null, completion: null, weight: null, score: null, basis: null, raw, ...read };
}

export interface OwnerDraft {
  kind: 'unit' | 'project';
  name: string;
  /** The 实施单位 a project block names. */
  unitName: string | null;
  code: string | null;
  goal: string | null;
  /** The line printing the goal (总体目标 …), where its numbers are cited; null without a goal. */
  goalLine: number | null;
  outcome: string | null;
  indicatorScore: number | null;
  executionScore: number | null;
  deduction: number | null;
  totalScore: number | null;
  scoreLine: number | null;
  executionRate: string | null;
  /** Execution rates printed on task rows (项目执行率 beside 项目下达金额 and 项目执行金额), checked against them. */
  taskRates: { line: number; text: string }[];
  line: number;
  targets: TargetDraft[];
  /** The money figures printed in the block (预算资金情况, 项目预算金额, task amounts). */
  cells: CellDraft[];
  /** The project a project block is about, once the document's projects are merged. */
  project: ProjectDraft | null;
}

export interface UnitMention {
  name: string;
  code: string | null;
  line: number;
  raw: string;
}

export interface TableDraft {
  region: TableRegion;
  kind: TableKind;
  status: TableStatus;
  note: string | null;
  unit: AmountUnit;
  cells: CellDraft[];
  /** A named row's figure cells printed empty (收支总表 上年结转结余): stored so answers can say so; never a figure, never checked. */
  blanks: CellDraft[];
  projects: ProjectDraft[];
  owners: OwnerDraft[];
  units: UnitMention[];
  /** Subject rows of a summary table's expenditure side in printed order, with or without a figure. */
  labels: { line: number; column: number; name: string }[];
  /** Things the parser saw and could not use, for the ingest report. */
  problems: string[];
  /** Printed transposed (years or 增减 as rows) and read turned back: a row of figures is a printed column. */
  transposed: boolean;
  /** Pieces of subject names printed on lines of their own (a name too long for its cell), joined to their rows once the document is read. */
  wrapped: { line: number; text: string }[];
}

export function newTable(region: TableRegion, kind: TableKind, unit: AmountUnit): TableDraft {
  return { region, kind, status: 'parsed', note: null, unit, cells: [], blanks: [], projects: [], owners: [], units: [], labels: [], problems: [], transposed: false, wrapped: [] };
}
