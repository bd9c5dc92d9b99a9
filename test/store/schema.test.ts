// The store's schema: migrations create every table and column of the typed
// Database interface, and the browsing views read like the printed tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrations.ts';
import type { Database } from '../../src/store/schema.ts';
import { openSeedStore, SEEDS } from '../ingest/helpers.ts';

// Written out per table so the compiler insists on every table and column of Database.
type Columns = { [T in keyof Database]: Record<keyof Database[T], true> };
const all = <T extends string>(...names: T[]) => Object.fromEntries(names.map((n) => [n, true])) as Record<T, true>;
const COLUMNS: Columns = {
  documents: all('id', 'file', 'sha256', 'title', 'department', 'province', 'city', 'county', 'division_code', 'fiscal_year', 'stage', 'amount_unit', 'line_count', 'ingested_at', 'truncated_at', 'truncation'),
  units: all('id', 'document_id', 'code', 'name', 'role', 'line', 'raw_text'),
  source_tables: all('id', 'document_id', 'kind', 'name', 'number', 'amount_unit', 'line_start', 'line_end', 'status', 'note', 'mapping'),
  table_segments: all('id', 'table_id', 'line_start', 'line_end'),
  line_items: all(
    'id', 'document_id', 'table_id', 'unit_id', 'project_id', 'line', 'row_label', 'classification', 'side', 'subject_code', 'subject_name',
    'level', 'parent_code', 'alt_code', 'alt_name', 'metric', 'column_key', 'column_label', 'scope', 'basis', 'year', 'value_kind',
    'amount_fen', 'quantity', 'precision_fen', 'raw_text', 'flags', 'as_of', 'corroboration', 'check_id', 'specification',
  ),
  projects: all('id', 'document_id', 'unit_id', 'parent_id', 'name', 'name_key', 'description', 'table_id', 'line', 'raw_text'),
  performance_owners: all(
    'id', 'document_id', 'table_id', 'owner_kind', 'name', 'unit_id', 'project_id', 'goal', 'goal_line', 'outcome', 'indicator_score',
    'execution_score', 'deduction', 'total_score', 'score_line', 'execution_rate', 'line',
  ),
  performance_targets: all(
    'id', 'owner_id', 'document_id', 'table_id', 'line', 'level1', 'level2', 'level3', 'description', 'operator', 'target_value',
    'target_number', 'target_unit', 'deadline', 'actual_value', 'actual_number', 'actual_unit', 'completion', 'weight', 'score', 'basis', 'raw_text',
  ),
  narrative_facts: all(
    'id', 'document_id', 'line', 'metric', 'aspect', 'label', 'subject_code', 'subject_name', 'year', 'basis', 'value_kind', 'amount_fen',
    'value', 'unit', 'precision_fen', 'compare_basis', 'change_direction', 'change_fen', 'change_percent', 'reason', 'raw_text',
    'change_line', 'change_raw_text', 'as_of', 'flags', 'corroboration', 'check_id',
  ),
  internal_departments: all('id', 'document_id', 'ordinal', 'name', 'line'),
  headcounts: all('id', 'document_id', 'people', 'count', 'unit', 'line', 'raw_text'),
  subordinate_units: all('id', 'document_id', 'name', 'kind', 'line', 'raw_text'),
  checks: all('id', 'document_id', 'table_id', 'rule', 'subject', 'passed', 'expected_fen', 'actual_fen', 'difference_fen', 'tolerance_fen', 'lines', 'message', 'cause'),
  build_info: all('key', 'value'),
  startup_artefacts: all('key', 'fingerprint', 'value'),
  ingest_reports: all('document_id', 'summary', 'report'),
};

