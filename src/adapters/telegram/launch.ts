// Connects a bot to Telegram: long polling, or a webhook server when configured.
import type { Telegraf } from 'telegraf';
import type { TelegramConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { registerCommands } from './commands.ts';

/**
 * Resolves once the bot is receiving updates, then registers its command menu.
 * Long polling runs on in the background; if it fails later, that is fatal:
 * logged, with exit code 1.
 */
export async function launchBot(bot: Telegraf, config: TelegramConfig, log: Logger): Promise<void> {
  const { webhook } = config;
  if (webhook === null) {
    await startPolling(bot, log);
  } else {
    // In webhook mode launch() returns once the server listens and the webhook is set.
    const { domain, port, path, secretToken } = webhook;
    await bot.launch({ webhook: { domain, port, path, secretToken } }).catch((err: unknown) => {
      // setWebhook failed: close the server, or it would keep the process alive.
      stopBot(bot, 'error');
      throw err;
    });
  }
  log.info({ bot: bot.botInfo?.username, mode: webhook === null ? 'polling' : 'webhook', port: webhook?.port }, 'bot started');
  await registerCommands(bot.telegram, log);
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

/** telegraf's stop() throws when the bot is not (or no longer) running. */
export function stopBot(bot: Telegraf, reason: string): void {
  try {
    bot.stop(reason);
  } catch {
    // Already stopped: nothing to do.
  }
}
