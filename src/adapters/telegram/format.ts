// Plain text → Telegram HTML messages: every dynamic string escaped, runs of
// figures aligned in <pre> tables, long texts split.
import type { LinkPreviewOptions } from 'telegraf/types';
import type { AskResult } from '../../answer/types.ts';
import { splitHtml, MESSAGE_LIMIT } from './split.ts';
import { tabulate } from './table.ts';

/** Answers cite documents, not web pages: no link previews. */
export const NO_PREVIEW: LinkPreviewOptions = { is_disabled: true };

const SPECIAL = /[&<>]/;
const SPECIALS = /[&<>]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (char) => ENTITIES[char]!) : text;
}

/** An answer's text; a table helps when there are several figures. */
export function resultHtml(result: AskResult): string[] {
  return toHtmlMessages(result.text, result.answers.length > 2);
}

/** `table`: align runs of “label：number” lines. Returns no message for a blank text. */
export function toHtmlMessages(text: string, table = false): string[] {
  if (!table && text.length <= MESSAGE_LIMIT) {
    // The common case, without splitting into lines: a short text and no table.
    const html = escapeHtml(text).trim();
    if (html.length <= MESSAGE_LIMIT) return html === '' ? [] : [html];
  }
  const lines = text.split(/\r?\n/);
  const blocks = table ? tabulate(lines) : [{ pre: false, lines }];
  return splitHtml(blocks.map(({ pre, lines }) => ({ pre, lines: lines.map(escapeHtml) })));
}
