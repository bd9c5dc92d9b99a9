// The question grammar. Questions are short and free in word order (曲阳 2023
// 三公经费, 三公经费 曲阳 2023年), so a question is a sequence of clauses. Each
// clause is one dimension of the structured query, built from the tokens that
// make it (Duckling-style: one rule per dimension): lists joined by 和/与/、
// (曲阳和沈阳, 2022和2023, 办公费和邮电费), a set of departments (各医保局,
// 辽宁的医保局), a condition on amounts (50万元以下, 超过八成, 在10万到50万之间),
// the second figure of a comparison (比项目支出多), an item of the last list (第2个).
// Shape words that build nothing where they stand are plain words (see the visitor).
import { CstParser, Lexer, LLkLookaheadStrategy, tokenMatcher, type ILookaheadStrategy, type IOrAlt, type IToken, type OrMethodOpts, type TokenType } from 'chevrotain';
import type { Entry } from '../lexicon/lexicon.ts';
import type { QuestionTokens } from './tokens.ts';
import shapes from '../../../grammar/shapes.json' with { type: 'json' };

/**
 * One token decides every choice: the shapes that need a second token (a comparison's figure after 比, a condition's
 * amount after 超过) say so in their GATEs. Two tokens made the clause's lookahead every pair of token kinds (a table's
 * title may be any words), the most costly part of building the parser.
 */
const MAX_LOOKAHEAD = 1;

/**
 * chevrotain's LL(k) lookahead, each decision's function built when the parser first reaches it: building all of
 * them is most of the parser's construction, and a one-shot question passes through a few of its decisions.
 */
class LazyLookahead extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0]) {
    let built: ((alts?: IOrAlt<unknown>[]) => number | undefined) | undefined;
    const build = () => (built ??= super.buildLookaheadForAlternation(options));
    return function (this: unknown, alts?: IOrAlt<unknown>[]) {
      return build().call(this, alts);
    };
  }

  override buildLookaheadForOptional(options: Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0]) {
    let built: (() => boolean) | undefined;
    const build = () => (built ??= super.buildLookaheadForOptional(options));
    return function (this: unknown) {
      return build().call(this);
    };
  }
}

/**
 * `validate`: chevrotain's grammar checks (ambiguities, left recursion). The grammar is code, so they run in the
 * tests (test/query/grammar.test.ts), not on every start.
 */
