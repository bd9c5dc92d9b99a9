// Figures stated in the prose, as answers show them: a change is cited from the
// line that states it (not its figure's), and a stock says the date it stands at.
// Every expected line is checked against the raw file.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AskResult, Engine } from '../../src/answer/types.ts';
import { testEngine } from '../helpers/engine.ts';
import { noSpaces, rawLine, SEEDS, type Seed } from '../ingest/helpers.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
});

/** The 正文 lines the 来源 line cites, in order. */
function proseLinesCited(r: AskResult): number[] {
  const sources = r.text.split('\n').find((l) => l.startsWith('来源：')) ?? '';
  const cited = /正文第([\d、]+)行/.exec(sources)?.[1];
  return cited ? cited.split('、').map(Number) : [];
}

interface ChangeCase {
  q: string;
  seed: Seed;
  /** The figure's own line. */
  figure: number;
  /** The line stating the change. */
  stated: number;
  /** The change as the answer says it, and as printed on the stated line (without spaces). */
  says: string;
  printed: string;
}

const CHANGES: ChangeCase[] = [
  // `与上年相比，今年支出增加 822.57 万元…` (line 104) of the 支出总计 of line 96.
  { q: '北票 支出 比上年', seed: 'beipiao', figure: 96, stated: 104, says: '比上年增加822.57万元（增长129.10%）', printed: '今年支出增加822.57万元，增长129.10%' },
  // Under `3、比上年增减情况`: `基本支出增加40.05万元` (line 426) of the 基本支出 of line 422.
  { q: '曲阳 基本支出 比上年', seed: 'quyang', figure: 422, stated: 426, says: '比2022年预算增加40.05万元', printed: '基本支出增加40.05万元' },
  // The sentence runs from line 727 into 729, where this change is printed.
  { q: '沈阳 公务用车购置及运行费 比上年', seed: 'shenyang', figure: 727, stated: 729, says: '比2022年预算数增加18.00万元', printed: '公务用车购置及运行费比2022年预算数增加18万元' },
  // Stated without a figure, a paragraph later: `2024年因公出国(境)费与上年持平`.
  { q: '北票 因公出国 比上年', seed: 'beipiao', figure: 160, stated: 162, says: '与上年持平', printed: '因公出国(境)费与上年持平' },
];

describe('a change stated in the prose is cited from its own line', () => {
  it.each(CHANGES.map((c) => [c.q, c] as const))('%s', (_, c) => {
    const r = engine.ask(c.q);
    expect(r.status, r.text).toBe('answered');
    const statement = r.text.split('\n').find((l) => l.startsWith('文中说明：'));
    expect(statement, r.text).toContain(c.says);
    expect(noSpaces(rawLine(SEEDS[c.seed], c.stated))).toContain(c.printed);
    // Both the figure's line and the change's line are cited.
    expect(proseLinesCited(r)).toEqual([c.figure, c.stated]);
    const change = r.answers.find((a) => a.source.line === c.stated);
    expect(change, JSON.stringify(r.answers)).toBeDefined();
    expect(change!.source.table).toBeNull();
    expect(change!.source.file).toBe(SEEDS[c.seed]);
    expect(noSpaces(change!.source.raw ?? '')).toContain(c.printed);
  });

  it('leads with the change (比上年 asks how it changed), the figure itself after it, each cited from its own line', () => {
    const r = engine.ask('北票 支出 比上年');
    // The change is a figure of its own, with its own amount, at the line stating it.
    expect(r.answers[0]).toMatchObject({ amount_yuan: 8225700, source: { line: 104 } });
    expect(r.answers.find((a) => a.source.line === 96)).toMatchObject({ label: '支出总计', amount_yuan: 14597100, source: { table: null } });
    expect(noSpaces(rawLine(SEEDS.beipiao, 96))).toContain('支出总计1459.71万元');
  });

  it('cites one line when the figure and its change share it', () => {
    const r = engine.ask('莲湖 机关运行经费 比上年');
    expect(r.text).toContain('比上年增加3.74万元');
    expect(proseLinesCited(r)).toEqual([293]);
    expect(noSpaces(rawLine(SEEDS.lianhu, 293))).toContain('机关运行经费预算安排9.32万元，较上年增加3.74万元');
  });
});

interface AsOfCase {
  q: string;
  seed: Seed;
  line: number;
  /** The answer's figure and its date. */
  says: string;
  /** How the line prints them (without spaces). */
  printed: string[];
  table?: string;
}

