// The bot in-process: every behaviour of issue 4 through bot.handleUpdate, with
// the Bot API stubbed at Telegram.prototype.callApi.
import { TelegramError } from 'telegraf';
import type { Chat } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../src/adapters/log.ts';
import { registerCommands } from '../../../src/adapters/telegram/commands.ts';
import { APOLOGY, BUTTON_EXPIRED, EXAMPLE_QUESTIONS, RATE_LIMITED, TEXT_ONLY, UNKNOWN_COMMAND } from '../../../src/adapters/texts.ts';
import { AMBIGUOUS_SUGGESTIONS, createFakeEngine } from './fake-engine.ts';
import { BOT_INFO, buttonsOf, DATE, GROUP, Harness, mention, USER, type ApiCall } from './harness.ts';

let engine: ReturnType<typeof createFakeEngine>;
let h: Harness;

beforeEach(() => {
  engine = createFakeEngine();
  h = new Harness(engine);
});

afterEach(() => {
  h.restore();
  vi.useRealTimers();
});

const sent = (calls: ApiCall[]) => calls.filter((call) => call.method === 'sendMessage');
const only = (calls: ApiCall[]) => {
  const messages = sent(calls);
  expect(messages).toHaveLength(1);
  return messages[0]!;
};

describe('private chats', () => {
  it('answers every text message, in HTML, with follow-up buttons', async () => {
    const reply = only(await h.say('曲阳 2023 三公经费'));
    expect(reply.payload.chat_id).toBe(USER.id);
    expect(reply.payload.parse_mode).toBe('HTML');
    expect(reply.payload.text).toContain('曲阳县医疗保障局 2023年 “三公”经费：4.60 万元');
    expect(reply.payload.reply_parameters).toBeUndefined();
    expect(buttonsOf(reply).map((b) => b.text)).toEqual(['明细', '比上年', '来源', 'CSV']);
  });

  it('ignores results of its own inline queries posted back into the chat', async () => {
    expect(await h.say('曲阳 2023 三公经费', { via_bot: BOT_INFO })).toEqual([]);
  });
});

