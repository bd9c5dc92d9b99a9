// A table named in a question (表17, 公开05表, 政府采购表, 第1张整体绩效自评表) and what the question asks of it:
// the Nth of its rows in the order printed (政府采购表的第1项, 公开05表最后1行是哪个科目), or a row by its label
// (整体绩效自评表的年初预算收入). Each answer is the row as printed, cited by its line.
import type { StructuredQuery } from '../query/ast.ts';
import type { CatalogDocument } from '../query/catalog.ts';
import type { SourceTableRow } from '../store/schema.ts';
import type { FigureRow } from './data.ts';
import { derivedFigure, fromCell, headlineRank, percentValue, show, usable, type Figure } from './figures.ts';
import { percent, printedAt, tableName } from './format.ts';
import { describeAll, meeting } from './conditions.ts';
import { countedFirst } from './intents/list.ts';
import { headlineFigure } from './targets.ts';
import { heading, reply, type Reply } from './reply.ts';
import { resolveScopes, unitOutside } from './resolve.ts';
import { computation } from './computation.ts';
import { remember, type Sources } from './sources.ts';
import { alternation, escapeRegExp } from '../query/normalize/words.ts';
import { isTotal } from '../ingest/layout/orientation.ts';
import { metricSpellings } from '../query/lexicon/lexicon.ts';
import { familyOf, metric as metricOf, metrics } from '../store/metrics.ts';
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import vocabulary from '../../grammar/words.json' with { type: 'json' };
import { ordinalIndex } from './ordinal.ts';

type Named = NonNullable<StructuredQuery['table']>;

/** 表17 is 表17; 05 is 公开05表; 14 is 表14-1 … 表14-5 too (one table printed in parts). */
const numbered = (printed: string | null, n: number) => printed !== null && Number(/\d+/.exec(printed)?.[0]) === n;

/**
 * Whether every word of the title typed appears in the table's name, in order (项目支出 … 表 in 项目支出预算表): the
 * characters printed between them when they do (the fewer, the closer the name is to what was typed), else -1.
 */
function gaps(name: string, words: string[]): number {
  let at = -1;
  let between = 0;
  for (const w of words) {
    const i = name.indexOf(w, Math.max(at, 0));
    if (i < 0) return -1;
    if (at >= 0) between += i - at;
    at = i + w.length;
  }
  return between;
}

const titled = (name: string, words: string[]) => gaps(name, words) >= 0;

/**
 * The words of a typed title that name a table of the document: all of them, or all but stray characters typed
 * before (看下政府采购表: 下 is no part of it); a word the title prints split (政府采购预算 in 政府采购（…）预算表) by
 * its characters. Null when no table is so titled.
 */
function titleWords(tables: SourceTableRow[], words: string[]): string[] | null {
  for (const split of [false, true]) {
    for (let i = 0; i < words.length; i++) {
      const rest = split ? [...words.slice(i).join('')] : words.slice(i);
      if (rest.join('').length < 3) break;
      if (tables.some((t) => titled(t.name, rest))) return rest;
    }
  }
  return null;
}

/**
 * The tables a question names in a document, as printed (a table printed in parts, or one title printed once per
 * unit, is each of its tables), or a reply: none is so named, or several tables of different titles are — unless
 * `perProject` counts projects through them and they are 绩效 tables (曲阳 prints one per project, each titled by it).
 */
export function namedTables(s: Sources, doc: CatalogDocument, named: Named, place: string, perProject = false, among: (t: SourceTableRow) => boolean = () => true): SourceTableRow[] | Reply {
  const all = s.queries.tables(doc.id).filter((t) => t.kind !== 'toc' && among(t));
  const missing = () => reply('not_found', [`${doc.display}中没有“${named.text.replace(/^第\d+张/, '')}”。`], [], [`${place} 有哪些表`]);
  let tables: SourceTableRow[];
  if (named.number !== null) tables = all.filter((t) => numbered(t.number, named.number!));
  else {
    // 表 typed last is part of the title, when the table's name prints it (部门政府采购预算 does not).
    const words = titleWords(all, [...named.title, '表']) ?? titleWords(all, named.title);
    const matching = words ? all.filter((t) => titled(t.name, words)) : [];
    // 专项业务经费表: the 专项业务经费支出表 rather than the 专项业务经费绩效目标表, its words closer together.
    const closest = Math.min(...matching.map((t) => gaps(t.name, words!)));
    tables = matching.filter((t) => gaps(t.name, words!) === closest);
  }
  if (tables.length === 0) return missing();
  const names = [...new Set(tables.map((t) => t.name))];
  // 第五个项目绩效目标表: one 绩效目标表 printed per project, each titled by its project, counted as one list of projects.
  const oneList = perProject && tables.every((t) => t.kind === 'performance');
  if (names.length > 1 && named.number === null && !oneList) {
    const choices = tables.filter((t, i) => tables.findIndex((x) => x.name === t.name) === i);
    return reply(
      'ambiguous',
      [`${doc.display}中有${choices.length}张表的名称含“${named.text.replace(/^第\d+张/, '')}”，请写明是哪一张：`, ...choices.map((t) => `· ${tableName(t.name, t.number)}`)],
      [],
      choices.filter((t) => t.number).map((t) => `${place} ${t.number}`),
    );
  }
  if (named.nth === null) return tables;
  const one = tables[named.nth - 1];
  return one ? [one] : reply('not_found', [`${doc.display}中名为“${names[0]}”的表只有${tables.length}张，没有第${named.nth}张。`]);
}

