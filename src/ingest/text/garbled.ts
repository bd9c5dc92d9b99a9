// Numbers printed with characters that are not digits — what PDF-to-text makes of
// a smudged page (`l3.60万元`, `1O5.00`, `1e9元`). Whatever a reader makes of such a
// number (the digits after the letter, or a guess at the digit it stands for), it is
// not a printed fact: the figures read from it are flagged `garbled_digits`.
import type { Line } from '../layout/lines.ts';
import type { FactDraft } from '../prose/facts.ts';

/** Letters that stand in for digits in converted text, and the digits they look like. */
const LOOKALIKE: Record<string, string> = { l: '1', I: '1', O: '0', o: '0', S: '5', B: '8', Z: '2' };
const TOKEN = /[0-9A-Za-z][0-9A-Za-z,.]*/g;
const UNIT = /^\s*(亿元|万元|元|%|人次|人|辆|个|台|套|家|名|分)/;
const SCALE: Record<string, number> = { 亿元: 10_000_000_000, 万元: 1_000_000, 元: 100 };

/** A token of digits and look-alike letters (or an exponent), with a digit and a letter; `DIP`, `A4`, `C24090000` are not. */
function isGarbled(token: string): boolean {
  if (!/\d/.test(token) || !/[A-Za-z]/.test(token)) return false;
  if (/^\d+(?:\.\d+)?[eE][+-]?\d+$/.test(token)) return true;
  return [...token].every((ch) => /[\d,.]/.test(ch) || ch in LOOKALIKE) && /[\d,.]/.test(token.replace(/[A-Za-z]/g, '')) && /\d[A-Za-z]|[A-Za-z]\d|[A-Za-z][.,]\d|\d[.,][A-Za-z]/.test(token);
}

/**
 * A number printed with letters, read as the number it most likely is (`l3.60` → 13.60, `7.S9` → 7.59,
 * `3.58e3` → 3580): a reading to store flagged, never a printed fact. Null for a token that is no garbled number.
 */
export function readGarbled(token: string): number | null {
  if (!isGarbled(token)) return null;
  const value = /^\d+(?:\.\d+)?[eE][+-]?\d+$/.test(token) ? Number(token) : Number(token.replace(/[A-Za-z]/g, (ch) => LOOKALIKE[ch] ?? '').replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

/** The values a reader may have taken from the token: each run of digits in it, and the token with look-alikes read as digits. */
function readings(token: string): number[] {
  const runs = token.match(/\d[\d,]*(?:\.\d+)?/g) ?? [];
  const repaired = token.replace(/[A-Za-z]/g, (ch) => LOOKALIKE[ch] ?? '');
  return [...runs, repaired].map((r) => Number(r.replace(/,/g, ''))).filter((n) => Number.isFinite(n));
}

/** The garbled numbers printed in a text, with their units, as printed (`l3.60万元`). */
export function garbledIn(text: string): string[] {
  return [...text.matchAll(TOKEN)].flatMap((m) => {
    const unit = UNIT.exec(text.slice(m.index + m[0].length))?.[0];
    return unit && isGarbled(m[0]) ? [`${m[0]}${unit}`] : [];
  });
}

interface Garbled {
  line: number;
  unit: string;
  values: number[];
}

function garbledNumbers(lines: Line[]): Garbled[] {
  const out: Garbled[] = [];
  for (const l of lines) {
    if (l.cells !== null) continue;
    for (const m of l.text.matchAll(TOKEN)) {
      const unit = UNIT.exec(l.text.slice(m.index + m[0].length))?.[1];
      if (unit && isGarbled(m[0])) out.push({ line: l.no, unit, values: readings(m[0]) });
    }
  }
  return out;
}

/** Flags every prose figure read from a garbled number on its line. */
export function flagGarbledFacts(lines: Line[], facts: FactDraft[]): void {
  const garbled = garbledNumbers(lines);
  if (garbled.length === 0) return;
  for (const f of facts) {
    const hit = garbled.some(
      (g) =>
        (g.line === f.line || g.line === f.change_line) &&
        g.values.some((v) => {
          const scale = SCALE[g.unit];
          const fen = scale !== undefined ? Math.round(v * scale) : null;
          return (fen !== null && (fen === f.amount_fen || fen === Math.abs(f.change_fen ?? NaN))) || v === f.value || v === Math.abs(f.change_percent ?? NaN);
        }),
    );
    if (hit) f.flags = [...new Set([...(f.flags ? f.flags.split(',') : []), 'garbled_digits'])].join(',');
  }
}
