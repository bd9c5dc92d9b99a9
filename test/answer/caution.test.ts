// Verified or said to be unverified: a prose number printed with a letter for a
// digit, a figure a check contradicts, a table whose columns no identity confirms and
// a document cut off mid-table are each answered with a caution, never as plain fact;
// where a corroborated figure exists, it comes first. The documents are seeds damaged
// here in one place each, ingested once into a temporary database.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cautions, type Verification } from '../../src/answer/caution.ts';
import type { Queries } from '../../src/answer/data.ts';
import { createEngine } from '../../src/answer/engine.ts';
import type { Figure } from '../../src/answer/figures.ts';
import type { CatalogDocument } from '../../src/query/catalog.ts';
import type { AskResult, Engine } from '../../src/answer/types.ts';
import { ingest } from '../../src/ingest/run.ts';
import { rawLines, SEEDS, wan } from '../ingest/helpers.ts';
import { FIXTURES } from '../ingest/practice/truth.ts';

const DEFECTS = join(FIXTURES, 'defects');

let dir: string;
let engine: Engine;
/** The writer's defect documents (test/fixtures/practice/defects), each with one planted defect. */
let defects: Engine;

function damaged(seed: keyof typeof SEEDS, edit: (lines: string[]) => void): string {
  const lines = [...rawLines(SEEDS[seed])];
  edit(lines);
  return lines.join('\n');
}

function replaceOn(lines: string[], line: number, from: string, to: string): void {
  if (!lines[line - 1]!.includes(from)) throw new Error(`line ${line} does not print ${from}`);
  lines[line - 1] = lines[line - 1]!.replace(from, to);
}

// A table of two money columns that nothing else prints and no identity ties together.
const UNMAPPED_TABLE = ['部门预算项目支出明细表', '', '单位：万元', '', '项目名称\t上年预算数\t本年预算数', '医保稽核专项经费\t8.00\t9.50', ''];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yusuan-caution-'));
  const raw = join(dir, 'raw');
  mkdirSync(raw);
  // 曲阳: the “三公” sentence (line 434) prints 13.60 as `l3.60`; a table of unconfirmed columns before 七、国有资产信息.
  writeFileSync(
    join(raw, 'quyang.txt'),
    damaged('quyang', (l) => {
      replaceOn(l, 434, '预算安排13.60万元', '预算安排l3.60万元');
      l.splice(673, 0, ...UNMAPPED_TABLE);
    }),
  );
  // 抚顺: 表5 line 117 prints 210 卫生健康支出 as 58,443.61; 表1 (line 16) and 表3 (line 46) print 58,434.61.
  writeFileSync(join(raw, 'fushun.txt'), damaged('fushun', (l) => replaceOn(l, 117, '58,434.61', '58,443.61')));
  // 北票: cut off inside 公开03表's row 414 (`21011	行政事业单位医疗	20.3`).
  writeFileSync(
    join(raw, 'beipiao.txt'),
    damaged('beipiao', (l) => {
      l.splice(414);
      l[413] = l[413]!.slice(0, 19);
    }),
  );
  await ingest({ rawDir: raw, dbPath: join(dir, 'budget.sqlite') });
  engine = await createEngine({ dbPath: join(dir, 'budget.sqlite') });

  const practice = join(dir, 'defects');
  mkdirSync(practice);
  for (const f of readdirSync(DEFECTS).filter((f) => f.endsWith('.txt'))) copyFileSync(join(DEFECTS, f), join(practice, f));
  await ingest({ rawDir: practice, dbPath: join(dir, 'defects.sqlite') });
  defects = await createEngine({ dbPath: join(dir, 'defects.sqlite') });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cautioned = (r: AskResult) => r.text.split('\n').filter((l) => l.startsWith('⚠'));

describe('a garbled digit in the prose', () => {
  it('is answered with the caution that the number cannot be confirmed, quoting the line', () => {
    const r = engine.ask('曲阳 2023 三公经费');
    expect(r.status).toBe('answered');
    const lead = r.answers[0]!;
    expect(lead.source.line).toBe(434);
    expect(lead.corroboration).toBe('garbled');
    expect(cautioned(r).join('\n')).toContain('⚠ 未经核实：正文第434行的数字印有非数字字符（原文印作“l3.60万元”），“三公”经费的数字无法确认。');
  });
});

describe('a contradicted figure', () => {
  it('comes after the corroborated figure, and the answer says which check fails', () => {
    const r = engine.ask('抚顺 2024 卫生健康支出');
    expect(r.status).toBe('answered');
    expect(r.answers[0]).toMatchObject({ amount_yuan: wan('58,434.61') / 100, corroboration: 'rule' });
    const wrong = r.answers.find((a) => a.source.line === 117)!;
    expect(wrong).toMatchObject({ amount_yuan: wan('58,443.61') / 100, corroboration: 'contradicted' });
    expect(r.answers.indexOf(wrong)).toBeGreaterThan(0);
    const text = cautioned(r).join('\n');
    expect(text).toContain('第117行');
    expect(text).toMatch(/核对未通过.*未经核实/);
    // The check itself is named: its rule's message with both lines' figures.
    expect(text).toMatch(/58,443\.61|58443\.61|不一致|各项相加/);
  });

  it('the figures that agree with every check are still given plainly', () => {
    const r = engine.ask('抚顺 2024 住房公积金');
    expect(r.status).toBe('answered');
    expect(r.answers[0]!.corroboration).toBe('rule');
    expect(cautioned(r)).toEqual([]);
  });
});

