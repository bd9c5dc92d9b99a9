// Text messages: commands, and questions in private chats or addressed to the
// bot in groups, answered in thread there.
import type { Context, NarrowedContext } from 'telegraf';
import type { Message, Update } from 'telegraf/types';
import { readMessage } from './addressing.ts';
import { admit, askTyped } from './ask.ts';
import { runCommand } from './commands.ts';
import type { BotDeps } from './deps.ts';

export type TextContext = NarrowedContext<Context, Update.MessageUpdate<Message.TextMessage>>;

export async function onText(ctx: TextContext, deps: BotDeps): Promise<void> {
  const { message } = ctx;
  const { chat } = message;
  const incoming = readMessage(message, chat, ctx.botInfo);
  if (incoming === null) return;
  const place = { chatId: chat.id, userId: message.from?.id, replyTo: chat.type === 'private' ? undefined : message.message_id };
  // Commands count too: each one sends a message.
  if (!(await admit(ctx, deps, place))) return;
  if (incoming.kind === 'command') return runCommand(ctx, deps, incoming, place);
  return askTyped(ctx, deps, place, incoming.text);
}
