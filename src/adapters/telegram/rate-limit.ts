// Per-user token buckets: a burst of questions, then a steady rate.
import type { RateLimitConfig } from '../config.ts';
import { LruMap } from '../../lru.ts';

/** 'refused': tell the user; 'ignored': they were already told, stay quiet. */
export type Admission = 'allowed' | 'refused' | 'ignored';

interface Bucket {
  tokens: number;
  at: number;
  told: boolean;
}

// Users idle long enough to be evicted would have a full bucket anyway.
const MAX_USERS = 10_000;

export class RateLimiter {
  private readonly buckets = new LruMap<number, Bucket>(MAX_USERS);
  private readonly burst: number;
  private readonly perMs: number;

  constructor({ burst, perMinute }: RateLimitConfig) {
    this.burst = burst;
    this.perMs = perMinute / 60_000;
  }

  take(userId: number, now = Date.now()): Admission {
    const bucket = this.buckets.get(userId, now);
    if (bucket === undefined) {
      this.buckets.set(userId, { tokens: this.burst - 1, at: now, told: false }, now);
      return 'allowed';
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.told = false;
      return 'allowed';
    }
    if (bucket.told) return 'ignored';
    bucket.told = true;
    return 'refused';
  }
}
