// The structured query: what a question asks, independent of how it was worded.
import type { Stage } from '../store/schema.ts';
import type { ListTarget } from './lexicon/lexicon.ts';
import type { Offered } from './alternatives.ts';

export type Intent = 'lookup' | 'breakdown' | 'compare' | 'rank' | 'share' | 'list' | 'performance' | 'rate' | 'arithmetic';

export interface EntityChoice {
  /** The department (document publisher) the question is about. */
  department: string;
  /** A sub-unit of it, when one was named (抚顺医保中心); null for the department. */
  unitId: number | null;
  name: string;
}

export interface EntityRef extends EntityChoice {
  text: string;
  /** Other departments the words typed name as well (朝阳: 朝阳市 and 朝阳县): the question is ambiguous. */
  alternatives?: EntityChoice[];
}

export type Target =
  /** asRead: the spelling a typo was read as (三公经废 → 三公经费), said in the answer. */
  | { kind: 'metric'; key: string; text: string; asRead?: string }
  | { kind: 'subject'; name: string; codes: string[]; text: string }
  | { kind: 'project'; name: string; ids: number[]; text: string; fuzzy: boolean };

/** 各医保局, 所有部门, 哪个单位: the departments held; 辽宁的医保局: those of a province or city. */
export interface DepartmentSet {
  /** The places the set is limited to, as the documents name them (辽宁省, 朝阳市; 辽宁和河北: both), or none for all held. */
  places: string[];
  /** 决算的那家, 做预算的单位: only departments with a document of this stage; null when the set says none. */
  stage: Stage | null;
  /** 哪个…: one of them is asked for (the top of a ranking), not each. */
  which: boolean;
  text: string;
  /** 2023年那两家, 这三个单位: how many departments the question says the set holds (a set of another size is asked back). */
  count?: number;
  /**
   * 除了沈阳, 北票不算, 不算决算的话, 只看预算: the departments (and places) the question leaves out, as typed in `text`; a stage
   * left out or kept only is the set's `stage`. The answer says which departments were left out.
   */
  except?: { departments: string[]; places: string[]; text: string };
}

export type Comparison = '>' | '>=' | '<' | '<=' | 'between';

/** 50万元以下, 执行率不到八成, 低于90分: a bound on the figures listed. Amounts are in 元, shares in %, scores in 分. */
export interface Condition {
  op: Comparison;
  value: number;
  /** The upper bound of `between`; null otherwise. */
  upper: number | null;
  unit: 'yuan' | 'percent' | 'score';
  /** False when the amount came without a unit (超过1000) and was read in the figures' own (万元, %, 分). */
  unitTyped: boolean;
  text: string;
  /** 预算超过50万, 决算数不到10万: the stage word typed right before an amount, the column it bounds; absent when none is typed there. */
  stage?: Stage;
}

/** Arithmetic asked on printed figures; the answer shows the formula and each input's source. */
/** per_unit: 每辆, 平均每件 — over a count printed in the counter typed (the word is in `text`). */
export type ArithmeticOp = 'difference' | 'sum' | 'average' | 'ratio' | 'per_head' | 'per_unit' | 'per_month' | 'remaining' | 'growth';

export interface Arithmetic {
  op: ArithmeticOp;
  /** A比B少: the second figure is the larger one asked about (the difference is still A − B). */
  direction: 'more' | 'less' | null;
  text: string;
  /** 这三个项目合计, 两笔…一共: how many things the question says it computes on; null when it says none. */
  count?: number | null;
  /** 剩下的呢 after a part (op remaining): the whole less the part, not a budget less what was spent. */
  rest?: boolean;
  /** 莲湖一共14人，人均…, 按20人算: the people a per-head figure divides among, as typed — matched against the counts printed. */
  heads?: number;
}

/** 增长最快 (up) / 降幅最大 (down): figures ranked by the percent change the text states. */
export type ChangeOrder = 'up' | 'down';
/** 不可比 / 持平: figures the text says cannot be compared with last year, or did not change. */
/** 新增: 从无到有, 今年新安排的 — figures the text says had nothing last year (上年基数为零), or printed 0 last year and more now. */
export type ChangeState = '不可比' | '持平' | '新增';

