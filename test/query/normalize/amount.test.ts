import { describe, expect, it } from 'vitest';
import { expandArabicMultipliers, parseAmountYuan, shiftDecimal } from '../../../src/query/normalize/amount.ts';

describe('parseAmountYuan', () => {
  it.each([
    ['13.6万元', 136_000],
    ['13.60万', 136_000],
    ['1.5亿', 150_000_000],
    ['219,438.35元', 219_438.35],
    ['219438.35', 219_438.35],
    ['１００万元', 1_000_000],
    ['0.01万元', 100],
    ['1.1万', 11_000],
    ['3千万', 30_000_000],
    ['-5.2万元', -52_000],
    ['三千五百万元', 35_000_000],
    ['十万', 100_000],
    [' 100 元 ', 100],
  ] as const)('%j = %d 元', (text, yuan) => {
    expect(parseAmountYuan(text)).toBe(yuan);
  });

  it.each(['', '元', '万元', '万一', 'abc', '1.2.3', '13.6美元', '三公'])('%j is no amount', (text) => {
    expect(parseAmountYuan(text)).toBeNull();
  });
});

describe('shiftDecimal', () => {
  it.each([
    ['13.6', 4, '136000'],
    ['1.1', 4, '11000'],
    ['0.05', 1, '0.5'],
    ['219438.35', 0, '219438.35'],
    ['1.23456789', 4, '12345.6789'],
    ['007', 2, '700'],
  ] as const)('%s × 10^%d = %s', (n, places, expected) => {
    expect(shiftDecimal(n, places)).toBe(expected);
  });
});

describe('expandArabicMultipliers', () => {
  it.each([
    ['3千万', '3000万'],
    ['1.2千万元', '1200万元'],
    ['5百元', '500元'],
    ['100万', '100万'],
    ['千万', '千万'],
    ['超过1个亿', '超过1亿'],
    ['2个亿元', '2亿元'],
    ['3个项目', '3个项目'],
  ])('%s → %s', (input, expected) => {
    expect(expandArabicMultipliers(input)).toBe(expected);
  });
});
