// A minimal Bot API server over real HTTP, for what the telegram-test-api
// emulator cannot do: inline queries, setMyCommands, webhooks, and injected
// failures such as 429. Updates queued with push() are served by getUpdates,
// which long-polls briefly instead of returning at once.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';

export interface RecordedCall {
  method: string;
  /** The request's path, e.g. /bot<token>/sendMessage. */
  path: string;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** JSON bodies parsed; multipart bodies (documents) kept as text. */
  payload: Record<string, unknown> | string;
}

interface Failure {
  status: number;
  body: Record<string, unknown>;
}

const LONG_POLL_MS = 200;

export const FAKE_BOT = { id: 777, is_bot: true, first_name: '预算问答', username: 'fake_yusuan_bot' };

export class FakeBotApi {
  readonly calls: RecordedCall[] = [];
  private readonly server: Server;
  private readonly updates: Update[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private wake: (() => void)[] = [];
  private listeners: (() => void)[] = [];
  private nextUpdate = 1;
  private nextMessage = 1;

  constructor() {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
  }

  /** Starts on a free loopback port; returns the API root. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const wake of this.wake.splice(0)) wake();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  push(update: Omit<Update, 'update_id'>): void {
    this.updates.push({ update_id: this.nextUpdate++, ...update } as Update);
    for (const wake of this.wake.splice(0)) wake();
  }

  /** The next `times` calls of `method` fail with 429 and this retry_after. */
  failWith429(method: string, retryAfter: number, times = 1): void {
    const failure = {
      status: 429,
      body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } },
    };
    this.failures.set(method, Array.from({ length: times }, () => failure));
  }

  /** Resolves with the nth recorded call of `method` matching `where`, waiting for it if needed. */
  waitFor(method: string, where: (call: RecordedCall) => boolean = () => true, nth = 1, timeoutMs = 5000): Promise<RecordedCall> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const call = this.calls.filter((c) => c.method === method && where(c))[nth - 1];
        if (call === undefined) return false;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((listener) => listener !== onCall);
        resolve(call);
        return true;
      };
      const onCall = () => void check();
      const timer = setTimeout(() => reject(new Error(`no ${method} call within ${timeoutMs} ms`)), timeoutMs);
      if (!check()) this.listeners.push(onCall);
    });
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const method = /\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1] ?? '';
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const payload = req.headers['content-type']?.startsWith('application/json') ? (JSON.parse(raw || '{}') as Record<string, unknown>) : raw;
    if (method === 'getUpdates') return { status: 200, body: { ok: true, result: await this.nextUpdates(payload as { offset?: number }) } };
    this.calls.push({ method, path: req.url ?? '', at: Date.now(), payload });
    for (const listener of [...this.listeners]) listener();
    const failure = this.failures.get(method)?.shift();
    if (failure !== undefined) return failure;
    return { status: 200, body: { ok: true, result: this.result(method, payload) } };
  }

  private async nextUpdates({ offset = 0 }: { offset?: number }): Promise<Update[]> {
    const pending = () => this.updates.filter((update) => update.update_id >= offset);
    if (pending().length === 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, LONG_POLL_MS);
        this.wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return pending();
  }

  private result(method: string, payload: Record<string, unknown> | string): unknown {
    if (method === 'getMe') return FAKE_BOT;
    if (method.startsWith('send')) {
      const chatId = typeof payload === 'string' ? 0 : Number(payload.chat_id);
      return { message_id: this.nextMessage++, date: 0, chat: { id: chatId, type: 'private' }, from: FAKE_BOT, text: '' };
    }
    return true;
  }
}
