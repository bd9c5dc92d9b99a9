import { describe, expect, it } from 'vitest';
import { convertChineseNumerals, parseChineseNumeral } from '../../../src/query/normalize/numerals.ts';

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['三十五', 35],
    ['一百零五', 105],
    ['三百五', 350],
    ['一千四百四十', 1440],
    ['两千', 2000],
    ['一万五', 15000],
    ['一万零五百', 10500],
    ['三千五百万', 35_000_000],
    ['一亿五千万', 150_000_000],
    ['十万', 100_000],
    ['万', 10_000],
    ['二〇二三', 2023],
    ['二零二二', 2022],
  ] as const)('%s = %d', (run, value) => {
    expect(parseChineseNumeral(run)).toBe(value);
  });

  it.each(['', '一二百', '五零万', '三公'])('%j is not a number', (run) => {
    expect(parseChineseNumeral(run)).toBeNull();
  });
});

describe('convertChineseNumerals', () => {
  it.each([
    ['前五', '前5'],
    ['前十名', '前10名'],
    ['第三', '第3'],
    ['两个', '2个'],
    ['三项', '3项'],
    ['五辆', '5辆'],
    ['十二', '12'],
    ['编制 五 人', '编制 5 人'],
    ['三千五百万元', '3500万元'],
    ['一亿五千万', '1.5亿'],
    ['五万三千', '5.3万'],
    ['百分之十五', '15%'],
    // 点 spoken as a decimal point between numerals
    ['一点五亿', '1.5亿'],
    ['两点五万', '2.5万'],
    ['十二点零五万', '12.05万'],
    ['百分之九十九点五', '99.5%'],
    ['多一点', '多一点'],
    ['近三年', '近3年'],
    // Not quantities: fixed words and numerals inside ordinary words
    ['三公', '三公'],
    ['一般', '一般'],
    ['一级', '一级'],
    ['二级', '二级'],
    ['三级', '三级'],
    ['统一', '统一'],
    ['唯一', '唯一'],
    ['万一', '万一'],
    ['十分', '十分'],
    ['一站式', '一站式'],
    ['一次性', '一次性'],
    ['十三五', '十三五'],
    ['哪一个', '哪一个'],
    ['每一年', '每一年'],
    ['五家渠', '五家渠'],
    ['一些', '一些'],
    ['万元', '万元'],
    ['千万', '千万'],
    ['百姓', '百姓'],
  ])('%s → %s', (input, expected) => {
    expect(convertChineseNumerals(input)).toBe(expected);
  });
});
