// The bot over the real engine and database: what the fake engine cannot show —
// the engine's own answers, follow-ups and texts (with the <, > and & the
// documents print) come out as valid, escaped, split Telegram HTML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/answer/types.ts';
import { APOLOGY } from '../../../src/adapters/texts.ts';
import { MESSAGE_LIMIT } from '../../../src/adapters/telegram/split.ts';
import { corpus, negatives } from '../../corpus/corpus.ts';
import { testEngine } from '../../helpers/engine.ts';
import { buttonsOf, Harness, type ApiCall } from './harness.ts';

let engine: Engine;
let h: Harness;

beforeAll(async () => {
  engine = await testEngine();
  // Not the rate limit under test (bot.test.ts has it): one user here asks the whole corpus, over a thousand questions.
  h = new Harness(engine, { rateLimit: { burst: 1_000_000, perMinute: 1_000_000 } });
});

afterAll(() => h.restore());

const sent = (calls: ApiCall[]) => calls.filter((call) => call.method === 'sendMessage');

/** What Telegram's HTML parser would refuse or misread: stray <, >, & or an unbalanced <pre>. */
function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  if (html.length > MESSAGE_LIMIT) problems.push(`${html.length} characters`);
  const tags = html.match(/<\/?pre>/g) ?? [];
  if (tags.some((tag, i) => tag !== (i % 2 === 0 ? '<pre>' : '</pre>')) || tags.length % 2 !== 0) problems.push('unbalanced <pre>');
  if (/[<>]/.test(html.replace(/<\/?pre>/g, ''))) problems.push('unescaped < or >');
  if (/&(?!(amp|lt|gt);)/.test(html)) problems.push('unescaped &');
  return problems;
}

describe('the bot over the real engine', () => {
  it('answers with the stored figure, its source, and the follow-up buttons 明细, 比上年, 来源', async () => {
    const [reply] = sent(await h.say('曲阳 2023 三公经费'));
    expect(reply!.payload.text).toContain('曲阳县医疗保障局 2023年预算 “三公”经费：13.60万元');
    expect(reply!.payload.text).toContain('来源：《曲阳县医疗保障局2023年部门预算》');
    expect(buttonsOf(reply).map((b) => b.text)).toEqual(['明细', '比上年', '来源', 'CSV']);
    const detail = sent(await h.press(buttonsOf(reply).find((b) => b.text === '明细')!.callback_data));
    expect(detail[0]!.payload.text).toMatch(/<pre>[^]*公务用车购置费 +12\.00 万元[^]*<\/pre>/);
    expect(sent(await h.say('北票呢'))[0]!.payload.text).toContain('北票市医疗保障局');
  });

  it('keeps each chat’s conversation its own: 第二个 in the group is of the group’s list, in private of the private one', async () => {
    await h.sayInGroup('/q 抚顺 项目支出 前5');
    await h.say('沈阳有哪些项目');
    expect(sent(await h.sayInGroup('/q 第二个'))[0]!.payload.text).toContain('下达省财政城乡居民基本医疗保险补助资金：14,770.00万元');
    expect(sent(await h.say('第二个'))[0]!.payload.text).toContain('医保关系转移接续邮寄费：2.64万元');
    expect(sent(await h.sayInGroup('/q 这两个加起来'))[0]!.payload.text).toMatch(/37,891\.00 *万元/);
  });

  it('escapes the <= and >= that performance targets print', async () => {
    const [reply] = sent(await h.say('抚顺 公务员医疗补助 绩效目标'));
    expect(reply!.payload.text).toContain('&gt;=98');
    expect(htmlProblems(reply!.payload.text)).toEqual([]);
  });

  it('sends every corpus answer as valid HTML within 4096 characters, without an apology', async () => {
    const failures: string[] = [];
    for (const { q } of [...corpus, ...negatives]) {
      const messages = sent(await h.say(q));
      if (messages.length === 0) failures.push(`${q}: no reply`);
      for (const { payload } of messages) {
        if (payload.text === APOLOGY) failures.push(`${q}: apology`);
        for (const problem of htmlProblems(payload.text)) failures.push(`${q}: ${problem}`);
        for (const { callback_data } of buttonsOf({ method: '', payload })) {
          if (Buffer.byteLength(callback_data) >= 64) failures.push(`${q}: callback_data ${callback_data}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives one clear reply to odd input: control characters, SQL, emoji, invisible or huge text', async () => {
    for (const text of ['\u0000\u0007\u001b[31m', "'; DROP TABLE documents; --", '😀🎉', '\u200b', '<script>&', '曲'.repeat(301), 'a'.repeat(4000)]) {
      const messages = sent(await h.send({ message: h.message(text, { chat: { id: 7, type: 'private', first_name: 'x' } }) }));
      expect(messages, text).toHaveLength(1);
      expect(messages[0]!.payload.text, text).not.toBe(APOLOGY);
      expect(htmlProblems(messages[0]!.payload.text), text).toEqual([]);
    }
  });

  it('exports the rows behind an answer as CSV with their sources', async () => {
    const doc = (await h.say('/csv 曲阳 2023 三公经费')).find((call) => call.method === 'sendDocument')!;
    const lines = (doc.payload.document.source as Buffer).toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('entity,year,stage,label,amount_yuan,value,unit,source_document,source_table,source_line,source_file,source_raw,as_of,derived');
    expect(lines[1]).toMatch(/^曲阳县医疗保障局,2023,预算,“三公”经费,136000\.00,,,曲阳县医疗保障局2023年部门预算,,434,004_8ba347b4dc1f36c3\.txt,\S+$/);
  });
});
