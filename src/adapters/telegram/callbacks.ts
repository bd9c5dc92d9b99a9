// Button presses: answered at once (the client shows a spinner until then),
// then the button's question is asked as if typed in that chat.
import type { Context, NarrowedContext } from 'telegraf';
import type { Update } from 'telegraf/types';
import { BUTTON_EXPIRED, RATE_LIMITED } from '../texts.ts';
import { askInChat } from './ask.ts';
import type { BotDeps } from './deps.ts';
import { takenAsDelivered } from './retry.ts';

export type CallbackContext = NarrowedContext<Context, Update.CallbackQueryUpdate>;

export async function onCallback(ctx: CallbackContext, deps: BotDeps): Promise<void> {
  const query = ctx.callbackQuery;
  const action = 'data' in query ? deps.buttons.get(query.data) : undefined;
  if (action === undefined) {
    await ctx.answerCbQuery(BUTTON_EXPIRED);
    return;
  }
  const allowed = deps.limiter.take(query.from.id) === 'allowed';
  // Whether or not the spinner's answer arrived, the question is still answered.
  await takenAsDelivered(ctx.answerCbQuery(allowed ? undefined : RATE_LIMITED));
  // No message: a button under an inline result, which the bot never adds.
  const chat = query.message?.chat;
  if (!allowed || chat === undefined) return;
  const place = { chatId: chat.id, userId: query.from.id, replyTo: chat.type === 'private' ? undefined : query.message?.message_id };
  await askInChat(ctx, deps, place, { text: action.question, context: action.context, csv: action.kind === 'csv' });
}
