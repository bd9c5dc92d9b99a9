// The dictionary answering one question fast: the longest entry starting at a position. Entries of
// different kinds share it, so the longest match wins across kinds (公务用车运行维护费 beats 公务用车).
// Kept as one map of phrases and, per first two characters, the lengths entries starting with them have:
// a lookup tries those lengths, longest first (per first character alone it tried every length of
// hundreds of words, each a slice and a hash: a fifth of a question's lexing). A character trie of a national
// lexicon (hundreds of thousands of names) would hold millions of nodes; this holds the phrases once.
const pair = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);

export class Trie<T> {
  private readonly entries = new Map<string, T>();
  /** By the first two UTF-16 units (as one number, no string made per look-up): the lengths (at least 2) of entries starting with them, longest first. */
  private readonly lengths = new Map<number, number[]>();

  /** Adds an entry; on identical text the first value added is kept. */
  add(text: string, value: T): void {
    if (text === '' || this.entries.has(text)) return;
    this.entries.set(text, value);
    if (text.length < 2) return;
    const prefix = pair(text, 0);
    const list = this.lengths.get(prefix);
    if (!list) this.lengths.set(prefix, [text.length]);
    else if (!list.includes(text.length)) {
      list.push(text.length);
      list.sort((a, b) => b - a);
    }
  }

  /** The longest entry starting at `offset`: its length in UTF-16 units and its value. */
  longest(text: string, offset: number): { length: number; value: T } | null {
    if (offset >= text.length) return null;
    if (offset + 2 <= text.length) {
      for (const length of this.lengths.get(pair(text, offset)) ?? []) {
        if (offset + length > text.length) continue;
        const value = this.entries.get(text.slice(offset, offset + length));
        if (value !== undefined) return { length, value };
      }
    }
    const value = this.entries.get(text[offset]!);
    return value === undefined ? null : { length: 1, value };
  }
}
