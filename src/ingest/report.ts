// The ingest report a person reads: per document, what was found, stored and checked.
import type { TableDraft } from './model.ts';
import type { IngestResult, ParsedFile } from './run.ts';

const KIND_NAMES: Record<string, string> = {
  summary: '收支总表',
  income: '收入表',
  expenditure: '支出表',
  three_public: '“三公”经费表',
  projects: '项目表',
  performance: '绩效表',
  meetings: '会议培训表',
  assets: '资产表',
  units: '单位表',
  toc: '目录',
  unknown: '未识别',
};

const STATUS_NAMES: Record<string, string> = { empty: '空表', fragment: '残页', misaligned: '表头错位，数字未用于回答', unclassified: '未能识别' };

function lines(from: number, to: number): string {
  return from === to ? `第${from}行` : `第${from}–${to}行`;
}

const tableLabel = (t: TableDraft) => `${t.region.number ? `${t.region.number} ` : ''}${t.region.name || '（无标题）'}`;

export const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

/** Coverage you can see: printed vs stored figures, unclassified regions, uncorroborated figures. */
function coverageLines(p: ParsedFile): string[] {
  const { coverage, corroborations, truncation } = p.review;
  const out: string[] = [];
  if (truncation) out.push(`  ⚠ 文件不完整：在第${truncation.line}行中断（${truncation.reasons.join('；')}）`);
  out.push(`  覆盖：表格中印有数字 ${coverage.found} 个，存入 ${coverage.stored} 个（${percent(coverage.stored, coverage.found)}）`);
  for (const t of coverage.tables.filter((x) => x.stored < x.found)) {
    const where = t.missed.slice(0, 8).map((n) => `第${n}行`).join('、') + (t.missed.length > 8 ? `等${t.missed.length}行` : '');
    out.push(`    ${tableLabel(t.table)}：印 ${t.found} 个，存 ${t.stored} 个；未存：${where}`);
  }
  const c = coverage.corroboration;
  out.push(`  印证：勾稽关系 ${c.rule} 个，正文相符 ${c.text} 个，无可印证 ${c.none} 个，核对不符 ${c.contradicted} 个，栏目未经印证 ${c.unmapped} 个`);
  const unconfirmed = [...corroborations.mappings].filter(([, m]) => m === 'unconfirmed').map(([t]) => tableLabel(t));
  if (unconfirmed.length) out.push(`    栏目对应无任何勾稽关系印证：${unconfirmed.join('、')}`);
  // Columns whose header names nothing the vocabulary knows: their figures are stored, never answered.
  for (const t of p.doc.tables) {
    const unknown = [...new Set(t.cells.filter((x) => x.column.key === 'unknown').map((x) => x.column.label || '（无表头）'))];
    if (unknown.length) out.push(`    ${tableLabel(t)}：栏目含义不明，其数字不用于回答：${unknown.map((l) => `“${l}”`).join('、')}`);
  }
  return out;
}

export function documentReport(p: ParsedFile): string {
  return withHeading(p.file, reportBody(p));
}

/** A document's report under the name of its file. */
export const withHeading = (file: string, body: string) => `■ ${file}\n${body}`;

