// From the parse tree to what the question mentions, in order.
import type { CstNode, IToken } from 'chevrotain';
import type { Stage } from '../../store/schema.ts';
import type { ArithmeticOp, Comparison, StructuredQuery } from '../ast.ts';
import { meaningful } from '../loose.ts';
import type { Entry, IntentWord, ListTarget } from '../lexicon/lexicon.ts';
import { MAX_AMOUNT_YUAN, readCount, type CountReading } from '../limits.ts';
import type { QuestionParser } from './parser.ts';

export type Mentioned<K extends Entry['kind']> = Extract<Entry, { kind: K }> & { text: string };

/** Where a word stands in the question: words typed with no space between are one phrase. */
export interface Span {
  start: number;
  end: number;
}

export type TargetMention = (Mentioned<'metric'> | Mentioned<'subject'> | Mentioned<'project'> | { kind: 'code'; code: string; text: string }) & Span;

export interface Mentions {
  /** Where it was typed, when named on its own (not as the second figure of a comparison). */
  entities: (Mentioned<'entity'> & Partial<Span>)[];
  /** 医保局, 医疗保障局 typed after a place: what organisation of the place is meant. */
  /** elsewhere: an organisation no 医保 department is (卫健委, 财政局). */
  orgWords: (Span & { text: string; elsewhere?: boolean })[];
  years: number[];
  targets: TargetMention[];
  stages: Stage[];
  bothStages: boolean;
  intents: IntentWord[];
  ascending: boolean;
  /** A rank word that says highest first (最高) came before any that says lowest first. */
  descending: boolean;
  /** An order was said (最高, 最低, 第二低, 前5), not only an item counted from the end (倒数第二). */
  ordered: boolean;
  previousYear: boolean;
  /** 增加多少, 下降了: the change itself is asked for, not only the year before. */
  changeAsked: boolean;
  /** 增长最快 / 降幅最大, 不可比 / 持平: figures by the change the text states. */
  changes: StructuredQuery['changes'];
  /** 哪些支出比上年减少了: 支出 after 哪些 with 比上年 is every figure spent, not 支出总计. */
  spendingListed?: boolean;
  /** A 前N; 0 when 前 came without a number. */
  top: number | null;
  listTargets: (Span & { target: ListTarget })[];
  /** Organisation parts of sub-unit names (医保中心): which unit depends on the place. */
  unitOrgs: (Mentioned<'unitOrg'> & Span)[];
  /** Where 和/与/、 were typed: several targets are a list, not one phrase split by spaces. */
  conjunctions: Span[];
  scopes: ('subjects' | 'subunit' | 'detail')[];
  /** 来源/出处: show where every figure comes from. */
  sources: boolean;
  numbers: number[];
  /** Text no word matched, in runs (`上海`, `印刷服务`). */
  residue: (Span & { text: string })[];
  /** 各医保局, 辽宁的医保局, 哪个单位. */
  /** bureau: a place's name with a bureau word glued to it (西安市医保局): that place's own bureau, not the departments in it. */
  sets: (Span & { place: string | null; which: boolean; stage?: Stage | null; text: string; bureau?: boolean; count?: number })[];
  /** Bounds on amounts; the unit is null when none was typed (超过1000). */
  conditions: (Span & { op: Comparison; value: number; upper: number | null; unit: 'yuan' | 'percent' | 'score' | null; text: string })[];
  /** Arithmetic words (加起来, 相差, 人均), and 比 between two figures with its direction word. */
  arithmetic: (Span & { op: ArithmeticOp; text: string })[];
  /** `year`: the year compared with, when it is one (比2022年). */
  /** `loose`: 比 between words the grammar does not know (中央资金比省财政的多), read as a comparison all the same. */
  comparisons: (Span & { direction: 'more' | 'less' | null; text: string; year?: number; loose?: boolean })[];
  reason: boolean;
  /** `fromEnd`: 倒数第N counts from the last item. */
  references: (Span & { ref: 'it' | 'part' | 'last' | 'item' | 'these' | 'owner'; index: number; fromEnd?: boolean; text: string })[];
  /**
   * 表17, 公开05表: a table named by its printed number; 政府采购表: by the words of its title (as typed, 表 left out),
   * the names of figures among them also read as targets until the question is settled; 第2张…表: the `nth` of the
   * tables so named.
   */
  tables: (Span & { number: number | null; title: (Span & { text: string })[]; nth: number | null; text: string })[];
  /** 2个, 3家: a number counting things, outside 前N and 第N. */
  counted: (Span & { count: number; text: string })[];
  catalogue: boolean;
  /** 材料, 文件: a word for the documents held (shapes.json holdings), the catalogue only where nothing else is asked. */
  materials: boolean;
  /** How numbers were read when not as typed (“前2.5”按前2项理解), said with the answer. */
  notes: string[];
  /** Why numbers in the question cannot be used at all: the question is refused with this. */
  refusals: string[];
  /** Places no document held lies in (大连, 海淀区), as typed. */
  foreign: string[];
  /** 占Y: where the base of a share was named, and whether a word said it is the whole (占全部项目支出, 占抚顺总项目支出). */
  shareBase: (Span & { text: string; whole: boolean }) | null;
  /** 谁, 哪个 outside a set (抚顺和北票谁的人员经费高): one of the things named is asked for. */
  which: boolean;
  /** A direction word outside a comparison (谁的高, 哪个少): the order asked for. */
  direction: 'more' | 'less' | null;
  /** Words read one by one, until settleMentions decides which are plain words. */
  pending: Piece[];
}

