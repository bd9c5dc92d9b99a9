#!/usr/bin/env node
// Runs one of the project's commands from an esbuild bundle of src/.
// Why a bundle: Node 20 cannot run TypeScript, and chevrotain's many lodash-es
// modules cost ~450 ms of cold start when loaded one by one. The bundle is
// rebuilt only when something under src/ or grammar/ (bundled vocabulary), or package.json, is newer than it.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const entries = {
  ingest: 'src/ingest/cli.ts',
  ask: 'src/adapters/cli/ask.ts',
  start: 'src/adapters/start.ts',
  bench: 'src/bench/cli.ts',
};

// Native or worker-based packages stay outside the bundle.
const external = ['better-sqlite3', 'telegraf', 'pino', 'esbuild'];

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

async function bundle(name, { force = false } = {}) {
  const outdir = join(root, 'dist', name);
  const out = join(outdir, `${name}.mjs`);
  const stale =
    force ||
    !existsSync(out) ||
    statSync(out).mtimeMs < Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'grammar')), statSync(join(root, 'package.json')).mtimeMs);
  if (stale) {
    // Loaded only when a rebuild is needed: importing esbuild is part of every cold start otherwise.
    const { build } = await import('esbuild');
    // The chunks of an earlier build are not this one's.
    rmSync(outdir, { recursive: true, force: true });
    await build({
      entryPoints: { [name]: join(root, entries[name]) },
      outdir,
      // What a command loads with import() only when it needs it (the ingest, when the database is stale) is a
      // chunk of its own, not parsed on every start.
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      external,
      logLevel: 'warning',
      // Bundled CommonJS code (e.g. lunr) may call require() for Node built-ins.
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
  }
  return out;
}

const [command, ...rest] = process.argv.slice(2);
if (command === '--build') {
  for (const name of Object.keys(entries)) await bundle(name, { force: true });
} else if (command in entries) {
  // A long-running engine (the bot, the bench) keeps ~100 MB live at 2,000 documents, and V8 lets its heap grow
  // to about 2.5× what is live before a full collection (RSS 420 MB). Collected at 1.3× instead: RSS under
  // 300 MB, for more frequent (incremental, mostly concurrent) collections. (Their young generation's bound,
  // `--max-semi-space-size` in package.json, is read by V8 only at process start.)
  if (command === 'start' || command === 'bench') setFlagsFromString('--heap-growing-percent=30');
  const out = await bundle(command);
  process.argv = [process.argv[0], out, ...rest];
  await import(pathToFileURL(out).href);
} else {
  console.error(`usage: node scripts/run.mjs <${Object.keys(entries).join('|')}|--build> [args…]`);
  process.exit(2);
}
