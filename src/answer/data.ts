// The queries answers run, built with kysely once at start-up and kept as
// prepared statements: kysely's SQLite driver would prepare them anew on every
// call, which is most of the cost of a question.
import type { Compilable, Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import type {
  CheckRow,
  Database,
  LineItemRow,
  NarrativeFactRow,
  PerformanceOwnerRow,
  PerformanceTargetRow,
  ProjectRow,
  SourceTableRow,
  UnitRow,
} from '../store/schema.ts';

/** A printed figure with the table it was printed in. */
export type FigureRow = LineItemRow & {
  table_name: string;
  table_number: string | null;
  table_kind: SourceTableRow['kind'];
  table_status: SourceTableRow['status'];
};

const SUBJECT_CLASSES = ['功能分类', '部门经济分类', '政府经济分类'];

/**
 * Compiles a kysely query once. The statement then runs with fresh values for its
 * leading parameters (written first in the query); later ones are the compiled constants.
 * The database is read-only while the engine lives, so each result is kept: turning
 * rows into objects costs far more than the queries themselves. Callers never mutate rows.
 */
function prepared<R>(sqlite: SQLite.Database, query: Compilable<R>): (...params: unknown[]) => readonly R[] {
  const compiled = query.compile();
  const statement = sqlite.prepare(compiled.sql);
  const constants = compiled.parameters;
  const results = new Map<string, readonly R[]>();
  return (...params) => {
    const key = params.join('\u0000');
    let rows = results.get(key);
    if (!rows) {
      rows = Object.freeze(statement.all(...params, ...constants.slice(params.length)) as R[]);
      results.set(key, rows);
    }
    return rows;
  };
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * A query over every document, served one document at a time: a question about a set of departments
 * (各医保局的三公经费) runs it once, not once per document. Rows come grouped in the order the query gives.
 */
function perDocument<R extends { document_id: number }>(all: (key: unknown) => readonly R[]): (documentId: number, key: unknown) => readonly R[] {
  const grouped = new WeakMap<readonly R[], Map<number, R[]>>();
  return (documentId, key) => {
    const rows = all(key);
    let byDocument = grouped.get(rows);
    if (!byDocument) {
      byDocument = new Map();
      for (const r of rows) {
        const list = byDocument.get(r.document_id);
        if (list) list.push(r);
        else byDocument.set(r.document_id, [r]);
      }
      grouped.set(rows, byDocument);
    }
    return byDocument.get(documentId) ?? NONE;
  };
}

export function prepareQueries(db: Kysely<Database>, sqlite: SQLite.Database) {
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

  return {
    /** (documentId, metric), from one query over all documents */
    figuresByMetric: perDocument(prepared<FigureRow>(sqlite, figures().where('li.metric', '=', ''))),
    /** (documentId, subjectCode), from one query over all documents */
    figuresBySubject: perDocument(prepared<FigureRow>(sqlite, figures().where('li.subject_code', '=', '').where('li.classification', 'in', SUBJECT_CLASSES))),
    /** (documentId, subjectName) subject rows printed with no code */
    figuresByUncodedSubject: prepared<FigureRow>(
      sqlite,
      figures().where('li.document_id', '=', 0).where('li.subject_name', '=', '').where('li.subject_code', 'is', null).where('li.classification', 'in', SUBJECT_CLASSES),
    ),
    /** (documentId, measure): a measure's figure in the 合计 rows of expenditure tables, from one query over all documents. */
    figuresByMeasure: perDocument(
      prepared<FigureRow>(sqlite, figures().where('li.column_key', '=', '').where('li.level', '=', 'total').where('t.kind', '=', 'expenditure')),
    ),
    /** (documentId, parentCode) */
    childFigures: prepared<FigureRow>(
      sqlite,
      figures().where('li.document_id', '=', 0).where('li.parent_code', '=', '').where('li.classification', 'in', SUBJECT_CLASSES),
    ),
    /** (documentId, classification, level) */
    figuresAtLevel: prepared<FigureRow>(
      sqlite,
      figures().where('li.document_id', '=', 0).where('li.classification', '=', '').where('li.level', '=', '').where('t.kind', '=', 'expenditure'),
    ),
    /** (documentId, classification) a table's 合计 rows (部门综合预算政府采购预算表 合计 284,708.00) */
    totalsByClassification: prepared<FigureRow>(sqlite, figures().where('li.document_id', '=', 0).where('li.classification', '=', '').where('li.level', '=', 'total')),
    /** (documentId, rowLabel) rows the ingest tagged with no metric (绩效自评表 部门年初预算收入金额) */
    figuresByLabel: prepared<FigureRow>(sqlite, figures().where('li.document_id', '=', 0).where('li.row_label', '=', '').where('li.metric', 'is', null)),
    /** (documentId, unitId) a unit's subtotal rows (抚顺市医疗保障局本级 in 项目支出预算表) */
    unitFigures: prepared<FigureRow>(sqlite, figures().where('li.document_id', '=', 0).where('li.unit_id', '=', 0).where('li.level', '=', 'unit')),
    /** (documentId) figures that belong to a project */
    projectFigures: prepared<FigureRow>(sqlite, figures().where('li.document_id', '=', 0).where('li.project_id', 'is not', null)),
    /** (documentId) */
    projects: prepared<ProjectRow>(sqlite, db.selectFrom('projects').selectAll().where('document_id', '=', 0).orderBy('id')),
    /** (documentId, metric), from one query over all documents */
    factsByMetric: perDocument(prepared<NarrativeFactRow>(sqlite, facts().where('metric', '=', ''))),
    /** (documentId, subjectCode) */
    factsBySubject: prepared<NarrativeFactRow>(sqlite, db.selectFrom('narrative_facts').selectAll().where('document_id', '=', 0).where('subject_code', '=', '').orderBy('id')),
    /** (documentId, aspect) */
    factsByAspect: prepared<NarrativeFactRow>(sqlite, db.selectFrom('narrative_facts').selectAll().where('document_id', '=', 0).where('aspect', '=', '' as NarrativeFactRow['aspect']).orderBy('id')),
    /** (documentId, subjectName) */
    factsByName: prepared<NarrativeFactRow>(sqlite, db.selectFrom('narrative_facts').selectAll().where('document_id', '=', 0).where('subject_name', '=', '').orderBy('id')),
    /** (documentId) */
    owners: prepared<PerformanceOwnerRow>(sqlite, db.selectFrom('performance_owners').selectAll().where('document_id', '=', 0).orderBy('id')),
    /** (ownerId) */
    targets: prepared<PerformanceTargetRow>(sqlite, db.selectFrom('performance_targets').selectAll().where('owner_id', '=', 0).orderBy('id')),
    /** (documentId) */
    units: prepared<UnitRow>(sqlite, db.selectFrom('units').selectAll().where('document_id', '=', 0).orderBy('id')),
    /** (documentId) */
    failedChecks: prepared<CheckRow>(sqlite, db.selectFrom('checks').selectAll().where('document_id', '=', 0).where('passed', '=', 0).orderBy('id')),
    /** (documentId) */
    tables: prepared<SourceTableRow>(sqlite, db.selectFrom('source_tables').selectAll().where('document_id', '=', 0).orderBy('id')),
    /** (documentId) where a document cut off mid-table ends, and why the ingest thinks so */
    truncation: prepared<{ truncated_at: number | null; truncation: string | null }>(
      sqlite,
      db.selectFrom('documents').select(['truncated_at', 'truncation']).where('id', '=', 0),
    ),
    /** (documentId) number of checks that passed */
    passedChecks: prepared<{ n: number }>(
      sqlite,
      db.selectFrom('checks').select((eb) => eb.fn.countAll<number>().as('n')).where('document_id', '=', 0).where('passed', '=', 1),
    ),
  };
}

export type Queries = ReturnType<typeof prepareQueries>;
