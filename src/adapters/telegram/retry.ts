// Retries Bot API calls that Telegram answered with 429 Too Many Requests,
// after the retry_after it asks for.
import { setTimeout as sleep } from 'node:timers/promises';
import { Telegram, TelegramError } from 'telegraf';
import type { Logger } from '../log.ts';

const MAX_ATTEMPTS = 3;
// Longer waits would outlast telegraf's handler timeout; better to fail the update.
const MAX_RETRY_AFTER_S = 60;

type CallApi = Telegram['callApi'];

/**
 * A callApi to assign onto Telegram instances. telegraf makes a new instance
 * per update, so the retry cannot live on one; it delegates to the prototype's
 * method, looked up at each call.
 */
export function retryingCallApi(log: Logger): CallApi {
  async function callApi(this: Telegram, ...args: Parameters<CallApi>): Promise<unknown> {
    const [method] = args;
    for (let attempt = 1; ; attempt++) {
      try {
        return await (Object.getPrototypeOf(this) as Telegram).callApi.apply(this, args);
      } catch (err) {
        const retryAfter = err instanceof TelegramError && err.code === 429 ? err.parameters?.retry_after : undefined;
        // Long polling already waits and retries getUpdates itself.
        if (retryAfter === undefined || method === 'getUpdates' || attempt >= MAX_ATTEMPTS || retryAfter > MAX_RETRY_AFTER_S) {
          throw err;
        }
        log.warn({ method, retryAfter, attempt }, 'Telegram answered 429, retrying');
        await sleep(retryAfter * 1000);
      }
    }
  }
  return callApi as CallApi;
}
