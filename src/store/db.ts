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
  // The engine's connection reads a few pages per question; the kernel's page cache holds the file. SQLite's
  // own default (2 MB), not better-sqlite3's 16 MB, which a national database fills and keeps resident.
  else sqlite.pragma('cache_size = -2000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite, close: () => db.destroy() };
}
