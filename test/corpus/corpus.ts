// Loads the question corpus (see README.md in this folder).
import questions from './questions.json' with { type: 'json' };
import negative from './negative.json' with { type: 'json' };
import arithmetic from './families/arithmetic.json' with { type: 'json' };
import changes from './families/changes.json' with { type: 'json' };
import conditions from './families/conditions.json' with { type: 'json' };
import everyday from './families/everyday.json' with { type: 'json' };
import negativeFamily from './families/negatives.json' with { type: 'json' };
import people from './families/people.json' with { type: 'json' };
import references from './families/references.json' with { type: 'json' };
import sets from './families/sets.json' with { type: 'json' };
import targets from './families/targets.json' with { type: 'json' };

export interface ExpectedFigure {
  amount_yuan?: number;
  value?: number | string;
  line?: number;
}

export interface CorpusEntry {
  q: string;
  query?: {
    intent?: string;
    entities?: string[];
    years?: number[];
    stage?: string | null;
    targets?: string[];
    top?: number | null;
    listOf?: string | null;
    /** `all`, or the place a set of departments is limited to. */
    set?: string;
    /** The places and departments a set leaves out (除了沈阳, 辽宁的不算), joined by 、; null when none. */
    except?: string | null;
    /** `<=500000yuan`, `between100000-500000yuan`, `<80percent`. */
    conditions?: string[];
    /** A yes/no question's bound on the figure itself (`>100000yuan`), in the format of `conditions`. */
    check?: string | null;
    /** Whether every project listed meets the bound (`=100score` as `between100-100score`), in the format of `conditions`. */
    every?: string | null;
    arithmetic?: string;
    reference?: string;
    reason?: boolean;
    catalogue?: boolean;
    /** The base a share names after 占 (`metric:basic`), or null. */
    base?: string | null;
    /** The classification named (`functional`, `economic`; `/government` or `/departmental` after it when 政府 / 部门 is typed), or null. */
    classification?: string | null;
    /** 占了几成: a share asked in tenths. */
    tenths?: boolean;
  };
  status?: string;
  answers?: ExpectedFigure[];
  anyOrder?: boolean;
  /** A computed figure the answer must hold: its operation and result. */
  derived?: { op: string; amount_yuan?: number; value?: number };
  /** Words the answer's text must show (a stated reason, a goal), as the answer quotes them. */
  texts?: string[];
  /** Figures the answer must not hold (a ranking cut at the count asked: the rest left out). */
  absent?: ExpectedFigure[];
}

/** A conversation: questions asked in order in one chat, each turn checked like a corpus entry. */
export interface DialogEntry {
  dialog: CorpusEntry[];
}

/** Questions written per family of question shape (test/corpus/families/, one file per family); a family may hold dialogs. */
export const families: Record<string, (CorpusEntry | DialogEntry)[]> = { sets, conditions, arithmetic, changes, references, everyday, targets, people } as Record<string, (CorpusEntry | DialogEntry)[]>;

const isDialog = (e: CorpusEntry | DialogEntry): e is DialogEntry => 'dialog' in e;

export const corpus = [...(questions as CorpusEntry[]), ...Object.values(families).flat().filter((e): e is CorpusEntry => !isDialog(e))];

export const dialogs: DialogEntry[] = Object.values(families).flat().filter(isDialog);
export const negatives = [...negative, ...negativeFamily] as { q: string; status: string[] }[];
