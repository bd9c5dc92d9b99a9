// Performance goals stated in the prose (曲阳 lines 438–470) rather than in a
// 整体绩效目标表: stored as the department's owner with one target per indicator
// sentence, each checked against its raw line; a made-up document laid out the same
// way is read by the same vocabulary; a document with a 整体绩效目标表 gets no second owner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/ingest/document/parse.ts';
import { readLines } from '../../src/ingest/layout/lines.ts';
import { paragraphsOf } from '../../src/ingest/prose/paragraphs.ts';
import { readProseGoals } from '../../src/ingest/prose/performance.ts';
import type { Store } from '../../src/store/db.ts';
import { noSpaces, openSeedStore, rawLine, rawLines, SEEDS } from './helpers.ts';

let store: Store;
beforeAll(() => {
  store = openSeedStore();
});
afterAll(async () => {
  await store.close();
});

interface Target {
  line: number;
  level1: string | null;
  level3: string;
  description: string;
  operator: string | null;
  target_value: string | null;
  target_number: number | null;
  target_unit: string | null;
  raw_text: string;
}

const proseOwners = (file: string) =>
  store.sqlite
    .prepare(
      `select o.id, o.name, o.line, o.goal, o.owner_kind, u.name as unit from performance_owners o join documents d on d.id = o.document_id
       left join units u on u.id = o.unit_id where d.file = ? and o.table_id is null`,
    )
    .all(file) as { id: number; name: string; line: number; goal: string; owner_kind: string; unit: string | null }[];

describe('曲阳 部门整体绩效目标, stated in the prose', () => {
  it('is one owner: the department, from `第一部分 部门整体绩效目标` (line 438)', () => {
    const owners = proseOwners(SEEDS.quyang);
    expect(owners).toHaveLength(1);
    expect(owners[0]).toMatchObject({ name: '曲阳县医疗保障局', owner_kind: 'unit', unit: '曲阳县医疗保障局', line: 438 });
    expect(rawLine(SEEDS.quyang, 438)).toBe('第一部分 部门整体绩效目标');
  });

  it('keeps the 总体 goals (lines 442–450) and each 分项 goal text (lines 456, 462, 468) as its goal', () => {
    const goal = proseOwners(SEEDS.quyang)[0]!.goal;
    expect(goal.split('\n')).toHaveLength(8);
    expect(goal).toContain(rawLine(SEEDS.quyang, 442));
    expect(goal).toContain(rawLine(SEEDS.quyang, 450));
    // `1.保障城乡居民和贫困人口基本医疗权益` (line 454) names the goal of line 456.
    expect(goal).toContain(`保障城乡居民和贫困人口基本医疗权益：${rawLine(SEEDS.quyang, 456).replace('绩效目标：', '')}`);
    expect(goal).not.toContain('绩效指标');
  });

  // Read off the raw file: lines 458, 464 and 470 print the 绩效指标 sentences.
  const EXPECTED = [
    { line: 458, level1: '保障城乡居民和贫困人口基本医疗权益', level3: '全县城乡居民参保人数', description: '全县城乡居民参保人数达到 52 万。', operator: null, value: '52万', number: 52, unit: '万' },
    { line: 458, level3: '参保人政策范围内住院报销比例', description: '参保人政策范围内住院报销比例平均达到 75%。', operator: null, value: '75%', number: 75, unit: '%' },
    { line: 458, level3: '将高血压、糖尿病等门诊用药纳入医保报销范围', description: '将高血压、糖尿病等门诊用药纳入医保报销范围。', operator: null, value: null, number: null, unit: null },
    { line: 458, level3: '贫困人口县域内政策范围内住院报销比例', description: '贫困人口县域内政策范围内住院报销比例达到 90%。', operator: null, value: '90%', number: 90, unit: '%' },
    { line: 464, level1: '保障城乡困难群众基本医疗权益', level3: '特困人员、低保对象在年度救助限额内政策范围内的住院救助比例', description: '特困人员、低保对象在年度救助限额内政策范围内的住院救助比例达到 70%。', operator: null, value: '70%', number: 70, unit: '%' },
    { line: 464, level3: '特困人员、低保对象的住院医疗救助实现与基本医保、大病保险的“一站式”直接结算', description: '特困人员、低保对象的住院医疗救助实现与基本医保、大病保险的“一站式”直接结算。', operator: null, value: null, number: null, unit: null },
    { line: 470, level1: '扩大城镇基本医疗保险覆盖面', level3: '将城镇职工基本医疗保险和城乡居民基本医疗保险参保率', description: '将城镇职工基本医疗保险和城乡居民基本医疗保险参保率巩固在 95%以上。', operator: '≥', value: '95%', number: 95, unit: '%' },
  ];

  it('stores each 绩效指标 sentence as a target, with the figure it states', () => {
    const targets = store.sqlite.prepare('select * from performance_targets where owner_id = ? order by id').all(proseOwners(SEEDS.quyang)[0]!.id) as Target[];
    expect(targets).toHaveLength(EXPECTED.length);
    EXPECTED.forEach((e, i) => {
      const t = targets[i]!;
      expect(t).toMatchObject({ line: e.line, level3: e.level3, description: e.description, operator: e.operator, target_value: e.value, target_number: e.number, target_unit: e.unit });
      if (e.level1) expect(t.level1).toBe(e.level1);
      const raw = rawLine(SEEDS.quyang, e.line);
      expect(t.raw_text).toBe(raw);
      expect(raw).toContain(e.description);
      if (e.value) expect(noSpaces(raw)).toContain(noSpaces(e.value));
    });
  });

  it('belongs to no table, and is the only owner of the department as a whole', () => {
    const rows = store.sqlite
      .prepare(`select o.table_id from performance_owners o join documents d on d.id = o.document_id where d.file = ? and o.owner_kind = 'unit'`)
      .pluck()
      .all(SEEDS.quyang);
    expect(rows).toEqual([null]);
  });
});

