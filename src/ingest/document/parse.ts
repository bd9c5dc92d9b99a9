// One raw document in, everything the database will hold about it out (before ids).
import { resolveNamedSubjects } from './named-subjects.ts';
import { readLines, type Line } from '../layout/lines.ts';
import { forgetHeaders } from '../layout/columns.ts';
import { findRegions } from '../layout/regions.ts';
import type { OwnerDraft, ParseContext, ProjectDraft, TableDraft, UnitMention } from '../model.ts';
import { extractFacts, type FactDraft } from '../prose/facts.ts';
import { paragraphsOf } from '../prose/paragraphs.ts';
import { readHeadcounts, type HeadcountDraft } from '../prose/headcounts.ts';
import { readInternalDepartments, type InternalDepartmentDraft } from '../prose/internal-departments.ts';
import { readSubordinateUnits, type SubordinateUnitDraft } from '../prose/subordinate-units.ts';
import { readProseGoals } from '../prose/performance.ts';
import { parseTable } from '../tables/index.ts';
import { nameKey, squeezeCjkSpaces } from '../text/cjk.ts';
import { flagGarbledFacts } from '../text/garbled.ts';
import { detectMetadata, type DocumentMeta } from './metadata.ts';
import words from '../../../grammar/words.json' with { type: 'json' };

export interface UnitDraft {
  name: string;
  code: string | null;
  role: 'department' | 'subunit';
  line: number;
  raw: string;
}

export interface DocumentDraft {
  meta: DocumentMeta;
  lines: Line[];
  tables: TableDraft[];
  units: UnitDraft[];
  projects: ProjectDraft[];
  facts: FactDraft[];
  /** Performance goals stated in the prose, printed in no table. */
  owners: OwnerDraft[];
  /** The 内设机构 the text lists by name, in its order. */
  internalDepartments: InternalDepartmentDraft[];
  /** Headcounts the text states of the people a figure is spent on. */
  headcounts: HeadcountDraft[];
  subordinateUnits: SubordinateUnitDraft[];
}

const ORG_LINE = /^[\u4e00-\u9fa5（）()]{2,40}(?:局|中心|所|院|站|办公室)(?:本级|（机关）)?$/;

export function parseDocument(content: string): DocumentDraft {
  forgetHeaders();
  const lines = readLines(content);
  const regions = findRegions(lines);
  const meta = detectMetadata(lines, regions);
  const ctx: ParseContext = { year: meta.year, stage: meta.stage, unit: meta.unit, department: meta.department };
  const tables = regions.map((r) => parseTable(r, ctx));

  resolveNamedSubjects(tables);
  classifyTotalRows(tables);
  const codes = subjectCodes(tables);
  const subjects = subjectNames(codes);
  resolveSummarySubjects(tables, codes);
  const projects = mergeProjects(tables);

  const tableLines = new Set(regions.flatMap((r) => r.segments.flatMap((s) => s.rows.map((row) => row.no))));
  const paragraphs = paragraphsOf(lines, tableLines);
  const facts = extractFacts(paragraphs, ctx, subjects);
  flagGarbledFacts(lines, facts);
  // A department's goals printed in a 整体绩效目标表 are read there; the prose may only restate them.
  const printed = tables.some((t) => t.owners.some((o) => o.kind === 'unit'));
  const owners = printed ? [] : readProseGoals(paragraphs, lines, meta.department, tableLines);

  const mentions: UnitMention[] = [
    ...tables.flatMap((t) => t.units),
    ...tables.flatMap((t) => t.owners.filter((o) => o.kind === 'unit').map((o) => ({ name: o.name, code: o.code, line: o.line, raw: lines[o.line - 1]!.raw }))),
    ...lines.filter((l) => l.cells === null && ORG_LINE.test(squeezeCjkSpaces(l.text))).map((l) => ({ name: squeezeCjkSpaces(l.text), code: null, line: l.no, raw: l.raw })),
  ];
  const deptLine = regions.find((r) => r.department)?.department?.line ?? 1;
  const units = mergeUnits(meta, deptLine, lines, mentions);
  return { meta, lines, tables, units, projects, facts, owners, internalDepartments: readInternalDepartments(lines, tableLines), headcounts: readHeadcounts(lines), subordinateUnits: readSubordinateUnits(lines, tableLines) };
}

/** A 合计 row of a coded table belongs to the classification of the rows it totals. */
function classifyTotalRows(tables: TableDraft[]): void {
  for (const t of tables) {
    const counts = new Map<string, number>();
    for (const c of t.cells) if (c.classification && c.subjectCode) counts.set(c.classification, (counts.get(c.classification) ?? 0) + 1);
    const major = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (major) for (const c of t.cells) if (c.classification === '') c.classification = major;
  }
}

/** Subject names (key) → code per classification, from the coded tables. */
function subjectCodes(tables: TableDraft[]): Map<string, Map<string, string>> {
  const byClass = new Map<string, Map<string, string>>();
  for (const t of tables) {
    for (const c of t.cells) {
      if (!c.subjectCode || !c.subjectName || !c.level || c.level === 'total') continue;
      const names = byClass.get(c.classification) ?? new Map<string, string>();
      if (!names.has(nameKey(c.subjectName))) names.set(nameKey(c.subjectName), c.subjectCode);
      byClass.set(c.classification, names);
    }
  }
  return byClass;
}

