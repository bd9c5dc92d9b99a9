// Loads the question corpus (see README.md in this folder).
import questions from './questions.json' with { type: 'json' };
import negative from './negative.json' with { type: 'json' };
import arithmetic from './families/arithmetic.json' with { type: 'json' };
import changes from './families/changes.json' with { type: 'json' };
import conditions from './families/conditions.json' with { type: 'json' };
import sets from './families/sets.json' with { type: 'json' };

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
    /** `<=500000yuan`, `between100000-500000yuan`, `<80percent`. */
    conditions?: string[];
    arithmetic?: string;
    reference?: string;
    reason?: boolean;
    catalogue?: boolean;
  };
  status?: string;
  answers?: ExpectedFigure[];
  anyOrder?: boolean;
  /** A computed figure the answer must hold: its operation and result. */
  derived?: { op: string; amount_yuan?: number; value?: number };
}

/** Questions written per family of question shape (test/corpus/families/, one file per family). */
export const families: Record<string, CorpusEntry[]> = { sets, conditions, arithmetic, changes } as Record<string, CorpusEntry[]>;

export const corpus = [...(questions as CorpusEntry[]), ...Object.values(families).flat()];
export const negatives = negative as { q: string; status: string[] }[];
