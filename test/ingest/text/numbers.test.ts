// Reading printed numbers: broken by spaces or over two lines, exact to the 分,
// in 元 or 万元, with the precision the printed digits carry.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawDir } from '../../../src/config.ts';
import { isAmountLike, isCodeToken, parseNumber, precisionFen, toFen, toValue } from '../../../src/ingest/text/numbers.ts';
import { wan, yuan } from '../helpers.ts';

const parsed = (text: string) => {
  const n = parseNumber(text);
  if (!n) throw new Error(`not a number: ${text}`);
  return n;
};

describe('parseNumber', () => {
  it.each([
    // As printed in the seeds (沈阳 lines 125, 285, 293, 373, 315), blanks removed.
    ['236 ,02 3.0 6', '236,023.06', '236023', '06'],
    ['229,90 1.83', '229,901.83', '229901', '83'],
    ['2,500. 00', '2,500.00', '2500', '00'],
    ['1,392 .11', '1,392.11', '1392', '11'],
    ['232.0 0', '232.00', '232', '00'],
    ['236,0 23.06', '236,023.06', '236023', '06'],
  ])('repairs %j to %s', (cell, text, whole, fraction) => {
    const n = parsed(cell);
    expect([n.text, n.whole, n.fraction, n.repaired, n.negative, n.percent]).toEqual([text, whole, fraction, true, false, false]);
  });

  it('reads a clean number as printed, unrepaired', () => {
    expect(parsed('58,733.91')).toEqual({ text: '58,733.91', negative: false, whole: '58733', fraction: '91', percent: false, repaired: false, irregularGrouping: false });
    expect(parsed('  0.08 ')).toMatchObject({ text: '0.08', whole: '0', fraction: '08', repaired: false });
  });

  it('flags grouping commas that are not at thousands', () => {
    expect(parsed('23,60,23.00').irregularGrouping).toBe(true);
    expect(parsed('1,234,567.00').irregularGrouping).toBe(false);
    expect(parsed('1234567.00').irregularGrouping).toBe(false);
  });

  it('reads signs and percentages', () => {
    expect(parsed('-1,234.50')).toMatchObject({ negative: true, whole: '1234', fraction: '50' });
    expect(parsed('−0.05')).toMatchObject({ negative: true, whole: '0', fraction: '05' });
    expect(parsed('75.57%')).toMatchObject({ percent: true, whole: '75', fraction: '57' });
    expect(isAmountLike(parsed('75.57%'))).toBe(false);
  });

  it.each(['', '   ', 'abc', '合计', '12,', '1.2.3', '2024-12', '≥95%', '120人', '3,840.00元', '.', ',', '-'])('%j is not a number', (cell) => {
    expect(parseNumber(cell)).toBeNull();
  });

  it('knows the two halves of a number broken over two lines (沈阳 lines 294/296: `53,704` + `.00`)', () => {
    const head = parsed('53,704');
    const tail = parsed('.00');
    expect(head).toMatchObject({ whole: '53704', fraction: '' });
    expect(tail).toMatchObject({ whole: '', fraction: '00' });
    expect(toFen(parsed(`${head.text}${tail.text}`), '万元')).toBe(wan('53,704.00'));
  });

  it('tells amounts from codes and counts', () => {
    expect(isAmountLike(parsed('1.27'))).toBe(true);
    expect(isAmountLike(parsed('1,440'))).toBe(true);
    expect(isAmountLike(parsed('3029'))).toBe(false);
    expect(isAmountLike(parsed('152'))).toBe(false);
    for (const code of ['208', '3029', '30239', '2101103', '317001', '030239']) expect(isCodeToken(code)).toBe(true);
    for (const text of ['20', '21011031', '1.27', '30 239x']) expect(isCodeToken(text)).toBe(false);
  });
});

describe('toFen', () => {
  it.each([
    ['58,733.91', '万元', 58_733_910_000],
    ['0.08', '万元', 80_000],
    ['591.5', '万元', 591_500_000],
    ['13', '万元', 13_000_000],
    ['0.000001', '万元', 1],
    ['5,142,114.94', '元', 514_211_494],
    ['0.34', '元', 34],
    ['-1,234.50', '元', -123_450],
    ['.00', '万元', 0],
  ] as const)('%s %s = %d 分', (text, unit, fen) => {
    expect(toFen(parsed(text), unit)).toBe(fen);
  });

  it('gives the same amount in 元 and in 万元 for the same sum of money', () => {
    // 莲湖 prints 244,421.27元 (表5 line 446); the same money in 万元 is 24.442127.
    expect(toFen(parsed('244,421.27'), '元')).toBe(toFen(parsed('24.442127'), '万元'));
    expect(toFen(parsed('1.00'), '万元')).toBe(toFen(parsed('10,000.00'), '元'));
  });

  it('refuses digits finer than a 分 and amounts beyond exact integers', () => {
    expect(toFen(parsed('1.234'), '元')).toBeNull();
    expect(toFen(parsed('0.0000001'), '万元')).toBeNull();
    expect(toFen(parsed('90,071,992,547,409.93'), '元')).toBeNull();
    expect(toFen(parsed('90,071,992,547,409.91'), '元')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('is exact for every amount printed in the seed documents (no floating point)', () => {
    let seen = 0;
    for (const file of readdirSync(rawDir).filter((f) => f.endsWith('.txt'))) {
      for (const cell of readFileSync(join(rawDir, file), 'utf8').split(/[\t\n]/)) {
        const n = parseNumber(cell);
        if (!n || n.percent || n.fraction === '' || n.whole === '' || n.fraction.length > 2) continue;
        seen++;
        expect(toFen(n, '万元')).toBe(wan(n.text));
        expect(toFen(n, '元')).toBe(yuan(n.text));
      }
    }
    expect(seen).toBeGreaterThan(1500);
  });
});

describe('precisionFen', () => {
  it.each([
    ['58,733.91', '万元', 10_000],
    ['591.5', '万元', 100_000],
    ['13', '万元', 1_000_000],
    ['5,142,114.94', '元', 1],
    ['100', '元', 100],
  ] as const)('one last printed digit of %s %s is %d 分', (text, unit, fen) => {
    expect(precisionFen(parsed(text), unit)).toBe(fen);
  });
});

describe('toValue', () => {
  it('reads scores and rates as plain numbers', () => {
    expect(toValue(parsed('8.5573'))).toBe(8.5573);
    expect(toValue(parsed('98.21'))).toBe(98.21);
    expect(toValue(parsed('-3'))).toBe(-3);
    expect(toValue(parsed('.5'))).toBe(0.5);
  });
});
