// Who published the document, for which year, at which stage, in which unit.
import type { AmountUnit, Stage } from '../../store/schema.ts';
import type { Line } from '../layout/lines.ts';
import type { TableRegion } from '../layout/regions.ts';
import { stageOf } from './stage.ts';
import { squeezeCjkSpaces } from '../text/cjk.ts';
import type { DivisionLevel } from '../../store/places/divisions.ts';
import { readPlace } from '../../store/places/reading.ts';

export interface DocumentMeta {
  title: string;
  department: string;
  departmentCode: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  /** GB/T 2260 code of the most specific division the name determines; null when none or several fit (朝阳区). */
  divisionCode: string | null;
  year: number;
  stage: Stage;
  unit: AmountUnit;
}

export class UnreadableDocument extends Error {}

const ORG = /([\u4e00-\u9fa5]{2,30}?(?:局|中心|委员会|办公室|院|所|站|厅|馆|队|处))(?:（汇总）|\(汇总\)|本级)?/;

function mostCommon<T>(values: T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

/**
 * Province, city and county of a department, read against the division data: the official names,
 * the levels above the one printed filled in (曲阳县 → 河北省 保定市; 北京市朝阳区 → 北京市 北京市 朝阳区). A name several divisions
 * share (朝阳区 of 北京 and of 长春) keeps only what it printed.
 */
export function regionOf(department: string): Pick<DocumentMeta, 'province' | 'city' | 'county' | 'divisionCode'> {
  const r = readPlace(department);
  const printed = (level: DivisionLevel) => r.printed.find((p) => p.candidates.length > 0 && p.candidates.every((c) => c.level === level))?.text ?? null;
  // A municipality (北京市, a province-level 市) is the city of its districts too.
  const municipality = r.province?.name.endsWith('市') && r.county ? r.province.name : null;
  return {
    province: r.province?.name ?? printed('province'),
    city: r.city?.name ?? printed('city') ?? municipality,
    county: r.county?.name ?? printed('county'),
    divisionCode: r.division?.code ?? null,
  };
}

export function detectMetadata(lines: Line[], regions: TableRegion[]): DocumentMeta {
  const opening = lines.filter((l) => l.cells === null && l.text.trim() !== '').slice(0, 3).map((l) => squeezeCjkSpaces(l.text));
  const firstBlock: string[] = [];
  for (const l of lines) {
    if (l.text.trim() === '') {
      if (firstBlock.length) break;
      continue;
    }
    firstBlock.push(squeezeCjkSpaces(l.text));
  }
  const title = firstBlock.join(' ');

  const printed = regions.flatMap((r) => (r.department ? [r.department] : []));
  const named = mostCommon(printed.map((d) => d.name.replace(/（汇总）|\(汇总\)/, '')));
  const fromTitle = opening.map((t) => ORG.exec(t.replace(/^\d{4}\s*年度?/, ''))?.[1]).find((x) => x);
  // A number printed before the name (`部门名称：117 邵阳县财政局`) is the unit's code, not part of its name.
  const coded = /^(\d{3,12})\s*(\D.*)$/.exec(named ?? fromTitle ?? '');
  const department = coded ? coded[2]! : (named ?? fromTitle ?? null);
  if (!department) throw new UnreadableDocument('找不到部门名称（标题或“部门名称：”行）');
  const departmentCode = printed.find((d) => d.code && d.name.includes(department))?.code ?? coded?.[1] ?? null;

  const yearText = /(20\d{2})\s*年/.exec(title)?.[1] ?? String(mostCommon(regions.flatMap((r) => (r.year ? [r.year] : []))) ?? '');
  const year = Number(yearText);
  if (!year) throw new UnreadableDocument('找不到预算年度');

  const tablesText = regions.map((r) => r.name).join(' ');
  const stage = stageOf(title, tablesText);
  if (!stage) throw new UnreadableDocument('看不出是预算还是决算');
  const unit = mostCommon(regions.flatMap((r) => (r.unit ? [r.unit] : []))) ?? '万元';
  return { title, department, departmentCode, ...regionOf(department), year, stage, unit };
}
