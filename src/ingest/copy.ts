// Copying a document's rows from the previous database into the one being built, for an incremental
// ingest: a file whose sha256 is unchanged is not read again. The rows get the ids a full rebuild
// would give them (each table's ids shifted to follow the rows already written), so the database is
// the same whichever way it was built. Generic over the schema: a table's rows belong to a document
// through its document_id column, or through a reference to a table that has one (table_segments →
// source_tables); every id column must be declared as a reference for it to be shifted.
import type SQLite from 'better-sqlite3';

/** The schema attached as `previous` while the copy runs. */
export const PREVIOUS = 'previous';

/** Tables that are not about one document: written once per build. */
const BUILD_TABLES = new Set(['documents', 'build_info', 'startup_artefacts']);

interface TablePlan {
  name: string;
  /** Rows of the document in `previous`, by its old id. */
  where: string;
  /** The insert: one value per column, shifted by the offsets. */
  insert: SQLite.Statement;
  /** Which offset each parameter of `insert` is, in order (`document` for the document's new id). */
  params: string[];
  firstId: SQLite.Statement | null;
  nextId: SQLite.Statement | null;
}

export interface DocumentCopier {
  /** Copies the previous database's document `oldId` as `file`; returns its new id. */
  copy(oldId: number, file: string): number;
}

export function documentCopier(sqlite: SQLite.Database): DocumentCopier {
  const tableNames = (sqlite.prepare(`select name from main.sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`).pluck().all() as string[]).filter(
    (t) => !BUILD_TABLES.has(t),
  );
  const columnsOf = (t: string) => (sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(t) as string[]);
  const referencesOf = (t: string) => new Map((sqlite.prepare(`select "from", "table" from pragma_foreign_key_list(?)`).all(t) as { from: string; table: string }[]).map((r) => [r.from, r.table]));
  const hasDocument = (t: string) => columnsOf(t).includes('document_id');

  // Referenced tables first, so every reference is in place when a row arrives.
  const order: string[] = [];
  const visit = (t: string, path: string[] = []) => {
    if (order.includes(t) || BUILD_TABLES.has(t)) return;
    if (path.includes(t)) throw new Error(`copy: reference cycle through ${t}`);
    for (const target of referencesOf(t).values()) if (target !== t) visit(target, [...path, t]);
    order.push(t);
  };
  for (const t of tableNames) visit(t);

  const plans: TablePlan[] = order.map((name) => {
    const columns = columnsOf(name);
    const refs = referencesOf(name);
    let where: string;
    if (hasDocument(name)) where = `document_id = @doc`;
    else {
      const [column, owner] = [...refs].find(([, target]) => hasDocument(target)) ?? [];
      if (!column) throw new Error(`copy: cannot tell which document the rows of ${name} belong to`);
      where = `"${column}" in (select id from ${PREVIOUS}."${owner}" where document_id = @doc)`;
    }
    const params: string[] = [];
    const values = columns.map((c) => {
      const shift = c === 'document_id' ? 'document' : c === 'id' ? name : refs.get(c);
      if (!shift) return `"${c}"`;
      params.push(shift);
      return shift === 'document' ? `@p${params.length - 1}` : `"${c}" + @p${params.length - 1}`;
    });
    const list = columns.map((c) => `"${c}"`).join(', ');
    const hasId = columns.includes('id');
    return {
      name,
      where,
      insert: sqlite.prepare(`insert into main."${name}" (${list}) select ${values.join(', ')} from ${PREVIOUS}."${name}" where ${where}${hasId ? ' order by id' : ''}`),
      params,
      firstId: hasId ? sqlite.prepare(`select min(id) from ${PREVIOUS}."${name}" where ${where}`).pluck() : null,
      nextId: hasId ? sqlite.prepare(`select coalesce(max(id), 0) + 1 from main."${name}"`).pluck() : null,
    };
  });

  const documentColumns = columnsOf('documents');
  const copyDocument = sqlite.prepare(
    `insert into main.documents (${documentColumns.map((c) => `"${c}"`).join(', ')}) select ${documentColumns
      .map((c) => (c === 'id' ? '@id' : c === 'file' ? '@file' : `"${c}"`))
      .join(', ')} from ${PREVIOUS}.documents where id = @doc`,
  );
  const nextDocument = sqlite.prepare('select coalesce(max(id), 0) + 1 from main.documents').pluck();

  return {
    copy(oldId, file) {
      const id = nextDocument.get() as number;
      copyDocument.run({ id, file, doc: oldId });
      // Each table's shift: where its rows start now, less where they started before.
      const offsets = new Map<string, number>();
      for (const p of plans) {
        const first = p.firstId?.get({ doc: oldId }) as number | null | undefined;
        if (first != null) offsets.set(p.name, (p.nextId!.get() as number) - first);
      }
      for (const p of plans) {
        const params = Object.fromEntries(p.params.map((shift, i) => [`p${i}`, shift === 'document' ? id : (offsets.get(shift) ?? 0)]));
        p.insert.run({ ...params, doc: oldId });
      }
      return id;
    },
  };
}
