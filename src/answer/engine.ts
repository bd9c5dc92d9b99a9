// Placeholder until the query engine lands (issue 3): answers nothing, lists nothing.
import type { Engine } from './types.ts';

export async function createEngine(_options: { dbPath?: string } = {}): Promise<Engine> {
  return {
    ask: (text) => ({ query: text, status: 'unsupported', text: '引擎尚未就绪。', answers: [], suggestions: [] }),
    catalog: () => [],
  };
}
