// Inserting rows with statements prepared once per build and reused for every row: kysely compiles and
// prepares a statement per call, which was most of the cost of writing thousands of documents. Rows go in many
// to a statement: SQLite's work per statement (and better-sqlite3's per call) is then paid once per batch rather
// than once per row of a large document's hundreds of thousands. A row others refer to is given its id here
// (the one SQLite would give it: the build only ever appends), so it can wait in a batch too.
import type SQLite from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { Database } from '../store/schema.ts';

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** Tables whose rows have an integer `id` that others refer to. */
type WithId = { [T in keyof Database]: 'id' extends keyof Database[T] ? T : never }[keyof Database];

export interface RowWriter {
  /** Inserts one row (columns left undefined take their defaults); returns its id. Written with the next `add`s of its table. */
  insert<T extends WithId>(table: T, row: Row<T>): number;
  /**
   * Inserts a row: held with the rows given just before it of the same table until a batch is full, a row of
   * another table comes (rows go in in the order given, so a reference is in place before the row that makes it) or `flush`.
   */
  add<T extends keyof Database>(table: T, row: Row<T>): void;
  /** Writes every row held. Rows written by others after it (a document copied) are seen by the next `insert`. */
  flush(): void;
  /** Runs a statement prepared once (an update), after the rows held. */
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
  /** The table the last row held is of: only its rows are held (see `add`). */
  let holding: string | null = null;
  /** The next id of each table written to since the last flush. */
  const nextIds = new Map<string, number>();
  const firstFreeId = (table: string) =>
    prepared(`select max(coalesce((select seq from sqlite_sequence where name = ?), 0), coalesce((select max(id) from "${table}"), 0)) + 1`)
      .pluck()
      .get(table) as number;
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
  const release = () => {
    const p = holding === null ? undefined : pending.get(holding);
    if (p && p.count > 0) write(holding!, p);
    holding = null;
  };
  const writer: RowWriter = {
    insert(table, row) {
      const id = nextIds.get(table) ?? firstFreeId(table);
      nextIds.set(table, id + 1);
      writer.add(table, { id, ...row });
      return id;
    },
    add(table, row) {
      if (holding !== table) {
        release();
        holding = table;
      }
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
      release();
      nextIds.clear();
    },
    run(sql, ...params) {
      release();
      prepared(sql).run(...params);
    },
  };
  return writer;
}
