// Departments anywhere in China, asked for by full name, place name and customary short name
// (楚雄彝族自治州 / 楚雄州 / 楚雄), and names two departments share asked back, never taken for
// the first one ingested. The fixtures (test/fixtures/places) are small budgets of departments in a
// 自治州, 盟, 自治旗, 林区, 特区, 新区, 自治县 and 地区, one printed under a county's name from before
// it became a city (禄丰县, now 禄丰市), and four 朝阳s: 朝阳区 in 北京 and in 长春, 朝阳市 and 朝阳县.
// Each prints its own 机关运行经费, so an answer names which department it came from.
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.ts';
import type { Engine } from '../../src/answer/types.ts';
import { ingestFixtures, type FixtureDatabase } from '../helpers/fixtures.ts';
import { wan } from '../ingest/helpers.ts';

let fixtures: FixtureDatabase;
let engine: Engine;
beforeAll(async () => {
  fixtures = await ingestFixtures('places', { withSeeds: true });
  engine = await createEngine({ dbPath: fixtures.dbPath });
});
afterAll(() => fixtures.remove());

const query = <T>(sql: string, ...params: unknown[]): T[] => {
  const db = new SQLite(fixtures.dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
};

/** file → department as printed, its province / city / county (official names, GB/T 2260) and code, its 机关运行经费. */
const PLACES: [string, string, string | null, string | null, string | null, string, string][] = [
  ['chuxiong.txt', '楚雄彝族自治州医疗保障局', '云南省', '楚雄彝族自治州', null, '532300', '21.30'],
  ['xilingol.txt', '锡林郭勒盟医疗保障局', '内蒙古自治区', '锡林郭勒盟', null, '152500', '22.40'],
  ['ewenki.txt', '呼伦贝尔市鄂温克族自治旗医疗保障局', '内蒙古自治区', '呼伦贝尔市', '鄂温克族自治旗', '150724', '23.50'],
  // Directly under the province: no prefecture between.
  ['shennongjia.txt', '神农架林区医疗保障局', '湖北省', null, '神农架林区', '429021', '24.60'],
  ['liuzhi.txt', '六枝特区医疗保障局', '贵州省', '六盘水市', '六枝特区', '520203', '25.70'],
  // A municipality is a province, and the city of its districts.
  ['pudong.txt', '上海市浦东新区医疗保障局', '上海市', '上海市', '浦东新区', '310115', '26.80'],
  ['changyang.txt', '长阳土家族自治县医疗保障局', '湖北省', '宜昌市', '长阳土家族自治县', '420528', '27.90'],
  ['aksu.txt', '阿克苏地区医疗保障局', '新疆维吾尔自治区', '阿克苏地区', null, '652900', '28.10'],
  // Printed 禄丰县: the county became 禄丰市 in 2021.
  ['lufeng.txt', '禄丰县医疗保障局', '云南省', '楚雄彝族自治州', '禄丰市', '532302', '29.20'],
  ['chaoyang-beijing.txt', '北京市朝阳区医疗保障局', '北京市', '北京市', '朝阳区', '110105', '31.40'],
  ['chaoyang-changchun.txt', '长春市朝阳区医疗保障局', '吉林省', '长春市', '朝阳区', '220104', '32.50'],
  ['chaoyang-city.txt', '朝阳市医疗保障局', '辽宁省', '朝阳市', null, '211300', '33.60'],
  ['chaoyang-county.txt', '朝阳县医疗保障局', '辽宁省', '朝阳市', '朝阳县', '211321', '34.70'],
];

describe('a department’s place is read against the GB/T 2260 divisions', () => {
  it.each(PLACES)('%s: %s', (file, department, province, city, county, code) => {
    expect(query('select department, province, city, county, division_code from documents where file = ?', file)).toEqual([
      { department, province, city, county, division_code: code },
    ]);
  });

  it('a number printed before the department’s name (`473 禄丰县医疗保障局`) is its code, not a figure or part of the name', () => {
    expect(query("select name, code from units u join documents d on d.id = u.document_id where d.file = 'lufeng.txt' and u.role = 'department'")).toEqual([
      { name: '禄丰县医疗保障局', code: '473' },
    ]);
    expect(query("select count(*) as n from units where name glob '[0-9]*'")).toEqual([{ n: 0 }]);
    const figures = (file: string) =>
      query<{ n: number }>(
        `select (select count(*) from line_items li join documents d on d.id = li.document_id where d.file = ? and (li.amount_fen = ? or li.raw_text = '473'))
              + (select count(*) from narrative_facts f join documents d on d.id = f.document_id where d.file = ? and f.amount_fen = ?) as n`,
        file,
        wan('473'),
        file,
        wan('473'),
      )[0]!.n;
    expect(figures('lufeng.txt')).toBe(0);
  });
});

/** Each name → the fixture whose figure must answer it. */
const NAMES: [string, string][] = [
  ['楚雄彝族自治州', 'chuxiong.txt'],
  ['楚雄州', 'chuxiong.txt'],
  ['楚雄', 'chuxiong.txt'],
  ['锡林郭勒盟', 'xilingol.txt'],
  ['锡林郭勒', 'xilingol.txt'],
  ['锡盟', 'xilingol.txt'],
  ['鄂温克族自治旗', 'ewenki.txt'],
  ['鄂温克旗', 'ewenki.txt'],
  ['鄂温克', 'ewenki.txt'],
  ['呼伦贝尔鄂温克旗', 'ewenki.txt'],
  ['神农架林区', 'shennongjia.txt'],
  ['神农架', 'shennongjia.txt'],
  ['六枝特区', 'liuzhi.txt'],
  ['六枝', 'liuzhi.txt'],
  ['浦东新区', 'pudong.txt'],
  ['浦东', 'pudong.txt'],
  ['上海浦东', 'pudong.txt'],
  ['长阳土家族自治县', 'changyang.txt'],
  ['长阳县', 'changyang.txt'],
  ['长阳', 'changyang.txt'],
  ['阿克苏地区', 'aksu.txt'],
  ['阿克苏', 'aksu.txt'],
  ['禄丰县', 'lufeng.txt'],
  ['禄丰市', 'lufeng.txt'],
  ['禄丰', 'lufeng.txt'],
  ['北京朝阳区', 'chaoyang-beijing.txt'],
  ['北京市朝阳区', 'chaoyang-beijing.txt'],
  ['北京朝阳', 'chaoyang-beijing.txt'],
  ['长春朝阳区', 'chaoyang-changchun.txt'],
  ['长春市朝阳区医保局', 'chaoyang-changchun.txt'],
  ['朝阳市', 'chaoyang-city.txt'],
  ['朝阳县', 'chaoyang-county.txt'],
];

const figureOf = (file: string) => Number(PLACES.find((p) => p[0] === file)![6]) * 10_000;

describe('asked by full name, place name or customary short name', () => {
  it.each(NAMES)('%s', (name, file) => {
    const r = engine.ask(`${name} 2025 机关运行经费`);
    expect(r.status, r.text).toBe('answered');
    expect(r.answers[0]!.amount_yuan).toBe(figureOf(file));
    expect(r.answers[0]!.source.file).toBe(file);
  });

  it('the seeds keep their names (北票 is not one of the 朝阳s)', () => {
    const r = engine.ask('北票 机关运行经费');
    expect(r.status, r.text).toBe('answered');
    expect(r.answers[0]).toMatchObject({ amount_yuan: 342300, source: { line: 180 } });
    expect(engine.ask('朝阳北票 机关运行经费').answers[0]).toMatchObject({ amount_yuan: 342300 });
  });
});

describe('a name several departments go by is asked back with each, never answered with the first', () => {
  it.each([
    ['朝阳区', ['chaoyang-beijing.txt', 'chaoyang-changchun.txt']],
    ['朝阳', ['chaoyang-beijing.txt', 'chaoyang-changchun.txt', 'chaoyang-city.txt', 'chaoyang-county.txt']],
  ] as const)('%s', (name, files) => {
    const r = engine.ask(`${name} 2025 机关运行经费`);
    expect(r.status, r.text).toBe('ambiguous');
    expect(r.answers).toEqual([]);
    for (const f of files) expect(r.text).toContain(PLACES.find((p) => p[0] === f)![1]);
    expect(r.suggestions).toHaveLength(files.length);
    // Each suggestion names one department unambiguously and is answered with its own figure.
    const answered = r.suggestions.map((s) => engine.ask(s));
    for (const a of answered) expect(a.status, a.text).toBe('answered');
    expect(answered.map((a) => a.answers[0]!.source.file).sort()).toEqual([...files].sort());
    for (const a of answered) expect(a.answers[0]!.amount_yuan).toBe(figureOf(a.answers[0]!.source.file!));
  });

  it('a place typed apart says which (长春 朝阳区), narrows the choice (辽宁 朝阳), or just where it is (辽宁 北票)', () => {
    expect(engine.ask('长春 朝阳区 2025 机关运行经费').answers[0]).toMatchObject({ amount_yuan: figureOf('chaoyang-changchun.txt'), source: { file: 'chaoyang-changchun.txt' } });
    expect(engine.ask('北京 朝阳 2025 机关运行经费').answers[0]).toMatchObject({ amount_yuan: figureOf('chaoyang-beijing.txt'), source: { file: 'chaoyang-beijing.txt' } });
    const r = engine.ask('辽宁 朝阳 2025 机关运行经费');
    expect(r.status).toBe('ambiguous');
    expect(r.text).toContain('朝阳市医疗保障局、朝阳县医疗保障局');
    expect(r.text).not.toContain('北京');
    // Its suggestions keep the place typed, and are answered.
    for (const s of r.suggestions) expect(engine.ask(s).status, s).toBe('answered');
    expect(engine.ask('辽宁 北票 机关运行经费').answers[0]).toMatchObject({ amount_yuan: 342300 });
    // A place that holds none of them changes nothing: still asked back.
    expect(engine.ask('上海 朝阳区 2025 机关运行经费').status).toBe('ambiguous');
  });

  it('the list of departments names each by a name of its own', () => {
    const r = engine.ask('有哪些部门');
    for (const [, department] of PLACES) expect(r.text).toContain(department);
    const shorts = [...r.text.matchAll(/（([^）]+)）：/g)].map((m) => m[1]!);
    expect(new Set(shorts).size).toBe(shorts.length);
    for (const s of shorts) expect(engine.ask(`${s} 支出总计`).status).toBe('answered');
  });
});

// The practice documents' own collision: 邵阳市财政局 and 邵阳县财政局, both in 湖南省邵阳市, both 2025 预算.
describe('a 市 and a 县 of one name (practice documents, hunan-budget)', () => {
  let practice: FixtureDatabase;
  let hunan: Engine;
  beforeAll(async () => {
    practice = await ingestFixtures('practice/hunan-budget');
    hunan = await createEngine({ dbPath: practice.dbPath });
  });
  afterAll(() => practice.remove());

  it('`部门名称：117 邵阳县财政局`: 117 is the department’s code, not part of its name', () => {
    const db = new SQLite(practice.dbPath, { readonly: true });
    try {
      const row = db.prepare("select d.department, u.code from documents d join units u on u.document_id = d.id and u.role = 'department' where d.file = ?").get('hunan_shaoyangxian_caizheng_2025.txt');
      expect(row).toEqual({ department: '邵阳县财政局', code: '117' });
    } finally {
      db.close();
    }
  });

  it('邵阳 is asked back with both', () => {
    const r = hunan.ask('邵阳 2025 三公经费');
    expect(r.status, r.text).toBe('ambiguous');
    expect(r.text).toContain('邵阳市财政局');
    expect(r.text).toContain('邵阳县财政局');
    expect(r.suggestions).toHaveLength(2);
  });

  it.each([
    ['邵阳市', 'hunan_shaoyangshi_caizheng_2025.txt'],
    ['邵阳县', 'hunan_shaoyangxian_caizheng_2025.txt'],
    ['邵阳县财政局', 'hunan_shaoyangxian_caizheng_2025.txt'],
  ])('%s names one of them', (name, file) => {
    const r = hunan.ask(`${name} 2025 三公经费`);
    expect(r.status, r.text).toBe('answered');
    expect(r.answers[0]!.source.file).toBe(file);
  });
});
