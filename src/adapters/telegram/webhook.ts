// The webhook's HTTP server: telegraf's own webhook callback (path and secret
// token checked, the update handed to the bot), behind a guard that answers 400
// to any body that is not an update object — null, a number, a string, an array,
// invalid JSON, a body over 1 MiB — and logs it. Nothing a request carries can
// end the process.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { z } from 'zod';
import type { Logger } from '../log.ts';

// Telegram's updates are a few kilobytes; a message is at most 4096 characters.
export const MAX_BODY_BYTES = 1 << 20;

const update = z.looseObject({ update_id: z.number().int().nonnegative() });

export interface WebhookRoute {
  path: string;
  secretToken: string;
}

/** The body, or null once it grows past the limit (reading stops there). */
async function readBody(req: IncomingMessage): Promise<string | null> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parse(body: string | null): { update: Update } | { refused: string } {
  if (body === null) return { refused: `body over ${MAX_BODY_BYTES} bytes` };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { refused: 'body is not JSON' };
  }
  if (!update.safeParse(value).success) return { refused: `body is not an update object (${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value})` };
  return { update: value as Update };
}

export function createWebhookServer(bot: Telegraf, { path, secretToken }: WebhookRoute, log: Logger): Server {
  // Checked before the body is read, so that nobody without the secret makes the bot read anything.
  const allowed = bot.webhookFilter.bind({ hookPath: path, path, secretToken });
  const handle = bot.webhookCallback(path, { secretToken });

  async function serve(req: IncomingMessage & { body?: Update }, res: ServerResponse): Promise<void> {
    if (!allowed(req)) {
      res.writeHead(403).end();
      return;
    }
    const read = parse(await readBody(req));
    if ('refused' in read) {
      log.warn({ reason: read.refused, bytes: req.headers['content-length'] }, 'webhook request refused');
      // Stop reading a body that goes on: answer, then close.
      res.writeHead(400, { 'content-type': 'text/plain', connection: 'close' }).end(`bad request: ${read.refused}\n`, () => req.destroy());
      return;
    }
    req.body = read.update;
    await handle(req, res);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      log.error({ err }, 'webhook request failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // A malformed request line or headers: a 400 from Node, and a line in the log.
  server.on('clientError', (err, socket) => {
    log.warn({ err }, 'webhook request malformed');
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}
