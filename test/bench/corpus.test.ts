// The synthetic corpus `npm run bench -- --scale N` builds: the seeds, then copies of them under the
// names of real counties, each read by the ingest as a department of its own with the seed's figures.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { synthesizeCorpus } from '../../src/bench/corpus.ts';
import { rawDir } from '../../src/config.ts';
import { readDocument } from '../../src/ingest/run.ts';
import { divisions } from '../../src/store/places/divisions.ts';
import { SEEDS } from '../ingest/helpers.ts';

describe('synthetic corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = synthesizeCorpus(9, rawDir, dir);
  const read = (file: string) => readDocument(file, '', readFileSync(join(dir, file), 'utf8'));

  it('starts with the seeds as they are', () => {
    expect(files.slice(0, 5)).toEqual(Object.values(SEEDS));
    for (const f of files.slice(0, 5)) expect(readFileSync(join(dir, f))).toEqual(readFileSync(join(rawDir, f)));
  });

  it('names each copy after a real county, a department of its own with its seed’s figures', () => {
    const copies = files.slice(5).map(read);
    const departments = copies.map((p) => p.doc.meta.department);
    expect(new Set(departments).size).toBe(copies.length);
    copies.forEach((copy, i) => {
      const county = divisions().byCode.get(files[5 + i]!.slice(6, 12))!;
      expect(county.level).toBe('county');
      expect(copy.doc.meta.divisionCode).toBe(county.code);
      const seed = read(files[i % 5]!);
      const figures = (p: typeof seed) => p.doc.tables.flatMap((t) => t.cells.map((c) => `${c.line}:${c.fen}`));
      expect(figures(copy)).toEqual(figures(seed));
      expect(copy.checks.filter((c) => !c.passed).length).toBe(seed.checks.filter((c) => !c.passed).length);
    });
  });
});
