// Messages: commands, and questions in private chats or addressed to the bot in
// groups, answered in thread there; media in a private chat gets a hint.
import type { Context, NarrowedContext } from 'telegraf';
import type { Message, Update } from 'telegraf/types';
import { TEXT_ONLY } from '../texts.ts';
import { readMessage } from './addressing.ts';
import { admit, askTyped } from './ask.ts';
import { runCommand } from './commands.ts';
import type { BotDeps } from './deps.ts';
import { replyText } from './reply.ts';

type MessageContext = NarrowedContext<Context, Update.MessageUpdate>;
export type TextContext = NarrowedContext<Context, Update.MessageUpdate<Message.TextMessage>>;

export async function onText(ctx: TextContext, deps: BotDeps): Promise<void> {
  const { message } = ctx;
  const { chat } = message;
  const incoming = readMessage(message, chat, ctx.botInfo);
  if (incoming === null) return;
  // Anonymous admins all share one sender (GroupAnonymousBot): their chat is the one to rate-limit.
  const userId = message.sender_chat?.id ?? message.from?.id;
  const place = { chatId: chat.id, userId, replyTo: chat.type === 'private' ? undefined : message.message_id };
  // Commands count too: each one sends a message.
  if (!(await admit(ctx, deps, place))) return;
  if (incoming.kind === 'command') return runCommand(ctx, deps, incoming, place);
  return askTyped(ctx, deps, place, incoming.text);
}

// What a person sends expecting an answer; service messages (a pin, a new member…) get none.
const CONTENT_KINDS = ['sticker', 'photo', 'video', 'animation', 'voice', 'video_note', 'audio', 'document', 'location', 'venue', 'contact', 'poll', 'dice'];

/** Messages without text: in a private chat, a hint that only typed questions are read; elsewhere, silence. */
export async function onNonText(ctx: MessageContext, deps: BotDeps): Promise<void> {
  const { message } = ctx;
  if (message.chat.type !== 'private' || !CONTENT_KINDS.some((kind) => kind in message)) return;
  const place = { chatId: message.chat.id, userId: message.from?.id, replyTo: undefined };
  if (await admit(ctx, deps, place)) await replyText(ctx, TEXT_ONLY, undefined);
}
