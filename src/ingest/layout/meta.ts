// The short lines printed around a table: its number, unit, department, year.
import type { AmountUnit } from '../../store/schema.ts';
import { squeezeCjkSpaces } from '../text/cjk.ts';
import { readDate } from '../text/dates.ts';

export type Meta =
  | { kind: 'number'; number: string }
  | { kind: 'unit'; unit: AmountUnit }
  | { kind: 'department'; name: string; code: string | null }
  | { kind: 'year'; year: number }
  | { kind: 'as_of'; date: string }
  | { kind: 'other' };

const ORG_SUFFIX = '(?:局|中心|所|院|站|委员会|办公室|处|队|馆|厅|部)(?:本级|（汇总）|\\(汇总\\)|（机关）)?';

/** A table's number as printed: 表5, 表 14-3, 表一, 附表1, 公开05表, 公开 6 表. */
export const TABLE_NUMBER = '附?表\\s*(?:\\d+|[一二三四五六七八九十]{1,3})(?:\\s*[-－—]\\s*\\d+)?|公开\\s*\\d+\\s*表';

const WHOLE_NUMBER = new RegExp(`^(?:${TABLE_NUMBER})$`);

/** The number a text is, spaces removed (`表 14` → 表14), or null. */
export function tableNumber(text: string): string | null {
  return WHOLE_NUMBER.test(text.trim()) ? text.replace(/\s+/g, '') : null;
}

/** A department named with its code in front (`473 曲阳县医疗保障局`, `312 泸溪县教育局`). */
function department(text: string): Meta {
  const m = /^(\d{3,6})\s*(\S.*)$/.exec(squeezeCjkSpaces(text));
  return { kind: 'department', name: m ? m[2]! : squeezeCjkSpaces(text), code: m ? m[1]! : null };
}

const PATTERNS: [RegExp, (m: RegExpExecArray) => Meta][] = [
  [new RegExp(`^[(（]?(${TABLE_NUMBER})[)）]?$`), (m) => ({ kind: 'number', number: m[1]!.replace(/\s+/g, '') })],
  // `单位：万元`, `金额单位：元`, `单位：万元（保留两位小数）`; units of the other figures may follow the money's (`单位：万元、%、分`).
  [/^(?:金额)?单位\s*[:：]\s*(万元|万|元)\s*(?:[、，,/]\s*(?:%|％|分|人|个|辆|次|‰)\s*)*(?:[（(][^）)]*[)）])?$/, (m) => ({ kind: 'unit', unit: m[1] === '元' ? '元' : '万元' })],
  // `部门：`, `单位名称：`, `编制部门：`, `预算单位：`, `主管部门：`: who the table is of.
  [/^(?!单位\s*[:：])(?:编制|填报|报送|预算|决算|主管)?(?:部门|单位)(?:名称)?\s*[:：]\s*(.+)$/, (m) => department(m[1]!)],
  [new RegExp(`^(\\d{3,6})\\s*(\\S{2,40}${ORG_SUFFIX})$`), (m) => ({ kind: 'department', name: m[2]!, code: m[1]! })],
  // `预算年度：2025`, `预算年度：2025年`, `决算年度：2024年度`, `年度：2023`.
  [/^(?:预算|决算)?年度\s*[:：]\s*(\d{4})\s*(?:年度?)?$/, (m) => ({ kind: 'year', year: Number(m[1]) })],
  // The period a table covers: `2023年度`, `（2023年）`, `2023年1月1日至2023年12月31日`.
  [/^[(（]?\s*(\d{4})\s*年度?\s*(?:(?:1|一)\s*月\s*(?:1|一)\s*日?\s*(?:至|—|-|－|~|～)\s*(?:\d{4}\s*年\s*)?(?:12|十二)\s*月\s*31\s*日)?\s*[)）]?$/, (m) => ({ kind: 'year', year: Number(m[1]) })],
  // The date a table's stocks stand at (固定资产占用情况表); unreadable, it is still not a title.
  [/^(?:截止|截至)(?:时间|日期)\s*[:：]\s*(.*)$/, (m) => {
    const date = readDate(m[1]!);
    return date ? { kind: 'as_of', date } : { kind: 'other' };
  }],
  // Dates of publication or filing, sign-offs: they say nothing about the figures.
  [/^(?:公开|填报|编制|报送|发布|打印)(?:日期|时间)\s*[:：]/, () => ({ kind: 'other' })],
  [/^(?:保密审查情况|部门主要负责人审签情况|单位负责人|财务负责人|制表人|填表人|审核人)\s*[:：]/, () => ({ kind: 'other' })],
];

/** A text line naming an organisation and nothing else (the department repeated over a page): never a title. */
const ORG_LINE = new RegExp(`^[\\u4e00-\\u9fa5（）()]{2,40}${ORG_SUFFIX}$`);

