// From the parse tree to what the question mentions, in order.
import type { CstNode, IToken } from 'chevrotain';
import type { Stage } from '../../store/schema.ts';
import type { Entry, IntentWord, ListTarget } from '../lexicon/lexicon.ts';
import type { QuestionParser } from './parser.ts';

export type Mentioned<K extends Entry['kind']> = Extract<Entry, { kind: K }> & { text: string };

export type TargetMention = Mentioned<'metric'> | Mentioned<'subject'> | Mentioned<'project'> | { kind: 'code'; code: string; text: string };

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
  listTargets: ListTarget[];
  scopes: ('subjects' | 'subunit')[];
  /** 来源/出处: show where every figure comes from. */
  sources: boolean;
  numbers: number[];
  /** Text no word matched, in runs (`上海`, `印刷服务`). */
  residue: string[];
  /** Where the last residue run ended, to join adjacent characters. */
  residueEnd: number;
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
      for (const target of (ctx.target ?? []) as CstNode[]) this.visit(target, out);
    }

    target(ctx: Children, out: Mentions): void {
      const [name, items] = Object.entries(ctx)[0]!;
      const t = items![0] as IToken;
      if (name === 'Code') out.targets.push({ kind: 'code', code: t.image, text: t.image });
      else out.targets.push({ ...(t.payload as Entry), text: t.image } as TargetMention);
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
      if (entry?.kind === 'listTarget') out.listTargets.push(entry.target);
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

/** Adjacent unmatched characters form one residue word. */
function appendResidue(out: Mentions, t: IToken): void {
  if (out.residue.length > 0 && out.residueEnd === t.startOffset) out.residue[out.residue.length - 1] += t.image;
  else out.residue.push(t.image);
  out.residueEnd = t.startOffset + t.image.length;
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
    residue: [],
    residueEnd: -1,
  };
}
