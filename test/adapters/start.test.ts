// `npm start` as a process: the console chat over stdin/stdout without a token,
// the bot against a fake Bot API with one, clear errors for bad configuration,
// and a graceful stop on SIGTERM.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, rawDir } from '../../src/config.ts';
import { ensureDatabase } from '../../src/ingest/ensure.ts';
import { CONNECT_TELEGRAM } from '../../src/adapters/texts.ts';
import { FakeBotApi } from './telegram/fake-bot-api.ts';
import { freePort } from './telegram/ports.ts';

const TOKEN = '123456:START-test_token';

interface Run {
  code: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
  write: (text: string) => void;
  kill: (signal: NodeJS.Signals) => void;
}

function start(env: Record<string, string>): Run {
  // Only what this test sets: nothing from the developer's own bot configuration.
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(TELEGRAM_|WEBHOOK_|PORT$|LOG_LEVEL$|RATE_LIMIT_)/.test(name)));
  const child = spawn(process.execPath, [join(projectRoot, 'scripts', 'run.mjs'), 'start'], { env: { ...base, ...env }, cwd: projectRoot });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return {
    code: new Promise((resolve) => child.on('close', resolve)),
    stdout: () => stdout,
    stderr: () => stderr,
    write: (text) => child.stdin.write(text),
    kill: (signal) => child.kill(signal),
  };
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('npm start', () => {
  it('without a token, opens the console chat and says how to connect Telegram', async () => {
    const run = start({});
    run.write('/help\n曲阳 2023 三公经费\n/quit\n');
    expect(await run.code).toBe(0);
    expect(run.stdout()).toContain(CONNECT_TELEGRAM);
    expect(run.stdout()).toContain('可以这样问');
    expect(run.stdout()).toContain('曲阳县医疗保障局 2023年预算 “三公”经费：13.60万元');
    expect(run.stdout()).toContain('  [1] 明细');
  });

  it('on a fresh clone, without a database, builds it first (as `ask` does) and answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-start-'));
    try {
      const dbPath = join(dir, 'budget.sqlite');
      const run = start({ YUSUAN_DB: dbPath });
      run.write('曲阳 2023 三公经费\n/quit\n');
      expect(await run.code).toBe(0);
      expect(run.stdout()).toContain('曲阳县医疗保障局 2023年预算 “三公”经费：13.60万元');
      expect(existsSync(dbPath)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('with a bad file in data/raw', () => {
    let dir: string;
    let env: Record<string, string>;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'yusuan-start-'));
      const raw = join(dir, 'raw');
      mkdirSync(raw);
      for (const file of readdirSync(rawDir)) copyFileSync(join(rawDir, file), join(raw, file));
      env = { YUSUAN_RAW_DIR: raw, YUSUAN_DB: join(dir, 'budget.sqlite') };
      await ensureDatabase({ rawDir: raw, dbPath: env.YUSUAN_DB! });
      writeFileSync(join(raw, 'zz_broken.txt'), 'hello world\n');
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('the console chat says once which file failed and why, then answers from the last good database', async () => {
      const run = start(env);
      run.write('曲阳 2023 三公经费\n北票 2024 三公经费\n/quit\n');
      expect(await run.code).toBe(0);
      expect(run.stdout().split('zz_broken.txt')).toHaveLength(2);
      expect(run.stdout()).toContain('· zz_broken.txt：找不到部门名称');
      expect(run.stdout()).toContain('13.60万元');
      expect(run.stderr()).not.toMatch(/\n\s+at /);
    });

    it('the bot logs it once as a warning, and runs', async () => {
      const api = new FakeBotApi();
      const apiRoot = await api.start();
      try {
        const run = start({ ...env, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot });
        await api.waitFor('setMyCommands', undefined, 1, 20_000);
        run.kill('SIGTERM');
        expect(await run.code).toBe(0);
        const logs = run.stdout().trim().split('\n').map((line) => JSON.parse(line) as { level: number; msg: string; files?: unknown });
        const warnings = logs.filter((entry) => entry.level === 40);
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatchObject({ files: [{ file: 'zz_broken.txt', reason: expect.stringContaining('部门名称') }] });
        expect(logs.map((entry) => entry.msg)).toContain('bot started');
      } finally {
        await api.stop();
      }
    });

    it('with no good database at all, says so and exits non-zero', async () => {
      const lonely = join(dir, 'lonely');
      mkdirSync(lonely);
      writeFileSync(join(lonely, 'only.txt'), '');
      const run = start({ YUSUAN_RAW_DIR: lonely, YUSUAN_DB: join(dir, 'none.sqlite') });
      expect(await run.code).toBe(1);
      expect(run.stderr()).toContain('无法建立数据库');
      expect(run.stderr()).toContain('· only.txt：文件是空的');
      expect(run.stderr()).not.toMatch(/\n\s+at /);
    });
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('stops the console chat on %s', async (signal) => {
    const run = start({});
    await until(() => run.stdout().includes('问> '));
    run.kill(signal);
    expect(await run.code).toBe(0);
  });

  it('fails with a clear message on invalid configuration, without echoing the token', async () => {
    const run = start({ TELEGRAM_BOT_TOKEN: 'not a token', RATE_LIMIT_BURST: '0' });
    expect(await run.code).toBe(1);
    expect(run.stderr()).toContain('invalid configuration');
    expect(run.stderr()).toContain('TELEGRAM_BOT_TOKEN');
    expect(run.stderr()).toContain('RATE_LIMIT_BURST');
    expect(run.stderr()).not.toContain('not a token');
  });

  it('fails with a logged reason, not the token, when the Bot API cannot be reached', async () => {
    // Nothing listens on port 1: the error names the URL, and the URL holds the token
    // (telegraf redacts it there too; the logger would otherwise).
    const run = start({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:1' });
    expect(await run.code).toBe(1);
    const fatal = JSON.parse(run.stdout().trim().split('\n').at(-1)!) as { msg: string; err: { message: string } };
    expect(fatal).toMatchObject({ msg: 'could not start', err: { message: expect.stringContaining('ECONNREFUSED') } });
    expect(fatal.err.message).toMatch(/\/bot\d*:?\[REDACTED\]\/getMe/);
    expect(run.stdout() + run.stderr()).not.toContain(TOKEN.split(':')[1]);
  });

  describe('with a token', () => {
    const api = new FakeBotApi();
    let apiRoot: string;

    beforeAll(async () => {
      apiRoot = await api.start();
    });

    afterAll(() => api.stop());

    it('runs the bot on TELEGRAM_API_ROOT, logs as JSON without the token, and stops on SIGTERM', async () => {
      // A root with a path, as behind a reverse proxy: every call keeps it.
      const run = start({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `${apiRoot}/tg`, LOG_LEVEL: 'debug' });
      const menu = await api.waitFor('setMyCommands', undefined, 1, 20_000);
      expect(menu.path).toBe(`/tg/bot${TOKEN}/setMyCommands`);
      api.push({
        message: {
          message_id: 1,
          date: 0,
          chat: { id: 9, type: 'private', first_name: 'x' },
          from: { id: 9, is_bot: false, first_name: 'x' },
          text: '/help',
          entities: [{ type: 'bot_command', offset: 0, length: 5 }],
        },
      });
      await api.waitFor('sendMessage', (call) => JSON.stringify(call.payload).includes('可以这样问'));
      run.kill('SIGTERM');
      expect(await run.code).toBe(0);
      const logs = run.stdout().trim().split('\n').map((line) => JSON.parse(line) as { msg: string });
      expect(logs.map((entry) => entry.msg)).toEqual(expect.arrayContaining(['bot started', 'stopping']));
      expect(run.stdout() + run.stderr()).not.toContain(TOKEN.split(':')[1]);
    });

    it('in webhook mode, answers bodies that are no update with 400 and keeps running (bound to loopback by default)', async () => {
      const port = await freePort();
      const run = start({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, WEBHOOK_DOMAIN: 'bot.example.test', WEBHOOK_PORT: String(port), WEBHOOK_PATH: '/hook', WEBHOOK_SECRET_TOKEN: 'start_secret' });
      await api.waitFor('setWebhook', (call) => JSON.stringify(call.payload).includes('start_secret'), 1, 20_000);
      const post = (body: string) =>
        fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'start_secret' }, body });
      for (const body of ['null', '42', '"x"', '[]', '{']) expect((await post(body)).status).toBe(400);
      const help = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 11, type: 'private', first_name: 'x' }, from: { id: 11, is_bot: false, first_name: 'x' }, text: '/help', entities: [{ type: 'bot_command', offset: 0, length: 5 }] } };
      expect((await post(JSON.stringify(help))).status).toBe(200);
      await api.waitFor('sendMessage', (call) => JSON.stringify(call.payload).includes('可以这样问') && JSON.stringify(call.payload).includes('"chat_id":11'));
      run.kill('SIGTERM');
      expect(await run.code).toBe(0);
      const logs = run.stdout().trim().split('\n').map((line) => JSON.parse(line) as { msg: string; host?: string });
      expect(logs.filter((entry) => entry.msg === 'webhook request refused')).toHaveLength(5);
      expect(logs.find((entry) => entry.msg === 'bot started')).toMatchObject({ host: '127.0.0.1' });
    });

    it('stops the bot on SIGINT', async () => {
      const startedAt = Date.now();
      const run = start({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot });
      await api.waitFor('setMyCommands', (call) => call.at >= startedAt, 1, 20_000);
      run.kill('SIGINT');
      expect(await run.code).toBe(0);
      expect(run.stdout()).toContain('"signal":"SIGINT"');
    });
  });
});
