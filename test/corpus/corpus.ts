// Loads the question corpus (see README.md in this folder).
import questions from './questions.json' with { type: 'json' };
import negative from './negative.json' with { type: 'json' };

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
  };
  status?: string;
  answers?: ExpectedFigure[];
  anyOrder?: boolean;
}

export const corpus = questions as CorpusEntry[];
export const negatives = negative as { q: string; status: string[] }[];
