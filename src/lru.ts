// A Map bounded in size (least recently used entries go first) and optionally in age and weight:
// per-chat contexts, button actions and rate-limit buckets must not grow without limit on a
// long-running bot, nor the rows and answers the engine keeps for questions asked again.
// Entries in a doubly linked list, least recently used first: a look-up moves its entry to the end by relinking it,
// where deleting and re-inserting it in the Map hashed the key twice more and churned the Map's table.
interface Entry<K, V> {
  key: K;
  value: V;
  at: number;
  weight: number;
  older: Entry<K, V> | null;
  newer: Entry<K, V> | null;
}

export interface LruOptions<V> {
  /** Entries older than this are gone. */
  ttlMs?: number;
  /** What an entry counts towards the limit (rows kept, say); 1 each when not given. */
  weigh?: (value: V) => number;
}

export class LruMap<K, V> {
  private readonly entries = new Map<K, Entry<K, V>>();
  private readonly ttlMs: number;
  private readonly weigh: (value: V) => number;
  private total = 0;
  private oldest: Entry<K, V> | null = null;
  private newest: Entry<K, V> | null = null;

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

  get(key: K, now?: number): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // The clock is read only by a map with a time to live.
    if (this.ttlMs !== Number.POSITIVE_INFINITY && (now ?? Date.now()) - entry.at > this.ttlMs) {
      this.remove(entry);
      return undefined;
    }
    if (entry !== this.newest) {
      this.unlink(entry);
      this.append(entry);
    }
    return entry.value;
  }

  set(key: K, value: V, now = Date.now()): void {
    const old = this.entries.get(key);
    if (old) this.remove(old);
    const weight = this.weigh(value);
    const entry: Entry<K, V> = { key, value, at: now, weight, older: null, newer: null };
    this.entries.set(key, entry);
    this.append(entry);
    this.total += weight;
    // The newest entry stays even when it alone is over the limit: it is the one just asked for.
    while (this.total > this.max && this.entries.size > 1) this.remove(this.oldest!);
  }

  private remove(entry: Entry<K, V>): void {
    this.entries.delete(entry.key);
    this.unlink(entry);
    this.total -= entry.weight;
  }

  private append(entry: Entry<K, V>): void {
    entry.older = this.newest;
    entry.newer = null;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }

  private unlink(entry: Entry<K, V>): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = entry.newer = null;
  }
}