/**
 * The tables printing rows a numbered word counts (年度主要任务), none named: those whose title holds the title words
 * the question types (整体, 自评, 目标: `numberedTitles` in shapes.json); of several titles, asked back which.
 */
function numberedTables(s: Sources, doc: CatalogDocument, said: string[], place: string): SourceTableRow[] | Reply {
  const all = s.queries.tables(doc.id).filter((t) => t.kind === 'performance' && said.every((w) => t.name.includes(w)));
  const tables = all.filter((t) => s.queries.figuresByTable(t.id).some((r) => r.column_key === 'task'));
  if (tables.length === 0) return reply('not_found', [`${doc.display}中没有列出${said.join('')}任务的表。`], [], [`${place} 有哪些表`]);
  const names = [...new Set(tables.map((t) => t.name))];
  if (names.length === 1) return tables;
  return reply('ambiguous', [`${doc.display}中有${names.length}种表列出任务，请写明是哪一张：`, ...names.map((n) => `· ${n}`)], [], names.map((n) => `${place} ${n}的任务1`));
}

/** Rows that are no item of a table: its 合计, a unit's subtotal, a group row over its parts. */
const OUTSIDE = new Set(['total', 'unit', 'group']);

/** A table's rows in the order printed, each its usable cells; the 合计, subtotal and group rows left out — or, `subtotals`, only the units' subtotals kept. */
function printedRows(s: Sources, tables: SourceTableRow[], subtotals = false): FigureRow[][] {
  const byLine = new Map<string, FigureRow[]>();
  const item = (r: FigureRow) => !OUTSIDE.has(r.level ?? '') && !isTotal(r.row_label);
  for (const t of tables) {
    for (const r of s.queries.figuresByTable(t.id)) {
      if (!usable(r) || (subtotals ? r.level !== 'unit' : !item(r))) continue;
      // Two rows may share a printed line (a table printed in two columns of rows): each is its own row.
      const key = `${t.id}|${r.line}|${r.row_label}`;
      const row = byLine.get(key);
      if (row) row.push(r);
      else byLine.set(key, [r]);
    }
  }
  return [...byLine.values()].sort((a, b) => a[0]!.line - b[0]!.line || a[0]!.id - b[0]!.id);
}

/** 任务3, 第三个任务: the rows a numbered word counts, by the number before or after it. */
const countsNumbered = (counted: { text: string }) => shapes.references.numbered.some((w) => counted.text.startsWith(w) || counted.text.endsWith(w));

/**
 * The rows of the kind the question counts: projects (第2个项目), subjects (科目), the finest subjects (明细科目),
 * the tasks of a 绩效目标表 (任务3: a word that counts rows by the number after it).
 */
function countedRows(rows: FigureRow[][], q: StructuredQuery, counted: { text: string }, groups: ReadonlySet<number | null>): FigureRow[][] {
  if (countsNumbered(counted)) return rows.filter((r) => r[0]!.column_key === 'task');
  // A group row (莲湖 专用项目 over its projects) is no project of its own, as in print-order.ts.
  if (q.listOf === 'projects') return rows.filter((r) => r[0]!.project_id !== null && !groups.has(r[0]!.project_id));
  if (!q.subjects) return rows;
  const subjects = rows.filter((r) => r[0]!.subject_code !== null);
  if (!q.detail) return subjects;
  const parents = new Set(subjects.map((r) => r[0]!.parent_code));
  return subjects.filter((r) => !parents.has(r[0]!.subject_code));
}

