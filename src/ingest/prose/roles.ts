// What a number stated in the prose is: this year's figure (of the 预算 or the 决算),
// an earlier year's figure it is compared with, a change, a change in percent, a share,
// an execution rate, or part of a name (单价 20 万元以上). Read by a small grammar over
// the words right before the number in its clause (and right after it), with the
// vocabulary in grammar/prose.json:
//
//   role      := threshold | execution | change | share | compared | earlier | staged | plain
//   threshold := NUMBER THRESHOLD                          单价 20 万元以上
//   execution := EXECUTION COPULA* NUMBER%                 完成年初预算的 95%
//   change    := (UP | DOWN) COPULA* NUMBER                增加 295.68 万元, 下降 2.90%
//   share     := SHARE … NUMBER%                           占本年支出合计的 60.06%
//   compared  := COMPARE YEAR … BASIS? COPULA* NUMBER (UP | DOWN | COMPARE_END)
//                                                          比上年预算 X 万元增加, 与上年决算数 X 万元相比
//   earlier   := YEAR<this BASIS? COPULA* NUMBER           上年预算数为 X
//   staged    := YEAR? BASIS COPULA* NUMBER                年初预算为 X, 支出决算为 Y, 2024年预算数为 X
//   plain     := … NUMBER                                  this year's figure of the document's stage
//
// A hand-written matcher over a token list rather than chevrotain: each rule is anchored
// at the number and looks a few tokens back, which a table of token patterns says more
// plainly than an LL(k) parser over whole sentences would (chevrotain reads the questions).
import vocabulary from '../../../grammar/prose.json' with { type: 'json' };
import type { Stage } from '../../store/schema.ts';

type Kind = 'compare' | 'compareEnd' | 'year' | 'basis' | 'notBasis' | 'copula' | 'up' | 'down' | 'execution' | 'share' | 'threshold';

interface Token {
  kind: Kind | 'text';
  text: string;
  /** year: an offset from the document's year (上年 -1) or an absolute year (2022); basis: the stage. */
  year?: { offset: number } | { absolute: number };
  stage?: Stage;
}

export type Role =
  | { kind: 'threshold' }
  | { kind: 'execution' }
  | { kind: 'change'; sign: 1 | -1 }
  | { kind: 'share' }
  /** A figure of the document's year or another: compared is the figure a change is stated against. */
  | { kind: 'figure'; year: number; stage: Stage; compared: boolean; staged: boolean };

const WORDS: [string, Omit<Token, 'text'>][] = [
  ...vocabulary.compare.map((w) => [w, { kind: 'compare' }] as [string, Omit<Token, 'text'>]),
  ...vocabulary.compareEnd.map((w) => [w, { kind: 'compareEnd' }] as [string, Omit<Token, 'text'>]),
  ...Object.entries(vocabulary.years).map(([w, offset]) => [w, { kind: 'year', year: { offset } }] as [string, Omit<Token, 'text'>]),
  ...Object.entries(vocabulary.basis).flatMap(([stage, list]) => list.map((w) => [w, { kind: 'basis', stage: stage as Stage }] as [string, Omit<Token, 'text'>])),
  ...vocabulary.notBasis.map((w) => [w, { kind: 'notBasis' }] as [string, Omit<Token, 'text'>]),
  ...vocabulary.copulas.map((w) => [w, { kind: 'copula' }] as [string, Omit<Token, 'text'>]),
  ...vocabulary.up.map((w) => [w, { kind: 'up' }] as [string, Omit<Token, 'text'>]),
  ...vocabulary.down.map((w) => [w, { kind: 'down' }] as [string, Omit<Token, 'text'>]),
  ...vocabulary.execution.map((w) => [w, { kind: 'execution' }] as [string, Omit<Token, 'text'>]),
  ...vocabulary.share.map((w) => [w, { kind: 'share' }] as [string, Omit<Token, 'text'>]),
  ...vocabulary.threshold.map((w) => [w, { kind: 'threshold' }] as [string, Omit<Token, 'text'>]),
  // Longest first: 年初预算数 before 预算, 一般公共预算 (no stage) before 预算.
].sort((a, b) => b[0].length - a[0].length) as [string, Omit<Token, 'text'>][];

