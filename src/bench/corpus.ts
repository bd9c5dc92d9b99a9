// A synthetic corpus for `npm run bench -- --scale N`: the seeds as they are, then copies of them
// published by other departments — each copy's place names replaced by those of a real county
// (GB/T 2260, from the division data the ingest reads places with), so every copy is a department of
// its own with a name the place reader knows. The figures stay the seeds' own.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../ingest/document/parse.ts';
import { listRawFiles } from '../ingest/files.ts';
import { readDocumentText } from '../ingest/run.ts';
import { ancestry, divisions, type Division } from '../store/places/divisions.ts';
import { readPlace } from '../store/places/reading.ts';
import { alternation } from '../query/normalize/words.ts';

interface Seed {
  file: string;
  text: string;
  /** The places the department's name prints, outermost first (辽宁省, 朝阳市, 北票市). */
  places: Division[];
}

function seedsOf(rawDir: string): Seed[] {
  return listRawFiles(rawDir).map((file) => {
    const text = readDocumentText(readFileSync(join(rawDir, file)));
    const places = readPlace(parseDocument(text).meta.department).printed.map((p) => p.candidates[0]!);
    return { file, text, places };
  });
}

const scatter = (d: Division) => Math.imul(Number(d.code), 2654435761) >>> 0;

const stemOf = (d: Division) => divisions().namesOf(d).find((f) => f.kind === 'stem')?.text ?? null;

/**
 * Counties whose full name and stem name no other division, so each copy's department is unambiguous;
 * in a fixed scattered order, so the copies spread over the provinces rather than start in 北京.
 */
function counties(exclude: Set<Division>): Division[] {
  const { byCode, forms } = divisions();
  const unique = (text: string | null) => text !== null && text.length >= 2 && forms.get(text)?.length === 1;
  return [...byCode.values()].filter((d) => d.level === 'county' && !exclude.has(d) && unique(d.name) && unique(stemOf(d))).sort((a, b) => scatter(a) - scatter(b) || a.code.localeCompare(b.code));
}

/**
 * The seed's text with its places renamed to `county` and those it lies in: the department's own place
 * becomes the county (抚顺市医疗保障局 → 正定县医疗保障局), a place printed before it the county's
 * province or city, each by full name and by stem.
 */
function renamed(seed: Seed, county: Division): string {
  const chain = ancestry(county);
  const replacements = new Map<string, string>();
  seed.places.forEach((place, i) => {
    const last = i === seed.places.length - 1;
    const target = last ? county : (chain.find((d) => d.level === place.level) ?? county);
    replacements.set(place.name, target.name);
    const [from, to] = [stemOf(place), stemOf(target)];
    if (from) replacements.set(from, to ?? target.name);
  });
  const pattern = new RegExp(alternation([...replacements.keys()]), 'g');
  return seed.text.replace(pattern, (m) => replacements.get(m)!);
}

/** Writes N documents into `outDir`: the seeds of `rawDir`, then renamed copies in turn; returns the files written. */
export function synthesizeCorpus(n: number, rawDir: string, outDir: string): string[] {
  const seeds = seedsOf(rawDir);
  const places = counties(new Set(seeds.flatMap((s) => s.places)));
  if (n - seeds.length > places.length) throw new Error(`at most ${seeds.length + places.length} documents: there are ${places.length} counties to name copies after`);
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (let i = 0; i < n; i++) {
    const seed = seeds[i % seeds.length]!;
    if (i < seeds.length) {
      writeFileSync(join(outDir, seed.file), seed.text);
      written.push(seed.file);
      continue;
    }
    const county = places[i - seeds.length]!;
    const file = `${String(i).padStart(5, '0')}_${county.code}.txt`;
    writeFileSync(join(outDir, file), renamed(seed, county));
    written.push(file);
  }
  return written;
}

/**
 * One document of at least `bytes` (UTF-8): the first seed's text printed over and over, its tables and prose
 * repeated as in a long compilation — for the ingest's time in the size of one file.
 */
export function largeDocument(rawDir: string, bytes: number): string {
  const [seed] = seedsOf(rawDir);
  if (!seed) throw new Error(`no documents in ${rawDir}`);
  return Array.from({ length: Math.ceil(bytes / Buffer.byteLength(seed.text)) }, () => seed.text).join('\n');
}
