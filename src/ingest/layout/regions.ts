// Finding the tables in a document. A table is one or more runs of tab rows
// ("segments": pages), each run introduced by a few short lines (title, 表N,
// 单位, 部门名称…). A run continues the previous table when nothing but such
// lines (or nothing at all) stands between them and any title repeats the
// previous one — the way PDF pages repeat a table's heading.
import type { AmountUnit } from '../../store/schema.ts';
import { nameKey, squeezeCjkSpaces } from '../text/cjk.ts';
import { isBlank, type Line } from './lines.ts';
import { isNote, isProse, parseMeta, parseMetaRow, type Meta } from './meta.ts';

export interface Segment {
  rows: Line[];
  /** Title printed above this page, when it was (a truncated one marks a fragment). */
  title: string | null;
}

export interface TableRegion {
  /** Name as printed, or the nearest heading when the table has no title. */
  name: string;
  titled: boolean;
  number: string | null;
  unit: AmountUnit | null;
  /** Lines of notes printed with the table (`注：…`, `备注：…`). */
  notes: Line[];
  segments: Segment[];
  /** Department named above the table (`部门名称：…`, `473 曲阳县医疗保障局`). */
  department: { name: string; code: string | null; line: number } | null;
  /** Year named above the table (`预算年度：2023`, `2022 预算数` is a header, not this). */
  year: number | null;
  /** The date its figures stand at (`截止时间：2022-12-31`), ISO. */
  asOf: string | null;
}

interface Gap {
  metas: { meta: Meta; line: Line }[];
  /** Title candidates after the last prose line. */
  titles: Line[];
  headings: Line[];
  prose: boolean;
}

const emptyGap = (): Gap => ({ metas: [], titles: [], headings: [], prose: false });

function titleText(line: Line): string {
  return squeezeCjkSpaces(line.text);
}

function isTitleCandidate(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 50 && !isProse(t) && !/^第[一二三四五六七八九十]+部分/.test(t);
}

/** A title cut off by the page edge (`项目支出预` for `项目支出预算表`). */
function isTruncationOf(title: string, name: string): boolean {
  const a = nameKey(title);
  const b = nameKey(name);
  return a.length >= 4 && a.length < b.length && b.startsWith(a);
}

export function findRegions(lines: Line[]): TableRegion[] {
  const regions: TableRegion[] = [];
  let current = null as TableRegion | null;
  let gap = emptyGap();
  let inRun = false;

  const startRun = (first: Line) => {
    const title = gap.titles.at(-1) ?? null;
    const number = gap.metas.findLast((m) => m.meta.kind === 'number');
    const numberText = number && number.meta.kind === 'number' ? number.meta.number : null;
    const unitMeta = gap.metas.findLast((m) => m.meta.kind === 'unit');
    const unit = unitMeta && unitMeta.meta.kind === 'unit' ? unitMeta.meta.unit : null;
    const dept = gap.metas.findLast((m) => m.meta.kind === 'department');
    const yearMeta = gap.metas.findLast((m) => m.meta.kind === 'year');
    const asOfMeta = gap.metas.findLast((m) => m.meta.kind === 'as_of');
    const asOf = asOfMeta && asOfMeta.meta.kind === 'as_of' ? asOfMeta.meta.date : null;
    const titleString = title ? titleText(title) : null;

    const continues =
      current !== null &&
      !gap.prose &&
      (titleString === null
        ? numberText === null || numberText === current.number
        : (nameKey(titleString) === nameKey(current.name) && (numberText === null || numberText === current.number)) ||
          isTruncationOf(titleString, current.name));

    if (continues && current) {
      current.segments.push({ rows: [first], title: titleString });
      current.unit ??= unit;
      current.asOf ??= asOf;
    } else {
      const heading = gap.headings.at(-1);
      current = {
        name: titleString ?? (heading ? titleText(heading) : ''),
        titled: titleString !== null,
        number: numberText,
        unit,
        notes: [],
        segments: [{ rows: [first], title: titleString }],
        department:
          dept && dept.meta.kind === 'department' ? { name: dept.meta.name, code: dept.meta.code, line: dept.line.no } : null,
        year: yearMeta && yearMeta.meta.kind === 'year' ? yearMeta.meta.year : null,
        asOf,
      };
      regions.push(current);
    }
    gap = emptyGap();
    inRun = true;
  };

  for (const line of lines) {
    if (isBlank(line)) continue;
    const metaRow = line.cells ? parseMetaRow(line.cells) : null;
    if (line.cells && !metaRow) {
      if (inRun && current) current.segments.at(-1)!.rows.push(line);
      else startRun(line);
      continue;
    }
    // A text line (or a row of meta cells) ends the run and joins the gap before the next one.
    inRun = false;
    const metas = metaRow ?? [parseMeta(line.text)].filter((m): m is Meta => m !== null);
    if (metas.length > 0) {
      for (const meta of metas) gap.metas.push({ meta, line });
    } else if (isNote(line.text) && current) {
      current.notes.push(line);
    } else if (isTitleCandidate(line.text)) {
      gap.titles.push(line);
      gap.headings.push(line);
    } else {
      gap.prose = true;
      gap.titles = [];
    }
  }
  return regions;
}

/** First and last line numbers of a segment. */
export function segmentSpan(segment: Segment): [number, number] {
  return [segment.rows[0]!.no, segment.rows.at(-1)!.no];
}
