// A Map bounded in size (least recently used entries go first) and optionally in age and weight:
// per-chat contexts, button actions and rate-limit buckets must not grow without limit on a
// long-running bot, nor the rows and answers the engine keeps for questions asked again.
interface Entry<V> {
  value: V;
  at: number;
  weight: number;
}

export interface LruOptions<V> {
  /** Entries older than this are gone. */
  ttlMs?: number;
  /** What an entry counts towards the limit (rows kept, say); 1 each when not given. */
  weigh?: (value: V) => number;
}

export class LruMap<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly ttlMs: number;
  private readonly weigh: (value: V) => number;
  private total = 0;

  /** `max`: the most entries kept, or with `weigh` the most weight. */
  constructor(
    private readonly max: number,
    options: LruOptions<V> = {},
  ) {
    this.ttlMs = options.ttlMs ?? Number.POSITIVE_INFINITY;
    this.weigh = options.weigh ?? (() => 1);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The weight of what is kept (the number of entries without `weigh`); never above the limit but for one entry heavier than it. */
  get weight(): number {
    return this.total;
  }

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.remove(key, entry);
    if (now - entry.at > this.ttlMs) return undefined;
    this.entries.set(key, entry);
    this.total += entry.weight;
    return entry.value;
  }

  set(key: K, value: V, now = Date.now()): void {
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    const weight = this.weigh(value);
    this.entries.set(key, { value, at: now, weight });
    this.total += weight;
    // The newest entry stays even when it alone is over the limit: it is the one just asked for.
    while (this.total > this.max && this.entries.size > 1) {
      const [oldest, entry] = this.entries.entries().next().value as [K, Entry<V>];
      this.remove(oldest, entry);
    }
  }

  private remove(key: K, entry: Entry<V>): void {
    this.entries.delete(key);
    this.total -= entry.weight;
  }
}
