// The bot's small parts: button ids, rate limiting, addressing, CSV.
import { describe, expect, it } from 'vitest';
import type { Message } from 'telegraf/types';
import { readMessage } from '../../../src/adapters/telegram/addressing.ts';
import { ButtonStore } from '../../../src/adapters/telegram/buttons.ts';
import { answersCsv } from '../../../src/adapters/telegram/csv.ts';
import { RateLimiter } from '../../../src/adapters/telegram/rate-limit.ts';
import { BOT_INFO, GROUP, USER } from './harness.ts';

describe('ButtonStore', () => {
  it('gives short ids for its actions, forgets the oldest beyond 50,000, and knows no other run’s ids', () => {
    const store = new ButtonStore();
    const action = { kind: 'ask' as const, question: '曲阳 2023 三公经费', context: undefined };
    const first = store.add(action);
    expect(store.get(first)).toBe(action);
    expect(Buffer.byteLength(first)).toBeLessThan(16);
    for (let i = 0; i < 50_000; i++) store.add({ ...action, question: String(i) });
    expect(store.get(first)).toBeUndefined();
    expect(store.get(store.add(action))).toBe(action);
    expect(new ButtonStore().get(first)).toBeUndefined();
    expect(store.get(`${first.split('.')[0]}.zzzzzz`)).toBeUndefined();
    expect(store.get('garbage')).toBeUndefined();
  });
});

describe('RateLimiter', () => {
  it('allows a burst, refuses once, ignores, then refills at the steady rate', () => {
    const limiter = new RateLimiter({ burst: 2, perMinute: 60 });
    expect([0, 0, 0, 0].map((t) => limiter.take(1, t))).toEqual(['allowed', 'allowed', 'refused', 'ignored']);
    expect(limiter.take(2, 0)).toBe('allowed');
    expect(limiter.take(1, 999)).toBe('ignored');
    expect(limiter.take(1, 1000)).toBe('allowed');
    expect(limiter.take(1, 1000)).toBe('refused');
  });
});

describe('readMessage', () => {
  const message = (text: string, extra: Partial<Message.TextMessage> = {}) =>
    ({ message_id: 1, date: 0, from: USER, chat: GROUP, text, ...extra }) as Message.TextMessage;
  const command = (text: string, length: number) => message(text, { entities: [{ type: 'bot_command', offset: 0, length }] });

  it('reads commands, with or without @botname, and skips other bots’ commands', () => {
    expect(readMessage(command('/q 曲阳', 2), GROUP, BOT_INFO)).toEqual({ kind: 'command', name: 'q', args: '曲阳', addressed: false });
    expect(readMessage(command('/Q@YUSUAN_BOT\n曲阳 ', 13), GROUP, BOT_INFO)).toEqual({ kind: 'command', name: 'q', args: '曲阳', addressed: true });
    // No space after the command: the question still starts right after it.
    expect(readMessage(command('/q曲阳', 2), GROUP, BOT_INFO)).toMatchObject({ args: '曲阳' });
    expect(readMessage(command('/q@other_bot 曲阳', 12), GROUP, BOT_INFO)).toBeNull();
  });

  it('strips every mention of the bot from the question', () => {
    const text = '@yusuan_bot 曲阳 2023 @yusuan_bot 三公';
    const entities = [
      { type: 'mention' as const, offset: 0, length: 11 },
      { type: 'mention' as const, offset: 20, length: 11 },
    ];
    expect(readMessage(message(text, { entities }), GROUP, BOT_INFO)).toEqual({ kind: 'question', text: '曲阳 2023 三公' });
  });

  it('takes every private message, and no message from a bot', () => {
    const privateChat = { id: USER.id, type: 'private' as const, first_name: USER.first_name };
    expect(readMessage(message(' 曲阳 ', { chat: privateChat }), privateChat, BOT_INFO)).toEqual({ kind: 'question', text: '曲阳' });
    expect(readMessage(message('曲阳', { chat: privateChat, from: { ...USER, is_bot: true } }), privateChat, BOT_INFO)).toBeNull();
  });

  it('takes commands from anonymous admins, whose sender is GroupAnonymousBot', () => {
    const anonymous = command('/q 曲阳', 2);
    Object.assign(anonymous, { from: { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' }, sender_chat: GROUP });
    expect(readMessage(anonymous, GROUP, BOT_INFO)).toMatchObject({ kind: 'command', name: 'q', args: '曲阳' });
  });
});

describe('answersCsv', () => {
  it('names a computed figure’s operation and the rows of its inputs', () => {
    const source = { document: 'd', table: 't', line: 4 };
    const item = (label: string, amount: number, derived: { op: string; inputs: number[] } | null = null) =>
      ({ entity: 'e', year: 2024, stage: '决算' as const, label, amount_yuan: amount, value: null, unit: null, source, as_of: null, derived });
    const rows = answersCsv([item('差', 7200, { op: 'remaining', inputs: [1, 2] }), item('预算', 23800), item('决算', 16600)]).split('\r\n');
    expect(rows[1]!.endsWith(',remaining(2;3)')).toBe(true);
    expect(rows[2]!.endsWith(',')).toBe(true);
  });

  it('quotes fields with commas, quotes or line breaks, and leaves nulls empty', () => {
    const csv = answersCsv([
      {
        entity: '甲,乙',
        year: null,
        stage: null,
        label: '说"明"',
        amount_yuan: null,
        value: '两行\n文字',
        unit: null,
        source: { document: 'd', table: null, line: 3 },
        as_of: null,
      },
      {
        entity: 'e',
        year: 2023,
        stage: '决算',
        label: 'l',
        amount_yuan: 1234567.5,
        value: null,
        unit: '元',
        source: { document: 'd', table: 't', line: 4, file: 'f.txt', raw: '1,234,567.50' },
        as_of: '2024-12-31',
      },
    ]);
    const [, first, second] = csv.slice(1).split('\r\n');
    expect(first).toBe('"甲,乙",,,"说""明""",,"两行\n文字",,d,,3,,,,');
    expect(second).toBe('e,2023,决算,l,1234567.50,,元,d,t,4,f.txt,"1,234,567.50",2024-12-31,');
  });
});
