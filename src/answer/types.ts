// The engine's contract with every front end (CLI, console chat, Telegram).
// The JSON printed by `npm run ask -- --json` is exactly an AskResult without
// the fields marked "not in JSON"; extend it only by adding fields.
import type { Stage } from '../store/schema.ts';

export type AnswerStatus = 'answered' | 'ambiguous' | 'not_found' | 'unsupported';

export interface SourceRef {
  /** The document, e.g. 曲阳县医疗保障局2023年部门预算. */
  document: string;
  /** The table as printed (name and number), or null for prose. */
  table: string | null;
  /** 1-based line in the raw file. */
  line: number;
  /** The raw file under data/raw. */
  file?: string;
  /** The figure exactly as printed there. */
  raw?: string;
}

export interface AnswerItem {
  /** Full name of the unit the figure belongs to. */
  entity: string;
  year: number | null;
  stage: Stage | null;
  label: string;
  /** Money in 元 (exact to the 分), or null when the figure is not money. */
  amount_yuan: number | null;
  /** Non-money facts: a number or text; null for money. */
  value: number | string | null;
  unit: string | null;
  source: SourceRef;
  /** The date a stock stands at (车辆, 人员编制, 固定资产), ISO `2022-12-31`, when the source dates it; else null. */
  as_of: string | null;
  /**
   * How the figure is corroborated: `rule` (a passing 勾稽 rule), `text` (the prose and a table agree), `none`,
   * `contradicted` (a failing check), `unmapped` (its table's columns are confirmed by no identity),
   * `garbled` (printed with characters that are not digits). Added after `as_of`.
   */
  corroboration?: string | null;
  /**
   * A figure computed from the answer's stored figures (a difference, a sum, a share): the operation and the
   * indexes of its inputs in `answers`; its `source` is its first input's, with the formula as `raw`. Null for a stored figure.
   */
  derived?: { op: string; inputs: number[] } | null;
}

/** A follow-up the front end may offer as a button: a label and the question it asks. */
export interface FollowUp {
  label: string;
  question: string;
}

/**
 * What a question left behind for the next one in the same chat, so that
 * “那2022年呢？”, “明细呢” or “北票呢” can continue it. Opaque to front ends.
 */
export interface DialogContext {
  readonly query: unknown;
}

export interface AskResult {
  query: string;
  status: AnswerStatus;
  text: string;
  answers: AnswerItem[];
  suggestions: string[];
  /** not in JSON: follow-up buttons that make sense after this answer. */
  followups?: FollowUp[];
  /** not in JSON: carry into the next ask() of the same conversation. */
  context?: DialogContext;
}

export interface CatalogDocument {
  file: string;
  title: string;
  department: string;
  year: number;
  stage: Stage;
  amount_unit: string;
  tables: number;
  checks_passed: number;
  checks_failed: number;
}

export interface Engine {
  /** Answers one question; never throws for bad input (it answers with a status). */
  ask(text: string, context?: DialogContext): AskResult;
  /** The documents behind the answers, for /list and /about. */
  catalog(): CatalogDocument[];
}
