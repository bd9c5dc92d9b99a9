// The database's typed shape. Every other stage imports its row types from here,
// so a column added in migrations.ts is added here too and the compiler finds
// every place that must learn about it.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export type Stage = '预算' | '决算';
export type AmountUnit = '元' | '万元';

/** What kind of table a region is; decides which parser reads it. */
export type TableKind =
  | 'summary' // 收支总表 / 财政拨款收支总表: label–amount pairs on an income and an expenditure side
  | 'income' // 收入总表 / 收入决算表
  | 'expenditure' // 支出总表, 一般公共预算支出表, 支出功能/经济分类表, 基本支出表…: rows keyed by subject code
  | 'three_public' // “三公”经费表
  | 'projects' // 项目支出表, 专项业务经费表, 政府采购表, 债务/购买服务表
  | 'performance' // 绩效目标表, 绩效自评表
  | 'meetings' // 会议费培训费明细表
  | 'assets' // 固定资产占用情况表
  | 'units' // 预算单位构成, 机构设置情况
  | 'toc' // 目录
  | 'unknown'; // table-like text the ingest could not classify: reported, never used for answers

export type TableStatus =
  | 'parsed'
  | 'empty' // printed without any figure (often with a note saying so)
  | 'fragment' // a truncated page piece (e.g. “项目支出预”) with headers only
  | 'misaligned' // figures whose columns cannot be matched to the header: stored, flagged, not used for answers
  | 'unclassified';

/** Money (in 分), a count (人, 辆, 批次), a percentage printed in a table (增减幅度, 执行率) or a score (分值, 得分: never money). */
export type ValueKind = 'money' | 'count' | 'percent' | 'score';

/**
 * How a stored figure is corroborated (set by src/ingest/checks/corroboration.ts):
 * - `rule`: a passing 勾稽 rule it takes part in (a sum, a row identity, the same figure in another table);
 * - `text`: the prose states the same figure (a passing text_vs_table check), and no rule covers it;
 * - `none`: no check involves it — printed once, nothing to compare with;
 * - `contradicted`: a failing check involves it and no independent agreement clears it (`check_id` is that check);
 * - `unmapped` (table figures): its table has several money columns and no identity confirms which column is which.
 */
export type Corroboration = 'rule' | 'text' | 'none' | 'contradicted' | 'unmapped';

/** Whether an identity confirms a table's columns: every money column (`confirmed`), some (`partial`), none (`unconfirmed`), or one money column only (`single`). */
export type ColumnMapping = 'confirmed' | 'partial' | 'unconfirmed' | 'single';

export interface DocumentsTable {
  id: Generated<number>;
  file: string;
  sha256: string;
  title: string;
  department: string;
  province: string | null;
  city: string | null;
  county: string | null;
  /** GB/T 2260 code of the most specific division the department's name determines (211381 北票市); null when none or several fit. */
  division_code: string | null;
  fiscal_year: number;
  stage: Stage;
  amount_unit: AmountUnit;
  line_count: number;
  ingested_at: string;
  /** The last line of a document cut off mid-table (the file ends inside a table that is not complete); null when whole. */
  truncated_at: number | null;
  /** Why the ingest thinks so, as reported (`公开05表 合计 1,459.71 万元 but its printed rows add up to 1,350.67 万元`). */
  truncation: string | null;
}

/** The department and the sub-units that appear in a document. */
export interface UnitsTable {
  id: Generated<number>;
  document_id: number;
  code: string | null;
  name: string;
  role: 'department' | 'subunit';
  line: number;
  raw_text: string;
}

/** One table as printed: possibly several page segments with repeated headers. */
export interface SourceTablesTable {
  id: Generated<number>;
  document_id: number;
  kind: TableKind;
  name: string;
  number: string | null;
  amount_unit: AmountUnit;
  line_start: number;
  line_end: number;
  status: TableStatus;
  note: string | null;
  /** Whether identities confirm which money column is which; null for tables without figures. */
  mapping: ColumnMapping | null;
}

export interface TableSegmentsTable {
  id: Generated<number>;
  table_id: number;
  line_start: number;
  line_end: number;
}

