// `npm run ingest`: every data/raw/*.txt into a fresh database, built in a
// temporary file and renamed into place only when all of it succeeded — a failed
// run never leaves a half-built or changed database behind.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildArtefacts, storeArtefacts } from '../query/artefacts.ts';
import { migrateToLatest } from '../store/migrations.ts';
import { openStore } from '../store/db.ts';
import { runChecks, type CheckDraft } from './checks/index.ts';
import { UnreadableDocument } from './document/metadata.ts';
import { parseDocument, type DocumentDraft } from './document/parse.ts';
import { ingestFingerprint } from './fingerprint.ts';
import { removeAbandonedBuilds, temporaryPath } from './temporary.ts';
import { reviewDocument, type Review } from './review.ts';
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

export interface IngestResult {
  databasePath: string;
  parsed: ParsedFile[];
  /** Files that could not be read at all; when any, nothing was written. */
  failed: { file: string; reason: string }[];
  /** Files skipped because the same content was already read under another name. */
  duplicates: { file: string; sameAs: string }[];
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

export function listRawFiles(rawDir: string): string[] {
  return readdirSync(rawDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

export function parseRawFiles(rawDir: string): Omit<IngestResult, 'databasePath'> {
  const result: Omit<IngestResult, 'databasePath'> = { parsed: [], failed: [], duplicates: [] };
  const seen = new Map<string, string>();
  for (const file of listRawFiles(rawDir)) {
    try {
      const bytes = readFileSync(join(rawDir, file));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const earlier = seen.get(sha256);
      if (earlier) {
        result.duplicates.push({ file, sameAs: earlier });
        continue;
      }
      seen.set(sha256, file);
      result.parsed.push(readDocument(file, sha256, readDocumentText(bytes)));
    } catch (error) {
      // A file that cannot be opened (a directory, a broken link) or that the parser trips over is a bad file
      // too: named with the error, never a crash of the whole run.
      const reason = error instanceof UnreadableDocument ? error.message : `读取时出错：${error instanceof Error ? error.message : String(error)}`;
      result.failed.push({ file, reason });
    }
  }
  if (result.parsed.length === 0 && result.failed.length === 0) result.failed.push({ file: rawDir, reason: '目录中没有 .txt 文档' });
  return result;
}

export async function ingest(options: { rawDir: string; dbPath: string; now?: Date }): Promise<IngestResult> {
  removeAbandonedBuilds(options.dbPath);
  const parsed = parseRawFiles(options.rawDir);
  const result: IngestResult = { ...parsed, databasePath: options.dbPath };
  if (result.failed.length > 0) throw new IngestFailed(result);

  const temporary = temporaryPath(options.dbPath);
  rmSync(temporary, { force: true });
  const store = openStore(temporary);
  try {
    await migrateToLatest(store.db);
    const ingestedAt = (options.now ?? new Date()).toISOString();
    await store.db.transaction().execute(async (trx) => {
      for (const p of result.parsed) await writeDocument(trx, { file: p.file, sha256: p.sha256, ingestedAt }, p);
      await trx.insertInto('build_info').values({ key: 'ingest_fingerprint', value: ingestFingerprint() }).execute();
      // What the engine needs at start-up, computed once here rather than on every start.
      await storeArtefacts(trx, await buildArtefacts(trx));
    });
    await store.close();
    renameSync(temporary, options.dbPath);
  } catch (error) {
    await store.close().catch(() => undefined);
    if (existsSync(temporary)) rmSync(temporary, { force: true });
    throw error;
  }
  return result;
}