describe('migrations', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-schema-'));
    store = openStore(join(dir, 'fresh.sqlite'));
    await migrateToLatest(store.db);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('create every table of the Database interface, and no other', () => {
    const tables = store.sqlite
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`)
      .pluck()
      .all();
    expect(tables).toEqual(Object.keys(COLUMNS).sort());
  });

  it.each(Object.entries(COLUMNS))('give %s exactly its interface’s columns', (table, columns) => {
    const names = store.sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table);
    expect([...names].sort()).toEqual(Object.keys(columns).sort());
  });

  it('create the browsing views', () => {
    const views = store.sqlite.prepare(`select name from sqlite_master where type = 'view' order by name`).pluck().all();
    expect(views).toEqual(['failed_checks', 'figures']);
  });

  it('are idempotent', async () => {
    await migrateToLatest(store.db);
    const applied = store.sqlite.prepare('select name from kysely_migration order by name').pluck().all();
    expect(applied).toEqual(['0001_initial', '0002_browsing_views', '0003_build_info', '0004_provenance', '0005_prose_goals', '0006_lookup_indexes', '0007_startup_artefacts', '0008_corroboration', '0009_places', '0010_set_indexes', '0011_ingest_reports', '0012_document_measure_index', '0013_set_lookup_indexes', '0014_check_causes', '0015_set_answer_indexes', '0016_target_actuals', '0017_internal_departments', '0018_headcounts', '0019_goal_lines', '0020_specifications', '0021_document_key_indexes', '0022_subordinate_units']);
  });

  it('enforce the stage and unit a document may have', () => {
    const insert = (stage: string, unit: string) =>
      store.sqlite
        .prepare(
          `insert into documents (file, sha256, title, department, fiscal_year, stage, amount_unit, line_count, ingested_at)
           values (?, '', '', '', 2024, ?, ?, 0, '')`,
        )
        .run(`${stage}-${unit}.txt`, stage, unit);
    expect(() => insert('预算', '万元')).not.toThrow();
    expect(() => insert('决算', '元')).not.toThrow();
    expect(() => insert('草案', '元')).toThrow(/CHECK/);
    expect(() => insert('预算', '千元')).toThrow(/CHECK/);
    expect(() => insert('预算', '万元')).toThrow(/UNIQUE/);
  });

  it('enforce references between tables', () => {
    expect(() =>
      store.sqlite.prepare(`insert into table_segments (table_id, line_start, line_end) values (9999, 1, 2)`).run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('the figures view, as browsed with sqlite3', () => {
  let store: Store;
  beforeAll(() => {
    store = openSeedStore();
  });
  afterAll(async () => {
    await store.close();
  });

  it('shows a figure with its document, table, line, and amount in 元 and 万元', () => {
    // 抚顺 表1 line 15: 一、一般公共预算拨款收入 58,733.91 (万元).
    const row = store.sqlite
      .prepare(`select * from figures where file = ? and line = 15 and row_label = '一、一般公共预算拨款收入'`)
      .get(SEEDS.fushun);
    expect(row).toMatchObject({
      department: '抚顺市医疗保障局',
      fiscal_year: 2024,
      stage: '预算',
      table_name: '收支预算总表',
      table_number: '表1',
      column_label: '收入/预算数',
      year: 2024,
      basis: '预算',
      yuan: '587339100.00',
      wan_yuan: '58733.91',
      raw_text: '58,733.91',
      flags: '',
    });
  });

  it('shows 元 documents in 元 to the 分', () => {
    // 莲湖 表6 line 476: 30112 其他社会保障缴费 1,268.65 (元).
    const row = store.sqlite
      .prepare(`select yuan, wan_yuan, raw_text from figures where file = ? and line = 476 and column_label = '合计'`)
      .get(SEEDS.lianhu);
    expect(row).toEqual({ yuan: '1268.65', wan_yuan: '0.13', raw_text: '1,268.65' });
  });

  it('can be filtered and counted like a printed table', () => {
    const rows = store.sqlite
      .prepare(`select line, row_label, column_label, wan_yuan from figures where file = ? and table_number = '表7' order by line, column_label`)
      .raw()
      .all(SEEDS.shenyang) as [number, string, string, string][];
    expect(rows).toHaveLength(12);
    expect(rows.every(([line]) => line === 263)).toBe(true);
    expect(rows.find(([, , label]) => label === '2023预算数/合计')?.[3]).toBe('23.65');
    const perTable = store.sqlite.prepare(`select table_number, count(*) as n from figures where file = ? group by table_number order by table_number`).raw().all(SEEDS.beipiao);
    expect(perTable).toContainEqual(['公开06表', 24]);
  });

  it('the failed_checks view lists findings with their department', () => {
    const rows = store.sqlite.prepare(`select department, rule, lines from failed_checks where file = ?`).all(SEEDS.fushun);
    expect(rows).toEqual([{ department: '抚顺市医疗保障局', rule: 'hierarchy', lines: '[171,172,173,174,186,187,188,189,190,191]' }]);
  });
});
