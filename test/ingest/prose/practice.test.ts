// The prose of the practice documents (test/fixtures/practice, written with the ground truth of
// every number stated in the text and its role) read by the sentence grammar: no number is stored
// in a role, year or stage its manifest does not give it; most are stored; and a number printed
// with letters among its digits is stored flagged, never as a plain figure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/config.ts';
import { parseDocument } from '../../../src/ingest/document/parse.ts';
import type { FactDraft } from '../../../src/ingest/prose/facts.ts';

interface ProseTruth {
  line: number;
  raw: string;
  role: string;
  sentence: string;
  amount_fen?: number;
  value?: number;
  year?: number;
  garbled?: boolean;
}

const root = join(projectRoot, 'test', 'fixtures', 'practice');

function documents(family: string): { name: string; facts: FactDraft[]; year: number; stage: string; prose: ProseTruth[] }[] {
  return readdirSync(join(root, family))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const doc = parseDocument(readFileSync(join(root, family, f), 'utf8'));
      const truth = JSON.parse(readFileSync(join(root, family, f.replace(/\.txt$/, '.truth.json')), 'utf8')) as { prose: ProseTruth[] };
      return { name: f, facts: doc.facts, year: doc.meta.year, stage: doc.meta.stage, prose: truth.prose };
    });
}

const THIS_YEAR = ['this_year_budget', 'this_year_budget_part', 'procurement_budget', 'final_account', 'final_account_part'];
const AMOUNTS = [...THIS_YEAR, 'budget_for_final', 'last_year_budget', 'last_year_final'];

/** Whether a stored fact states the manifest's number in the manifest's role. */
function states(f: FactDraft, p: ProseTruth, year: number, stage: string): boolean {
  const amount = (basis: string, y: number) => f.line === p.line && f.aspect === 'amount' && f.year === y && f.basis === basis && f.amount_fen === p.amount_fen;
  switch (p.role) {
    case 'budget_for_final':
      return amount('预算', year);
    case 'last_year_budget':
      return amount('预算', p.year ?? year - 1);
    case 'last_year_final':
      return amount('决算', p.year ?? year - 1);
    case 'change':
      return f.change_line === p.line && Math.abs(f.change_fen ?? -1) === p.amount_fen;
    case 'change_percent':
      return f.change_line === p.line && Math.abs(f.change_percent ?? -1) === p.value;
    case 'share':
    case 'execution_rate':
    case 'count':
    case 'score':
      return f.line === p.line && f.aspect === p.role && f.value === p.value;
    default:
      return THIS_YEAR.includes(p.role) && (amount(stage, year) || (f.line === p.line && f.aspect === 'count' && f.value === p.value));
  }
}

/** What a fact states that no manifest number in that role explains: its figure, its change, its change in percent. */
function unexplained(f: FactDraft, prose: ProseTruth[], year: number, stage: string): string[] {
  const out: string[] = [];
  const explained = (roles: string[]) => prose.some((p) => roles.includes(p.role) && states(f, p, year, stage));
  if (f.aspect === 'amount' && f.amount_fen !== null && !explained(AMOUNTS)) out.push(`figure ${f.amount_fen} (${f.year} ${f.basis})`);
  if (f.aspect !== 'amount' && !explained([f.aspect])) out.push(`${f.aspect} ${f.value}`);
  // A change is of this year's figure of the document's stage, never of the figure it is compared with.
  if ((f.change_fen != null || f.change_percent != null) && (f.year !== year || f.basis !== stage)) out.push(`change on a ${f.year} ${f.basis} figure`);
  if (f.change_fen != null && !explained(['change'])) out.push(`change ${f.change_fen}`);
  if (f.change_percent != null && !explained(['change_percent'])) out.push(`change ${f.change_percent}%`);
  return out.map((what) => `line ${f.line} ${f.label}: ${what} — ${f.raw_text}`);
}

/** The family's documents → [numbers stated, numbers stored in their role], and every stored number no manifest role explains. */
function read(family: string): { stated: number; stored: number; byRole: Map<string, [number, number]>; wrong: string[] } {
  let [stated, stored] = [0, 0];
  const byRole = new Map<string, [number, number]>();
  const wrong: string[] = [];
  for (const d of documents(family)) {
    for (const p of d.prose) {
      if (p.role === 'threshold' || p.garbled) continue;
      const found = d.facts.some((f) => states(f, p, d.year, d.stage));
      stated++;
      if (found) stored++;
      const [n, k] = byRole.get(p.role) ?? [0, 0];
      byRole.set(p.role, [n + 1, k + (found ? 1 : 0)]);
    }
    for (const f of d.facts) if (!f.flags?.includes('garbled_digits')) wrong.push(...unexplained(f, d.prose, d.year, d.stage).map((w) => `${d.name} ${w}`));
  }
  return { stated, stored, byRole, wrong };
}

describe.each([
  // [family, share of the prose numbers stored in their role at least]
  ['yunnan-final', 0.9],
  ['jiangxi-budget-yuan', 0.9],
  ['hunan-budget', 0.9],
])('%s', (family, floor) => {
  const r = read(family);

  it('stores no number in a role, year or stage its manifest does not give it', () => {
    expect(r.wrong).toEqual([]);
  });

  it(`stores at least ${floor * 100}% of the numbers stated in the prose, each in its role`, () => {
    expect(r.stored / r.stated).toBeGreaterThanOrEqual(floor);
  });
});

describe('决算 prose (yunnan-final)', () => {
  const r = read('yunnan-final');
  it.each(['budget_for_final', 'execution_rate', 'last_year_final', 'change', 'change_percent'])('every %s is read', (role) => {
    const [n, k] = r.byRole.get(role)!;
    expect(k).toBe(n);
  });
});

describe('a prose number printed with letters among its digits', () => {
  const [doc] = documents('defects').filter((d) => d.name.startsWith('defect_ocr_garble'));
  const garbled = doc!.prose.filter((p) => p.garbled);

  it.each(garbled.map((p) => [p.raw, p] as const))('“%s” is never stored as a plain figure', (_, p) => {
    const onLine = doc!.facts.filter((f) => f.line === p.line || f.change_line === p.line);
    // A plain figure of the amount meant is only one another number on the line states (财政拨款收入 3577.41 beside 本年收入合计 “3.58e3”).
    const meant = (f: FactDraft) => f.amount_fen === p.amount_fen || Math.abs(f.change_fen ?? -1) === p.amount_fen;
    const plain = onLine.filter((f) => !f.flags?.includes('garbled_digits') && meant(f) && !doc!.prose.some((q) => !q.garbled && states(f, q, doc!.year, doc!.stage)));
    expect(plain).toEqual([]);
  });

  it('is stored flagged, read as it most likely is (“7.S9” → 7.59, the 决算数 of “三公”经费; “3.58e3” → 3580, 本年收入合计)', () => {
    const flagged = doc!.facts.filter((f) => f.flags?.includes('garbled_digits')).map((f) => [f.line, f.label, f.basis, f.amount_fen]);
    expect(flagged).toContainEqual([369, '三公经费', '决算', garbled.find((p) => p.raw === '7.S9')!.amount_fen]);
    expect(flagged).toContainEqual([340, '本年收入合计', '决算', 3_580_000_000]);
  });

  it('the rest of the document is read as if nothing were wrong', () => {
    expect(read('defects').wrong).toEqual([]);
  });
});
