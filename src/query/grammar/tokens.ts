// The question's tokens. Dictionary words (names, figures, question words) are
// custom-pattern tokens backed by the lexicon's one trie: each kind accepts a
// position only when the longest entry starting there is of its kind, so the
// longest match wins across kinds. Years, codes and numbers are patterns.
import { createToken, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from 'chevrotain';
import { foreignPlaceAt } from '../lexicon/foreign.ts';
import type { Entry, EntryKind, Lexicon } from '../lexicon/lexicon.ts';

/** The CJK unified ideographs (U+4E00–U+9FFF). */
const HAN = Array.from({ length: 0x9fff - 0x4e00 + 1 }, (_, i) => String.fromCharCode(0x4e00 + i));

export interface QuestionTokens {
  /** Tokenises a question; with `foreign`, places no document held lies in are read as places too (lexicon/foreign.ts). */
  tokenize(text: string, foreign: boolean): IToken[];
  all: TokenType[];
  Entity: TokenType;
  UnitOrg: TokenType;
  Metric: TokenType;
  Subject: TokenType;
  Project: TokenType;
  Stage: TokenType;
  BothStages: TokenType;
  Intent: TokenType;
  Ascending: TokenType;
  Descending: TokenType;
  PreviousYear: TokenType;
  Top: TokenType;
  Conj: TokenType;
  ListTarget: TokenType;
  Scope: TokenType;
  Sources: TokenType;
  Filler: TokenType;
  ChangeWord: TokenType;
  Comparator: TokenType;
  Range: TokenType;
  Unit: TokenType;
  SetWord: TokenType;
  OrgWord: TokenType;
  Place: TokenType;
  Than: TokenType;
  Direction: TokenType;
  Arith: TokenType;
  Reason: TokenType;
  Reference: TokenType;
  Catalogue: TokenType;
  Counter: TokenType;
  Year: TokenType;
  Code: TokenType;
  NumberTok: TokenType;
  Latin: TokenType;
  Other: TokenType;
  lexer: Lexer;
}

const KINDS: [keyof QuestionTokens, EntryKind][] = [
  ['Entity', 'entity'],
  ['UnitOrg', 'unitOrg'],
  ['Metric', 'metric'],
  ['Subject', 'subject'],
  ['Project', 'project'],
  ['Stage', 'stage'],
  ['BothStages', 'bothStages'],
  ['Intent', 'intent'],
  ['Ascending', 'ascending'],
  ['Descending', 'descending'],
  ['PreviousYear', 'previousYear'],
  ['Top', 'top'],
  ['Conj', 'conj'],
  ['ListTarget', 'listTarget'],
  ['Scope', 'scope'],
  ['Sources', 'sources'],
  ['Filler', 'filler'],
  ['ChangeWord', 'changeWord'],
  ['Comparator', 'comparator'],
  ['Range', 'range'],
  ['Unit', 'unit'],
  ['SetWord', 'setWord'],
  ['OrgWord', 'orgWord'],
  ['Place', 'place'],
  ['Than', 'than'],
  ['Direction', 'direction'],
  ['Arith', 'arith'],
  ['Reason', 'reason'],
  ['Reference', 'reference'],
  ['Catalogue', 'catalogue'],
  ['Counter', 'counter'],
];

/**
 * `validate`: chevrotain's checks of the lexer's patterns. The patterns are code, so they run in the tests
 * (test/query/grammar.test.ts), not on every start.
 */
export function buildTokens(lexicon: Lexicon, { validate = false } = {}): QuestionTokens {
  let foreign = false;
  // The token kinds of the lexicon's entries: the parser's vocabulary. The lexer matches one dictionary word (the
  // longest entry at a position, whatever its kind) and the word then takes its entry's kind: one pattern tried
  // per position, and one first-character table built at start-up, rather than one per kind.
  const dictionary = Object.fromEntries(KINDS.map(([name]) => [name, createToken({ name, pattern: Lexer.NA })])) as Record<(typeof KINDS)[number][0], TokenType>;
  const kindOf = new Map<EntryKind, TokenType>(KINDS.map(([name, kind]) => [kind, dictionary[name]]));
  const Word = createToken({
    name: 'Word',
    line_breaks: false,
    // Any Han character may start a place's name (lexicon/foreign.ts), beside the lexicon's own first characters.
    start_chars_hint: [...new Set([...lexicon.firstChars(), ...HAN])],
    pattern: {
      exec: (text: string, offset: number) => {
        let hit = lexicon.longest(text, offset);
        // 莲湖医保信息化建设: a department's alias (莲湖医保) cutting into a name read longer from inside it (医保信息化建设)
        // gives way to its shorter alias (莲湖), so the name is read whole.
        if (hit?.value.kind === 'entity') {
          const shorter = lexicon.longest(text.slice(0, offset + hit.length - 1), offset);
          const next = shorter?.value.kind === 'entity' ? lexicon.longest(text, offset + shorter.length) : null;
          if (next && next.value.kind !== 'entity' && offset + shorter!.length + next.length > offset + hit.length) hit = shorter;
        }
        // A place not held, where it is longer than any word of the lexicon there (海淀区 over 海淀's 海).
        const length = foreign ? foreignPlaceAt(text, offset) : 0;
        if (length > (hit?.length ?? 0)) hit = { length, value: { kind: 'place', place: text.slice(offset, offset + length), foreign: true } };
        if (!hit) return null;
        const match = [text.slice(offset, offset + hit.length)] as CustomPatternMatcherReturn;
        match.payload = hit.value;
        return match;
      },
    },
  });

  const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
  const Year = createToken({ name: 'Year', pattern: /(?:19|20)\d{2}(?!\d)(?:年度?)?/ });
  // 100% is a percentage, never a code.
  const Code = createToken({ name: 'Code', pattern: /\d{3,7}(?![\d%]|\.\d)/ });
  const NumberTok = createToken({ name: 'NumberTok', pattern: /\d+(?:\.\d+)?%?/ });
  const Latin = createToken({ name: 'Latin', pattern: /[a-z]+/i });
  // Any one UTF-16 unit nothing else matched. A range, not a negated class: chevrotain can
  // index a range by first character and keep its lexer optimised.
  const Other = createToken({ name: 'Other', pattern: /[\u0000-\uffff]/, line_breaks: true });

  const all = [WhiteSpace, ...KINDS.map(([name]) => dictionary[name]), Year, Code, NumberTok, Latin, Other];
  const lexer = new Lexer([WhiteSpace, Word, Year, Code, NumberTok, Latin, Other], { ensureOptimizations: true, positionTracking: 'onlyOffset', skipValidations: !validate });
  const tokenize = (text: string, withForeign: boolean) => {
    foreign = withForeign;
    try {
      const { tokens } = lexer.tokenize(text);
      for (const token of tokens) {
        if (token.tokenType !== Word) continue;
        token.tokenType = kindOf.get((token.payload as Entry).kind)!;
        token.tokenTypeIdx = token.tokenType.tokenTypeIdx!;
      }
      return tokens;
    } finally {
      foreign = false;
    }
  };
  return { ...dictionary, Year, Code, NumberTok, Latin, Other, all, lexer, tokenize };
}
