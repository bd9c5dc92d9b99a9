// Kysely migrations, kept in code (no folder scanning) so the bundle carries them.
// Column meanings are documented in schema.ts and in the README's data model.
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema.ts';

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('documents')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('file', 'text', (c) => c.notNull().unique())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('department', 'text', (c) => c.notNull())
      .addColumn('province', 'text')
      .addColumn('city', 'text')
      .addColumn('county', 'text')
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('预算', '决算')`))
      .addColumn('amount_unit', 'text', (c) => c.notNull().check(sql`amount_unit in ('元', '万元')`))
      .addColumn('line_count', 'integer', (c) => c.notNull())
      .addColumn('ingested_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('units')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
      .addColumn('code', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('raw_text', 'text', (c) => c.notNull())
      .addUniqueConstraint('units_document_name', ['document_id', 'name'])
      .execute();

    await db.schema
      .createTable('source_tables')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('number', 'text')
      .addColumn('amount_unit', 'text', (c) => c.notNull())
      .addColumn('line_start', 'integer', (c) => c.notNull())
      .addColumn('line_end', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .execute();

    await db.schema
      .createTable('table_segments')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('table_id', 'integer', (c) => c.notNull().references('source_tables.id'))
      .addColumn('line_start', 'integer', (c) => c.notNull())
      .addColumn('line_end', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('projects')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
      .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
      .addColumn('parent_id', 'integer', (c) => c.references('projects.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('table_id', 'integer', (c) => c.references('source_tables.id'))
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('raw_text', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('line_items')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
      .addColumn('table_id', 'integer', (c) => c.notNull().references('source_tables.id'))
      .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
      .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('row_label', 'text', (c) => c.notNull())
      .addColumn('classification', 'text', (c) => c.notNull())
      .addColumn('side', 'text')
      .addColumn('subject_code', 'text')
      .addColumn('subject_name', 'text')
      .addColumn('level', 'text')
      .addColumn('parent_code', 'text')
      .addColumn('alt_code', 'text')
      .addColumn('alt_name', 'text')
      .addColumn('metric', 'text')
      .addColumn('column_key', 'text', (c) => c.notNull())
      .addColumn('column_label', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('value_kind', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'integer')
      .addColumn('quantity', 'real')
      .addColumn('precision_fen', 'integer')
      .addColumn('raw_text', 'text', (c) => c.notNull())
      .addColumn('flags', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('performance_owners')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
      .addColumn('table_id', 'integer', (c) => c.notNull().references('source_tables.id'))
      .addColumn('owner_kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
      .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
      .addColumn('goal', 'text')
      .addColumn('outcome', 'text')
      .addColumn('indicator_score', 'real')
      .addColumn('execution_score', 'real')
      .addColumn('deduction', 'real')
      .addColumn('total_score', 'real')
      .addColumn('score_line', 'integer')
      .addColumn('execution_rate', 'text')
      .addColumn('line', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('performance_targets')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('owner_id', 'integer', (c) => c.notNull().references('performance_owners.id'))
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
      .addColumn('table_id', 'integer', (c) => c.notNull().references('source_tables.id'))
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('level1', 'text')
      .addColumn('level2', 'text')
      .addColumn('level3', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('operator', 'text')
      .addColumn('target_value', 'text')
      .addColumn('target_number', 'real')
      .addColumn('target_unit', 'text')
      .addColumn('deadline', 'text')
      .addColumn('actual_value', 'text')
      .addColumn('completion', 'text')
      .addColumn('weight', 'real')
      .addColumn('score', 'real')
      .addColumn('basis', 'text')
      .addColumn('raw_text', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('narrative_facts')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('aspect', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('subject_code', 'text')
      .addColumn('subject_name', 'text')
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('value_kind', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'integer')
      .addColumn('value', 'real')
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('precision_fen', 'integer')
      .addColumn('compare_basis', 'text')
      .addColumn('change_direction', 'text')
      .addColumn('change_fen', 'integer')
      .addColumn('change_percent', 'real')
      .addColumn('reason', 'text')
      .addColumn('raw_text', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('checks')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
      .addColumn('table_id', 'integer', (c) => c.references('source_tables.id'))
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('expected_fen', 'integer')
      .addColumn('actual_fen', 'integer')
      .addColumn('difference_fen', 'integer')
      .addColumn('tolerance_fen', 'integer')
      .addColumn('lines', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .execute();

    // The answer stage looks figures up by document and subject, metric or project.
    await db.schema.createIndex('line_items_subject').on('line_items').columns(['document_id', 'subject_code']).execute();
    await db.schema.createIndex('line_items_metric').on('line_items').columns(['document_id', 'metric']).execute();
    await db.schema.createIndex('line_items_project').on('line_items').column('project_id').execute();
    await db.schema.createIndex('line_items_table').on('line_items').column('table_id').execute();
    await db.schema.createIndex('narrative_metric').on('narrative_facts').columns(['document_id', 'metric']).execute();
    await db.schema.createIndex('targets_owner').on('performance_targets').column('owner_id').execute();
  },
};

// A view that reads like the printed tables, for people browsing with sqlite3.
const browsingView: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create view figures as
      select d.department, d.fiscal_year, d.stage, t.name as table_name, t.number as table_number,
             li.line, li.row_label, li.subject_code, li.column_label, li.year, li.basis,
             printf('%.2f', li.amount_fen / 100.0) as yuan,
             printf('%.2f', li.amount_fen / 1000000.0) as wan_yuan,
             li.quantity, li.raw_text, li.flags, d.file
      from line_items li
      join documents d on d.id = li.document_id
      join source_tables t on t.id = li.table_id`.execute(db);
    await sql`
      create view failed_checks as
      select d.department, d.fiscal_year, c.rule, c.subject, c.message, c.lines, d.file
      from checks c join documents d on d.id = c.document_id
      where c.passed = 0`.execute(db);
  },
};

