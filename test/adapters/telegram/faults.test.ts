// The bot under faults, over real HTTP: a fake Bot API that answers a seeded share
// of sends with 429, 500 or 502, refuses connections for a moment, drops them after
// delivering, or answers slowly — and more than 300 updates across several chats.
// Every question gets exactly one answer (0 lost, 0 duplicated), each chat's answers
// in the order asked, and the rate limit holds under a flood. Waits are compressed
// (retry_after and backoff run 50 times faster), so the suite takes seconds.
import { setTimeout as sleep } from 'node:timers/promises';
import { Input, type Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { afterEach, describe, expect, it } from 'vitest';
import type { TelegramConfig, WebhookConfig } from '../../../src/adapters/config.ts';
import { createLogger } from '../../../src/adapters/log.ts';
import { createBot } from '../../../src/adapters/telegram/bot.ts';
import { launchBot, stopBot } from '../../../src/adapters/telegram/launch.ts';
import type { DeliveryOptions } from '../../../src/adapters/telegram/retry.ts';
import { APOLOGY, RATE_LIMITED } from '../../../src/adapters/texts.ts';
import { createFakeEngine } from './fake-engine.ts';
import { seeded } from '../../helpers/random.ts';
import { FakeBotApi, type FaultPlan, type RecordedCall } from './fake-bot-api.ts';
import { freePort } from './ports.ts';

const TOKEN = '123456:FAULT-token';
const CHATS = 8;
const PER_CHAT = 30;
const FLOOD = 100;
const BURST = 40;
const FLOODER = 9_999;

const random = seeded(7);
const FAST: Partial<DeliveryOptions> = {
  sleep: (ms) => sleep(ms / 50),
  random,
  attempts: 8,
  timeoutMs: 1_500,
};

/** About a third of sends fail, each way. */
const PLAN: FaultPlan = {
  seed: 42,
  shares: { tooMany: 0.06, serverError: 0.06, badGateway: 0.06, dropAfter: 0.06, slow: 0.06, stall: 0.03 },
  retryAfterS: 1,
  slowMs: 60,
  stallMs: 1_800,
};

interface Run {
  api: FakeBotApi;
  bot: Telegraf;
  logs: { msg: string; err?: { code?: string; message?: string } }[];
}

const running: Run[] = [];

afterEach(async () => {
  for (const { api, bot } of running.splice(0)) {
    stopBot(bot, 'test');
    await api.stop();
  }
});

async function launch(plan: FaultPlan | null, webhook: WebhookConfig | null = null, delivery: Partial<DeliveryOptions> = FAST): Promise<Run> {
  const api = new FakeBotApi();
  const apiRoot = await api.start();
  if (plan) api.injectFaults(plan);
  const logs: Run['logs'] = [];
  const log = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
  const config: TelegramConfig = { token: TOKEN, apiRoot, webhook, rateLimit: { burst: BURST, perMinute: 1 } };
  const bot = createBot(createFakeEngine(), config, log, { delivery });
  await launchBot(bot, config, log);
  const run = { api, bot, logs };
  running.push(run);
  return run;
}

function message(chat: number, text: string, id: number): Omit<Update.MessageUpdate, 'update_id'> {
  return {
    message: { message_id: id, date: 0, chat: { id: chat, type: 'private', first_name: 'x' }, from: { id: chat, is_bot: false, first_name: 'x' }, text },
  } as Omit<Update.MessageUpdate, 'update_id'>;
}

/** What each chat should get, in order: one answer per question; the flooder's first BURST, then one refusal. */
function expected(): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (let chat = 1; chat <= CHATS; chat++) out.set(chat, Array.from({ length: PER_CHAT }, (_, i) => `没找到：问题${chat}-${i}`));
  out.set(FLOODER, [...Array.from({ length: BURST }, (_, i) => `没找到：刷屏${i}`), RATE_LIMITED]);
  return out;
}

