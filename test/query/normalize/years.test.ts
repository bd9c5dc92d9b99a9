import { describe, expect, it } from 'vitest';
import { normalizeYears } from '../../../src/query/normalize/years.ts';

describe('normalizeYears', () => {
  it.each([
    ['二〇二三年', '2023年'],
    ['二零二三年', '2023年'],
    ['二〇二三年度', '2023年'],
    ['2023年度', '2023年'],
    ['23年', '2023年'],
    ['23年度', '2023年'],
    ['00年', '2000年'],
    ['曲阳22年决算', '曲阳2022年决算'],
    ['2023年', '2023年'],
    ['2023', '2023'],
    ['23人', '23人'],
    ['123年', '123年'],
    ['1.23年', '1.23年'],
    ['近10年', '近10年'],
    ['过去 10年', '过去 10年'],
    ['连续12年', '连续12年'],
    ['二三年', '二三年'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeYears(input)).toBe(expected);
  });
});
