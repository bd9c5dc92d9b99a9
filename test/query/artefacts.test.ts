// Start-up artefacts: the catalog, lexicon and project index the ingest stores are what the engine
// would compute from the rows; the engine uses them when current, and computes its own otherwise.
// The lexicon read in parts finds what one trie of every phrase (the lexicon as it was held whole) finds.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.ts';
import { databasePath } from '../../src/config.ts';
import { buildArtefacts, normalizedBefore, readArtefacts, type BuiltArtefacts } from '../../src/query/artefacts.ts';
import { assembleLexicon, ENTRY_BLOCK, groupLexicon, heldSource, lexiconFrom, type Entry } from '../../src/query/lexicon/lexicon.ts';
import { Trie } from '../../src/query/lexicon/trie.ts';
import { openStore } from '../../src/store/db.ts';

const QUESTIONS = ['曲阳 2023 三公经费', '抚顺 2024 项目支出 前5', '沈阳 印刷服务', '哪个部门三公经费最高', 'quyang 2023 sangong', '莲湖 绿化支出'];

describe('start-up artefacts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-artefacts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are stored by the ingest, current, and equal to what the rows give', async () => {
    const store = openStore(databasePath, { readonly: true });
    const stored = readArtefacts(store.sqlite);
    expect(stored).not.toBeNull();
    const built = JSON.parse(JSON.stringify(await buildArtefacts(store.db))) as BuiltArtefacts;
    expect(stored!.catalog).toEqual(built.catalog);
    expect(stored!.search).toEqual(built.search);
    // The lexicon read in parts is the lexicon computed whole: every group of phrases, every block of entries.
    const held = heldSource(groupLexicon(built.lexicon));
    expect(stored!.lexicon.firstChars).toEqual(held.firstChars);
    for (const first of held.firstChars) expect(stored!.lexicon.group(first), first).toEqual(held.group(first));
    for (let block = 0; block * ENTRY_BLOCK < built.lexicon.values.length; block++) expect(stored!.lexicon.entries(block)).toEqual(held.entries(block));
    expect(stored!.lexicon.offered()).toEqual(held.offered());
    await store.close();
  });

  it('keep the texts the lexicon normalised, and a lexicon built from them is the one built without', async () => {
    const store = openStore(databasePath, { readonly: true });
    const known = normalizedBefore(store.sqlite);
    const fresh = await buildArtefacts(store.db);
    expect([...known]).toEqual([...fresh.normalized]);
    expect(known.size).toBeGreaterThan(100);
    expect((await buildArtefacts(store.db, known)).lexicon).toEqual(fresh.lexicon);
    await store.close();
  });

  it('read in parts, find the entry the whole lexicon finds, at every position of every phrase', async () => {
    const store = openStore(databasePath, { readonly: true });
    const built = await buildArtefacts(store.db);
    const [parts, whole] = [lexiconFrom(readArtefacts(store.sqlite)!.lexicon), assembleLexicon(built.lexicon)];
    const trie = new Trie<Entry>();
    for (const { texts, values } of [built.lexicon.phrases, built.lexicon.shapeWords]) texts.forEach((text, i) => trie.add(text, built.lexicon.values[values[i]!]!));
    const texts = [...built.lexicon.phrases.texts, ...built.lexicon.shapeWords.texts, '哪个部门三公经费最高', '曲阳2023三公经费'];
    for (const text of texts) {
      for (let at = 0; at < text.length; at++) {
        const expected = trie.longest(text, at);
        expect(parts.longest(text, at), `${text}@${at}`).toEqual(expected);
        expect(whole.longest(text, at), `${text}@${at}`).toEqual(expected);
      }
    }
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
