// Undoing the PDF→text conversion's remnants, one raw line at a time, line numbers kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawDir } from '../../../src/config.ts';
import { readLines } from '../../../src/ingest/layout/lines.ts';
import { cleanLine, isRuleRow } from '../../../src/ingest/text/clean.ts';
import { SEEDS } from '../helpers.ts';

describe('cleanLine', () => {
  it.each([
    // 北票 line 341.
    ['<b>本年收入合计</b>\t27\t1,459.71\t<b>本年支出合计</b>\t58\t1,459.71', '本年收入合计\t27\t1,459.71\t本年支出合计\t58\t1,459.71'],
    // 北票 line 675: LaTeX comparison signs.
    ['预算执行\t预算执行效率\t预算调整率\t$\\leq$\t5\t%', '预算执行\t预算执行效率\t预算调整率\t<=\t5\t%'],
    ['社会效应\t社会效益\t医保电子凭证使用覆盖率\t$\\geq$\t90\t%', '社会效应\t社会效益\t医保电子凭证使用覆盖率\t>=\t90\t%'],
    ['$ \\le $ 5', '<= 5'],
    // 北票 lines 3–4: bold markers and markdown's two-space line break.
    ['**辽宁省朝阳市北票市医疗保障局  ', '辽宁省朝阳市北票市医疗保障局'],
    ['2024 年度部门决算**', '2024 年度部门决算'],
    ['1. **财政拨款收入**: 指单位从同级财政部门取得的财政预算资金。', '1. 财政拨款收入: 指单位从同级财政部门取得的财政预算资金。'],
    // Headings and list markers.
    ['# 收入支出决算总表', '收入支出决算总表'],
    ['#### (一) 收入总计 1459.71 万元，包括：', '(一) 收入总计 1459.71 万元，包括：'],
    ['- 一、主要职责', '一、主要职责'],
    // Escaped markdown (北票 line 196: `\*100%`).
    ['项目数\\*100%', '项目数*100%'],
    ['a<br>b<br/>c', 'a b c'],
    ['<span class="x">合计</span>', '合计'],
    ['收入总计\t648.07\r', '收入总计\t648.07'],
    // A markdown pipe row becomes a tab row.
    ['| 项目 | 金额 |', '项目\t金额'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanLine(raw)).toBe(clean);
  });

  it.each(['|---|---|', '| --- | :---: |', '--\t------------------------------\t--------\t--', '----------\t--------\t--\t--'])('%j is a rule row and cleans to nothing', (raw) => {
    expect(isRuleRow(raw)).toBe(true);
    expect(cleanLine(raw)).toBe('');
  });

  it('leaves table rows, numbers and negative amounts alone', () => {
    for (const raw of ['030239\t其他交通费用\t32.32\t32.32\t', '-1,234.00', '合 计\t236 ,02 3.0 6', '2024-12', '\t\t3029\t\t其他商品和服务支出\t1.27\t399\t其他支出']) {
      expect(isRuleRow(raw)).toBe(false);
    }
    expect(cleanLine('\t产出指标\t数量指标\t体检专家全年人次\t>=\t1668\t人次\t2023-12')).toBe('\t产出指标\t数量指标\t体检专家全年人次\t>=\t1668\t人次\t2023-12');
  });
});

describe('readLines', () => {
  it.each(Object.values(SEEDS))('keeps %s line for line', (file) => {
    const content = readFileSync(join(rawDir, file), 'utf8');
    const raw = content.split('\n');
    const lines = readLines(content);
    expect(lines).toHaveLength(raw.length);
    lines.forEach((l, i) => {
      expect(l.no).toBe(i + 1);
      expect(l.raw).toBe(raw[i]);
      expect(l.text).toBe(cleanLine(raw[i]!));
      expect(l.cells === null).toBe(!l.text.includes('\t'));
    });
    expect(lines.some((l) => /<\/?b>|\$\\[lg]eq\$|\*\*/.test(l.text))).toBe(false);
  });
});
