// Connects a bot to Telegram: long polling, or a webhook server when configured.
// Either way updates go through a per-chat queue (queue.ts): in order within a
// chat, chats side by side.
import type { Server } from 'node:http';
import type { Telegraf } from 'telegraf';
import type { TelegramConfig, WebhookConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { registerCommands } from './commands.ts';
import { ChatQueue, conversationOf, DEFAULT_QUEUE, type QueueOptions } from './queue.ts';
import { createWebhookServer } from './webhook.ts';

/** Webhook servers of running bots, closed by stopBot. */
const servers = new WeakMap<Telegraf, Server>();

/**
 * Resolves once the bot is receiving updates, then registers its command menu.
 * Long polling runs on in the background; if it fails later, that is fatal:
 * logged, with exit code 1.
 */
export async function launchBot(bot: Telegraf, config: TelegramConfig, log: Logger): Promise<void> {
  const { webhook } = config;
  queueUpdates(bot, DEFAULT_QUEUE, log);
  if (webhook === null) await startPolling(bot, log);
  else await startWebhook(bot, webhook, log);
  log.info({ bot: bot.botInfo?.username, mode: webhook === null ? 'polling' : 'webhook', host: webhook?.host, port: webhook?.port }, 'bot started');
  await registerCommands(bot.telegram, log);
}

/**
 * Polling and telegraf's webhook callback both hand each update to bot.handleUpdate and wait
 * for it; here that wait ends once the update is queued, so the next batch is fetched (and the
 * webhook request answered) while a slow chat is still being served.
 */
function queueUpdates(bot: Telegraf, options: QueueOptions, log: Logger): void {
  const queue = new ChatQueue(options, (err) => log.error({ err }, 'update failed outside its handler'));
  const handle = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, response) => {
    await queue.add(conversationOf(update), () => handle(update));
    // 200: received. The answer goes out through the Bot API, not in this response.
    if (response !== undefined && !response.writableEnded) response.end();
  };
}

function startPolling(bot: Telegraf, log: Logger): Promise<void> {
  let connected = false;
  return new Promise<void>((resolve, reject) => {
    // launch() settles only when polling stops; its callback comes once getMe has succeeded.
    const onLaunch = () => {
      connected = true;
      resolve();
    };
    bot.launch(onLaunch).catch((err: unknown) => {
      if (!connected) return reject(err);
      log.fatal({ err }, 'long polling stopped on an error');
      process.exitCode = 1;
    });
  });
}

/** telegraf's `launch({ webhook })` as a server of our own: the same callback, behind webhook.ts's guard and on WEBHOOK_HOST. */
async function startWebhook(bot: Telegraf, { domain, host, port, path = `/telegraf/${bot.secretPathComponent()}`, secretToken }: WebhookConfig, log: Logger): Promise<void> {
  // A wrong token fails here, before anything listens.
  bot.botInfo ??= await bot.telegram.getMe();
  const server = createWebhookServer(bot, { path, secretToken }, log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => log.error({ err }, 'webhook server error'));
  servers.set(bot, server);
  // WEBHOOK_DOMAIN may carry a scheme and a port; Telegram is told the https URL.
  const url = `https://${new URL(/^https?:\/\//.test(domain) ? domain : `https://${domain}`).host}${path}`;
  try {
    await bot.telegram.setWebhook(url, { secret_token: secretToken });
  } catch (err) {
    // Close the server, or it would keep the process alive.
    stopBot(bot, 'error');
    throw err;
  }
}

/** Stops receiving updates; those already queued are still answered. */
export function stopBot(bot: Telegraf, reason: string): void {
  const server = servers.get(bot);
  if (server !== undefined) {
    servers.delete(bot);
    server.close();
    server.closeIdleConnections();
    return;
  }
  try {
    bot.stop(reason);
  } catch {
    // telegraf's stop() throws when the bot is not (or no longer) running: nothing to do.
  }
}
