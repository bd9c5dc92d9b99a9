// 查数: one target in one scope. A subject printed with different figures in
// different tables (沈阳 邮电费: 180.00 in 基本支出表, 182.64 in 经济分类表) is
// answered with each, labelled with its table and column; “三公”经费 always comes with its parts.
import type { StructuredQuery, Target } from '../../query/ast.ts';
import type { Figure } from '../figures.ts';
import { distinctByValue, priorFromChange, sameFigure, show } from '../figures.ts';
import { countsPeople, countingIndicatorWords, familyOf, metric as metricOf, metrics, type Metric } from '../../store/metrics.ts';
import { money, printedAt, tableName } from '../format.ts';
import { yearHeading, reply, type Reply } from '../reply.ts';
import type { Scope } from '../resolve.ts';
import { pick, metricFigures, type Sources } from '../sources.ts';
import { METRIC_PARTS, printedLabel, stageOf, statedChange, targetFigures, targetName } from '../targets.ts';
import { sameNameGroups } from '../project-groups.ts';
import { namedTables, rowsBuying } from '../table-rows.ts';
import { indicatorsCounting } from './performance.ts';

/** `一般公共预算基本支出表（表6），本年一般公共预算基本支出/合计` */
function where(f: Figure): string {
  return f.table ? `${f.table}${f.column ? `·${f.column}` : ''}` : `正文第${f.line}行`;
}

/**
 * The parts of a figure (“三公”经费's items), or the figures answered beside it (人员编制 beside 实有人员), of the same
 * unit as the figure: a unit's row never gets the department's parts.
 */
function partsOf(s: Sources, scope: Scope, keys: string[], year: number, stage: Figure['basis'], entity: string): Figure[] {
  return keys.flatMap((p) => pick(metricFigures(s, scope.doc, p, year).filter((f) => f.entity === entity), stage).main.slice(0, 1));
}

/**
 * Two of the figures are what a failed consistency check compared, and of the same measure (a 合计 against a 合计,
 * never a basic part against a whole): the tables disagree, not their scopes.
 */
function disagree(s: Sources, figures: Figure[]): boolean {
  const checks = s.queries.failedChecks(figures[0]!.document.id).map((c) => new Set(JSON.parse(c.lines) as number[]));
  return figures.some((a, i) => figures.slice(i + 1).some((b) => (a.measure ?? 'total') === (b.measure ?? 'total') && a.line !== b.line && checks.some((c) => c.has(a.line) && c.has(b.line))));
}

/** The question asked again without what cannot be answered (a sub-unit, a stage the document does not print). */
function askInstead(scope: Scope, q: StructuredQuery): string {
  return `${scope.doc.short} ${scope.year} ${q.targets.map((t) => t.text).join(' ')}`;
}

/** The counts of the same family as a count not found (staff.*: 实有人员, 人员编制) that the document does hold: each name and its first figure. */
function heldKin(s: Sources, scope: Scope, key: string, kind: Metric['kind'] | null = 'count'): { name: string; figure: Figure }[] {
  return metricOf(key).kind === 'count' ? heldOfFamily(s, scope, familyOf(key), kind, key) : [];
}

/** The metrics of a family (three_public, staff) the document holds, of a kind (any: null), each name and its first figure. */
export function heldOfFamily(s: Sources, scope: Scope, family: string, kind: Metric['kind'] | null = null, except?: string): { name: string; figure: Figure }[] {
  return metrics.flatMap((m) => {
    const figure = m.key !== except && (kind === null || m.kind === kind) && familyOf(m.key) === family ? metricFigures(s, scope.doc, m.key, scope.year)[0] : undefined;
    return figure ? [{ name: m.name, figure }] : [];
  });
}

/** 表17里的离休干部医药费, 表17的第一个项目: the figures the table named prints lead, wherever else they are printed first. */
function fromTableNamed(s: Sources, q: StructuredQuery, scope: Scope, figures: Figure[]): Figure[] {
  const tables = q.table ? namedTables(s, scope.doc, q.table, scope.doc.short) : [];
  if (!Array.isArray(tables) || tables.length === 0) return figures;
  const named = new Set(tables.map((t) => tableName(t.name, t.number)));
  return [...figures.filter((f) => f.table !== null && named.has(f.table)), ...figures.filter((f) => f.table === null || !named.has(f.table))];
}

