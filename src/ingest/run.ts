// `npm run ingest`: every data/raw/*.txt into a fresh database, built in a
// temporary file and renamed into place only when all of it succeeded — a failed
// run never leaves a half-built or changed database behind. Documents stream through
// one at a time, and unchanged ones are copied from the previous database.
import SQLite from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildArtefacts, normalizedBefore, storeArtefacts } from '../query/artefacts.ts';
import { migrateToLatest } from '../store/migrations.ts';
import { openStore } from '../store/db.ts';
import { runChecks, type CheckDraft } from './checks/index.ts';
import { documentCopier, PREVIOUS } from './copy.ts';
import { deferIndexes } from './indexes.ts';
import { UnreadableDocument } from './document/metadata.ts';
import { parseDocument, type DocumentDraft } from './document/parse.ts';
import { listRawFiles } from './files.ts';
import { ingestFingerprint } from './fingerprint.ts';
import { removeAbandonedBuilds, temporaryPath } from './temporary.ts';
import { reportBody, summaryOf, withHeading, type DocumentSummary } from './report.ts';
import { reviewDocument, type Review } from './review.ts';
import { rowWriter } from './rows.ts';
import { writeDocument } from './write.ts';

export interface ParsedFile {
  file: string;
  sha256: string;
  doc: DocumentDraft;
  checks: CheckDraft[];
  review: Review;
}

/** One document's text read, checked and reviewed: everything its database rows and report are made of. */
export function readDocument(file: string, sha256: string, text: string): ParsedFile {
  const doc = parseDocument(text);
  const checks = runChecks(doc);
  return { file, sha256, doc, checks, review: reviewDocument(doc, checks) };
}

/** One document in the database built: read now, or reused from the previous database (same sha256). */
export interface StoredDocument {
  file: string;
  sha256: string;
  reused: boolean;
  summary: DocumentSummary;
}

export interface IngestResult {
  databasePath: string;
  /** Every document stored, in file order. Summaries only: a document's parse is let go once it is written. */
  documents: StoredDocument[];
  /** Files that could not be read at all; when any, nothing was written. */
  failed: { file: string; reason: string }[];
  /** Files skipped because the same content was already read under another name. */
  duplicates: { file: string; sameAs: string }[];
}

/** A document just stored, with its report: read now (`parsed`), or reused with the report stored beside it. */
export interface DocumentEvent {
  file: string;
  reused: boolean;
  report: string;
  summary: DocumentSummary;
  parsed: ParsedFile | null;
}

export interface Progress {
  done: number;
  total: number;
  /** Figures stored so far (table cells and figures read from the prose). */
  figures: number;
}

export interface IngestOptions {
  rawDir: string;
  dbPath: string;
  now?: Date;
  /** Read every document again, reusing nothing from the previous database. */
  full?: boolean;
  /** Told of each document as soon as it is stored, in file order. */
  onDocument?: (event: DocumentEvent) => void;
  /** Told after each file. */
  onProgress?: (progress: Progress) => void;
}

export class IngestFailed extends Error {
  constructor(readonly result: IngestResult) {
    super(`未能读取：${result.failed.map((f) => `${f.file}（${f.reason}）`).join('；')}`);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads one raw file as text; throws UnreadableDocument for anything that is not a disclosure in UTF-8. */
export function readDocumentText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new UnreadableDocument('不是有效的 UTF-8 文本（文件可能被截断或损坏）');
  }
  if (text.includes('\u0000')) throw new UnreadableDocument('含有二进制内容，不是文本文件');
  if (text.trim() === '') throw new UnreadableDocument('文件是空的');
  return text.replace(/^\uFEFF/, '');
}

/** A document of the previous database. */
interface PreviousDocument {
  id: number;
  file: string;
  sha256: string;
}

/**
 * The previous database's documents in id order, when it was built by this ingest code (its rows are
 * then what reading the same file again would give); else none.
 */
function previousDocuments(dbPath: string): PreviousDocument[] {
  if (!existsSync(dbPath)) return [];
  try {
    const db = new SQLite(dbPath, { readonly: true, fileMustExist: true });
    try {
      const built = db.prepare("select value from build_info where key = 'ingest_fingerprint'").pluck().get();
      if (built !== ingestFingerprint()) return [];
      return db.prepare('select id, file, sha256 from documents order by id').all() as PreviousDocument[];
    } finally {
      db.close();
    }
  } catch {
    return []; // unreadable: built anew
  }
}

/** The file's contents on disk before it is renamed into place: a crash never leaves a half-written database under the real name. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Each file's sha256, read once before the build when there is a previous database to compare with (undefined: unreadable). */
function contentHashes(rawDir: string, files: string[]): Map<string, string | undefined> {
  return new Map(
    files.map((file) => {
      try {
        return [file, sha256Of(readFileSync(join(rawDir, file)))];
      } catch {
        return [file, undefined]; // the build names it
      }
    }),
  );
}

/**
 * Whether the previous database is the start of what a full rebuild writes now: its documents, in id order,
 * are the first files (first of each content) under the same names and contents, and every later file is new.
 * A rebuild then writes the same rows with the same ids, so it may start from a copy of the previous file and
 * only read the new documents: adding documents costs what they cost, not what the corpus costs.
 */
function extendsPrevious(files: string[], hashes: Map<string, string | undefined>, previous: PreviousDocument[]): boolean {
  if (previous.length === 0) return false;
  const known = new Set(previous.map((d) => d.sha256));
  const seen = new Set<string>();
  let at = 0;
  for (const file of files) {
    const sha = hashes.get(file);
    if (sha === undefined) return false;
    if (seen.has(sha)) continue;
    seen.add(sha);
    const expected = previous[at];
    if (expected) {
      if (expected.file !== file || expected.sha256 !== sha || expected.id !== at + 1) return false;
      at++;
    } else if (known.has(sha)) return false;
  }
  return at === previous.length;
}