/** All classifications' names in one map (the first classification to use a name keeps it), for the prose. */
function subjectNames(byClass: Map<string, Map<string, string>>): Map<string, string> {
  const names = new Map<string, string>();
  for (const list of byClass.values()) for (const [name, code] of list) if (!names.has(name)) names.set(name, code);
  return names;
}

/** Rows of 收支总表 name subjects without codes (`二、卫生健康支出`): give them the code their classification uses. */
function resolveSummarySubjects(tables: TableDraft[], byClass: Map<string, Map<string, string>>): void {
  for (const t of tables) {
    if (t.kind !== 'summary') continue;
    for (const c of t.cells) {
      if (c.subjectName && !c.subjectCode) {
        const code = byClass.get(c.classification)?.get(nameKey(c.subjectName));
        if (code && code.length === 3) c.subjectCode = code;
      }
    }
  }
}

/**
 * One project per (unit, name) in the document, whichever tables print it; a
 * project printed without a unit joins the only same-named project with one.
 * Performance blocks about a project attach to it, or become one.
 */
function mergeProjects(tables: TableDraft[]): ProjectDraft[] {
  const all: ProjectDraft[] = [];
  const byName = new Map<string, ProjectDraft[]>();
  // A group and its child of the same name (莲湖 医保档案管理) are two projects; leaves are preferred.
  const related = (a: ProjectDraft, b: ProjectDraft) => a.parent === b || b.parent === a;
  const isLeaf = (p: ProjectDraft) => !all.some((x) => x.parent === p);
  const register = (p: ProjectDraft): ProjectDraft => {
    const name = nameKey(p.name);
    const same = (byName.get(name) ?? []).filter((x) => !related(x, p));
    const sameUnit = same.filter((x) => x.unitName === p.unitName);
    const found = sameUnit.find(isLeaf) ?? sameUnit[0] ?? (p.unitName === null ? (same.length === 1 ? same[0] : same.filter(isLeaf).length === 1 ? same.find(isLeaf) : undefined) : undefined);
    if (found) {
      found.description ??= p.description;
      return found;
    }
    byName.set(name, [...(byName.get(name) ?? []), p]);
    all.push(p);
    return p;
  };
  const replaced = new Map<ProjectDraft, ProjectDraft>();
  for (const t of tables) for (const p of t.projects) replaced.set(p, register(p));
  for (const p of all) if (p.parent) p.parent = replaced.get(p.parent) ?? p.parent;
  for (const t of tables) {
    for (const c of t.cells) if (c.project) c.project = replaced.get(c.project) ?? c.project;
    for (const o of t.owners) {
      if (o.kind !== 'project') continue;
      const key = nameKey(o.name);
      const named = [...byName.entries()]
        .filter(([name]) => name === key || (key.length >= 8 && name.startsWith(key)))
        .flatMap(([, list]) => list.filter(isLeaf));
      // The same project name under two units (抚顺 表9): the block's 实施单位 decides.
      const ofUnit = named.filter((p) => o.unitName !== null && p.unitName !== null && nameKey(p.unitName) === nameKey(o.unitName));
      const candidates = named.length > 1 && ofUnit.length > 0 ? ofUnit : named;
      const project = candidates.length === 1 ? candidates[0]! : register({ table: t, name: o.name, description: o.goal, unitName: o.unitName, parent: null, line: o.line, raw: o.name });
      o.project = project;
      for (const c of o.cells) c.project = project;
    }
  }
  return all;
}

/** The kinds (单位性质) a list of units prints in a cell of each unit's row (words.json unitKinds: 行政, 事业). */
const UNIT_KINDS = new Set(Object.entries(words.unitKinds).flatMap(([k, v]) => (k === '$comment' ? [] : [v])));
const printsKind = (raw: string) => raw.split('\t').some((c) => UNIT_KINDS.has(c.trim()));

function mergeUnits(meta: DocumentMeta, deptLine: number, lines: Line[], mentions: UnitMention[]): UnitDraft[] {
  const units = new Map<string, UnitDraft>();
  const department: UnitDraft = { name: meta.department, code: meta.departmentCode, role: 'department', line: deptLine, raw: lines[deptLine - 1]?.raw ?? meta.department };
  units.set(nameKey(meta.department), department);
  for (const m of mentions) {
    const name = m.name.replace(/（汇总）|\(汇总\)/, '');
    const key = nameKey(name);
    const known = units.get(key);
    if (known) {
      if (m.code && (!known.code || m.code.length > known.code.length)) known.code = m.code;
      // 曲阳 机构设置 “曲阳县医疗保障局 行政 正科级”: the department's own row in a list of units, printing its kind — stored as
      // its row (the line it is listed at), so that it is counted by its kind as the other units are.
      if (known.role === 'department' && printsKind(m.raw) && !printsKind(known.raw)) Object.assign(known, { line: m.line, raw: m.raw });
      continue;
    }
    units.set(key, { name, code: m.code, role: 'subunit', line: m.line, raw: m.raw });
  }
  return [...units.values()];
}
