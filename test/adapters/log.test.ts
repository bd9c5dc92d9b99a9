import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/log.ts';

const TOKEN = '123456789:AAE-secret_token';

describe('createLogger', () => {
  it('never writes a secret, wherever it hides', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', secrets: [TOKEN, 'hook-secret'], destination: { write: (line: string) => void lines.push(line) } });
    log.info({ token: 'some other token', config: { telegram: { token: TOKEN } } }, 'starting');
    log.error({ err: new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed`), url: `/bot${TOKEN}/x` }, 'failed');
    log.warn({ header: 'hook-secret' }, `secret in the message: ${TOKEN}`);
    expect(lines).toHaveLength(3);
    const output = lines.join('');
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain('hook-secret');
    expect(output).not.toContain('some other token');
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 50, msg: 'failed', err: { type: 'Error' } });
    expect(output).toContain('[REDACTED]');
  });

  it('is structured JSON and respects the level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', destination: { write: (line: string) => void lines.push(line) } });
    log.info('hidden');
    log.warn({ chat: 1 }, 'shown');
    expect(lines.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ level: 40, chat: 1, msg: 'shown' })]);
  });
});
