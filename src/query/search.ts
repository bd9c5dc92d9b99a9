// Fuzzy project search. lunr's default tokenizer finds nothing in Chinese, so
// names are indexed as character unigrams and bigrams, and a query is cut the
// same way, widened by a small synonym list (医保 → 医疗保险).
import lunr from 'lunr';
import { LruMap } from '../lru.ts';
import vocabulary from '../../grammar/synonyms.json' with { type: 'json' };
import type { CatalogProject } from './catalog.ts';

const synonyms: Record<string, string[]> = vocabulary.synonyms;

/** Unigrams and bigrams of the Chinese and latin characters in a text. */
export function grams(text: string): string[] {
  const chars = Array.from(text.toLowerCase().replace(/[^\u3400-\u9fffa-z0-9]/g, ''));
  const out = [...chars];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** A project whose name shares words with the query, in lunr's order (best first). */
export interface ProjectHit {
  project: CatalogProject;
  /** Share of the query's bigrams found in the name. */
  coverage: number;
}

export interface ProjectSearch {
  search(query: string, documentIds?: ReadonlySet<number>): readonly ProjectHit[];
}

/**
 * The index as plain data: each distinct project name once (many departments run projects of the
 * same name), and lunr's serialised index over them, whose refs are positions in `names`.
 * The ingest stores it as a start-up artefact (src/query/artefacts.ts).
 */
export interface SearchIndexData {
  names: string[];
  index: object;
}

export function searchIndexData(projects: CatalogProject[]): SearchIndexData {
  const names = [...new Set(projects.map((p) => p.name))];
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    this.field('name');
    this.tokenizer = ((obj: unknown) => (obj == null ? [] : grams(String(obj)).map((g) => new lunr.Token(g, {})))) as typeof lunr.tokenizer;
    names.forEach((name, i) => this.add({ id: String(i), name }));
  });
  return { names, index: index.toJSON() };
}

/** The most name hits the search keeps, over all the query strings it remembers (most recently used first). */
const MAX_REMEMBERED_HITS = 100_000;

export function buildProjectSearch(projects: CatalogProject[], data: SearchIndexData = searchIndexData(projects)): ProjectSearch {
  const index = lunr.Index.load(data.index);
  const projectsNamed = new Map<string, CatalogProject[]>();
  for (const p of projects) projectsNamed.set(p.name, [...(projectsNamed.get(p.name) ?? []), p]);
  // A name's grams are cut when a query first reaches it, not for every name at start-up.
  const nameGrams = new Map<string, Set<string>>();
  const gramsOf = (name: string) => nameGrams.get(name) ?? nameGrams.set(name, new Set(grams(name))).get(name)!;

  // Hits per query string, by name, kept: the index never changes, and the same loose words come back often.
  const remembered = new LruMap<string, { name: string; coverage: number }[]>(MAX_REMEMBERED_HITS, { weigh: (hits) => hits.length + 1 });

  function hitsOf(query: string): { name: string; coverage: number }[] {
    const expanded = [query, ...Object.entries(synonyms).flatMap(([k, vs]) => (query.includes(k) ? vs.map((v) => query.replace(k, v)) : []))];
    // The bigrams of the query and of each synonym variant of it; the query's come first.
    const variants = expanded.map((e) => grams(e).filter((g) => g.length > 1));
    // Only a shared bigram gives a name any coverage, so unigrams (which match most names, and cost
    // most of the search) are asked only of a one-character query.
    const bigrams = variants.flat();
    const terms = new Set(bigrams.length ? bigrams : expanded.flatMap(grams));
    if (terms.size === 0) return [];
    const results = index.query((q) => {
      for (const term of terms) q.term(term, { usePipeline: false });
    });
    return results.map((r) => {
      const name = data.names[Number(r.ref)]!;
      const own = gramsOf(name);
      const coverage = Math.max(...variants.map((v) => (v.length ? v.filter((g) => own.has(g)).length / v.length : 0)));
      return { name, coverage: variants[0]!.length ? coverage : own.has(query) ? 1 : 0 };
    });
  }

  return {
    search(query, documentIds) {
      let hits = remembered.get(query);
      if (!hits) remembered.set(query, (hits = hitsOf(query)));
      return hits.flatMap(({ name, coverage }) =>
        (projectsNamed.get(name) ?? []).filter((p) => !documentIds || documentIds.has(p.documentId)).map((project) => ({ project, coverage })),
      );
    },
  };
}

/** The search `build` makes, made when first searched: a question that names no project (a ranking) never loads the index. */
export function lazyProjectSearch(build: () => ProjectSearch): ProjectSearch {
  let search: ProjectSearch | null = null;
  return { search: (query, documentIds) => (search ??= build()).search(query, documentIds) };
}
