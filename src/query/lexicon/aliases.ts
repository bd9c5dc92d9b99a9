// The names people use for a unit: 辽宁省朝阳市北票市医疗保障局 is also 北票,
// 北票市, 朝阳北票, 北票医保局, 北票市医疗保障局; 沈阳市医疗保障事务服务中心 is also
// 沈阳, 沈阳医保中心; 楚雄彝族自治州医疗保障局 is also 楚雄州 and 楚雄. Generated from
// the printed name and the division data (src/store/places), never listed by hand.
import { divisions, type Division } from '../../store/places/divisions.ts';
import { readPlace, type PlaceReading } from '../../store/places/reading.ts';
import vocabulary from '../../../grammar/places.json' with { type: 'json' };

/** How the organisation part of a name is shortened (grammar/places.json `organisations`), by its printed form. */
const ORG_FORMS = new Map(vocabulary.organisations.forms.map((f) => [f.printed, f]));

export interface Alias {
  text: string;
  /** A bare place name: the department itself, not a sub-unit sharing the place. */
  place: boolean;
}

/** An organisation part and its abbreviations, a 本级 kept on each: 医疗保障局本级, 医保局本级, 医保本级. */
function orgForms(org: string): string[] {
  const suffix = /本级$/.test(org) ? '本级' : '';
  const forms = ORG_FORMS.get(suffix ? org.slice(0, -suffix.length) : org);
  return [org, ...(forms?.short ?? []).map((s) => `${s}${suffix}`)];
}

const readings = new Map<string, PlaceReading>();

/** A unit's name without a trailing bracket (（机关）), read for its places; kept, names are read at every start-up. */
function reading(fullName: string): { name: string; place: PlaceReading } {
  const name = fullName.replace(/（[^）]*）$/, '');
  let place = readings.get(name);
  if (!place) readings.set(name, (place = readPlace(name)));
  return { name, place };
}

/** The organisation part of a name and its abbreviations, without the place: 医疗保险所, 医保所. */
export function orgAliasesOf(fullName: string): string[] {
  const { place } = reading(fullName);
  return place.printed.length === 0 ? [] : orgForms(place.rest);
}

/** What may follow the place a unit goes by and still name it: its organisation's forms, and those said only there (抚顺局). */
export function afterPlaceAliasesOf(fullName: string): string[] {
  const { place } = reading(fullName);
  return place.printed.length === 0 ? [] : [...orgForms(place.rest), ...(ORG_FORMS.get(place.rest)?.afterPlace ?? [])];
}

const places = new Map<string, ReadonlySet<string>>();

/** The bare place names a department goes by (北票, 北票市, 朝阳北票…), read when first asked for: names are many, questions use few. */
export function placeAliasesOf(department: string): ReadonlySet<string> {
  let names = places.get(department);
  if (!names) places.set(department, (names = new Set(aliasesOf(department).filter((a) => a.place).map((a) => a.text))));
  return names;
}

/** The divisions a unit's name places it in: one, several for a shared name (朝阳区), none without a place. */
export function placesOf(fullName: string): Division[] {
  return reading(fullName).place.printed.at(-1)?.candidates ?? [];
}

/** How a division is called on its own, the usual short name first: 楚雄, 楚雄彝族自治州, 楚雄州. */
export function placeForms(d: Division): string[] {
  const names = divisions().namesOf(d);
  const stems = names.filter((n) => n.kind === 'stem').map((n) => n.text);
  return [...stems, ...names.filter((n) => n.kind === 'full' || n.kind === 'customary').map((n) => n.text)];
}

export function aliasesOf(fullName: string): Alias[] {
  const { name, place: r } = reading(fullName);
  const out = new Map<string, boolean>();
  const add = (text: string, place = false) => {
    if (text.length >= 2 && !out.has(text)) out.set(text, place);
  };
  add(fullName);
  add(name);
  const [outer] = r.printed;
  if (outer && outer.candidates.every((c) => c.level === 'province')) add(name.slice(outer.text.length));
  const last = r.printed.at(-1);
  if (!last) return [...out].map(([text, p]) => ({ text, place: p }));
  // A place several divisions share (朝阳区 of 北京 and of 长春) goes by the names they all have.
  const [first, ...others] = last.candidates.map(placeForms);
  const own = first ? first.filter((f) => others.every((o) => o.includes(f))) : [];
  const forms = [...new Set([...own, last.text])];
  for (const f of forms) add(f, true);
  // With the places it lies in, printed or not: 朝阳北票, 长春朝阳区, 保定曲阳, 辽宁省北票市.
  const outside = [r.city, r.province].filter((d): d is Division => d !== null && d !== r.division);
  const qualified = (o: Division) => placeForms(o).slice(0, 1).concat(o.name).flatMap((of) => forms.map((f) => `${of}${f}`));
  for (const o of outside) for (const q of qualified(o)) add(q, true);
  if (/本级$/.test(r.rest)) add(`${forms[0]}本级`);
  // With the organisation: 北票医保局, and with the place it lies in (长春朝阳区医保局) where the place's own name may be shared.
  const near = outside[0];
  for (const f of [...forms, ...(near ? qualified(near) : [])]) for (const o of orgForms(r.rest)) add(`${f}${o}`);
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

/** The organisation a unit of its kind works under (places.json `under`: a 医疗保障事务服务中心 under a 医疗保障局), or null. */
export function workingUnder(fullName: string): string | null {
  const { place } = reading(fullName);
  return ORG_FORMS.get(place.rest)?.under ?? null;
}

/** The organisations units work under (places.json `under`), each once. */
const UNDER = [...new Set(vocabulary.organisations.forms.flatMap((f) => (f.under ? [f.under] : [])))];

/** 沈阳市医保局: a place's own organisation named by a form a unit works under (医疗保障局, 医保局), split into the two; null otherwise. */
export function organisationAt(name: string): { place: string; printed: string } | null {
  for (const printed of UNDER) {
    const form = orgForms(printed).find((w) => name.endsWith(w) && name.length > w.length);
    if (form) return { place: name.slice(0, -form.length), printed };
  }
  return null;
}
