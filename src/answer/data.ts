// The queries answers run, built with kysely once at start-up and kept as
// prepared statements: kysely's SQLite driver would prepare them anew on every
// call, which is most of the cost of a question.
import type { Compilable, Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import { LruMap } from '../lru.ts';
import type {
  CheckRow,
  Database,
  LineItemRow,
  HeadcountRow,
  InternalDepartmentRow,
  SubordinateUnitRow,
  NarrativeFactRow,
  PerformanceOwnerRow,
  PerformanceTargetRow,
  ProjectRow,
  SourceTableRow,
  UnitRow,
} from '../store/schema.ts';

/** A project's 自评 block that has a total score, with the table it is printed in. */
export type ScoredOwnerRow = PerformanceOwnerRow & { table_name: string | null; table_number: string | null };

/** A printed figure with the table it was printed in. */
export type FigureRow = LineItemRow & {
  table_name: string;
  table_number: string | null;
  table_kind: SourceTableRow['kind'];
  table_status: SourceTableRow['status'];
};

const SUBJECT_CLASSES = ['功能分类', '部门经济分类', '政府经济分类'];

/** Rows kept for questions asked again, over every statement: the most recently used, never more than this many (~0.33 kB each at 2,000 documents). */
export const KEPT_ROWS = 20_000;

type Kept = LruMap<string, readonly unknown[]>;

/** A statement's rows for some parameters, kept for questions asked again. */
type Prepared<R> = (...params: unknown[]) => readonly R[];

/**
 * Turns a statement's values into a row object built by one object literal of its columns. better-sqlite3 on
 * Node 20 sets a row's columns one by one, which leaves an object of more than a dozen of them in V8's dictionary
 * mode: a line_items row held ~2.1 kB that way, ~0.8 kB as a literal (fewer bytes allocated per question, and fewer
 * for a young-generation collection to copy out of what the cache keeps). Same keys in the same order.
 */
function rowMaker<R>(columns: readonly SQLite.ColumnDefinition[], shared: (text: string | null) => string | null): (values: unknown[]) => R {
  const value = (c: SQLite.ColumnDefinition, i: number) => (c.type?.toUpperCase() === 'TEXT' && !UNSHARED.has(c.name) ? `s(v[${i}])` : `v[${i}]`);
  const make = new Function('s', 'v', `return { ${columns.map((c, i) => `${JSON.stringify(c.name)}: ${value(c, i)}`).join(', ')} };`);
  return (values) => make(shared, values) as R;
}

/** Text a document prints once (a cell as printed, a sentence): sharing it would only fill the map. */
const UNSHARED = new Set(['raw_text', 'change_raw_text', 'description', 'goal', 'outcome', 'reason', 'message', 'lines']);

/** The most distinct texts kept for sharing; past it the map starts afresh. */
const SHARED_TEXTS = 50_000;

/**
 * One copy of each text the kept rows repeat (a table's name, a column's label, a classification, a scope): the
 * copy a row is read with dies young, and a young-generation collection copies no text the cache already holds.
 */
function textSharer(): (text: string | null) => string | null {
  const texts = new Map<string, string>();
  return (text) => {
    if (text === null) return null;
    const kept = texts.get(text);
    if (kept !== undefined) return kept;
    if (texts.size >= SHARED_TEXTS) texts.clear();
    texts.set(text, text);
    return text;
  };
}

/**
 * Compiles a kysely query once. The statement then runs with fresh values for its
 * leading parameters (written first in the query); later ones are the compiled constants.
 * The database is read-only while the engine lives, so results are kept (turning rows into
 * objects costs far more than the queries themselves), in one bounded cache for every statement.
 * Callers never mutate rows.
 */
function preparer(sqlite: SQLite.Database, kept: Kept) {
  let statements = 0;
  const shared = textSharer();
  return <R>(query: Compilable<R>): Prepared<R> & { fresh: Prepared<R> } => {
    // Compiled and prepared when first run: a one-shot question runs a few of the dozens of statements.
    let ready: { statement: SQLite.Statement; constants: readonly unknown[]; row: (values: unknown[]) => R } | undefined;
    const prepare = () => {
      const compiled = query.compile();
      const statement = sqlite.prepare(compiled.sql).raw(true);
      return { statement, constants: compiled.parameters, row: rowMaker<R>(statement.columns(), shared) };
    };
    const id = statements++;
    const fresh = (...params: unknown[]) => {
      const { statement, constants, row } = (ready ??= prepare());
      return Object.freeze((statement.all(...params, ...constants.slice(params.length)) as unknown[][]).map(row));
    };
    const run = (...params: unknown[]) => {
      const key = `${id}\u0001${params.join('\u0000')}`;
      let rows = kept.get(key) as readonly R[] | undefined;
      if (!rows) kept.set(key, (rows = fresh(...params)));
      return rows;
    };
    return Object.assign(run, { fresh });
  };
}

const NONE: readonly never[] = Object.freeze([]);

/** Every document's rows of one look-up, by document: read once for the whole of a set question's answer. */
type Across = Map<object, Map<unknown, Map<number, unknown[]>>>;

/**
 * A look-up by document and key. While a question about a set of departments is answered (`acrossDocuments`:
 * 哪个部门卫生健康支出最高 asks it of each), one query over every document serves every department, its rows
 * held by that answer only: never in the bounded cache, which a look-up over thousands of documents would
 * overflow (to be read again for each department). Otherwise the document's own query, kept, so that a
 * question about one department neither reads nor keeps every department's rows. Rows come in the order
 * the query over all gives.
 */
function perDocument<R extends { document_id: number }, K extends unknown[] = [unknown]>(all: { fresh: Prepared<R> }, one: Prepared<R>, across: () => Across | null): (documentId: number, ...key: K) => readonly R[] {
  return (documentId, ...key) => {
    const held = across();
    if (!held) return one(documentId, ...key);
    let byKey = held.get(all);
    if (!byKey) held.set(all, (byKey = new Map()));
    let byDocument = byKey.get(key[0]) as Map<number, R[]> | undefined;
    if (!byDocument) {
      byDocument = new Map();
      for (const r of all.fresh(...key)) {
        const list = byDocument.get(r.document_id);
        if (list) list.push(r);
        else byDocument.set(r.document_id, [r]);
      }
      byKey.set(key[0], byDocument);
    }
    return byDocument.get(documentId) ?? NONE;
  };
}

export function prepareQueries(db: Kysely<Database>, sqlite: SQLite.Database, keptRows = KEPT_ROWS) {
  const kept: Kept = new LruMap(keptRows, { weigh: (rows) => rows.length + 1 });
  const prepared = preparer(sqlite, kept);
  let across: Across | null = null;
  const inSet = () => across;
  const figures = () =>
    db
      .selectFrom('line_items as li')
      .innerJoin('source_tables as t', 't.id', 'li.table_id')
      .selectAll('li')
      .select(['t.name as table_name', 't.number as table_number', 't.kind as table_kind', 't.status as table_status'])
      .orderBy('li.document_id')
      .orderBy('li.table_id')
      .orderBy('li.id');
  const facts = () => db.selectFrom('narrative_facts').selectAll().orderBy('document_id').orderBy('id');
  // One document's look-up filters by the document first: its first parameter is the one given when it runs.
  const scored = (oneDocument: boolean) =>
    db
      .selectFrom('performance_owners as o')
      .leftJoin('source_tables as t', 't.id', 'o.table_id')
      .selectAll('o')
      .select(['t.name as table_name', 't.number as table_number'])
      .$if(oneDocument, (q) => q.where('o.document_id', '=', 0))
      .where('o.owner_kind', '=', 'project')
      .where('o.total_score', 'is not', null)
      .orderBy('o.document_id')
      .orderBy('o.id');
  const statedScored = (oneDocument: boolean) =>
    db
      .selectFrom('narrative_facts as f')
      .innerJoin('projects as p', (j) => j.onRef('p.document_id', '=', 'f.document_id').onRef('p.name_key', '=', 'f.subject_name'))
      .selectAll('p')
      .distinct()
      .$if(oneDocument, (q) => q.where('f.document_id', '=', 0))
      .where('f.metric', '=', 'project.self_eval_score')
      .orderBy('p.document_id')
      .orderBy('p.id');

  return {
    /** (documentId, metric), in a set question from one query over all documents */
    figuresByMetric: perDocument(prepared<FigureRow>(figures().where('li.metric', '=', '')), prepared<FigureRow>(figures().where('li.document_id', '=', 0).where('li.metric', '=', '')), inSet),
    /** (documentId, subjectCode), in a set question from one query over all documents */
    figuresBySubject: perDocument(
      prepared<FigureRow>(figures().where('li.subject_code', '=', '').where('li.classification', 'in', SUBJECT_CLASSES)),
      prepared<FigureRow>(figures().where('li.document_id', '=', 0).where('li.subject_code', '=', '').where('li.classification', 'in', SUBJECT_CLASSES)),
      inSet,
    ),
    /** (documentId, subjectName) subject rows printed with no code, in a set question from one query over all documents */
    figuresByUncodedSubject: perDocument(
      prepared<FigureRow>(figures().where('li.subject_name', '=', '').where('li.subject_code', 'is', null).where('li.classification', 'in', SUBJECT_CLASSES)),
      prepared<FigureRow>(
        figures().where('li.document_id', '=', 0).where('li.subject_name', '=', '').where('li.subject_code', 'is', null).where('li.classification', 'in', SUBJECT_CLASSES),
      ),
      inSet,
    ),
    /** (documentId, measure): a measure's figure in the 合计 rows of expenditure tables, in a set question from one query over all documents. */
    figuresByMeasure: perDocument(
      prepared<FigureRow>(figures().where('li.column_key', '=', '').where('li.level', '=', 'total').where('t.kind', '=', 'expenditure')),
      prepared<FigureRow>(figures().where('li.document_id', '=', 0).where('li.column_key', '=', '').where('li.level', '=', 'total').where('t.kind', '=', 'expenditure')),
      inSet,
    ),
    /** (documentId, parentCode) */
    childFigures: prepared<FigureRow>(
      figures().where('li.document_id', '=', 0).where('li.parent_code', '=', '').where('li.classification', 'in', SUBJECT_CLASSES),
    ),
    /** (documentId, classification, level) */
    figuresAtLevel: prepared<FigureRow>(
      figures().where('li.document_id', '=', 0).where('li.classification', '=', '').where('li.level', '=', '').where('t.kind', '=', 'expenditure'),
    ),
    /** (documentId, classification) a table's 合计 rows (部门综合预算政府采购预算表 合计 284,708.00), in a set question from one query over all documents */
    totalsByClassification: perDocument(
      prepared<FigureRow>(figures().where('li.classification', '=', '').where('li.level', '=', 'total')),
      prepared<FigureRow>(figures().where('li.document_id', '=', 0).where('li.classification', '=', '').where('li.level', '=', 'total')),
      inSet,
    ),
    /** (documentId, rowLabel) rows the ingest tagged with no metric (绩效自评表 部门年初预算收入金额), in a set question from one query over all documents */
    figuresByLabel: perDocument(
      prepared<FigureRow>(figures().where('li.row_label', '=', '').where('li.metric', 'is', null)),
      prepared<FigureRow>(figures().where('li.document_id', '=', 0).where('li.row_label', '=', '').where('li.metric', 'is', null)),
      inSet,
    ),
    /** (tableId) every figure of one table (a table's id is its document's alone) */
    figuresByTable: prepared<FigureRow>(figures().where('li.table_id', '=', 0)),
    /** (documentId, unitId) a unit's subtotal rows (抚顺市医疗保障局本级 in 项目支出预算表) */
    unitFigures: prepared<FigureRow>(figures().where('li.document_id', '=', 0).where('li.unit_id', '=', 0).where('li.level', '=', 'unit')),
    /** (documentId) figures that belong to a project */
    projectFigures: prepared<FigureRow>(figures().where('li.document_id', '=', 0).where('li.project_id', 'is not', null)),
    /** (documentId) */
    projects: prepared<ProjectRow>(db.selectFrom('projects').selectAll().where('document_id', '=', 0).orderBy('id')),
    /** (documentId) the 内设机构 the text lists by name, in its order */
    /** (documentId) the headcounts the text states, in the order printed */
    headcounts: prepared<HeadcountRow>(db.selectFrom('headcounts').selectAll().where('document_id', '=', 0).orderBy('line')),
    internalDepartments: prepared<InternalDepartmentRow>(db.selectFrom('internal_departments').selectAll().where('document_id', '=', 0).orderBy('ordinal')),
    /** (documentId) the units the text names as the department's own with their kind, in the order printed */
    subordinateUnits: prepared<SubordinateUnitRow>(db.selectFrom('subordinate_units').selectAll().where('document_id', '=', 0).orderBy('line')),
    /** (documentId, metric), in a set question from one query over all documents */
    factsByMetric: perDocument(prepared<NarrativeFactRow>(facts().where('metric', '=', '')), prepared<NarrativeFactRow>(facts().where('document_id', '=', 0).where('metric', '=', '')), inSet),
    /** (documentId, subjectCode), in a set question from one query over all documents */
    factsBySubject: perDocument(prepared<NarrativeFactRow>(facts().where('subject_code', '=', '')), prepared<NarrativeFactRow>(facts().where('document_id', '=', 0).where('subject_code', '=', '')), inSet),
    /** (documentId, aspect) */
    factsByAspect: prepared<NarrativeFactRow>(db.selectFrom('narrative_facts').selectAll().where('document_id', '=', 0).where('aspect', '=', '' as NarrativeFactRow['aspect']).orderBy('id')),
    /** (documentId, subjectName) */
    factsByName: prepared<NarrativeFactRow>(db.selectFrom('narrative_facts').selectAll().where('document_id', '=', 0).where('subject_name', '=', '').orderBy('id')),
    /** (documentId) the projects a 自评表 scores, with the table each is printed in; in a set question from one query over all documents */
    scoredOwners: perDocument<ScoredOwnerRow, []>(prepared<ScoredOwnerRow>(scored(false)), prepared<ScoredOwnerRow>(scored(true)), inSet),
    /** (documentId) the projects a sentence gives a self-evaluation score, by name; in a set question from one query over all documents */
    projectsStatedScored: perDocument<ProjectRow, []>(
      prepared<ProjectRow>(statedScored(false)),
      prepared<ProjectRow>(statedScored(true)),
      inSet,
    ),
    /** (documentId) */
    owners: prepared<PerformanceOwnerRow>(db.selectFrom('performance_owners').selectAll().where('document_id', '=', 0).orderBy('id')),
    /** (ownerId) */
    targets: prepared<PerformanceTargetRow>(db.selectFrom('performance_targets').selectAll().where('owner_id', '=', 0).orderBy('id')),
    /** (documentId) */
    units: prepared<UnitRow>(db.selectFrom('units').selectAll().where('document_id', '=', 0).orderBy('id')),
    /** (documentId), in a set answer's warnings from one query over all documents */
    failedChecks: perDocument<CheckRow, []>(
      prepared<CheckRow>(db.selectFrom('checks').selectAll().where('passed', '=', 0).orderBy('document_id').orderBy('id')),
      prepared<CheckRow>(db.selectFrom('checks').selectAll().where('document_id', '=', 0).where('passed', '=', 0).orderBy('id')),
      inSet,
    ),
    /** (documentId) */
    tables: prepared<SourceTableRow>(db.selectFrom('source_tables').selectAll().where('document_id', '=', 0).orderBy('id')),
    /** (documentId) number of checks that passed */
    passedChecks: prepared<{ n: number }>(
      db.selectFrom('checks').select((eb) => eb.fn.countAll<number>().as('n')).where('document_id', '=', 0).where('passed', '=', 1),
    ),
    /** The rows kept for questions asked again (bounded). */
    kept,
    /** Runs `answer` (a question about a set of departments) with each look-up by document served by one query over all, held until it returns. */
    acrossDocuments<T>(answer: () => T): T {
      if (across) return answer();
      across = new Map();
      try {
        return answer();
      } finally {
        across = null;
      }
    },
  };
}

export type Queries = ReturnType<typeof prepareQueries>;
