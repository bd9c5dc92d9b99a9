// The database every front end answers from (the CLI, the console chat, the bot),
// made ready the same way for all of them: rebuilt first when stale; when the
// rebuild fails on bad files, the last good one keeps serving and the front end
// says once which files and why; with no database at all, a clear refusal.
import { ensureDatabase, NoDatabase, type IngestFailure } from '../ingest/ensure.ts';
import { progressBar } from '../ingest/progress.ts';
import { databasePath } from '../config.ts';
import { existsSync } from 'node:fs';

export type Readiness =
  /** `notice`: what to say once before answering (answers come from an older database), or null. */
  | { ok: true; notice: string | null; failure: IngestFailure | null }
  /** Nothing to answer from: `message` says why. */
  | { ok: false; message: string; failure: IngestFailure | null };

const files = (failure: IngestFailure) => failure.files.map((f) => `· ${f.file}：${f.reason}`);

/** `building` is told (once) when a rebuild starts: it takes a few seconds. */
export async function prepareDatabase(building: (text: string) => void, paths?: { rawDir: string; dbPath: string }): Promise<Readiness> {
  try {
    // On a terminal, a rebuild of many documents shows its progress; elsewhere it is quiet.
    const bar = progressBar();
    const status = await ensureDatabase(paths, () => building('正在从 data/raw 中的文件建立数据库……'), (p) => bar.update(p)).finally(() => bar.done());
    if (status.state !== 'failed') return { ok: true, notice: null, failure: null };
    const { failure } = status;
    const notice = [
      '注意：以下文件无法导入，回答仍来自上次成功导入的数据库（不含这些文件的内容）：',
      ...files(failure),
      '修好、换掉或移走它们后，下次启动或提问时会自动重新导入。',
    ].join('\n');
    return { ok: true, notice, failure };
  } catch (err) {
    if (err instanceof NoDatabase) {
      const message = ['无法建立数据库：以下文件无法导入，还没有任何可以回答的数据。', ...files(err.failure), '修好或换掉这些文件后再试（见 README 的 Adding documents）。'].join('\n');
      return { ok: false, message, failure: err.failure };
    }
    // Not a bad document (a full disk, a directory that does not exist): said in one line, no stack.
    const reason = err instanceof Error ? err.message : String(err);
    if (existsSync(paths?.dbPath ?? databasePath)) return { ok: true, notice: `注意：重建数据库时出错（${reason}），回答仍来自上次成功导入的数据库。`, failure: null };
    return { ok: false, message: `无法建立数据库：${reason}`, failure: null };
  }
}
