// The short lines between a table's title and its header: a year written with 年 or 年度 after
// the number is a year line, never the table's title (a title taken from it left every table of
// a document with such lines unclassified).
import { describe, expect, it } from 'vitest';
import { parseMetaLine } from '../../../src/ingest/layout/meta.ts';

describe('parseMetaLine: the year a table covers', () => {
  it.each(['预算年度：2025', '预算年度：2025年', '预算年度: 2025 年', '决算年度：2025年度', '年度：2025'])('%s', (line) => {
    expect(parseMetaLine(line)).toEqual([{ kind: 'year', year: 2025 }]);
  });

  it('a title naming a year stays a title', () => {
    expect(parseMetaLine('2025年部门收支总表')).toBeNull();
  });
});