/** A row as its figures: the headline cell (合计 before its parts) first. */
function rowFigures(s: Sources, doc: CatalogDocument, row: FigureRow[]): Figure[] {
  const entity = s.entity(doc, row[0]!.unit_id);
  const cells = [...row].sort((a, b) => headlineRank(a) - headlineRank(b) || (a.value_kind === 'money' ? 0 : 1) - (b.value_kind === 'money' ? 0 : 1));
  // The row's own label (部门年初预算收入金额), a subject's by its name; a cell repeating another's figure said once.
  const distinct = cells.filter((c, i) => cells.findIndex((x) => x.value_kind === c.value_kind && x.amount_fen === c.amount_fen && x.quantity === c.quantity) === i);
  return distinct.map((c) => fromCell(c, doc, entity, c.subject_code ? undefined : c.row_label));
}

/**
 * 两项公用经费: the rows of one kind (a 绩效表's tasks, not the 公用经费类项目 line of its 年度预算支出 over them) where only
 * they are as many as the count typed; else the rows as found.
 */
function ofOneKind(rows: FigureRow[][], count: number): FigureRow[][] {
  if (rows.length === count) return rows;
  const kinds = [...new Set(rows.map((r) => r[0]!.column_key))].map((k) => rows.filter((r) => r[0]!.column_key === k)).filter((k) => k.length === count);
  return kinds.length === 1 ? kinds[0]! : rows;
}

/**
 * 整体绩效表里三项基本支出加起来: the rows named, added up — each unit's own where the table is printed per unit. A count
 * typed (三项) keeps the units printing that many; none does: asked back, never added over more or fewer rows.
 */
function rowsAdded(s: Sources, doc: CatalogDocument, found: FigureRow[][], count: number | null, head: string): Reply {
  const units = [...new Set(found.map((r) => r[0]!.unit_id))];
  const groups = units.map((u) => found.filter((r) => r[0]!.unit_id === u)).map((g) => (count ? ofOneKind(g, count) : g));
  const fits = count ? groups.filter((g) => g.length === count) : groups;
  const whose = (g: FigureRow[][]) => (units.length > 1 ? `${s.entity(doc, g[0]![0]!.unit_id)} ` : '');
  if (fits.length === 0) {
    return reply('ambiguous', [`问题说的是${count}项，但${head}中找到的是：${groups.map((g) => `${whose(g)}${g.length}项`).join('、')}。请把要相加的项逐一写出。`]);
  }
  const sums = fits.map((g) => computation('sum', g.map((r) => ({ figure: rowFigures(s, doc, r)[0]!, name: `第${r[0]!.line}行 ${r[0]!.row_label}` })), `${whose(g)}${g.length}项`, ''));
  return reply(sums.every((r) => r.status === 'answered') ? 'answered' : 'not_found', [head, ...sums.flatMap((r) => r.lines)], sums.flatMap((r) => r.figures));
}

/**
 * What a 政府采购 row spends on its purchase: its 合计 of money — never the 预算资金 of the project it comes from (曲阳
 * 档案室维护经费（复印纸）: 0.40, where the project's budget printed beside it is 1.40).
 */
export function purchaseCell(cells: FigureRow[]): FigureRow | undefined {
  return cells.filter((c) => c.value_kind === 'money' && c.column_key !== 'project_budget').sort((a, b) => headlineRank(a) - headlineRank(b))[0];
}

const PROCUREMENT = metrics.find((m) => m.key === 'procurement.total')!;
const PROCUREMENT_NAMES = metricSpellings(PROCUREMENT).sort((a, b) => b.length - a.length);

/** 比 before an item and 多/少 after it, read into the words typed when the items are no names the lexicon knows. */
const COMPARED = new RegExp(`^(?:${alternation(shapes.arithmetic.than)})|(?:${alternation([...shapes.arithmetic.more, ...shapes.arithmetic.less])})$`, 'g');

/** Letters and digits only, latin lower-cased: SD-WAN服务 typed as sd wan服务. */
const plain = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

