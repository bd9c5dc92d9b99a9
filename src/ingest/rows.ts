// Inserting rows with statements prepared once per build and reused for every row: kysely compiles and
// prepares a statement per call, which was most of the cost of writing thousands of documents.
import type SQLite from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { Database } from '../store/schema.ts';

export interface RowWriter {
  /** Inserts one row (columns left undefined take their defaults); returns its id. */
  insert<T extends keyof Database>(table: T, row: Insertable<Database[T]>): number;
  /** Runs a statement prepared once (an update). */
  run(sql: string, ...params: unknown[]): void;
}

export function rowWriter(sqlite: SQLite.Database): RowWriter {
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (sql: string) => statements.get(sql) ?? statements.set(sql, sqlite.prepare(sql)).get(sql)!;
  return {
    insert(table, row) {
      const entries = Object.entries(row).filter(([, v]) => v !== undefined);
      const sql = `insert into "${table}" (${entries.map(([c]) => `"${c}"`).join(', ')}) values (${entries.map(() => '?').join(', ')})`;
      return Number(prepared(sql).run(...entries.map(([, v]) => v)).lastInsertRowid);
    },
    run(sql, ...params) {
      prepared(sql).run(...params);
    },
  };
}
