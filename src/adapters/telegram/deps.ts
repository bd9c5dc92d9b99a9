// What every handler shares: built once per bot by createBot().
import type { DialogContext, Engine } from '../../answer/types.ts';
import type { Logger } from '../log.ts';
import type { ButtonStore } from './buttons.ts';
import type { LruMap } from '../../lru.ts';
import type { RateLimiter } from './rate-limit.ts';

export interface BotDeps {
  engine: Engine;
  log: Logger;
  /** Per chat: what the last question left for the next (“那2022年呢？”). */
  contexts: LruMap<number, DialogContext>;
  buttons: ButtonStore;
  /** Per user: messages addressed to the bot, and button presses. */
  limiter: RateLimiter;
  /** Inline queries: one arrives per pause in typing, so they get a bucket of their own. */
  inlineLimiter: RateLimiter;
}
