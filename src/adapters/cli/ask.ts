// `npm run ask -- "曲阳 2023 三公经费"` prints the answer; `--json` prints one JSON
// object; `--json` without a question reads one question per stdin line and
// prints one JSON object per line (JSON Lines), in order, nothing else on stdout.
import { createInterface } from 'node:readline';
import { createEngine } from '../../answer/engine.ts';
import type { AskResult } from '../../answer/types.ts';
import { ensureDatabase } from '../../ingest/ensure.ts';

/** The JSON contract: exactly these fields, in this order. */
function contract(r: AskResult) {
  return { query: r.query, status: r.status, text: r.text, answers: r.answers, suggestions: r.suggestions };
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const question = args.filter((a) => a !== '--json').join(' ');

await ensureDatabase();
const engine = await createEngine();

if (question) {
  const r = engine.ask(question);
  console.log(json ? JSON.stringify(contract(r)) : r.text);
} else if (json) {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    process.stdout.write(`${JSON.stringify(contract(engine.ask(line)))}\n`);
  }
} else {
  console.error('用法：npm run ask -- "曲阳 2023 三公经费"   或   npm run ask -- --json "…"   或   echo 问题 | npm run ask -- --json');
  process.exitCode = 2;
}
