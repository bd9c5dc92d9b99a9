// Inline buttons. callback_data is limited to 64 bytes, so it carries only an
// id; the question behind it (and the dialog context it continues) stays here.
import { randomBytes } from 'node:crypto';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { AskResult, DialogContext } from '../../answer/types.ts';

export interface ButtonAction {
  /** 'ask': answer the question; 'csv': send the rows behind its answer as a file. */
  kind: 'ask' | 'csv';
  question: string;
  context: DialogContext | undefined;
}

// Enough for the buttons of the last ~10,000 answers; older ones say “expired”.
const MAX_ACTIONS = 50_000;
const MAX_SUGGESTIONS = 8;
const FOLLOWUPS_PER_ROW = 4;
const CSV_LABEL = 'CSV';

/**
 * The actions behind the latest MAX_ACTIONS buttons, in a ring: ids only grow,
 * so the oldest go first, with no hashing and no bookkeeping per button.
 */
export class ButtonStore {
  private readonly actions: (ButtonAction | undefined)[] = new Array(MAX_ACTIONS);
  // Distinguishes this run's ids from a previous run's, whose buttons may still be on screen.
  private readonly prefix = `${randomBytes(3).toString('base64url')}.`;
  private next = 0;

  /** Returns the callback_data for the action. */
  add(action: ButtonAction): string {
    const id = this.next++;
    this.actions[id % MAX_ACTIONS] = action;
    return this.prefix + id.toString(36);
  }

  get(data: string): ButtonAction | undefined {
    if (!data.startsWith(this.prefix)) return undefined;
    const id = parseInt(data.slice(this.prefix.length), 36);
    return id >= 0 && id < this.next && id >= this.next - MAX_ACTIONS ? this.actions[id % MAX_ACTIONS] : undefined;
  }

  button(text: string, action: ButtonAction): InlineKeyboardButton.CallbackButton {
    return { text, callback_data: this.add(action) };
  }
}

/** A question as asked, for the buttons under its answer. */
export interface Asked {
  question: string;
  /** The context it was asked in: CSV re-asks it there. */
  context: DialogContext | undefined;
  /** The chat's context after the answer: other buttons continue from it. */
  after: DialogContext | undefined;
}

/** Candidates for an ambiguous or unfound question; follow-ups and CSV for an answer. */
export function resultKeyboard(buttons: ButtonStore, result: AskResult, asked: Asked): InlineKeyboardMarkup | undefined {
  const { after } = asked;
  const rows: InlineKeyboardButton[][] = result.suggestions
    .slice(0, MAX_SUGGESTIONS)
    .map((question) => [buttons.button(question, { kind: 'ask', question, context: after })]);
  if (result.status === 'answered') {
    const row: InlineKeyboardButton[] = (result.followups ?? []).map(({ label, question }) =>
      buttons.button(label, { kind: 'ask', question, context: after }),
    );
    if (result.answers.length > 0) row.push(buttons.button(CSV_LABEL, { kind: 'csv', question: asked.question, context: asked.context }));
    for (let i = 0; i < row.length; i += FOLLOWUPS_PER_ROW) rows.push(row.slice(i, i + FOLLOWUPS_PER_ROW));
  }
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

/** One button per question, each on its own row (the /start examples). */
export function questionKeyboard(buttons: ButtonStore, questions: readonly string[]): InlineKeyboardMarkup {
  return { inline_keyboard: questions.map((question) => [buttons.button(question, { kind: 'ask', question, context: undefined })]) };
}
