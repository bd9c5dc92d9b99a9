import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../../src/query/normalize/corrections.ts';
import { normalizeQuestion } from '../../../src/query/normalize/index.ts';

describe('a typist correcting themselves', () => {
  it.each([
    // The words after the marker replace the phrase whose start they repeat.
    ['北票三公经费比上年降了多少个百分点 不对 我是说降了百分之多少', '北票三公经费比上年降了百分之多少'],
    ['抚顺的人员经费 我的意思是人员编制', '抚顺的人员编制'],
    ['沈阳2023年邮电费 应该是2022年邮电费', '沈阳2022年邮电费'],
    // Repeating nothing, they are the question; a marker with nothing after it is dropped.
    ['抚顺的三公经费 不对 沈阳的', '沈阳的'],
    ['莲湖的邮电费 不对', '莲湖的邮电费'],
    // Inside a clause, with no pause before it, a marker is a plain word.
    ['沈阳三公经费应该是多少', '沈阳三公经费应该是多少'],
  ])('%s → %s', (typed, read) => expect(applyCorrections(typed)).toBe(read));

  it('runs after punctuation is read as pauses', () => {
    expect(normalizeQuestion('北票三公经费比上年降了多少个百分点，不对，我是说降了百分之多少？')).toBe('北票三公经费比上年降了百分之');
  });
});

describe('、 between words', () => {
  it('stays, as the conjunction it is; elsewhere it is a pause', () => {
    expect(normalizeQuestion('抚顺、大连的三公经费')).toBe('抚顺、大连的三公经费');
    expect(normalizeQuestion('抚顺、')).toBe('抚顺');
    expect(normalizeQuestion('、抚顺')).toBe('抚顺');
  });
});

describe('an ordinal in brackets', () => {
  it('is the ordinal', () => {
    expect(normalizeQuestion('自评结果里第（3）个项目')).toBe('自评结果里第3个项目');
    expect(normalizeQuestion('第(12)项')).toBe('第12项');
  });
});
