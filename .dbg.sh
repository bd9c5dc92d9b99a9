#!/bin/sh
cd /work/wt/i10 && node -e "require('esbuild').buildSync({entryPoints:['.dbg.ts'],outfile:'dist/dbg.mjs',bundle:true,platform:'node',format:'esm',target:'node20',external:['better-sqlite3','telegraf','pino','esbuild'],banner:{js:\"import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);\"},logLevel:'error'})" && node dist/dbg.mjs "$@"
