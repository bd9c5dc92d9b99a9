// The bounded map the bot and the engine keep things in: by count, age or weight, never beyond its limit.
import { describe, expect, it } from 'vitest';
import { LruMap } from '../src/lru.ts';

describe('LruMap', () => {
  it('forgets the least recently used entry beyond its size', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.get('a');
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c'), map.size]).toEqual([1, undefined, 3, 2]);
  });

  it('forgets entries older than its time to live', () => {
    const map = new LruMap<string, number>(10, { ttlMs: 1000 });
    map.set('a', 1, 0);
    expect(map.get('a', 1000)).toBe(1);
    expect(map.get('a', 1001)).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it('bounded by weight, keeps the most recently used entries within it, whatever is added', () => {
    const map = new LruMap<number, number[]>(100, { weigh: (rows) => rows.length });
    for (let i = 0; i < 1_000; i++) {
      map.set(i, Array.from({ length: (i * 37) % 30 }, () => i));
      if (i % 3 === 0) map.get(i - 1);
      expect(map.weight).toBeLessThanOrEqual(100);
    }
    expect(map.get(999)).toHaveLength((999 * 37) % 30);
    expect(map.weight).toBe([...Array(1_000).keys()].filter((i) => map.get(i) !== undefined).reduce((n, i) => n + map.get(i)!.length, 0));
  });

  it('keeps one entry heavier than its limit, the last one set, alone', () => {
    const map = new LruMap<string, number[]>(10, { weigh: (rows) => rows.length });
    map.set('small', [1]);
    map.set('big', Array(50).fill(0));
    expect([map.size, map.get('small'), map.weight]).toEqual([1, undefined, 50]);
  });
});
