// Asking the engine on behalf of a chat: what is let through, the dialog
// context carried from one question to the next, and the reply.
import type { Context } from 'telegraf';
import type { DialogContext } from '../../answer/types.ts';
import { questionTooLong } from '../../query/limits.ts';
import { askAfter, RATE_LIMITED, TOO_LONG } from '../texts.ts';
import { replyCsv } from './csv.ts';
import type { BotDeps } from './deps.ts';
import { replyResult, replyText } from './reply.ts';

/** Where a question comes from and its answer goes (read once: telegraf's ctx.chat is recomputed on every access). */
export interface Place {
  chatId: number;
  userId: number | undefined;
  /** In groups, the message to answer in thread; undefined in private chats. */
  replyTo: number | undefined;
}

/** Applies the user's rate limit, saying so (once) when it refuses; true lets the message through. */
export async function admit(ctx: Context, deps: BotDeps, { userId, replyTo }: Place): Promise<boolean> {
  const admission = userId === undefined ? 'allowed' : deps.limiter.take(userId);
  if (admission === 'refused') await replyText(ctx, RATE_LIMITED, replyTo);
  return admission === 'allowed';
}

/** A question typed in the chat: checked, then asked in the chat's context. */
export async function askTyped(ctx: Context, deps: BotDeps, place: Place, text: string, csv = false): Promise<void> {
  if (text === '') return replyText(ctx, askAfter(csv ? 'csv' : 'q'), place.replyTo);
  if (questionTooLong(text)) return replyText(ctx, TOO_LONG, place.replyTo);
  await askInChat(ctx, deps, place, { text, context: deps.contexts.get(place.chatId), csv });
}

export interface Question {
  text: string;
  /** The context to continue: the chat's for a message, the button's for a press. */
  context: DialogContext | undefined;
  /** Answer with the CSV file instead of a message (when there are rows). */
  csv: boolean;
}

export async function askInChat(ctx: Context, deps: BotDeps, { chatId, replyTo }: Place, { text, context, csv }: Question): Promise<void> {
  const result = deps.engine.ask(text, context);
  if (result.context !== undefined) deps.contexts.set(chatId, result.context);
  deps.log.debug({ chat: chatId, status: result.status }, 'answered');
  if (csv && result.answers.length > 0) await replyCsv(ctx, text, result.answers, replyTo);
  else await replyResult(ctx, deps, result, { question: text, context, after: result.context ?? context }, replyTo);
}
