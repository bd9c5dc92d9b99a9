// Which kind of table a region is: from its title (grammar/tables.json), or
// from its content when the title says nothing (a table of contents, a list of units).
import vocabulary from '../../../grammar/tables.json' with { type: 'json' };
import type { TableKind } from '../../store/schema.ts';
import type { TableRegion } from '../layout/regions.ts';

const kinds = vocabulary.kinds.map((k) => ({ kind: k.kind as TableKind, re: new RegExp(k.pattern) }));

export const groupRowLabels: ReadonlySet<string> = new Set(vocabulary.groupRows);

/** A table of contents: rows of a name and a page number. */
function looksLikeContents(region: TableRegion): boolean {
  const rows = region.segments.flatMap((s) => s.rows);
  const pages = rows.filter((r) => {
    const filled = r.cells!.filter((c) => c !== '');
    return filled.length === 2 && /^\d{1,3}$/.test(filled[1]!);
  });
  return rows.length > 0 && pages.length >= rows.length * 0.7;
}

function looksLikeUnitList(region: TableRegion): boolean {
  const first = region.segments[0]!.rows[0]!.cells!.map((c) => c.replace(/\s+/g, ''));
  return first.includes('单位名称') && !first.some((c) => /预算|金额|合计|支出|收入/.test(c));
}

export function classifyTable(region: TableRegion): TableKind {
  const title = region.titled ? region.name.replace(/\s+/g, '') : '';
  if (looksLikeContents(region)) return 'toc';
  const byTitle = kinds.find((k) => k.re.test(title));
  if (byTitle) return byTitle.kind;
  if (looksLikeUnitList(region)) return 'units';
  return 'unknown';
}
