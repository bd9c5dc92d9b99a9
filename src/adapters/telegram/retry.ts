// Delivery: Bot API calls retried when — and only when — they provably did not
// take effect, with exponential backoff and full jitter, bounded in attempts and
// in total waiting. Telegram has no idempotency key for sendMessage, so a send
// whose fate is unknown (the request reached Telegram, then the connection
// dropped or timed out before an answer) is never resent: resending could post
// the answer twice. It is reported as DeliveryUnknown and taken as delivered.
//
// Proof of non-delivery:
//   429 Too Many Requests        Telegram refused it; wait retry_after, then retry
//   500, 502, 503… (not 504)     Telegram answered that the call failed
//   a network error before the request was completely written (connection
//   refused, DNS, reset or timeout while connecting or sending): Telegram never had it
// Unknown: a network error or timeout after the request was written, and 504
// (a gateway that gave up waiting on a Bot API that may still have done it).
// Calls that change nothing when repeated (getX, setX, deleteWebhook) are retried
// on an unknown outcome too.
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Telegram, TelegramError } from 'telegraf';
import type { Logger } from '../log.ts';

export interface DeliveryOptions {
  /** Attempts per call, the first included. */
  attempts: number;
  /** The first backoff; it doubles per retry up to maxDelayMs, and each wait is drawn at random below it (full jitter). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** All the waiting one call may do, retry_after included; a longer wait asked for fails the call. */
  maxWaitMs: number;
  /** One attempt's time limit. */
  timeoutMs: number;
  /** Injected by tests, to run the waits faster and the jitter from a seed. */
  sleep: (ms: number) => Promise<unknown>;
  random: () => number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  // Telegram's retry_after is usually a few seconds; a minute bounds a handler well.
  maxWaitMs: 60_000,
  timeoutMs: 20_000,
  sleep: (ms) => sleep(ms),
  random: Math.random,
};

/** The call may or may not have taken effect: never resent, taken as delivered. */
export class DeliveryUnknown extends Error {
  override name = 'DeliveryUnknown';
  constructor(
    readonly method: string,
    override readonly cause: unknown,
  ) {
    super(`${method}: outcome unknown (${cause instanceof Error ? cause.message : String(cause)}); not resent`);
  }
}

/** Whether this attempt's request was completely written to the socket. */
interface Attempt {
  sent: boolean;
}

const attempts = new AsyncLocalStorage<Attempt>();
let watching = false;

/** Node announces every HTTP request it starts; the one started inside an attempt is that attempt's. */
function watchRequests(): void {
  if (watching) return;
  watching = true;
  subscribe('http.client.request.start', (message) => {
    const attempt = attempts.getStore();
    if (attempt) (message as { request: ClientRequest }).request.once('finish', () => (attempt.sent = true));
  });
}

type CallApi = Telegram['callApi'];

/** Telegram instances (one per update) that have posted something into a chat, or may have. */
const posted = new WeakSet<Telegram>();
const POSTS = /^send|^answerInlineQuery$/;

/** Whether this update's answer (or part of it) reached the chat, or may have: then no apology follows. */
export function hasPosted(telegram: Telegram): boolean {
  return posted.has(telegram);
}

/** A call whose outcome is unknown counts as delivered: the update goes on with what follows. */
export async function takenAsDelivered(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof DeliveryUnknown)) throw err;
  }
}

// Long polling retries getUpdates itself; getMe at launch fails at once, so a wrong token or API root is said at once.
const NOT_RETRIED = new Set(['getUpdates', 'getMe']);
const REPEATABLE = /^(get|set)[A-Z]|^deleteWebhook$/;

type Verdict = { retry: true; waitMs?: number } | { retry: false; unknown: boolean };

/** node-fetch's network failures, and the time limit's abort: Telegram's answer never came. */
export function isNetworkError(err: unknown): boolean {
  const name = (err as Error | undefined)?.name;
  return name === 'FetchError' || name === 'AbortError';
}

function verdict(err: unknown, attempt: Attempt): Verdict {
  if (err instanceof TelegramError) {
    if (err.code === 429) return { retry: true, waitMs: (err.parameters?.retry_after ?? 1) * 1000 };
    if (err.code === 504) return { retry: false, unknown: true };
    if (err.code >= 500) return { retry: true };
    return { retry: false, unknown: false };
  }
  if (isNetworkError(err)) return attempt.sent ? { retry: false, unknown: true } : { retry: true };
  return { retry: false, unknown: false };
}

/**
 * A callApi to assign onto Telegram instances. telegraf makes a new instance
 * per update, so the retry cannot live on one; it delegates to the prototype's
 * method, looked up at each call.
 */
export function retryingCallApi(log: Logger, options: Partial<DeliveryOptions> = {}): CallApi {
  const o = { ...DEFAULT_DELIVERY, ...options };
  watchRequests();
  async function callApi(this: Telegram, ...args: Parameters<CallApi>): Promise<unknown> {
    const original = (Object.getPrototypeOf(this) as Telegram).callApi;
    const [method, payload] = args;
    // Only getUpdates comes with a signal of its own (polling's stop), and it is passed through untouched.
    if (NOT_RETRIED.has(method)) return original.apply(this, args);
    let waited = 0;
    for (let n = 1; ; n++) {
      const attempt: Attempt = { sent: false };
      // telegraf types the signal with its abort-controller polyfill; node-fetch takes Node's own.
      const limit = { signal: AbortSignal.timeout(o.timeoutMs) } as unknown as Parameters<CallApi>[2];
      try {
        const result = await attempts.run(attempt, () => original.call(this, method, payload, limit));
        if (POSTS.test(method)) posted.add(this);
        return result;
      } catch (err) {
        let v = verdict(err, attempt);
        if (!v.retry && v.unknown && REPEATABLE.test(method)) v = { retry: true };
        if (!v.retry) {
          if (!v.unknown) throw err;
          if (POSTS.test(method)) posted.add(this);
          log.warn({ method, err, attempt: n }, 'delivery unknown: not resent, taken as delivered');
          throw new DeliveryUnknown(method, err);
        }
        const wait = v.waitMs ?? o.random() * Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (n - 1));
        if (n >= o.attempts || waited + wait > o.maxWaitMs) throw err;
        waited += wait;
        log.warn({ method, attempt: n, waitMs: Math.round(wait), err }, 'not delivered, retrying');
        await o.sleep(wait);
      }
    }
  }
  return callApi as CallApi;
}
