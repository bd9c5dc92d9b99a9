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
      const pieces = cutLine(line, block.pre ? limit - PRE_TAGS : limit);
      for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i]!;
        let cost = appendCost(parts, block.pre, piece);
        // The rest of a cut line starts a message, rather than a line, of its own.
        if ((length + cost > limit || i > 0) && parts.length > 0) {
          flush();
          cost = appendCost(parts, block.pre, piece);
        }
        const last = parts[parts.length - 1];
        if (last !== undefined && last.pre === block.pre) last.lines.push(piece);
        else parts.push({ pre: block.pre, lines: [piece] });
        length += cost;
      }
    }
  }
  flush();
  return messages;
}

function appendCost(parts: readonly Block[], pre: boolean, piece: string): number {
  const last = parts[parts.length - 1];
  if (last !== undefined && last.pre === pre) return 1 + piece.length;
  return (last !== undefined ? 1 : 0) + piece.length + (pre ? PRE_TAGS : 0);
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
