// Every statement the engine runs — at start-up and while answering the whole corpus — is planned
// with an index: no SCAN of a table that grows with the documents' figures, so the cost of a
// question and of a start does not grow with the corpus. Only `documents` (one row per document)
// may be read whole.
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.ts';
import { databasePath } from '../../src/config.ts';
import { corpus, negatives } from '../corpus/corpus.ts';

const READ_WHOLE = new Set(['documents']);

type Run = (this: SQLite.Statement, ...params: unknown[]) => unknown;

/** SQL of the statements better-sqlite3 ran while `run` ran (kysely runs through it too). */
async function statementsOf(run: () => Promise<unknown> | unknown): Promise<Set<string>> {
  const seen = new Set<string>();
  const probe = new SQLite(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<'all' | 'get' | 'iterate' | 'run', Run>;
  probe.close();
  const originals = (['all', 'get', 'iterate', 'run'] as const).map((name) => [name, statement[name]] as const);
  for (const [name, original] of originals) {
    statement[name] = function (this: SQLite.Statement, ...params: unknown[]) {
      seen.add(this.source);
      return original.apply(this, params);
    };
  }
  try {
    await run();
  } finally {
    for (const [name, original] of originals) statement[name] = original;
  }
  return seen;
}

describe('query plans', () => {
  const db = new SQLite(databasePath, { readonly: true });
  let startup: Set<string>;
  let answering: Set<string>;
  beforeAll(async () => {
    let engine!: Awaited<ReturnType<typeof createEngine>>;
    startup = await statementsOf(async () => (engine = await createEngine({ dbPath: databasePath })));
    answering = await statementsOf(() => {
      for (const { q } of [...corpus, ...negatives]) engine.ask(q);
      engine.catalog();
    });
  });
  afterAll(() => db.close());

  /** The tables a statement's plan reads whole. */
  function scanned(sql: string): string[] {
    const params = (sql.match(/\?/g) ?? []).map(() => 0);
    const plan = db.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[];
    return plan.flatMap((row) => /^SCAN (\w+)/.exec(row.detail)?.[1] ?? []);
  }

  it('start-up reads the documents and the stored artefacts, and nothing that grows with the figures', () => {
    const tables = [...startup].flatMap((sql) => [...sql.matchAll(/from "?(\w+)"?/gi)].map((m) => m[1]!));
    expect(new Set(tables)).toEqual(new Set(['documents', 'startup_artefacts']));
    for (const sql of startup) expect(scanned(sql).filter((t) => !READ_WHOLE.has(t) && t !== 'startup_artefacts'), sql).toEqual([]);
  });

  it('a look-up of one document searches by the document, never through every document’s rows', () => {
    const byDocument = [...answering].filter((sql) => /"document_id" = \?/.test(sql));
    expect(byDocument.length).toBeGreaterThan(5);
    for (const sql of byDocument) {
      const params = (sql.match(/\?/g) ?? []).map(() => 0);
      const [first] = db.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[];
      expect(first!.detail, sql).toMatch(/document_id=\?/);
    }
  });

  it('a document’s project figures and a subject’s children are searched by the document and that key, not read in the whole document', () => {
    const keyed = [...answering].filter((sql) => /"document_id" = \?/.test(sql) && /"(project_id" is not null|parent_code" = \?)/.test(sql));
    expect(keyed.length).toBeGreaterThanOrEqual(2);
    for (const sql of keyed) {
      const params = (sql.match(/\?/g) ?? []).map(() => 0);
      const [first] = db.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[];
      expect(first!.detail, sql).toMatch(/document_id=\? AND (project_id>\?|parent_code=\?)/);
    }
  });

  it('answering scans no large table', () => {
    expect(answering.size).toBeGreaterThan(10);
    for (const sql of answering) expect(scanned(sql).filter((t) => !READ_WHOLE.has(t)), sql).toEqual([]);
  });
});
