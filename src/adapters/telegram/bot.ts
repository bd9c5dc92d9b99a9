// The Telegram bot: a thin adapter over the engine, in long polling or webhook
// mode (see launch.ts), or fed updates directly through handleUpdate (tests, bench).
import { Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { DialogContext, Engine } from '../../answer/types.ts';
import type { TelegramConfig } from '../config.ts';
import { silentLogger, type Logger } from '../log.ts';
import { ButtonStore } from './buttons.ts';
import { onCallback } from './callbacks.ts';
import type { BotDeps } from './deps.ts';
import { apologise } from './errors.ts';
import { onInlineQuery } from './inline.ts';
import { LruMap } from '../../lru.ts';
import { onNonText, onText } from './messages.ts';
import { RateLimiter } from './rate-limit.ts';
import { retryingCallApi, type DeliveryOptions } from './retry.ts';

const MAX_CHATS = 10_000;
// “那2022年呢？” continues a question asked minutes ago, not yesterday's.
const CONTEXT_TTL_MS = 15 * 60_000;
const INLINE_RATE_FACTOR = 4;

export interface BotOptions {
  /** Retry tuning (tests make the waits short). */
  delivery?: Partial<DeliveryOptions>;
}

export function createBot(engine: Engine, config: TelegramConfig, log: Logger = silentLogger, options: BotOptions = {}): Telegraf {
  // No handler timeout: each Bot API call is bounded (retry.ts), and a timeout would apologise while an answer is still on its way.
  const bot = new Telegraf(config.token, { telegram: { apiRoot: config.apiRoot }, handlerTimeout: Infinity });
  const { burst, perMinute } = config.rateLimit;
  const deps: BotDeps = {
    engine,
    log,
    contexts: new LruMap<number, DialogContext>(MAX_CHATS, { ttlMs: CONTEXT_TTL_MS }),
    buttons: new ButtonStore(),
    limiter: new RateLimiter(config.rateLimit),
    inlineLimiter: new RateLimiter({ burst: burst * INLINE_RATE_FACTOR, perMinute: perMinute * INLINE_RATE_FACTOR }),
  };
  const callApi = retryingCallApi(log, options.delivery);
  bot.telegram.callApi = callApi;
  // Each update gets its own Telegram instance (ctx.telegram), so each gets the retry too.
  bot.use((ctx, next) => {
    ctx.telegram.callApi = callApi;
    return next();
  });
  bot.on(message('text'), (ctx) => onText(ctx, deps));
  // Reached only by messages without text. Edited messages and channel posts have no handler: ignored.
  bot.on('message', (ctx) => onNonText(ctx, deps));
  bot.on('callback_query', (ctx) => onCallback(ctx, deps));
  bot.on('inline_query', (ctx) => onInlineQuery(ctx, deps));
  bot.catch(apologise(log));
  return bot;
}