/** A token the visitor read, kept in order until the question's words are settled. */
interface Piece extends Span {
  text: string;
  /** Read as a word of the question's shape; a plain (unknown) word when false. */
  shape: boolean;
  /** A direction word (多, 少): it means something only in a question with 比. */
  afterComparison?: boolean;
  /** 比 with no figure the grammar knows after it (中央资金比省财政的多): a comparison when a direction word follows. */
  than?: boolean;
  /** A character no word matched (not a shape word read as plain). */
  unknown?: boolean;
  /** A shape word that built nothing: dropped unless it touches an unknown word. */
  idle?: boolean;
  token?: IToken;
  apply?: (out: Mentions) => void;
}

type Children = Record<string, (CstNode | IToken)[] | undefined>;

const isToken = (x: CstNode | IToken): x is IToken => 'image' in x;

export function createMentionsVisitor(parser: QuestionParser) {
  const Base = parser.getBaseCstVisitorConstructor();

  class MentionsVisitor extends Base {
    constructor() {
      super();
      this.validateVisitor();
    }

    question(ctx: Children, out: Mentions): void {
      for (const clause of (ctx.clause ?? []) as CstNode[]) this.visit(clause, out);
    }

    // Children read by key (for…in), not Object.entries: a clause is visited many times a question.
    clause(ctx: Children, out: Mentions): void {
      for (const name in ctx) {
        for (const item of ctx[name] ?? []) {
          if (!isToken(item)) {
            this.visit(item, out);
            continue;
          }
          readToken(name, item, out);
        }
      }
    }

    entityList(ctx: Children, out: Mentions): void {
      for (const t of (ctx.Entity ?? []) as IToken[]) out.entities.push(readAt(t.payload as Extract<Entry, { kind: 'entity' }>, t));
    }

    yearList(ctx: Children, out: Mentions): void {
      for (const t of (ctx.Year ?? []) as IToken[]) out.years.push(Number(t.image.slice(0, 4)));
    }

    targetList(ctx: Children, out: Mentions): void {
      for (const c of (ctx.Conj ?? []) as IToken[]) out.conjunctions.push(spanOf(c));
      for (const target of (ctx.target ?? []) as CstNode[]) this.visit(target, out);
    }

    target(ctx: Children, out: Mentions): void {
      let name = '';
      for (name in ctx) break;
      const t = ctx[name]![0] as IToken;
      const span = spanOf(t);
      if (name === 'Code') out.targets.push({ kind: 'code', code: t.image, text: t.image, ...span });
      else out.targets.push(readAt(t.payload as Entry, t) as TargetMention);
    }

    departmentSet(ctx: Children, out: Mentions): void {
      const tokens = allTokens(ctx);
      const head = ((ctx.SetWord ?? ctx.Place) as IToken[] | undefined)?.[0];
      const e = (head?.payload ?? { kind: 'orgWord' }) as Entry;
      const stage = (ctx.Stage as IToken[] | undefined)?.[0]?.payload as Extract<Entry, { kind: 'stage' }> | undefined;
      const span = { start: tokens[0]!.startOffset, end: tokens.at(-1)!.startOffset + tokens.at(-1)!.image.length };
      const text = tokens.map((x) => x.image).join('');
      const org = tokens.at(-1)!;
      // 大连的医保局: a place not held is named as such, never a set (of none); 各财政局 are organisations not held either.
      if (e.kind === 'place' && e.foreign) out.foreign.push(head!.image);
      else if ((org.payload as Entry | undefined)?.kind === 'orgWord' && (org.payload as Extract<Entry, { kind: 'orgWord' }>).elsewhere) out.foreign.push(text);
      else {
        const bureau = e.kind === 'place' && tokens.length === 2 && tokens[0] === head && tokens[1]!.tokenType.name === 'OrgWord' && /局$/.test(tokens[1]!.image);
        out.sets.push({ place: e.kind === 'place' ? e.place : null, which: e.kind === 'setWord' && e.which, stage: stage?.stage ?? null, text, ...span, ...(bureau ? { bureau } : {}) });
      }
    }

    condition(ctx: Children, out: Mentions): void {
      const tokens = allTokens(ctx);
      const amounts = ((ctx.amount ?? []) as CstNode[]).map((a) => amountOf(a.children as Children));
      const comparator = tokens.find((x) => (x.payload as Entry | undefined)?.kind === 'comparator')?.payload as Extract<Entry, { kind: 'comparator' }> | undefined;
      const [low, high] = amounts;
      const unit = amounts.find((a) => a.unit !== null)?.unit ?? null;
      const scale = (a: { value: number; scale: number | null }) => a.value * (a.scale ?? amounts.find((x) => x.scale !== null)?.scale ?? 1);
      const start = tokens[0]!.startOffset;
      const end = tokens.at(-1)!.startOffset + tokens.at(-1)!.image.length;
      const text = tokens.map((x) => x.image).join('');
      // An amount no budget reaches is refused rather than compared (an amount typed without its unit may be read in 万元).
      const yuan = (a: { value: number; scale: number | null; unit: string | null }) => (a.unit === 'yuan' ? scale(a) : a.unit === null ? scale(a) * 1e4 : 0);
      if (amounts.some((a) => !(yuan(a) <= MAX_AMOUNT_YUAN))) out.refusals.push(`“${text}”的金额超出了任何预算数字的范围，无法比较。`);
      // 等于20万, 正好20万: between the amount and itself.
      const upper = high ?? (comparator?.op === '=' ? low : undefined);
      if (upper) out.conditions.push({ op: 'between', value: scale(low!), upper: scale(upper), unit, text, start, end });
      else out.conditions.push({ op: comparator && comparator.op !== '=' ? comparator.op : '>=', value: scale(low!), upper: null, unit, text, start, end });
    }

    // Read by condition and by a set of departments.
    amount(): void {}
    organisation(): void {}

    shareOf(ctx: Children, out: Mentions): void {
      out.intents.push('share');
      const target = (ctx.target as CstNode[])[0]!;
      const token = allTokens(target.children as Children)[0]!;
      const entity = (ctx.Entity as IToken[] | undefined)?.[0];
      if (entity) out.entities.push(readAt(entity.payload as Extract<Entry, { kind: 'entity' }>, entity, false));
      // 占中心项目支出: the unit's own, as the part's (a unit named before 占 is the same unit).
      for (const u of (ctx.UnitOrg ?? []) as IToken[]) readToken('UnitOrg', u, out);
      for (const stage of (ctx.Stage ?? []) as IToken[]) readToken('Stage', stage, out);
      this.visit(target, out);
      // Whose the base is, named after 占, or 总/全部: the whole, not the part's own unit.
      out.shareBase = { text: token.image, ...spanOf(token), whole: entity !== undefined || ctx.SetWord !== undefined || ctx.Other !== undefined };
    }

    comparison(ctx: Children, out: Mentions): void {
      const than = (ctx.Than as IToken[])[0]!;
      const direction = (ctx.Direction as IToken[] | undefined)?.[0];
      for (const [name, items] of Object.entries(ctx)) {
        if (name === 'Than' || name === 'Direction') continue;
        for (const item of items ?? []) {
          if (isToken(item)) readOperand(name, item, out);
          else this.visit(item, out);
        }
      }
      const last = direction ?? than;
      const year = (ctx.Year as IToken[] | undefined)?.[0];
      out.comparisons.push({
        direction: direction ? directionOf(direction) : null,
        text: than.image,
        start: than.startOffset,
        end: last.startOffset + last.image.length,
        ...(year ? { year: Number(year.image.slice(0, 4)) } : {}),
      });
    }

    ordinal(ctx: Children, out: Mentions): void {
      const fromEnd = ctx.Top !== undefined;
      // 抚顺项目里倒数第二: the second of a ranking from the smallest, as 倒数 alone asks.
      if (fromEnd) {
        out.ascending = true;
        out.intents.push('rank');
      }
      // 第二低, 第3大: counted from the smallest or the largest, as 最低 / 最高 rank.
      const order = (ctx.Direction as IToken[] | undefined)?.[0];
      if (order) {
        if (directionOf(order) === 'less') out.ascending ||= !out.descending;
        else out.descending ||= !out.ascending;
        out.ordered = true;
        out.intents.push('rank');
      }
      const ref = (ctx.Reference as IToken[])[0]!;
      const first = (ctx.Top as IToken[] | undefined)?.[0] ?? ref;
      const n = (ctx.NumberTok as IToken[])[0]!;
      const count = noted(out, readCount(Number(n.image), ref.image + n.image, (k) => `${ref.image}${k}个`));
      const end = (ctx.Reference as IToken[])[1] ?? order ?? (ctx.Counter as IToken[] | undefined)?.[0] ?? n;
      const span = { start: first.startOffset, end: end.startOffset + end.image.length };
      const text = allTokens(ctx).map((x) => x.image).join('');
      if ((ref.payload as Extract<Entry, { kind: 'reference' }>).ref !== 'last') out.references.push({ ref: 'item', index: count, fromEnd, text, ...span });
      // 排最后1名 is the last item; 排最后3名, the last three: the ranking from the smallest.
      else if (count === 1) out.references.push({ ref: 'last', index: -1, text, ...span });
      else {
        out.top = count;
        out.ascending = true;
        out.intents.push('rank');
      }
    }

    table(ctx: Children, out: Mentions): void {
      const tokens = allTokens(ctx);
      const text = tokens.map((x) => x.image).join('');
      const span = { start: tokens[0]!.startOffset, end: tokens.at(-1)!.startOffset + tokens.at(-1)!.image.length };
      // 第2张: which of the tables of that title.
      const sheet = (tokens[0]!.payload as Entry | undefined)?.kind === 'reference' && tokens[2]?.tokenType.name === 'Counter';
      const nth = sheet ? noted(out, readCount(Number(tokens[1]!.image), tokens.slice(0, 3).map((x) => x.image).join(''), (k) => `第${k}张`)) : null;
      const rest = tokens.slice(sheet ? 3 : 0).filter((x) => (x.payload as Entry | undefined)?.kind !== 'listTarget' || (x.payload as { target: string }).target !== 'tables');
      const number = rest.length === 1 && /^\d+$/.test(rest[0]!.image) ? Number(rest[0]!.image) : null;
      const title = number === null ? rest.map((x) => ({ text: x.image, ...spanOf(x) })) : [];
      for (const x of rest) {
        const e = x.payload as Entry | undefined;
        if (e?.kind === 'metric' || e?.kind === 'subject' || e?.kind === 'project') out.targets.push(readAt(e, x) as TargetMention);
      }
      out.tables.push({ number, title, nth, text, ...span });
    }

    counted(ctx: Children, out: Mentions): void {
      const n = (ctx.NumberTok as IToken[])[0]!;
      const counter = (ctx.Counter as IToken[])[0]!;
      out.numbers.push(Number(n.image.replace('%', '')));
      if (/^\d+$/.test(n.image)) out.counted.push({ count: Number(n.image), text: n.image + counter.image, start: n.startOffset, end: counter.startOffset + counter.image.length });
    }

    topN(ctx: Children, out: Mentions): void {
      const top = (ctx.Top as IToken[])[0]!;
      const n = (ctx.NumberTok as IToken[] | undefined)?.[0];
      // 前2.5, 前0, 前99999999999: read as a count the ranking can list, saying so.
      out.top = n ? noted(out, readCount(Number(n.image), top.image + n.image, (k) => `${top.image}${k}项`)) : 0;
      if ((top.payload as Mentioned<'top'>).ascending) out.ascending = true;
    }
  }
  return new MentionsVisitor();
}

