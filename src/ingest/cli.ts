// `npm run ingest`: builds data/budget.sqlite from data/raw/*.txt and prints the report, each
// document's as it is stored; `--full` reads every document again instead of reusing unchanged ones.
import { databasePath, rawDir } from '../config.ts';
import { progressBar } from './progress.ts';
import { closingLine, ingestReport } from './report.ts';
import { IngestFailed, ingest } from './run.ts';

const bar = progressBar();
try {
  const result = await ingest({
    rawDir,
    dbPath: databasePath,
    full: process.argv.includes('--full'),
    onDocument: (d) => d.reused || bar.print(`${d.report}\n`),
    onProgress: (p) => bar.update(p),
  });
  bar.done();
  const rest = ingestReport(result);
  if (rest) console.log(`${rest}\n`);
  console.log(closingLine(result));
} catch (error) {
  bar.done();
  if (error instanceof IngestFailed) {
    console.error(ingestReport(error.result));
    console.error(`\n${error.message}\n数据库未改动：${databasePath}`);
  } else {
    console.error(`入库失败：${error instanceof Error ? error.message : String(error)}\n数据库未改动：${databasePath}`);
  }
  process.exitCode = 1;
}
