// A department's performance goals stated in the prose instead of a 整体绩效目标表
// (曲阳: `（一）总体绩效目标` with numbered goals, `（二）分项绩效目标` with
// `绩效目标：…` and `绩效指标：…` per item). The headings and labels are read with
// the vocabulary in grammar/performance-prose.json. The section becomes one unit
// owner: its goal is the 总体 goals and each 分项's goal text; each indicator
// sentence is a target, cited at the line where the sentence starts, with the figure
// it states (`达到 52 万`, `95%以上`) as its target value.
import vocabulary from '../../../grammar/performance-prose.json' with { type: 'json' };
import type { Line } from '../layout/lines.ts';
import { newTarget, type OwnerDraft, type TargetDraft } from '../model.ts';
import { ownerOf } from '../tables/performance.ts';
import { alternation } from '../../query/normalize/words.ts';
import { squeezeCjkSpaces, stripOrdinal } from '../text/cjk.ts';
import type { Paragraph } from './paragraphs.ts';

const OVERALL = new RegExp(vocabulary.overall);
const ITEMS = new RegExp(vocabulary.items);
const HEADING = new RegExp(vocabulary.heading);
const LABEL = new RegExp(`(${vocabulary.goal})|(${vocabulary.indicators})`, 'g');

const longestFirst = (words: string[]) => [...words].sort((a, b) => b.length - a.length);
const operatorOf = new Map(vocabulary.comparators.flatMap((c) => c.words.split('|').map((w) => [`${c.position}:${w}`, c.operator] as const)));
const wordsAt = (position: string) => longestFirst(vocabulary.comparators.filter((c) => c.position === position).flatMap((c) => c.words.split('|')));
/** A figure in an indicator sentence: comparator words before, the number, its unit, comparator words after. */
const FIGURE = new RegExp(
  `(${wordsAt('before').join('|')})?(\\d+(?:\\.\\d+)?)(${alternation(vocabulary.units)})?(${wordsAt('after').join('|')})?`,
  'g',
);
const SENTENCE = /[^。；;]+[。；;]?/g;
const CLOSING = /[。；;，,\s]+$/;

type Mode = 'overall' | 'items';

/** The text of a paragraph's first line: where a heading is printed. */
function firstLine(p: Paragraph): string {
  const end = p.lineAt.findIndex((no) => no !== p.lineAt[0]);
  return p.text.slice(0, end < 0 ? undefined : end);
}

/** Which part of the section a heading opens, or null for a heading that is not one of them. */
function sectionOf(heading: string): Mode | null {
  const title = squeezeCjkSpaces(heading.replace(HEADING, ''));
  return OVERALL.test(title) ? 'overall' : ITEMS.test(title) ? 'items' : null;
}

/** The section being read: its owner, which part of it, the 分项 named last, the goal texts so far. */
interface Section {
  owner: OwnerDraft;
  mode: Mode;
  item: string | null;
  goals: string[];
}

/** Whether a table line lies strictly between two lines: a look-up per line between them, not a scan of every table line. */
function tableBetween(tableLines: ReadonlySet<number>, after: number, before: number): boolean {
  for (let no = after + 1; no < before; no++) if (tableLines.has(no)) return true;
  return false;
}

export function readProseGoals(paragraphs: Paragraph[], lines: Line[], department: string, tableLines: ReadonlySet<number>): OwnerDraft[] {
  const owners: OwnerDraft[] = [];
  let section: Section | null = null;
  let previousEnd = 0;
  const finish = (done: Section) => {
    if (done.goals.length || done.owner.targets.length) owners.push({ ...done.owner, goal: done.goals.join('\n') || null });
  };

  for (const p of paragraphs) {
    // A table between two paragraphs ends the section as a heading would.
    if (section && tableBetween(tableLines, previousEnd, p.lineAt[0]!)) {
      finish(section);
      section = null;
    }
    previousEnd = p.lineAt.at(-1)!;
    const head = firstLine(p);
    if (HEADING.test(head)) {
      const mode = sectionOf(head);
      if (!mode) {
        if (section) finish(section);
        section = null;
        continue;
      }
      // 部门整体绩效目标 › 总体绩效目标 › 分项绩效目标: one owner, opened by the first of them.
      section ??= { owner: ownerOf(department, 'unit', p.lineAt[0]!), mode, item: null, goals: [] };
      section.mode = mode;
      section.item = null;
      // A heading joined with the text after it (no punctuation between them) keeps that text.
      readContent(section, p, head.length, lines);
      continue;
    }
    if (section) readContent(section, p, 0, lines);
  }
  if (section) finish(section);
  return owners;
}

/** Reads a paragraph's text from `offset` on into the section: goal texts, 分项 names, indicator sentences. */
function readContent(section: Section, p: Paragraph, offset: number, lines: Line[]): void {
  const text = p.text.slice(offset);
  const labels = [...text.matchAll(LABEL)];
  const prefix = squeezeCjkSpaces(text.slice(0, labels[0]?.index ?? text.length));
  if (prefix && section.mode === 'overall') section.goals.push(prefix);
  // The goal's first line: where a number stated in it is cited (prose goals run over several).
  if (prefix && section.mode === 'overall') section.owner.goalLine ??= p.lineAt[offset]!;
  else if (prefix) section.item = stripOrdinal(prefix).replace(CLOSING, '');
  labels.forEach((label, k) => {
    const start = label.index + label[0].length;
    const body = text.slice(start, labels[k + 1]?.index ?? text.length);
    if (label[1]) {
      const goal = squeezeCjkSpaces(body);
      if (goal) section.goals.push(section.item ? `${section.item}：${goal}` : goal);
      if (goal) section.owner.goalLine ??= p.lineAt[offset + start]!;
      return;
    }
    for (const s of body.matchAll(SENTENCE)) {
      const sentence = s[0].trim();
      if (!sentence.replace(CLOSING, '')) continue;
      const no = p.lineAt[offset + start + s.index + (s[0].length - s[0].trimStart().length)]!;
      section.owner.targets.push(indicator(sentence, section.item, no, lines[no - 1]!.raw));
    }
  });
}

/** One indicator sentence as a target: the figure it states, and what it is a figure of. */
function indicator(sentence: string, item: string | null, line: number, raw: string): TargetDraft {
  const text = squeezeCjkSpaces(sentence).replace(CLOSING, '');
  const figures = [...text.matchAll(FIGURE)].filter((f) => f[1] || f[3]);
  const figure = figures.find((f) => f[1]) ?? figures[0];
  const name = figure ? text.slice(0, figure.index).replace(/的$/, '') : '';
  const operator = figure ? (figure[4] ? operatorOf.get(`after:${figure[4]}`) : figure[1] ? operatorOf.get(`before:${figure[1]}`) : null) ?? null : null;
  return newTarget(line, raw, name || text, {
    level1: item,
    description: sentence,
    operator,
    targetValue: figure ? `${figure[2]}${figure[3] ?? ''}` : null,
    targetNumber: figure ? Number(figure[2]) : null,
    targetUnit: figure?.[3] ?? null,
  });
}
