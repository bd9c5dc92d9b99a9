import { describe, expect, it } from 'vitest';
import { foldWidth } from '../../../src/query/normalize/width.ts';

describe('foldWidth', () => {
  it.each([
    ['２０２３', '2023'],
    ['ＡＢＣ', 'abc'],
    ['ｑｕｙａｎｇ', 'quyang'],
    ['１００％', '100%'],
    ['？！，．', '?!,.'],
    ['曲阳　三公', '曲阳 三公'],
    ['因公出国（境）费', '因公出国（境）费'],
    ['a\tb\nc\u00a0d', 'a b c d'],
    ['曲\u200b阳\ufeff', '曲阳'],
  ])('%j → %j', (input, expected) => expect(foldWidth(input)).toBe(expected));
});
