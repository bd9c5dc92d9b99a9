// Subject rows printed by name only (an 一般公共预算支出表 with no code column, each subject's level shown by
// indentation): each name is given the code the document's coded tables print it with — under the subject
// resolved above it when a name recurs (行政运行 under 教育管理事务 is 2050101) — so the rows take part in the
// hierarchy and cross-table checks like coded ones. A name too long for its cell may go on, or begin, on a line of
// its own (`机关事业单位基本养老` / `保险缴费支出`): that piece is joined to the row above or below it, whichever
// then reads as a subject the document prints; to the row above when neither does.
import type { CellDraft, TableDraft } from '../model.ts';
import { nameKey } from '../text/cjk.ts';
import { classificationOf, levelOf } from '../tables/coded.ts';

/** Every code each subject name is printed with in the document's coded tables. */
function codesByName(tables: TableDraft[]): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  for (const t of tables) {
    for (const c of t.cells) {
      if (!c.subjectCode || !c.subjectName || !c.level || c.level === 'total' || c.level === 'unit') continue;
      const key = nameKey(c.subjectName);
      byName.set(key, (byName.get(key) ?? new Set()).add(c.subjectCode));
    }
  }
  return byName;
}

/** A table's rows in printed order: the figures of each line. */
function rowsOf(table: TableDraft): CellDraft[][] {
  const byLine = new Map<number, CellDraft[]>();
  for (const c of table.cells) byLine.set(c.line, [...(byLine.get(c.line) ?? []), c]);
  return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([, cells]) => cells);
}

const rename = (row: CellDraft[], name: string) => {
  for (const c of row) {
    c.rowLabel = c.subjectCode ? `${c.subjectCode} ${name}` : name;
    c.subjectName = name;
    c.flags.push('merged_lines');
  }
};

/** The name pieces printed on lines of their own, each joined to its row. */
function joinPieces(table: TableDraft, known: (name: string) => boolean): void {
  const rows = rowsOf(table).filter((r) => r[0]!.subjectName !== null);
  for (const piece of table.wrapped) {
    const above = rows.findLast((r) => r[0]!.line < piece.line);
    const below = rows.find((r) => r[0]!.line > piece.line);
    const up = above && `${above[0]!.subjectName}${piece.text}`;
    const down = below && `${piece.text}${below[0]!.subjectName}`;
    if (up && known(up)) rename(above, up);
    else if (down && known(down)) rename(below, down);
    else if (up && above[0]!.line === piece.line - 1) rename(above, up);
  }
}

export function resolveNamedSubjects(tables: TableDraft[]): void {
  const byName = codesByName(tables);
  for (const t of tables) {
    if (t.kind !== 'expenditure' && t.kind !== 'income') continue;
    joinPieces(t, (name) => byName.has(nameKey(name)));
    // The codes resolved above the row, outermost first: a recurring name is the one under them.
    const path: string[] = [];
    for (const row of rowsOf(t)) {
      const first = row[0]!;
      if (first.subjectCode || !first.subjectName || first.level === 'total' || first.level === 'unit') continue;
      const codes = [...(byName.get(nameKey(first.subjectName)) ?? [])];
      const under = codes.filter((c) => path.some((p) => c.startsWith(p) && c.length > p.length));
      const deepest = Math.max(-1, ...under.map((c) => Math.max(...path.filter((p) => c.startsWith(p) && c.length > p.length).map((p) => p.length))));
      const chosen = under.filter((c) => path.some((p) => p.length === deepest && c.startsWith(p) && c.length > p.length));
      const code = chosen.length === 1 ? chosen[0]! : codes.length === 1 ? codes[0]! : null;
      if (!code) continue;
      while (path.length && !(code.startsWith(path.at(-1)!) && code.length > path.at(-1)!.length)) path.pop();
      const classification = classificationOf(code) ?? '';
      for (const c of row) Object.assign(c, { subjectCode: code, classification, level: levelOf(code, classification), parentCode: path.at(-1) ?? null });
      path.push(code);
    }
  }
}
