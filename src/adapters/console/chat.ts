// A chat on the terminal over the same engine as the bot: for trying questions
// without a Telegram token. Buttons become numbered options.
import { createInterface } from 'node:readline';
import type { DialogContext, Engine, FollowUp } from '../../answer/types.ts';
import { questionTooLong } from '../../query/limits.ts';
import { aboutText, helpText, listText, startText, TOO_LONG } from '../texts.ts';

export interface ConsoleChatOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Ends the chat (start.ts aborts it on SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

const PROMPT = '问> ';

/** Runs until the input ends, /quit, or the signal aborts. */
export async function runConsoleChat(engine: Engine, { input, output, signal }: ConsoleChatOptions): Promise<void> {
  const rl = createInterface({ input, output, prompt: PROMPT });
  const close = () => rl.close();
  signal?.addEventListener('abort', close, { once: true });
  // On a terminal, Ctrl+C reaches readline rather than the process.
  rl.on('SIGINT', close);
  const say = (text: string) => output.write(`${text}\n`);

  let context: DialogContext | undefined;
  let choices: FollowUp[] = [];
  say(startText('console'));
  rl.prompt();
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      const picked = /^\d+$/.test(line) ? choices[Number(line) - 1]?.question : undefined;
      if (line === '/quit' || line === '/exit') break;
      if (line === '/help') say(helpText('console'));
      else if (line === '/start') say(startText('console'));
      else if (line === '/list') say(listText(engine.catalog()));
      else if (line === '/about') say(aboutText(engine.catalog()));
      else if (questionTooLong(line)) say(TOO_LONG);
      else if (line !== '') {
        const result = engine.ask(picked ?? line, context);
        context = result.context ?? context;
        choices = [...result.suggestions.map((question) => ({ label: question, question })), ...(result.followups ?? [])];
        say(result.text);
        if (choices.length > 0) say(choices.map((choice, i) => `  [${i + 1}] ${choice.label}`).join('\n'));
      }
      rl.prompt();
    }
  } finally {
    signal?.removeEventListener('abort', close);
    rl.close();
  }
}
