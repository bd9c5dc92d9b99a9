import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/adapters/config.ts';

const TOKEN = '123456789:AAE-secret_token';

describe('loadConfig', () => {
  it('without a token: the console chat, default log level', () => {
    expect(loadConfig({})).toEqual({ logLevel: 'info', telegram: null });
    // Empty variables count as unset.
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '', LOG_LEVEL: ' ' })).toEqual({ logLevel: 'info', telegram: null });
  });

  it('with a token: long polling against Telegram, default rate limits', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, LOG_LEVEL: 'debug' })).toEqual({
      logLevel: 'debug',
      telegram: { token: TOKEN, apiRoot: 'https://api.telegram.org/', webhook: null, rateLimit: { burst: 5, perMinute: 20 } },
    });
  });

  it('reads the API root, rate limits and webhook settings, generating a secret token when absent', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
      WEBHOOK_DOMAIN: 'bot.example.com',
      PORT: '3000',
      RATE_LIMIT_BURST: '3',
      RATE_LIMIT_PER_MINUTE: '10',
    });
    expect(config.telegram).toMatchObject({
      apiRoot: 'http://127.0.0.1:8081/',
      // Loopback unless WEBHOOK_HOST says otherwise.
      webhook: { domain: 'bot.example.com', host: '127.0.0.1', port: 3000, path: undefined },
      rateLimit: { burst: 3, perMinute: 10 },
    });
    expect(config.telegram?.webhook?.secretToken).toMatch(/^[0-9a-f]{64}$/);
    const explicit = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, WEBHOOK_DOMAIN: 'bot.example.com', WEBHOOK_PORT: '8443', PORT: '3000', WEBHOOK_SECRET_TOKEN: 'abc_DEF-1' });
    expect(explicit.telegram?.webhook).toMatchObject({ port: 8443, secretToken: 'abc_DEF-1' });
  });

  it('binds the webhook to WEBHOOK_HOST: an IP address or a host name, nothing else', () => {
    const host = (value: string) => loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, WEBHOOK_DOMAIN: 'bot.example.com', WEBHOOK_HOST: value }).telegram?.webhook?.host;
    for (const value of ['0.0.0.0', '10.1.2.3', '::', '::1', 'localhost', 'bot.internal']) expect(host(value)).toBe(value);
    for (const value of ['300.1.1.1', 'http://0.0.0.0', 'two words', '0.0.0.0:8080']) expect(() => host(value), value).toThrow(/WEBHOOK_HOST/);
  });

  it('keeps a path in the API root: telegraf would drop its last segment without a trailing slash', () => {
    const { apiRoot } = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/tg' }).telegram!;
    expect(apiRoot).toBe('http://127.0.0.1:8081/tg/');
  });

  it('lists every invalid variable, without quoting the token', () => {
    const bad = 'not-a-token-but-secret';
    let error: unknown;
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: bad, WEBHOOK_PORT: '70000', LOG_LEVEL: 'loud', TELEGRAM_API_ROOT: 'ftp://x' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { message } = error as ConfigError;
    for (const name of ['TELEGRAM_BOT_TOKEN', 'WEBHOOK_PORT', 'LOG_LEVEL', 'TELEGRAM_API_ROOT']) expect(message).toContain(name);
    expect(message).not.toContain(bad);
  });

  it('refuses a webhook without a token', () => {
    expect(() => loadConfig({ WEBHOOK_DOMAIN: 'bot.example.com' })).toThrow(/WEBHOOK_DOMAIN is set but TELEGRAM_BOT_TOKEN is not/);
  });
});
