// The 内设机构 a text lists by name: 沈阳's bare numbered list and 莲湖's numbered paragraphs are read in order, each
// name at its raw line; a made-up text laid out another way is read by the same rule; a count alone lists nothing.
import { describe, expect, it } from 'vitest';
import { readLines } from '../../../src/ingest/layout/lines.ts';
import { readInternalDepartments } from '../../../src/ingest/prose/internal-departments.ts';
import { rawLine, rawLines, SEEDS } from '../helpers.ts';

const read = (content: string) => readInternalDepartments(readLines(content), new Set());

describe('内设机构 listed by name', () => {
  it('沈阳: 内设 14 个部，包括： then 1. 办公室 … 14. 公共业务服务部', () => {
    const offices = read(rawLines(SEEDS.shenyang).join('\n'));
    expect(offices).toHaveLength(14);
    expect(offices[10]).toMatchObject({ ordinal: 11, name: '结算部' });
    for (const o of offices) expect(rawLine(SEEDS.shenyang, o.line)).toContain(o.name);
  });

  it('莲湖: 设下列内设机构： then numbered paragraphs, each name before its duties', () => {
    const offices = read(rawLines(SEEDS.lianhu).join('\n'));
    expect(offices.map((o) => o.name)).toEqual(['办公室', '医保基金监管科', '综合管理科']);
    for (const o of offices) expect(rawLine(SEEDS.lianhu, o.line)).toMatch(new RegExp(`^${o.ordinal}\\.\\s*${o.name}`));
  });

  it('a list numbered with 、 and a heading ending it', () => {
    const text = ['（二）机构设置', '本局内设机构：', '1、办公室', '2、财务股；负责预算', '3、待遇保障股', '三、部门预算情况', '1、收入'].join('\n');
    expect(read(text).map((o) => `${o.ordinal}${o.name}@${o.line}`)).toEqual(['1办公室@3', '2财务股@4', '3待遇保障股@5']);
  });

  it('a count alone, or a numbered list under no 内设 sentence, lists nothing', () => {
    expect(read(['内设 5 个科室。', '1. 收入说明'].join('\n'))).toEqual([]);
    expect(read(['主要职责：', '1. 办公室', '2. 财务科'].join('\n'))).toEqual([]);
  });
});
