// Who a question is about: the departments and sub-units named, each once.
import type { EntityChoice, EntityRef } from './ast.ts';
import type { Catalog } from './catalog.ts';
import type { Mentions, Span } from './grammar/visitor.ts';
import type { Scope } from './loose.ts';
import { afterPlaceAliasesOf, orgAliasesOf, placeAliasesOf, placesOf } from './lexicon/aliases.ts';
import { contains, divisions } from '../store/places/divisions.ts';

/**
 * 沈阳市医疗保障局 where only 沈阳's 医疗保障事务服务中心 is held: a place's name and an organisation word no held unit
 * of that department goes by name an organisation not held. It leaves the entities, and is returned as typed.
 */
export function unheldOrganisations(m: Mentions, catalog: Catalog): string[] {
  const out = [...otherBureaus(m), ...elsewhereOrganisations(m)];
  for (const e of [...m.entities]) {
    if (e.start === undefined || e.unitId !== null || !placeAliasesOf(e.department).has(e.text)) continue;
    const own = unitsOfDepartment(catalog, e.department).flatMap((u) => afterPlaceAliasesOf(u.name));
    // 曲阳局里, 曲阳县的局里: the department's own organisation word after its place (的 between at most) names it, no list of departments.
    const named = m.orgWords.find((o) => e.end !== undefined && o.start >= e.end && o.start - e.end <= 1 && own.includes(o.text));
    if (named) m.listTargets = m.listTargets.filter((l) => l.start !== named.start);
    const org = m.orgWords.find((o) => o.start === e.end);
    if (!org || !/[局所]$|中心$/.test(org.text)) continue;
    if (own.includes(org.text)) continue;
    m.entities.splice(m.entities.indexOf(e), 1);
    m.listTargets = m.listTargets.filter((l) => l.start !== org.start);
    out.push(`${e.text}${org.text}`);
  }
  return out;
}

/**
 * 曲阳县卫健局, 卫生健康局: a bare bureau word glued after a figure's name names another organisation (the health
 * bureau), not the department held — the name is not the figure asked. Returned with the place typed before it, if any.
 */
function otherBureaus(m: Mentions): string[] {
  const out: string[] = [];
  for (const org of m.orgWords.filter((o) => BARE_BUREAU.test(o.text))) {
    const word = m.targets.find((t) => t.end === org.start && t.kind !== 'code');
    if (!word) continue;
    const place = m.entities.find((e) => e.end === word.start && e.unitId === null);
    m.targets.splice(m.targets.indexOf(word), 1);
    m.listTargets = m.listTargets.filter((l) => l.start !== org.start);
    if (place) m.entities.splice(m.entities.indexOf(place), 1);
    out.push(`${place?.text ?? ''}${word.text}${org.text}`);
  }
  return out;
}
const BARE_BUREAU = /^局$/;

/**
 * 抚顺卫健委, 莲湖的人社局, 西安财政局: an organisation no 医保 department is (`sets.elsewhere` in shapes.json) is not
 * held, whatever place it is typed after — never that place's 医保 department answered in its stead. The place typed
 * right before it (的 between at most) leaves the entities and is named with it, so that what is held there is offered.
 */
function elsewhereOrganisations(m: Mentions): string[] {
  const out: string[] = [];
  for (const org of m.orgWords.filter((o) => o.elsewhere)) {
    const place = m.entities.find((e) => e.end !== undefined && e.end <= org.start && org.start - e.end <= 1 && e.unitId === null);
    if (place) m.entities.splice(m.entities.indexOf(place), 1);
    out.push(`${place?.text ?? ''}${org.text}`);
  }
  return out;
}

/** The units of a department's documents, in the order they were stored. */
const unitsOfDepartment = (catalog: Catalog, department: string) =>
  (catalog.departments.get(department) ?? []).flatMap((d) => catalog.unitsOf(d.id)).sort((a, b) => a.id - b.id);

/** The entities named, each once, without a bare place beside one of its own sub-units. */
export function entitiesOf(m: Mentions): EntityRef[] {
  const entities: EntityRef[] = [];
  for (const e of m.entities) {
    if (!entities.some((x) => x.department === e.department && x.unitId === e.unitId)) {
      entities.push({ department: e.department, unitId: e.unitId, name: e.name, text: e.text, ...(e.alternatives ? { alternatives: e.alternatives } : {}) });
    }
  }
  // 北票 北票市医疗保障事务服务中心: a bare place beside one of its own sub-units only says where it is.
  const placeOnly = (e: EntityRef) => e.unitId === null && placeAliasesOf(e.department).has(e.text);
  for (const e of [...entities]) {
    // The place names are read (against the division data) only when a sub-unit of the same department was named too.
    if (entities.some((x) => x.unitId !== null && x.department === e.department) && placeOnly(e)) entities.splice(entities.indexOf(e), 1);
  }
  return entities;
}

