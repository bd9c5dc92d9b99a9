// The corpus's structured queries: each question must parse to what its entry says.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Understander } from '../../src/query/understand.ts';
import type { Target } from '../../src/query/ast.ts';
import { corpus } from '../corpus/corpus.ts';
import { testUnderstander } from '../helpers/engine.ts';

let u: Understander;
beforeAll(async () => {
  u = await testUnderstander();
});

const targetKey = (t: Target) => (t.kind === 'metric' ? `metric:${t.key}` : `${t.kind}:${t.name}`);

describe('questions parse to their structured query', () => {
  for (const entry of corpus.filter((e) => e.query)) {
    it(entry.q, () => {
      const r = u.understand(entry.q);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const q = r.query;
      const want = entry.query!;
      if (want.intent !== undefined) expect(q.intent).toBe(want.intent);
      if (want.entities !== undefined) expect(q.entities.map((e) => (e.unitId === null ? e.department : e.name))).toEqual(want.entities);
      if (want.years !== undefined) expect(q.years).toEqual(want.years);
      if (want.stage !== undefined) expect(q.stage).toBe(want.stage);
      if (want.targets !== undefined) expect(q.targets.map(targetKey)).toEqual(want.targets);
      if (want.top !== undefined) expect(q.top).toBe(want.top);
      if (want.listOf !== undefined) expect(q.listOf).toBe(want.listOf);
      if (want.set !== undefined) expect(q.set && `${q.set.places.join('、') || 'all'}${q.set.stage ? `/${q.set.stage}` : ''}`).toBe(want.set);
      if (want.except !== undefined) expect(q.set?.except ? [...q.set.except.places, ...q.set.except.departments].join('、') : null).toBe(want.except);
      const bound = (c: { op: string; value: number; upper: number | null; unit: string }) => `${c.op}${c.value}${c.upper !== null ? `-${c.upper}` : ''}${c.unit}`;
      if (want.conditions !== undefined) expect(q.conditions.map(bound)).toEqual(want.conditions);
      if (want.check !== undefined) expect(q.check ? bound(q.check) : null).toBe(want.check);
      if (want.every !== undefined) expect(q.every ? bound(q.every) : null).toBe(want.every);
      if (want.arithmetic !== undefined) expect(q.arithmetic?.op).toBe(want.arithmetic);
      if (want.reference !== undefined) expect(q.reference?.kind).toBe(want.reference);
      if (want.reason !== undefined) expect(q.reason).toBe(want.reason);
      if (want.catalogue !== undefined) expect(q.catalogue).toBe(want.catalogue);
      if (want.classification !== undefined) expect(q.classification ? `${q.classification}${q.economicKind ? `/${q.economicKind}` : ''}` : null).toBe(want.classification);
      if (want.tenths !== undefined) expect(q.tenths ?? false).toBe(want.tenths);
      if (want.base !== undefined) expect(q.base ? targetKey(q.base.target) : null).toBe(want.base);
    });
  }
});
