// Inserting rows with statements prepared once per build and reused for every row: kysely compiles and
// prepares a statement per call, which was most of the cost of writing thousands of documents. Rows no other
// row refers to by id go in many to a statement: SQLite's work per statement (and better-sqlite3's per call)
// is then paid once per batch rather than once per row of a large document's hundreds of thousands.
import type SQLite from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { Database } from '../store/schema.ts';

type Row<T extends keyof Database> = Insertable<Database[T]>;

export interface RowWriter {
  /** Inserts one row (columns left undefined take their defaults); returns its id. */
  insert<T extends keyof Database>(table: T, row: Row<T>): number;
  /** Inserts a row whose id nothing needs: held with others of its table, in order, until a batch is full or `flush`. */
  add<T extends keyof Database>(table: T, row: Row<T>): void;
  /** Writes every row `add` holds. */
  flush(): void;
  /** Runs a statement prepared once (an update). */
  run(sql: string, ...params: unknown[]): void;
}

/** Rows per statement: few enough for SQLite's limit on parameters (32,766) at any table's width. */
const BATCH = 64;

/** The rows of one table waiting to be written: all with the same columns, in the order they were added. */
interface Pending {
  columns: string[];
  values: unknown[];
  count: number;
}

/** The columns a row gives (its defined values), in its own order. */
function columnsOf(row: Record<string, unknown>): string[] {
  const columns: string[] = [];
  for (const c in row) if (row[c] !== undefined) columns.push(c);
  return columns;
}

/** Whether a row gives exactly these columns, in this order: rows built by one literal do, and cost no list. */
function gives(row: Record<string, unknown>, columns: string[]): boolean {
  let i = 0;
  for (const c in row) {
    if (row[c] === undefined) continue;
    if (columns[i++] !== c) return false;
  }
  return i === columns.length;
}

export function rowWriter(sqlite: SQLite.Database): RowWriter {
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (sql: string) => statements.get(sql) ?? statements.set(sql, sqlite.prepare(sql)).get(sql)!;
  const insertSql = (table: string, columns: string[], rows: number) => {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    return `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows }, () => tuple).join(', ')}`;
  };
  // The last columns each table was given, with their one-row statement: a document's rows of one table all give
  // the same columns, so the statement is found without building a key per row.
  const last = new Map<string, { columns: string[]; statement: SQLite.Statement }>();
  const singleRow = (table: string, row: Record<string, unknown>) => {
    const known = last.get(table);
    if (known && gives(row, known.columns)) return known;
    const columns = columnsOf(row);
    const fresh = { columns, statement: prepared(insertSql(table, columns, 1)) };
    last.set(table, fresh);
    return fresh;
  };
  const pending = new Map<string, Pending>();
  const write = (table: string, p: Pending) => {
    if (p.count === BATCH) prepared(insertSql(table, p.columns, BATCH)).run(p.values);
    else {
      // The rest of a table's rows, fewer than a batch: one by one, rather than a statement for every count.
      const { statement } = singleRow(table, Object.fromEntries(p.columns.map((c) => [c, null])));
      const width = p.columns.length;
      for (let i = 0; i < p.count; i++) statement.run(p.values.slice(i * width, (i + 1) * width));
    }
    p.values = [];
    p.count = 0;
  };
  const flushTable = (table: string) => {
    const p = pending.get(table);
    if (p && p.count > 0) write(table, p);
  };
  return {
    insert(table, row) {
      // Rows of the table held before it go first: ids follow the order rows were given in.
      flushTable(table);
      const values = row as Record<string, unknown>;
      const { columns, statement } = singleRow(table, values);
      return Number(statement.run(columns.map((c) => values[c])).lastInsertRowid);
    },
    add(table, row) {
      const values = row as Record<string, unknown>;
      let p = pending.get(table);
      if (p && !gives(values, p.columns)) {
        if (p.count > 0) write(table, p);
        p = undefined;
      }
      if (!p) pending.set(table, (p = { columns: columnsOf(values), values: [], count: 0 }));
      for (const c of p.columns) p.values.push(values[c]);
      if (++p.count === BATCH) write(table, p);
    },
    flush() {
      for (const table of pending.keys()) flushTable(table);
    },
    run(sql, ...params) {
      prepared(sql).run(...params);
    },
  };
}
