// 收支总表 and 财政拨款收支总表: label columns (项目, 支出功能分类科目（按大类）…)
// each followed by their figure columns, on an income side and an expenditure side.
import type { ColumnMeaning } from '../layout/columns.ts';
import type { Grid } from '../layout/grid.ts';
import type { ParseContext, TableDraft } from '../model.ts';
import { labelKey, squeezeCjkSpaces, stripOrdinal } from '../text/cjk.ts';
import { metricForLabel } from '../../store/metrics.ts';
import { emptyCell, emptyRow, figure, meaningsFor } from './cells.ts';

interface LabelColumn {
  index: number;
  side: '收入' | '支出' | null;
  classification: string;
  values: number[];
}

function sideOf(label: string): '收入' | '支出' | null {
  if (/^收\s*入/.test(label)) return '收入';
  if (/^支\s*出/.test(label)) return '支出';
  return null;
}

function labelColumns(m: ColumnMeaning[]): LabelColumn[] {
  const out: LabelColumn[] = [];
  m.forEach((c, i) => {
    if (c.role === 'label') {
      const path = c.label.split('/');
      const side = sideOf(path[0] ?? '');
      const leaf = path.at(-1) ?? '';
      const classification = /部门预算支出经济分类|部门经济/.test(leaf)
        ? '部门经济分类'
        : /政府预算支出经济分类|政府经济/.test(leaf)
          ? '政府经济分类'
          : side === '支出'
            ? '功能分类'
            : '收支总表';
      out.push({ index: i, side, classification, values: [] });
    } else if ((c.role === 'value' || c.role === 'count') && out.length > 0) {
      out.at(-1)!.values.push(i);
    }
  });
  return out;
}

/** The metric of a summary row; 总计/合计 alone depend on the side they are printed on. */
function rowMetric(key: string, side: '收入' | '支出' | null): string | null {
  if (/^(总计|合计)$/.test(key)) return side === '收入' ? 'income.grand_total' : side === '支出' ? 'expenditure.grand_total' : null;
  // Income totals are only read on the income side, expenditure totals on the other.
  const other = side === '收入' ? 'expenditure.' : side === '支出' ? 'income.' : null;
  return metricForLabel(key, (m) => other === null || !m.key.startsWith(other))?.key ?? null;
}

/** Rows listed under `1、人员经费和公用经费支出` or `2、专项业务经费支出` are parts of that spending. */
const SECTION_MEASURES: Record<string, string> = { basic: 'basic', project: 'project' };

export function parsePairs(table: TableDraft, grid: Grid, ctx: ParseContext): void {
  const meanings = meaningsFor(ctx, grid);
  const sections = new Map<number, string>();
  for (const row of grid.rows) {
    const m = meanings(row.paths);
    for (const col of labelColumns(m)) {
      const printed = squeezeCjkSpaces(row.cells[col.index] ?? '');
      const key = labelKey(printed);
      const metric = printed ? rowMetric(key, col.side) : null;
      // On the expenditure side every row that is not a total names a subject.
      const isSubject = col.side === '支出' && metric === null && key !== '';
      if (isSubject && col.classification === '功能分类') table.labels.push({ line: row.line.no, column: col.index, name: key });
      const values = col.values.filter((i) => (row.cells[i] ?? '') !== '');
      const base = {
        ...emptyRow(row.line.no, printed, isSubject ? col.classification : '收支总表'),
        side: col.side,
        metric,
        subjectName: isSubject ? stripOrdinal(printed).replace(/\s+/g, '') : null,
      };
      if (values.length === 0) {
        // A named row printed with no figure (抚顺 表1 上年结转结余, 莲湖 表4 “1、一般公共服务支出”): kept, so the blank is
        // told rather than not found.
        if (metric || isSubject) table.blanks.push(...col.values.map((i) => emptyCell(base, m[i]!)));
        continue;
      }
      const flags = printed ? [] : ['unlabeled'];
      if (metric && SECTION_MEASURES[metric]) sections.set(col.index, SECTION_MEASURES[metric]);
      else if (!isSubject) sections.delete(col.index);
      const section = isSubject ? sections.get(col.index) : undefined;
      for (const i of values) {
        const meaning = section ? { ...m[i]!, measure: section } : m[i]!;
        const cell = figure(table, base, row.cells[i]!, meaning, flags);
        if (cell) table.cells.push(cell);
      }
    }
  }
}
