// The structured query: what a question asks, independent of how it was worded.
import type { Stage } from '../store/schema.ts';
import type { ListTarget } from './lexicon/lexicon.ts';

export type Intent = 'lookup' | 'breakdown' | 'compare' | 'rank' | 'share' | 'list' | 'performance' | 'rate';

export interface EntityRef {
  /** The department (document publisher) the question is about. */
  department: string;
  /** A sub-unit of it, when one was named (抚顺医保中心); null for the department. */
  unitId: number | null;
  name: string;
  text: string;
}

export type Target =
  | { kind: 'metric'; key: string; text: string }
  | { kind: 'subject'; name: string; codes: string[]; text: string }
  | { kind: 'project'; name: string; ids: number[]; text: string; fuzzy: boolean };

export interface StructuredQuery {
  /** The question after normalisation. */
  text: string;
  intent: Intent;
  entities: EntityRef[];
  years: number[];
  stage: Stage | 'both' | null;
  targets: Target[];
  top: number | null;
  ascending: boolean;
  previousYear: boolean;
  listOf: ListTarget | null;
  /** 科目 / 经济分类 were mentioned: rank or list budget subjects, not projects. */
  subjects: boolean;
  /** 来源/出处 was asked: show every source of every figure. */
  sources: boolean;
  /** Words nothing understood (an unknown place, a misspelt project with no close match). */
  unknown: string[];
  /** Projects that matched a misspelt name about equally well, or subjects sharing a code printed cut short. */
  candidates: { kind: 'project' | 'subject'; name: string; ids: number[] }[];
}