/**
 * Words pointing back in a conversation: 它/这个项目 (it), 其中X (part), 第N个 / 最后一个 / 倒数第N (an item of the
 * last list: the `index`th, from the end when `fromEnd`), 两者 / 这2个 / 它们 in arithmetic naming nothing (the figures of
 * the last `count` answers, or of all those kept when `count` is null; 第二个比第三个, 第一名和第二名: the `picks` of the last
 * list, or of the ranking the question asks for); `reversed` (前者 / 后者 typed: the order is the one typed) is true when the later
 * one is named first (后者比前者).
 */
export type Reference =
  | { kind: 'it'; text: string }
  | { kind: 'part'; text: string }
  | { kind: 'item'; index: number; fromEnd: boolean; text: string }
  | { kind: 'these'; count: number | null; text: string; picks?: ItemPick[]; reversed?: boolean };

/** An item of the last list (the `index`th, from the end when `fromEnd`), or, with `it`, the thing answered last (它比倒数第二少多少). */
export interface ItemPick {
  index: number;
  fromEnd: boolean;
  it?: true;
}

/**
 * 占Y: the figure a share is of. X占Y: X over Y; 占Y多少 after a figure: that figure over Y. `whole`: Y is the
 * department's whole (占全部项目支出, 占抚顺总项目支出), not the part's own unit's.
 */
export interface ShareBase {
  target: Target;
  whole: boolean;
  /** Not named: the figure answered just before (沈阳基本支出 → 人员经费占多少), used only when it is a whole of the part. */
  implied?: boolean;
}

