// The webhook server over real HTTP: bound where WEBHOOK_HOST says, 403 without
// the secret token, 400 (and a line in the log) for any body that is not an update
// object, and still answering afterwards.
import { connect } from 'node:net';
import type { Telegraf } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelegramConfig, WebhookConfig } from '../../../src/adapters/config.ts';
import { createLogger } from '../../../src/adapters/log.ts';
import { createBot } from '../../../src/adapters/telegram/bot.ts';
import { launchBot, stopBot } from '../../../src/adapters/telegram/launch.ts';
import { MAX_BODY_BYTES } from '../../../src/adapters/telegram/webhook.ts';
import { createFakeEngine } from './fake-engine.ts';
import { FakeBotApi } from './fake-bot-api.ts';
import { freePort } from './ports.ts';

const SECRET = 'hook_secret-2';
// Another loopback address: the server bound to it is not reachable on 127.0.0.1.
const HOST = '127.0.0.2';

const api = new FakeBotApi();
const logs: { level: number; msg: string; reason?: string }[] = [];
let bot: Telegraf;
let port: number;

beforeAll(async () => {
  const apiRoot = await api.start();
  port = await freePort();
  const webhook: WebhookConfig = { domain: 'https://bot.example.test:8443', host: HOST, port, path: '/hook', secretToken: SECRET };
  const config: TelegramConfig = { token: '123456:HOOK-token', apiRoot, webhook, rateLimit: { burst: 100, perMinute: 100 } };
  const log = createLogger({ level: 'info', destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
  bot = createBot(createFakeEngine(), config, log);
  await launchBot(bot, config, log);
});

afterAll(async () => {
  stopBot(bot, 'test');
  await api.stop();
});

const post = (body: string | Buffer, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }, host = HOST) =>
  fetch(`http://${host}:${port}/hook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

const update = (id: number, text: string) =>
  JSON.stringify({ update_id: id, message: { message_id: id, date: 0, chat: { id: 8, type: 'private', first_name: 'x' }, from: { id: 8, is_bot: false, first_name: 'x' }, text } });

describe('the webhook server', () => {
  it('sets the webhook to the https URL of WEBHOOK_DOMAIN, with the secret token', async () => {
    const set = await api.waitFor('setWebhook');
    expect(set.payload).toMatchObject({ url: 'https://bot.example.test:8443/hook', secret_token: SECRET });
  });

  it('listens on WEBHOOK_HOST only', async () => {
    expect((await post(update(1, '曲阳 2023 三公经费'))).status).toBe(200);
    await expect(post(update(2, '曲阳 2023 三公经费'), undefined, '127.0.0.1')).rejects.toThrow();
  });

  it('refuses requests without the secret token, or not a POST to its path', async () => {
    expect((await post(update(3, 'x'), {})).status).toBe(403);
    expect((await post(update(3, 'x'), { 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(403);
    expect((await fetch(`http://${HOST}:${port}/hook`)).status).toBe(403);
    expect((await fetch(`http://${HOST}:${port}/other`, { method: 'POST', body: update(3, 'x') })).status).toBe(403);
  });

  const notUpdates: [string, string | Buffer][] = [
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"曲阳 2023 三公经费"'],
    ['an array', `[${update(4, 'x')}]`],
    ['an object without update_id', '{"message":{}}'],
    ['a negative update_id', '{"update_id":-1}'],
    ['a fractional update_id', '{"update_id":1.5}'],
    ['update_id as text', '{"update_id":"5"}'],
    ['invalid JSON', '{"update_id":'],
    ['an empty body', ''],
    ['bytes that are not text', Buffer.from([0xff, 0xfe, 0x00, 0x01])],
    ['a body over the limit', JSON.stringify({ update_id: 6, padding: 'x'.repeat(MAX_BODY_BYTES) })],
  ];

  it.each(notUpdates)('answers %s with 400 and logs it', async (_, body) => {
    const before = logs.length;
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(logs.slice(before)).toContainEqual(expect.objectContaining({ level: 40, msg: 'webhook request refused' }));
  });

  it('answers a malformed HTTP request with 400', async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(port, HOST, () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += String(chunk)));
      socket.on('close', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
  });

  it('keeps answering real updates after all of that', async () => {
    const before = api.calls.length;
    expect((await post(update(7, '北票 2024 三公经费'))).status).toBe(200);
    const answer = await api.waitFor('sendMessage', (call) => JSON.stringify(call.payload).includes('北票市医疗保障局 2024年'));
    expect(api.calls.indexOf(answer)).toBeGreaterThanOrEqual(before);
  });
});