/** The report but its heading: what is stored with the document, whatever its file is called later. */
export function reportBody(p: ParsedFile): string {
  const { doc, checks } = p;
  const m = doc.meta;
  const out: string[] = [];
  const region = [m.province, m.city, m.county].filter(Boolean).join('') || '（未注明）';
  out.push(`  ${m.department}｜${m.year}年${m.stage}｜金额单位：${m.unit}｜地区：${region}`);
  out.push(`  标题：${m.title}`);
  out.push(`  表格 ${doc.tables.length} 个：`);
  for (const t of doc.tables) {
    const segments = t.region.segments;
    const span = lines(segments[0]!.rows[0]!.no, segments.at(-1)!.rows.at(-1)!.no);
    const pages = segments.length > 1 ? `，${segments.length}页` : '';
    const figures = t.cells.length ? `，${t.cells.length}个数` : '';
    const owners = t.owners.length ? `，${t.owners.length}组绩效目标共${t.owners.reduce((n, o) => n + o.targets.length, 0)}条` : '';
    const status = STATUS_NAMES[t.status] ? `【${STATUS_NAMES[t.status]}】` : '';
    out.push(`    ${tableLabel(t)}〔${KIND_NAMES[t.kind]}〕${span}${pages}${figures}${owners}${status}`);
    const fragments = segments.filter((s) => s.title !== null && s.title !== t.region.name);
    if (fragments.length) {
      const where = fragments.map((s) => lines(s.rows[0]!.no, s.rows.at(-1)!.no)).join('、');
      out.push(`      其中 ${fragments.length} 页为残页（标题截断为“${fragments[0]!.title}”，只有表头）：${where}`);
    }
    for (const problem of t.problems) out.push(`      ! ${problem}`);
  }
  const unknown = doc.tables.filter((t) => t.kind === 'unknown');
  if (unknown.length) out.push(`  未能识别的表格区域：${unknown.map((t) => lines(t.region.segments[0]!.rows[0]!.no, t.region.segments.at(-1)!.rows.at(-1)!.no)).join('、')}`);
  const cells = doc.tables.flatMap((t) => t.cells);
  const rows = new Set(cells.map((c) => c.line)).size;
  out.push(`  存入：${rows} 行 ${cells.length} 个数；单位 ${doc.units.length} 个；项目 ${doc.projects.length} 个；正文数字 ${doc.facts.length} 个`);
  for (const o of doc.owners) out.push(`  正文中的绩效目标：${o.name}，第${o.line}行起，指标${o.targets.length}条`);
  out.push(...coverageLines(p));
  const failed = checks.filter((c) => !c.passed);
  const { cutOff, truncation } = p.review;
  const cut = cutOff.size ? `（其中 ${cutOff.size} 项因文件在第${truncation!.line}行中断，不是原文问题）` : '';
  out.push(`  核对：${checks.length - failed.length} 项通过，${failed.length} 项未通过${cut}${failed.length ? '：' : ''}`);
  for (const c of failed) out.push(`    ✗ [${c.rule}] ${c.message}（第${c.lines.join('、')}行）${cutOff.has(c) ? '——文件中断所致' : ''}`);
  return out.join('\n');
}

/** What a document adds to the closing line of the report; stored with it, so a reused document adds it too. */
export interface DocumentSummary {
  /** Figures stored: table cells and figures read from the prose. */
  figures: number;
  /** Failing checks that are findings about the source; those a cut-off file causes are `checksCut`. */
  checksFailed: number;
  checksCut: number;
  /** Numbers printed in table regions, and how many of them were stored. */
  found: number;
  stored: number;
  truncated: boolean;
}

export function summaryOf(p: ParsedFile): DocumentSummary {
  return {
    figures: p.doc.tables.reduce((n, t) => n + t.cells.length, 0) + p.doc.facts.length,
    checksFailed: p.checks.filter((c) => !c.passed && !p.review.cutOff.has(c)).length,
    checksCut: p.review.cutOff.size,
    found: p.review.coverage.found,
    stored: p.review.coverage.stored,
    truncated: p.review.truncation !== null,
  };
}

/**
 * What is not in the per-document reports (printed as each document is stored): files skipped as
 * copies, files that could not be read, and how many documents were reused unchanged.
 */
export function ingestReport(result: IngestResult): string {
  const parts: string[] = [];
  const reused = result.documents.filter((d) => d.reused).length;
  if (reused) parts.push(`■ ${reused} 份文档内容未变（sha256 相同），沿用上次入库的结果，未重新读取（npm run ingest -- --full 全部重读）`);
  for (const d of result.duplicates) parts.push(`■ ${d.file}：内容与 ${d.sameAs} 相同，已跳过`);
  for (const f of result.failed) parts.push(`■ ${f.file}：无法读取 —— ${f.reason}`);
  return parts.join('\n\n');
}

/** The closing line: what the database now holds. */
export function closingLine(result: IngestResult): string {
  // A summary stored before checksCut existed counts as none.
  const sum = (key: 'figures' | 'checksFailed' | 'checksCut' | 'found' | 'stored') => result.documents.reduce((n, d) => n + (d.summary[key] ?? 0), 0);
  const truncated = result.documents.filter((d) => d.summary.truncated).length;
  const read = result.documents.filter((d) => !d.reused).length;
  const reused = result.documents.length - read;
  return `已写入 ${result.databasePath}：${result.documents.length} 份文档${reused ? `（新读 ${read} 份，沿用 ${reused} 份）` : ''}，表格数字存入 ${sum('stored')}/${sum('found')}（${percent(sum('stored'), sum('found'))}），核对未通过 ${sum('checksFailed')} 项（均为原文问题，未作更正）${truncated ? `，${truncated} 份文档不完整${sum('checksCut') ? `（另有 ${sum('checksCut')} 项核对因文件中断未能通过）` : ''}` : ''}。`;
}
