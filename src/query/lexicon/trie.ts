// A character trie answering one question fast: the longest dictionary entry
// starting at a position. Entries of different kinds share it, so the longest
// match wins across kinds (公务用车运行维护费 beats 公务用车).
// Entries are filed by first character and put into the trie only when a lookup
// first starts with that character: a national lexicon holds hundreds of thousands
// of names, and a question touches a few of them.
export class Trie<T> {
  private readonly root = new Map<string, Node<T>>();
  private readonly pending = new Map<string, [string, T][]>();

  /** Adds an entry; on identical text the first value added is kept. */
  add(text: string, value: T): void {
    if (text === '') return;
    const first = String.fromCodePoint(text.codePointAt(0)!);
    const list = this.pending.get(first);
    if (list) list.push([text, value]);
    else if (this.root.has(first)) this.insert(text, value);
    else this.pending.set(first, [[text, value]]);
  }

  private insert(text: string, value: T): void {
    let children = this.root;
    let node: Node<T> | undefined;
    for (const ch of text) {
      node = children.get(ch);
      if (!node) {
        node = { children: new Map(), value: undefined };
        children.set(ch, node);
      }
      children = node.children;
    }
    node!.value ??= value;
  }

  /** The entries filed under a first character, put into the trie in the order they were added. */
  private grow(first: string): void {
    const list = this.pending.get(first);
    if (!list) return;
    this.pending.delete(first);
    for (const [text, value] of list) this.insert(text, value);
  }

  /** The longest entry starting at `offset`: its length in UTF-16 units and its value. */
  longest(text: string, offset: number): { length: number; value: T } | null {
    if (offset >= text.length) return null;
    this.grow(String.fromCodePoint(text.codePointAt(offset)!));
    let children = this.root;
    let best: { length: number; value: T } | null = null;
    let i = offset;
    while (i < text.length) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      const node = children.get(ch);
      if (!node) break;
      i += ch.length;
      if (node.value !== undefined) best = { length: i - offset, value: node.value };
      children = node.children;
    }
    return best;
  }

  /** First characters of all entries (chevrotain's start_chars_hint). */
  firstChars(): string[] {
    return [...new Set([...this.root.keys(), ...this.pending.keys()])];
  }
}

interface Node<T> {
  children: Map<string, Node<T>>;
  value: T | undefined;
}
