// A chat on the terminal over the same engine as the bot: for trying questions
// without a Telegram token. Buttons become numbered options.
import { createInterface } from 'node:readline';
import type { DialogContext, Engine, FollowUp } from '../../answer/types.ts';
import { questionTooLong } from '../../query/limits.ts';
import { aboutText, askAfter, helpText, listText, startText, TOO_LONG, UNKNOWN_COMMAND } from '../texts.ts';

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
  const ask = (line: string) => {
    if (questionTooLong(line)) return say(TOO_LONG);
    const picked = /^\d+$/.test(line) ? choices[Number(line) - 1]?.question : undefined;
    const result = engine.ask(picked ?? line, context);
    context = result.context ?? context;
    choices = [...result.suggestions.map((question) => ({ label: question, question })), ...(result.followups ?? [])];
    say(result.text);
    if (choices.length > 0) say(choices.map((choice, i) => `  [${i + 1}] ${choice.label}`).join('\n'));
  };
  const commands = new Map<string, () => string>([
    ['start', () => startText('console')],
    ['help', () => helpText('console')],
    ['list', () => listText(engine.catalog())],
    ['about', () => aboutText(engine.catalog())],
  ]);

  say(startText('console'));
  rl.prompt();
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      const [, command, args = ''] = /^\/(\w+)\s*(.*)$/su.exec(line) ?? [];
      const name = command?.toLowerCase();
      if (name === 'quit' || name === 'exit') break;
      if (name === undefined) {
        if (line !== '') ask(line);
      } else if (name === 'q') {
        // As in a Telegram group, for those used to it.
        if (args === '') say(askAfter('q'));
        else ask(args);
      } else {
        say(commands.get(name)?.() ?? UNKNOWN_COMMAND);
      }
      rl.prompt();
    }
  } finally {
    signal?.removeEventListener('abort', close);
    rl.close();
  }
}
