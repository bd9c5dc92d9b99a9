// Nothing silently lost: for every recognized table region, the numbers printed in
// its raw lines — counted here independently of the ingest — equal the figures
// stored from it; for every performance table, the indicator rows printed with a
// value equal the targets stored. And every stored figure traces back to its line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.ts';
import { inSegments, noSpaces, openSeedStore, rawLine, SEEDS, type SegmentSpan } from './helpers.ts';

let store: Store;
beforeAll(() => {
  store = openSeedStore();
});
afterAll(async () => {
  await store.close();
});

interface TableInfo {
  id: number;
  file: string;
  number: string | null;
  name: string;
  kind: string;
  status: string;
}

// Read at collection time so each table gets its own test; the database is built by the global setup.
const tables: TableInfo[] = (() => {
  const s = openSeedStore();
  try {
    return s.sqlite
      .prepare('select t.id, d.file, t.number, t.name, t.kind, t.status from source_tables t join documents d on d.id = t.document_id order by t.id')
      .all() as TableInfo[];
  } finally {
    s.sqlite.close();
  }
})();

const segmentsOf = (tableId: number) =>
  store.sqlite.prepare('select line_start, line_end from table_segments where table_id = ? order by line_start').all(tableId) as SegmentSpan[];

/** The raw lines of a table's segments, with their numbers. */
function segmentLines(t: TableInfo): { no: number; text: string }[] {
  return segmentsOf(t.id).flatMap((s) => Array.from({ length: s.line_end - s.line_start + 1 }, (_, k) => ({ no: s.line_start + k, text: rawLine(t.file, s.line_start + k) })));
}

const label = (t: TableInfo) => `${t.file.slice(0, 3)} ${t.number ?? ''} ${t.name} [${t.kind}${t.status === 'parsed' ? '' : `, ${t.status}`}]`;

describe('every number printed in a table region is stored', () => {
  // A number with decimals, once spaces inside the cell are removed (`236 ,02 3.0 6`), or the
  // `.00` tail of a number broken over two lines (`53,704` + `.00`): the pair counts once.
  const DECIMAL = /^-?\d[\d,]*\.\d+$/;
  const TAIL = /^\.\d+$/;
  const counted = tables.filter((t) => !['performance', 'toc', 'units', 'unknown'].includes(t.kind));

  it('covers every kind of table that holds figures', () => {
    expect(new Set(counted.map((t) => t.kind))).toEqual(new Set(['summary', 'income', 'expenditure', 'three_public', 'projects', 'meetings', 'assets']));
    expect(counted.length).toBeGreaterThanOrEqual(50);
  });

  it.each(counted.map((t) => [label(t), t] as const))('%s', (_, t) => {
    let printed = 0;
    for (const { text } of segmentLines(t)) {
      for (const cell of text.split('\t')) {
        const c = noSpaces(cell);
        if (DECIMAL.test(c) || TAIL.test(c)) printed++;
      }
    }
    const stored = store.sqlite
      // A blank cell stored as 0 (blank) or as an empty row's placeholder (empty) is no printed number.
      .prepare(`select count(*) from line_items where table_id = ? and value_kind = 'money' and instr(',' || flags || ',', ',blank,') = 0 and instr(',' || flags || ',', ',empty,') = 0`)
      .pluck()
      .get(t.id) as number;
    expect(stored).toBe(printed);
    if (t.status === 'empty') expect(printed).toBe(0);
  });
});

