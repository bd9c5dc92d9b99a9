// Words the grammar did not know: a project named loosely (沈阳 印刷服务), a misspelt figure (三公经废),
// or something unknown (上海).
import { metrics } from '../store/metrics.ts';
import type { Target } from './ast.ts';
import { TARGET_DOING_WORDS } from './asked.ts';
import type { Mentions, Span } from './grammar/visitor.ts';
import { metricSpellings } from './lexicon/lexicon.ts';
import { CLOSE, closeName, closestNames, meaningful, type Closest, type Scope } from './loose.ts';
import { residueOf, type Phrase } from './phrases.ts';
import type { ProjectHit, ProjectSearch } from './search.ts';
import type { Found } from './targets.ts';
import { alternation } from './normalize/words.ts';
import words from '../../grammar/words.json' with { type: 'json' };
import shapes from '../../grammar/shapes.json' with { type: 'json' };

const TARGET_DOINGS: ReadonlySet<string> = new Set([...shapes.targetUnits.verbs, ...shapes.targetUnits.activities]);
const DOING_FIRST = new RegExp(`^(?:${alternation([...TARGET_DOINGS])})`);
const COUNT_KEYS: ReadonlySet<string> = new Set(metrics.filter((x) => x.kind === 'count').map((x) => x.key));

/** Metric spellings by every one-character blank (三公经? → 三公经费), for typos such as 三公经废. */
function buildTypoIndex(): Map<string, Map<string, string>> {
  const index = new Map<string, Map<string, string>>();
  for (const m of metrics) {
    for (const spelling of new Set(metricSpellings(m))) {
      const chars = Array.from(spelling);
      // Shorter spellings are too close to too many words (购车 ~ 购房).
      if (chars.length < 4) continue;
      for (let i = 0; i < chars.length; i++) {
        const blank = chars.map((c, j) => (j === i ? '?' : c)).join('');
        index.set(blank, (index.get(blank) ?? new Map()).set(m.key, spelling));
      }
    }
  }
  return index;
}

const typos = buildTypoIndex();

/** The one metric a word is a one-character typo of (三公经废 → 三公经费), or null when none or several. */
function metricTypo(word: string): { key: string; spelling: string } | null {
  const chars = Array.from(word);
  const found = new Map<string, string>();
  for (let i = 0; i < chars.length; i++) {
    for (const [key, spelling] of typos.get(chars.map((c, j) => (j === i ? '?' : c)).join('')) ?? []) found.set(key, spelling);
  }
  if (found.size !== 1) return null;
  const [key, spelling] = [...found][0]!;
  return spelling === word ? null : { key, spelling };
}

/** A word left to read; `compound` when known words are inside it (举报奖金). */
export interface Leftover {
  text: string;
  compound: boolean;
}

/** The words left to read: a compound phrase whole, else the unknown runs of a phrase. */
export function leftoverWords(text: string, m: Mentions, phrases: Phrase[], compound: Phrase[]): Leftover[] {
  return phrases.flatMap((p): Leftover[] => (compound.includes(p) ? [{ text: text.slice(p.start, p.end), compound: true }] : residueOf(p, m).map((i) => ({ text: m.residue[i]!.text, compound: false }))));
}

// 资金, 项目资金 alone: the money of what the question names (words.json moneyWords).
const MONEY_ONLY = new RegExp(`^(?:项目|${alternation(words.moneyWords.words)})+$`);

// 举报奖励项目, 医疗机构检查项目: 项目 typed after a name says what it is, and is no part of it.
const PROJECT_WORD = /(?:这个|这笔|的)?(?:项目|专项)$/;

/**
 * The names a word holds; a word not close to any is read again without 项目 after it, then as typed (检查费: 查 is
 * an ignored word only between names, never inside one) with 的 / 项目 around it left out.
 */
function closestOf(projects: ProjectSearch, word: string, typed: string, scope: Scope, ownWords: boolean): { closest: Closest; text: string } {
  const closest = closestNames(projects, word, scope, { ownWords });
  // Several names close alike are told apart by the words around them (中央的, 省的), not read again.
  if (closeName(closest) || (closest.names.length > 1 && closest.best >= CLOSE)) return { closest, text: word };
  const asTyped = typed.replace(/^的|的$/g, '');
  const tries = [word.replace(PROJECT_WORD, ''), asTyped, asTyped.replace(PROJECT_WORD, '')];
  for (const w of new Set(tries.filter((w) => w !== word && Array.from(w).length >= 2))) {
    const again = closestNames(projects, w, scope, { ownWords });
    // Quoted back as typed (检查费, not 检费).
    if (closeName(again)) return { closest: again, text: asTyped };
  }
  return { closest, text: word };
}

