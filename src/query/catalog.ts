// What the database holds, read once at start-up: documents, units, subjects,
// projects. The lexicon and the answers are built on it.
import type { Kysely } from 'kysely';
import type { Database, DocumentRow } from '../store/schema.ts';
import { aliasesOf, orgAliasesOf, placeAliasesOf } from './lexicon/aliases.ts';

export interface CatalogDocument extends DocumentRow {
  /** How answers cite it: 《曲阳县医疗保障局2023年部门预算》. */
  display: string;
  /** How suggestions name its department: its shortest place name no other department held goes by (北票; 北京朝阳 beside 长春's 朝阳区). */
  short: string;
}

export interface CatalogUnit {
  id: number;
  documentId: number;
  name: string;
  code: string | null;
  role: 'department' | 'subunit';
}

export interface CatalogProject {
  id: number;
  documentId: number;
  name: string;
  nameKey: string;
  unitId: number | null;
  parentId: number | null;
}

export interface CatalogSubject {
  name: string;
  codes: string[];
}

export interface Catalog {
  documents: CatalogDocument[];
  /** Department name → its documents, newest year first. */
  departments: Map<string, CatalogDocument[]>;
  units: CatalogUnit[];
  projects: CatalogProject[];
  subjects: CatalogSubject[];
  /** Codes printed cut short for several subjects (北票 公开06表 “3010” for 基本工资, 津贴补贴…) → those names. */
  sharedCodes: Map<string, string[]>;
  /** Projects named like a subject of their document with other figures (抚顺 城乡医疗救助 3,400.00 vs the subject's 8,645.00). */
  subjectTwins: CatalogProject[];
  document(id: number): CatalogDocument;
  /** One document's projects: grouped once when first asked, so that a question does not filter every project held. */
  projectsOf(documentId: number): CatalogProject[];
  /** One document's units: grouped once when first asked. */
  unitsOf(documentId: number): CatalogUnit[];
  /** The projects of a name, in every document: grouped once when first asked. */
  projectsNamed(name: string): CatalogProject[];
  /** The departments that go by an organisation's name (医保中心: every 医疗保障事务服务中心): indexed once when first asked. */
  departmentsGoingBy(org: string): string[];
  /** The departments a bare place name (北票, 朝阳北票) names: indexed once when first asked. */
  departmentsAt(place: string): string[];
  /** The subject of a name: indexed once when first asked (a set question asks it of every department). */
  subjectNamed(name: string): CatalogSubject | undefined;
}

export function displayTitle(d: Pick<DocumentRow, 'department' | 'fiscal_year' | 'stage'>): string {
  return `${d.department}${d.fiscal_year}年部门${d.stage}`;
}

/**
 * What the catalog holds besides the documents, read from the stored figures. Reading it scans the
 * figures, so the ingest stores it as a start-up artefact (src/query/artefacts.ts): plain data, JSON.
 */
/** Whether a department held lies in a place (a province, city or county as its documents record it, or a name it carries). */
export function inPlace(catalog: Catalog, department: string, place: string): boolean {
  const doc = catalog.departments.get(department)?.[0];
  return (doc !== undefined && [doc.province, doc.city, doc.county].includes(place)) || department.includes(place);
}

export interface CatalogParts {
  units: CatalogUnit[];
  projects: CatalogProject[];
  subjects: CatalogSubject[];
  sharedCodes: [string, string[]][];
  /** Catalog.subjectTwins: apart from `projects`, which a question that names no project does not read. */
  subjectTwins: CatalogProject[];
  /** Department → CatalogDocument.short: read against every other department's names, and the place data. */
  shortNames: [string, string][];
}

export async function loadCatalog(db: Kysely<Database>): Promise<Catalog> {
  return assembleCatalog(await readDocuments(db), await readCatalogParts(db));
}

/** The documents, one row each: the only table the engine reads whole at start-up. */
export async function readDocuments(db: Kysely<Database>): Promise<DocumentRow[]> {
  return db.selectFrom('documents').selectAll().orderBy('department').orderBy('fiscal_year', 'desc').execute();
}

export async function readCatalogParts(db: Kysely<Database>): Promise<CatalogParts> {
  const units = (await db.selectFrom('units').select(['id', 'document_id', 'name', 'code', 'role']).orderBy('id').execute()).map((u) => ({
    id: u.id,
    documentId: u.document_id,
    name: u.name,
    code: u.code,
    role: u.role,
  }));
  const projects = (await db.selectFrom('projects').select(['id', 'document_id', 'name', 'name_key', 'unit_id', 'parent_id']).orderBy('id').execute()).map(
    (p) => ({ id: p.id, documentId: p.document_id, name: p.name, nameKey: p.name_key, unitId: p.unit_id, parentId: p.parent_id }),
  );
  const subjectRows = await db
    .selectFrom('line_items')
    .select(['subject_name', 'subject_code', 'level'])
    .where('classification', 'in', ['功能分类', '部门经济分类', '政府经济分类'])
    .where('subject_name', 'is not', null)
    // A subject printed with no code (莲湖 表1 “5、教育支出”) is still a subject, by its name; a 合计 row is not, nor a
    // row printed blank with no code (莲湖 表1 “3、国防支出”: kept to be said blank, it names nothing the department spends).
    .where((eb) => eb.or([eb('subject_code', 'is not', null), eb.and([eb('level', 'is', null), eb('amount_fen', 'is not', null)])]))
    .distinct()
    .execute();
  const byName = new Map<string, Set<string>>();
  const cutShort = new Map<string, Set<string>>();
  for (const r of subjectRows) {
    const codes = byName.get(r.subject_name!) ?? new Set<string>();
    if (r.subject_code) codes.add(r.subject_code);
    byName.set(r.subject_name!, codes);
    // A code with no level is not a well-formed 类/款/项 code: the ingest found it printed cut short.
    if (r.subject_code && r.level === null) cutShort.set(r.subject_code, (cutShort.get(r.subject_code) ?? new Set()).add(r.subject_name!));
  }
  const sharedCodes = [...cutShort].filter(([, names]) => names.size > 1).map(([code, names]) => [code, [...names]] as [string, string[]]);
  const subjects = [...byName.entries()].map(([name, codes]) => ({ name, codes: [...codes].sort() })).sort((a, b) => a.name.localeCompare(b.name));
  const subjectTwins = await twinsOf(db, projects, new Set(byName.keys()));
  const departments = (await db.selectFrom('documents').select('department').distinct().orderBy('department').execute()).map((d) => d.department);
  return { units, projects, subjects, sharedCodes, subjectTwins, shortNames: [...shortNames(departments)] };
}

