// `npm start`: the Telegram bot when TELEGRAM_BOT_TOKEN is set, otherwise a
// console chat on the same engine.
import { pino } from 'pino';
import { createEngine } from '../answer/engine.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { runConsoleChat } from './console/chat.ts';
import { prepareDatabase } from './database.ts';
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
    const ready = await prepareDatabase((text) => (telegram === null ? console.error(text) : log.info(text)));
    if (!ready.ok) {
      if (telegram === null) console.error(ready.message);
      else log.fatal({ files: ready.failure?.files }, ready.message);
      process.exitCode = 1;
      return;
    }
    // Said once, at start: where the chat or the log is read.
    if (ready.notice !== null && telegram !== null) log.warn({ files: ready.failure?.files }, ready.notice);
    // A question whose answering throws (a bug) is answered with an apology; the bot logs why.
    const engine = await createEngine(telegram === null ? {} : { onError: (err, question) => log.error({ err, question }, 'answering failed') });
    if (telegram === null) {
      const stop = new AbortController();
      for (const signal of SIGNALS) process.once(signal, () => stop.abort());
      console.log(CONNECT_TELEGRAM);
      if (ready.notice !== null) console.log(ready.notice);
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