/** Every update, the chats interleaved as they would arrive. */
function updates(): Omit<Update.MessageUpdate, 'update_id'>[] {
  const out: Omit<Update.MessageUpdate, 'update_id'>[] = [];
  let id = 1;
  for (let i = 0; i < FLOOD; i++) {
    for (let chat = 1; chat <= CHATS; chat++) if (i < PER_CHAT) out.push(message(chat, `问题${chat}-${i}`, id++));
    out.push(message(FLOODER, `刷屏${i}`, id++));
  }
  return out;
}

const webhookAt = (port: number): WebhookConfig => ({ domain: 'bot.example.test', host: '127.0.0.1', port, path: '/hook', secretToken: 'fault_secret' });

const post = (port: number, update: object) =>
  fetch(`http://127.0.0.1:${port}/hook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'fault_secret' },
    body: JSON.stringify(update),
  });

const delivered = (api: FakeBotApi) => {
  const byChat = new Map<number, string[]>();
  for (const call of api.delivered()) {
    const { chat_id, text } = call.payload as { chat_id: number; text: string };
    byChat.set(chat_id, [...(byChat.get(chat_id) ?? []), text]);
  }
  return byChat;
};

async function settle(api: FakeBotApi, want: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (api.delivered().length < want && Date.now() < deadline) await sleep(50);
  // Long enough for any late duplicate (a stalled answer, a last retry) to show.
  await sleep(1_200);
}

function expectExactlyOnceInOrder(api: FakeBotApi): void {
  const want = expected();
  const got = delivered(api);
  expect([...got.keys()].sort((a, b) => a - b)).toEqual([...want.keys()].sort((a, b) => a - b));
  for (const [chat, texts] of want) expect(got.get(chat), `chat ${chat}`).toEqual(texts);
  expect(api.delivered().some((call) => JSON.stringify(call.payload).includes(APOLOGY))).toBe(false);
}

const faultsSeen = (calls: RecordedCall[]) => new Set(calls.map((call) => call.fault).filter((fault) => fault !== null));
const total = () => [...expected().values()].reduce((n, texts) => n + texts.length, 0);

describe('sends failing a third of the time', () => {
  it(`long polling: ${CHATS * PER_CHAT + FLOOD} updates, every answer delivered exactly once, in order per chat; the flood limited`, async () => {
    const { api, logs } = await launch(PLAN);
    for (const update of updates()) api.push(update);
    await settle(api, total());
    expectExactlyOnceInOrder(api);
    expect(faultsSeen(api.calls)).toEqual(new Set(['tooMany', 'serverError', 'badGateway', 'dropAfter', 'slow', 'stall']));
    // Retried only what provably failed; the dropped and the stalled ones were taken as delivered.
    const retried = logs.filter((entry) => entry.msg === 'not delivered, retrying').length;
    const refused = api.calls.filter((call) => !call.delivered).length;
    expect(retried).toBe(refused);
    const unknown = logs.filter((entry) => entry.msg.startsWith('delivery unknown')).length;
    expect(unknown).toBe(api.calls.filter((call) => call.fault === 'dropAfter' || call.fault === 'stall').length);
  });

  it('webhook: the same', async () => {
    const port = await freePort();
    const { api } = await launch({ ...PLAN, seed: 43 }, webhookAt(port));
    const all = updates().map((update, i) => ({ update_id: i + 1, ...update }));
    // As Telegram does: one chat's updates one after another, chats in parallel.
    const chats = [...new Set(all.map((update) => update.message.chat.id))];
    await Promise.all(chats.map(async (chat) => {
      for (const update of all.filter((u) => u.message.chat.id === chat)) expect((await post(port, update)).status).toBe(200);
    }));
    await settle(api, total());
    expectExactlyOnceInOrder(api);
    expect(faultsSeen(api.calls)).toEqual(new Set(['tooMany', 'serverError', 'badGateway', 'dropAfter', 'slow', 'stall']));
  });
});

describe('a request that never reached Telegram is sent again', () => {
  it('while the Bot API cannot be reached (connection refused), then delivered once', async () => {
    const port = await freePort();
    const { api, logs } = await launch(null, webhookAt(port));
    expect((await post(port, { update_id: 1, ...message(1, '第一问', 1) })).status).toBe(200);
    await api.waitFor('sendMessage');
    // Nothing in flight: every connection from now on is refused, for a while.
    api.unreachableFor(300);
    expect((await post(port, { update_id: 2, ...message(1, '第二问', 2) })).status).toBe(200);
    await api.waitFor('sendMessage', undefined, 2, 10_000);
    await sleep(300);
    expect(delivered(api).get(1)).toEqual(['没找到：第一问', '没找到：第二问']);
    const refused = logs.filter((entry) => entry.msg === 'not delivered, retrying' && /ECONNREFUSED/.test(entry.err?.message ?? ''));
    expect(refused.length).toBeGreaterThan(0);
  });

  it('when the connection is reset while the request is still being written', async () => {
    // Time enough to write 32 MB on a busy machine: a send cut by the time limit while still being written is retried
    // too (it never reached Telegram), and only the reset's retry is counted here.
    const { api, bot, logs } = await launch(null, null, { ...FAST, timeoutMs: 30_000 });
    api.resetUploads(1);
    // An upload far larger than the socket buffers: the reset comes while it is being written.
    await bot.telegram.sendDocument(5, Input.fromBuffer(Buffer.alloc(32 * 1024 * 1024, 0x41), 'big.csv'));
    expect(api.delivered('sendDocument')).toHaveLength(1);
    expect(logs.filter((entry) => entry.msg === 'not delivered, retrying')).toHaveLength(1);
  });
});

describe('a request whose fate is unknown is not sent again', () => {
  it('a send answered too late (after the time limit): delivered once, the answer goes on, no apology', async () => {
    const { api, logs } = await launch(null);
    let first = true;
    api.behave((call) => (call.method === 'sendMessage' && first ? ((first = false), { kind: 'stall', ms: 2_500 }) : undefined));
    api.push(message(3, '长答案', 1));
    api.push(message(3, '曲阳 2023 三公经费', 2));
    await api.waitFor('sendMessage', (call) => JSON.stringify(call.payload).includes('4.60'), 1, 10_000);
    await sleep(300);
    const texts = api.delivered().map((call) => (call.payload as { text: string }).text);
    // The long answer's first part stalled and was taken as delivered; its other parts and the next answer followed, once each.
    expect(texts[0]).toMatch(/^第1行/);
    expect(texts.at(-1)).toContain('4.60');
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.join('\n').split('\n').filter((line) => /^第\d+行/.test(line))).toHaveLength(300);
    expect(texts).not.toContain(APOLOGY);
    expect(logs.filter((entry) => entry.msg.startsWith('delivery unknown'))).toHaveLength(1);
  });
});

describe('one slow chat does not delay the others', () => {
  const SLOW_CHAT = 1;
  const QUICK_CHAT = 2;
  const SLOW_MS = 1_500;

  async function slowThenQuick(run: Run, send: (update: Omit<Update.MessageUpdate, 'update_id'>, id: number) => Promise<void>): Promise<void> {
    run.api.behave((call) => ((call.payload as { chat_id?: number }).chat_id === SLOW_CHAT ? { kind: 'slow', ms: SLOW_MS } : undefined));
    const toChat = (chat: number) => (call: RecordedCall) => (call.payload as { chat_id?: number }).chat_id === chat;
    await send(message(SLOW_CHAT, '慢', 1), 1);
    const slow = await run.api.waitFor('sendMessage', toChat(SLOW_CHAT));
    await send(message(QUICK_CHAT, '快', 2), 2);
    const quick = await run.api.waitFor('sendMessage', toChat(QUICK_CHAT));
    // Answered while the slow chat's send was still waiting for its answer.
    expect(quick.at - slow.at).toBeLessThan(SLOW_MS / 2);
  }

  it('long polling', async () => {
    const run = await launch(null);
    await slowThenQuick(run, async (update) => run.api.push(update));
  });

  it('webhook', async () => {
    const port = await freePort();
    const run = await launch(null, webhookAt(port));
    await slowThenQuick(run, async (update, id) => {
      expect((await post(port, { update_id: id, ...update })).status).toBe(200);
    });
  });
});
