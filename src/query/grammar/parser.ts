// The question grammar. Questions are short and free in word order (曲阳 2023
// 三公经费, 三公经费 曲阳 2023年), so a question is a sequence of clauses; the
// structure that matters is lists joined by 和/与/、 (曲阳和沈阳, 2022和2023,
// 办公费和邮电费), which make comparisons.
import { CstParser, tokenMatcher, type TokenType } from 'chevrotain';
import type { QuestionTokens } from './tokens.ts';

export function createParser(t: QuestionTokens) {
  const targets = [t.Metric, t.Subject, t.Project, t.Code];
  class QuestionParser extends CstParser {
    /** A list goes on only when 和/与 is followed by another item of its kind (曲阳和结余 is not a list). */
    private continues(kinds: TokenType[]): boolean {
      return tokenMatcher(this.LA(1), t.Conj) && kinds.some((k) => tokenMatcher(this.LA(2), k));
    }

    constructor() {
      super(t.all, { maxLookahead: 2 });
      this.performSelfAnalysis();
    }

    question = this.RULE('question', () => {
      this.MANY(() => this.SUBRULE(this.clause));
    });

    clause = this.RULE('clause', () => {
      this.OR([
        { ALT: () => this.SUBRULE(this.entityList) },
        { ALT: () => this.CONSUME(t.UnitOrg) },
        { ALT: () => this.SUBRULE(this.yearList) },
        { ALT: () => this.SUBRULE(this.targetList) },
        { ALT: () => this.SUBRULE(this.topN) },
        { ALT: () => this.CONSUME(t.Stage) },
        { ALT: () => this.CONSUME(t.BothStages) },
        { ALT: () => this.CONSUME(t.Intent) },
        { ALT: () => this.CONSUME(t.Ascending) },
        { ALT: () => this.CONSUME(t.PreviousYear) },
        { ALT: () => this.CONSUME(t.ListTarget) },
        { ALT: () => this.CONSUME(t.Scope) },
        { ALT: () => this.CONSUME(t.Sources) },
        { ALT: () => this.CONSUME(t.Conj) },
        { ALT: () => this.CONSUME(t.NumberTok) },
        { ALT: () => this.CONSUME(t.Latin) },
        { ALT: () => this.CONSUME(t.Other) },
      ]);
    });

    entityList = this.RULE('entityList', () => {
      this.CONSUME(t.Entity);
      this.MANY({
        GATE: () => this.continues([t.Entity]),
        DEF: () => {
          this.CONSUME(t.Conj);
          this.CONSUME2(t.Entity);
        },
      });
    });

    yearList = this.RULE('yearList', () => {
      this.CONSUME(t.Year);
      this.MANY({
        GATE: () => this.continues([t.Year]),
        DEF: () => {
          this.CONSUME(t.Conj);
          this.CONSUME2(t.Year);
        },
      });
    });

    targetList = this.RULE('targetList', () => {
      this.SUBRULE(this.target);
      this.MANY({
        GATE: () => this.continues(targets),
        DEF: () => {
          this.CONSUME(t.Conj);
          this.SUBRULE2(this.target);
        },
      });
    });

    target = this.RULE('target', () => {
      this.OR([
        { ALT: () => this.CONSUME(t.Metric) },
        { ALT: () => this.CONSUME(t.Subject) },
        { ALT: () => this.CONSUME(t.Project) },
        { ALT: () => this.CONSUME(t.Code) },
      ]);
    });

    topN = this.RULE('topN', () => {
      this.CONSUME(t.Top);
      this.OPTION(() => this.CONSUME(t.NumberTok));
    });
  }
  return new QuestionParser();
}

export type QuestionParser = ReturnType<typeof createParser>;