/**
 * Builds the database from data/raw, one document at a time inside one transaction of a temporary
 * database: read, checked, written and reported, then let go, so memory does not grow with the number
 * of documents. A document whose sha256 the previous database holds (built by the same ingest code) is
 * copied from it rather than read; when the new files only follow the previous ones, the build starts from a
 * copy of the previous file. The temporary file is renamed into place only when every file was read.
 */
export async function ingest(options: IngestOptions): Promise<IngestResult> {
  removeAbandonedBuilds(options.dbPath);
  const result: IngestResult = { databasePath: options.dbPath, documents: [], failed: [], duplicates: [] };
  const files = listRawFiles(options.rawDir);
  const before = options.full ? [] : previousDocuments(options.dbPath);
  const previous = new Map(before.map((d) => [d.sha256, d.id]));
  const hashes = before.length ? contentHashes(options.rawDir, files) : new Map<string, string | undefined>();
  const extending = extendsPrevious(files, hashes, before);

  const temporary = temporaryPath(options.dbPath);
  rmSync(temporary, { force: true });
  if (extending) copyFileSync(options.dbPath, temporary);
  const store = openStore(temporary);
  try {
    // The temporary file is no database of anyone's until it is renamed into place, and a failed build deletes it:
    // SQLite's own crash safety (a journal on disk, a sync at every commit of the migrations) buys nothing here
    // and cost seconds of waiting on a busy disk. One sync of the finished file before the rename instead.
    store.sqlite.pragma('journal_mode = MEMORY');
    store.sqlite.pragma('synchronous = OFF');
    await migrateToLatest(store.db);
    // A copy of the previous database keeps its indexes: it is mostly written already.
    const createIndexes = extending ? null : deferIndexes(store.sqlite);
    // Extending a copy of the previous database, its documents are in place already; else they are copied one by one.
    const from = extending ? 'main' : PREVIOUS;
    if (previous.size && !extending) store.sqlite.prepare(`attach database ? as ${PREVIOUS}`).run(options.dbPath);
    const copier = previous.size && !extending ? documentCopier(store.sqlite) : null;
    const storedReport = previous.size ? store.sqlite.prepare(`select summary, report from ${from}.ingest_reports where document_id = ?`) : null;
    if (extending) store.sqlite.prepare('delete from build_info').run();
    const rows = rowWriter(store.sqlite);
    const ingestedAt = (options.now ?? new Date()).toISOString();
    let figures = 0;
    await store.db.transaction().execute(async (trx) => {
      const seen = new Map<string, string>();
      for (const [i, file] of files.entries()) {
        const event = await storeFile(file);
        if (event) {
          result.documents.push({ file, sha256: event.sha256, reused: event.reused, summary: event.summary });
          figures += event.summary.figures;
          options.onDocument?.(event);
        }
        options.onProgress?.({ done: i + 1, total: files.length, figures });
      }
      if (result.documents.length === 0 && result.failed.length === 0) result.failed.push({ file: options.rawDir, reason: '目录中没有 .txt 文档' });
      if (result.failed.length > 0) throw new IngestFailed(result);
      await trx.insertInto('build_info').values({ key: 'ingest_fingerprint', value: ingestFingerprint() }).execute();
      createIndexes?.();
      // What the engine needs at start-up, computed once here rather than on every start.
      const known = previous.size ? normalizedBefore(store.sqlite, from) : undefined;
      await storeArtefacts(trx, await buildArtefacts(trx, known));

      async function storeFile(file: string): Promise<(DocumentEvent & { sha256: string }) | null> {
        try {
          // A file hashed before the build is read again only if it is to be parsed.
          const hashed = hashes.get(file);
          const read = () => readFileSync(join(options.rawDir, file));
          const bytes = hashed === undefined ? read() : null;
          const sha256 = hashed ?? sha256Of(bytes!);
          const earlier = seen.get(sha256);
          if (earlier) {
            result.duplicates.push({ file, sameAs: earlier });
            return null;
          }
          seen.set(sha256, file);
          const old = previous.get(sha256);
          if (old !== undefined) {
            if (result.failed.length === 0) copier?.copy(old, file);
            const stored = storedReport!.get(old) as { summary: string; report: string };
            return { file, sha256, reused: true, summary: JSON.parse(stored.summary), report: withHeading(file, stored.report), parsed: null };
          }
          const parsed = readDocument(file, sha256, readDocumentText(bytes ?? read()));
          const body = reportBody(parsed);
          const summary = summaryOf(parsed);
          // Once a file failed the build is lost: the rest is still read, to be reported, but not stored.
          if (result.failed.length === 0) {
            const documentId = writeDocument(rows, { file, sha256, ingestedAt }, parsed);
            rows.add('ingest_reports', { document_id: documentId, summary: JSON.stringify(summary), report: body });
            rows.flush();
          }
          return { file, sha256, reused: false, summary, report: withHeading(file, body), parsed };
        } catch (error) {
          // A file that cannot be opened (a directory, a broken link) or that the parser trips over is a bad file
          // too: named with the error, never a crash of the whole run.
          const reason = error instanceof UnreadableDocument ? error.message : `读取时出错：${error instanceof Error ? error.message : String(error)}`;
          result.failed.push({ file, reason });
          return null;
        }
      }
    });
    if (previous.size && !extending) store.sqlite.prepare(`detach database ${PREVIOUS}`).run();
    await store.close();
    syncFile(temporary);
    renameSync(temporary, options.dbPath);
  } catch (error) {
    await store.close().catch(() => undefined);
    if (existsSync(temporary)) rmSync(temporary, { force: true });
    throw error;
  }
  return result;
}