const AS_OF: AsOfCase[] = [
  { q: '沈阳 车辆', seed: 'shenyang', line: 743, says: '车辆：2辆（截至2022年12月31日）', printed: ['截至2022年12月31日', '共有车辆2辆'] },
  // A 2024 预算: 上年底 is the end of 2023.
  { q: '莲湖 实有人员', seed: 'lianhu', line: 166, says: '实有人员：14人（截至2023年12月31日）', printed: ['截止上年底', '实有人员14人'] },
  { q: '莲湖 人员编制', seed: 'lianhu', line: 166, says: '人员编制：20人（截至2023年12月31日）', printed: ['截止上年底', '人员编制20人'] },
  { q: '北票 车辆', seed: 'beipiao', line: 188, says: '车辆：1辆（截至2024年12月31日）', printed: ['截至2024年12月31日', '共有车辆1辆'] },
  // A 2024 决算: 截至年末 is the end of 2024.
  { q: '北票 公务用车保有量', seed: 'beipiao', line: 168, says: '保有量：1辆（截至2024年12月31日）', printed: ['截至年末', '保有量1辆'] },
  // From the table printed under `截止时间：2022-12-31`.
  { q: '曲阳 固定资产', seed: 'quyang', line: 685, says: '固定资产：159.69万元（截至2022年12月31日）', printed: ['资产总额', '159.69'], table: '部门固定资产占用情况表' },
];

describe('a stock says the date it stands at', () => {
  it.each(AS_OF.map((a) => [a.q, a] as const))('%s', (_, a) => {
    const r = engine.ask(a.q);
    expect(r.status, r.text).toBe('answered');
    expect(r.text).toContain(a.says);
    // The JSON says the date too, as ISO: 截至2022年12月31日 → 2022-12-31.
    const [, y, m, d] = /截至(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(a.says)!;
    expect(r.answers[0]!.as_of).toBe(`${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`);
    expect(r.answers[0]!.source.line).toBe(a.line);
    expect(r.answers[0]!.source.table).toBe(a.table ?? null);
    const printed = noSpaces(rawLine(SEEDS[a.seed], a.line));
    for (const p of a.printed) expect(printed).toContain(p);
  });

  it('曲阳’s table date is printed above its figures', () => {
    expect(rawLine(SEEDS.quyang, 682)).toBe('截止时间：2022-12-31');
  });

  it('沈阳 车辆 is the 2 vehicles held, not the 1 planned for purchase', () => {
    const r = engine.ask('沈阳 车辆');
    expect(r.answers[0]).toMatchObject({ value: 2, unit: '辆', source: { line: 743 } });
    expect(r.answers.some((a) => a.source.line === 745)).toBe(false);
    expect(r.text).not.toContain('1台');
    expect(noSpaces(rawLine(SEEDS.shenyang, 745))).toContain('2023年单位预算安排购置车辆1台');
  });

  it('a planned purchase is asked for apart, and carries no date', () => {
    const r = engine.ask('沈阳 购置车辆');
    expect(r.answers[0]).toMatchObject({ value: 1, unit: '台', source: { line: 745 } });
    expect(r.text).toContain('购置车辆：1台');
    expect(r.text).not.toContain('截至');
  });

  it('a stock shown with its parts says the date once (曲阳 lines 685, 688, 690)', () => {
    const r = engine.ask('曲阳 固定资产');
    expect(r.text.match(/截至2022年12月31日/g)).toHaveLength(1);
    expect(r.answers.map((a) => a.source.line)).toEqual(expect.arrayContaining([685, 688, 690]));
  });

  it('a count takes its unit from the row label it was printed under (曲阳 line 688 “2、车辆（台、辆）”)', () => {
    const r = engine.ask('曲阳 车辆');
    expect(noSpaces(rawLine(SEEDS.quyang, 688))).toContain('2、车辆（台、辆）3');
    expect(r.answers[0]).toMatchObject({ value: 3, unit: '台/辆', source: { line: 688 } });
    expect(r.text).toContain('车辆：3台/辆');
  });

  it('北票 车辆 is the 1 vehicle held (line 188), not the 财政拨款-funded 保有量 (line 168), which is asked for apart', () => {
    expect(engine.ask('北票 车辆').answers[0]).toMatchObject({ value: 1, unit: '辆', source: { line: 188 } });
    expect(noSpaces(rawLine(SEEDS.beipiao, 168))).toContain('使用财政拨款开支运行维护费的公务用车保有量1辆');
    const funded = engine.ask('北票 公务用车保有量');
    expect(funded.answers[0]).toMatchObject({ value: 1, source: { line: 168 } });
    expect(funded.text).toContain('财政拨款开支运行维护费的公务用车保有量');
  });

  it('a figure the text does not date says no date', () => {
    const r = engine.ask('曲阳 2023 三公经费');
    expect(r.status).toBe('answered');
    expect(r.text).not.toContain('截至');
    expect(r.answers.every((a) => a.as_of === null)).toBe(true);
  });
});