// 买复印纸的政府采购, 采购电脑的有哪几笔 (shapes.json purchases): the verbs and asking words around a thing bought, and the
// words a row may print for an everyday name of it.
const { verbs: PURCHASE_VERBS, asking: PURCHASE_ASKING, items: PURCHASE_ITEMS } = shapes.purchases;
const ITEM_NAMES = Object.keys(PURCHASE_ITEMS) as (keyof typeof PURCHASE_ITEMS)[];
const BUYING = new RegExp(alternation(PURCHASE_VERBS), 'g');
const BUYS = new RegExp(BUYING.source);
const ASKING = new RegExp(`(?:${alternation(PURCHASE_ASKING)})$`);
const ITEM_NAMED = new RegExp(alternation(ITEM_NAMES));

/** 里, 其中, 当中 typed right after the figure's name: what follows is one of its rows (政府采购里安全运维服务). */
const WITHIN = alternation(shapes.references.part);

/** 货物, 工程, 服务: the kinds 政府采购 is printed by, the names of its parts without the whole's. */
const KINDS = metrics.filter((m) => m !== PROCUREMENT && familyOf(m.key) === familyOf(PROCUREMENT.key)).map((m) => m.name.replace(PROCUREMENT.name, ''));
const KIND_WORD = new RegExp(`(?:${alternation(shapes.references.partKinds)})$`);

/** 买复印纸的 → 复印纸: the things a word typed names as bought, without the verbs and asking words around them. */
function itemsTyped(word: string, spelling: string): string[] {
  const pieces = word.replace(new RegExp(`${escapeRegExp(spelling)}(?:${WITHIN})?`), '').replace(COMPARED, '').replace(BUYING, ' ').split(/[的\s]+/);
  return pieces.map((x) => plain(x.replace(COMPARED, '').replace(ASKING, ''))).filter((x) => [...x].length >= 2 || (ITEM_NAMES as string[]).includes(x));
}

/** 车辆 → 轿车, 汽车 …: the item typed and the words a row may print for it. */
const printedFor = (item: string): string[] => [item, ...ITEM_NAMES.filter((k) => item.includes(k)).flatMap((k) => PURCHASE_ITEMS[k].map(plain))];

/** What a 政府采购 row buys: the item in brackets after its project (its catalogue code left out) and its 规格型号. */
function boughtIn(row: FigureRow[]): string[] {
  const item = /（([^（）]+)）$/.exec(row[0]!.row_label)?.[1]?.replace(/^[A-Z]\d+/, '');
  return [item, row[0]!.specification].filter((x): x is string => Boolean(x));
}

/**
 * 轿车和复印纸两项政府采购一共, SD-WAN服务比网络运维安全服务多多少, 政府采购小计合计: rows of the document's 政府采购 tables named
 * by what they buy (the item in the row's label, or its 规格型号) — each word one row, or as many rows in all as a count typed
 * says — or the units' subtotal rows; added up, or two of them subtracted, each row's line shown. Null when the question is
 * no such question or a word names no row (it is read as before).
 */