export interface StructuredQuery {
  /** The question after normalisation. */
  text: string;
  intent: Intent;
  entities: EntityRef[];
  years: number[];
  stage: Stage | 'both' | null;
  /** With both stages named, the one named first (执行数除以预算数: 决算): a ratio's dividend. */
  firstStage?: Stage;
  targets: Target[];
  top: number | null;
  ascending: boolean;
  /** An order was said (最高, 最低, 第二低, 前5): figures listed otherwise (执行率) are ranked, an ordinal counts in it. */
  ordered?: boolean;
  previousYear: boolean;
  /**
   * 为什么比上年少, 同比为什么减少: last year typed (比上年, 同比, 上年), not read from a bare 为什么 — the reason asked is the
   * change's, never one the text gives for another gap (its budget not spent).
   */
  lastYearTyped?: true;
  /** 增加多少, 下降了, 为什么: the change itself is asked for; it leads the answer. */
  changeAsked?: boolean;
  /**
   * 降幅, 下降了百分之多少, 为什么减少了: the change is asked as a fall — a stated fall leads as the text prints it (减少138.44万元,
   * 下降21.21%: its size, named by its word), the signed 增减 figure after it.
   */
  fall?: boolean;
  /** 有多少离休干部, 几个人: how many people is asked — never answered with money. */
  headcount?: boolean;
  /** 买车了吗, 有没有出国费: whether it is there — the answer says yes or no before the figure. */
  yesNo?: boolean;
  /** 资金, 经费 typed alone (那资金呢): the money of what is asked, as a word naming no figure of its own. */
  money?: boolean;
  /** 按增加额倒推上年收入总计: last year's figure worked back from the stated change is asked; it leads. */
  backward?: boolean;
  /** 为什么比2022年涨了: the year a change is asked since, named; the text's change answers it only when that is the year before. */
  since?: number;
  /** 收入和支出的增长率哪个大, 增幅一样吗, 哪个降得多, 哪个有变化 (changed: either way; 哪些比上年减少了: that way), 增幅比…高多少 (gap: in 个百分点): each figure's change from last year compared — in per cent or in amount. */
  changesCompared?: { by: 'percent' | 'amount'; same: boolean; changed?: true | 'up' | 'down'; gap?: true };
  listOf: ListTarget | null;
  /** 用上年结转资金安排的项目: the projects funded from a source — the scope tags of its column (shapes.json fundedBy), as typed in `text`. */
  fundedBy?: { tags: string[]; text: string };
  /** 有几个项目, 超过50万的项目有几个: how many of the list is asked; the count leads. */
  countAsked?: boolean;
  /** 有几项, 几笔, 几家: the unit the count is asked in (个 when not typed). */
  countUnit?: string;
  /** A ranking asked with 得分/自评/绩效: rank the projects' self-evaluation scores, not their money. */
  byScore?: boolean;
  /** 科目 / 经济分类 were mentioned: rank or list budget subjects, not projects. */
  subjects: boolean;
  /** 来源/出处 was asked: show every source of every figure. */
  sources: boolean;
  /** Words nothing understood (an unknown place, a misspelt project with no close match). */
  unknown: string[];
  /**
   * Projects that matched a misspelt or loose name about equally well, subjects sharing a code printed
   * cut short, or a subject and a project of one name with different figures; text is the word typed.
   */
  candidates: { kind: 'project' | 'subject'; name: string; ids: number[]; text: string }[];
  /** A set of departments instead of named ones; null when none was asked. */
  set: DepartmentSet | null;
  conditions: Condition[];
  arithmetic: Arithmetic | null;
  /** 为什么 / 原因: the reason the text states for a change. */
  reason: boolean;
  /** 预算增长主要来自哪部分: which of its parts a change came from — their stated changes, the largest leading. */
  changeParts?: boolean;
  reference: Reference | null;
  /**
   * 增长最快, 降幅最大, 哪些不可比, 哪些持平: figures by the change the text states; null when not asked. `listed`:
   * 哪些科目比上年下降了, 较上年增长超过30%的功能科目 — every subject whose stated change goes that way (under the conditions).
   * `byAmount`: 下降最多 ranks by the amount the change is stated by, 降幅最大 by its percent. Listed with no order: 变了, either way.
   */
  changes?: {
    order: ChangeOrder | null;
    state: ChangeState | null;
    listed?: boolean;
    byAmount?: boolean;
    /** 哪些支出比上年减少了: every stated change of spending — subjects and the figures spent (三公, 机关运行经费 …), no income. */
    spending?: boolean;
    /** 三公经费里哪一项变了: the parts of this metric whose stated change went the way asked. */
    within?: string;
  } | null;
  /** Places named that no document held lies in (大连, 海淀区, 某某县), as typed: the answer says they are not held. */
  foreign: string[];
  /** 大连和抚顺的三公经费: every place not held is listed with a department held (joined by 和, 、): the rest is answered. */
  foreignListed?: boolean;
  /** The base a share names after 占, one of `targets`; null when none was named. */
  base: ShareBase | null;
  /** 占印刷费的百分之几: the words of a base named after 占 that name no figure held (the share cannot be worked out). */
  unreadBase?: string;
  /** 有哪些数据 / 能查什么: what is held. */
  catalogue: boolean;
  /** 那些补助资金有没有超过1.5亿的: a condition over the projects a loose name names (their names), not one of them asked back. */
  within?: { text: string; names: string[] };
  /** 按工资总额的多少比例筹的: the rate the text states, against the basis named (工资总额); never a ratio computed. */
  basis?: { text: string };
  /** 这个项目属于哪个单位, 它是哪个单位实施的: whose the thing named or pointed at is. */
  owner?: boolean;
  /**
   * 表17, 公开05表: the table named by its printed number; 政府采购表, 第1张整体绩效自评表: by words of its title (as
   * typed, 表 left out), the `nth` of the tables so titled when a number says which; `text` where it was typed.
   */
  table?: { number: number | null; title: string[]; nth: number | null; text: string };
  /** 表1和表5的卫生健康支出差多少, 邮电费表12比表6多出多少: the tables named by number, when several are: the figure in each. */
  tables?: number[];
  /** 财政拨款表和总表的卫生健康支出差多少, 表3和财政拨款表: two tables, at least one named by words of its title (number: by its number). */
  titledTables?: { title: string[]; text: string; number?: number }[];
  /** The level subjects are ranked at: named (款级, 7位编码, 按类) or, for 钱主要花在哪, 类 (the largest parts of the spending). */
  level?: '类' | '款' | '项';
  /** 明细科目: the subjects at the finest level printed (a table's leaf rows), not every subject row. */
  detail?: boolean;
  /**
   * 表17的第一个项目, 曲阳第5个项目: the ordinal counts the projects in the order the document (or the table named)
   * prints them, not a ranking (排第三, 第二大).
   */
  printOrder?: boolean;
  /**
   * 买的是什么车, 采购了什么: what kind of thing is bought — the purchase as the goal texts and procurement rows
   * describe it. `words`: what its description is looked for by (车); empty for any purchase.
   */
  describe?: { words: string[]; text: string };
  /** 特定目标类项目有哪些, 项目类别有哪些: projects asked by a category (its metric; null: the categories themselves), listed or counted. */
  category?: { key: string | null; listed: boolean };
  /** 三公经费下降幅度超过30%吗: a bound on one figure's stated change, asked whether the change meets it. */
  changeBound?: Condition;
  /**
   * 补助的人数在五人以上的项目: projects by a 绩效 target's number counted in `unit` (shapes.json targetBound), the
   * indicator named by `words` (typed before the bound, the department's name left out).
   */
  targetBound?: { op: Comparison | '='; value: number; unit: string; words: string; text: string };
  /** 政府采购小计合计: the units' subtotal rows of the table asked (shapes.json tables.subtotals), not its items. */
  subtotals?: boolean;
  /** 单价超过10万元的: a column printed beside each row's amount (measure key, shapes.json rowColumns), read instead of its 合计. */
  column?: { key: string; text: string };
  /** 它的总体目标里住院救助比例是多少: a number the project's goal text states; `text` the words naming the goal. */
  goal?: { text: string; words: string };
  /** 三公经费超过10万了吗, 有没有20万: the figure itself checked against the bound, answered 是/否 first (query/yes-no.ts). */
  check?: Condition;
  /** 北票的项目都是满分吗: whether every project listed meets the bound, answered 是/否 first with those not meeting it (query/every.ts). */
  every?: Condition;
  /** 为什么这么少, 怎么才这么点: the figure said to be small (shapes.json versusBudget.low), asked why. */
  low?: true;
  /** 为什么没花完, 执行率不高是为什么: the spending said to fall short of its budget (versusBudget.short, shortRate, 没花完), asked why. */
  shortOfBudget?: true;
  /** 邮电费到底是180还是182.64: two amounts offered, the printed figure said to be which of them (query/alternatives.ts). */
  offered?: Offered[];
  /** 公务用车有两辆吗, 是不是有3台: the count asked checked against the number typed, answered 是/不是 first (qualifiers.ts). */
  countCheck?: { value: number; unit: string; text: string };
  /** 有几个事业单位: the units asked are those printing this kind (单位性质) beside them. */
  unitKind?: string;
  /** 三公经费是不是只有公车运行费: the part asked whether it is the only one of the whole (targets[0]) not zero. */
  onlyPart?: Target;
  /** 除了公车运行费还有别的吗: the same, asked whether other parts are there (有 / 没有 instead of 否 / 是). */
  othersAsked?: boolean;
  /** 功能科目, 按经济分类, 政府经济分类: the classification the subjects asked are of (words.json classifications); absent when none is named. */
  classification?: 'functional' | 'economic';
  /** 政府经济分类 (5xx) / 部门经济分类 (3xx) typed: which economic classification (words.json classifications). */
  economicKind?: 'government' | 'departmental';
  /** 占了几成: a share asked in 成 (tenths), said in them too (shapes.json share.tenths). */
  tenths?: boolean;
  /** 哪年买的, 什么时候成立: when something happened, as typed — never printed in these documents (query/asked.ts WHEN_ASKED). */
  when?: { text: string };
  /** How numbers were read when not as typed (“前2.5”按前2项理解), said before the answer. */
  notes?: string[];
  /** What the words say of how the question asks, read with the query (query/asked.ts askedOf): answers word their reply by them. */
  asked?: AskedWords;
  /** A count or a figure per target asked in the message as typed (多少 and 几 kept; query/asked.ts typedAsked). */
  targetAsked?: TargetAsked;
  /** 最后一个叫什么, 第二个是哪家: the message as typed asks the name of what it points at (query/asked.ts typedAsked). */
  nameAsked?: boolean;
  /** 超过10万了吗, 有没有20万: the message as typed asks yes or no against an amount (query/yes-no.ts); `about`: 多 beside it. */
  yesNoAsked?: { about: boolean };
}

