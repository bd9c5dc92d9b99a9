// Small tables of labelled rows: 固定资产占用情况表 (项目 | 数量 | 价值) and
// 会议费培训费明细表 (名称 | 时间 | 人数 | 金额). Labels are matched to metrics.
import type { Grid } from '../layout/grid.ts';
import type { ParseContext, TableDraft } from '../model.ts';
import { labelKey, squeezeCjkSpaces } from '../text/cjk.ts';
import { metricForLabel } from '../../store/metrics.ts';
import { emptyRow, figure, meaningsFor } from './cells.ts';

const classificationOf: Record<string, string> = { assets: '固定资产', meetings: '会议培训' };

function meetingMetric(label: string): string | null {
  return /培训/.test(label) ? 'training' : /会议/.test(label) ? 'meeting' : null;
}

export function parseLabeled(table: TableDraft, grid: Grid, ctx: ParseContext): void {
  const meanings = meaningsFor(ctx, grid);
  for (const row of grid.rows) {
    const m = meanings(row.paths);
    const labelCol = m.findIndex((c) => c.role === 'label' || c.role === 'project' || c.role === 'name');
    const printed = squeezeCjkSpaces(row.cells[Math.max(labelCol, 0)] ?? '');
    const metric = table.kind === 'meetings' ? meetingMetric(printed) : (metricForLabel(labelKey(printed))?.key ?? null);
    const base = { ...emptyRow(row.line.no, printed, classificationOf[table.kind] ?? table.kind), metric, subjectName: printed || null };
    m.forEach((meaning, i) => {
      if ((meaning.role !== 'value' && meaning.role !== 'count') || !row.cells[i]) return;
      const cell = figure(table, base, row.cells[i]!, meaning, printed ? [] : ['unlabeled']);
      if (cell) table.cells.push(cell);
    });
  }
}
