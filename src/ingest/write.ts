// Writing one parsed document and its checks into the database; returns the document's id.
import type { Insertable } from 'kysely';
import type { Database, NewLineItem, NewNarrativeFact, NewPerformanceTarget } from '../store/schema.ts';
import type { CheckDraft } from './checks/index.ts';
import type { OwnerDraft, ProjectDraft, TableDraft } from './model.ts';
import type { RowWriter } from './rows.ts';
import type { ParsedFile } from './run.ts';
import { nameKey } from './text/cjk.ts';

function addAll<T extends keyof Database>(db: RowWriter, table: T, rows: Insertable<Database[T]>[]): void {
  for (const row of rows) db.add(table, row);
}

export interface Source {
  file: string;
  sha256: string;
  ingestedAt: string;
}

export function writeDocument(db: RowWriter, source: Source, parsed: Pick<ParsedFile, 'doc' | 'checks' | 'review'>): number {
  const { doc, checks, review } = parsed;
  const { meta } = doc;
  const { corroborations, truncation } = review;
  const documentId = db.insert('documents', {
      file: source.file,
      sha256: source.sha256,
      title: meta.title,
      department: meta.department,
      province: meta.province,
      city: meta.city,
      county: meta.county,
      division_code: meta.divisionCode,
      fiscal_year: meta.year,
      stage: meta.stage,
      amount_unit: meta.unit,
      line_count: doc.lines.length,
      ingested_at: source.ingestedAt,
      truncated_at: truncation?.line ?? null,
      truncation: truncation ? truncation.reasons.join('；') : null,
    });

  const unitIds = new Map<string, number>();
  for (const u of doc.units) {
    const id = db.insert('units', { document_id: documentId, code: u.code, name: u.name, role: u.role, line: u.line, raw_text: u.raw });
    unitIds.set(nameKey(u.name), id);
  }
  const unitId = (name: string | null) => (name ? (unitIds.get(nameKey(name)) ?? null) : null);

  const tableIds = new Map<TableDraft, number>();
  for (const t of doc.tables) {
    const spans = t.region.segments.map((s) => [s.rows[0]!.no, s.rows.at(-1)!.no] as const);
    const id = db.insert('source_tables', {
        document_id: documentId,
        kind: t.kind,
        name: t.region.name,
        number: t.region.number,
        amount_unit: t.unit,
        line_start: spans[0]![0],
        line_end: spans.at(-1)![1],
        status: t.status,
        note: t.note,
        mapping: corroborations.mappings.get(t) ?? null,
      });
    tableIds.set(t, id);
    addAll(db, 'table_segments', spans.map(([a, b]) => ({ table_id: id, line_start: a, line_end: b })));
  }

  // Projects named only in the prose (a 决算's self-evaluation summary) are projects too.
  const projects = [...doc.projects];
  const named = new Set(projects.map((p) => nameKey(p.name)));
  for (const f of doc.facts) {
    const name = f.subject_name;
    if (!f.metric.startsWith('project.') || !name) continue;
    if (!named.has(name)) {
      named.add(name);
      projects.push({ table: null, name, description: null, unitName: null, parent: null, line: f.line, raw: f.raw_text });
    }
  }
  const projectIds = new Map<ProjectDraft, number>();
  for (const p of projects) {
    const id = db.insert('projects', {
        document_id: documentId,
        unit_id: unitId(p.unitName),
        parent_id: null,
        name: p.name,
        name_key: nameKey(p.name),
        description: p.description,
        table_id: p.table ? tableIds.get(p.table)! : null,
        line: p.line,
        raw_text: p.raw,
      });
    projectIds.set(p, id);
  }
  for (const p of projects) {
    if (p.parent) db.run('update projects set parent_id = ? where id = ?', projectIds.get(p.parent)!, projectIds.get(p)!);
  }

  // Checks before the figures: each figure names the check that corroborates or contradicts it.
  const checkIds = new Map<CheckDraft, number>();
  for (const c of checks) {
    const id = db.insert('checks', {
        document_id: documentId,
        table_id: c.table ? (tableIds.get(c.table) ?? null) : null,
        rule: c.rule,
        subject: c.subject,
        passed: c.passed ? 1 : 0,
        expected_fen: c.expectedFen,
        actual_fen: c.actualFen,
        difference_fen: c.expectedFen !== null && c.actualFen !== null ? c.expectedFen - c.actualFen : null,
        tolerance_fen: c.toleranceFen,
        lines: JSON.stringify(c.lines),
        message: c.message,
        cause: review.cutOff.has(c) ? 'truncated' : null,
      });
    checkIds.set(c, id);
  }
  const checkId = (c: CheckDraft | null | undefined) => (c ? (checkIds.get(c) ?? null) : null);

  // Each figure written as it is visited: a list of them all would be a second copy of the document's cells.
  for (const t of doc.tables) {
    for (const c of [...t.cells, ...t.blanks]) {
      const item: NewLineItem = {
        document_id: documentId,
        table_id: tableIds.get(t)!,
        unit_id: unitId(c.unitName),
        project_id: c.project ? (projectIds.get(c.project) ?? null) : null,
        line: c.line,
        row_label: c.rowLabel,
        classification: c.classification,
        side: c.side,
        subject_code: c.subjectCode,
        subject_name: c.subjectName,
        level: c.level,
        parent_code: c.parentCode,
        alt_code: c.altCode,
        alt_name: c.altName,
        metric: c.metric,
        column_key: c.column.key,
        column_label: c.column.label,
        scope: c.column.scope,
        basis: c.column.basis,
        year: c.column.year,
        value_kind: c.valueKind,
        amount_fen: c.fen,
        quantity: c.quantity,
        precision_fen: c.precisionFen,
        raw_text: c.raw,
        flags: c.flags.join(','),
        as_of: t.region.asOf,
        corroboration: corroborations.cells.get(c)?.status ?? 'none',
        check_id: checkId(corroborations.cells.get(c)?.check),
        specification: c.specification ?? null,
      };
      db.add('line_items', item);
    }
  }

  const writeOwner = (o: OwnerDraft, tableId: number | null) => {
    const ownerId = db.insert('performance_owners', {
        document_id: documentId,
        table_id: tableId,
        owner_kind: o.kind,
        name: o.name,
        unit_id: o.kind === 'unit' ? unitId(o.name) : null,
        project_id: o.project ? (projectIds.get(o.project) ?? null) : null,
        goal: o.goal,
        goal_line: o.goalLine,
        outcome: o.outcome,
        indicator_score: o.indicatorScore,
        execution_score: o.executionScore,
        deduction: o.deduction,
        total_score: o.totalScore,
        score_line: o.scoreLine,
        execution_rate: o.executionRate,
        line: o.line,
      });
    const targets: NewPerformanceTarget[] = o.targets.map((x) => ({
      owner_id: ownerId,
      document_id: documentId,
      table_id: tableId,
      line: x.line,
      level1: x.level1,
      level2: x.level2,
      level3: x.level3,
      description: x.description,
      operator: x.operator,
      target_value: x.targetValue,
      target_number: x.targetNumber,
      target_unit: x.targetUnit,
      deadline: x.deadline,
      actual_value: x.actualValue,
      actual_number: x.actualNumber,
      actual_unit: x.actualUnit,
      completion: x.completion,
      weight: x.weight,
      score: x.score,
      basis: x.basis,
      raw_text: x.raw,
    }));
    addAll(db, 'performance_targets', targets);
  };
  for (const t of doc.tables) for (const o of t.owners) writeOwner(o, tableIds.get(t)!);
  // Goals stated in the prose belong to no table.
  for (const o of doc.owners) writeOwner(o, null);

  for (const f of doc.facts) {
    const verdict = corroborations.facts.get(f);
    const fact: NewNarrativeFact = { ...f, flags: f.flags ?? '', document_id: documentId, corroboration: verdict?.status ?? 'none', check_id: checkId(verdict?.check) };
    db.add('narrative_facts', fact);
  }
  for (const d of doc.internalDepartments) db.add('internal_departments', { ...d, document_id: documentId });
  for (const h of doc.headcounts) db.add('headcounts', { people: h.people, count: h.count, unit: h.unit, line: h.line, raw_text: h.raw, document_id: documentId });
  for (const u of doc.subordinateUnits) db.add('subordinate_units', { name: u.name, kind: u.kind, line: u.line, raw_text: u.raw, document_id: documentId });
  // Every row of the document in place before anything else is written or read.
  db.flush();
  return documentId;
}