function readToken(name: string, t: IToken, out: Mentions): void {
  const entry = t.payload as Entry | undefined;
  switch (name) {
    case 'Stage':
      if (entry?.kind === 'stage') out.stages.push(entry.stage);
      break;
    case 'BothStages':
      out.bothStages = true;
      break;
    case 'Intent':
      if (entry?.kind === 'intent') out.intents.push(entry.intent);
      break;
    case 'Ascending':
      // The first order said wins: 哪家最高，哪家最低 leads with the highest.
      out.ascending ||= !out.descending;
      out.ordered = true;
      out.intents.push('rank');
      break;
    case 'Descending':
      out.descending ||= !out.ascending;
      out.ordered = true;
      out.intents.push('rank');
      break;
    case 'PreviousYear':
      out.previousYear = true;
      if (entry?.kind === 'previousYear' && entry.change) out.changeAsked = true;
      break;
    case 'ListTarget':
      if (entry?.kind === 'listTarget') out.listTargets.push({ target: entry.target, ...spanOf(t) });
      break;
    case 'ChangeWord':
      if (entry?.kind === 'changeWord') out.changes = { order: entry.order ?? out.changes?.order ?? null, state: entry.state ?? out.changes?.state ?? null, ...(entry.byAmount || out.changes?.byAmount ? { byAmount: true } : {}) };
      break;
    case 'UnitOrg':
      if (entry?.kind === 'unitOrg') out.unitOrgs.push(readAt(entry, t));
      break;
    case 'Conj':
      out.conjunctions.push(spanOf(t));
      break;
    case 'Scope':
      if (entry?.kind === 'scope') out.scopes.push(entry.scope);
      break;
    case 'Sources':
      out.sources = true;
      break;
    case 'NumberTok':
      out.numbers.push(Number(t.image.replace('%', '')));
      break;
    case 'OrgWord':
      // 医保局有哪些, 超过10万元的医保局: an organisation word alone names the departments; 卫健委 names none held.
      if (entry?.kind === 'orgWord' && entry.elsewhere) {
        out.orgWords.push({ text: t.image, ...spanOf(t), elsewhere: true });
        break;
      }
      out.listTargets.push({ target: 'departments', ...spanOf(t) });
      out.orgWords.push({ text: t.image, ...spanOf(t) });
      break;
    case 'Reference':
      // 任务 without a number after it counts nothing: a word nobody asked about.
      if (entry?.kind === 'reference' && entry.ref === 'numbered') out.pending.push({ text: t.image, ...spanOf(t), shape: false, unknown: true });
      else out.pending.push({ text: t.image, ...spanOf(t), shape: true, token: t, apply: standalone(t) });
      break;
    case 'Than':
      out.pending.push({ text: t.image, ...spanOf(t), shape: false, idle: true, than: true });
      break;
    case 'Arith':
    case 'Reason':
    case 'Catalogue':
    case 'Place':
    case 'Direction':
      out.pending.push({ text: t.image, ...spanOf(t), shape: true, afterComparison: name === 'Direction', token: t, apply: standalone(t) });
      break;
    case 'SetWord':
      // Outside a set (各医保局) a which-word still asks for one of the things named; the word itself is plain.
      if (entry?.kind === 'setWord' && entry.which) out.which = true;
      out.pending.push({ text: t.image, ...spanOf(t), shape: false, idle: true });
      break;
    case 'Other':
    case 'Latin':
      out.pending.push({ text: t.image, ...spanOf(t), shape: false, unknown: true });
      break;
    default:
      // Shape words that build no shape where they stand (比 without a second figure, 分 without a number):
      // nothing, unless typed into an unknown word, of which they are part (过去, 成本).
      out.pending.push({ text: t.image, ...spanOf(t), shape: false, unknown: false, idle: true });
  }
}