export function assembleCatalog(rows: DocumentRow[], parts: CatalogParts): Catalog {
  const shorts = new Map(parts.shortNames);
  const documents = rows.map((d) => ({ ...d, display: displayTitle(d), short: shorts.get(d.department) ?? d.department }));
  const departments = new Map<string, CatalogDocument[]>();
  for (const d of documents) departments.set(d.department, [...(departments.get(d.department) ?? []), d]);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const byDocument = lazyGroups(() => parts.projects.map((p) => [p.documentId, p] as const));
  const unitsByDocument = lazyGroups(() => parts.units.map((u) => [u.documentId, u] as const));
  const byName = lazyGroups(() => parts.projects.map((p) => [p.name, p] as const));
  const byOrg = lazyGroups(() => [...departments.keys()].flatMap((d) => orgAliasesOf(d).map((org) => [org, d] as const)));
  const byPlace = lazyGroups(() => [...departments.keys()].flatMap((d) => [...placeAliasesOf(d)].map((place) => [place, d] as const)));
  const subjectsByName = lazyGroups(() => parts.subjects.map((x) => [x.name, x] as const));
  return {
    documents,
    departments,
    units: parts.units,
    // Read when first needed: stored artefacts parse the projects then.
    get projects() {
      return parts.projects;
    },
    subjects: parts.subjects,
    sharedCodes: new Map(parts.sharedCodes),
    subjectTwins: parts.subjectTwins,
    document: (id) => {
      const d = byId.get(id);
      if (!d) throw new Error(`no document ${id}`);
      return d;
    },
    projectsOf: byDocument,
    unitsOf: unitsByDocument,
    projectsNamed: byName,
    departmentsGoingBy: byOrg,
    departmentsAt: byPlace,
    subjectNamed: (name) => subjectsByName(name)[0],
  };
}

/** A look-up of the values listed under a key, the list grouped (in its order) when first looked up: a question never filters every row held. */
function lazyGroups<K, V>(entries: () => Iterable<readonly [K, V]>): (key: K) => V[] {
  let groups: Map<K, V[]> | null = null;
  return (key) => {
    if (!groups) {
      groups = new Map();
      for (const [k, v] of entries()) {
        const list = groups.get(k);
        if (list) list.push(v);
        else groups.set(k, [v]);
      }
    }
    return groups.get(key) ?? [];
  };
}

/** Each department's shortest place name that no other department goes by; its full name when it has none. */
function shortNames(departments: string[]): Map<string, string> {
  const places = new Map(departments.map((d) => [d, aliasesOf(d).filter((a) => a.place).map((a) => a.text)]));
  const owners = new Map<string, number>();
  for (const names of places.values()) for (const n of names) owners.set(n, (owners.get(n) ?? 0) + 1);
  return new Map(
    departments.map((d) => {
      const own = places.get(d)!.filter((n) => owners.get(n) === 1);
      return [d, own.reduce<string | undefined>((best, n) => (best === undefined || n.length < best.length ? n : best), undefined) ?? d];
    }),
  );
}

/** Projects named like a subject whose figures share no amount with that subject's in the same document. */
async function twinsOf(db: Kysely<Database>, projects: CatalogProject[], subjectNames: Set<string>): Promise<CatalogProject[]> {
  const named = projects.filter((p) => subjectNames.has(p.name));
  if (named.length === 0) return [];
  const rows = await db
    .selectFrom('line_items')
    .select(['document_id', 'project_id', 'subject_name', 'amount_fen'])
    .where('amount_fen', 'is not', null)
    // A subject row counts in its own document only: asked of those documents, the query reads their rows by index
    // rather than every row of the corpus (1 s at 2,000 documents, at every ingest).
    .where((eb) =>
      eb.or([
        eb('project_id', 'in', named.map((p) => p.id)),
        eb.and([eb('document_id', 'in', [...new Set(named.map((p) => p.documentId))]), eb('subject_name', 'in', [...new Set(named.map((p) => p.name))])]),
      ]),
    )
    .execute();
  // Grouped once: a national corpus has hundreds of such projects, each looked up in rows of every document.
  const byProject = new Map<number, Set<number | null>>();
  const bySubject = new Map<string, Set<number | null>>();
  const into = <K>(map: Map<K, Set<number | null>>, key: K, amount: number | null) => (map.get(key) ?? map.set(key, new Set()).get(key)!).add(amount);
  for (const r of rows) {
    if (r.project_id !== null) into(byProject, r.project_id, r.amount_fen);
    else if (r.subject_name !== null) into(bySubject, `${r.document_id}|${r.subject_name}`, r.amount_fen);
  }
  return named.filter((p) => {
    const own = byProject.get(p.id);
    const subject = bySubject.get(`${p.documentId}|${p.name}`);
    return own !== undefined && subject !== undefined && ![...own].some((a) => subject.has(a));
  });
}
