// Packs HTML lines into messages within Telegram's 4096-character limit,
// breaking only between lines and never inside a tag or an entity: a <pre>
// block cut in two is closed and reopened.
import type { Block } from './table.ts';

export const MESSAGE_LIMIT = 4096;

const PRE_OPEN = '<pre>';
const PRE_CLOSE = '</pre>';
const PRE_TAGS = PRE_OPEN.length + PRE_CLOSE.length;

/** `blocks` hold escaped HTML lines. Blank messages are dropped (Telegram refuses them). */
export function splitHtml(blocks: readonly Block[], limit = MESSAGE_LIMIT): string[] {
  const messages: string[] = [];
  let parts: Block[] = [];
  let length = 0;

  const flush = () => {
    const html = parts.map(({ pre, lines }) => (pre ? `${PRE_OPEN}${lines.join('\n')}${PRE_CLOSE}` : lines.join('\n'))).join('\n');
    if (html.trim() !== '') messages.push(html.trim());
    parts = [];
    length = 0;
  };

  for (const block of blocks) {
    for (const line of block.lines) {
      for (const piece of cutLine(line, limit - PRE_TAGS)) {
        const last = parts[parts.length - 1];
        const extends_ = last !== undefined && last.pre === block.pre;
        const cost = (parts.length > 0 ? 1 : 0) + piece.length + (extends_ || !block.pre ? 0 : PRE_TAGS);
        if (length + cost > limit) flush();
        if (last !== undefined && extends_ && parts.length > 0) last.lines.push(piece);
        else parts.push({ pre: block.pre, lines: [piece] });
        length += (parts.length > 1 || parts[0]!.lines.length > 1 ? 1 : 0) + piece.length + (parts[parts.length - 1]!.lines.length === 1 && block.pre ? PRE_TAGS : 0);
      }
    }
  }
  flush();
  return messages;
}

/** Cuts an over-long line at `max`, backing off an entity (&amp;) or a surrogate pair. */
function cutLine(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = max;
    const amp = rest.lastIndexOf('&', cut - 1);
    if (amp > 0 && rest.indexOf(';', amp) >= cut) cut = amp;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}