function procurementRows(s: Sources, q: StructuredQuery, typed: string[]): Reply | null {
  const target = q.targets.find((t) => t.kind === 'metric' && t.key === PROCUREMENT.key);
  // 采购电脑的政府采购: a thing bought that the lexicon reads as another figure (电脑: 办公设备购置) is the item typed.
  const bought = target ? q.targets.filter((t) => t !== target && ITEM_NAMED.test(t.text)).map((t) => t.text) : [];
  // 复印纸政府采购, 政府采购SD-WAN typed together are read as one unknown word holding the figure's name.
  const spelling = target?.text ?? PROCUREMENT_NAMES.find((n) => q.targets.length === 0 && typed.some((w) => w.includes(n)));
  if (q.table || q.tables || q.describe || q.targets.length > 1 + bought.length || !spelling) return null;
  const op = q.arithmetic?.op ?? null;
  if ((op !== null && op !== 'sum' && op !== 'difference') || (!q.subtotals && typed.length + bought.length === 0)) return null;
  const scopes = resolveScopes(s.catalog, q);
  if (!Array.isArray(scopes) || scopes.length !== 1) return null;
  const { doc, entity, unitId } = scopes[0]!;
  // A document's 政府采购 tables and rows, each row's printed words read once: the same for every question asked of them.
  const { tables, all, texts } = remember(s, `procurement\u0001${doc.id}\u0001${q.subtotals === true}`, () => {
    const tables = s.queries.tables(doc.id).filter((t) => s.queries.figuresByTable(t.id).some((r) => r.classification === '政府采购'));
    const all = printedRows(s, tables, q.subtotals === true).filter((r) => purchaseCell(r) !== undefined);
    return { tables, all, texts: new Map(all.map((r) => [r, plain(`${r[0]!.row_label}${r[0]!.specification ?? ''}`)])) };
  });
  const rows = unitId !== null ? all.filter((r) => r[0]!.unit_id === unitId) : all;
  // 复印纸政府采购 typed together: the item, without the figure's name; A比B的政府采购多: without 比 and the direction word.
  const words = [...new Set([...typed, ...bought].flatMap((w) => itemsTyped(w, spelling)))];
  if (!q.subtotals && words.length === 0) return null;
  if (unitId === null && words.length === 1 && OWN_LEVEL.has(words[0]!)) return ownLevelRows(s, q, doc, tables, all);
  // 买复印纸的, 电脑: a thing asked as bought — said not bought (or not itemised) rather than read as any other figure.
  // 政府采购里物业服务: a thing typed as one of the figure's rows is asked as bought too — but a kind the figure is printed by
  // (政府采购里服务类: 政府采购服务) is no row.
  const asRow = new RegExp(`${escapeRegExp(spelling)}(?:${WITHIN})`).test(q.text);
  if (asRow && words.some((w) => KINDS.includes(w.replace(KIND_WORD, '')))) return null;
  // 政府采购里经办中心: a unit the department's budget does not cover is said so, never taken for a thing bought.
  const outside = asRow ? unitOutside(s, q, scopes[0]!) : null;
  if (outside) return outside;
  const asBought = asRow || bought.length > 0 || typed.some((w) => BUYS.test(w.replace(spelling, ''))) || words.some((w) => ITEM_NAMED.test(w));
  if (rows.length === 0) return asBought && !q.subtotals ? notItemised(s, doc, entity, words) : null;
  const matches = words.map((w) => {
    const printed = printedFor(w);
    return rows.filter((r) => printed.some((x) => texts.get(r)!.includes(x)));
  });
  if (matches.some((m) => m.length === 0)) return asBought ? notBought(rows, words.filter((_, i) => matches[i]!.length === 0), `${heading(entity, doc)} ${tableName(tables[0]!.name, tables[0]!.number)}`) : null;
  // In the order the words are typed: A比B, A和B相差 subtract B from A.
  const typedAt = (r: FigureRow[][][number]) => matches.findIndex((m) => m.includes(r));
  const found = q.subtotals && words.length === 0 ? rows : rows.filter((r) => typedAt(r) >= 0).sort((a, b) => typedAt(a) - typedAt(b));
  const head = `${heading(entity, doc)} ${tableName(tables[0]!.name, tables[0]!.number)}`;
  const name = (r: FigureRow[]) => `第${r[0]!.line}行 ${r[0]!.row_label}${r[0]!.specification ? `（${r[0]!.specification}）` : ''}`;
  const amount = (r: FigureRow[]) => fromCell(purchaseCell(r)!, doc, s.entity(doc, r[0]!.unit_id), r[0]!.row_label);
  const listed = found.map((r) => `· ${name(r)}：${show(amount(r))}`);
  const count = q.arithmetic?.count ?? null;
  // Words naming several rows each (轿车和复印纸: 复印纸 of four projects), or a count typed that is not how many rows were
  // found: asked back. One word alone added up is every row it names (复印纸一共).
  const many = op !== null && count === null && !q.subtotals && matches.some((m) => m.length > 1) && !(op === 'sum' && words.length === 1);
  if ((count !== null && count !== found.length) || many || (op === 'difference' && found.length !== 2)) {
    const said = count !== null ? `问题说的是${count}项，但` : '';
    return reply('ambiguous', [`${said}${head}中找到${found.length}行：`, ...listed, '请写明要计算的是哪几行（项目名称或采购品目）。']);
  }
  if (op === null) return boundRows(q, head, found.map(amount), listed);
  const operands = found.map((r) => ({ figure: amount(r), name: name(r) }));
  const r = computation(op, operands, q.subtotals ? `${found.length}个单位小计` : `${found.length}项政府采购`, '');
  return reply(r.status, [head, ...r.lines], r.figures);
}

/**
 * 买车的钱, 车辆采购: the 政府采购 rows of the scope's document (of its unit, one asked) that buy the thing an everyday
 * name in shapes.json purchases.items names (车辆: 轿车, 汽车 …), each with its amount and where it is printed.
 */
