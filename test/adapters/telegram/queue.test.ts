// The per-chat queue on its own: order within a chat, chats side by side, bounds.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { ChatQueue, conversationOf } from '../../../src/adapters/telegram/queue.ts';

/** A task that records when it starts and ends, taking `ms`. */
function recorder() {
  const events: string[] = [];
  let running = 0;
  let most = 0;
  const task = (name: string, ms: number) => async () => {
    running++;
    most = Math.max(most, running);
    events.push(`start ${name}`);
    await sleep(ms);
    events.push(`end ${name}`);
    running--;
  };
  return { events, task, most: () => most };
}

const until = async (done: () => boolean) => {
  while (!done()) await sleep(5);
};

describe('ChatQueue', () => {
  it('runs one chat’s tasks one after another, in order, while other chats go on', async () => {
    const { events, task } = recorder();
    const queue = new ChatQueue({ concurrency: 4, capacity: 100 }, () => {});
    await queue.add('a', task('a1', 60));
    await queue.add('a', task('a2', 10));
    await queue.add('b', task('b1', 10));
    await until(() => events.length === 6);
    expect(events.filter((e) => e.endsWith('a1') || e.endsWith('a2'))).toEqual(['start a1', 'end a1', 'start a2', 'end a2']);
    // b finished while a's slow first task was still running.
    expect(events.indexOf('end b1')).toBeLessThan(events.indexOf('end a1'));
  });

  it('runs at most `concurrency` tasks at once, and makes adders wait beyond `capacity`', async () => {
    const { events, task, most } = recorder();
    const queue = new ChatQueue({ concurrency: 2, capacity: 3 }, () => {});
    const added: number[] = [];
    const adding = Array.from({ length: 6 }, (_, i) => queue.add(`chat ${i}`, task(String(i), 30)).then(() => added.push(i)));
    await sleep(5);
    expect(added).toEqual([0, 1, 2]);
    await Promise.all(adding);
    await until(() => events.length === 12);
    expect(most()).toBe(2);
  });

  it('reports a failing task and goes on with the chat’s next one', async () => {
    const errors: unknown[] = [];
    const queue = new ChatQueue({ concurrency: 1, capacity: 10 }, (err) => errors.push(err));
    const done: string[] = [];
    await queue.add('a', async () => {
      throw new Error('boom');
    });
    await queue.add('a', async () => void done.push('next'));
    await until(() => done.length === 1);
    expect(errors).toEqual([new Error('boom')]);
  });

  it('orders updates by chat, else by sender', () => {
    const chat = { id: -5, type: 'group', title: 'g' };
    const from = { id: 7, is_bot: false, first_name: 'x' };
    const of = (update: object) => conversationOf({ update_id: 1, ...update } as Update);
    expect(of({ message: { message_id: 1, date: 0, chat, from, text: 'x' } })).toBe('chat -5');
    expect(of({ callback_query: { id: 'c', from, chat_instance: 'i', message: { message_id: 1, date: 0, chat } } })).toBe('chat -5');
    expect(of({ inline_query: { id: 'q', from, query: 'x', offset: '' } })).toBe('user 7');
    expect(of({ poll: { id: 'p' } })).toBe('other');
    expect(of({ message: null })).toBe('other');
  });
});