/** A project's name typed before words of their own: its hits, the name as typed and the rest; `several`: names close alike, none picked. */
interface NameThen {
  hits: ProjectHit[];
  left: string;
  rest: string;
  several?: ProjectHit[][];
}

const JOINERS = new RegExp(alternation(shapes.projectThenWords), 'g');

/**
 * 医保信息化建设的医保专网覆盖率: a word whose words before a 的 (shapes.json projectThenWords) name a project closely and
 * after it say something of their own — that project, and those words left to name what of it is asked (its indicator).
 * `whole`: the name the word as a whole is close to, which the words before 的 must name, the words after not being of it.
 */
function projectThenWords(projects: ProjectSearch, typed: string, scope: Scope, whole?: string): NameThen | null {
  for (const joiner of typed.matchAll(JOINERS)) {
    const rest = typed.slice(joiner.index + joiner[0].length);
    if (joiner.index === 0 || Array.from(meaningful(rest)).length < 2 || whole?.includes(rest)) continue;
    const left = typed.slice(0, joiner.index);
    // Read as a leftover word is (检查费: 查 is ignored only between names).
    const hits = closeName(closestOf(projects, meaningful(left), left, scope, false).closest);
    // The name typed (most of it: 信息化建设 of 医保信息化建设), not a few words a long name holds (办公设备 of 业务耗材、办公设备、设备维修经费).
    const most = hits && Array.from(meaningful(left)).length * 3 >= Array.from(meaningful(hits[0]!.project.name)).length * 2;
    if (hits && most && (whole === undefined || hits[0]!.project.name === whole)) return { hits, left, rest };
  }
  return null;
}

// 评审, 聘请, 办结 …: a doing targets count (targetUnits.verbs, activities, verbWords), where a name glued before it ends.
const DOINGS = new RegExp(alternation(TARGET_DOING_WORDS), 'g');

// 要, 能, 项目: the asker's words between a project's name and the doing its targets count (shapes.json nameThenDoing.between).
const BETWEEN = new RegExp(`(?:${alternation(shapes.nameThenDoing.between)})+$`);

/**
 * 专家审查费评审了多少专家, 医药机构定点评审劳务费聘请了多少专家: a project's name glued to a doing its targets count ends
 * where the doing begins — the project named whole before it (评审 inside 医药机构定点评审劳务费 ends nothing), the doing left
 * to name its indicator. Parted from the doing by the asker's words (新冠疫苗补助项目能覆盖, 城乡医疗救助要补助), the doing is
 * no part of the name, which may then be typed loosely; a name several projects print alike is those projects (`several`), to
 * be asked back, never one picked.
 */
function projectThenDoing(projects: ProjectSearch, typed: string, scope: Scope): NameThen | null {
  for (const doing of typed.matchAll(DOINGS)) {
    if (doing.index === 0) continue;
    const parted = BETWEEN.exec(typed.slice(0, doing.index));
    const left = typed.slice(0, parted ? parted.index : doing.index);
    const word = meaningful(left);
    if ([...word].length < 2) continue;
    const { closest } = closestOf(projects, word, left, scope, false);
    // Of several names close alike, the one spelled whole (医疗保险经办中心经费 beside 医疗保险经办机构经费) — unless another
    // name goes on with the doing as typed (城乡医疗救助补助资金: 补助 is of that name).
    const goesOn = !parted && closest.names.some((g) => g[0]!.project.name.includes(left.slice(-2) + doing[0]));
    const hits = closeName(closest) ?? (goesOn ? undefined : closest.names.find((g) => meaningful(g[0]!.project.name) === word));
    if (hits && (parted || word === meaningful(hits[0]!.project.name))) return { hits, left, rest: typed.slice(doing.index) };
    if (!hits && parted && closest.best >= CLOSE && closest.names.length > 1) return { hits: [], left, rest: typed.slice(doing.index), several: closest.names };
  }
  return null;
}

/**
 * Each leftover word as the project it names closely, a figure it misspells, the projects it may name, or unknown.
 * True when a word asked for money alone (资金).
 */
