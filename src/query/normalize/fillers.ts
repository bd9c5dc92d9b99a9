// Polite and filler phrases (grammar/fillers.json) that carry nothing for the grammar.
import fillers from '../../../grammar/fillers.json' with { type: 'json' };
import metrics from '../../../grammar/metrics.json' with { type: 'json' };
import { alternation } from './words.ts';

const ANYWHERE = new RegExp(alternation(fillers.anywhere), 'g');
const UNBROKEN = new RegExp(`(${alternation(fillers.unbroken.words)})`);
// 请客, 请吃饭: a figure's own everyday word that opens with a clause-start word (metrics.json ask) keeps it.
const OWN_WORDS = metrics.metrics.flatMap((m) => ('ask' in m ? m.ask : [])).filter((w) => fillers.clauseStart.words.some((c) => w.startsWith(c) && w !== c));
const CLAUSE_START = new RegExp(`(?<=^|\\s)(?!${alternation(OWN_WORDS)})(?:${alternation(fillers.clauseStart.words)})`, 'g');
// 他们的, 那边: the department asked about last, opening a follow-up (its 的 with it).
const POINTING = new RegExp(`^\\s*(?:(?:那么|那)?(?:${alternation(fillers.pointing.words)}))+的?`);
const SENTENCE_FINAL = new RegExp(`(?:${alternation(fillers.sentenceFinal.words)})+(?=\\s|$)`, 'g');
const AFTER_NAME = new RegExp(`(?<=[^\\s的])(?:${alternation(fillers.afterName.words)})\\s*$`);

/**
 * `请问曲阳2023年三公经费是多少呢` → `曲阳2023年三公经费`. Expects punctuation already
 * turned into spaces, which is how a sentence-final particle is told from one inside a word.
 * Removed phrases leave a space so the words around them stay apart.
 */
export function removeFillers(text: string): string {
  // The split keeps each unbroken word at an odd index, untouched.
  let s = text
    .split(UNBROKEN)
    .map((part, i) => (i % 2 ? part : part.replace(ANYWHERE, ' ')))
    .join('');
  // Removing one clause-start word can expose another (您好 请 …), hence the loop.
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.trimStart().replace(CLAUSE_START, ' ');
  }
  return s.replace(POINTING, ' ').replace(SENTENCE_FINAL, ' ').replace(AFTER_NAME, ' ');
}
