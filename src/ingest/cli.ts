// `npm run ingest`: builds data/budget.sqlite from data/raw/*.txt and prints the report.
import { databasePath, rawDir } from '../config.ts';
import { ingestReport, percent } from './report.ts';
import { IngestFailed, ingest } from './run.ts';

try {
  const result = await ingest({ rawDir, dbPath: databasePath });
  console.log(ingestReport(result));
  const failed = result.parsed.reduce((n, p) => n + p.checks.filter((c) => !c.passed).length, 0);
  const found = result.parsed.reduce((n, p) => n + p.review.coverage.found, 0);
  const stored = result.parsed.reduce((n, p) => n + p.review.coverage.stored, 0);
  const truncated = result.parsed.filter((p) => p.review.truncation).length;
  console.log(`\n已写入 ${databasePath}：${result.parsed.length} 份文档，表格数字存入 ${stored}/${found}（${percent(stored, found)}），核对未通过 ${failed} 项（见上，均为原文问题，未作更正）${truncated ? `，${truncated} 份文档不完整` : ''}。`);
} catch (error) {
  if (error instanceof IngestFailed) {
    console.error(ingestReport(error.result));
    console.error(`\n${error.message}\n数据库未改动：${databasePath}`);
  } else {
    console.error(`入库失败：${error instanceof Error ? error.message : String(error)}\n数据库未改动：${databasePath}`);
  }
  process.exitCode = 1;
}
