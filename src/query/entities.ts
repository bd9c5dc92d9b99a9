// Who a question is about: the departments and sub-units named, each once.
import type { EntityRef } from './ast.ts';
import type { Catalog } from './catalog.ts';
import type { Mentions } from './grammar/visitor.ts';
import type { Scope } from './loose.ts';

/** The entities named, each once, without a bare place beside one of its own sub-units. */
export function entitiesOf(m: Mentions, placeNames: ReadonlyMap<string, ReadonlySet<string>>): EntityRef[] {
  const entities: EntityRef[] = [];
  for (const e of m.entities) {
    if (!entities.some((x) => x.department === e.department && x.unitId === e.unitId)) {
      entities.push({ department: e.department, unitId: e.unitId, name: e.name, text: e.text });
    }
  }
  // 北票 北票市医疗保障事务服务中心: a bare place beside one of its own sub-units only says where it is.
  const placeOnly = (e: EntityRef) => e.unitId === null && (placeNames.get(e.department)?.has(e.text) ?? false);
  for (const e of [...entities]) {
    if (placeOnly(e) && entities.some((x) => x.unitId !== null && x.department === e.department)) entities.splice(entities.indexOf(e), 1);
  }
  return entities;
}

/**
 * 抚顺 医保中心: the unit of that name at the place named replaces the place. One named where there is
 * none must not be answered with the department: its words are returned, not understood.
 */
export function placeUnitOrgs(entities: EntityRef[], unitOrgs: Mentions['unitOrgs']): string[] {
  const unknown: string[] = [];
  for (const o of unitOrgs) {
    let found = false;
    for (const [i, e] of entities.entries()) {
      const unit = e.unitId === null ? o.units.find((u) => u.department === e.department) : undefined;
      if (unit) entities[i] = { ...unit, text: o.text };
      found ||= unit !== undefined;
    }
    if (!found && entities.length === 0 && o.units.length === 1) entities.push({ ...o.units[0]!, text: o.text });
    else if (!found) unknown.push(o.text);
  }
  return unknown;
}

/**
 * 抚顺 本级: the department's own level, a sub-unit of its own (抚顺市医疗保障局本级, 莲湖 …本级（机关）, 北票's
 * 北票市医疗保障局 beside its 中心). Where a department has none, the word is returned, not understood:
 * the department's total is not its 本级's.
 */
export function placeOwnLevel(entities: EntityRef[], m: Mentions, catalog: Catalog): string[] {
  if (!m.scopes.includes('subunit')) return [];
  const unknown: string[] = [];
  for (const [i, e] of entities.entries()) {
    if (e.unitId !== null) continue;
    const docs = new Set(catalog.departments.get(e.department)?.map((d) => d.id));
    const subunits = catalog.units.filter((u) => u.role === 'subunit' && docs.has(u.documentId));
    const own = subunits.find((u) => /本级|机关/.test(u.name)) ?? subunits.find((u) => e.department.endsWith(u.name));
    if (own) entities[i] = { department: e.department, unitId: own.id, name: own.name, text: e.text };
    else unknown.push('本级');
  }
  return unknown;
}

/** The documents of the departments named: a loose project name is looked for there only. */
export function scopeOf(catalog: Catalog, entities: EntityRef[]): Scope {
  return entities.length ? new Set(catalog.documents.filter((d) => entities.some((e) => e.department === d.department)).map((d) => d.id)) : undefined;
}