const COUNTS: Record<string, number> = { 两: 2, 二: 2, 俩: 2, 三: 3 };

/** The number of things a word counts (两者: 2), 0 when it says all (它们). */
function countIn(word: string): number {
  return [...word].map((ch) => COUNTS[ch]).find((n) => n !== undefined) ?? 0;
}

/** What a word that means something alone adds to the mentions. */
function standalone(t: IToken): (out: Mentions) => void {
  const entry = t.payload as Entry;
  const span = spanOf(t);
  switch (entry.kind) {
    case 'arith':
      return (out) => out.arithmetic.push({ op: entry.op, text: t.image, ...span });
    case 'reason':
      return (out) => {
        out.reason = true;
        if (entry.performance) out.intents.push('performance');
      };
    case 'catalogue':
      return (out) => (entry.weak ? (out.materials = true) : (out.catalogue = true));
    case 'place':
      return (out) => (entry.foreign ? out.foreign.push(t.image) : out.sets.push({ place: entry.place, which: false, text: t.image, ...span }));
    case 'reference': {
      // 两者, 三者, 这俩: how many earlier answers the word counts (它们: all of them); 最前面 is the first item.
      const { ref } = entry;
      const index = ref === 'first' ? 1 : ref === 'last' ? -1 : ref === 'these' ? countIn(t.image) : 0;
      return (out) => out.references.push({ ref: ref === 'ordinal' || ref === 'numbered' || ref === 'first' ? 'item' : ref, index, text: t.image, ...span });
    }
    default:
      return (out) => {
        const c = out.comparisons.at(-1);
        if (c && c.direction === null) c.direction = directionOf(t);
      };
  }
}

