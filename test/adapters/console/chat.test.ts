// The console chat, driven through injected stdin/stdout streams.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../../src/adapters/console/chat.ts';
import { UNKNOWN_COMMAND } from '../../../src/adapters/texts.ts';
import { createFakeEngine } from '../telegram/fake-engine.ts';

async function chat(lines: string[], signal?: AbortSignal): Promise<{ output: string; asked: string[] }> {
  const engine = createFakeEngine();
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk) => (text += String(chunk)));
  const done = runConsoleChat(engine, { input, output, signal });
  input.end(lines.map((line) => `${line}\n`).join(''));
  await done;
  return { output: text, asked: engine.calls.map((call) => call.text) };
}

describe('console chat', () => {
  it('greets, then answers questions and the help commands', async () => {
    const { output } = await chat(['曲阳 2023 三公经费', '/help', '/list', '/about']);
    expect(output).toMatch(/^你好！我是预算问答机器人/);
    expect(output).toContain('曲阳县医疗保障局 2023年 “三公”经费：4.60 万元');
    expect(output).toContain('  [1] 明细');
    expect(output).toContain('· 明细：曲阳 2023 三公经费 明细');
    expect(output).toContain('/quit 退出');
    expect(output).toContain('· 北票市医疗保障局：2024年决算');
    expect(output).toContain('通过 32 项，未通过 1 项');
    expect(output).toContain('问> ');
  });

  it('picks a numbered option like a button, and continues the dialog context', async () => {
    const { output, asked } = await chat(['三公经费', '2', '那2022年呢？', '1']);
    expect(output).toContain('  [1] 曲阳 2023 三公经费\n  [2] 北票 2024 三公经费');
    expect(asked).toEqual(['三公经费', '北票 2024 三公经费', '那2022年呢？', '北票 2022 三公经费 明细']);
    expect(output).toContain('北票市医疗保障局 2022年 “三公”经费明细');
  });

  it('asks /q like a question, and says so for unknown commands instead of asking them', async () => {
    const { output, asked } = await chat(['/q 曲阳 2023 三公经费', '/q', '/csv 曲阳', '/constructor', '/HELP']);
    expect(asked).toEqual(['曲阳 2023 三公经费']);
    expect(output).toContain('曲阳县医疗保障局 2023年 “三公”经费：4.60 万元');
    expect(output).toContain('请在 /q 后面写上问题');
    expect(output.split(UNKNOWN_COMMAND)).toHaveLength(3);
    expect(output).toContain('· 明细：曲阳 2023 三公经费 明细');
  });

  it('refuses over-long questions, skips blank lines, and stops at /quit', async () => {
    const { output, asked } = await chat(['', '曲'.repeat(301), '/quit', '曲阳 2023 三公经费']);
    expect(output).toContain('问题太长了');
    expect(asked).toEqual([]);
  });

  it('stops when its signal aborts', async () => {
    const engine = createFakeEngine();
    const input = new PassThrough();
    const stop = new AbortController();
    const done = runConsoleChat(engine, { input, output: new PassThrough(), signal: stop.signal });
    stop.abort();
    await expect(done).resolves.toBeUndefined();
  });
});