/** A line printing a page number (`第 4 页`, `- 5 -`, `—3—`, `4`): a page break, never a title. */
export function isPageNumber(text: string): boolean {
  return /^(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|[-—–－]+\s*\d+\s*[-—–－]+|\d+\s*\/\s*\d+|\d{1,3})$/.test(text.trim());
}

/** Reads one text (or cell) as a meta line; null when it is anything else. */
export function parseMeta(text: string): Meta | null {
  const t = text.trim();
  for (const [re, make] of PATTERNS) {
    const m = re.exec(t);
    if (m) return make(m);
  }
  return null;
}

/**
 * A text line of meta parts set apart by wide spaces (`编制单位：某某局        金额单位：万元`),
 * or one meta part; null when any part is something else.
 */
export function parseMetaLine(text: string): Meta[] | null {
  const part = (t: string): Meta | null => parseMeta(t) ?? (ORG_LINE.test(squeezeCjkSpaces(t)) ? { kind: 'other' } : null);
  const whole = part(text);
  if (whole) return [whole];
  const parts = text.trim().split(/\s{2,}|\u3000+/).filter((p) => p !== '');
  const metas = parts.map(part);
  return parts.length > 1 && metas.every((m) => m !== null) ? (metas as Meta[]) : null;
}

/** A unit printed after a title: `（单位：万元）`, `(金额单位:元)`, or set apart by spaces. */
const UNIT_AFTER_TITLE = /(?:\s*[（(]\s*(?:金额)?单位\s*[:：]\s*(万元|元)\s*[)）]|\s+(?:金额)?单位\s*[:：]\s*(万元|元))$/;

const NUMBER_BEFORE = new RegExp(`^(${TABLE_NUMBER})\\s+(\\S.*)$`);
const NUMBER_AFTER = new RegExp(`^(.*[^\\s（(])(?:\\s+[（(]?(${TABLE_NUMBER})[)）]?|\\s*[（(](${TABLE_NUMBER})[)）])$`);

/**
 * A title printed with its number (`部门收支总体情况表⇥表1`, `表1  部门收支总体情况表`,
 * `《收支预算总表》`) or its unit (`部门收支总体情况表（单位：万元）`): the title, the number and the unit apart.
 */
export function splitTitle(text: string): { title: string; number: string | null; unit: AmountUnit | null } {
  const u = UNIT_AFTER_TITLE.exec(text.trim());
  const unit = u ? ((u[1] ?? u[2]) === '元' ? '元' : '万元') : null;
  const t = (u ? text.trim().slice(0, u.index) : text.trim()).replace(/^《(.+)》$/, '$1');
  const before = NUMBER_BEFORE.exec(t);
  if (before) return { title: before[2]!.replace(/^《(.+)》$/, '$1').trim(), number: before[1]!.replace(/\s+/g, ''), unit };
  // After the title, set apart by spaces or in brackets (`收入支出决算表（公开01表）`).
  const after = NUMBER_AFTER.exec(t);
  if (after) return { title: after[1]!.replace(/^《(.+)》$/, '$1').trim(), number: (after[2] ?? after[3])!.replace(/\s+/g, ''), unit };
  return { title: t, number: null, unit };
}

/**
 * A tab row holding a table's title and its number and nothing else (`部门收支总体情况表⇥表1`), or the title
 * alone (`部门收支总体情况表⇥`, its number printed elsewhere).
 */
export function titleRow(cells: string[]): { title: string; number: string | null; unit: AmountUnit | null } | null {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  const numberAt = filled.findIndex((c) => parseMeta(c)?.kind === 'number');
  if (filled.length !== (numberAt < 0 ? 1 : 2)) return null;
  const title = filled[numberAt < 0 ? 0 : 1 - numberAt]!;
  if (!/表/.test(title) || /\d{3,}|[。；]/.test(title) || title.length > 50) return null;
  const { title: name, unit } = splitTitle(title);
  return { title: name, number: numberAt < 0 ? null : (parseMeta(filled[numberAt]!) as { number: string }).number, unit };
}

/** A tab row whose non-empty cells are all meta (`部门名称：…\t\t单位：元`). */
export function parseMetaRow(cells: string[]): Meta[] | null {
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 0) return null;
  const metas: Meta[] = [];
  // Stops at the first cell that is not meta: most rows are figures, and reading their every cell was a cost per row.
  for (const c of filled) {
    const m = parseMeta(c);
    if (!m) return null;
    metas.push(m);
  }
  return metas;
}

/** A note printed under a table (`注：…`, `备注：…`, `如本表为空…`). */
export function isNote(text: string): boolean {
  return /^(?:注|备注|说明)\s*[:：]|^如(?:本|此)表为空|^本表(?:金额|反映)|^其中[:：]\s*预算数为/.test(text.trim());
}

/** Running prose: a sentence, not a heading or a table title. */
export function isProse(text: string): boolean {
  const t = text.trim();
  return t.length > 60 || /[。；;，,：:]$/.test(t) || /[。；]/.test(t);
}
