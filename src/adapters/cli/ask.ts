// `npm run ask -- "曲阳 2023 三公经费"` prints the answer; `--json` prints one JSON
// object; `--json` without a question reads one question per stdin line and
// prints one JSON object per line (JSON Lines), in order, nothing else on stdout.
import { createInterface } from 'node:readline';
import { createEngine, ENGINE_FAILED } from '../../answer/engine.ts';
import type { AskResult } from '../../answer/types.ts';
import { prepareDatabase } from '../database.ts';

/** The JSON contract: exactly these fields, in this order. */
function contract(r: AskResult) {
  return { query: r.query, status: r.status, text: r.text, answers: r.answers, suggestions: r.suggestions };
}

/** One line of a batch: always exactly one JSON object, whatever happens while answering it. */
function answerLine(line: string): string {
  try {
    return JSON.stringify(contract(engine.ask(line)));
  } catch (err) {
    console.error(`yusuan-bot: answering ${JSON.stringify(line)} failed: ${err instanceof Error ? err.message : String(err)}`);
    return JSON.stringify({ query: line, status: 'unsupported', text: ENGINE_FAILED, answers: [], suggestions: [] });
  }
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const question = args.filter((a) => a !== '--json').join(' ');

// stdout carries answers only: what concerns the database goes to stderr.
const ready = await prepareDatabase((text) => console.error(text));
if (!ready.ok) {
  console.error(ready.message);
  process.exit(1);
}
if (ready.notice !== null) console.error(ready.notice);
const engine = await createEngine();

if (question) {
  const r = engine.ask(question);
  console.log(json ? JSON.stringify(contract(r)) : r.text);
} else if (json) {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    process.stdout.write(`${answerLine(line)}\n`);
  }
} else {
  console.error('用法：npm run ask -- "曲阳 2023 三公经费"   或   npm run ask -- --json "…"   或   echo 问题 | npm run ask -- --json');
  process.exitCode = 2;
}