/** 要印多少册, 聘请几位, 那平均每人多少: how a message asks a count of a target, or a figure per target. */
export interface TargetAsked {
  /** 多少册, 几期, 多少家: a count asked in a measure word (shapes.json targetUnits.measures). */
  measure?: true;
  /** 要印多少, 聘请几位: a verb of what targets count right before the count, no measure word. */
  verb?: true;
  /** 平均每人, 人均, 每册多少钱: a figure per unit of a target — the measure word and the words asking it. */
  per?: { unit: string; text: string };
}

/** Words saying how a question asks (query/asked.ts): each present when typed. */
export interface AskedWords {
  /** 百分之几, 几成: asked in per cent. */
  percent?: true;
  /** 增长, 增加, 多了: a change upwards. */
  rise?: true;
  /** 下降, 减少: a change downwards. */
  fall?: true;
  /** 变了, 有变化: a change either way. */
  changed?: true;
  /** 得分, 多少分: a score. */
  score?: true;
  /** 自评: the self-evaluation (done after the year, printed with a 决算). */
  selfEvaluation?: true;
  /** 完成, 实际: what was done, before what was planned. */
  done?: true;
  /** 明细: the detail. */
  detail?: true;
  /** 自评, 得分: words of a project's self-evaluation, by which an ordinal counts the self-evaluations as narrated. */
  narrated?: true;
  /** 哪个, 哪家: which one. */
  which?: true;
  /** 最多的比最少的: both ends of a list named. */
  extremes?: true;
  /** 哪家, 哪个地方: which department, whatever follows. */
  departmentWhich?: true;
  /** 部门, 单位: a word for departments or units (not an organisation's, 医保局). */
  departmentWord?: true;
  /** 一条, 每份, 每人: a figure per unit of something. */
  perUnit?: true;
  /** 资金, 项目经费: the money word typed (what is added when nothing else is named). */
  money?: string;
  /** 项目资金, 项目经费: the money of the projects (their whole, 项目支出, when nothing else is named). */
  projectMoney?: true;
  /** 离休干部, 临聘人员: the people typed whose counts the text states. */
  people?: string;
  /** 成本, 标准: a cost or standard word (a 成本指标 asked, shapes.json standardWords). */
  standard?: true;
  /** 多少钱, 花多少, 成本, 单价: money asked of a thing — only a 成本 / standard indicator answers it, never a count. */
  cost?: true;
  /** 编制, 实有, 事业人员, 工勤: the department's own staff (a headcount printed, never a 绩效 target). */
  staff?: true;
  /** 编制 typed: the headcount authorised (a per-head figure's divisor). */
  authorized?: true;
  /** 实有 typed: the headcount actually employed. */
  actual?: true;
  /** 高多少, 那少几个人: nothing but a direction (and people counted) typed — a difference of what was answered before. */
  directionAlone?: true;
  /** 比上年多了, 比去年少: a difference from last year asked by its direction. */
  thanLastYear?: true;
  /** 整体, 自评: words of a table's title typed that pick the tables numbered rows are counted in (shapes.json references.numberedTitles). */
  titles?: string[];
  /** 年度总体目标, 总目标: the goal text itself asked. */
  goal?: true;
  /** 整体绩效参保率, 整体绩效里的满意度定的多少: the words typed after the department's own 整体绩效 — the indicator asked of it. */
  wholeIndicator?: string;
  /** 实际完成了, 通过了: what was done asked — an outcome, which a 预算's targets never are. */
  outcome?: true;
  /** 哪些指标没完成, 没达到目标的指标: the indicators whose 完成值 falls short of the target (shapes.json shortfall). */
  shortfall?: true;
}
