// A fresh build writes every row before any question is asked of it: its secondary indexes are dropped while
// the rows go in and created once afterwards. SQLite then sorts each index once rather than inserting every row
// into the dozen b-trees of line_items one at a time — most of the cost of writing a large document.
import type SQLite from 'better-sqlite3';

/** Drops the secondary indexes the migrations created; returns what creates them again. */
export function deferIndexes(sqlite: SQLite.Database): () => void {
  // Indexes of UNIQUE / PRIMARY KEY constraints have no sql: they stay, as they enforce something.
  const indexes = sqlite.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null`).all() as { name: string; sql: string }[];
  for (const { name } of indexes) sqlite.exec(`drop index "${name}"`);
  return () => {
    for (const { sql } of indexes) sqlite.exec(sql);
  };
}