const YEAR = /^(20\d{2})\s*年度?/;

/** The words of a stretch of prose; whatever is no vocabulary word is text, one token per run. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const plain = (ch: string) => {
    const last = out.at(-1);
    if (last?.kind === 'text') last.text += ch;
    else out.push({ kind: 'text', text: ch });
  };
  for (let i = 0; i < text.length; ) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const year = YEAR.exec(text.slice(i));
    if (year) {
      out.push({ kind: 'year', text: year[0], year: { absolute: Number(year[1]) } });
      i += year[0].length;
      continue;
    }
    const word = WORDS.find(([w]) => text.startsWith(w, i));
    if (word) {
      out.push({ text: word[0], ...word[1] });
      i += word[0].length;
    } else plain(text[i++]!);
  }
  return out;
}

const yearOf = (t: Token, documentYear: number) => (t.year && 'absolute' in t.year ? t.year.absolute : documentYear + (t.year?.offset ?? 0));

/** The tokens before the number without the copulas that may stand between a word and its number (预算为, 共计). */
function trimmed(before: Token[]): Token[] {
  let end = before.length;
  while (end > 0 && before[end - 1]!.kind === 'copula') end--;
  return before.slice(0, end);
}

/**
 * The role of a number, from `before` (its clause up to the number, from the previous number on) and
 * `after` (what follows it and its unit), in a document of `year` and `stage`; null when no
 * rule reads it (the number is then not stored).
 */
export function roleOf(before: string, after: string, percent: boolean, year: number, stage: Stage): Role | null {
  const next = tokenize(after);
  if (next[0]?.kind === 'threshold') return { kind: 'threshold' };
  const tokens = trimmed(tokenize(before));
  const last = tokens.at(-1);
  if (last?.kind === 'execution') return percent ? { kind: 'execution' } : null;
  if (last?.kind === 'up' || last?.kind === 'down') return { kind: 'change', sign: last.kind === 'up' ? 1 : -1 };
  // A percent otherwise is a rate its own name says (自评覆盖率 83%), or nothing.
  if (percent) return tokens.some((t) => t.kind === 'share') ? { kind: 'share' } : { kind: 'figure', year, stage, compared: false, staged: false };

  // 比上年预算 X 万元增加…, 与上年决算数 X 万元相比: the figure compared with, of the year and stage named.
  const compareAt = tokens.findLastIndex((t) => t.kind === 'compare');
  if (compareAt >= 0 && !tokens.slice(compareAt).some((t) => t.kind === 'up' || t.kind === 'down')) {
    const following = next.find((t) => t.kind !== 'text' && t.kind !== 'copula');
    if (following && (following.kind === 'up' || following.kind === 'down' || following.kind === 'compareEnd')) {
      const named = tokens.slice(compareAt + 1);
      const when = named.find((t) => t.kind === 'year');
      // Compared with no year named (比预算 X 万元增加) is no earlier figure: not read.
      if (!when) return null;
      const basis = named.findLast((t) => t.kind === 'basis');
      return { kind: 'figure', year: yearOf(when, year), stage: basis?.stage ?? stage, compared: true, staged: basis !== undefined };
    }
  }
  // 上年预算数为 X (an earlier year's figure stated beside this year's); 2024年预算数为 X, 支出决算为 Y.
  const basis = last?.kind === 'basis' ? last : undefined;
  const when = basis ? tokens.at(-2) : last;
  if (when?.kind === 'year') {
    const y = yearOf(when, year);
    if (y !== year) return { kind: 'figure', year: y, stage: basis?.stage ?? stage, compared: true, staged: basis !== undefined };
  }
  if (basis) return { kind: 'figure', year, stage: basis.stage!, compared: false, staged: true };
  return { kind: 'figure', year, stage, compared: false, staged: false };
}
