// A character trie answering one question fast: the longest dictionary entry
// starting at a position. Entries of different kinds share it, so the longest
// match wins across kinds (公务用车运行维护费 beats 公务用车).
export class Trie<T> {
  private readonly root = new Map<string, Node<T>>();

  /** Adds an entry; on identical text the first value added is kept. */
  add(text: string, value: T): void {
    if (text === '') return;
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

  /** The longest entry starting at `offset`: its length in UTF-16 units and its value. */
  longest(text: string, offset: number): { length: number; value: T } | null {
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
    return [...this.root.keys()];
  }
}

interface Node<T> {
  children: Map<string, Node<T>>;
  value: T | undefined;
}
