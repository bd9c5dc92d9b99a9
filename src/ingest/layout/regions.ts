// Finding the tables in a document. A table is one or more runs of tab rows
// ("segments": pages), each run introduced by a few short lines (title, 表N,
// 单位, 部门名称…). A run continues the previous table when nothing but such
// lines (or nothing at all) stands between them and any title repeats the
// previous one — the way PDF pages repeat a table's heading.
import type { AmountUnit } from '../../store/schema.ts';
import { nameKey, squeezeCjkSpaces } from '../text/cjk.ts';
import { isBlank, type Line } from './lines.ts';
import { unitInHeader } from './columns.ts';
import { isHeaderRow } from './grid.ts';
import { isNote, isPageNumber, isProse, parseMetaLine, parseMetaRow, splitTitle, titleRow, type Meta } from './meta.ts';

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
  /** Title candidates after the last prose line, without the table number printed with them. */
  titles: string[];
  /** The line of the last title candidate, and whether it may go on in the next line. */
  lastTitle: { no: number; open: boolean } | null;
  headings: string[];
  prose: boolean;
}

const emptyGap = (): Gap => ({ metas: [], titles: [], lastTitle: null, headings: [], prose: false });

function isTitleCandidate(text: string): boolean {
  // Runs of spaces (a number or unit pushed to the right margin) do not make a title long.
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > 0 && t.length <= 50 && !isProse(t) && !/^第[一二三四五六七八九十]+部分/.test(t);
}

/**
 * A line of text alone that continues a table's rows: short, no figure, no tab, no meta, page number or note; the row
 * above it has figures, and so does the line after it (or the one after that, when a name's end and the next name's
 * start are both printed alone).
 */
function namePiece(line: Line, next: Line[], current: TableRegion): boolean {
  const hasFigures = (l: Line | undefined) => l?.cells != null && !isHeaderRow(l.cells);
  const piece = (l: Line | undefined) => {
    const text = l?.cells === null ? l.text.trim() : '';
    return (
      text !== '' && text.length <= 20 && !/\d/.test(text) && !/[：:。；;，,]/.test(text) && !isPageNumber(l!.raw) && !isNote(text) &&
      parseMetaLine(text) === null && nameKey(text) !== nameKey(current.name)
    );
  };
  // The row above: the last with tabs (a name's end printed alone may stand between).
  const above = current.segments.at(-1)!.rows.findLast((r) => r.raw.includes('\t'));
  return piece(line) && hasFigures(above) && (hasFigures(next[0]) || (piece(next[0]) && hasFigures(next[1])));
}

