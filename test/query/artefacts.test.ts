// Start-up artefacts: the catalog, lexicon and project index the ingest stores are what the engine
// would compute from the rows; the engine uses them when current, and computes its own otherwise.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.ts';
import { databasePath } from '../../src/config.ts';
import { buildArtefacts, readArtefacts } from '../../src/query/artefacts.ts';
import { openStore } from '../../src/store/db.ts';

const QUESTIONS = ['曲阳 2023 三公经费', '抚顺 2024 项目支出 前5', '沈阳 印刷服务', '哪个部门三公经费最高', 'quyang 2023 sangong', '莲湖 绿化支出'];

describe('start-up artefacts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-artefacts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are stored by the ingest, current, and equal to what the rows give', async () => {
    const store = openStore(databasePath, { readonly: true });
    const stored = readArtefacts(store.sqlite);
    expect(stored).not.toBeNull();
    expect(stored).toEqual(JSON.parse(JSON.stringify(await buildArtefacts(store.db))));
    await store.close();
  });

  it('built by other code are not used: the engine computes its own and answers alike', async () => {
    const stale = join(dir, 'stale.sqlite');
    copyFileSync(databasePath, stale);
    const db = new SQLite(stale);
    db.prepare("update startup_artefacts set fingerprint = 'other code'").run();
    db.close();
    const store = openStore(stale, { readonly: true });
    expect(readArtefacts(store.sqlite)).toBeNull();
    await store.close();
    const [current, rebuilt] = await Promise.all([createEngine({ dbPath: databasePath }), createEngine({ dbPath: stale })]);
    for (const q of QUESTIONS) expect(rebuilt.ask(q).text, q).toBe(current.ask(q).text);
  });
});
