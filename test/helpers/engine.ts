// One engine and one understander per test file, on the database the global setup built.
import { createEngine } from '../../src/answer/engine.ts';
import type { Engine } from '../../src/answer/types.ts';
import { databasePath } from '../../src/config.ts';
import { loadCatalog } from '../../src/query/catalog.ts';
import { createUnderstander, type Understander } from '../../src/query/understand.ts';
import { openStore } from '../../src/store/db.ts';

let engine: Promise<Engine> | null = null;
let understander: Promise<Understander> | null = null;

export function testEngine(): Promise<Engine> {
  engine ??= createEngine({ dbPath: databasePath });
  return engine;
}

export function testUnderstander(): Promise<Understander> {
  understander ??= loadCatalog(openStore(databasePath, { readonly: true }).db).then(createUnderstander);
  return understander;
}
