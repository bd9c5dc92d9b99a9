// Structured logs (pino, JSON lines). Secrets are removed twice: known fields are
// redacted by path, and every written line is scrubbed of the secret strings
// themselves, since they can hide in an error message or a URL.
import { pino } from 'pino';
import type { DestinationStream, Logger } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger };

export interface LoggerOptions {
  level: LogLevel;
  /** The bot token, webhook secret…: never written. */
  secrets?: readonly string[];
  destination?: DestinationStream;
}

const REDACTED = '[REDACTED]';

export function createLogger({ level, secrets = [], destination }: LoggerOptions): Logger {
  const hidden = secrets.filter((secret) => secret.length > 0);
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'secretToken', '*.secretToken'], censor: REDACTED },
      hooks: hidden.length > 0 ? { streamWrite: (line) => scrub(line, hidden) } : {},
    },
    destination ?? pino.destination(1),
  );
}

function scrub(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const secret of secrets) if (out.includes(secret)) out = out.replaceAll(secret, REDACTED);
  return out;
}

/** For tests and the benchmark: logs nothing. */
export const silentLogger: Logger = pino({ level: 'silent' });
