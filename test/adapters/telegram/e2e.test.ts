// End to end over real HTTP on loopback: the bot launched as `npm start` does,
// against the telegram-test-api emulator (messages, commands, callbacks,
// groups) and against a small fake Bot API (429, inline mode, setMyCommands,
// CSV upload, webhook with its secret token).
import type { Telegraf } from 'telegraf';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelegramConfig } from '../../../src/adapters/config.ts';
import { silentLogger } from '../../../src/adapters/log.ts';
import { createBot } from '../../../src/adapters/telegram/bot.ts';
import { COMMANDS } from '../../../src/adapters/telegram/commands.ts';
import { launchBot, stopBot } from '../../../src/adapters/telegram/launch.ts';
import { APOLOGY } from '../../../src/adapters/texts.ts';
import { createFakeEngine } from './fake-engine.ts';
import { FakeBotApi } from './fake-bot-api.ts';
import { freePort } from './ports.ts';

const TOKEN = '123456:E2E-token';

function config(apiRoot: string, webhook: TelegramConfig['webhook'] = null): TelegramConfig {
  return { token: TOKEN, apiRoot, webhook, rateLimit: { burst: 100, perMinute: 100 } };
}


interface BotMessage {
  messageId: number;
  message: { chat_id: number | string; text: string; reply_parameters?: { message_id: number }; reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] } };
}

describe('against the telegram-test-api emulator', () => {
  let server: TelegramServer;
  let bot: Telegraf;

  beforeAll(async () => {
    server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
    await server.start();
    bot = createBot(createFakeEngine(), config(server.config.apiURL));
    // The emulator has no setMyCommands: the bot only logs that.
    await launchBot(bot, config(server.config.apiURL), silentLogger);
  });

  afterAll(async () => {
    stopBot(bot, 'test');
    await server.stop();
  });

  const privateChat = () => server.getClient(TOKEN, { chatId: 1, userId: 1, timeout: 5000 });
  const groupChat = () => server.getClient(TOKEN, { chatId: -200, userId: 2, type: 'group', chatTitle: '预算群', timeout: 5000 });
  const botMessages = async (client: ReturnType<typeof privateChat>) => (await client.getUpdates()).result as unknown as BotMessage[];

  it('answers a private question', async () => {
    const client = privateChat();
    await client.sendMessage(client.makeMessage('曲阳 2023 三公经费'));
    const [reply] = await botMessages(client);
    expect(reply!.message.text).toContain('曲阳县医疗保障局 2023年 “三公”经费：4.60 万元');
  });

  it('answers /q in a group in thread to the asker, and ignores unaddressed messages', async () => {
    const client = groupChat();
    await client.sendMessage(client.makeMessage('曲阳 2023 三公经费'));
    await client.sendCommand(client.makeCommand('/q 北票 2024 三公经费'));
    // Only the /q is answered; the message before it, processed first, got nothing.
    const replies = await botMessages(client);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.message.text).toContain('北票市医疗保障局 2024年');
    const history = (await client.getUpdatesHistory()) as unknown as { messageId: number; message: { text: string } }[];
    const asked = history.find((update) => update.message.text === '/q 北票 2024 三公经费')!;
    expect(replies[0]!.message.reply_parameters?.message_id).toBe(asked.messageId);
    expect(history.filter((update) => 'chat_id' in update.message && String((update.message as { chat_id: unknown }).chat_id) === '-200')).toHaveLength(1);
  });

  it('offers an ambiguous question’s candidates as buttons; the pressed one is answered', async () => {
    const client = privateChat();
    await client.sendMessage(client.makeMessage('三公经费'));
    const [question] = await botMessages(client);
    const buttons = question!.message.reply_markup!.inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(['曲阳 2023 三公经费', '北票 2024 三公经费']);
    await client.sendCallback(client.makeCallbackQuery(buttons[1]!.callback_data, { message: { message_id: question!.messageId } } as never));
    const [answer] = await botMessages(client);
    expect(answer!.message.text).toContain('北票市医疗保障局 2024年 “三公”经费');
  });
});

