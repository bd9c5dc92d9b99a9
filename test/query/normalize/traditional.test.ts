import { describe, expect, it } from 'vitest';
import { toSimplified } from '../../../src/query/normalize/traditional.ts';

describe('toSimplified', () => {
  it.each([
    ['曲陽 2023 三公經費', '曲阳 2023 三公经费'],
    ['醫療保障局', '医疗保障局'],
    ['瀋陽', '沈阳'],
    ['幹部', '干部'],
    ['餘額', '余额'],
    ['頭髮', '头发'],
    ['臺灣', '台湾'],
    ['裏面', '里面'],
    ['麵條', '面条'],
  ])('%s → %s', (input, expected) => expect(toSimplified(input)).toBe(expected));

  // Simplified budget words must come back untouched: 干/余/发/台/里/面 each stand for several traditional characters.
  it.each([
    '公务用车运行维护费',
    '对个人和家庭的补助',
    '机关事业单位基本养老保险缴费支出',
    '住房公积金',
    '三公经费',
    '因公出国（境）费',
    '政府采购',
    '项目支出',
    '医疗保障事务服务中心',
    '莲湖',
    '北票',
    '抚顺',
    '沈阳',
    '曲阳',
    '西安',
    '干部 干燥 余额 结余 发放 头发 台州 里面 面积 系统 范围 制度 准备 历年 汇总 复核 发票',
  ])('%s stays', (word) => expect(toSimplified(word)).toBe(word));
});
