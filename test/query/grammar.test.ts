// The grammar and the lexer's patterns pass chevrotain's own checks (ambiguities, left recursion, patterns that
// cannot match): the engine builds both without them, on every start, since they are code checked here.
import { describe, expect, it } from 'vitest';
import { createParser } from '../../src/query/grammar/parser.ts';
import { buildTokens } from '../../src/query/grammar/tokens.ts';
import { assembleLexicon, lexiconData } from '../../src/query/lexicon/lexicon.ts';
import { loadCatalog } from '../../src/query/catalog.ts';
import { databasePath } from '../../src/config.ts';
import { openStore } from '../../src/store/db.ts';

describe('grammar', () => {
  it('passes chevrotain’s grammar and lexer validations', async () => {
    const store = openStore(databasePath, { readonly: true });
    const lexicon = assembleLexicon(lexiconData(await loadCatalog(store.db)));
    await store.close();
    const tokens = buildTokens(lexicon, { validate: true });
    expect(tokens.lexer.lexerDefinitionErrors).toEqual([]);
    expect(() => createParser(tokens, { validate: true })).not.toThrow();
  });
});
