// Headcounts the text states of the people a figure is spent on: 北票's 全市 73 名离休干部 (a 绩效 table cell, printed
// twice on its line: read once), 曲阳's 6 名公益性岗位工作人员, a made-up sentence with the count after the people; a
// number of people no word of the list names, and an amount, are not read.
import { describe, expect, it } from 'vitest';
import { readLines } from '../../../src/ingest/layout/lines.ts';
import { readHeadcounts } from '../../../src/ingest/prose/headcounts.ts';
import { rawLine, rawLines, SEEDS } from '../helpers.ts';

const read = (content: string) => readHeadcounts(readLines(content));

describe('headcounts the text states', () => {
  it('北票: 全市 73 名离休干部, once for its line', () => {
    const found = read(rawLines(SEEDS.beipiao).join('\n')).filter((h) => h.people === '离休干部');
    expect(found).toEqual([expect.objectContaining({ people: '离休干部', count: 73, unit: '名', line: 791 })]);
    expect(rawLine(SEEDS.beipiao, 791)).toContain('73 名离休干部');
  });

  it('曲阳: 6 名公益性岗位工作人员', () => {
    const found = read(rawLines(SEEDS.quyang).join('\n'));
    expect(found).toContainEqual(expect.objectContaining({ people: '公益性岗位工作人员', count: 6, line: 512 }));
  });

  it('a count after the people, and nothing that is no headcount', () => {
    const found = read('本单位现有退休人员 12 人，离休干部共3名。\n人均 500 元。\n培训 30 人次。');
    expect(found.map((h) => [h.people, h.count, h.unit])).toEqual([
      ['退休人员', 12, '人'],
      ['离休干部', 3, '名'],
    ]);
  });
});
