// The rows behind an answer as a CSV file, with the source of every figure.
import { Input, type Context } from 'telegraf';
import type { AnswerItem } from '../../answer/types.ts';

// The source columns let a reader find each figure in the raw file, as printed.
const COLUMNS = ['entity', 'year', 'stage', 'label', 'amount_yuan', 'value', 'unit', 'source_document', 'source_table', 'source_line', 'source_file', 'source_raw', 'as_of', 'derived'];
// Excel reads a CSV without a byte-order mark in the local code page and garbles Chinese.
const BOM = '\uFEFF';
const FILENAME = 'yusuan-answer.csv';

export function answersCsv(answers: readonly AnswerItem[]): string {
  const rows = answers.map((a) => [
    a.entity,
    a.year,
    a.stage,
    a.label,
    // Exact to the 分.
    a.amount_yuan === null ? null : a.amount_yuan.toFixed(2),
    a.value,
    a.unit,
    a.source.document,
    a.source.table,
    a.source.line,
    a.source.file ?? null,
    a.source.raw ?? null,
    a.as_of,
    // A computed figure: its operation and the rows of its inputs (1 = the first figure), `difference(2;3)`.
    a.derived ? `${a.derived.op}(${a.derived.inputs.map((i) => i + 1).join(';')})` : null,
  ]);
  return `${BOM}${[COLUMNS, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function replyCsv(ctx: Context, question: string, answers: readonly AnswerItem[], replyTo: number | undefined): Promise<void> {
  await ctx.replyWithDocument(Input.fromBuffer(Buffer.from(answersCsv(answers), 'utf8'), FILENAME), {
    // Plain text (no parse_mode), so nothing to escape.
    caption: question,
    reply_parameters: replyTo !== undefined ? { message_id: replyTo, allow_sending_without_reply: true } : undefined,
  });
}