/** 买车的钱, 车辆采购: the 政府采购 rows buying what a figure's money buys (metrics.json procured), each labelled and cited — said beside it. */
function boughtRows(s: Sources, scope: Scope, key: string): { lines: string[]; figures: Figure[] } {
  const item = metricOf(key).procured;
  const rows = item ? rowsBuying(s, scope, item).rows : [];
  return { lines: rows.map((r) => `政府采购表中：${r.name} ${show(r.figure)}（${printedAt(r.figure)}）`), figures: rows.map((r) => r.figure) };
}

/** A target's figures, or with a measure its row's cell in that column (卫生健康支出·基本支出). */
export function lookup(s: Sources, q: StructuredQuery, scope: Scope, target: Target, measure: string | null = null): Reply {
  const year = scope.year;
  const stage = stageOf(q.stage, scope);
  const name = targetName(target, measure);
  const all = fromTableNamed(s, q, scope, targetFigures(s, scope, target, year, measure));
  // A project's score (自评得分) is said after its money, not as a competing figure.
  const extras = target.kind === 'project' ? pick(all.filter((f) => f.fen === null), stage) : { main: [], other: [] };
  const { main, other } = pick(target.kind === 'project' ? all.filter((f) => f.fen !== null) : all, stage);
  const headOf = (entity: string) => yearHeading(entity, scope.doc, year);
  const asked = headOf(scope.entity);
  const note = scope.yearNote ? [scope.yearNote] : [];
  if (main.length === 0 && other.length === 0) {
    const quoted = name.includes('“') ? name : `“${name}”`;
    if (year !== scope.doc.fiscal_year) {
      // Not printed, but this year's figure states its change: last year computed from the two.
      // (莲湖2023年的收入总计: the change stated of this year's figure under another name, as 去年的收入总计 reads it; never a whole's,
      // nor a part's of the same amount: 北票 2023 三公经费 is not worked back from its 公务用车购置及运行费's sentence.)
      const now = year === scope.doc.fiscal_year - 1 ? pick(targetFigures(s, scope, target, scope.doc.fiscal_year, measure), stage).main[0] ?? null : null;
      const stated = year === scope.doc.fiscal_year - 1 ? (measure === null ? statedChange(s, { ...scope, year: scope.doc.fiscal_year }, target, scope.doc.fiscal_year, now) : targetFigures(s, scope, target, scope.doc.fiscal_year, measure).find((f) => f.change !== null)) : undefined;
      const derived = stated && !stated.statedFor && priorFromChange(stated);
      if (derived) {
        const text = `${scope.entity} ${year}年 ${name}：${show(derived.prior)}（${scope.doc.fiscal_year}年${scope.doc.stage}未印${year}年数，按文中说明推算：${show(stated!)}${derived.prior.raw.slice(money(stated!.fen!, stated!.printedIn).length)}）`;
        return reply('answered', [...note, text], [derived.prior, stated!, derived.change]);
      }
      return reply('not_found', [`${scope.entity}没有${year}年的资料，${scope.doc.fiscal_year}年${scope.doc.stage}中也没有${year}年的${quoted}数字。`]);
    }
    // The department's figure is not the sub-unit's: say where it is rather than give it as the answer.
    const department = { ...scope, entity: scope.doc.department, unitId: null };
    if (scope.unitId !== null && targetFigures(s, department, target, year, measure).length) {
      return reply('not_found', [...note, `${asked}：${scope.entity}没有单列${quoted}的数字，只有${scope.doc.department}的。`], [], [askInstead(scope, q)]);
    }
    // A row printed with its cell left empty is said to be so, where it is printed, and given no figure.
    // (A subject too: 莲湖 表1 and 表4 print “1、一般公共服务支出” with no figure.)
    const rows =
      measure !== null ? [] : target.kind === 'metric' ? s.queries.figuresByMetric(scope.doc.id, target.key) : target.kind === 'subject' ? [...target.codes.flatMap((c) => s.queries.figuresBySubject(scope.doc.id, c)), ...s.queries.figuresByUncodedSubject(scope.doc.id, target.name)] : [];
    const blank = rows.filter((r) => r.flags.split(',').includes('empty') && r.year === year);
    if (blank.length) {
      const at = blank.map((r) => `${tableName(r.table_name, r.table_number)}第${r.line}行“${r.row_label}”`);
      return reply('not_found', [...note, `${asked} ${name}：表中此栏为空（${[...new Set(at)].join('；')}），没有印数字。`]);
    }
    // 临聘人员多少: no 编外人员 printed, but 绩效 indicators count such people: those, as printed.
    const m = target.kind === 'metric' ? metricOf(target.key) : null;
    // 招聘了多少劳务派遣人员, 招了几个公益岗: the people named beside the verb (or as another target) say the kind counted, as typed in the target's own words does.
    const hiring = m !== null && m.hiring.includes(target.text);
    const counted = m ? indicatorsCounting(s, scope, countingIndicatorWords(m, `${q.targets.map((t) => t.text).join(' ')} ${q.asked?.people ?? ''}`, hiring), target.text, m.indicatorUnits) : [];
    // 打算买几辆车: no count of cars bought printed, but the money for buying them — answered as money, said so.
    const spent = m?.spentOn ? pick(targetFigures(s, scope, { kind: 'metric', key: m.spentOn, text: '' }, year), stage).main : [];
    if (counted.length) {
      const lines = counted.map((f) => `· ${f.label}：${show(f)}（${printedAt(f)}）`);
      const people = m!.indicatorUnits.some((u) => u === '人' || u === '名');
      // 曲阳今年要买几辆车: the count the purchase project's target sets, its money beside — said to be money, never a count.
      const money = spent.slice(0, 1).map((f) => `安排的金额（不是数量）：${f.label}${show(f)}（${printedAt(f)}）`);
      const bought = spent.length ? boughtRows(s, scope, m!.spentOn!) : { lines: [], figures: [] };
      return reply('answered', [...note, `${asked}中没有印${quoted}的数字；绩效指标中印有（是年初设定的目标值${people ? '，不是实有人数' : ''}）：`, ...lines, ...money, ...bought.lines], [...counted, ...spent.slice(0, 1), ...bought.figures]);
    }
    // 新招了几个人 where no indicator names hiring: the indicators counting people paid are offered by name, none answered as hired.
    const paid = hiring && counted.length === 0 ? indicatorsCounting(s, scope, m!.indicators, target.text, m!.indicatorUnits) : [];
    if (paid.length) {
      const names = [...new Set(paid.map((f) => `· ${f.label}（${printedAt(f)}）`))];
      const asks = [...new Set(paid.flatMap((f) => (f.project ? [`${scope.doc.short} ${f.project} 绩效目标`] : [])))];
      return reply('not_found', [...note, `${asked}中没有印招聘（新招）的人数。绩效指标中以下几项是年初设定的${m!.name}人数（是付费的人数，不是新招的人数），可以分别查看：`, ...names], [], asks);
    }
    if (spent.length) {
      const f = spent[0]!;
      const bought = boughtRows(s, scope, m!.spentOn!);
      return reply('answered', [...note, `${asked}中没有写明${quoted}的数量；安排的是金额（不是数量）：${f.label}${show(f)}（${printedAt(f)}）`, ...bought.lines], [f, ...bought.figures]);
    }
    // 临时工有多少人: what is held of the same kind (实有人员, 人员编制) is said, to be asked for; so are the people
    // the text counts (北票 实际有几个人: 离休干部 73名), never given as the staff.
    const kin = target.kind === 'metric' ? heldKin(s, scope, target.key) : [];
    // Suggestions of the kind asked: the people the text counts for a headcount (临时工有多少人), the figures held of
    // its own family for another count (曲阳一共出国几人次: the 三公经费 and its parts, never 村级代办人员).
    const count = m?.kind === 'count' ? m : null;
    // The family's figures of any kind held (出国人次: the 三公经费 and its parts), read once; a headcount's family offers people.
    const held = count && !countsPeople(count.key) ? heldKin(s, scope, count.key, null) : [];
    // 莲湖接待了多少人: 多少人 of a 三公 count offers that family's figures, not the people the text counts.
    const ofPeople = count !== null && (countsPeople(count.key) || (q.headcount === true && held.length === 0));
    const people = ofPeople ? [...new Set(s.queries.headcounts(scope.doc.id).map((h) => h.people))] : [];
    // The money of the very thing counted first (出国人次 → 因公出国（境）费): the names sharing most of its characters.
    const shared = (name: string) => [...new Set(name)].filter((c) => /\p{Script=Han}/u.test(c) && count!.name.includes(c)).length;
    const family = (!ofPeople && kin.length === 0 ? held : []).sort((a, b) => shared(b.name) - shared(a.name));
    const asks = [...kin, ...family].map((k) => `${scope.doc.short} ${year} ${k.name}`).concat(people.map((p) => `${scope.doc.short} 有多少${p}`));
    // 工勤人员多少, 参公的有几个 where only 编制 and 实有 are printed by kind: the headcounts printed are said, each cited.
    const printed = kin.length ? ['印有的人数：', ...kin.map((k) => `· ${k.name}：${show(k.figure)}（${printedAt(k.figure)}）`)] : [];
    const others = people.length ? [`另有${people.join('、')}的数字。`] : [];
    if (kin.length) return reply('not_found', [...note, `${asked}中没有找到${quoted}的数字。`, ...printed, ...others], [], asks);
    if (people.length) return reply('not_found', [...note, `${asked}中没有找到${quoted}的数字；有${people.join('、')}的数字。`], [], asks);
    return reply('not_found', [...note, `${asked}中没有找到${quoted}的数字。`], [], asks);
  }
  // A stage asked for by name that the document does not print for this is refused, never answered with the other stage.
  if (main.length === 0 && q.stage === stage) {
    return reply('not_found', [...note, `${asked}中没有${name}的${stage}数，只有${other[0]!.basis}数。`], [], [askInstead(scope, q)]);
  }
  // A 决算 answers 决算数 first; a figure only of the other stage is still worth saying, labelled.
  const lead = main.length ? main : other;
  const beside = main.length ? other.filter((o) => !lead.some((l) => l.basis === o.basis)) : [];
  const lines = [...note];
  // Named after whose figures they are: a project of the department's is its unit's.
  const head = headOf(lead[0]!.entity);
  if (lead[0]!.basis !== stage) lines.push(`${head}中没有${name}的${stage}数，以下是${lead[0]!.basis}数。`);
  const figures: Figure[] = [];
  const besideText = beside.length ? `（${beside[0]!.basis}数${show(beside[0]!)}）` : '';
  const units = new Set(lead.map((f) => f.entity)).size > 1;
  if (lead.length === 1 || (target.kind === 'metric' && !units)) {
    const f = lead[0]!;
    const parts = target.kind === 'metric' ? partsOf(s, scope, METRIC_PARTS[target.key] ?? [], year, f.basis, f.entity) : [];
    const companions = target.kind === 'metric' ? partsOf(s, scope, metricOf(target.key).with, year, f.basis, f.entity) : [];
    // A part dated like its whole says the date once, after the whole.
    const undated = (p: Figure) => `${p.label}${show(p.asOf === f.asOf ? { ...p, asOf: null } : p)}`;
    const partText = parts.length ? `（${parts.map(undated).join('，')}）` : '';
    const withText = companions.map((p) => `；${undated(p)}`).join('');
    const extraFigures = [...extras.main, ...extras.other];
    const extraText = extraFigures.map((x) => `；${x.label.replace(name, '')}${show(x)}`).join('');
    const stageText = f.basis !== stage || f.basis !== scope.doc.stage || beside.length ? `${f.basis}数` : '';
    // A figure qualified as printed (单价100万元（含）以上设备) is called what the document calls it.
    // A subject printed only in a table of its basic part is called that part (邮电费·基本支出).
    const said = (measure === null && printedLabel(target, f)) || (f.part ? f.label : name);
    lines.push(`${head} ${said}：${stageText}${show(f)}${partText}${besideText}${extraText}${withText}`);
    figures.push(f, ...parts, ...beside.slice(0, 1), ...extraFigures, ...companions);
    const bought = target.kind === 'metric' && measure === null ? boughtRows(s, scope, target.key) : { lines: [], figures: [] };
    lines.push(...bought.lines);
    figures.push(...bought.figures);
  } else {
    // Figures of different scopes (all funds and 一般公共预算, 基本支出 and all) are no contradiction; only a failed check says the tables disagree.
    const how = units ? '分属不同单位' : disagree(s, lead) ? '不同表中印的数字不同' : '各表口径不同';
    lines.push(`${units ? asked : head} ${name}，${how}：`);
    for (const f of lead) lines.push(`· ${show(f)}（${units ? `${f.entity}，` : ''}${where(f)}）`);
    if (besideText) lines.push(`${beside[0]!.basis}数：${show(beside[0]!)}`);
    figures.push(...lead, ...beside.slice(0, 1));
  }
  // A subject's part printed in a table of that part only (its 基本支出 in a 基本支出 table): said as the part it is.
  const parts = lead.some((f) => !f.part) ? distinctByValue(all.filter((f) => f.part && f.basis === lead[0]!.basis && !lead.some((l) => sameFigure(l, f)))) : [];
  for (const p of parts) lines.push(`其中${metricOf(p.measure!).name}：${show(p)}（${where(p)}）`);
  figures.push(...parts);
  if (target.kind === 'project') {
    const groups = sameNameGroups(s, scope, lead[0]!.basis, lead);
    lines.push(...groups.lines);
    figures.push(...groups.figures);
  }
  const r = reply('answered', lines, figures);
  r.allSources = q.sources;
  return r;
}
