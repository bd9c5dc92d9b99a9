// `npm start`: the Telegram bot when TELEGRAM_BOT_TOKEN is set, otherwise a
// console chat on the same engine.
import { pino } from 'pino';
import { createEngine } from '../answer/engine.ts';
import { ensureDatabase } from '../ingest/ensure.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { runConsoleChat } from './console/chat.ts';
import { createLogger } from './log.ts';
import { createBot } from './telegram/bot.ts';
import { launchBot, stopBot } from './telegram/launch.ts';
import { CONNECT_TELEGRAM } from './texts.ts';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`yusuan-bot: ${err.message}`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const { telegram } = config;
  const log = createLogger({
    level: config.logLevel,
    secrets: telegram === null ? [] : [telegram.token, telegram.webhook?.secretToken ?? ''],
    // The console chat owns stdout.
    destination: pino.destination(telegram === null ? 2 : 1),
  });
  try {
    // As `npm run ask` does: a fresh clone, or new documents in data/raw, build the database first.
    await ensureDatabase();
    const engine = await createEngine();
    if (telegram === null) {
      const stop = new AbortController();
      for (const signal of SIGNALS) process.once(signal, () => stop.abort());
      console.log(CONNECT_TELEGRAM);
      await runConsoleChat(engine, { input: process.stdin, output: process.stdout, signal: stop.signal });
      return;
    }
    const bot = createBot(engine, telegram, log);
    for (const signal of SIGNALS) {
      process.once(signal, () => {
        log.info({ signal }, 'stopping');
        stopBot(bot, signal);
      });
    }
    await launchBot(bot, telegram, log);
  } catch (err) {
    log.fatal({ err }, 'could not start');
    process.exitCode = 1;
  }
}

await main();