/** One printed figure: a (table row, column) cell, with where it came from. */
export interface LineItemsTable {
  id: Generated<number>;
  document_id: number;
  table_id: number;
  unit_id: number | null;
  project_id: number | null;
  line: number;
  row_label: string;
  classification: string;
  side: '收入' | '支出' | null;
  subject_code: string | null;
  subject_name: string | null;
  level: string | null;
  parent_code: string | null;
  alt_code: string | null;
  alt_name: string | null;
  metric: string | null;
  column_key: string;
  column_label: string;
  scope: string;
  basis: Stage;
  year: number;
  value_kind: ValueKind;
  amount_fen: number | null;
  quantity: number | null;
  precision_fen: number | null;
  raw_text: string;
  flags: string;
  /** The date the figure stands at when its table prints one (`截止时间：2022-12-31`), ISO; else null. */
  as_of: string | null;
  corroboration: Generated<Corroboration>;
  /** The check behind `corroboration`: the failing one when contradicted, else a passing one; null for none/unmapped. */
  check_id: number | null;
  /** What a 政府采购 row buys as its 规格型号 / 购买服务内容 column prints it (SD-WAN服务), beside the item in its label; else null. */
  specification: string | null;
}

export interface ProjectsTable {
  id: Generated<number>;
  document_id: number;
  unit_id: number | null;
  parent_id: number | null;
  name: string;
  name_key: string;
  description: string | null;
  /** The first table printing it; null for a project named only in the prose. */
  table_id: number | null;
  line: number;
  raw_text: string;
}

/** A block of a 绩效目标表 or 绩效自评表: whose targets they are, and the totals. */
export interface PerformanceOwnersTable {
  id: Generated<number>;
  document_id: number;
  /** Null for goals stated in the prose. */
  table_id: number | null;
  owner_kind: 'unit' | 'project';
  name: string;
  unit_id: number | null;
  project_id: number | null;
  goal: string | null;
  /** The line printing the goal; null without one. */
  goal_line: number | null;
  outcome: string | null;
  indicator_score: number | null;
  execution_score: number | null;
  deduction: number | null;
  total_score: number | null;
  /** The line printing the total score (绩效自评总得分 / 总评价得分). */
  score_line: number | null;
  execution_rate: string | null;
  line: number;
}

export interface PerformanceTargetsTable {
  id: Generated<number>;
  owner_id: number;
  document_id: number;
  /** Null for indicators stated in the prose. */
  table_id: number | null;
  line: number;
  level1: string | null;
  level2: string | null;
  level3: string;
  description: string | null;
  operator: string | null;
  target_value: string | null;
  target_number: number | null;
  target_unit: string | null;
  deadline: string | null;
  actual_value: string | null;
  /** The 实际完成值's number and unit (271, 家), null when it is text (达到预期). */
  actual_number: number | null;
  actual_unit: string | null;
  completion: string | null;
  weight: number | null;
  score: number | null;
  basis: string | null;
  raw_text: string;
}

/** A 内设机构 the text lists by name (沈阳: 1. 办公室 … 14. 公共业务服务部): its place in the list and its line. */
export interface InternalDepartmentsTable {
  id: Generated<number>;
  document_id: number;
  ordinal: number;
  name: string;
  line: number;
}

/** A headcount the text states of the people a figure is spent on (全市 73 名离休干部): the people, the count, its line. */
export interface HeadcountsTable {
  id: Generated<number>;
  document_id: number;
  people: string;
  count: number;
  /** 名, 人, 人次 as printed. */
  unit: string;
  line: number;
  raw_text: string;
}

/** A unit the text names as the department's own with its kind (下属参公事业单位西安市莲湖区医疗保险经办中心), at its line. */
export interface SubordinateUnitsTable {
  id: Generated<number>;
  document_id: number;
  name: string;
  /** The kind as printed (参公事业单位, 事业单位). */
  kind: string;
  line: number;
  raw_text: string;
}

