// The dictionary answering one question fast: the longest entry starting at a position. Entries of
// different kinds share it, so the longest match wins across kinds (公务用车运行维护费 beats 公务用车).
// Kept as one map of phrases and, per first character, the lengths entries starting with it have:
// a lookup tries those lengths, longest first. A character trie of a national lexicon (hundreds of
// thousands of names) would hold millions of nodes; this holds the phrases once.
export class Trie<T> {
  private readonly entries = new Map<string, T>();
  private readonly lengths = new Map<string, number[]>();

  /** Adds an entry; on identical text the first value added is kept. */
  add(text: string, value: T): void {
    if (text === '' || this.entries.has(text)) return;
    this.entries.set(text, value);
    const first = String.fromCodePoint(text.codePointAt(0)!);
    const list = this.lengths.get(first);
    if (!list) this.lengths.set(first, [text.length]);
    else if (!list.includes(text.length)) {
      list.push(text.length);
      list.sort((a, b) => b - a);
    }
  }

  /** The longest entry starting at `offset`: its length in UTF-16 units and its value. */
  longest(text: string, offset: number): { length: number; value: T } | null {
    if (offset >= text.length) return null;
    for (const length of this.lengths.get(String.fromCodePoint(text.codePointAt(offset)!)) ?? []) {
      if (offset + length > text.length) continue;
      const value = this.entries.get(text.slice(offset, offset + length));
      if (value !== undefined) return { length, value };
    }
    return null;
  }

  /** First characters of all entries (chevrotain's start_chars_hint). */
  firstChars(): string[] {
    return [...this.lengths.keys()];
  }
}
