import { describe, expect, it } from 'vitest';
import { escapeHtml, toHtmlMessages } from '../../../src/adapters/telegram/format.ts';
import { MESSAGE_LIMIT, splitHtml } from '../../../src/adapters/telegram/split.ts';
import { displayWidth, tabulate } from '../../../src/adapters/telegram/table.ts';

describe('escapeHtml', () => {
  it('escapes &, < and >, and nothing else', () => {
    expect(escapeHtml('A&B <i>“三公”</i> \'x\' "y"')).toBe('A&amp;B &lt;i&gt;“三公”&lt;/i&gt; \'x\' "y"');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('tabulate', () => {
  it('aligns runs of three or more “label：number” lines, leaving the rest as text', () => {
    const blocks = tabulate(['合计如下：', '  公务接待费：1.20 万元', '  公务用车购置及运行费：34.00 万元', '  因公出国（境）费：0 万元', '来源：表7']);
    expect(blocks).toEqual([
      { pre: false, lines: ['合计如下：'] },
      {
        pre: true,
        lines: ['公务接待费             1.20 万元', '公务用车购置及运行费  34.00 万元', '因公出国（境）费          0 万元'],
      },
      { pre: false, lines: ['来源：表7'] },
    ]);
  });

  it('leaves shorter runs alone', () => {
    expect(tabulate(['甲：1', '乙：2', '丙'])).toEqual([{ pre: false, lines: ['甲：1', '乙：2', '丙'] }]);
  });

  it('measures CJK and full-width characters as two columns', () => {
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('经费（境）')).toBe(10);
  });
});

describe('splitHtml', () => {
  const text = (lines: string[]) => ({ pre: false, lines });

  it('keeps a short text in one message', () => {
    expect(splitHtml([text(['a', 'b'])])).toEqual(['a\nb']);
  });

  it('splits at line breaks within the limit', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `${i}`.repeat(9));
    const messages = splitHtml([text(lines)], 25);
    expect(messages).toEqual([`${lines[0]}\n${lines[1]}`, `${lines[2]}\n${lines[3]}`, `${lines[4]}\n${lines[5]}`, `${lines[6]}\n${lines[7]}`, `${lines[8]}\n${lines[9]}`]);
  });

  it('closes and reopens a <pre> block cut in two', () => {
    const messages = splitHtml([text(['head']), { pre: true, lines: ['row 1', 'row 2', 'row 3'] }], 25);
    expect(messages).toEqual(['head\n<pre>row 1</pre>', '<pre>row 2\nrow 3</pre>']);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(25);
  });

  it('cuts an over-long line without breaking an entity or a surrogate pair', () => {
    expect(splitHtml([text(['x'.repeat(22) + '&amp;' + 'y'.repeat(5)])], 25)).toEqual(['x'.repeat(22), '&amp;' + 'y'.repeat(5)]);
    expect(splitHtml([text(['x'.repeat(24) + '😀'])], 25)).toEqual(['x'.repeat(24), '😀']);
    // In a <pre> block, room is kept for the tags.
    const pre = splitHtml([{ pre: true, lines: ['z'.repeat(30)] }], 25);
    expect(pre).toEqual([`<pre>${'z'.repeat(14)}</pre>`, `<pre>${'z'.repeat(14)}</pre>`, '<pre>zz</pre>']);
  });

  it('drops blank messages', () => {
    expect(splitHtml([text(['', '  ', ''])])).toEqual([]);
  });
});

describe('toHtmlMessages', () => {
  it('escapes before measuring, so escaped text stays within the limit', () => {
    const messages = toHtmlMessages(Array.from({ length: 2000 }, () => '<>').join('\n'));
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(messages.join('\n').split('\n')).toHaveLength(2000);
  });

  it('cuts a single line longer than a message between entities', () => {
    const line = '曲&'.repeat(3000);
    const messages = toHtmlMessages(line);
    expect(messages).toHaveLength(5);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      // No entity cut in two.
      expect(message).not.toMatch(/&[a-z]*$|^[a-z]*;/);
    }
    expect(messages.join('')).toBe(escapeHtml(line));
  });
});
