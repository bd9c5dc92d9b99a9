// 省财政的呢, 中央那个呢 after one of two projects whose names differ by the level of government funding them
// (抚顺 下达城乡居民基本医疗保险补助中央资金 / 下达省财政城乡居民基本医疗保险补助资金): the other one, asked the same.
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import type { StructuredQuery, Target } from '../query/ast.ts';
import type { FollowUpWords } from '../query/follow-up.ts';
import { alternation } from '../query/normalize/words.ts';
import type { Conversation } from './dialog.ts';
import { reply, type Reply } from './reply.ts';
import { resolveScopes } from './resolve.ts';
import type { Sources } from './sources.ts';

const { levels, otherChars } = shapes.references.fundingLevel;
type Level = keyof typeof levels;
const LEVELS = Object.keys(levels) as Level[];
/** The words a project's name says its level with, every level's, longest first (中央财政 before 中央). */
const NAMED = new RegExp(alternation(LEVELS.flatMap((l) => levels[l].named)), 'g');
const LEVEL_OF_WORD = new Map(LEVELS.flatMap((l) => levels[l].named.map((w) => [w, l] as const)));

/** The one level a project's name says (下达省财政…资金 → 省); null when it says none, or more than one. */
function levelOf(name: string): Level | null {
  const said = new Set((name.match(NAMED) ?? []).map((w) => LEVEL_OF_WORD.get(w)!));
  return said.size === 1 ? [...said][0]! : null;
}

/** Whether `short` is `long` with at most `otherChars` characters left out, in order (医疗救助 of 城乡医疗救助). */
function within(short: string, long: string): boolean {
  if (long.length - short.length > otherChars) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * The same question of the project named like the one asked last but for the level typed (the level words taken out,
 * the two names the same, or one the other with at most a couple of characters more: 城乡). Only where exactly one
 * project of the department fits: none is said so, several are offered. Null when the project asked last names no
 * level, or the level typed (the message is then read as a question of its own).
 */
export function siblingByLevel(s: Sources, said: FollowUpWords, c: Conversation | undefined): StructuredQuery | Reply | null {
  const asked = said.level as Level | undefined;
  const q = c?.query;
  const projects = (q?.targets ?? []).filter((t): t is Extract<Target, { kind: 'project' }> => t.kind === 'project');
  if (!asked || !q || q.entities.length !== 1 || q.set || projects.length !== 1) return null;
  const [project] = projects;
  const own = levelOf(project!.name);
  if (own === null || own === asked) return null;
  const scopes = resolveScopes(s.catalog, q);
  if (!Array.isArray(scopes) || scopes.length !== 1) return null;
  const all = s.catalog.projectsOf(scopes[0]!.doc.id);
  const bare = project!.name.replace(NAMED, '');
  const fits = new Map(
    all
      .filter((p) => levelOf(p.name) === asked)
      .filter((p) => {
        const other = p.name.replace(NAMED, '');
        return other.length >= bare.length ? within(bare, other) : within(other, bare);
      })
      .map((p) => [p.nameKey, p]),
  );
  // None, or several: said so, the names offered — never a project of another level, nor one guessed.
  if (fits.size === 0) return reply('not_found', [`${scopes[0]!.entity}的项目中，没有与“${project!.name}”名称只差级次的${asked}级项目。`]);
  if (fits.size > 1) {
    const names = [...fits.values()].map((p) => p.name);
    return reply('ambiguous', [`与“${project!.name}”名称只差级次的${asked}级项目有${names.length}个：${names.join('、')}，问的是哪一个？`], [], names);
  }
  const [sibling] = fits.values();
  const ids = all.filter((p) => p.nameKey === sibling!.nameKey).map((p) => p.id);
  const target: Target = { kind: 'project', name: sibling!.name, ids, text: sibling!.name, fuzzy: false };
  // Of the department: the sibling may be listed under another of its units than the project asked.
  const [entity] = q.entities;
  const entities = entity!.unitId === null || sibling!.unitId === entity!.unitId ? q.entities : [{ ...entity!, unitId: null, name: entity!.department }];
  return { ...q, entities, targets: q.targets.map((t) => (t === project ? target : t)), reference: null };
}