/** The second figure of a comparison: read like the same token anywhere else. */
function readOperand(name: string, t: IToken, out: Mentions): void {
  const entry = t.payload as Entry;
  if (name === 'Entity') out.entities.push(readAt(entry as Extract<Entry, { kind: 'entity' }>, t, false));
  else if (name === 'Year') out.years.push(Number(t.image.slice(0, 4)));
  // X比去年: how X changed is asked.
  else if (name === 'PreviousYear') out.previousYear = out.changeAsked = true;
  else if (entry?.kind === 'stage') out.stages.push(entry.stage);
}

const directionOf = (t: IToken): 'more' | 'less' => ((t.payload as Extract<Entry, { kind: 'direction' }>).more ? 'more' : 'less');

/** Every token under a rule's node, in question order. */
function allTokens(ctx: Children): IToken[] {
  const out: IToken[] = [];
  for (const items of Object.values(ctx)) for (const item of items ?? []) out.push(...(isToken(item) ? [item] : allTokens(item.children as Children)));
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** 50万元 → 50 with scale 10000 and unit yuan; 8成 → 8 with scale 10, percent; 80% → 80 percent. */
function amountOf(ctx: Children): { value: number; scale: number | null; unit: 'yuan' | 'percent' | 'score' | null } {
  const n = allTokens(ctx).find((x) => !x.payload)!;
  const unit = ((ctx.Unit as IToken[] | undefined)?.[0]?.payload as Extract<Entry, { kind: 'unit' }> | undefined) ?? null;
  if (n.image.endsWith('%')) return { value: Number(n.image.slice(0, -1)), scale: 1, unit: 'percent' };
  return { value: Number(n.image), scale: unit?.scale ?? null, unit: unit?.unit ?? null };
}

/** The count read; its note, if any, kept to be said. */
export function noted(out: Mentions, { value, note }: CountReading): number {
  if (note !== null) out.notes.push(note);
  return value;
}

function spanOf(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/**
 * A lexicon entry as read at a token: a copy with the token's text (and span). Copied with Object.assign, not by
 * spreading: the objects V8 made by spreading the entries outlived their question through young-generation
 * collections (sampling heap profiler, objects no scavenge freed: most of them were these) — ~0.8 MB copied by every
 * scavenge of a loop of questions' parse and visit, ~15 KB once copied so; same keys in the same order.
 */
function readAt<T extends Entry>(entry: T, t: IToken): T & { text: string } & Span;
function readAt<T extends Entry>(entry: T, t: IToken, span: false): T & { text: string };
function readAt<T extends Entry>(entry: T, t: IToken, span = true): T & { text: string } {
  return Object.assign({}, entry, span ? { text: t.image, start: t.startOffset, end: t.startOffset + t.image.length } : { text: t.image });
}

/**
 * Settles the words read one by one: a word that means something alone (为什么, 一共) typed into an
 * unknown word (共享) is part of that word; a direction word (多, 少) means something only after 比.
 * The rest of the plain words become the residue, adjacent ones one run.
 */
export function settleMentions(out: Mentions): Mentions {
  const pieces = out.pending;
  // Words typed into an unknown word are part of it (共享, 中小企业): from each unknown character outwards, every
  // shape word touching the word so far joins it.
  // A single character joins through another that joined (中 in 中小企业); a longer word (为什么) only beside an unknown one.
  const unknown = pieces.map((p) => p.unknown === true && meaningful(p.text) !== '');
  const inWord = [...unknown];
  const apart = pieces.map((_, i) => standsApart(pieces, i));
  for (let grown = true; grown; ) {
    grown = false;
    pieces.forEach((p, i) => {
      if (inWord[i] || p.unknown || apart[i]) return;
      const joined = (j: number) => (p.text.length === 1 ? inWord[j] : unknown[j]) === true;
      const touches = (joined(i - 1) && pieces[i - 1]!.end === p.start) || (joined(i + 1) && pieces[i + 1]!.start === p.end);
      if (touches) grown = inWord[i] = true;
    });
  }
  pieces.forEach((p, i) => {
    // A direction word with no 比 builds nothing, but says the order asked for (谁的高).
    if (p.shape && p.afterComparison && out.comparisons.length === 0) {
      out.direction ??= directionOf(p.token!);
      p.shape = false;
      p.idle = true;
    }
    // 中央资金比省财政的多多少: 比 between loose names, a direction word after them, compares them.
    if (p.than && apart[i] && out.comparisons.length === 0) out.comparisons.push({ direction: null, text: p.text, start: p.start, end: p.end, loose: true });
    if (inWord[i]) appendResidue(out, p);
    else if (p.shape) p.apply?.(out);
    else if (!p.idle) appendResidue(out, p);
  });
  out.pending = [];
  return out;
}

const ASKING_WHAT = /(?:什么|啥|哪些|哪几个?)$/;

/**
 * Arithmetic words and words pointing back are never part of a name (两笔医疗救助直达资金合计, 省里下达的资金一共): a word of two characters or
 * more names the operation wherever it stands; one character (共 of 公共) only at the end or where it touches no unknown word. 比
 * stands apart when a direction word follows it (A比B多), whatever A and B are.
 */
function standsApart(pieces: Piece[], i: number): boolean {
  const p = pieces[i]!;
  const entry = p.token?.payload as Entry | undefined;
  // 它的住院救助比例, 它全年要检查几次: a word pointing back is never part of a name typed after it.
  if (entry?.kind === 'reference' && entry.ref === 'it') return true;
  // 都有啥数据可以查: a question about what is held is never part of a name.
  // 都收了些什么材料: a word for the documents held after a word asking what stands apart too (曲阳鉴定一份资料: inside a name).
  if (entry?.kind === 'catalogue') return !entry.weak || ASKING_WHAT.test(pieces.slice(Math.max(0, i - 3), i).map((x) => x.text).join(''));
  // 医疗救助资金差(多少): one character ending the question names the operation too.
  if (entry?.kind === 'arith') return Array.from(p.text).length >= 2 || i === pieces.length - 1;
  if (!p.than) return false;
  const next = pieces.slice(i + 1).find((x) => x.than || x.afterComparison);
  return next?.afterComparison === true;
}

/** Adjacent unmatched characters form one residue word. */
function appendResidue(out: Mentions, t: Span & { text: string }): void {
  const last = out.residue.at(-1);
  if (last && last.end === t.start) {
    last.text += t.text;
    last.end = t.end;
  } else out.residue.push({ text: t.text, start: t.start, end: t.end });
}

export function emptyMentions(): Mentions {
  return {
    entities: [],
    years: [],
    targets: [],
    stages: [],
    bothStages: false,
    intents: [],
    ascending: false,
    descending: false,
    ordered: false,
    previousYear: false,
    changeAsked: false,
    changes: null,
    top: null,
    listTargets: [],
    scopes: [],
    sources: false,
    numbers: [],
    unitOrgs: [],
    conjunctions: [],
    residue: [],
    sets: [],
    conditions: [],
    arithmetic: [],
    comparisons: [],
    reason: false,
    references: [],
    counted: [],
    tables: [],
    catalogue: false,
    materials: false,
    which: false,
    direction: null,
    shareBase: null,
    foreign: [],
    orgWords: [],
    pending: [],
    notes: [],
    refusals: [],
  };
}
