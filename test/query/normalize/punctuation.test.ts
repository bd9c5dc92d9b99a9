import { describe, expect, it } from 'vitest';
import {
  cjkParentheses,
  collapseSpaces,
  stripDigitGrouping,
  stripQuotes,
  symbolsToSpaces,
} from '../../../src/query/normalize/punctuation.ts';

describe('stripDigitGrouping', () => {
  it.each([
    ['219,438.35', '219438.35'],
    ['1,234,567元', '1234567元'],
    ['2022,2023', '2022,2023'],
    ['1,23', '1,23'],
  ])('%s → %s', (input, expected) => expect(stripDigitGrouping(input)).toBe(expected));
});

describe('cjkParentheses', () => {
  it.each([
    ['因公出国(境)费', '因公出国（境）费'],
    ['因公出国（境）费', '因公出国（境）费'],
    ['(2023)', '(2023)'],
    ['曲阳(2023)', '曲阳（2023)'],
  ])('%s → %s', (input, expected) => expect(cjkParentheses(input)).toBe(expected));
});

describe('stripQuotes', () => {
  it.each([
    ['“三公”经费', '三公经费'],
    ['‘三公’', '三公'],
    ['"a"', 'a'],
    ["xi'an", 'xi an'],
    ['「莲湖」『北票』《预算法》〈注〉', '莲湖北票预算法注'],
  ])('%s → %s', (input, expected) => expect(stripQuotes(input)).toBe(expected));
});

describe('symbolsToSpaces', () => {
  it.each([
    ['曲阳？', '曲阳 '],
    ['1.5亿', '1.5亿'],
    ['a.b', 'a b'],
    ['10%', '10%'],
    ['2021-2023', '2021-2023'],
    ['--', '  '],
    ['😀', ' '],
    ['👍🏽', '  '],
    ['曲阳；抚顺', '曲阳 抚顺'],
    ['因公出国（境）费', '因公出国（境）费'],
  ])('%j → %j', (input, expected) => expect(symbolsToSpaces(input)).toBe(expected));
});

describe('collapseSpaces', () => {
  it('leaves one space between words and none around them', () => {
    expect(collapseSpaces('  曲阳 \t  三公  ')).toBe('曲阳 三公');
  });
});