describe('every stored figure traces back to its raw line', () => {
  interface Cell {
    file: string;
    table_id: number;
    line: number;
    raw_text: string;
    flags: string;
    amount_fen: number | null;
  }
  const cells = () =>
    store.sqlite
      .prepare(
        `select d.file, li.table_id, li.line, li.raw_text, li.flags, li.amount_fen from line_items li
         join documents d on d.id = li.document_id where li.value_kind = 'money'`,
      )
      .all() as Cell[];

  it('its line lies inside a page of its table, and the cell as printed is on it', () => {
    const all = cells();
    expect(all.length).toBeGreaterThan(1700);
    const segments = new Map<number, SegmentSpan[]>();
    const problems: string[] = [];
    for (const c of all) {
      if (!segments.has(c.table_id)) segments.set(c.table_id, segmentsOf(c.table_id));
      if (!inSegments(c.line, segments.get(c.table_id)!)) problems.push(`${c.file}:${c.line} outside its table`);
      const flags = c.flags ? c.flags.split(',') : [];
      if (flags.includes('blank')) {
        if (c.raw_text !== '' || c.amount_fen !== 0) problems.push(`${c.file}:${c.line} blank cell not 0`);
        continue;
      }
      const cellsOnLine = rawLine(c.file, c.line).split('\t').map(noSpaces);
      if (flags.includes('merged_lines')) {
        // Head on this line, `.00` tail on a later line of the same table.
        const dot = c.raw_text.indexOf('.');
        const head = noSpaces(c.raw_text.slice(0, dot));
        const tail = noSpaces(c.raw_text.slice(dot));
        const next = [1, 2, 3].map((k) => rawLine(c.file, c.line + k).split('\t').map(noSpaces));
        if (!cellsOnLine.includes(head) || !next.some((l) => l.includes(tail))) problems.push(`${c.file}:${c.line} merged ${c.raw_text}`);
      } else if (!cellsOnLine.includes(noSpaces(c.raw_text))) {
        problems.push(`${c.file}:${c.line} “${c.raw_text}” is not a cell of the raw line`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every document has figures from every parsed table that prints any', () => {
    const silent = store.sqlite
      .prepare(
        `select d.file, t.name from source_tables t join documents d on d.id = t.document_id
         where t.status = 'parsed' and t.kind not in ('toc', 'units')
           and not exists (select 1 from line_items li where li.table_id = t.id)
           and not exists (select 1 from performance_owners o where o.table_id = t.id)`,
      )
      .raw()
      .all();
    expect(silent).toEqual([]);
  });
});

describe('every performance indicator printed with a value is stored as a target', () => {
  // Independent reading of a 绩效目标表 / 绩效自评表: an indicator section starts at a header row
  // naming 一级指标 and ends at the next owner row (项目(政策)名称, 项目名称, 部门（单位）名称) or
  // score row. Inside it, a row is a target when, leaving out level words (一级/二级指标 names and
  // the section label) and column-header rows, it still has two cells: a 三级指标 and its value — as many
  // targets as parts where its last two cells print as many parts each, split by one ；.
  const LEVEL1 = new Set(['产出指标', '效益指标', '满意度指标', '履职效能', '管理效率', '运行成本', '社会效应', '可持续性', '预算执行']);
  const isLevelWord = (c: string) => LEVEL1.has(c) || /指标$|满意度指$/.test(c);
  const OWNER = /^(项目[（(]政策[)）]名称|项目名称|部门[（(]单位[)）]名称)$/;
  const SCORES = /指标自评得分小计|总评价得分|绩效自评总得分/;
  const HEADER_WORDS = new Set(['运算符号', '度量单位', '原因说明', '经费保障原因分析', '经费保障']);
  const RULE = /^[\s|:\t-]*-{2,}[\s|:\t-]*$/;

  /** Target rows per block (a block per owner row; the whole table when it prints none). */
  function printedTargets(t: TableInfo): number[] {
    const blocks: number[] = [0];
    let inSection = false;
    for (const { text } of segmentLines(t)) {
      if (text.trim() === '' || RULE.test(text)) continue;
      const tokens = text.split('\t').map(noSpaces).filter((c) => c !== '');
      if (tokens.length === 0) continue;
      if (OWNER.test(tokens[0]!)) {
        blocks.push(0);
        inSection = false;
        continue;
      }
      if (tokens.some((c) => SCORES.test(c))) {
        inSection = false;
        continue;
      }
      if (tokens.some((c) => c === '一级指标')) {
        inSection = true;
        continue;
      }
      if (!inSection || tokens.some((c) => HEADER_WORDS.has(c))) continue;
      const cells = tokens.filter((c) => !isLevelWord(c));
      if (cells.length < 2) continue;
      const parts = cells.slice(-2).map((c) => c.split(/[；;]/).length);
      blocks[blocks.length - 1]! += parts[0] === parts[1] ? parts[0]! : 1;
    }
    return blocks.filter((n) => n > 0);
  }

  const performance = tables.filter((t) => t.kind === 'performance');

  it.each(performance.map((t) => [label(t), t] as const))('%s', (_, t) => {
    const blocks = printedTargets(t);
    const stored = store.sqlite
      .prepare(
        `select count(pt.id) from performance_owners o left join performance_targets pt on pt.owner_id = o.id
         where o.table_id = ? group by o.id having count(pt.id) > 0 order by o.line`,
      )
      .pluck()
      .all(t.id) as number[];
    const total = store.sqlite.prepare('select count(*) from performance_targets where table_id = ?').pluck().get(t.id) as number;
    expect(total).toBe(blocks.reduce((a, b) => a + b, 0));
    expect(stored).toEqual(blocks);
  });

  it('counts the targets read off the raw files by hand', () => {
    // Spot-checked by reading the raw files: 抚顺 表16 lines 361–383 and 399–421; 沈阳 表17's block
    // at lines 631–648 prints 12 indicator rows (636–639, 641–648); 曲阳 prints 6 per table. 莲湖 prints 34 rows,
    // of which lines 780–783 name 3, 3, 8 and 3 indicators each in one cell: 47.
    const count = (file: string, name: string) =>
      store.sqlite
        .prepare(`select count(*) from performance_targets pt join source_tables t on t.id = pt.table_id join documents d on d.id = t.document_id where d.file = ? and t.name = ?`)
        .pluck()
        .get(file, name) as number;
    expect(count(SEEDS.fushun, '部门（单位）整体绩效目标表')).toBe(46);
    expect(count(SEEDS.lianhu, '部门整体支出绩效目标表')).toBe(47);
    expect(count(SEEDS.quyang, '1、医保基金引入第三方监管经费绩效目标表')).toBe(6);
    const block = store.sqlite
      .prepare(
        `select pt.line from performance_targets pt join performance_owners o on o.id = pt.owner_id join documents d on d.id = o.document_id
         where d.file = ? and o.line = 631 order by pt.line`,
      )
      .pluck()
      .all(SEEDS.shenyang);
    expect(block).toEqual([636, 637, 638, 639, 641, 642, 643, 644, 645, 646, 647, 648]);
  });
});