export function createParser(t: QuestionTokens, { validate = false } = {}) {
  const targets = [t.Metric, t.Subject, t.Project, t.Code];
  const numbers = [t.NumberTok, t.Code, t.Year];
  // What a comparison's second figure may be (比项目支出, 比沈阳, 比2022年, 比预算, 比上年).
  const compared = [...targets, t.Entity, t.Year, t.Stage, t.PreviousYear];
  const is = (token: IToken, kinds: TokenType[]) => kinds.some((k) => tokenMatcher(token, k));
  const entry = (token: IToken) => token.payload as Entry | undefined;
  // A year token is an amount only as plain digits (2000万), never 2023年.
  const isNumber = (token: IToken) => is(token, numbers) && /^\d+(?:\.\d+)?%?$/.test(token.image);
  const isComparator = (token: IToken, after: boolean) => tokenMatcher(token, t.Comparator) && (entry(token) as { after: boolean }).after === after;
  const isRange = (token: IToken, part: string) => tokenMatcher(token, t.Range) && (entry(token) as { part: string }).part === part;
  // The word that makes a set word or a place a set of departments: 医保局, 部门, 单位, 地方.
  const isOrganisation = (token: IToken) =>
    tokenMatcher(token, t.OrgWord) || (tokenMatcher(token, t.ListTarget) && ['departments', 'units'].includes((entry(token) as { target: string }).target));
  // 表17, 公开05表: a table named by its printed number; 政府采购表, 整体绩效自评表: by words of its title.
  const isTableWord = (token: IToken) => tokenMatcher(token, t.ListTarget) && (entry(token) as { target: string }).target === 'tables' && token.image === '表';
  const isTablePrefix = (token: IToken) => tokenMatcher(token, t.ListTarget) && (entry(token) as { target: string }).target === 'tables' && token.image !== '表';
  // 表3项: a number counting things (项, 个) after 表 is no table's number.
  const isTableNumber = (token: IToken, next: IToken) => tokenMatcher(token, t.NumberTok) && /^\d{1,2}$/.test(token.image) && !tokenMatcher(next, t.Counter);
  // Words a table's title is typed with: names of figures, question words that are title words too (绩效, 自评), stray characters.
  const titleKinds = [t.Metric, t.Subject, t.Project, t.Intent, t.Scope, t.Stage, t.UnitOrg, t.OrgWord, t.Arith];
  const isTitleWord = (token: IToken) =>
    is(token, titleKinds) || (tokenMatcher(token, t.ListTarget) && !isTableWord(token)) || (tokenMatcher(token, t.Other) && /^[\u4e00-\u9fff]$/.test(token.image) && !shapes.tables.notTitle.includes(token.image));
  const adjacent = (a: IToken, b: IToken) => a.startOffset + a.image.length === b.startOffset;
  const isSheet = (token: IToken) => tokenMatcher(token, t.Counter) && shapes.tables.sheet.includes(token.image);
  const isOf = (token: IToken) => tokenMatcher(token, t.Other) && token.image === '的';
  // 第 and 排最后 count items (第2个, 排最后1名), and so does a row's name before its number (任务3); 它, 其中 before a number do not.
  const isCounting = (token: IToken) => tokenMatcher(token, t.Reference) && ['ordinal', 'last', 'numbered'].includes((entry(token) as { ref: string }).ref);
  const isNumbered = (token: IToken) => tokenMatcher(token, t.Reference) && (entry(token) as { ref: string }).ref === 'numbered';
  const isAlone = (token: IToken) => tokenMatcher(token, t.SetWord) && (entry(token) as { alone?: boolean }).alone === true;
  // 总, 全部, 所有 before a share's base: the whole of it, not the part named before 占.
  const isWhole = (token: IToken) => (tokenMatcher(token, t.Other) || tokenMatcher(token, t.SetWord)) && shapes.share.whole.includes(token.image);
  const shapeWord = (token: IToken, list: 'shareOf') => shapes.share[list].includes(token.image);

  // Every token kind but the skipped white space: a table's title may be typed with any of them.
  const anyToken = t.all.filter((k) => k.GROUP !== Lexer.SKIPPED);

  class QuestionParser extends CstParser {
    /** A list goes on only when 和/与 is followed by another item of its kind (曲阳和结余 is not a list). */
    private continues(kinds: TokenType[]): boolean {
      return tokenMatcher(this.LA(1), t.Conj) && kinds.some((k) => tokenMatcher(this.LA(2), k));
    }

    /** An amount starts at LA(k): a number, with its unit after it when there is one. */
    private amountAt(k: number): number {
      if (!isNumber(this.LA(k))) return 0;
      return tokenMatcher(this.LA(k + 1), t.Unit) ? 2 : 1;
    }

    /**
     * 各医保局, 哪个单位, 所有的部门, 辽宁的医保局: a set word or a place, then (的) an organisation word; 那几家 alone;
     * a stage before it (决算的那家) says which documents.
     */
    private startsSet(): boolean {
      const k = this.setStart();
      if (isAlone(this.LA(k))) return true;
      // 决算的单位, 做预算的部门: a stage and an organisation word.
      if (k > 1 && isOrganisation(this.LA(k))) return true;
      if (!tokenMatcher(this.LA(k), t.SetWord) && !tokenMatcher(this.LA(k), t.Place)) return false;
      return this.organisationAt(k + 1) > 0;
    }

    /** Where a set's own word stands: after a stage (and 的) qualifying it. */
    private setStart(): number {
      if (!tokenMatcher(this.LA(1), t.Stage)) return 1;
      return isOf(this.LA(2)) ? 3 : 2;
    }

    /** How many tokens an organisation word (after 的) takes from LA(k); 0 when none stands there. */
    private organisationAt(k: number): number {
      return isOrganisation(this.LA(k)) ? 1 : isOf(this.LA(k)) && isOrganisation(this.LA(k + 1)) ? 2 : 0;
    }

    /**
     * 占项目支出, 占抚顺总项目支出, 占全部项目支出: 占 then the figure it is a share of (the base), perhaps with
     * whose it is or a word saying the whole (总, 全部) before it.
     */
    private startsShareBase(): boolean {
      const first = this.LA(1);
      if (!tokenMatcher(first, t.Intent) || !shapeWord(first, 'shareOf')) return false;
      let k = 2;
      if (tokenMatcher(this.LA(k), t.Entity) || tokenMatcher(this.LA(k), t.UnitOrg)) k++;
      if (isWhole(this.LA(k))) k++;
      // 占预算支出: the stage said of the base.
      if (tokenMatcher(this.LA(k), t.Stage)) k++;
      return is(this.LA(k), targets);
    }

    /** 倒数第2: a bottom word (倒数, 后) before 第 and a number counts from the end. */
    private fromEnd(): boolean {
      const top = this.LA(1);
      return tokenMatcher(top, t.Top) && (entry(top) as { ascending?: boolean }).ascending === true && tokenMatcher(this.LA(2), t.Reference) && isNumber(this.LA(3));
    }

    /**
     * How many tokens a table named from LA(1) takes, 0 when none is: (第N张) then (公开) 表N / N表, or words of a
     * title typed together before 表 (政府采购表, 第1张整体绩效自评表).
     */
    private tableAt(): number {
      let k = 1;
      if (isCounting(this.LA(1)) && isNumber(this.LA(2)) && isSheet(this.LA(3))) k = 4;
      if (isTablePrefix(this.LA(k)) && (isTableNumber(this.LA(k + 1), this.LA(k + 2)) || isTableWord(this.LA(k + 1)))) k++;
      if ((isTableWord(this.LA(k)) && isTableNumber(this.LA(k + 1), this.LA(k + 2))) || (isTableNumber(this.LA(k), this.LA(k + 1)) && isTableWord(this.LA(k + 1)))) return k + 1;
      let j = k;
      while (isTitleWord(this.LA(j)) && (j === k || adjacent(this.LA(j - 1), this.LA(j)))) j++;
      const title = j > k ? this.LA(j - 1).startOffset + this.LA(j - 1).image.length - this.LA(k).startOffset : 0;
      // 邮电费表12: a figure's name before a table named by its number is the figure, not a title.
      return title >= 2 && isTableWord(this.LA(j)) && adjacent(this.LA(j - 1), this.LA(j)) && !isTableNumber(this.LA(j + 1), this.LA(j + 2)) ? j : 0;
    }

    /** 执行率是100%: a word comparing only rates and scores stands before a percentage or a score. */
    private rateAt(k: number): boolean {
      const unit = entry(this.LA(k + 1)) as { kind: string; unit?: string } | undefined;
      return this.LA(k).image.endsWith('%') || (tokenMatcher(this.LA(k + 1), t.Unit) && unit?.unit !== 'yuan');
    }

    private startsCondition(): boolean {
      const first = this.LA(1);
      if (isComparator(first, false)) return this.amountAt(2) > 0 && (!shapes.comparators.ratesOnly.includes(first.image) || this.rateAt(2));
      if (isRange(first, 'open')) return this.amountAt(2) > 0 && this.joinsRange(2 + this.amountAt(2));
      const n = this.amountAt(1);
      if (n === 0) return false;
      return isComparator(this.LA(1 + n), true) || this.joinsRange(1 + n);
    }

    /** 10万到50万, 10万和50万之间: what joins a range's bounds at k; 和 only where 之间 closes the second bound. */
    private joinsRange(k: number): boolean {
      if (isRange(this.LA(k), 'join')) return true;
      const n = tokenMatcher(this.LA(k), t.Conj) ? this.amountAt(k + 1) : 0;
      return n > 0 && isRange(this.LA(k + 1 + n), 'close');
    }

    constructor() {
      super(t.all, { maxLookahead: MAX_LOOKAHEAD, skipValidations: !validate, lookaheadStrategy: new LazyLookahead({ maxLookahead: MAX_LOOKAHEAD }) });
      this.performSelfAnalysis();
    }

    question = this.RULE('question', () => {
      this.MANY(() => this.SUBRULE(this.clause));
    });

    // Each OR's alternatives made once, on the rule's first run (chevrotain's advice): made on every run, the clause's
    // forty alternatives and their closures were a fifth of all a question allocates.
    private clauseAlternatives?: OrMethodOpts<unknown>;
    private tableAlternatives?: IOrAlt<unknown>[];
    private amountAlternatives?: IOrAlt<unknown>[];
    private comparedAlternatives?: IOrAlt<unknown>[];
    private targetAlternatives?: IOrAlt<unknown>[];

    clause = this.RULE('clause', () => {
      this.OR((this.clauseAlternatives ??= {
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => this.tableAt() > 0, ALT: () => this.SUBRULE(this.table) },
          { ALT: () => this.SUBRULE(this.entityList) },
          { GATE: () => this.startsSet(), ALT: () => this.SUBRULE(this.departmentSet) },
          { GATE: () => this.startsCondition(), ALT: () => this.SUBRULE(this.condition) },
          { GATE: () => this.startsShareBase(), ALT: () => this.SUBRULE(this.shareOf) },
          { GATE: () => is(this.LA(2), compared), ALT: () => this.SUBRULE(this.comparison) },
          { GATE: () => (isCounting(this.LA(1)) && isNumber(this.LA(2))) || this.fromEnd(), ALT: () => this.SUBRULE(this.ordinal) },
          { GATE: () => tokenMatcher(this.LA(1), t.NumberTok) && tokenMatcher(this.LA(2), t.Counter), ALT: () => this.SUBRULE(this.counted) },
          { ALT: () => this.CONSUME(t.UnitOrg) },
          { ALT: () => this.SUBRULE(this.yearList) },
          { ALT: () => this.SUBRULE(this.targetList) },
          { ALT: () => this.SUBRULE(this.topN) },
          { ALT: () => this.CONSUME(t.Stage) },
          { ALT: () => this.CONSUME(t.BothStages) },
          { ALT: () => this.CONSUME(t.Intent) },
          { ALT: () => this.CONSUME(t.Ascending) },
          { ALT: () => this.CONSUME(t.Descending) },
          { ALT: () => this.CONSUME(t.PreviousYear) },
          { ALT: () => this.CONSUME(t.ListTarget) },
          { ALT: () => this.CONSUME(t.Scope) },
          { ALT: () => this.CONSUME(t.Sources) },
          { ALT: () => this.CONSUME(t.Filler) },
          { ALT: () => this.CONSUME(t.ChangeWord) },
          { ALT: () => this.CONSUME(t.Conj) },
          { ALT: () => this.CONSUME(t.NumberTok) },
          { ALT: () => this.CONSUME(t.Arith) },
          { ALT: () => this.CONSUME(t.Reason) },
          { ALT: () => this.CONSUME(t.Reference) },
          { ALT: () => this.CONSUME(t.Catalogue) },
          { ALT: () => this.CONSUME(t.Place) },
          // Shape words that build no shape here: plain words.
          { ALT: () => this.CONSUME(t.Comparator) },
          { ALT: () => this.CONSUME(t.Range) },
          { ALT: () => this.CONSUME(t.Unit) },
          { ALT: () => this.CONSUME(t.SetWord) },
          { ALT: () => this.CONSUME(t.OrgWord) },
          { ALT: () => this.CONSUME(t.Than) },
          { ALT: () => this.CONSUME(t.Direction) },
          { ALT: () => this.CONSUME(t.Counter) },
          { ALT: () => this.CONSUME(t.Latin) },
          { ALT: () => this.CONSUME(t.Other) },
        ],
      }));
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

    departmentSet = this.RULE('departmentSet', () => {
      this.OPTION1({
        GATE: () => tokenMatcher(this.LA(1), t.Stage),
        DEF: () => {
          this.CONSUME(t.Stage);
          this.OPTION2({ GATE: () => isOf(this.LA(1)), DEF: () => this.CONSUME1(t.Other) });
        },
      });
      this.OR1([
        {
          ALT: () => {
            this.OR2([{ ALT: () => this.CONSUME(t.SetWord) }, { ALT: () => this.CONSUME(t.Place) }]);
            this.OPTION3({ GATE: () => this.organisationAt(1) > 0, DEF: () => this.SUBRULE1(this.organisation) });
          },
        },
        // 决算的单位: the stage alone says which.
        { ALT: () => this.SUBRULE2(this.organisation) },
      ]);
    });

    /** (的) 医保局, 部门, 单位 */
    organisation = this.RULE('organisation', () => {
      this.OPTION({ GATE: () => isOf(this.LA(1)), DEF: () => this.CONSUME(t.Other) });
      this.OR([{ ALT: () => this.CONSUME(t.OrgWord) }, { ALT: () => this.CONSUME(t.ListTarget) }]);
    });

    /** 超过50万元 | 50万元以下 | 在10万到50万之间 */
    condition = this.RULE('condition', () => {
      this.OPTION1(() => this.CONSUME1(t.Comparator));
      this.OPTION2(() => this.CONSUME1(t.Range));
      this.SUBRULE1(this.amount);
      this.OPTION3({
        GATE: () => this.joinsRange(1),
        DEF: () => {
          this.OR([{ ALT: () => this.CONSUME2(t.Range) }, { ALT: () => this.CONSUME(t.Conj) }]);
          this.SUBRULE2(this.amount);
          this.OPTION4({ GATE: () => isRange(this.LA(1), 'close'), DEF: () => this.CONSUME3(t.Range) });
        },
      });
      this.OPTION5({ GATE: () => isComparator(this.LA(1), true), DEF: () => this.CONSUME2(t.Comparator) });
    });

    amount = this.RULE('amount', () => {
      this.OR((this.amountAlternatives ??= [{ ALT: () => this.CONSUME(t.NumberTok) }, { ALT: () => this.CONSUME(t.Code) }, { ALT: () => this.CONSUME(t.Year) }]));
      this.OPTION(() => this.CONSUME(t.Unit));
    });

    /** 占(抚顺)(总)(预算)项目支出: the base of a share. */
    shareOf = this.RULE('shareOf', () => {
      this.CONSUME(t.Intent);
      this.OPTION1(() => this.OR1([{ ALT: () => this.CONSUME(t.Entity) }, { ALT: () => this.CONSUME(t.UnitOrg) }]));
      this.OPTION2({ GATE: () => isWhole(this.LA(1)), DEF: () => this.OR2([{ ALT: () => this.CONSUME(t.SetWord) }, { ALT: () => this.CONSUME(t.Other) }]) });
      this.OPTION3(() => this.CONSUME(t.Stage));
      this.SUBRULE(this.target);
    });

    /** 比项目支出(多): the second figure of a difference; the direction word says which is larger. */
    comparison = this.RULE('comparison', () => {
      this.CONSUME(t.Than);
      this.OR((this.comparedAlternatives ??= [
        { ALT: () => this.SUBRULE(this.target) },
        { ALT: () => this.CONSUME(t.Entity) },
        { ALT: () => this.CONSUME(t.Year) },
        { ALT: () => this.CONSUME(t.Stage) },
        { ALT: () => this.CONSUME(t.PreviousYear) },
      ]));
      this.OPTION(() => this.CONSUME(t.Direction));
    });

    /**
     * 第2个, 倒数第2个, 排最后1名; 第二低, 第3大: the order the items are counted in, typed after the number; 第三个任务:
     * the rows a numbered word counts (as 任务3 does), typed after it.
     */
    ordinal = this.RULE('ordinal', () => {
      // 比倒数第二少: after 比, the direction word is the comparison's (less than it), not the order counted in (第二少).
      let compared = false;
      this.ACTION(() => (compared = tokenMatcher(this.LA(0), t.Than)));
      this.OPTION1({ GATE: () => this.fromEnd(), DEF: () => this.CONSUME(t.Top) });
      this.CONSUME(t.Reference);
      this.CONSUME(t.NumberTok);
      this.OPTION2(() => this.CONSUME(t.Counter));
      this.OPTION3({ GATE: () => !compared && adjacent(this.LA(0), this.LA(1)), DEF: () => this.CONSUME(t.Direction) });
      this.OPTION4({ GATE: () => isNumbered(this.LA(1)) && adjacent(this.LA(0), this.LA(1)), DEF: () => this.CONSUME2(t.Reference) });
    });

    /** 表17, 公开05表, 政府采购表, 第1张整体绩效自评表: as many tokens as tableAt found, the last being 表 or the number. */
    table = this.RULE('table', () => {
      let left = 0;
      this.ACTION(() => (left = this.tableAt()));
      this.AT_LEAST_ONE({ GATE: () => left > 0, DEF: () => {
        this.OR((this.tableAlternatives ??= anyToken.map((tok) => ({ ALT: () => this.CONSUME(tok) }))));
        this.ACTION(() => left--);
      } });
    });

    /** 2个, 3家 */
    counted = this.RULE('counted', () => {
      this.CONSUME(t.NumberTok);
      this.CONSUME(t.Counter);
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
      this.OR((this.targetAlternatives ??= [
        { ALT: () => this.CONSUME(t.Metric) },
        { ALT: () => this.CONSUME(t.Subject) },
        { ALT: () => this.CONSUME(t.Project) },
        { ALT: () => this.CONSUME(t.Code) },
      ]));
    });

    topN = this.RULE('topN', () => {
      this.CONSUME(t.Top);
      this.OPTION(() => {
        this.CONSUME(t.NumberTok);
        this.OPTION2(() => this.CONSUME(t.Counter));
      });
    });
  }
  return new QuestionParser();
}

export type QuestionParser = ReturnType<typeof createParser>;
