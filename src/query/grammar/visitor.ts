// From the parse tree to what the question mentions, in order.
import type { CstNode, IToken } from 'chevrotain';
import type { Stage } from '../../store/schema.ts';
import type { Entry, IntentWord, ListTarget } from '../lexicon/lexicon.ts';
import type { QuestionParser } from './parser.ts';

export type Mentioned<K extends Entry['kind']> = Extract<Entry, { kind: K }> & { text: string };

/** Where a word stands in the question: words typed with no space between are one phrase. */
export interface Span {
  start: number;
  end: number;
}

export type TargetMention = (Mentioned<'metric'> | Mentioned<'subject'> | Mentioned<'project'> | { kind: 'code'; code: string; text: string }) & Span;

export interface Mentions {
  entities: Mentioned<'entity'>[];
  years: number[];
  targets: TargetMention[];
  stages: Stage[];
  bothStages: boolean;
  intents: IntentWord[];
  ascending: boolean;
  previousYear: boolean;
  /** A 前N; 0 when 前 came without a number. */
  top: number | null;
  listTargets: (Span & { target: ListTarget })[];
  /** Organisation parts of sub-unit names (医保中心): which unit depends on the place. */
  unitOrgs: (Mentioned<'unitOrg'> & Span)[];
  /** Where 和/与/、 were typed: several targets are a list, not one phrase split by spaces. */
  conjunctions: Span[];
  scopes: ('subjects' | 'subunit')[];
  /** 来源/出处: show where every figure comes from. */
  sources: boolean;
  numbers: number[];
  /** Text no word matched, in runs (`上海`, `印刷服务`). */
  residue: (Span & { text: string })[];
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

    clause(ctx: Children, out: Mentions): void {
      for (const [name, items] of Object.entries(ctx)) {
        for (const item of items ?? []) {
          if (!isToken(item)) {
            this.visit(item, out);
            continue;
          }
          readToken(name, item, out);
        }
      }
    }

    entityList(ctx: Children, out: Mentions): void {
      for (const t of (ctx.Entity ?? []) as IToken[]) out.entities.push({ ...(t.payload as Mentioned<'entity'>), text: t.image });
    }

    yearList(ctx: Children, out: Mentions): void {
      for (const t of (ctx.Year ?? []) as IToken[]) out.years.push(Number(t.image.slice(0, 4)));
    }

    targetList(ctx: Children, out: Mentions): void {
      for (const c of (ctx.Conj ?? []) as IToken[]) out.conjunctions.push(spanOf(c));
      for (const target of (ctx.target ?? []) as CstNode[]) this.visit(target, out);
    }

    target(ctx: Children, out: Mentions): void {
      const [name, items] = Object.entries(ctx)[0]!;
      const t = items![0] as IToken;
      const span = spanOf(t);
      if (name === 'Code') out.targets.push({ kind: 'code', code: t.image, text: t.image, ...span });
      else out.targets.push({ ...(t.payload as Entry), text: t.image, ...span } as TargetMention);
    }

    topN(ctx: Children, out: Mentions): void {
      const n = (ctx.NumberTok as IToken[] | undefined)?.[0];
      out.top = n ? Number(n.image) : 0;
      if (((ctx.Top as IToken[])[0]!.payload as Mentioned<'top'>).ascending) out.ascending = true;
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
      out.ascending = true;
      out.intents.push('rank');
      break;
    case 'PreviousYear':
      out.previousYear = true;
      break;
    case 'ListTarget':
      if (entry?.kind === 'listTarget') out.listTargets.push({ target: entry.target, ...spanOf(t) });
      break;
    case 'UnitOrg':
      if (entry?.kind === 'unitOrg') out.unitOrgs.push({ ...entry, text: t.image, ...spanOf(t) });
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
    case 'Latin':
    case 'Other':
      appendResidue(out, t);
      break;
  }
}

function spanOf(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/** Adjacent unmatched characters form one residue word. */
function appendResidue(out: Mentions, t: IToken): void {
  const last = out.residue.at(-1);
  if (last && last.end === t.startOffset) {
    last.text += t.image;
    last.end = spanOf(t).end;
  } else out.residue.push({ text: t.image, ...spanOf(t) });
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
    previousYear: false,
    top: null,
    listTargets: [],
    scopes: [],
    sources: false,
    numbers: [],
    unitOrgs: [],
    conjunctions: [],
    residue: [],
  };
}
