// The rows and derived lists the engine keeps for questions asked again are bounded: however many
// look-ups, what is kept never exceeds its limit, and a look-up gives the same rows kept or not.
import { describe, expect, it } from 'vitest';
import { prepareQueries } from '../../src/answer/data.ts';
import { createMemo, remember, type Sources } from '../../src/answer/sources.ts';
import { openSeedStore } from '../ingest/helpers.ts';

describe('bounded caches', () => {
  const store = openSeedStore();
  const documents = store.sqlite.prepare('select id from documents order by id').pluck().all() as number[];
  const codes = store.sqlite.prepare("select distinct subject_code from line_items where subject_code is not null").pluck().all() as string[];
  const metrics = store.sqlite.prepare('select distinct metric from line_items where metric is not null').pluck().all() as string[];

  it('keep at most their limit of rows, and give the same rows as unbounded ones', () => {
    const limit = 300;
    const small = prepareQueries(store.db, store.sqlite, limit);
    const large = prepareQueries(store.db, store.sqlite, 10_000_000);
    for (let round = 0; round < 2; round++) {
      for (const doc of documents) {
        for (const code of codes) {
          expect(small.figuresBySubject(doc, code)).toEqual(large.figuresBySubject(doc, code));
          expect(small.kept.weight).toBeLessThanOrEqual(limit);
        }
        for (const metric of metrics) expect(small.figuresByMetric(doc, metric)).toEqual(large.figuresByMetric(doc, metric));
        expect(small.projectFigures(doc)).toEqual(large.projectFigures(doc));
        expect(small.kept.weight).toBeLessThanOrEqual(limit);
      }
    }
    expect(large.kept.weight).toBeGreaterThan(limit);
  });

  it('keep at most their limit of derived list items', () => {
    const s = { memo: createMemo(100) } as Sources;
    for (let i = 0; i < 1_000; i++) {
      const key = (i * 7) % 300;
      expect(remember(s, `list|${key}`, () => Array.from({ length: key % 17 }, (_, k) => k))).toHaveLength(key % 17);
      expect(s.memo.weight).toBeLessThanOrEqual(100);
    }
  });
});
