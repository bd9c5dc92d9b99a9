// Which documents a question is about: the departments it names (or the only
// one there is), the years asked (or the latest, said so), the stage. A place or
// year the database does not hold is answered with what it does hold.
import type { EntityChoice, EntityRef, StructuredQuery } from '../query/ast.ts';
import type { Catalog, CatalogDocument } from '../query/catalog.ts';
import { reply, yearHeading, type Reply } from './reply.ts';
import { orgAliasesOf } from '../query/lexicon/aliases.ts';
import type { Sources } from './sources.ts';
import { OWN_LEVEL_WORD } from '../query/entities.ts';

export interface Scope {
  doc: CatalogDocument;
  /** The year asked: the document's own, or the year before when it prints 上年 figures. */
  year: number;
  /** The unit asked about: a sub-unit's name, or the department. */
  entity: string;
  unitId: number | null;
  /** Said when the year was not given (未指明年份，按最新的2024年预算。) or borrowed from the next year's document. */
  yearNote: string | null;
}

/** `2024年预算、2023年决算`: the documents a department has. */
const held = (docs: CatalogDocument[]) => docs.map((d) => `${d.fiscal_year}年${d.stage}`).join('、');

const heldText = new WeakMap<Catalog, string>();

/** Every department held, with its documents: written once per catalog (thousands of departments at national scale). */
export function holdings(catalog: Catalog): string {
  let text = heldText.get(catalog);
  if (text === undefined) heldText.set(catalog, (text = [...catalog.departments.entries()].map(([d, docs]) => `${d}（${held(docs)}）`).join('；')));
  return text;
}

/** `北票 2024 三公经费`: the question asked again of a department's document, for suggestions (支出总计 when it named nothing). */
function askedAgain(doc: CatalogDocument, q: StructuredQuery): string {
  return `${doc.short} ${doc.fiscal_year} ${q.targets.map((t) => t.text).join('') || '支出总计'}`;
}

/** The question asked again about each department, for suggestions. */
export function askedOf(catalog: Catalog, q: StructuredQuery, limit = 5): string[] {
  const out: string[] = [];
  for (const docs of catalog.departments.values()) {
    if (out.length === limit) break;
    out.push(askedAgain(docs[0]!, q));
  }
  return out;
}

function noFinal(department: string, docs: CatalogDocument[], doc: CatalogDocument, q: StructuredQuery): Reply {
  return reply('not_found', [`${department}只有${held(docs)}，没有决算。`], [], [askedAgain(doc, q)]);
}

/** 朝阳 where 朝阳市 and 朝阳县 are both held: never the first one ingested; the question again with each one's own name. */
export function whichOne(catalog: Catalog, q: StructuredQuery, e: EntityRef): Reply {
  const choices = [e, ...(e.alternatives ?? [])];
  const names = choices.map((c) => (c.unitId ? c.name : c.department));
  const own = (c: EntityChoice) => (c.unitId ? c.name : catalog.departments.get(c.department)![0]!.short);
  return reply('ambiguous', [`“${e.text}”可以指${names.join('、')}，请写明是哪一个。`], [], choices.map((c) => q.text.replace(e.text, own(c))));
}

/**
 * 曲阳2024年的部门预算, 北票的部门预算, 曲阳的部门决算: a department's whole document of a year or stage it does not hold, said
 * so with what it holds (a next year's document printing 上年 figures is no document of that year); null when every one is held.
 */
export function documentNotHeld(catalog: Catalog, q: StructuredQuery): Reply | null {
  const stage = q.stage === '预算' || q.stage === '决算' ? q.stage : null;
  for (const e of q.entities) {
    const docs = catalog.departments.get(e.department) ?? [];
    const ofYear = q.years.length ? docs.filter((d) => q.years.includes(d.fiscal_year)) : docs;
    if (ofYear.some((d) => stage === null || d.stage === stage)) continue;
    const years = q.years.map((y) => `${y}年`).join('、');
    const lines = ofYear.length === 0 ? [`${e.department}没有${years}的资料，现有：${held(docs)}。`] : [`${e.department}只有${held(ofYear)}，没有${years}${stage}。`];
    return reply('not_found', lines, [], docs.map((d) => askedAgain(d, q)));
  }
  return null;
}

