import { describe, expect, it } from 'vitest';
import { createPinyinResolver } from '../../../src/query/normalize/pinyin.ts';

// In order of importance, as the lexicon hands them over.
const phrases = [
  '曲阳',
  '莲湖',
  '北票',
  '抚顺',
  '沈阳',
  '西安',
  '三公',
  '三公经费',
  '经费',
  '公务接待费',
  '项目支出',
  '基本支出',
  '人员经费',
  '预算',
  '决算',
  '绩效目标',
  '明细',
  '因公出国（境）费',
  '银行',
  '吕梁',
  '县',
  '先',
  '2023年',
];
const resolve = createPinyinResolver(phrases);

describe('createPinyinResolver', () => {
  it.each([
    ['quyang 2023 sangong', '曲阳 2023 三公'],
    ['quyang2023sangongjingfei', '曲阳2023三公经费'],
    ['曲阳sangongjingfei', '曲阳三公经费'],
    ['shenyang yiyuan', '沈阳 yiyuan'],
    ['lianhu xiangmuzhichu', '莲湖 项目支出'],
    ['beipiao jixiaomubiao mingxi', '北票 绩效目标 明细'],
    ['fushun 2022 juesuan', '抚顺 2022 决算'],
    ['QuYang YuSuan', '曲阳 预算'],
    ['sangong jingfei', '三公经费'],
    ['gongwujiedaifei', '公务接待费'],
    ['yingongchuguojingfei', '因公出国（境）费'],
    // A syllable break typed by the user is respected: xi'an is 西安, xia n is nothing.
    ["xi'an", '西安'],
    ['xi an', '西安'],
    ['xia n', 'xia n'],
    // 西安 comes before 县 and 先 in the list, so it wins the shared spelling.
    ['xian', '西安'],
    // Other readings of a polyphone, and ü typed as v or u
    ['chenyang', '沈阳'],
    ['yinhang', '银行'],
    ['yinxing', '银行'],
    ['lvliang', '吕梁'],
    ['luliang', '吕梁'],
    // Initials of phrases of three characters or more, when only one phrase has them
    ['sgjf', '三公经费'],
    ['quyang xmzc', '曲阳 项目支出'],
    ['jbzc', '基本支出'],
    // Left alone
    ['drop table documents', 'drop table documents'],
    ['sg', 'sg'],
    ['abc123', 'abc123'],
    ['曲阳三公经费', '曲阳三公经费'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(resolve(input)).toBe(expected);
  });

  it('drops initials two phrases share', () => {
    const r = createPinyinResolver(['人员经费', '人员就费', '项目支出']);
    expect(r('ryjf')).toBe('ryjf');
    expect(r('xmzc')).toBe('项目支出');
  });

  it('prefers the earlier phrase when two are spelled alike', () => {
    expect(createPinyinResolver(['县', '西安'])('xian')).toBe('县');
    expect(createPinyinResolver(['西安', '县'])('xian')).toBe('西安');
  });

  it('builds a few thousand phrases quickly and resolves without pinyin-pro', () => {
    const pool = '预算决算收入支出项目基本人员经费公务接待用车运行维护出国境会议培训差旅采购政府财政拨款社会保障就业卫生健康教育科学技术文化旅游体育农林水交通运输住房城乡社区资源节能环保';
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
    const many: string[] = [];
    while (many.length < 3000) {
      let p = '';
      for (let i = 2 + random(6); i > 0; i--) p += pool[random(pool.length)];
      many.push(p);
    }
    let start = performance.now();
    const r = createPinyinResolver(['曲阳', '三公经费', ...many]);
    console.log(`createPinyinResolver: ${(performance.now() - start).toFixed(0)} ms for ${many.length + 2} phrases`);
    expect(r('quyang sangongjingfei')).toBe('曲阳 三公经费');
    const rounds = 10_000;
    start = performance.now();
    for (let i = 0; i < rounds; i++) r('quyang 2023 sangong jingfei');
    console.log(`pinyin resolve: ${(((performance.now() - start) / rounds) * 1000).toFixed(1)} µs per question`);
  });
});
