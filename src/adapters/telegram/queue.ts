// Updates handled per chat: the updates of one chat one after another, in the
// order they came; different chats side by side, at most `concurrency` at a time;
// at most `capacity` waiting before whoever adds more waits too. So one slow chat
// (a send being retried, a slow answer) never holds up the others, and a flood is
// bounded in memory.
import type { Update } from 'telegraf/types';

export interface QueueOptions {
  concurrency: number;
  capacity: number;
}

export const DEFAULT_QUEUE: QueueOptions = { concurrency: 32, capacity: 1_000 };

type Task = () => Promise<void>;

/** What orders an update: its chat, else its sender (an inline query), else nothing in particular. */
export function conversationOf(update: Update): string {
  const body = Object.entries(update).find(([key]) => key !== 'update_id')?.[1] as
    | { chat?: { id?: unknown }; message?: { chat?: { id?: unknown } }; from?: { id?: unknown }; user?: { id?: unknown } }
    | null
    | undefined;
  const chat = body?.chat?.id ?? body?.message?.chat?.id;
  if (chat !== undefined) return `chat ${String(chat)}`;
  const user = body?.from?.id ?? body?.user?.id;
  return user !== undefined ? `user ${String(user)}` : 'other';
}

export class ChatQueue {
  /** Per conversation, its tasks not yet started. */
  private readonly pending = new Map<string, Task[]>();
  /** Conversations with a task to start and none running, in turn. */
  private readonly ready: string[] = [];
  private running = 0;
  private queued = 0;
  private waitingForRoom: (() => void)[] = [];

  constructor(
    private readonly options: QueueOptions,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Queues a task behind the conversation's earlier ones; resolves once it is queued (not done). */
  async add(conversation: string, task: Task): Promise<void> {
    while (this.queued >= this.options.capacity) await new Promise<void>((resolve) => this.waitingForRoom.push(resolve));
    this.queued++;
    const tasks = this.pending.get(conversation);
    // Running or ready already: its turn comes.
    if (tasks !== undefined) return void tasks.push(task);
    this.pending.set(conversation, [task]);
    this.ready.push(conversation);
    this.startNext();
  }

  private startNext(): void {
    while (this.running < this.options.concurrency && this.ready.length > 0) {
      this.running++;
      void this.runOne(this.ready.shift()!);
    }
  }

  private async runOne(conversation: string): Promise<void> {
    const tasks = this.pending.get(conversation)!;
    try {
      await tasks.shift()!();
    } catch (err) {
      this.onError(err);
    }
    this.running--;
    this.queued--;
    this.waitingForRoom.shift()?.();
    // Back of the line, so that a busy chat takes turns with the others.
    if (tasks.length > 0) this.ready.push(conversation);
    else this.pending.delete(conversation);
    this.startNext();
  }
}
