// The bot's commands: what they do, and their menu registered with Telegram.
import type { Context, Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { Logger } from '../log.ts';
import { aboutText, EXAMPLE_QUESTIONS, helpText, listText, startText, UNKNOWN_COMMAND } from '../texts.ts';
import type { Incoming } from './addressing.ts';
import { askTyped, type Place } from './ask.ts';
import { questionKeyboard } from './buttons.ts';
import type { BotDeps } from './deps.ts';
import { replyText } from './reply.ts';

export const COMMANDS: readonly BotCommand[] = [
  { command: 'start', description: '开始：这是什么，试试几个问题' },
  { command: 'help', description: '可以怎么问（查数、明细、比较、排名、占比、绩效）' },
  { command: 'list', description: '可查询的部门、年份和类型' },
  { command: 'q', description: '提问（群聊里用）：/q 曲阳 2023 三公经费' },
  { command: 'csv', description: '把答案的数字导出为 CSV 表格：/csv 问题' },
  { command: 'about', description: '数据来源，以及数字怎样核对' },
];

export async function runCommand(
  ctx: Context,
  deps: BotDeps,
  { name, args, addressed }: Extract<Incoming, { kind: 'command' }>,
  place: Place,
): Promise<void> {
  const { replyTo } = place;
  switch (name) {
    case 'start':
      return replyText(ctx, startText('telegram'), replyTo, questionKeyboard(deps.buttons, EXAMPLE_QUESTIONS));
    case 'help':
      return replyText(ctx, helpText('telegram'), replyTo);
    case 'list':
      return replyText(ctx, listText(deps.engine.catalog()), replyTo);
    case 'about':
      return replyText(ctx, aboutText(deps.engine.catalog()), replyTo);
    case 'q':
    case 'csv':
      return askTyped(ctx, deps, place, args, name === 'csv');
    default:
      // In a group (where replies go in thread), a bare /command may be meant for another bot.
      if (replyTo === undefined || addressed) return replyText(ctx, UNKNOWN_COMMAND, replyTo);
  }
}

/** The command menu; a failure (e.g. an emulator without setMyCommands) costs only the menu. */
export async function registerCommands(telegram: Telegram, log: Logger): Promise<void> {
  try {
    await telegram.setMyCommands([...COMMANDS]);
  } catch (err) {
    log.warn({ err }, 'could not register the command menu');
  }
}