describe('an unconfirmed column mapping', () => {
  it('is answered with the caution that no identity confirms which column is which', () => {
    const r = engine.ask('曲阳 2023 医保稽核专项经费');
    expect(r.status).toBe('answered');
    expect(r.answers[0]).toMatchObject({ amount_yuan: wan('9.50') / 100, corroboration: 'unmapped' });
    expect(cautioned(r).join('\n')).toContain('没有任何勾稽关系能印证各栏的含义');
  });
});

describe('a document cut off mid-table', () => {
  it('is said to be incomplete in every answer from it', () => {
    const r = engine.ask('北票 2024 社会保障和就业支出');
    expect(r.status).toBe('answered');
    expect(cautioned(r).join('\n')).toMatch(/⚠ 《.*北票.*》不完整：文件在第414行中断（第414行只有3栏.*），表中数字可能不全。/);
  });

  it('other documents are not', () => {
    expect(cautioned(engine.ask('抚顺 2024 住房公积金')).join('\n')).not.toContain('不完整');
  });
});

describe('figures nothing corroborates', () => {
  const doc = { id: 1, display: '某县民政局2024年部门预算', truncated_at: null, truncation: null } as CatalogDocument;
  const none = { status: 'none', checkId: null, garbled: false } as const;
  const queries = { failedChecks: () => [] } as unknown as Queries;
  const figure = (label: string, line: number, verification: Verification): Figure => ({
    document: doc, entity: '某县民政局', year: 2024, basis: '预算', label, fen: 100, value: null, unit: null, printedIn: '万元',
    table: '政府采购预算表（表9）', column: '金额', line, raw: '0.01', precision: 100, change: null, rank: line, verification,
  });

  it('a lone figure is said to be unverified', () => {
    expect(cautions(queries, [figure('复印纸', 40, none)], [])).toEqual(['（此数没有勾稽关系或正文可以印证，未经核对。）']);
  });

  it('each of several is named, not only the first', () => {
    const verified = { status: 'rule', checkId: 7, garbled: false } as const;
    const lines = cautions(queries, [figure('复印纸', 40, verified), figure('硒鼓', 41, none), figure('打印机', 42, none)], []);
    expect(lines).toEqual(['（“硒鼓”（政府采购预算表（表9）第41行）、“打印机”（政府采购预算表（表9）第42行）没有勾稽关系或正文可以印证，未经核对。）']);
  });
});

describe('the practice defect documents', () => {
  it('a contradicted figure: the figure the checks back comes first, the contradicted one is said to be unverified', () => {
    // 湘潭县卫生健康局 表7: 合计 公务接待费 printed 4.27 (line 256); its units print 3.07 and nothing; the prose says 3.07.
    const r = defects.ask('湘潭县 2024 公务接待费');
    expect(r.status).toBe('answered');
    expect(r.answers[0]).toMatchObject({ amount_yuan: 30_700, corroboration: 'rule' });
    const wrong = r.answers.find((a) => a.source.line === 256)!;
    expect(wrong).toMatchObject({ amount_yuan: 42_700, corroboration: 'contradicted' });
    const text = cautioned(r).join('\n');
    expect(text).toContain('各单位之和：印有 4.27万元，各项相加为 3.07万元');
    expect(text).toMatch(/核对未通过，“公务接待费”（.*第256行）未经核实/);
  });

  it('a garbled prose number: the table’s figure answers, never the garbled one', () => {
    // 巍山彝族回族自治县民政局 line 369: “支出决算为 7.S9 万元”; 公开10表 prints 7.59.
    const r = defects.ask('巍山 2023 三公经费');
    expect(r.status).toBe('answered');
    expect(r.answers[0]).toMatchObject({ amount_yuan: 75_900, corroboration: 'rule' });
    expect(r.answers.some((a) => a.corroboration === 'garbled')).toBe(false);
  });

  it('an unconfirmable column mapping: its figures are answered as unverified', () => {
    // 炎陵县自然资源局 表10 政府采购预算表 prints 金额（万元） over two columns.
    const r = defects.ask('炎陵 2025 地质灾害隐患点监测');
    expect(r.status).toBe('answered');
    const unmapped = r.answers.filter((a) => a.source.table?.includes('政府采购预算表'));
    expect(unmapped.length).toBeGreaterThan(0);
    for (const a of unmapped) expect(a.corroboration).toBe('unmapped');
    expect(cautioned(r).join('\n')).toContain('政府采购预算表（表10）有多个金额栏，没有任何勾稽关系能印证各栏的含义');
  });

  it('a truncated document: a figure not found there says the document is cut off', () => {
    // 会议费 would be in the tables after line 171 that the file no longer has.
    const r = defects.ask('芦溪 2024 会议费');
    expect(r.status).toBe('not_found');
    expect(cautioned(r).join('\n')).toMatch(/《芦溪县水利局2024年部门预算》不完整：文件在第171行中断（.*），没有找到的数字可能在缺失的部分。/);
    // A document printed whole says nothing of the kind.
    const whole = defects.ask('巍山 2023 物业管理费');
    expect(whole.status).toBe('not_found');
    expect(whole.text).not.toContain('不完整');
  });

  it('a truncated document: every answer from it says so', () => {
    // 芦溪县水利局 stops at line 171, in 支出预算总表.
    for (const q of ['芦溪 2024 住房公积金', '芦溪 2024 事业单位医疗']) {
      const r = defects.ask(q);
      expect(r.status, q).toBe('answered');
      expect(cautioned(r).join('\n'), q).toMatch(/不完整：文件在第171行中断（.*断在“94,87”.*），表中数字可能不全。/);
      // The cell it breaks off in is no figure.
      expect(r.answers.some((a) => a.source.raw === '94,87'), q).toBe(false);
    }
  });
});