/** The departments among `choices` that lie in a division named `text` (长春, 辽宁省); null when `text` names none. */
export function lyingIn(text: string, choices: EntityChoice[]): EntityChoice[] | null {
  const named = (divisions().forms.get(text.trim()) ?? []).map((f) => f.division);
  return named.length ? choices.filter((c) => placesOf(c.name).some((d) => named.some((n) => contains(n, d)))) : null;
}

/**
 * 长春 朝阳区, 辽宁 北票: a place typed apart that contains the department says where it is — of the
 * departments a shared name goes by, only those stay (辽宁 朝阳: 朝阳市 or 朝阳县, no longer 北京's).
 * The word is then understood: an unknown word leaves the residue, a place word no longer names a set of departments.
 */
export function narrowByPlace(entities: EntityRef[], m: Mentions): void {
  for (const [i, e] of entities.entries()) {
    const narrow = (text: string, consume: () => void) => {
      const current = entities[i]!;
      const fits = lyingIn(text, [current, ...(current.alternatives ?? [])]);
      if (!fits?.length) return;
      const [{ department, unitId, name }, ...others] = fits as [EntityChoice, ...EntityChoice[]];
      entities[i] = { department, unitId, name, text: e.text, ...(others.length ? { alternatives: others } : {}) };
      consume();
    };
    for (let r = m.residue.length - 1; r >= 0; r--) narrow(m.residue[r]!.text, () => m.residue.splice(r, 1));
    // A place word alone (not 辽宁的医保局) only narrows a name several departments share.
    for (let s = m.sets.length - 1; s >= 0; s--) {
      if (entities[i]!.alternatives?.length && m.sets[s]!.place !== null) narrow(m.sets[s]!.text, () => m.sets.splice(s, 1));
    }
  }
}

/**
 * 辽宁省朝阳市北票市和河北省保定市曲阳县的医保局, 辽宁 北票, 辽宁省朝阳市的医保局: a place word typed right before a
 * department or a place lying in it (a space or 的 between at most) is their chain of places — that department, or the
 * narrower place's departments, not the wider place's set.
 */
export function placesBeforeDepartments(text: string, m: Mentions): void {
  const typedBefore = (s: Span, e: Partial<Span>) => e.start !== undefined && e.start >= s.end && /^[\s的]*$/.test(text.slice(s.end, e.start));
  // (A place's name alone is read: 辽宁的医保局 names no division, and stays a set.)
  const inPlace = (s: Mentions['sets'][number], e: Mentions['entities'][number]) => lyingIn(s.text, [{ department: e.department, unitId: e.unitId, name: e.name }])?.length;
  const named = (place: string) => (divisions().forms.get(place) ?? []).map((f) => f.division);
  const narrower = (s: Mentions['sets'][number], t: Mentions['sets'][number]) => t.place !== null && named(s.text).some((o) => named(t.place!).some((i) => contains(o, i)));
  m.sets = m.sets.filter((s) => s.place === null || !(m.entities.some((e) => typedBefore(s, e) && inPlace(s, e)) || m.sets.some((t) => t !== s && typedBefore(s, t) && narrower(s, t))));
}

/**
 * 抚顺 医保中心: the unit of that name at the place named replaces the place. One named where there is
 * none must not be answered with the department: its words are returned, not understood.
 */
