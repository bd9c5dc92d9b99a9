// Whether a document is a 预算 or a 决算, from the words of its title and tables (grammar/tables.json
// `stages`): the title decides when it says; else the tables' titles.
import vocabulary from '../../../grammar/tables.json' with { type: 'json' };
import type { Stage } from '../../store/schema.ts';

const FINAL = new RegExp(vocabulary.stages['决算']);
const BUDGET = new RegExp(vocabulary.stages['预算']);

/** The stage, or null when neither the title nor the tables say. */
export function stageOf(title: string, tables: string): Stage | null {
  if (FINAL.test(title) || (!BUDGET.test(title) && FINAL.test(tables))) return '决算';
  return BUDGET.test(title + tables) ? '预算' : null;
}
