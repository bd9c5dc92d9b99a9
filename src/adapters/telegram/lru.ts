// A Map bounded in size (least recently used entries go first) and optionally
// in age: per-chat contexts, button actions and rate-limit buckets must not
// grow without limit on a long-running bot.
interface Entry<V> {
  value: V;
  at: number;
}

export class LruMap<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly max: number;
  private readonly ttlMs: number;

  constructor(max: number, ttlMs = Number.POSITIVE_INFINITY) {
    this.max = max;
    this.ttlMs = ttlMs;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (now - entry.at > this.ttlMs) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V, now = Date.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: now });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
  }
}
