// 北票的项目都是满分吗, 项目是不是都超过1万元, 执行率全都在80%以上了吗: whether every project meets the bound typed
// (shapes.json every). The question is read without its asking words as the list held to the bound; the answer says
// 是/否 over all of them, then those not meeting it.
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import words from '../../grammar/words.json' with { type: 'json' };
import type { StructuredQuery } from './ast.ts';
import { alternation } from './normalize/words.ts';

const { asked, words: totality, final, all, howMuch } = shapes.every;
// The projects listed, then (after any measure typed: 执行率, 得分) the asking words and the totality word before the bound.
const EVERY = new RegExp(`^(.*(?:${alternation(words.listTargets.projects)})[^哪都全]{0,8}?)(${alternation(asked)})?(?:${alternation(totality)})(?!部项目|年|额)(.+?)((?:${alternation(final)})*)$`);

/** The question without the words asking whether all do (项目都是满分吗 → 项目是满分), or null when it is no such question. */
export function everyOf(typed: string): string | null {
  if (typeof typed !== 'string' || typed.length > 200) return null;
  const m = EVERY.exec(typed.trim());
  // Asked either by 是不是 before the totality word or by the particle ending the question; 哪些项目都… lists, asks nothing.
  if (!m || (!m[2] && !m[4]) || /[哪谁]/.test(typed)) return null;
  return `${m[1]}${m[3]}`;
}

/** The list read from it qualifies when it is the projects of departments named, held to one bound and nothing else. */
export function everyQuery(q: StructuredQuery): StructuredQuery | null {
  const [c] = q.conditions;
  if (!c || q.conditions.length !== 1 || q.listOf !== 'projects' || q.entities.length === 0 || q.set || q.within || q.targetBound) return null;
  if (q.arithmetic || q.reference || q.check || q.top !== null || q.countAsked || q.candidates.length > 0 || q.unknown.length > 0) return null;
  return { ...q, conditions: [], every: c };
}

// 抚顺全部项目花了多少: all the projects, then an amount asked at the end of the question.
const ALL_PROJECTS = new RegExp(`(?:${alternation(all)})(?:${alternation(words.listTargets.projects)})[^哪几各]*(?:${alternation(howMuch)})[\\s?？。]*$`);

/** 抚顺全部项目花了多少: the projects of a department listed are asked as their sum; null when it is not such a question. */
export const allAsked = (typed: string): boolean => typeof typed === 'string' && typed.length < 200 && ALL_PROJECTS.test(typed);

/** The list read from such a question, asked as the sum of its projects (the list answer adds them up, or says why not). */
export function allSummed(q: StructuredQuery): StructuredQuery | null {
  if (q.intent !== 'list' || q.listOf !== 'projects' || q.entities.length !== 1 || q.arithmetic || q.conditions.length || q.countAsked || q.set) return null;
  return { ...q, arithmetic: { op: 'sum', direction: null, text: '全部项目', count: null } };
}
