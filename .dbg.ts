import { createEngine } from './src/answer/engine.ts';
import { databasePath } from './src/config.ts';
import { startupArtefacts } from './src/query/artefacts.ts';
import { createUnderstander } from './src/query/understand.ts';
import { openStore } from './src/store/db.ts';
const engine: any = await createEngine();
const store = openStore(databasePath, { readonly: true });
const { catalog, artefacts } = await startupArtefacts(store.db, store.sqlite);
const und = createUnderstander(catalog, artefacts);
for (const q of process.argv.slice(2)) {
  const r: any = engine.ask(q);
  console.log('Q:', q);
  if (process.env.QQ) { const x: any = und.understand(q); const s = x.query ?? x; console.log(JSON.stringify({ intent: s.intent, targets: s.targets?.map((t: any) => `${t.kind}:${t.name ?? t.key}<${t.text}>`), cand: s.candidates?.map((c: any) => `${c.kind}:${c.name}<${c.text}>`), unknown: s.unknown, arith: s.arithmetic, cond: s.conditions, base: s.base && s.base.target.text, listOf: s.listOf, subjects: s.subjects, ent: s.entities?.map((e: any) => e.name + ':' + e.unitId), ref: s.reference })); }
  console.log(r.status, '\n' + r.text.split('\n').slice(0, +(process.env.N ?? 12)).join('\n'));
  console.log('JSON:', JSON.stringify(r.answers.slice(0, 6).map((a: any) => [a.label, a.amount_yuan, a.value, a.unit, a.source?.line, a.derived])));
  console.log('---');
}
