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
  // By the table and the columns given: the statement's text is built once per shape of row, not once per row.
  const inserts = new Map<string, SQLite.Statement>();
  return {
    insert(table, row) {
      const values = row as Record<string, unknown>;
      const columns = Object.keys(values).filter((c) => values[c] !== undefined);
      const shape = `${table}(${columns.join()})`;
      let statement = inserts.get(shape);
      if (!statement) {
        statement = sqlite.prepare(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
        inserts.set(shape, statement);
      }
      return Number(statement.run(columns.map((c) => values[c])).lastInsertRowid);
    },
    run(sql, ...params) {
      prepared(sql).run(...params);
    },
  };
}
