// The last resort for an update whose handler threw: log it, apologise in the
// chat, and keep the bot running (telegraf's default handler rethrows, which
// would end long polling).
import type { Context } from 'telegraf';
import type { Logger } from '../log.ts';
import { APOLOGY } from '../texts.ts';

export function apologise(log: Logger): (err: unknown, ctx: Context) => Promise<void> {
  return async (err, ctx) => {
    log.error({ err, updateId: ctx.update.update_id, updateType: ctx.updateType }, 'update failed');
    if (ctx.chat === undefined) return;
    const replyTo = ctx.chat.type === 'private' ? undefined : ctx.msgId;
    try {
      await ctx.reply(APOLOGY, replyTo === undefined ? undefined : { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } });
    } catch (replyErr) {
      log.warn({ err: replyErr }, 'could not send the apology');
    }
  };
}
