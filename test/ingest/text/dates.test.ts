// Reading the date a figure stands at: explicit dates, year ends relative to the
// document's fiscal year, and the `截止时间：` line printed with a table.
import { describe, expect, it } from 'vitest';
import { parseMeta } from '../../../src/ingest/layout/meta.ts';
import { asOfStatements, readDate } from '../../../src/ingest/text/dates.ts';

describe('readDate', () => {
  it.each([
    ['2022-12-31', '2022-12-31'],
    ['2022年12月31日', '2022-12-31'],
    ['2023 年 6 月 30 日', '2023-06-30'],
    ['2022.12.31', '2022-12-31'],
    ['2022/1/5', '2022-01-05'],
  ])('%s → %s', (text, iso) => {
    expect(readDate(text)).toBe(iso);
  });

  it.each(['2022-13-01', '2022-12-32', '2022年', '', '截止时间'])('%j is not a date', (text) => {
    expect(readDate(text)).toBeNull();
  });
});

describe('asOfStatements', () => {
  const dates = (sentence: string, year: number) => asOfStatements(sentence, year).map((d) => d.date);

  it.each([
    ['截至 2022 年 12 月 31 日，共有车辆 2 辆', 2023, ['2022-12-31']],
    ['截止到2024年12月31日，共有车辆1辆', 2024, ['2024-12-31']],
    ['截止上年底，本部门人员编制20人', 2024, ['2023-12-31']],
    ['上年末固定资产金额为 159.69 万元', 2023, ['2022-12-31']],
    ['截至年末使用财政拨款开支运行维护费的公务用车保有量 1 辆', 2024, ['2024-12-31']],
    ['截至当年年底共有车辆 3 辆', 2024, ['2024-12-31']],
    ['截至2023年末，共有车辆1辆', 2024, ['2023-12-31']],
  ] as const)('%s (fiscal %i) → %j', (sentence, year, expected) => {
    expect(dates(sentence, year)).toEqual(expected);
  });

  it.each([
    '(三) 年末结转和结余 0.00 万元。',
    '2023 年单位预算安排购置车辆 1 台，安排单位价值 200 万元以上大型设备 0 台。',
    '2024年因公出国(境)费与上年持平',
  ])('finds none in %s', (sentence) => {
    expect(dates(sentence, 2024)).toEqual([]);
  });

  it('says where each statement ends, so it dates only the figures after it', () => {
    const sentence = '当年购置公务用车 0 辆。截至年末保有量 1 辆';
    const [d] = asOfStatements(sentence, 2024);
    expect(sentence.slice(0, d!.end)).toBe('当年购置公务用车 0 辆。截至年末');
  });
});

describe('the date line printed with a table', () => {
  it('is read as the date its figures stand at', () => {
    expect(parseMeta('截止时间：2022-12-31')).toEqual({ kind: 'as_of', date: '2022-12-31' });
    expect(parseMeta('截至日期: 2023年12月31日')).toEqual({ kind: 'as_of', date: '2023-12-31' });
  });

  it('is still no title when its date cannot be read', () => {
    expect(parseMeta('截止时间：')).toEqual({ kind: 'other' });
  });
});
