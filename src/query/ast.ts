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
  /** asRead: the spelling a typo was read as (三公经废 → 三公经费), said in the answer. */
  | { kind: 'metric'; key: string; text: string; asRead?: string }
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
  /** A ranking asked with 得分/自评/绩效: rank the projects' self-evaluation scores, not their money. */
  byScore?: boolean;
  /** 科目 / 经济分类 were mentioned: rank or list budget subjects, not projects. */
  subjects: boolean;
  /** 来源/出处 was asked: show every source of every figure. */
  sources: boolean;
  /** Words nothing understood (an unknown place, a misspelt project with no close match). */
  unknown: string[];
  /**
   * Projects that matched a misspelt or loose name about equally well, subjects sharing a code printed
   * cut short, or a subject and a project of one name with different figures; text is the word typed.
   */
  candidates: { kind: 'project' | 'subject'; name: string; ids: number[]; text: string }[];
}
