// Building regular expressions from the word lists in grammar/.
import shapes from '../../../grammar/shapes.json' with { type: 'json' };

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

/** 超过, 不到, 等于: the words comparing a figure with the amount typed after them, every operator's (shapes.json comparators.before). */
export const COMPARATORS_BEFORE: readonly string[] = Object.values(shapes.comparators.before).flat();