export function rowsBuying(s: Sources, scope: { doc: CatalogDocument; unitId: number | null }, item: string): { rows: { figure: Figure; name: string }[] } {
  const { doc, unitId } = scope;
  const words = printedFor(item).map(plain);
  // The document's project rows (no table scanned) of its 政府采购 tables, by line, each row's printed words read once:
  // kept for the document and unit, as procurementRows keeps its tables' rows.
  const bought = remember(s, `buying\u0001${doc.id}\u0001${unitId}`, () => {
    const byLine = new Map<number, FigureRow[]>();
    for (const r of s.queries.projectFigures(doc.id)) {
      if (r.classification !== '政府采购' || !usable(r) || (unitId !== null && r.unit_id !== unitId)) continue;
      if (byLine.has(r.line)) byLine.get(r.line)!.push(r);
      else byLine.set(r.line, [r]);
    }
    return [...byLine.values()].filter((r) => purchaseCell(r) !== undefined).map((r) => ({ r, text: plain(`${r[0]!.row_label}${r[0]!.specification ?? ''}`) }));
  });
  const rows = bought.filter(({ text }) => words.some((w) => text.includes(w))).map(({ r }) => r);
  return { rows: rows.map((r) => ({ figure: fromCell(purchaseCell(r)!, doc, s.entity(doc, r[0]!.unit_id), r[0]!.row_label), name: `${r[0]!.row_label}${r[0]!.specification ? `（${r[0]!.specification}）` : ''}` })) };
}

const OWN_LEVEL = new Set(vocabulary.scopes.subunit);

/**
 * 曲阳本级的政府采购: a table printing each unit's rows apart, one unit the department's own (its row of the department's
 * name, 曲阳县医疗保障局小计) — that unit's subtotal and rows, each cited. Null where the table prints one unit only.
 */
function ownLevelRows(s: Sources, q: StructuredQuery, doc: CatalogDocument, tables: SourceTableRow[], rows: FigureRow[][]): Reply | null {
  const own = rows.filter((r) => r[0]!.unit_id !== null && s.entity(doc, r[0]!.unit_id) === doc.department);
  if (own.length === 0 || new Set(rows.map((r) => r[0]!.unit_id)).size < 2) return null;
  const subtotal = printedRows(s, tables, true).find((r) => r[0]!.unit_id === own[0]![0]!.unit_id);
  const amount = (r: FigureRow[]) => fromCell(purchaseCell(r)!, doc, doc.department, r[0]!.row_label);
  const head = `${heading(`${doc.department}本级`, doc)} ${tableName(tables[0]!.name, tables[0]!.number)}`;
  const lead = subtotal && purchaseCell(subtotal) ? [amount(subtotal)] : [];
  const lines = [`${head}${lead.length ? `：${show(lead[0]!)}（第${lead[0]!.line}行 ${subtotal![0]!.row_label}）` : ''}`, ...own.map((r) => `· 第${r[0]!.line}行 ${r[0]!.row_label}：${show(amount(r))}`)];
  // 曲阳政府采购里本级占几成: a share asked is the subtotal over the department's whole figure, both cited, the rows after it.
  const scope = { doc, year: doc.fiscal_year, entity: doc.department, unitId: null, yearNote: null };
  const whole = (q.intent === 'share' || q.asked?.percent || q.tenths) && lead.length ? headlineFigure(s, scope, { kind: 'metric', key: PROCUREMENT.key, text: PROCUREMENT.name }, doc.fiscal_year, doc.stage).main : null;
  if (whole?.fen && lead[0]!.fen !== null && lead[0]!.fen <= whole.fen) {
    const part = lead[0]!;
    const value = percentValue(part.fen! / whole.fen);
    const share = derivedFigure('share', [part, whole], `${doc.department}本级${PROCUREMENT.name}占比`, { fen: null, value, unit: '%' }, `${show(part)} ÷ ${show(whole)} = ${percent(value)}`);
    const line = `${heading(`${doc.department}本级`, doc)} ${PROCUREMENT.name}${show(part)}，占${doc.department}${PROCUREMENT.name}${show(whole)}的${percent(value)}（${show(part)} ÷ ${show(whole)}）`;
    return reply('answered', [line, ...lines], [share, part, whole, ...own.map(amount)]);
  }
  return reply('answered', lines, [...lead, ...own.map(amount)]);
}

