// The figures on the project's own documents: per-question latency over the whole corpus in-process
// (p50, p99, questions per second), the engine's start-up, the one-shot CLI cold start, and the bot's
// update throughput against a bare telegraf echo bot.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../answer/engine.ts';
import { projectRoot } from '../config.ts';
import { ensureDatabase } from '../ingest/ensure.ts';
import { benchBot } from './bot.ts';
import { machineLoad, quantile } from './measure.ts';

const ROUNDS = 20;

export async function benchSeeds(): Promise<void> {
  await ensureDatabase();
  // The corpus and its families (test/corpus/families: every question, and every turn of a conversation asked alone).
  const corpusDir = join(projectRoot, 'test', 'corpus');
  const files = [join(corpusDir, 'questions.json'), ...readdirSync(join(corpusDir, 'families')).map((f) => join(corpusDir, 'families', f))];
  const entries = files.flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as ({ q: string } | { dialog: { q: string }[] })[]);
  const questions = entries.flatMap((e) => ('dialog' in e ? e.dialog.map((t) => t.q) : [e.q]));

  let t = performance.now();
  const engine = await createEngine();
  const startupMs = performance.now() - t;

  for (const q of questions) engine.ask(q);
  const samples: number[] = [];
  t = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of questions) {
      const start = performance.now();
      engine.ask(q);
      samples.push(performance.now() - start);
    }
  }
  const totalMs = performance.now() - t;
  samples.sort((a, b) => a - b);

  // The CLI as a user runs it, from a fresh process (bundle already built).
  execFileSync(process.execPath, [join(projectRoot, 'scripts', 'run.mjs'), 'ask', '曲阳 2023 三公经费'], { stdio: 'ignore' });
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    execFileSync(process.execPath, [join(projectRoot, 'scripts', 'run.mjs'), 'ask', '--json', '曲阳 2023 三公经费'], { stdio: 'ignore' });
    cold.push(performance.now() - start);
  }
  cold.sort((a, b) => a - b);

  const bot = await benchBot(engine, questions);

  console.log(`问题（语料 ${questions.length} 条 × ${ROUNDS} 轮，进程内）`);
  console.log(`  p50 ${quantile(samples, 0.5).toFixed(3)} ms   p99 ${quantile(samples, 0.99).toFixed(3)} ms   max ${samples.at(-1)!.toFixed(3)} ms`);
  console.log(`  ${Math.round(samples.length / (totalMs / 1000))} 问/秒`);
  console.log(`引擎启动（词典、项目索引、预编译查询）${startupMs.toFixed(0)} ms`);
  console.log(`命令行冷启动（npm run ask 的一次调用，中位数）${quantile(cold, 0.5).toFixed(0)} ms`);
  console.log(`机器人（进程内，API 桩）${Math.round(bot.botUpdatesPerSecond)} 条更新/秒；telegraf 回声机器人 ${Math.round(bot.echoUpdatesPerSecond)} 条/秒；比值 ${bot.ratio.toFixed(3)}`);
  console.log(machineLoad());
}
