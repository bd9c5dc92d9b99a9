// Words saying how a question asks, read by the query and again by answers that word their reply by them: one
// pattern each, built from grammar/.
import shapes from '../../grammar/shapes.json' with { type: 'json' };
import words from '../../grammar/words.json' with { type: 'json' };
import { alternation } from './normalize/words.ts';

/** 百分之几, 几成: asked in per cent. */
export const PERCENT_ASKED = new RegExp(alternation(shapes.arithmetic.inPercent));
/** 增长, 增加, 多了: a change upwards asked. */
export const RISE = new RegExp(alternation(words.changeDirection.up));
/** 下降, 减少: a change downwards asked. */
export const FALL = new RegExp(alternation(words.changeDirection.down));
/** 哪年买的, 什么时候成立, 购置时间: when an event happened asked (shapes.json whenAsked) — no document prints it. */
const { asked: WHEN, events: EVENTS, nouns: TIME_NOUNS } = shapes.whenAsked;
export const WHEN_ASKED = new RegExp(`(?:${alternation(WHEN)})(?:才|就|是)?(?:${alternation(EVENTS)})|(?:${alternation(EVENTS)})的?(?:${alternation(TIME_NOUNS)})`);