export function placeUnitOrgs(entities: EntityRef[], unitOrgs: Mentions['unitOrgs'], departmentsGoingBy: (org: string) => string[]): string[] {
  const unknown: string[] = [];
  for (const o of unitOrgs) {
    let found = false;
    for (const [i, e] of entities.entries()) {
      // 抚顺医保中心…占中心项目支出: the unit already named is named again.
      if (e.unitId !== null && o.units.some((u) => u.unitId === e.unitId)) found = true;
      // 沈阳医保中心: the department itself goes by the word (沈阳市医疗保障事务服务中心).
      if (e.unitId === null && orgAliasesOf(e.department).includes(o.text)) found = true;
      const unit = e.unitId === null ? o.units.find((u) => u.department === e.department) : undefined;
      if (unit) entities[i] = { ...unit, text: o.text };
      found ||= unit !== undefined;
    }
    // 抚顺本级和医保中心: another unit of a department whose unit is already named is named beside it.
    const beside = found ? undefined : o.units.find((u) => entities.some((e) => e.unitId !== null && e.department === u.department));
    // 医保中心的三公经费 with no place: every unit, and every department, that goes by the word is asked back.
    const all = [...o.units, ...departmentsGoingBy(o.text).map((d) => ({ department: d, unitId: null, name: d }))];
    if (beside) entities.push({ ...beside, text: o.text });
    else if (!found && entities.length === 0 && all.length === 1) entities.push({ ...all[0]!, text: o.text });
    else if (!found && entities.length === 0 && all.length > 1) entities.push({ ...all[0]!, text: o.text, alternatives: all.slice(1) });
    else if (!found) unknown.push(o.text);
  }
  return unknown;
}

/** The word left unread for a department's own level where none is held, or where no department is named. */
export const OWN_LEVEL_WORD = '本级';

/**
 * 抚顺 本级: the department's own level, a sub-unit of its own (抚顺市医疗保障局本级, 莲湖 …本级（机关）, 北票's
 * 北票市医疗保障局 beside its 中心). Where a department has none, the word is returned, not understood:
 * the department's total is not its 本级's.
 */
export function placeOwnLevel(entities: EntityRef[], m: Mentions, catalog: Catalog): string[] {
  if (!m.scopes.includes('subunit')) return [];
  // 本级的呢 after a department's figure: no department named here — left as a word to read within the one asked before.
  if (entities.length === 0) return [OWN_LEVEL_WORD];
  const unknown: string[] = [];
  const ownOf = (department: string) => {
    const subunits = unitsOfDepartment(catalog, department).filter((u) => u.role === 'subunit');
    return subunits.find((u) => /本级|机关/.test(u.name)) ?? subunits.find((u) => department.endsWith(u.name));
  };
  for (const [i, e] of [...entities.entries()]) {
    const own = ownOf(e.department);
    if (e.unitId === null) {
      if (own) entities[i] = { department: e.department, unitId: own.id, name: own.name, text: e.text };
      else unknown.push(OWN_LEVEL_WORD);
      continue;
    }
    if (own?.id === e.unitId || entities.some((x) => x.unitId === own?.id)) continue;
    // 抚顺医保中心和本级, 医保中心比本级多多少, 是本级的多少倍, 占本级的百分之几: the department's own level beside a unit of
    // it named, the two joined, compared or computed on; never dropped unread.
    if (own && (m.conjunctions.length > 0 || m.arithmetic.length > 0 || m.comparisons.length > 0 || m.intents.includes('share') || m.intents.includes('compare'))) entities.push({ department: e.department, unitId: own.id, name: own.name, text: OWN_LEVEL_WORD });
    else unknown.push(OWN_LEVEL_WORD);
  }
  return unknown;
}

/** The documents of the departments named: a loose project name is looked for there only. */
export function scopeOf(catalog: Catalog, entities: EntityRef[]): Scope {
  return entities.length ? new Set(entities.flatMap((e) => catalog.departments.get(e.department)?.map((d) => d.id) ?? [])) : undefined;
}

/** Words pointing at a thing just named, typed between a unit's loose name and its kind (城乡居民那个中心). */
const POINTING = /(?:那个?|这个?|的)$/;

/**
 * 城乡居民那个中心: words typed right before a unit's kind that its full name holds (曲阳县城乡居民基本医疗保险管理服务中心)
 * name that unit, loosely; they are no project's words, and leave the residue.
 */
export function looseUnitWords(text: string, m: Mentions, entities: EntityRef[]): void {
  for (const o of m.unitOrgs) {
    const unit = entities.find((e) => e.unitId !== null && e.text === o.text);
    // Only a counter (那个's 个) may stand between the words and the unit's kind.
    const i = m.residue.findIndex((r) => r.end <= o.start && /^[个家]?$/.test(text.slice(r.end, o.start)));
    const words = i >= 0 ? text.slice(m.residue[i]!.start, o.start).replace(POINTING, '') : '';
    if (unit && words.length >= 2 && unit.name.includes(words)) m.residue.splice(i, 1);
  }
}
