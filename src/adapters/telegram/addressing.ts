// Which messages are for the bot. In a private chat, all of them; in a group,
// only commands, mentions of the bot and replies to its messages — the ones
// Telegram delivers under the default privacy mode (mentions need it off).
import type { Chat, Message, UserFromGetMe } from 'telegraf/types';

export type Incoming =
  | {
      kind: 'command';
      /** Lower case, without the slash and @botname. */
      name: string;
      /** The text after the command, trimmed. */
      args: string;
      /** Written as /name@thisbot. */
      addressed: boolean;
    }
  | { kind: 'question'; text: string };

/** null: not for the bot; stay quiet. */
export function readMessage(message: Message.TextMessage, chat: Chat, me: UserFromGetMe): Incoming | null {
  // Results of inline queries posted through this bot come back as messages. Other
  // bots are ignored, but not people posting as the group (anonymous admins) or as a
  // channel: Telegram names a bot as their sender and gives the chat in sender_chat.
  if (message.via_bot?.id === me.id || (message.from?.is_bot && message.sender_chat === undefined)) return null;
  const { text, entities } = message;
  const first = entities?.[0];
  if (first?.type === 'bot_command' && first.offset === 0) {
    const [name = '', to] = text.slice(1, first.length).split('@');
    if (to !== undefined && to.toLowerCase() !== me.username.toLowerCase()) return null;
    return { kind: 'command', name: name.toLowerCase(), args: text.slice(first.length).trim(), addressed: to !== undefined };
  }
  if (chat.type === 'private') return { kind: 'question', text: text.trim() };
  const mention = `@${me.username}`.toLowerCase();
  const mentions = (entities ?? []).filter(
    (entity) => entity.type === 'mention' && text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === mention,
  );
  if (mentions.length === 0 && message.reply_to_message?.from?.id !== me.id) return null;
  let question = text;
  // From the end, so earlier offsets stay valid.
  for (const entity of mentions.reverse()) {
    question = `${question.slice(0, entity.offset)} ${question.slice(entity.offset + entity.length)}`;
  }
  return { kind: 'question', text: question.replace(/\s+/g, ' ').trim() };
}
