// 上年结转, 一般公共预算拨款, 财政拨款: words naming a source of funds, read by the patterns the ingest reads table
// headers with (grammar/columns.json scopes), so a question and a column name a source alike.
import columns from '../../grammar/columns.json' with { type: 'json' };
import type { Target } from './ast.ts';

const SCOPES = columns.scopes.filter((s) => s.tag !== 'subset').map((s) => ({ tag: s.tag, pattern: new RegExp(s.pattern) }));

/** The column scope (carry, gp, fiscal …) a target's words name as a source of funds, or null. */
function sourceOf(t: Target): string | null {
  const words = t.text.replace(/\s+/g, '');
  return SCOPES.find((s) => s.pattern.test(words))?.tag ?? null;
}

/**
 * 项目支出中上年结转: the source a part names of a figure of spending, which tables split by source in columns, or
 * null. Income's sources are rows of their own (收入总计中上年结转 is the 上年结转 row), not columns of it.
 */
export function sourceOfPart(whole: Target, part: Target): string | null {
  const income = whole.kind === 'metric' && whole.key.startsWith('income');
  return income || sourceOf(whole) ? null : sourceOf(part);
}
