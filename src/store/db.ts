// Opening the SQLite database: kysely for building queries, better-sqlite3 underneath.
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';

export interface Store {
  /** The typed query builder. */
  db: Kysely<Database>;
  /** The same connection, for prepared statements compiled once from kysely queries. */
  sqlite: SQLite.Database;
  close(): Promise<void>;
}

export function openStore(path: string, options: { readonly?: boolean } = {}): Store {
  const sqlite = new SQLite(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite, close: () => db.destroy() };
}