/** A figure stated only (or also) in the prose: “三公”经费, 机关运行经费, 车辆, 编制… */
export interface NarrativeFactsTable {
  id: Generated<number>;
  document_id: number;
  line: number;
  metric: string;
  /** What the number says about the metric: its amount, a count, a share of a total, an execution rate, a score. */
  aspect: 'amount' | 'count' | 'share' | 'execution_rate' | 'score';
  label: string;
  subject_code: string | null;
  /** A subject or project named in the sentence (`社会保险经办机构`, `困难群众医疗保障资金`). */
  subject_name: string | null;
  year: number;
  basis: Stage;
  value_kind: 'money' | 'count' | 'percent' | 'score';
  amount_fen: number | null;
  value: number | null;
  unit: string;
  precision_fen: number | null;
  compare_basis: string | null;
  change_direction: string | null;
  change_fen: number | null;
  change_percent: number | null;
  reason: string | null;
  raw_text: string;
  /** The line stating the change (or 持平/不可比), which may follow the figure's own by paragraphs; null without a change. */
  change_line: number | null;
  /** The sentence stating the change, as printed. */
  change_raw_text: string | null;
  /** The date a stock stands at when the sentence states one (`截至 2022 年 12 月 31 日`; `截止上年底` in a 2023 document → 2022-12-31), ISO; else null. */
  as_of: string | null;
  /** `text` (a table prints the same figure), `contradicted` (a table prints another) or `none`; see Corroboration. */
  corroboration: Generated<Corroboration>;
  check_id: number | null;
  /**
   * What the prose reader saw wrong with the number, comma-joined: `garbled_digits` when it is printed with
   * characters that are not digits (OCR `l3.60`, `1e9`) — never answered as plain fact.
   */
  flags: ColumnType<string, string | undefined, string>;
}

/** One run of one consistency rule (勾稽关系). A failure is a finding about the source. */
export interface ChecksTable {
  id: Generated<number>;
  document_id: number;
  table_id: number | null;
  rule: string;
  subject: string;
  passed: number;
  expected_fen: number | null;
  actual_fen: number | null;
  difference_fen: number | null;
  tolerance_fen: number | null;
  lines: string;
  message: string;
  /** Why a check fails when the source is not to blame: `truncated` (the document breaks off in its table); else null. */
  cause: string | null;
}

/** How the database was built: the fingerprint of the ingest code and vocabulary. */
export interface BuildInfoTable {
  key: string;
  value: string;
}

/** A start-up artefact (src/query/artefacts.ts): JSON built at ingest by the code whose fingerprint it carries. */
export interface StartupArtefactsTable {
  key: string;
  fingerprint: string;
  value: string;
}

/** A document's ingest report as printed (but the heading naming its file), and its summary (src/ingest/report.ts DocumentSummary) as JSON. */
export interface IngestReportsTable {
  document_id: number;
  summary: string;
  report: string;
}

export interface Database {
  documents: DocumentsTable;
  units: UnitsTable;
  source_tables: SourceTablesTable;
  table_segments: TableSegmentsTable;
  line_items: LineItemsTable;
  projects: ProjectsTable;
  performance_owners: PerformanceOwnersTable;
  performance_targets: PerformanceTargetsTable;
  narrative_facts: NarrativeFactsTable;
  internal_departments: InternalDepartmentsTable;
  headcounts: HeadcountsTable;
  subordinate_units: SubordinateUnitsTable;
  checks: ChecksTable;
  build_info: BuildInfoTable;
  startup_artefacts: StartupArtefactsTable;
  ingest_reports: IngestReportsTable;
}

export type DocumentRow = Selectable<DocumentsTable>;
export type UnitRow = Selectable<UnitsTable>;
export type SourceTableRow = Selectable<SourceTablesTable>;
export type LineItemRow = Selectable<LineItemsTable>;
export type ProjectRow = Selectable<ProjectsTable>;
export type PerformanceOwnerRow = Selectable<PerformanceOwnersTable>;
export type PerformanceTargetRow = Selectable<PerformanceTargetsTable>;
export type NarrativeFactRow = Selectable<NarrativeFactsTable>;
export type InternalDepartmentRow = Selectable<InternalDepartmentsTable>;
export type HeadcountRow = Selectable<HeadcountsTable>;
export type SubordinateUnitRow = Selectable<SubordinateUnitsTable>;
export type CheckRow = Selectable<ChecksTable>;

export type NewDocument = Insertable<DocumentsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type NewSourceTable = Insertable<SourceTablesTable>;
export type NewLineItem = Insertable<LineItemsTable>;
export type NewProject = Insertable<ProjectsTable>;
export type NewPerformanceOwner = Insertable<PerformanceOwnersTable>;
export type NewPerformanceTarget = Insertable<PerformanceTargetsTable>;
export type NewNarrativeFact = Insertable<NarrativeFactsTable>;
export type NewCheck = Insertable<ChecksTable>;