describe('a document with a 整体绩效目标表', () => {
  it.each(['fushun', 'lianhu', 'shenyang', 'beipiao'] as const)('%s gets no owner from the prose', (seed) => {
    expect(proseOwners(SEEDS[seed])).toEqual([]);
  });

  // The seeds above state no such section, so this is what shows the table wins over the prose.
  it('gets no second owner when its prose states the goals too', () => {
    const content = `${rawLines(SEEDS.fushun).join('\n')}\n三、部门整体绩效目标\n（一）总体绩效目标\n1.做好参保工作。\n`;
    const doc = parseDocument(content);
    expect(doc.tables.some((t) => t.owners.some((o) => o.kind === 'unit'))).toBe(true);
    const tableLines = new Set(doc.tables.flatMap((t) => t.region.segments.flatMap((seg) => seg.rows.map((row) => row.no))));
    expect(readProseGoals(paragraphsOf(doc.lines, tableLines), doc.lines, doc.meta.department, tableLines)).toHaveLength(1);
    expect(doc.owners).toEqual([]);
  });
});

describe('readProseGoals on a document laid out like 曲阳', () => {
  const read = (text: string) => {
    const lines = readLines(text);
    return readProseGoals(paragraphsOf(lines, new Set()), lines, '某县医疗保障局', new Set());
  };

  it('reads headings, a page-broken indicator sentence and comparators, and stops at the next heading', () => {
    const owners = read(
      [
        '三、部门整体绩效目标',
        '（一）总体绩效目标',
        '1.做好参保工作。',
        '（二）分项绩效目标',
        '1.提高待遇',
        '绩效目标：提高待遇水平。',
        '绩效指标：住院报销比例不低于 80%；基金支出增长控制在',
        '5%以内。',
        '（三）保障措施',
        '绩效指标：这一句不属于绩效目标。',
      ].join('\n'),
    );
    expect(owners).toHaveLength(1);
    const [o] = owners;
    expect(o).toMatchObject({ kind: 'unit', name: '某县医疗保障局', line: 1, goal: '1.做好参保工作。\n提高待遇：提高待遇水平。' });
    expect(o!.targets.map((t) => [t.line, t.level1, t.level3, t.operator, t.targetValue, t.targetNumber, t.targetUnit])).toEqual([
      [7, '提高待遇', '住院报销比例', '≥', '80%', 80, '%'],
      [7, '提高待遇', '基金支出增长', '≤', '5%', 5, '%'],
    ]);
  });

  it('finds nothing where no heading opens such a section', () => {
    expect(read('绩效指标：参保人数达到 52 万。\n（一）其他事项\n1.无。')).toEqual([]);
  });
});
