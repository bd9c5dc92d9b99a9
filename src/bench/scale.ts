// `npm run bench -- --scale N`: the engine on a synthetic corpus of N documents (src/bench/corpus.ts):
// the ingest's time and peak memory (in a process of its own), the database's size, adding one
// document to it, one large file ingested alone (2 and 20 MB), the engine's start-up, a one-shot `npm run ask` of a ranking over every department,
// per-question latency on the corpus and on 10,000 mixed questions, and the memory held after them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../answer/engine.ts';
import type { Engine } from '../answer/types.ts';
import { projectRoot, rawDir } from '../config.ts';
import { ingest } from '../ingest/run.ts';
import { largeDocument, synthesizeCorpus } from './corpus.ts';
import { machineLoad, megabytes, quantile } from './measure.ts';

const CORPUS_ROUNDS = 5;
/** Sizes of one large file ingested alone: ten times the size should take about ten times as long. */
const LARGE_FILES_MB = [2, 20];
const MIXED = 10_000;
/** A ranking over every department: the question whose cost grows with the corpus if anything does. */
const RANKING = '哪个部门三公经费最高';

interface IngestRun {
  ms: number;
  /** Peak resident memory of the ingest's process. */
  maxRssBytes: number;
  documents: number;
  reused: number;
}

/** Runs in the child process: one ingest, its figures as JSON on stdout. */
export async function ingestChild(raw: string, dbPath: string): Promise<void> {
  const start = performance.now();
  const result = await ingest({ rawDir: raw, dbPath });
  const run: IngestRun = {
    ms: performance.now() - start,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    documents: result.documents.length,
    reused: result.documents.filter((d) => d.reused).length,
  };
  console.log(JSON.stringify(run));
}

function ingestInChild(raw: string, dbPath: string): IngestRun {
  // process.argv[1] is this bench's bundle (scripts/run.mjs runs it).
  const out = execFileSync(process.execPath, [process.argv[1]!, '--ingest-child', raw, dbPath], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as IngestRun;
}

function timed(engine: Engine, questions: string[]): number[] {
  return questions
    .map((q) => {
      const start = performance.now();
      engine.ask(q);
      return performance.now() - start;
    })
    .sort((a, b) => a - b);
}

/** Questions about every department in turn, of the shapes people ask most, with the corpus between. */
function mixedQuestions(departments: string[], corpus: string[], count: number): string[] {
  const shapes = [
    (d: string) => `${d} 三公经费`,
    (d: string) => `${d} 项目支出 前5`,
    (d: string) => `${d} 支出总计`,
    (d: string) => `${d} 基本支出`,
    (d: string) => `${d} 有哪些项目`,
    (d: string) => `${d} 卫生健康支出 明细`,
    (d: string) => `${d} 机关运行经费`,
  ];
  return Array.from({ length: count }, (_, i) =>
    i % 4 === 3 ? corpus[i % corpus.length]! : shapes[i % shapes.length]!(departments[Math.floor(i / shapes.length) % departments.length]!),
  );
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

export async function benchScale(n: number): Promise<void> {
  if (!Number.isInteger(n) || n < 1) throw new Error('usage: npm run bench -- --scale N (N documents, at least 1)');
  const dir = join(tmpdir(), `yusuan-scale-${n}`);
  const raw = join(dir, 'raw');
  const dbPath = join(dir, 'budget.sqlite');
  rmSync(dir, { recursive: true, force: true });
  const files = synthesizeCorpus(n + 1, rawDir, raw);
  // The last one is kept aside, to be added to the N afterwards.
  const extra = join(raw, files.at(-1)!);
  const extraText = readFileSync(extra);
  rmSync(extra);
  console.log(`合成语料：${n} 份文档（种子 ${Math.min(n, 5)} 份 + 以真实县名改名的副本），${raw}`);

  const full = ingestInChild(raw, dbPath);
  const size = statSync(dbPath).size;

  let t = performance.now();
  const engine = await createEngine({ dbPath });
  const startupMs = performance.now() - t;

  // One-shot, as a user runs it: a fresh process, the bundle already built, the database current.
  const env = { ...process.env, YUSUAN_RAW_DIR: raw, YUSUAN_DB: dbPath };
  const ask = (q: string) => execFileSync(process.execPath, [join(projectRoot, 'scripts', 'run.mjs'), 'ask', '--json', q], { env, stdio: 'ignore' });
  ask('曲阳 2023 三公经费');
  const cold = [0, 1, 2]
    .map(() => {
      const start = performance.now();
      ask(RANKING);
      return performance.now() - start;
    })
    .sort((a, b) => a - b);

  const corpus = (JSON.parse(readFileSync(join(projectRoot, 'test', 'corpus', 'questions.json'), 'utf8')) as { q: string }[]).map((e) => e.q);
  const firstRanking = timed(engine, [RANKING])[0]!;
  timed(engine, corpus);
  const corpusSamples = timed(engine, Array.from({ length: CORPUS_ROUNDS }, () => corpus).flat());
  const departments = [...new Set(engine.catalog().map((d) => d.department))];
  t = performance.now();
  const mixedSamples = timed(engine, mixedQuestions(departments, corpus, MIXED));
  const mixedMs = performance.now() - t;
  const memory = process.memoryUsage();

  writeFileSync(extra, extraText);
  const added = ingestInChild(raw, dbPath);

  const large = LARGE_FILES_MB.map((mb) => {
    const at = join(dir, `large-${mb}`);
    mkdirSync(join(at, 'raw'), { recursive: true });
    writeFileSync(join(at, 'raw', 'large.txt'), largeDocument(rawDir, mb * 1024 * 1024));
    const run = ingestInChild(join(at, 'raw'), join(at, 'budget.sqlite'));
    rmSync(at, { recursive: true, force: true });
    return { mb, run };
  });

  console.log(`入库（独立进程）：${(full.ms / 1000).toFixed(1)} s，峰值内存 ${megabytes(full.maxRssBytes)}，${full.documents} 份文档`);
  console.log(`数据库大小：${megabytes(size)}`);
  console.log(`再加 1 份文档（增量入库，沿用 ${added.reused} 份）：${(added.ms / 1000).toFixed(1)} s，峰值内存 ${megabytes(added.maxRssBytes)}`);
  for (const { mb, run } of large) console.log(`单个 ${mb} MB 文件入库（独立进程）：${(run.ms / 1000).toFixed(1)} s，峰值内存 ${megabytes(run.maxRssBytes)}`);
  console.log(`引擎启动：${ms(startupMs)}`);
  console.log(`命令行冷启动，“${RANKING}”（npm run ask，中位数）：${ms(quantile(cold, 0.5))}`);
  console.log(`进程内首次“${RANKING}”：${ms(firstRanking)}`);
  console.log(`每问（语料 ${corpus.length} 条 × ${CORPUS_ROUNDS} 轮，热）：p50 ${ms(quantile(corpusSamples, 0.5))}   p99 ${ms(quantile(corpusSamples, 0.99))}   max ${ms(corpusSamples.at(-1)!)}`);
  console.log(`每问（混合 ${MIXED} 问，遍及 ${departments.length} 个部门）：p50 ${ms(quantile(mixedSamples, 0.5))}   p99 ${ms(quantile(mixedSamples, 0.99))}   ${Math.round(MIXED / (mixedMs / 1000))} 问/秒`);
  console.log(`之后的内存：RSS ${megabytes(memory.rss)}，堆 ${megabytes(memory.heapUsed)}`);
  console.log(machineLoad());
}
