// The last resort for an update whose handler threw: log it, apologise in the
// chat, and keep the bot running (telegraf's default handler rethrows, which
// would end long polling). Never an apology after (part of) an answer reached the
// chat, or may have; nor when Telegram itself cannot be reached, as it would not
// arrive either.
import { TelegramError, type Context } from 'telegraf';
import type { Logger } from '../log.ts';
import { APOLOGY } from '../texts.ts';
import { DeliveryUnknown, hasPosted, isNetworkError } from './retry.ts';

/** Telegram refused this one message (bad request, blocked…): an apology may still pass. */
function apologyCanArrive(err: unknown): boolean {
  if (err instanceof TelegramError) return err.code < 500 && err.code !== 429;
  return !isNetworkError(err);
}

export function apologise(log: Logger): (err: unknown, ctx: Context) => Promise<void> {
  return async (err, ctx) => {
    // Already logged where it happened.
    if (err instanceof DeliveryUnknown) return;
    log.error({ err, updateId: ctx.update.update_id, updateType: ctx.updateType }, 'update failed');
    if (ctx.chat === undefined || hasPosted(ctx.telegram) || !apologyCanArrive(err)) return;
    const replyTo = ctx.chat.type === 'private' ? undefined : ctx.msgId;
    try {
      await ctx.reply(APOLOGY, replyTo === undefined ? undefined : { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } });
    } catch (replyErr) {
      log.warn({ err: replyErr }, 'could not send the apology');
    }
  };
}
