// Sending texts and answers into the chat an update came from.
import type { Context } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { AskResult } from '../../answer/types.ts';
import { resultKeyboard, type Asked } from './buttons.ts';
import type { BotDeps } from './deps.ts';
import { NO_PREVIEW, resultHtml, toHtmlMessages } from './format.ts';
import { takenAsDelivered } from './retry.ts';

/**
 * Sends the messages in order: the first in reply to `replyTo` (the asker's
 * message, in groups), the buttons under the last.
 */
async function replyHtml(
  ctx: Context,
  messages: readonly string[],
  replyTo: number | undefined,
  keyboard?: InlineKeyboardMarkup,
): Promise<void> {
  for (let i = 0; i < messages.length; i++) {
    // A part whose delivery is unknown is not resent: the next part follows it.
    await takenAsDelivered(
      ctx.reply(messages[i]!, {
        parse_mode: 'HTML',
        link_preview_options: NO_PREVIEW,
        reply_parameters: i === 0 && replyTo !== undefined ? { message_id: replyTo, allow_sending_without_reply: true } : undefined,
        reply_markup: i === messages.length - 1 ? keyboard : undefined,
      }),
    );
  }
}

/** Plain text, escaped and split as needed. */
export function replyText(ctx: Context, text: string, replyTo: number | undefined, keyboard?: InlineKeyboardMarkup): Promise<void> {
  return replyHtml(ctx, toHtmlMessages(text), replyTo, keyboard);
}

/** An answer with its buttons. */
export function replyResult(ctx: Context, deps: BotDeps, result: AskResult, asked: Asked, replyTo: number | undefined): Promise<void> {
  return replyHtml(ctx, resultHtml(result), replyTo, resultKeyboard(deps.buttons, result, asked));
}
