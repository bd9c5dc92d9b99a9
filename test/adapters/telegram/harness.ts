// Drives a bot in-process: updates go in through bot.handleUpdate, and the Bot
// API is stubbed at Telegram.prototype.callApi (where ctx.reply ends up too),
// recording every call.
import { Telegram, type Telegraf } from 'telegraf';
import type { Message, MessageEntity, Update, UserFromGetMe } from 'telegraf/types';
import type { Engine } from '../../../src/answer/types.ts';
import type { TelegramConfig } from '../../../src/adapters/config.ts';
import type { Logger } from '../../../src/adapters/log.ts';
import { createBot, type BotOptions } from '../../../src/adapters/telegram/bot.ts';

export interface ApiCall {
  method: string;
  payload: any;
}

export const BOT_INFO: UserFromGetMe = {
  id: 999,
  is_bot: true,
  first_name: '预算问答',
  username: 'yusuan_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};

export const TEST_CONFIG: TelegramConfig = {
  token: '123456:TEST-token_abc',
  apiRoot: 'http://127.0.0.1:1',
  webhook: null,
  rateLimit: { burst: 1000, perMinute: 1000 },
};

/** A real message's date: telegraf takes a message dated 0 for an inaccessible one (and drops its forum topic). */
export const DATE = 1_700_000_000;

export const USER = { id: 42, is_bot: false, first_name: '小王' };
export const GROUP = { id: -100123, type: 'supergroup', title: '预算讨论组' } as const;

/** Answers a call instead of the Bot API; return undefined for the default. */
export type Responder = (call: ApiCall) => unknown;

export class Harness {
  readonly calls: ApiCall[] = [];
  readonly bot: Telegraf;
  private nextUpdate = 1;
  private nextMessage = 1000;
  private responders: Responder[] = [];
  private readonly original = Telegram.prototype.callApi;

  constructor(engine: Engine, config: Partial<TelegramConfig> = {}, log?: Logger, options?: BotOptions) {
    this.bot = createBot(engine, { ...TEST_CONFIG, ...config }, log, options);
    this.bot.botInfo = BOT_INFO;
    const harness = this;
    Telegram.prototype.callApi = async function (method: string, payload: unknown) {
      const call = { method, payload };
      harness.calls.push(call);
      for (const responder of harness.responders) {
        const response = responder(call);
        if (response instanceof Error) throw response;
        if (response !== undefined) return response;
      }
      if (method.startsWith('send')) {
        const { chat_id } = payload as { chat_id: number };
        return { message_id: harness.nextMessage++, date: 0, chat: { id: chat_id, type: 'private' }, from: BOT_INFO };
      }
      return true;
    } as Telegram['callApi'];
  }

  restore(): void {
    Telegram.prototype.callApi = this.original;
  }

  respond(responder: Responder): void {
    this.responders.push(responder);
  }

  /** The calls made while `run` ran. */
  async during(run: () => Promise<unknown>): Promise<ApiCall[]> {
    const from = this.calls.length;
    await run();
    return this.calls.slice(from);
  }

  send(update: Omit<Update, 'update_id'>): Promise<ApiCall[]> {
    return this.during(() => this.bot.handleUpdate({ update_id: this.nextUpdate++, ...update } as Update));
  }

  message(text: string, options: Partial<Message.TextMessage> & { private?: boolean } = {}): Message.TextMessage {
    const { private: isPrivate = true, ...rest } = options;
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    const entities: MessageEntity[] = command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : [];
    return {
      message_id: this.nextMessage++,
      date: DATE,
      from: USER,
      chat: isPrivate ? { id: USER.id, type: 'private', first_name: USER.first_name } : GROUP,
      text,
      ...(entities.length > 0 ? { entities } : {}),
      ...rest,
    } as Message.TextMessage;
  }

  /** A private text message from USER. */
  say(text: string, options: Partial<Message.TextMessage> = {}): Promise<ApiCall[]> {
    return this.send({ message: this.message(text, options) });
  }

  /** A text message from USER in GROUP. */
  sayInGroup(text: string, options: Partial<Message.TextMessage> = {}): Promise<ApiCall[]> {
    return this.send({ message: this.message(text, { ...options, private: false }) });
  }

  /** USER presses a button under `message` (a sendMessage call's payload and its result). */
  press(data: string, chat: Message['chat'] = { id: USER.id, type: 'private', first_name: USER.first_name }, messageId = 1): Promise<ApiCall[]> {
    return this.send({
      callback_query: {
        id: `cb${this.nextUpdate}`,
        from: USER,
        chat_instance: 'ci',
        data,
        message: { message_id: messageId, date: DATE, chat, from: BOT_INFO, text: '…' },
      },
    } as Omit<Update.CallbackQueryUpdate, 'update_id'>);
  }

  inline(query: string): Promise<ApiCall[]> {
    return this.send({ inline_query: { id: `iq${this.nextUpdate}`, from: USER, query, offset: '' } });
  }
}

/** Every callback button in a reply_markup, row by row. */
export function buttonsOf(call: ApiCall | undefined): { text: string; callback_data: string }[] {
  return (call?.payload?.reply_markup?.inline_keyboard ?? []).flat();
}

export function mention(text: string, username = BOT_INFO.username): Partial<Message.TextMessage> {
  const at = `@${username}`;
  return { entities: [{ type: 'mention', offset: text.indexOf(at), length: at.length }] };
}
