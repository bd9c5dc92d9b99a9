// The bot's update throughput in-process: updates through bot.handleUpdate with
// the Bot API stubbed at Telegram.prototype.callApi, side by side with a bare
// telegraf echo bot in the same run, so the ratio shows what the adapter costs
// on top of telegraf itself.
import { performance } from 'node:perf_hooks';
import { Telegraf, Telegram } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Update, UserFromGetMe } from 'telegraf/types';
import type { TelegramConfig } from '../adapters/config.ts';
import { createBot } from '../adapters/telegram/bot.ts';
import type { Engine } from '../answer/types.ts';

export interface BotBenchResult {
  /** Updates each bot handled in the measured rounds (every one answered). */
  updates: number;
  botUpdatesPerSecond: number;
  echoUpdatesPerSecond: number;
  /** bot / echo: 1 would mean the adapter and engine cost nothing. */
  ratio: number;
}

const UPDATES_PER_ROUND = 10_000;
const ROUNDS = 3;
const WARMUP_UPDATES = 2_000;
// Like long polling, which hands telegraf up to 100 updates at a time.
const BATCH = 100;
const USERS = 1_000;

const BOT_INFO: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: 'bench',
  username: 'bench_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};

const CONFIG: TelegramConfig = {
  token: '1:bench',
  apiRoot: 'http://127.0.0.1:1',
  webhook: null,
  // The buckets are looked up for every update, but never run dry.
  rateLimit: { burst: Number.MAX_SAFE_INTEGER, perMinute: Number.MAX_SAFE_INTEGER },
};

export async function benchBot(engine: Engine, questions: string[]): Promise<BotBenchResult> {
  if (questions.length === 0) throw new Error('benchBot needs at least one question');
  const updates = Array.from({ length: UPDATES_PER_ROUND }, (_, i) => privateMessage(i, questions[i % questions.length]!));
  const bot = createBot(engine, CONFIG);
  const echo = new Telegraf(CONFIG.token);
  echo.on(message('text'), (ctx) => ctx.reply(ctx.message.text));
  for (const telegraf of [bot, echo]) telegraf.botInfo = BOT_INFO;

  const original = Telegram.prototype.callApi;
  let replies = 0;
  const sent = { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '' };
  Telegram.prototype.callApi = function (method: string) {
    if (method === 'sendMessage') replies++;
    return Promise.resolve(sent);
  } as unknown as Telegram['callApi'];
  try {
    await run(bot, updates.slice(0, WARMUP_UPDATES));
    await run(echo, updates.slice(0, WARMUP_UPDATES));
    let botMs = 0;
    let echoMs = 0;
    // Alternating rounds, so drift in machine load affects both alike.
    for (let round = 0; round < ROUNDS; round++) {
      replies = 0;
      botMs += await run(bot, updates);
      if (replies < updates.length) throw new Error(`bot answered ${replies} of ${updates.length} updates`);
      echoMs += await run(echo, updates);
    }
    const total = UPDATES_PER_ROUND * ROUNDS;
    const botUpdatesPerSecond = (total / botMs) * 1000;
    const echoUpdatesPerSecond = (total / echoMs) * 1000;
    return { updates: total, botUpdatesPerSecond, echoUpdatesPerSecond, ratio: botUpdatesPerSecond / echoUpdatesPerSecond };
  } finally {
    Telegram.prototype.callApi = original;
  }
}

/** Milliseconds to handle the updates. */
async function run(telegraf: Telegraf, updates: readonly Update[]): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < updates.length; i += BATCH) {
    await Promise.all(updates.slice(i, i + BATCH).map((update) => telegraf.handleUpdate(update)));
  }
  return performance.now() - started;
}

function privateMessage(i: number, text: string): Update.MessageUpdate {
  const user = 10_000 + (i % USERS);
  return {
    update_id: i + 1,
    message: {
      message_id: i + 1,
      date: 0,
      chat: { id: user, type: 'private', first_name: 'u' },
      from: { id: user, is_bot: false, first_name: 'u' },
      text,
    },
  };
}