describe('groups', () => {
  it('answers /q in thread to the asker', async () => {
    const question = h.message('/q 曲阳 2023 三公经费', { private: false });
    const reply = only(await h.send({ message: question }));
    expect(reply.payload.chat_id).toBe(GROUP.id);
    expect(reply.payload.reply_parameters).toMatchObject({ message_id: question.message_id });
    expect(reply.payload.text).toContain('4.60 万元');
    expect(engine.calls.at(-1)?.text).toBe('曲阳 2023 三公经费');
  });

  it('answers /q@botname, case-insensitively, and ignores /q@otherbot', async () => {
    expect(only(await h.sayInGroup('/q@Yusuan_Bot 曲阳 2023 三公经费')).payload.text).toContain('4.60');
    expect(await h.sayInGroup('/q@other_bot 曲阳 2023 三公经费')).toEqual([]);
  });

  it('answers a mention, without the mention in the question', async () => {
    const text = '@yusuan_bot 曲阳 2023 三公经费';
    const reply = only(await h.sayInGroup(text, mention(text)));
    expect(reply.payload.reply_parameters).toBeDefined();
    expect(engine.calls.at(-1)?.text).toBe('曲阳 2023 三公经费');
  });

  it('answers a reply to one of its messages', async () => {
    const botMessage = { message_id: 7, date: 0, chat: GROUP, from: BOT_INFO, text: '…' };
    const reply = only(await h.sayInGroup('曲阳 2023 三公经费', { reply_to_message: botMessage } as never));
    expect(reply.payload.text).toContain('4.60');
  });

  it('stays quiet when not addressed', async () => {
    expect(await h.sayInGroup('曲阳 2023 三公经费')).toEqual([]);
    const other = '@someone_else 曲阳 2023 三公经费';
    expect(await h.sayInGroup(other, mention(other, 'someone_else'))).toEqual([]);
    const replyToHuman = { message_id: 8, date: 0, chat: GROUP, from: { id: 5, is_bot: false, first_name: 'B' }, text: '…' };
    expect(await h.sayInGroup('曲阳 2023 三公经费', { reply_to_message: replyToHuman } as never)).toEqual([]);
    expect(await h.sayInGroup('/frobnicate')).toEqual([]);
    expect(engine.calls).toEqual([]);
  });

  it('asks for the question after a bare /q, /csv or mention', async () => {
    expect(only(await h.sayInGroup('/q')).payload.text).toContain('/q 曲阳 2023 三公经费');
    expect(only(await h.sayInGroup('/csv@yusuan_bot')).payload.text).toContain('/csv 曲阳 2023 三公经费');
    expect(only(await h.sayInGroup('@yusuan_bot', mention('@yusuan_bot'))).payload.text).toContain('/q 曲阳');
    expect(engine.calls).toEqual([]);
  });

  it('answers anonymous admins, each group with its own rate limit', async () => {
    h.restore();
    h = new Harness(engine, { rateLimit: { burst: 1, perMinute: 1 } });
    const anonymous = { from: { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' } };
    const ask = (chat: Chat.SupergroupChat) => h.send({ message: { ...h.message('/q 曲阳 2023 三公经费', { private: false }), ...anonymous, chat, sender_chat: chat } });
    expect(only(await ask(GROUP)).payload.text).toContain('4.60');
    expect(only(await ask({ ...GROUP, id: -100456 })).payload.text).toContain('4.60');
    expect(only(await ask(GROUP)).payload.text).toBe(RATE_LIMITED);
  });

  it('answers in the forum topic the question was asked in', async () => {
    const question = h.message('/q 曲阳 2023 三公经费', { private: false, is_topic_message: true, message_thread_id: 77 });
    const reply = only(await h.send({ message: question }));
    expect(reply.payload).toMatchObject({ message_thread_id: 77, reply_parameters: { message_id: question.message_id } });
  });
});

describe('commands', () => {
  it('/start explains the bot and offers three example questions as buttons', async () => {
    const reply = only(await h.say('/start'));
    expect(reply.payload.text).toContain('预算问答机器人');
    expect(buttonsOf(reply).map((b) => b.text)).toEqual(EXAMPLE_QUESTIONS);
    const [first] = buttonsOf(reply);
    const calls = await h.press(first!.callback_data);
    expect(calls[0]!.method).toBe('answerCallbackQuery');
    expect(only(calls).payload.text).toContain('4.60');
  });

  it('/help lists the kinds of questions with examples', async () => {
    const { text } = only(await h.say('/help')).payload;
    for (const kind of ['查数', '明细', '比上年', '对比', '前5', '最高', '占', '有哪些项目', '绩效目标', '那2022年呢', '/q']) {
      expect(text).toContain(kind);
    }
  });

  it('/list gives departments, years and stages from the catalog', async () => {
    const { text } = only(await h.say('/list')).payload;
    expect(text).toContain('曲阳县医疗保障局：2023年预算');
    expect(text).toContain('北票市医疗保障局：2024年决算');
    expect(text).toContain('年份：2023、2024');
    expect(text).toContain('类型：预算、决算');
  });

  it('/about names the documents and how figures are checked', async () => {
    const { text } = only(await h.say('/about')).payload;
    expect(text).toContain('曲阳县医疗保障局2023年部门预算（004_test.txt，9 张表）');
    expect(text).toContain('通过 32 项，未通过 1 项');
    expect(text).toContain('出处');
  });

  it('answers an unknown command with a hint in private, but not a bare one in groups', async () => {
    expect(only(await h.say('/frobnicate')).payload.text).toBe(UNKNOWN_COMMAND);
    expect(only(await h.sayInGroup('/frobnicate@yusuan_bot')).payload.text).toBe(UNKNOWN_COMMAND);
  });

  it('registers the commands with Chinese descriptions', async () => {
    await registerCommands(h.bot.telegram, createLogger({ level: 'silent' }));
    const call = h.calls.find((c) => c.method === 'setMyCommands');
    const commands = call?.payload.commands as { command: string; description: string }[];
    expect(commands.map((c) => c.command)).toEqual(['start', 'help', 'list', 'q', 'csv', 'about']);
    for (const { description } of commands) expect(description).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('buttons and callbacks', () => {
  it('offers an ambiguous question’s candidates as buttons; pressing one answers it', async () => {
    const reply = only(await h.say('三公经费'));
    expect(buttonsOf(reply).map((b) => b.text)).toEqual(AMBIGUOUS_SUGGESTIONS);
    const calls = await h.press(buttonsOf(reply)[0]!.callback_data);
    // answerCbQuery first, before any work.
    expect(calls[0]).toMatchObject({ method: 'answerCallbackQuery' });
    expect(calls[0]!.payload.text).toBeUndefined();
    expect(only(calls).payload.text).toContain('曲阳县医疗保障局 2023年');
  });

  it('follow-up buttons continue the answer (明细 as an aligned table)', async () => {
    const reply = only(await h.say('曲阳 2023 三公经费'));
    const detail = buttonsOf(reply).find((b) => b.text === '明细')!;
    const { text } = only(await h.press(detail.callback_data)).payload;
    expect(engine.calls.at(-1)?.text).toBe('曲阳 2023 三公经费 明细');
    expect(text).toMatch(/<pre>[^]*公务接待费 +1\.20 万元[^]*<\/pre>/);
    // Numbers right-aligned: every row's number ends in the same column.
    const rows = /<pre>([^]*)<\/pre>/.exec(text)![1]!.split('\n');
    expect(new Set(rows.map((row) => row.indexOf(' 万元') + displayShift(row))).size).toBe(1);
  });

  it('keeps callback_data under 64 bytes, whatever the question', async () => {
    const long = `曲阳 2023 三公经费 ${'非常长的问题'.repeat(40)}`.slice(0, 290);
    const buttons = buttonsOf(only(await h.say(long)));
    expect(buttons.length).toBeGreaterThan(0);
    for (const { callback_data } of buttons) expect(Buffer.byteLength(callback_data)).toBeLessThan(64);
  });

  it('tells the user when a button is unknown or expired', async () => {
    const calls = await h.press('stale.1');
    expect(calls).toEqual([expect.objectContaining({ method: 'answerCallbackQuery', payload: expect.objectContaining({ text: BUTTON_EXPIRED }) })]);
  });

  it('answers a press in a group in thread to the message with the buttons', async () => {
    const reply = only(await h.sayInGroup('/q 三公经费'));
    const calls = await h.press(buttonsOf(reply)[1]!.callback_data, GROUP, 555);
    const answer = only(calls);
    expect(answer.payload.chat_id).toBe(GROUP.id);
    expect(answer.payload.reply_parameters).toMatchObject({ message_id: 555 });
    expect(answer.payload.text).toContain('北票市医疗保障局 2024年');
  });
});

describe('follow-up context', () => {
  it('continues the previous question in the same chat: 那2022年呢？, 明细呢, 北票呢', async () => {
    await h.say('曲阳 2023 三公经费');
    expect(only(await h.say('那2022年呢？')).payload.text).toContain('曲阳县医疗保障局 2022年');
    expect(only(await h.say('明细呢')).payload.text).toContain('2022年 “三公”经费明细');
    expect(only(await h.say('北票呢')).payload.text).toContain('北票市医疗保障局 2022年 “三公”经费明细');
    // Another chat has its own context.
    expect(only(await h.sayInGroup('/q 那2022年呢？')).payload.text).toContain('没找到');
  });

  it('forgets the context after a while', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await h.say('曲阳 2023 三公经费');
    vi.setSystemTime(Date.now() + 60 * 60_000);
    expect(only(await h.say('那2022年呢？')).payload.text).toContain('没找到');
  });
});

describe('inline mode', () => {
  it('answers “@bot 曲阳 2023 三公” with an article', async () => {
    const calls = await h.inline('曲阳 2023 三公');
    expect(calls).toHaveLength(1);
    const { method, payload } = calls[0]!;
    expect(method).toBe('answerInlineQuery');
    expect(payload.cache_time).toBeLessThanOrEqual(10);
    expect(payload.results).toHaveLength(1);
    expect(payload.results[0]).toMatchObject({ type: 'article', title: '曲阳 2023 三公' });
    expect(payload.results[0].input_message_content).toMatchObject({ parse_mode: 'HTML' });
    expect(payload.results[0].input_message_content.message_text).toContain('4.60 万元');
  });

  it('offers each candidate of an ambiguous question, at most 50 results', async () => {
    const [call] = await h.inline('三公经费');
    expect(call!.payload.results.map((r: { title: string }) => r.title)).toEqual(AMBIGUOUS_SUGGESTIONS);
    expect(call!.payload.results.length).toBeLessThanOrEqual(50);
    expect(new Set(call!.payload.results.map((r: { id: string }) => r.id)).size).toBe(2);
  });

  it('answers a user typing too fast with no results rather than asking the engine', async () => {
    h.restore();
    h = new Harness(engine, { rateLimit: { burst: 1, perMinute: 1 } });
    // Inline queries get four times the burst: one arrives per pause in typing.
    for (let i = 0; i < 4; i++) expect((await h.inline('曲阳 2023 三公'))[0]!.payload.results).toHaveLength(1);
    const [limited] = await h.inline('曲阳 2023 三公经费');
    expect(limited!.payload).toMatchObject({ results: [], cache_time: 0 });
    expect(engine.calls).toHaveLength(4);
  });

  it('still shows why when nothing is found, and answers an empty query with nothing', async () => {
    const [notFound] = await h.inline('天气');
    expect(notFound!.payload.results[0].input_message_content.message_text).toContain('没找到');
    const [empty] = await h.inline('  ');
    expect(empty!.payload.results).toEqual([]);
  });
});

describe('CSV', () => {
  const decode = (call: ApiCall) => {
    const { source, filename } = call.payload.document as { source: Buffer; filename: string };
    return { filename, text: source.toString('utf8') };
  };

  it('/csv sends the rows behind the answer, UTF-8 with BOM, with source columns', async () => {
    const question = h.message('/csv 曲阳 2023 三公经费 明细', { private: false });
    const calls = await h.send({ message: question });
    const doc = calls.find((c) => c.method === 'sendDocument')!;
    expect(doc.payload.reply_parameters).toMatchObject({ message_id: question.message_id });
    const { filename, text } = decode(doc);
    expect(filename).toMatch(/\.csv$/);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('entity,year,stage,label,amount_yuan,value,unit,source_document,source_table,source_line,source_file,source_raw,as_of,derived');
    expect(lines).toHaveLength(5);
    expect(lines[3]).toBe('曲阳县医疗保障局,2023,预算,公务接待费,12000.00,,元,《曲阳县医疗保障局2023年部门预算》 (004_test.txt),表7 “三公”经费支出表,120,,,,');
  });

  it('the CSV button sends the same file', async () => {
    const reply = only(await h.say('曲阳 2023 三公经费'));
    const csv = buttonsOf(reply).find((b) => b.text === 'CSV')!;
    const calls = await h.press(csv.callback_data);
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'sendDocument']);
    expect(decode(calls[1]!).text).toContain('“三公”经费,46000.00');
  });

  it('answers as usual when there is nothing to export', async () => {
    const reply = only(await h.say('/csv 三公经费'));
    expect(buttonsOf(reply).map((b) => b.text)).toEqual(AMBIGUOUS_SUGGESTIONS);
  });
});

describe('messages that are not text questions', () => {
  const privateChat = { id: USER.id, type: 'private', first_name: USER.first_name } as const;
  const base = { message_id: 5, date: DATE, from: USER, chat: privateChat };
  const sticker = { file_id: 's', file_unique_id: 's', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false };
  const photo = [{ file_id: 'p', file_unique_id: 'p', width: 90, height: 90 }];

  it('in a private chat, a sticker, photo or voice message gets a hint to type the question', async () => {
    for (const content of [{ sticker }, { photo, caption: '曲阳 2023 三公经费' }, { voice: { file_id: 'v', file_unique_id: 'v', duration: 2 } }]) {
      expect(only(await h.send({ message: { ...base, ...content } as never })).payload.text).toBe(TEXT_ONLY);
    }
    expect(engine.calls).toEqual([]);
  });

  it('the hints count against the rate limit', async () => {
    h.restore();
    h = new Harness(engine, { rateLimit: { burst: 1, perMinute: 1 } });
    expect(only(await h.send({ message: { ...base, sticker } as never })).payload.text).toBe(TEXT_ONLY);
    expect(only(await h.send({ message: { ...base, sticker } as never })).payload.text).toBe(RATE_LIMITED);
    expect(await h.send({ message: { ...base, sticker } as never })).toEqual([]);
  });

  it('ignores media in groups, service messages, edits, channel posts and membership changes', async () => {
    const updates = [
      { message: { ...base, chat: GROUP, sticker } },
      { message: { ...base, chat: GROUP, photo, caption: '@yusuan_bot 曲阳 2023 三公经费' } },
      { message: { ...base, chat: GROUP, new_chat_members: [USER] } },
      { message: { ...base, pinned_message: { ...base, text: '曲阳' } } },
      { edited_message: { ...base, edit_date: 1, text: '曲阳 2023 三公经费' } },
      { edited_message: { ...base, chat: GROUP, edit_date: 1, text: '/q 曲阳 2023 三公经费', entities: [{ type: 'bot_command', offset: 0, length: 2 }] } },
      { channel_post: { message_id: 6, date: DATE, chat: { id: -1001, type: 'channel', title: '频道' }, text: '/q 曲阳 2023 三公经费' } },
      { my_chat_member: { chat: GROUP, from: USER, date: DATE, old_chat_member: { status: 'left', user: BOT_INFO }, new_chat_member: { status: 'member', user: BOT_INFO } } },
    ];
    for (const update of updates) expect(await h.send(update as never)).toEqual([]);
    expect(engine.calls).toEqual([]);
  });

  it('answers control characters, SQL and emoji like any other question', async () => {
    for (const text of ['\u0000\u0007\u001b[31m', "'; DROP TABLE documents; --", '😀🎉', '\u200b']) {
      expect(only(await h.say(text)).payload.text).toBe(`没找到：${text}`);
    }
  });
});

describe('robustness', () => {
  it('refuses questions over 300 characters politely, without asking the engine', async () => {
    const reply = only(await h.say('曲'.repeat(301)));
    expect(reply.payload.text).toContain('问题太长了');
    expect(engine.calls).toEqual([]);
    // Counted in characters: 200 emoji are 400 UTF-16 units but only 200 characters.
    expect(only(await h.say('😀'.repeat(200))).payload.text).toContain('没找到');
  });

  it('limits each user’s rate: a burst, one polite refusal, then silence until tokens refill', async () => {
    h.restore();
    h = new Harness(engine, { rateLimit: { burst: 2, perMinute: 6 } });
    vi.useFakeTimers({ toFake: ['Date'] });
    const first = only(await h.say('曲阳 2023 三公经费'));
    expect(first.payload.text).toContain('4.60');
    expect(only(await h.say('曲阳 2023 三公经费')).payload.text).toContain('4.60');
    expect(only(await h.say('曲阳 2023 三公经费')).payload.text).toBe(RATE_LIMITED);
    expect(await h.say('曲阳 2023 三公经费')).toEqual([]);
    expect(await h.say('/help')).toEqual([]);
    // Buttons count too, and say so in the callback answer.
    const press = await h.press(buttonsOf(first)[0]!.callback_data);
    expect(press).toEqual([expect.objectContaining({ method: 'answerCallbackQuery', payload: expect.objectContaining({ text: RATE_LIMITED }) })]);
    vi.setSystemTime(Date.now() + 10_000);
    expect(only(await h.say('曲阳 2023 三公经费')).payload.text).toContain('4.60');
    expect(engine.calls).toHaveLength(3);
  });

  it('apologises for an error inside a handler, logs it, and keeps working', async () => {
    const lines: string[] = [];
    h.restore();
    h = new Harness(engine, {}, createLogger({ level: 'info', destination: collect(lines) }));
    const question = h.message('/q 炸', { private: false });
    const reply = only(await h.send({ message: question }));
    expect(reply.payload.text).toBe(APOLOGY);
    expect(reply.payload.reply_parameters).toMatchObject({ message_id: question.message_id });
    const logged = JSON.parse(lines.find((line) => line.includes('update failed'))!);
    expect(logged).toMatchObject({ level: 50, err: { message: 'engine exploded' } });
    expect(only(await h.say('曲阳 2023 三公经费')).payload.text).toContain('4.60');
  });

  it('survives a failing apology too', async () => {
    h.respond((call) => (call.method === 'sendMessage' ? new Error('network down') : undefined));
    await expect(h.say('炸')).resolves.toBeDefined();
  });

  it('retries a call answered with 429 after retry_after', async () => {
    let refused = 0;
    h.respond((call) => {
      if (call.method !== 'sendMessage' || refused > 0) return undefined;
      refused++;
      return new TelegramError({ error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    });
    const started = Date.now();
    const calls = await h.say('曲阳 2023 三公经费');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(sent(calls)).toHaveLength(2);
    expect(sent(calls)[1]!.payload.text).toContain('4.60');
  });

  describe('delivery', () => {
    const waits: number[] = [];
    const fast = { sleep: async (ms: number) => void waits.push(ms), random: () => 1 };
    const network = (code: string) => Object.assign(new Error(`request to http://api/sendMessage failed, reason: ${code}`), { name: 'FetchError', code, type: 'system' });
    const answerOf = (calls: ApiCall[]) => sent(calls).filter((call) => call.payload.text.includes('4.60'));

    beforeEach(() => {
      waits.length = 0;
      h.restore();
      h = new Harness(engine, {}, undefined, { delivery: fast });
    });

    it.each([
      ['500', () => new TelegramError({ error_code: 500, description: 'Internal Server Error' })],
      ['502', () => new TelegramError({ error_code: 502, description: 'Bad Gateway' })],
      ['503', () => new TelegramError({ error_code: 503, description: 'Service Unavailable' })],
      ['a refused connection', () => network('ECONNREFUSED')],
      ['a reset before the request was written', () => network('ECONNRESET')],
    ])('retries a send failed with %s, with growing waits, and delivers it once', async (_, error) => {
      let failures = 3;
      h.respond((call) => (call.method === 'sendMessage' && failures-- > 0 ? error() : undefined));
      const calls = await h.say('曲阳 2023 三公经费');
      expect(answerOf(calls)).toHaveLength(4);
      expect(sent(calls).some((call) => call.payload.text === APOLOGY)).toBe(false);
      // Full jitter drawn at its top here: 500, 1000, 2000 ms.
      expect(waits).toEqual([500, 1000, 2000]);
    });

    it('gives up after a bounded number of attempts, without an apology Telegram would not take either', async () => {
      h.respond((call) => (call.method === 'sendMessage' ? new TelegramError({ error_code: 502, description: 'Bad Gateway' }) : undefined));
      const calls = await h.say('曲阳 2023 三公经费');
      expect(answerOf(calls)).toHaveLength(5);
      expect(sent(calls).some((call) => call.payload.text === APOLOGY)).toBe(false);
      expect(waits).toEqual([500, 1000, 2000, 4000]);
    });

    it('gives up when Telegram asks to wait longer than a call may', async () => {
      h.respond((call) =>
        call.method === 'sendMessage' ? new TelegramError({ error_code: 429, description: 'Too Many Requests: retry after 120', parameters: { retry_after: 120 } }) : undefined,
      );
      expect(answerOf(await h.say('曲阳 2023 三公经费'))).toHaveLength(1);
      expect(waits).toEqual([]);
    });

    it('never resends a send whose outcome is unknown (here a 504 from a gateway; drops after writing: faults.test.ts), and never apologises after it', async () => {
      let first = true;
      h.respond((call) => (call.method === 'sendMessage' && first ? ((first = false), new TelegramError({ error_code: 504, description: 'Gateway Timeout' })) : undefined));
      const calls = await h.say('曲阳 2023 三公经费');
      expect(sent(calls)).toHaveLength(1);
      expect(waits).toEqual([]);
    });

    it('after part of a long answer, an unknown outcome lets the rest follow, once each', async () => {
      let n = 0;
      h.respond((call) => (call.method === 'sendMessage' && ++n === 1 ? new TelegramError({ error_code: 504, description: 'Gateway Timeout' }) : undefined));
      const parts = sent(await h.say('长答案'));
      expect(parts.length).toBeGreaterThan(2);
      expect(new Set(parts.map((call) => call.payload.text)).size).toBe(parts.length);
      expect(parts.some((call) => call.payload.text === APOLOGY)).toBe(false);
    });

    it('retries calls that change nothing when repeated even when their outcome is unknown', async () => {
      let first = true;
      h.respond((call) => (call.method === 'setMyCommands' && first ? ((first = false), new TelegramError({ error_code: 504, description: 'Gateway Timeout' })) : undefined));
      const calls = await h.during(() => registerCommands(h.bot.telegram, createLogger({ level: 'silent' })));
      expect(calls.filter((call) => call.method === 'setMyCommands')).toHaveLength(2);
    });

    it('does not retry a bad request, and apologises when nothing of the answer was delivered', async () => {
      h.respond((call) => (call.method === 'sendMessage' && call.payload.text.includes('4.60') ? new TelegramError({ error_code: 400, description: "Bad Request: can't parse entities" }) : undefined));
      const calls = await h.say('曲阳 2023 三公经费');
      expect(sent(calls).map((c) => c.payload.text)).toEqual([expect.stringContaining('4.60'), APOLOGY]);
      expect(waits).toEqual([]);
    });
  });

  it('does not retry other errors', async () => {
    h.respond((call) =>
      call.method === 'sendMessage' && call.payload.text.includes('4.60')
        ? new TelegramError({ error_code: 400, description: 'Bad Request: chat not found' })
        : undefined,
    );
    const calls = await h.say('曲阳 2023 三公经费');
    expect(sent(calls).map((c) => c.payload.text)).toEqual([expect.stringContaining('4.60'), APOLOGY]);
  });

  it('escapes every dynamic string in HTML', async () => {
    const { text } = only(await h.say('A&B<C> 三公经费')).payload;
    expect(text).toContain('A&amp;B&lt;C&gt;局');
    expect(text).not.toContain('<C>');
    const notFound = only(await h.say('<b>粗体</b> & 天气')).payload.text;
    expect(notFound).toBe('没找到：&lt;b&gt;粗体&lt;/b&gt; &amp; 天气');
  });

  it('splits answers over 4096 characters at line breaks', async () => {
    const messages = sent(await h.say('长答案'));
    expect(messages.length).toBeGreaterThan(2);
    for (const { payload } of messages) expect(payload.text.length).toBeLessThanOrEqual(4096);
    const lines = messages.flatMap(({ payload }) => payload.text.split('\n'));
    expect(lines).toHaveLength(300);
    expect(lines[0]).toMatch(/^第1行/);
    expect(lines[299]).toMatch(/^第300行/);
  });
});

/** Columns taken by CJK characters beyond their one UTF-16 unit. */
function displayShift(text: string): number {
  return [...text.slice(0, text.indexOf(' 万元'))].filter((char) => /[\u3000-\u9fff\uff00-\uffef]/.test(char)).length;
}

function collect(lines: string[]): { write: (line: string) => void } {
  return { write: (line) => void lines.push(line) };
}
