// 列表: the departments and years held, a department's projects, units, tables,
// or the consistency findings about its document.
import type { StructuredQuery } from '../../query/ast.ts';
import type { Catalog } from '../../query/catalog.ts';
import type { ProjectRow } from '../../store/schema.ts';
import { show } from '../figures.ts';
import { heading, reply, type Reply } from '../reply.ts';
import { shortName, type Scope } from '../resolve.ts';
import { projectAmounts, type Sources } from '../sources.ts';
import { stageOf } from '../targets.ts';

export function listCatalog(catalog: Catalog, q: StructuredQuery): Reply {
  const rows = [...catalog.departments.entries()].filter(([d]) => q.entities.length === 0 || q.entities.some((e) => e.department === d));
  const lines = rows.map(([d, docs]) => `· ${d}（${shortName(d)}）：${docs.map((x) => `${x.fiscal_year}年${x.stage}`).join('、')}`);
  return reply('answered', [q.listOf === 'years' ? '各部门公开的年份：' : `共有${rows.length}个部门的公开资料：`, ...lines]);
}

/**
 * Projects the document names but prints no amount for at all (曲阳's 绩效目标表 name 14
 * projects; its 政府采购 table prices 7). A project with an amount that projectAmounts
 * leaves out is another name for a listed one (莲湖 医疗保险经办中心经费), not a project more.
 */
function unpricedProjects(s: Sources, scope: Scope): ProjectRow[] {
  const doc = scope.doc;
  const all = s.queries.projects(doc.id);
  const parents = new Set(all.map((p) => p.parent_id));
  const priced = new Set(s.queries.projectFigures(doc.id).filter((r) => r.value_kind === 'money').map((r) => r.project_id));
  const stated = (key: string) => s.queries.factsByName(doc.id, key).some((f) => f.aspect === 'amount');
  return all.filter((p) => !parents.has(p.id) && !priced.has(p.id) && !stated(p.name_key));
}

export function listWithin(s: Sources, q: StructuredQuery, scope: Scope): Reply {
  const head = heading(scope.entity, scope.doc);
  const note = scope.yearNote ? [scope.yearNote] : [];
  switch (q.listOf) {
    case 'years': {
      const docs = s.catalog.departments.get(scope.doc.department) ?? [];
      return reply('answered', [`${scope.doc.department}公开的资料：${docs.map((d) => `${d.fiscal_year}年${d.stage}`).join('、')}`]);
    }
    case 'units': {
      const units = s.queries.units(scope.doc.id);
      return reply('answered', [...note, `${head}包括的单位：`, ...units.map((u) => `· ${u.name}${u.code ? `（${u.code}）` : ''}${u.role === 'department' ? '（部门）' : ''}`)]);
    }
    case 'tables': {
      const tables = s.queries.tables(scope.doc.id).filter((t) => t.kind !== 'toc');
      return reply('answered', [...note, `${head}中的表格：`, ...tables.map((t) => `· ${t.number ? `${t.number} ` : ''}${t.name}（第${t.line_start}–${t.line_end}行${t.status === 'parsed' ? '' : `，${t.status === 'empty' ? '空表' : t.status === 'misaligned' ? '表头错位' : t.status}`}）`)]);
    }
    case 'checks': {
      const failed = s.queries.failedChecks(scope.doc.id);
      if (failed.length === 0) return reply('answered', [...note, `${head}：核对全部通过。`]);
      return reply('answered', [...note, `${head}核对发现${failed.length}处原文问题（未作更正）：`, ...failed.map((c) => `· ${c.message}`)]);
    }
    default: {
      const stage = stageOf(q.stage, scope);
      const inScope = (entity: string) => scope.unitId === null || entity === scope.entity;
      const projects = projectAmounts(s, scope.doc, scope.doc.fiscal_year, stage).filter((f) => inScope(f.entity));
      const unpriced = unpricedProjects(s, scope).filter((p) => inScope(s.entity(scope.doc, p.unit_id)));
      const total = projects.length + unpriced.length;
      if (total === 0) return reply('not_found', [...note, `${head}没有公开项目明细。`]);
      const lines = [...note, `${head}共有${total}个项目${unpriced.length ? `，其中${unpriced.length}个文件中没有印金额` : ''}：`];
      let unit = '';
      for (const p of projects) {
        // The department heads its own projects only once another unit's have been listed.
        if (p.entity !== unit && (unit !== '' || p.entity !== scope.doc.department)) lines.push(`【${p.entity}】`);
        unit = p.entity;
        lines.push(`· ${p.label}：${show(p)}`);
      }
      if (unpriced.length) lines.push('没有印金额的项目：', ...unpriced.map((p) => `· ${p.name}（第${p.line}行）`));
      return reply('answered', lines, projects);
    }
  }
}

