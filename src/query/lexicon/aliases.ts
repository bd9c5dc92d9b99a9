// The names people use for a unit: 辽宁省朝阳市北票市医疗保障局 is also 北票,
// 北票市, 北票医保局, 北票市医疗保障局; 沈阳市医疗保障事务服务中心 is also
// 沈阳, 沈阳医保中心. Generated from the printed name, never listed by hand.

const PROVINCE = /^[\u4e00-\u9fa5]{2,7}?(?:省|自治区)/;
const PLACE = /^([\u4e00-\u9fa5]{1,4}?)(市|县|区|旗)/;

/** Common abbreviations of the organisation part of a name. */
const ORG_SHORT: [RegExp, string[]][] = [
  [/^医疗保障局(本级)?$/, ['医保局', '医保']],
  [/^医疗保障事务服务中心$/, ['医保中心', '医保事务中心', '医保服务中心', '医疗保障中心', '事务服务中心', '服务中心', '事务中心']],
  [/^医疗保险所$/, ['医保所']],
  [/^城乡居民基本医疗保险管理服务中心$/, ['城乡居民医保中心', '居民医保中心', '城乡居民医保管理服务中心', '医保管理服务中心', '管理服务中心', '医保中心', '服务中心']],
  [/^医疗保险经办中心$/, ['医保经办中心']],
];

export interface Alias {
  text: string;
  /** A bare place name: the department itself, not a sub-unit sharing the place. */
  place: boolean;
}

/** A name cut into its places (朝阳市, 北票市: the last is where the unit is) and its organisation part. */
function parts(fullName: string): { name: string; afterProvince: string; places: { short: string; full: string }[]; org: string } {
  const name = fullName.replace(/（[^）]*）$/, '');
  const afterProvince = name.replace(PROVINCE, '');
  let rest = afterProvince;
  const places: { short: string; full: string }[] = [];
  for (let m = PLACE.exec(rest); m && rest.length > m[0].length; m = PLACE.exec(rest)) {
    places.push({ short: m[1]!, full: m[0] });
    rest = rest.slice(m[0].length);
    if (!PLACE.test(rest)) break;
  }
  return { name, afterProvince, places, org: rest };
}

/** An organisation part and its abbreviations, a 本级 kept on each: 医疗保障局本级, 医保局本级, 医保本级. */
function orgForms(org: string): string[] {
  const suffix = /本级$/.test(org) ? '本级' : '';
  return [org, ...ORG_SHORT.flatMap(([re, shorts]) => (re.test(org) ? shorts.map((s) => `${s}${suffix}`) : []))];
}

/** The organisation part of a name and its abbreviations, without the place: 医疗保险所, 医保所. */
export function orgAliasesOf(fullName: string): string[] {
  const { places, org } = parts(fullName);
  return places.length === 0 ? [] : orgForms(org);
}

export function aliasesOf(fullName: string): Alias[] {
  const { name, afterProvince, places, org } = parts(fullName);
  const out = new Map<string, boolean>();
  const add = (text: string, place = false) => {
    if (text.length >= 2 && !out.has(text)) out.set(text, place);
  };
  add(fullName);
  add(name);
  add(afterProvince);
  const place = places.at(-1);
  if (!place) return [...out].map(([text, p]) => ({ text, place: p }));
  add(place.short, true);
  add(place.full, true);
  if (/本级$/.test(org)) add(`${place.short}本级`);
  if (places.length > 1) add(places.map((p) => p.short).join(''), true);
  const orgs = orgForms(org);
  for (const p of [place.short, place.full]) for (const o of orgs) add(`${p}${o}`);
  return [...out].map(([text, p]) => ({ text, place: p }));
}

/** A trailing bracketed group holding a document number (`（辽财指社（2022）674号）`), or null. */
function trailingReference(name: string): number | null {
  if (!/[)）]$/.test(name)) return null;
  let depth = 0;
  for (let i = name.length - 1; i >= 0; i--) {
    if (/[)）]/.test(name[i]!)) depth++;
    else if (/[(（]/.test(name[i]!) && --depth === 0) return /\d/.test(name.slice(i)) ? i : null;
  }
  return null;
}

/**
 * Shorter names a project goes by: without a 文号 in brackets, a trailing year
 * (—2023), a leading year or 提前下达, a category (政府专项-), a place (曲阳县) or
 * an office (医保局).
 */
export function projectAliases(name: string): string[] {
  const out = new Set<string>([name]);
  const strip = (re: RegExp) => {
    for (const n of [...out]) {
      const shorter = n.replace(re, '');
      if (shorter.length >= 4) out.add(shorter);
    }
  };
  for (const n of [...out]) {
    const at = trailingReference(n);
    if (at !== null && at >= 4) out.add(n.slice(0, at));
  }
  strip(/\s*[—–-]\s*\d{4}$/);
  strip(/^(提前)?下达/);
  strip(/^\d{4}\s*年/);
  strip(/^[\u4e00-\u9fa5]{2,6}[—–-]/);
  strip(/^[\u4e00-\u9fa5]{2,3}(县|市|区)(?![\u4e00-\u9fa5]{0,1}$)/);
  strip(/^医保(局|所|中心)/);
  return [...out];
}