export function readLeftovers(words: Leftover[], projects: ProjectSearch, scope: Scope, found: Found): boolean {
  let money = false;
  for (const { text: raw, compound } of words) {
    const word = meaningful(raw);
    if (MONEY_ONLY.test(word)) money = true;
    if (word.length === 0 || MONEY_ONLY.test(word)) continue;
    // One character (设 of 设了几个部门) names no project: any name holding it would match.
    if (Array.from(word).length === 1) {
      found.unknown.push(word);
      continue;
    }
    // Quoted back as typed: meaningless characters (中, 其) are often part of a word.
    const typed = raw.replace(/[\s\p{P}\p{S}]/gu, '');
    const { closest, text: read } = closestOf(projects, word, typed, scope, !compound);
    const close = closeName(closest);
    // Read whole as the same name only because the name is long (日常办公印刷服务经费的材料印刷), the words after 的 are still not of it.
    const owned = projectThenWords(projects, typed, scope, close?.[0]!.project.name) ?? projectThenDoing(projects, typed, scope);
    const typo = close || owned ? null : metricTypo(typed);
    if (owned?.several) {
      for (const hits of owned.several.slice(0, 5)) found.candidates.push({ kind: 'project', name: hits[0]!.project.name, ids: hits.map((h) => h.project.id), text: owned.left });
      found.unknown.push(owned.rest);
    } else if (owned) {
      const name = owned.hits[0]!.project.name;
      if (!found.targets.some((t) => t.kind === 'project' && t.name === name)) found.targets.push({ kind: 'project', name, ids: owned.hits.map((h) => h.project.id), text: owned.left, fuzzy: owned.left !== name });
      found.unknown.push(owned.rest);
    } else if (close) {
      const name = close[0]!.project.name;
      // Two leftover words of one name (第三方 split by a numeral) are one target.
      if (!found.targets.some((t) => t.kind === 'project' && t.name === name)) {
        found.targets.push({ kind: 'project', name, ids: close.map((h) => h.project.id), text: read, fuzzy: true });
      }
    } else if (typo) {
      found.targets.push({ kind: 'metric', key: typo.key, text: typed, asRead: typo.spelling });
    } else if (closest.names.length > 0) {
      for (const hits of closest.names.slice(0, 5)) found.candidates.push({ kind: 'project', name: hits[0]!.project.name, ids: hits.map((h) => h.project.id), text: typed });
    } else {
      found.unknown.push(word.length > 1 ? typed : word);
    }
  }
  return money;
}

/**
 * 培训 of 离休医疗保障培训了几个人, 医保支付方式改革要培训几批: a word that is also a figure (培训 → 培训费) and a doing targets
 * count (targetUnits.verbs, activities), beside a project named exactly — with a count asked, it names that project's indicator.
 */
export function doingOfProject(targets: readonly Target[]): (t: Target) => boolean {
  const exact = targets.some((t) => t.kind === 'project' && !t.fuzzy);
  // 医保工作经费补助聘用人员: a count typed as a doing and what it counts (聘用 + 人员) names the project's indicator too.
  return (t) => exact && t.kind === 'metric' && (TARGET_DOINGS.has(t.text.replace(/了$/, '')) || (COUNT_KEYS.has(t.key) && DOING_FIRST.test(t.text)));
}

/**
 * Without 和/与, a loose name beside other figures (医保基金 收入) is more likely one phrase split by a
 * space than two things asked: ask which project was meant. Likewise a count beside a sum (培训 人数)
 * counts that thing, which no figure here does.
 */
export function doubtSplitPhrases(conjunctions: Span[], whole: ReadonlySet<Phrase>, countMetrics: ReadonlySet<string>, found: Found): void {
  const { targets } = found;
  if (conjunctions.length !== whole.size || targets.length <= 1) return;
  for (const t of targets.filter((x): x is Extract<Target, { kind: 'project' }> => x.kind === 'project' && x.fuzzy)) {
    targets.splice(targets.indexOf(t), 1);
    found.candidates.push({ kind: 'project', name: t.name, ids: t.ids, text: t.text });
  }
  const counts = targets.filter((t) => t.kind === 'metric' && countMetrics.has(t.key));
  // 医保所劳务派遣人员经费请了几个人: a project named exactly, and 人 the counter of the count asked of it — the project stays.
  // 离休医疗保障培训了几个人: a word that is also a figure (培训 → 培训费) and a doing its targets count (targetUnits.verbs,
  // activities) names the project's indicator beside it, never the project swallowed into one unknown word.
  const doing = doingOfProject(targets);
  const counter = counts.every((t) => [...t.text].length === 1 || doing(t)) && targets.every((t) => counts.includes(t) || (t.kind === 'project' && !t.fuzzy) || doing(t));
  if (counts.length > 0 && counts.length < targets.length && counter) {
    found.unknown.push(...targets.filter(doing).map((t) => t.text));
    targets.splice(0, targets.length, ...targets.filter((t) => !counts.includes(t) && !doing(t)));
  }
  else if (counts.length > 0 && counts.length < targets.length) found.unknown.push(targets.splice(0).map((t) => t.text).join(' '));
}
