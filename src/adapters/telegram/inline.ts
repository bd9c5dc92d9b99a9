// Inline mode: “@bot 曲阳 2023 三公” in any chat offers the answer as a result
// to post there.
import type { Context, NarrowedContext } from 'telegraf';
import type { InlineQueryResultArticle, Update } from 'telegraf/types';
import type { AskResult } from '../../answer/types.ts';
import type { BotDeps } from './deps.ts';
import { escapeHtml, NO_PREVIEW, resultHtml } from './format.ts';

export type InlineContext = NarrowedContext<Context, Update.InlineQueryUpdate>;

const MAX_RESULTS = 50;
// Short: answers change when documents are re-ingested.
const CACHE_TIME_S = 10;
const DESCRIPTION_CHARS = 120;

export async function onInlineQuery(ctx: InlineContext, deps: BotDeps): Promise<void> {
  const query = ctx.inlineQuery.query.trim();
  if (query === '' || deps.inlineLimiter.take(ctx.from.id) !== 'allowed') {
    await ctx.answerInlineQuery([], { cache_time: 0 });
    return;
  }
  const result = deps.engine.ask(query);
  const articles: InlineQueryResultArticle[] = [];
  if (result.status === 'answered') articles.push(article(articles.length, query, result));
  // An ambiguous question offers each candidate's answer instead.
  for (const suggestion of result.suggestions) {
    if (articles.length >= MAX_RESULTS) break;
    const candidate = deps.engine.ask(suggestion);
    if (candidate.status === 'answered') articles.push(article(articles.length, suggestion, candidate));
  }
  // Nothing to post: still show why (“没找到…”) in the list.
  if (articles.length === 0) articles.push(article(0, query, result));
  await ctx.answerInlineQuery(articles, { cache_time: CACHE_TIME_S });
}

function article(index: number, title: string, result: AskResult): InlineQueryResultArticle {
  const [html = escapeHtml(title)] = resultHtml(result);
  return {
    type: 'article',
    id: String(index),
    title,
    description: result.text.replace(/\s+/g, ' ').slice(0, DESCRIPTION_CHARS),
    input_message_content: { message_text: html, parse_mode: 'HTML', link_preview_options: NO_PREVIEW },
  };
}
