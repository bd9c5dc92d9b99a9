// The corpus's answers: status and figures, each figure a stored one with its source line.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerItem, Engine } from '../../src/answer/types.ts';
import { corpus, dialogs, negatives, type CorpusEntry, type ExpectedFigure } from '../corpus/corpus.ts';
import { testEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
});

function matches(a: AnswerItem, e: ExpectedFigure): boolean {
  if (e.amount_yuan !== undefined && a.amount_yuan !== e.amount_yuan) return false;
  if (e.value !== undefined && a.value !== e.value) return false;
  if (e.line !== undefined && a.source.line !== e.line) return false;
  return true;
}

/** A computed figure is marked with its operation and inputs, each input a stored figure of the same answer. */
function expectDerived(answers: AnswerItem[], want: NonNullable<(typeof corpus)[number]['derived']>, text: string): void {
  const d = answers.find((a) => a.derived?.op === want.op && (want.amount_yuan !== undefined ? a.amount_yuan === want.amount_yuan : a.value === want.value));
  expect(d, `derived ${JSON.stringify(want)} missing in\n${text}`).toBeDefined();
  expect(d!.derived!.inputs.length).toBeGreaterThan(0);
  for (const i of d!.derived!.inputs) expect(answers[i], `input ${i} of ${JSON.stringify(d)}`).toBeDefined();
}

/** One question's answer against its entry: status, figures (the first first), a computed figure and its inputs. */
function expectAnswer(entry: CorpusEntry, r: ReturnType<Engine['ask']>): void {
  expect(r.status, r.text).toBe(entry.status ?? 'answered');
  const expected = entry.answers ?? [];
  if (expected.length && !entry.anyOrder) expect(matches(r.answers[0]!, expected[0]!), `first figure\n${r.text}\n${JSON.stringify(r.answers[0])}`).toBe(true);
  for (const e of expected) expect(r.answers.some((a) => matches(a, e)), `${JSON.stringify(e)} missing in\n${r.text}`).toBe(true);
  if (r.status !== 'answered') expect(r.answers).toEqual([]);
  if (entry.derived) expectDerived(r.answers, entry.derived, r.text);
  for (const words of entry.texts ?? []) expect(r.text, `“${words}” missing`).toContain(words);
  for (const e of entry.absent ?? []) expect(r.answers.some((a) => matches(a, e)), `${JSON.stringify(e)} not asked, yet in\n${r.text}`).toBe(false);
}

describe('conversations: each turn continues the one before', () => {
  for (const { dialog } of dialogs) {
    it(dialog.map((t) => t.q).join(' → '), () => {
      let context: ReturnType<Engine['ask']>['context'];
      for (const turn of dialog) {
        const r = engine.ask(turn.q, context);
        expectAnswer(turn, r);
        context = r.context ?? context;
      }
    });
  }
});

describe('corpus questions get the expected figures', () => {
  for (const entry of corpus) it(entry.q, () => expectAnswer(entry, engine.ask(entry.q)));
});

describe('inputs that must not be answered', () => {
  const generated = [
    { q: 'x'.repeat(500), status: ['unsupported'] },
    { q: '曲阳'.repeat(250), status: ['unsupported'] },
    { q: '\u0000\u0001\u0002', status: ['unsupported'] },
    { q: 'SELECT * FROM line_items WHERE 1=1', status: ['unsupported', 'not_found'] },
  ];
  for (const entry of [...negatives, ...generated]) {
    it(JSON.stringify(entry.q.slice(0, 40)), () => {
      const r = engine.ask(entry.q);
      expect(entry.status).toContain(r.status);
      expect(r.answers).toEqual([]);
      expect(r.text.length).toBeGreaterThan(0);
    });
  }
});