/** A title that may go on in the next line: it names no table yet and is no numbered heading. */
function isOpenTitle(name: string): boolean {
  return !/[表》）)]$/.test(name) && !/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])/.test(name) && /预算|决算|经费|收入|支出|收支|绩效|项目|资产|采购/.test(name);
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
    const titleString = gap.titles.at(-1) ?? null;
    const number = gap.metas.findLast((m) => m.meta.kind === 'number');
    const numberText = number && number.meta.kind === 'number' ? number.meta.number : null;
    const unitMeta = gap.metas.findLast((m) => m.meta.kind === 'unit');
    const unit = unitMeta && unitMeta.meta.kind === 'unit' ? unitMeta.meta.unit : null;
    const dept = gap.metas.findLast((m) => m.meta.kind === 'department');
    const yearMeta = gap.metas.findLast((m) => m.meta.kind === 'year');
    const asOfMeta = gap.metas.findLast((m) => m.meta.kind === 'as_of');
    const asOf = asOfMeta && asOfMeta.meta.kind === 'as_of' ? asOfMeta.meta.date : null;

    const continues =
      current !== null &&
      !gap.prose &&
      (titleString === null
        ? numberText === null || numberText === current.number
        : (nameKey(titleString) === nameKey(current.name) && (numberText === null || numberText === current.number)) ||
          isTruncationOf(titleString, current.name));

    // Only meta lines (a unit, a period, 编制单位) between the rows of a header: the same page goes on.
    const inHeader = current !== null && !gap.prose && gap.titles.length === 0 && current.segments.at(-1)!.rows.every((r) => isHeaderRow(r.cells!));
    if (inHeader && current) {
      current.segments.at(-1)!.rows.push(first);
      current.unit ??= unit;
      current.year ??= yearMeta && yearMeta.meta.kind === 'year' ? yearMeta.meta.year : null;
    } else if (continues && current) {
      current.segments.push({ rows: [first], title: titleString });
      current.unit ??= unit;
      current.asOf ??= asOf;
    } else {
      const heading = gap.headings.at(-1);
      current = {
        name: titleString ?? heading ?? '',
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

  /** The next line that is not blank states a table's unit, department or year. */
  const metaFollows = (i: number) => {
    const next = lines.slice(i + 1).find((l) => !isBlank(l));
    return next !== undefined && ((next.cells ? parseMetaRow(next.cells) : parseMetaLine(next.text)) ?? []).length > 0;
  };
  const addTitle = (text: string, line: Line) => {
    const { title, number, unit } = splitTitle(text);
    if (number) gap.metas.push({ meta: { kind: 'number', number }, line });
    if (unit) gap.metas.push({ meta: { kind: 'unit', unit }, line });
    const name = squeezeCjkSpaces(title);
    // A title too long for its line goes on in the next (`一般公共预算“三公”经费` / `支出情况表`).
    const wraps = gap.lastTitle?.open === true && gap.lastTitle.no === line.no - 1 && gap.titles.length > 0;
    if (wraps) {
      gap.titles[gap.titles.length - 1] += name;
      gap.headings[gap.headings.length - 1] += name;
    } else {
      gap.titles.push(name);
      gap.headings.push(name);
    }
    gap.lastTitle = { no: line.no, open: !wraps && number === null && isOpenTitle(name) };
  };

  for (const [i, line] of lines.entries()) {
    if (isBlank(line)) continue;
    const metaRow = line.cells ? parseMetaRow(line.cells) : null;
    // A title and its number printed as a row of two cells; inside a run only when a unit or department line follows.
    const titled = line.cells && !metaRow ? titleRow(line.cells) : null;
    if (titled && (!inRun || metaFollows(i))) {
      inRun = false;
      if (titled.number) gap.metas.push({ meta: { kind: 'number', number: titled.number }, line });
      if (titled.unit) gap.metas.push({ meta: { kind: 'unit', unit: titled.unit }, line });
      gap.titles.push(titled.title);
      gap.headings.push(titled.title);
      continue;
    }
    if (line.cells && !metaRow) {
      if (inRun && current) current.segments.at(-1)!.rows.push(line);
      else startRun(line);
      continue;
    }
    // A name too long for its cell, its rest (or its start) printed on a line of its own between two rows: a row
    // of the table (joined to its neighbour, document/named-subjects.ts), not a title opening another table.
    if (inRun && current && !metaRow && namePiece(line, lines.slice(i + 1, i + 3), current)) {
      current.segments.at(-1)!.rows.push({ ...line, cells: [line.text] });
      continue;
    }
    // A text line (or a row of meta cells) ends the run and joins the gap before the next one.
    inRun = false;
    // The raw line: cleaning takes `- 5 -` for a list item.
    const metas = metaRow ?? (isPageNumber(line.raw) ? [{ kind: 'other' } as const] : (parseMetaLine(line.text) ?? []));
    if (metas.length > 0) {
      for (const meta of metas) gap.metas.push({ meta, line });
    } else if (isNote(line.text) && current) {
      current.notes.push(line);
    } else if (isTitleCandidate(line.text)) {
      addTitle(line.text, line);
    } else {
      gap.prose = true;
      gap.titles = [];
    }
  }
  for (const r of regions) r.unit ??= headerUnit(r);
  return regions;
}

/** A table stating its unit only in its header cells (`合计（万元）`): that unit, when they all print the same. */
function headerUnit(region: TableRegion): AmountUnit | null {
  const rows = region.segments[0]!.rows;
  const end = rows.findIndex((r) => !isHeaderRow(r.cells!));
  const header = end < 0 ? rows : rows.slice(0, end);
  const units = new Set(header.flatMap((r) => r.cells!.map(unitInHeader).filter((u) => u !== null)));
  return units.size === 1 ? [...units][0]! : null;
}

/** First and last line numbers of a segment. */
export function segmentSpan(segment: Segment): [number, number] {
  return [segment.rows[0]!.no, segment.rows.at(-1)!.no];
}
