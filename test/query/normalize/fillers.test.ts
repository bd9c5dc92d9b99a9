import { describe, expect, it } from 'vitest';
import { removeFillers } from '../../../src/query/normalize/fillers.ts';

const tidy = (s: string) => removeFillers(s).replace(/\s+/g, ' ').trim();

describe('removeFillers', () => {
  it.each([
    ['请问曲阳的预算', '曲阳的预算'],
    ['请曲阳的预算', '曲阳的预算'],
    ['您好 请 帮我查一下 曲阳', '曲阳'],
    ['麻烦查一下莲湖', '莲湖'],
    ['帮我查北票的决算', '北票的决算'],
    ['我想知道抚顺的三公经费是多少钱', '抚顺的三公经费'],
    ['告诉我沈阳的项目支出有多少', '沈阳的项目支出'],
    ['绩效目标是什么', '绩效目标'],
    ['曲阳三公经费多少', '曲阳三公经费'],
    ['曲阳呢', '曲阳'],
    ['是这个吗 ', '是这个'],
    ['好啊 曲阳吧', '好 曲阳'],
    // Kept: 的, words that carry intent, and particles or 请 inside words
    ['对个人和家庭的补助', '对个人和家庭的补助'],
    ['哪些部门有哪些项目', '哪些部门有哪些项目'],
    ['哪个最高 前5 比 和 与 占 比例', '哪个最高 前5 比 和 与 占 比例'],
    ['申请 邀请 聘请', '申请 邀请 聘请'],
    // A figure's own word opening with 请 (metrics.json ask) keeps it; 请 before anything else is a polite opener.
    ['请客', '请客'],
    ['请问 请客吃饭花了多少', '请客吃饭花了'],
    ['请 曲阳三公', '曲阳三公'],
    ['呢子大衣', '呢子大衣'],
  ])('%s → %s', (input, expected) => {
    expect(tidy(input)).toBe(expected);
  });
});