export function resolveScopes(catalog: Catalog, q: StructuredQuery): Scope[] | Reply {
  let entities = q.entities;
  if (entities.length === 0) {
    // 本级的项目支出 with no department named, nor one asked before: which department's is asked back, below.
    if (q.unknown.some((w) => w !== OWN_LEVEL_WORD)) {
      return reply('not_found', [`没有找到“${q.unknown.join('、')}”的预算公开资料。现有：${holdings(catalog)}。`], [], askedOf(catalog, q));
    }
    if (catalog.departments.size !== 1) {
      return reply('ambiguous', [`请指明是哪个部门。现有：${holdings(catalog)}。`], [], askedOf(catalog, q));
    }
    const [department] = catalog.departments.keys();
    entities = [{ department: department!, unitId: null, name: department!, text: department! }];
  }

  const scopes: Scope[] = [];
  for (const e of entities) {
    const docs = catalog.departments.get(e.department) ?? [];
    const entity = e.unitId ? e.name : e.department;
    if (q.years.length === 0) {
      const wanted = q.stage === '预算' || q.stage === '决算' ? docs.filter((d) => d.stage === q.stage) : docs;
      // 和2023年比哪项变了: the document comparing with the year named, where one does.
      const comparing = wanted.find((d) => d.fiscal_year - 1 === q.since);
      const doc = comparing ?? wanted[0] ?? docs[0]!;
      if (q.stage === '决算' && doc.stage !== '决算') return noFinal(e.department, docs, doc, q);
      scopes.push({ doc, year: doc.fiscal_year, entity, unitId: e.unitId, yearNote: comparing ? null : `未指明年份，按最新的${doc.fiscal_year}年${doc.stage}。` });
      continue;
    }
    // A year the question names; else the next year's document, which prints 上年 figures beside its own.
    for (const year of q.years) {
      const own = docs.find((d) => d.fiscal_year === year);
      const doc = own ?? docs.find((d) => d.fiscal_year === year + 1);
      if (!doc) {
        return reply('not_found', [`${e.department}没有${year}年的资料，现有：${held(docs)}。`], [], docs.map((d) => askedAgain(d, q)));
      }
      // A 预算 document prints no 决算 figures: asked for one, say what exists rather than answer with the 预算.
      if (q.stage === '决算' && doc.stage !== '决算') return noFinal(e.department, docs, doc, q);
      const note = own ? null : `${e.department}没有单独的${year}年资料，以下取自${doc.fiscal_year}年${doc.stage}中的${year}年数字。`;
      // A comparison of years reads them all from one document.
      const scope = (q.intent === 'compare' || q.intent === 'arithmetic') && q.years.length > 1 ? { doc, year: Math.max(...q.years), entity, unitId: e.unitId, yearNote: null } : { doc, year, entity, unitId: e.unitId, yearNote: note };
      if (!scopes.some((s) => s.doc === scope.doc && s.year === scope.year && s.unitId === e.unitId)) scopes.push(scope);
    }
  }
  return scopes;
}

/**
 * 莲湖经办中心的政府采购: a unit the text names as the department's own (成立下属参公事业单位…经办中心, subordinate_units) that is
 * none of the units its budget covers, typed by its name or its organisation's short forms — said not covered, naming the
 * units that are; never the department's figure in its stead. Null when the question names no such unit.
 */
export function unitOutside(s: Sources, q: StructuredQuery, e: Scope): Reply | null {
  const units = s.queries.units(e.doc.id);
  // 中心 alone is no name of one unit.
  const typed = (name: string) => [name, ...orgAliasesOf(name)].some((a) => [...a].length >= 3 && q.text.includes(a));
  const named = s.queries.subordinateUnits(e.doc.id).find((u) => !units.some((x) => x.name === u.name) && typed(u.name));
  if (!named) return null;
  const covered = units.filter((u) => u.role === 'subunit');
  const which = covered.length ? `：${covered.map((u) => `${u.name}（第${u.line}行）`).join('、')}` : '';
  const asked = q.targets.map((t) => t.text).join('');
  return reply('not_found', [`${yearHeading(e.entity, e.doc, e.year)}所含的单位中没有${named.name}（正文第${named.line}行说它是下属${named.kind}），文件没有单列它的数字。本部门预算包括的单位${which || '文件没有列出'}。`], [], asked ? [`${e.doc.short} ${e.doc.fiscal_year} ${asked}`] : []);
}
