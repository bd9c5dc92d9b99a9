// Building regular expressions from the word lists in grammar/.

/** Escapes a literal word for use inside a regular expression. */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation of the words, longest first so that 帮我查一下 wins over 查一下. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .filter((w) => w !== '')
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}