/** 买复印纸的政府采购超过一万的是哪几笔: the rows named, held to the conditions; 有几笔 counts those kept. */
function boundRows(q: StructuredQuery, head: string, amounts: Figure[], listed: string[]): Reply {
  if (q.conditions.length === 0) return reply('answered', [head, ...listed], amounts);
  const kept = amounts.flatMap((f, i) => (meeting([f], q.conditions).length ? [i] : []));
  if (kept.length === 0) return reply('not_found', [`${head}中所问的${amounts.length}行都不是${describeAll(q.conditions)}：`, ...listed]);
  const r = reply('answered', [`${head}中${describeAll(q.conditions)}的（共${kept.length}行）：`, ...kept.map((i) => listed[i]!)], kept.map((i) => amounts[i]!));
  return countedFirst(r, r.figures, '政府采购', q);
}

/** 电脑的政府采购 where the table buys none: said so, with what it does buy (never the total for it). */
function notBought(rows: FigureRow[][], missing: string[], head: string): Reply {
  const items = [...new Set(rows.flatMap(boughtIn))];
  return reply('not_found', [`${head}中没有采购“${missing.join('、')}”的行${items.length ? `；表中采购的是：${items.join('、')}` : ''}。`]);
}

/**
 * 北票买复印纸的政府采购: a document printing no 政府采购 rows says what it prints instead — the total with its 货物 / 服务 /
 * 工程 split, which names no item —, or that it prints nothing of 政府采购.
 */
function notItemised(s: Sources, doc: CatalogDocument, entity: string, words: string[]): Reply {
  const scope = { doc, year: doc.fiscal_year, entity, unitId: null, yearNote: null };
  const total = headlineFigure(s, scope, { kind: 'metric', key: PROCUREMENT.key, text: PROCUREMENT.name }, doc.fiscal_year, doc.stage).main;
  const what = `“${words.join('、')}”`;
  return total
    ? reply('not_found', [`${heading(entity, doc)}：文件只印了政府采购总额${show(total)}（${printedAt(total)}）及货物、服务、工程的分类数，没有逐项印采购的物品，查不到${what}的采购。`])
    : reply('not_found', [`${heading(entity, doc)}：文件没有公开政府采购的数字，查不到${what}的采购。`]);
}

/** The longest run of characters `a` and `b` share. */
export function shared(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) for (let j = i + best + 1; j <= a.length && b.includes(a.slice(i, j)); j++) best = j - i;
  return best;
}

/**
 * 第三个任务执行金额: the cell whose column the question names (the most characters of its label typed together, two
 * at least) leads the row; else the row's headline does.
 */
function askedColumnFirst(figures: Figure[], text: string): Figure[] {
  const score = (f: Figure) => (f.column ? shared(f.column, text) : 0);
  const best = Math.max(...figures.map(score));
  const lead = best >= 2 ? figures.find((f) => score(f) === best) : undefined;
  return lead ? [lead, ...figures.filter((f) => f !== lead)] : figures;
}

/** `举报奖励费：1.00万元（其中…）` */
function rowText(figures: Figure[]): string {
  const [head, ...rest] = figures;
  const others = rest.map((f) => `${f.column}${show(f)}`);
  const column = head!.column && head!.column !== head!.label ? head!.column : null;
  const notes = [...(column ? [column] : []), ...others].join('；');
  return `${head!.label}：${show(head!)}${notes ? `（${notes}）` : ''}`;
}

/**
 * The answer to a question that names a table and counts through its rows or names a row of it; null when it does
 * neither, or the table prints no rows of figures (a 绩效目标表 of projects is counted through its projects instead).
 */
