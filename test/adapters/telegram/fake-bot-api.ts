// A minimal Bot API server over real HTTP, for what the telegram-test-api
// emulator cannot do: inline queries, setMyCommands, webhooks, and injected
// faults. Updates queued with push() are served by getUpdates, which long-polls
// briefly instead of returning at once.
//
// Faults, per call (chosen by behave() or, for a seeded share of calls, by injectFaults()):
//   tooMany      429 with retry_after                       not delivered
//   serverError  500 with a JSON body                       not delivered
//   badGateway   502 with an HTML body (as a proxy sends)   not delivered
//   dropAfter    delivered; then the connection is dropped without an answer
//   slow         delivered; answered after slowMs
//   stall        delivered; answered after stallMs (longer than the client waits)
// and, before delivery: unreachableFor() refuses every connection for a while;
// resetUploads() resets a connection while its request is still arriving.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';
import { seeded } from '../../helpers/random.ts';

export type FaultKind = 'tooMany' | 'serverError' | 'badGateway' | 'dropAfter' | 'slow' | 'stall';

export interface RecordedCall {
  method: string;
  /** The request's path, e.g. /bot<token>/sendMessage. */
  path: string;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** JSON bodies parsed; multipart bodies (documents) kept as text. */
  payload: Record<string, unknown> | string;
  /** Whether the call took effect (a message sent), whatever the client heard back. */
  delivered: boolean;
  fault: FaultKind | null;
}

export interface FaultPlan {
  seed: number;
  /** Share of calls (0–1) failing each way; the rest succeed. */
  shares: Partial<Record<FaultKind, number>>;
  /** The methods that fail; default sendMessage. */
  methods?: string[];
  retryAfterS?: number;
  slowMs?: number;
  stallMs?: number;
}

/** A fault chosen for one call, with its timing. */
export interface Fault {
  kind: FaultKind;
  ms?: number;
}

const LONG_POLL_MS = 200;

export const FAKE_BOT = { id: 777, is_bot: true, first_name: '预算问答', username: 'fake_yusuan_bot' };

export class FakeBotApi {
  readonly calls: RecordedCall[] = [];
  private readonly server: Server;
  private readonly updates: Update[] = [];
  private readonly behaviours: ((call: RecordedCall) => Fault | undefined)[] = [];
  private wake: (() => void)[] = [];
  private listeners: (() => void)[] = [];
  private nextUpdate = 1;
  private nextMessage = 1;
  private port = 0;
  private back: NodeJS.Timeout | undefined;
  private uploadResets = 0;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** Starts on a free loopback port; returns the API root. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    clearTimeout(this.back);
    for (const wake of this.wake.splice(0)) wake();
    this.server.closeAllConnections();
    if (this.server.listening) await new Promise((resolve) => this.server.close(resolve));
  }

  push(update: Omit<Update, 'update_id'>): void {
    this.updates.push({ update_id: this.nextUpdate++, ...update } as Update);
    for (const wake of this.wake.splice(0)) wake();
  }

  /** The next `times` calls of `method` fail with 429 and this retry_after. */
  failWith429(method: string, retryAfter: number, times = 1): void {
    let left = times;
    this.behave((call) => (call.method === method && left-- > 0 ? { kind: 'tooMany', ms: retryAfter * 1000 } : undefined));
  }

  /** Decides a call's fault before the seeded plan does; undefined leaves it to the plan. */
  behave(choose: (call: RecordedCall) => Fault | undefined): void {
    this.behaviours.push(choose);
  }

  /** A seeded share of calls fails each way. */
  injectFaults(plan: FaultPlan): void {
    const random = seeded(plan.seed);
    const methods = new Set(plan.methods ?? ['sendMessage']);
    const kinds = Object.entries(plan.shares) as [FaultKind, number][];
    const timing: Record<FaultKind, number | undefined> = {
      tooMany: (plan.retryAfterS ?? 1) * 1000,
      serverError: undefined,
      badGateway: undefined,
      dropAfter: undefined,
      slow: plan.slowMs ?? 50,
      stall: plan.stallMs ?? 1000,
    };
    this.behave((call) => {
      if (!methods.has(call.method)) return undefined;
      let draw = random();
      for (const [kind, share] of kinds) {
        if (draw < share) return { kind, ms: timing[kind] };
        draw -= share;
      }
      return undefined;
    });
  }

  /** Calls of `method` that took effect, in the order they did. */
  delivered(method = 'sendMessage'): RecordedCall[] {
    return this.calls.filter((call) => call.method === method && call.delivered);
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

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = /\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1] ?? '';
    if (this.uploadResets > 0 && Number(req.headers['content-length'] ?? Infinity) > 1e6) {
      this.uploadResets--;
      // Reset as the first bytes of the body come in: the rest is still on its way.
      req.once('data', () => req.socket.resetAndDestroy());
      return;
    }
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const payload = req.headers['content-type']?.startsWith('application/json') ? (JSON.parse(raw || '{}') as Record<string, unknown>) : raw;
    const answer = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (method === 'getUpdates') return answer(200, { ok: true, result: await this.nextUpdates(payload as { offset?: number }) });

    const call: RecordedCall = { method, path: req.url ?? '', at: Date.now(), payload, delivered: false, fault: null };
    const fault = this.behaviours.reduce<Fault | undefined>((chosen, choose) => chosen ?? choose(call), undefined);
    call.fault = fault?.kind ?? null;
    call.delivered = fault === undefined || !['tooMany', 'serverError', 'badGateway'].includes(fault.kind);
    this.calls.push(call);
    for (const listener of [...this.listeners]) listener();
    const ok = () => answer(200, { ok: true, result: this.result(method, payload) });

    switch (fault?.kind) {
      case undefined:
        return ok();
      case 'tooMany': {
        const retryAfter = Math.round((fault.ms ?? 1000) / 1000);
        return answer(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
      }
      case 'serverError':
        return answer(500, { ok: false, error_code: 500, description: 'Internal Server Error' });
      case 'badGateway':
        return answer(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html');
      case 'dropAfter':
        res.socket?.destroy();
        return;
      case 'slow':
      case 'stall':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        if (!res.destroyed) ok();
    }
  }

  /**
   * Unreachable for a while: connections are refused (call it when no call is in flight, or
   * one connecting at that moment is reset instead — possibly after writing its request).
   */
  unreachableFor(ms: number): void {
    this.server.closeAllConnections();
    this.server.close();
    this.back = setTimeout(() => this.server.listen(this.port, '127.0.0.1'), ms);
  }

  /** The next `times` requests with a body over 1 MB are reset while the body is still arriving. */
  resetUploads(times = 1): void {
    this.uploadResets = times;
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