describe('against a fake Bot API', () => {
  const api = new FakeBotApi();
  let bot: Telegraf;
  let apiRoot: string;
  const user = { id: 5, is_bot: false, first_name: '小李' };
  const chat = { id: 5, type: 'private' as const, first_name: '小李' };
  const sentTo = (text: string) => (call: { payload: unknown }) => JSON.stringify(call.payload).includes(text);

  beforeAll(async () => {
    apiRoot = await api.start();
    bot = createBot(createFakeEngine(), config(apiRoot));
    await launchBot(bot, config(apiRoot), silentLogger);
  });

  afterAll(async () => {
    stopBot(bot, 'test');
    await api.stop();
  });

  it('registers the command menu at launch', async () => {
    const call = await api.waitFor('setMyCommands');
    expect((call.payload as { commands: unknown }).commands).toEqual(COMMANDS);
  });

  it('retries a reply refused with 429 after retry_after, and delivers it', async () => {
    api.failWith429('sendMessage', 1);
    api.push({ message: { message_id: 1, date: 0, chat, from: user, text: '曲阳 2023 三公经费' } });
    const refused = await api.waitFor('sendMessage', sentTo('4.60'));
    const delivered = await api.waitFor('sendMessage', sentTo('4.60'), 2);
    expect(delivered.at - refused.at).toBeGreaterThanOrEqual(950);
  });

  it('apologises for an update that fails and keeps polling', async () => {
    api.push({ message: { message_id: 4, date: 0, chat, from: user, text: '炸' } });
    await api.waitFor('sendMessage', sentTo(APOLOGY));
    api.push({ message: { message_id: 5, date: 0, chat, from: user, text: '曲阳 2023 三公经费 明细' } });
    await api.waitFor('sendMessage', sentTo('曲阳县医疗保障局 2023年 “三公”经费明细'));
  });

  it('answers an inline query with articles', async () => {
    api.push({ inline_query: { id: 'iq1', from: user, query: '曲阳 2023 三公', offset: '' } });
    const call = await api.waitFor('answerInlineQuery');
    const payload = call.payload as { inline_query_id: string; cache_time: number; results: { title: string; input_message_content: { message_text: string } }[] };
    expect(payload.inline_query_id).toBe('iq1');
    expect(payload.cache_time).toBeLessThanOrEqual(10);
    expect(payload.results[0]!.input_message_content.message_text).toContain('4.60 万元');
  });

  it('uploads a CSV document for /csv', async () => {
    api.push({
      message: { message_id: 2, date: 0, chat, from: user, text: '/csv 曲阳 2023 三公经费 明细', entities: [{ type: 'bot_command', offset: 0, length: 4 }] },
    });
    const call = await api.waitFor('sendDocument');
    expect(call.payload).toContain('filename="yusuan-answer.csv"');
    expect(call.payload).toContain('\uFEFFentity,year,stage,label,amount_yuan');
  });

  it('in webhook mode, sets the webhook and accepts only requests with the secret token', async () => {
    const port = await freePort();
    const webhook = { domain: 'bot.example.test', host: '127.0.0.1', port, path: '/hook', secretToken: 'webhook_secret-1' };
    const hooked = createBot(createFakeEngine(), config(apiRoot, webhook));
    await launchBot(hooked, config(apiRoot, webhook), silentLogger);
    try {
      const set = await api.waitFor('setWebhook');
      expect(set.payload).toMatchObject({ url: 'https://bot.example.test/hook', secret_token: 'webhook_secret-1' });
      const post = (headers: Record<string, string>, text: string) =>
        fetch(`http://127.0.0.1:${port}/hook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ update_id: 1, message: { message_id: 3, date: 0, chat, from: user, text } }),
        });
      expect((await post({}, '北票 2024 三公经费')).status).toBe(403);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong' }, '北票 2024 三公经费')).status).toBe(403);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'webhook_secret-1' }, '那2022年呢')).status).toBe(200);
      await api.waitFor('sendMessage', sentTo('没找到'));
      expect(api.calls.some(sentTo('北票市医疗保障局 2024年'))).toBe(false);
    } finally {
      stopBot(hooked, 'test');
    }
  });
});
