// The front ends' settings, read once from the environment and validated, so a
// typo fails at start-up with a message naming the variable instead of later.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

export interface RateLimitConfig {
  /** Questions a user may ask in a burst. */
  burst: number;
  /** Questions per minute once the burst is spent. */
  perMinute: number;
}

export interface WebhookConfig {
  domain: string;
  /** The address the webhook server binds to: loopback unless WEBHOOK_HOST says otherwise. */
  host: string;
  port: number;
  /** URL path Telegram posts to; telegraf derives a secret one from the token when absent. */
  path: string | undefined;
  /** Checked on every request (X-Telegram-Bot-Api-Secret-Token). */
  secretToken: string;
}

export interface TelegramConfig {
  token: string;
  apiRoot: string;
  /** null: long polling. */
  webhook: WebhookConfig | null;
  rateLimit: RateLimitConfig;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  logLevel: LogLevel;
  /** null: no token, so the console chat runs instead of the bot. */
  telegram: TelegramConfig | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
  // The message never quotes the value: it is a secret.
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]+$/, 'should look like 123456789:AAE… (the token @BotFather gave you)')
    .optional(),
  // telegraf resolves `./bot<token>/<method>` against the root, which drops a last
  // path segment without a trailing slash (a Bot API behind a proxy at /tg).
  TELEGRAM_API_ROOT: z
    .url({ protocol: /^https?$/ })
    .default('https://api.telegram.org/')
    .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  WEBHOOK_DOMAIN: z
    .string()
    .regex(/^(https?:\/\/)?[\w.-]+(:\d+)?$/, 'should be a host name such as bot.example.com')
    .optional(),
  // An IP address (0.0.0.0 or :: for every interface) or a host name such as localhost.
  WEBHOOK_HOST: z
    // A name needs a letter: 300.1.1.1 is no address and no name.
    .union([z.ipv4(), z.ipv6(), z.hostname().regex(/[a-z]/i)], 'should be an IP address (127.0.0.1, 0.0.0.0, ::) or a host name')
    .optional(),
  WEBHOOK_PORT: port.optional(),
  PORT: port.optional(),
  WEBHOOK_PATH: z.string().startsWith('/', 'should start with /').optional(),
  WEBHOOK_SECRET_TOKEN: z
    .string()
    .regex(/^[\w-]{1,256}$/, 'should be 1–256 characters of A–Z, a–z, 0–9, _ and -')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(5),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().positive().default(20),
});

const DEFAULT_WEBHOOK_PORT = 8080;
// The server speaks plain HTTP, so something terminating TLS stands in front of it — usually a
// reverse proxy on the same machine. Loopback keeps the plain port off the network until asked.
const DEFAULT_WEBHOOK_HOST = '127.0.0.1';

/** Reads the configuration; throws a ConfigError listing every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // An empty variable (as .env files often leave them) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.WEBHOOK_DOMAIN && !e.TELEGRAM_BOT_TOKEN) {
    throw new ConfigError('invalid configuration:\n  WEBHOOK_DOMAIN is set but TELEGRAM_BOT_TOKEN is not');
  }
  return {
    logLevel: e.LOG_LEVEL,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          webhook: e.WEBHOOK_DOMAIN
            ? {
                domain: e.WEBHOOK_DOMAIN,
                host: e.WEBHOOK_HOST ?? DEFAULT_WEBHOOK_HOST,
                port: e.WEBHOOK_PORT ?? e.PORT ?? DEFAULT_WEBHOOK_PORT,
                path: e.WEBHOOK_PATH,
                secretToken: e.WEBHOOK_SECRET_TOKEN ?? randomBytes(32).toString('hex'),
              }
            : null,
          rateLimit: { burst: e.RATE_LIMIT_BURST, perMinute: e.RATE_LIMIT_PER_MINUTE },
        }
      : null,
  };
}