// Which ingest code built the database, so a changed parser rebuilds it (src/ingest/ensure.ts).
const buildInfo: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('build_info')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
};

// Provenance the first schema lacked: where a change is stated, and the date a stock stands at.
const provenance: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('narrative_facts').addColumn('change_line', 'integer').execute();
    await db.schema.alterTable('narrative_facts').addColumn('change_raw_text', 'text').execute();
    await db.schema.alterTable('narrative_facts').addColumn('as_of', 'text').execute();
    await db.schema.alterTable('line_items').addColumn('as_of', 'text').execute();
  },
};

// Performance goals a document states in the prose (曲阳's 部门整体绩效目标) belong to no table:
// SQLite cannot drop a NOT NULL, so both tables are rebuilt with a nullable table_id, rows kept.
const proseGoals: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table performance_owners_new (
        id integer primary key autoincrement, document_id integer not null references documents (id),
        table_id integer references source_tables (id), owner_kind text not null, name text not null,
        unit_id integer references units (id), project_id integer references projects (id), goal text, outcome text,
        indicator_score real, execution_score real, deduction real, total_score real, score_line integer,
        execution_rate text, line integer not null)`.execute(db);
    await sql`
      create table performance_targets_new (
        id integer primary key autoincrement, owner_id integer not null references performance_owners_new (id),
        document_id integer not null references documents (id), table_id integer references source_tables (id),
        line integer not null, level1 text, level2 text, level3 text not null, description text, operator text,
        target_value text, target_number real, target_unit text, deadline text, actual_value text, completion text,
        weight real, score real, basis text, raw_text text not null)`.execute(db);
    await sql`insert into performance_owners_new select id, document_id, table_id, owner_kind, name, unit_id, project_id, goal, outcome,
      indicator_score, execution_score, deduction, total_score, score_line, execution_rate, line from performance_owners`.execute(db);
    await sql`insert into performance_targets_new select id, owner_id, document_id, table_id, line, level1, level2, level3, description,
      operator, target_value, target_number, target_unit, deadline, actual_value, completion, weight, score, basis, raw_text
      from performance_targets`.execute(db);
    await db.schema.dropTable('performance_targets').execute();
    await db.schema.dropTable('performance_owners').execute();
    // Renaming also points performance_targets_new's reference at the renamed owners table.
    await db.schema.alterTable('performance_owners_new').renameTo('performance_owners').execute();
    await db.schema.alterTable('performance_targets_new').renameTo('performance_targets').execute();
    await db.schema.createIndex('targets_owner').on('performance_targets').column('owner_id').execute();
  },
};

// An index for every way the answers and the start-up look rows up (each document's tables, checks,
// projects and performance blocks), so the cost of a question does not grow with the corpus:
// test/store/query-plans.test.ts fails on any statement that scans a large table.
const lookupIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('source_tables_document').on('source_tables').column('document_id').execute();
    await db.schema.createIndex('table_segments_table').on('table_segments').column('table_id').execute();
    await db.schema.createIndex('projects_document').on('projects').column('document_id').execute();
    await db.schema.createIndex('owners_document').on('performance_owners').column('document_id').execute();
    await db.schema.createIndex('targets_document').on('performance_targets').column('document_id').execute();
    await db.schema.createIndex('checks_document').on('checks').columns(['document_id', 'passed']).execute();
  },
};

// What the engine needs at start-up and would otherwise compute from every row (the catalog, the
// lexicon, the project index), stored once per build as JSON (src/query/artefacts.ts).
const startupArtefacts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('startup_artefacts')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
};

// How each figure is corroborated (issue 9): the check that confirms or contradicts it, whether its
// table's columns are confirmed by an identity, a flag the prose reader sets on a number printed with
// characters that are not digits, and where a document is cut off.
const corroboration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of ['line_items', 'narrative_facts']) {
      await db.schema.alterTable(table).addColumn('corroboration', 'text', (c) => c.notNull().defaultTo('none')).execute();
      await db.schema.alterTable(table).addColumn('check_id', 'integer', (c) => c.references('checks.id')).execute();
    }
    await db.schema.alterTable('narrative_facts').addColumn('flags', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('source_tables').addColumn('mapping', 'text').execute();
    await db.schema.alterTable('documents').addColumn('truncated_at', 'integer').execute();
    await db.schema.alterTable('documents').addColumn('truncation', 'text').execute();
  },
};

// Where a department is, as a GB/T 2260 code beside the province / city / county names.
const places: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('documents').addColumn('division_code', 'text').execute();
  },
};

// Questions about a set of departments (各医保局的三公经费) look a figure up in every document at once:
// by metric, subject code or measure column, without the document.
const setIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('line_items_metric_all').on('line_items').column('metric').execute();
    await db.schema.createIndex('line_items_subject_all').on('line_items').column('subject_code').execute();
    await db.schema.createIndex('line_items_measure_all').on('line_items').columns(['column_key', 'level']).execute();
    await db.schema.createIndex('narrative_metric_all').on('narrative_facts').column('metric').execute();
  },
};

// Each document's ingest report and the figures its summary line adds up, kept with the document, so a
// document an incremental ingest reuses (same sha256) is reported without being read again.
const ingestReports: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('ingest_reports')
      .addColumn('document_id', 'integer', (c) => c.primaryKey().references('documents.id'))
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('report', 'text', (c) => c.notNull())
      .execute();
  },
};

// A measure's 合计 rows of one document (抚顺 基本支出) by the document first: the index over all documents'
// measures would otherwise be chosen, and read every document's rows for one department's question.
const documentMeasureIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('line_items_document_measure').on('line_items').columns(['document_id', 'column_key', 'level']).execute();
  },
};

// The other look-ups a set question makes of every document at once (哪个部门卫生健康支出最高): the prose by
// subject code, subjects printed with no code by name, rows with no metric by label (partial indexes: most
// rows have a code; the label is asked only of rows with no metric) and a table's 合计 rows by classification.
// The document after the key: one document's look-up searches by both, the one over all reads in document order.
const setLookupIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('narrative_subject_all').on('narrative_facts').columns(['subject_code', 'document_id']).execute();
    await db.schema.createIndex('line_items_uncoded_subject_all').on('line_items').columns(['subject_name', 'document_id']).where(sql.ref('subject_code'), 'is', null).execute();
    await db.schema.createIndex('line_items_label_all').on('line_items').columns(['row_label', 'document_id']).where(sql.ref('metric'), 'is', null).execute();
    await db.schema.createIndex('line_items_total_all').on('line_items').columns(['classification', 'level', 'document_id']).execute();
  },
};

// Why a check fails when the source is not to blame (a document cut off mid-table): the findings view says so.
const checkCauses: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('checks').addColumn('cause', 'text').execute();
    await sql`drop view failed_checks`.execute(db);
    await sql`
      create view failed_checks as
      select d.department, d.fiscal_year, c.rule, c.subject, c.message, c.lines, d.file, c.cause
      from checks c join documents d on d.id = c.document_id
      where c.passed = 0`.execute(db);
  },
};

// What a set answer reads of every document at once besides figures: the failed checks its warnings cite and the
// projects a 自评表 scores (哪个部门的项目自评得分最高; a partial index: most blocks have no score).
const setAnswerIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('checks_failed_all').on('checks').columns(['passed', 'document_id']).execute();
    await db.schema.createIndex('owners_scored_all').on('performance_owners').columns(['owner_kind', 'document_id']).where(sql.ref('total_score'), 'is not', null).execute();
  },
};

// A 自评表's 实际完成值 as a number and unit beside its text, as the target is (271家 → 271, 家).
const targetActuals: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('performance_targets').addColumn('actual_number', 'real').execute();
    await db.schema.alterTable('performance_targets').addColumn('actual_unit', 'text').execute();
  },
};

// The names of the 内设机构 a document lists (内设的第三个部门叫什么), in its order, each at its line.
const internalDepartments: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('internal_departments')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('internal_departments_document').on('internal_departments').columns(['document_id', 'ordinal']).execute();
  },
};

/** Headcounts the text states (全市 73 名离休干部): what a per-head figure of spending on those people divides by. */
const headcounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('headcounts')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
      .addColumn('people', 'text', (c) => c.notNull())
      .addColumn('count', 'real', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('raw_text', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('headcounts_document').on('headcounts').columns(['document_id', 'people']).execute();
  },
};

// The line a performance block prints its goal at (总体目标), where a number stated in the goal is cited.
const goalLines: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('performance_owners').addColumn('goal_line', 'integer').execute();
  },
};

// What a 政府采购 row buys as its 规格型号 column prints it (莲湖 SD-WAN服务): rows are named by it in questions.
const specifications: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('line_items').addColumn('specification', 'text').execute();
  },
};

// A department's project figures and a subject's children (项目支出 前5, 卫生健康支出 明细) by the document and the
// key: by the document alone they read all of its ~370 rows to keep ~50 (the first such question of a department).
const documentKeyIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('line_items_document_project').on('line_items').columns(['document_id', 'project_id']).execute();
    await db.schema.createIndex('line_items_document_parent').on('line_items').columns(['document_id', 'parent_code']).execute();
  },
};

// Units the text names as the department's own with their kind (下属参公事业单位…经办中心): 下面有没有事业单位 where no table prints kinds.
const subordinateUnits: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('subordinate_units')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('raw_text', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('subordinate_units_document').on('subordinate_units').columns(['document_id', 'line']).execute();
  },
};

const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_browsing_views': browsingView,
  '0003_build_info': buildInfo,
  '0004_provenance': provenance,
  '0005_prose_goals': proseGoals,
  '0006_lookup_indexes': lookupIndexes,
  '0007_startup_artefacts': startupArtefacts,
  '0008_corroboration': corroboration,
  '0009_places': places,
  '0010_set_indexes': setIndexes,
  '0011_ingest_reports': ingestReports,
  '0012_document_measure_index': documentMeasureIndex,
  '0013_set_lookup_indexes': setLookupIndexes,
  '0014_check_causes': checkCauses,
  '0015_set_answer_indexes': setAnswerIndexes,
  '0016_target_actuals': targetActuals,
  '0017_internal_departments': internalDepartments,
  '0018_headcounts': headcounts,
  '0019_goal_lines': goalLines,
  '0020_specifications': specifications,
  '0021_document_key_indexes': documentKeyIndexes,
  '0022_subordinate_units': subordinateUnits,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`database migration failed: ${failed?.migrationName ?? ''} ${String(error)}`);
}