export function tableRow(s: Sources, q: StructuredQuery): Reply | null {
  const ref = q.reference;
  const counted = ref?.kind === 'item' ? ref : null;
  // Words typed that name nothing else (unknown, or a loose name asked back) may be a row's label.
  const typed = [...new Set([...q.unknown, ...q.candidates.map((c) => c.text)])];
  // 表1和表5的卫生健康支出: several tables named by number compare the figure in each (arithmetic), no row of one.
  // 整体自评里医保中心的第三个任务: rows a numbered word counts are a table's of them, though none is named.
  const numberedOnly = !q.table && counted !== null && countsNumbered(counted);
  const bought = procurementRows(s, q, typed);
  if (bought) return bought;
  // 整体绩效表3项资金合计: a money word alone names the rows' money, added up.
  const money = q.arithmetic?.op === 'sum' && q.targets.length === 0 && typed.length === 0 ? q.asked?.money : undefined;
  if ((!q.table && !numberedOnly) || q.tables || (!counted && q.targets.length === 0 && typed.length === 0 && !money)) return null;
  // 表6公用经费里排第一的科目: an item of a ranking within the figure named, not the table's first row.
  if (counted && q.intent === 'rank' && !q.printOrder) return null;
  const scopes = resolveScopes(s.catalog, q);
  if (!Array.isArray(scopes) || scopes.length !== 1) return null;
  const { doc, entity, unitId } = scopes[0]!;
  const place = q.entities[0]?.text ?? doc.short;
  const tables = q.table ? namedTables(s, doc, q.table, place, q.listOf === 'projects') : numberedTables(s, doc, q.asked?.titles ?? [], place);
  if (!Array.isArray(tables)) return tables;
  const printed = printedRows(s, tables);
  // 整体绩效自评表里医保中心的任务3: a table printed per unit counts the unit's own rows, never another unit's.
  const rows = unitId !== null && printed.some((r) => r[0]!.unit_id !== null) ? printed.filter((r) => r[0]!.unit_id === unitId) : printed;
  // A 绩效目标表 of projects prints each project as the owner of its targets: counted through them (print-order.ts).
  const owned = tables.some((t) => t.kind === 'performance') && (q.listOf === 'projects' || rows.some((r) => r[0]!.project_id !== null));
  const bare = (w: string) => w.replace(/[\s（）()]/g, '');
  // 整体绩效目标表里特定目标类项目: a row whose label is typed whole, whatever its words read as alone (目标, 项目).
  const typedWhole = counted ? [] : rows.filter((r) => bare(r[0]!.row_label).length >= 3 && bare(q.text).includes(bare(r[0]!.row_label)));
  if (rows.length === 0 || (owned && typedWhole.length === 0)) return null;
  const where = tables.length === 1 ? tableName(tables[0]!.name, tables[0]!.number) : `${tables[0]!.name}（共${tables.length}张）`;
  const head = `${heading(entity, doc)} ${where}`;
  if (counted) {
    const items = countedRows(rows, q, counted, new Set(s.queries.projects(doc.id).map((p) => p.parent_id)));
    const i = ordinalIndex(counted, items.length);
    const row = items[i];
    if (!row) return reply('not_found', [`${head}共${items.length}${q.listOf === 'projects' ? '个项目' : '行'}，没有${counted.text}。`]);
    const figures = askedColumnFirst(rowFigures(s, doc, row), q.text);
    const order = counted.fromEnd ? (counted.index === 1 ? '最后一' : `倒数第${counted.index}`) : `第${counted.index}`;
    return reply('answered', [`${head}${order}${q.listOf === 'projects' ? '个项目' : q.detail ? '个明细科目' : q.subjects ? '个科目' : countsNumbered(counted) ? '项任务' : '行'}（第${row[0]!.line}行）：${rowText(figures)}`], figures);
  }
  // A row named: the rows whose label holds every name asked (年初预算收入 in 部门年初预算收入金额), or — nothing else
  // understood — the words typed, brackets aside (人员经费（保工资） in 基本支出人员经费（保工资）).
  const words = q.targets.length ? q.targets.map((t) => (t.kind === 'project' ? t.name : t.text)) : money ? [money] : typed.map((w) => bare(w).replace(/^的/, ''));
  const labelled = (ws: string[]) => rows.filter((r) => ws.every((w) => bare(r[0]!.row_label).includes(w) || r[0]!.subject_name === w || r[0]!.column_label.includes(w)));
  // 整体绩效目标表里人员类项目 where the table prints no such row: the rows printed under the figure's own name
  // (基本支出人员经费（保工资）, （刚性）).
  const byName = q.targets.length > 0 && q.targets.every((t) => t.kind === 'metric') ? q.targets.map((t) => (t.kind === 'metric' ? metricOf(t.key).name : t.text)) : null;
  const typedRows = labelled(words);
  const named = typedWhole.length ? typedWhole : typedRows.length === 0 && byName ? labelled(byName) : typedRows;
  // 经费, 钱 printed in no column's name: every row of money.
  const found = named.length === 0 && money ? rows.filter((r) => r[0]!.value_kind === 'money') : named;
  if (found.length === 0) return null;
  if (q.arithmetic?.op === 'sum') return rowsAdded(s, doc, found, q.arithmetic.count ?? null, head);
  const figures = found.flatMap((r) => rowFigures(s, doc, r));
  return reply('answered', [head, ...found.map((r) => `· 第${r[0]!.line}行 ${rowText(rowFigures(s, doc, r))}`)], figures);
}
