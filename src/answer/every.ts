// 北票的项目都是满分吗: 是/否 over every project the list holds, then those not meeting the bound (or all, when they do),
// each with its figure and line (query/every.ts).
import type { Condition } from '../query/ast.ts';
import { describe, holds, measured } from './conditions.ts';
import type { Figure } from './figures.ts';
import { show } from './figures.ts';
import { heading, reply, type Reply } from './reply.ts';

/**
 * The verdict over the projects of the list answered without the bound. A project is judged by every figure of the
 * bound's kind printed for it (a rate the text and the self-evaluation table both print: it meets the bound only if
 * both do); amounts are those of the column the bound names (预算数 / 决算数), else the document's own. A list of no
 * figure of that kind, or of several documents, gets no verdict guessed; projects printing no amount are said unjudged.
 */
export function everyAnswer(r: Reply, c: Condition): Reply {
  const first = r.figures.find((f) => !f.derived && measured(f, c) !== null);
  if (r.status !== 'answered' || !first || r.figures.some((f) => f.document.id !== first.document.id)) return r;
  const basis = c.unit === 'yuan' ? (c.stage ?? first.document.stage) : null;
  const held = r.figures.filter((f) => !f.derived && measured(f, c) !== null && (basis === null || f.basis === basis));
  const byProject = new Map<string, Figure[]>();
  for (const f of held) {
    const key = `${f.entity}\u0000${f.label}`;
    const seen = byProject.get(key) ?? [];
    // An amount is the project's own row, the first listed (a group of the same name, listed after it, is no project).
    if (basis === null || seen.length === 0) byProject.set(key, [...seen, f]);
  }
  const short = [...byProject.values()].filter((fs) => fs.some((f) => !holds(c, measured(f, c)!)));
  const lead = `${basis && first.document.stage === '决算' ? `${basis}数` : ''}${c.unit === 'yuan' ? '金额' : ''}`;
  const bound = describe(c, '');
  const head = heading(first.entity, first.document).replace(first.entity, first.document.department);
  const at = Math.max(0, r.lines.findIndex((l) => l.includes(first.document.department) || l.startsWith(heading(first.entity, first.document))));
  const unjudged = r.unpriced ? `另有${r.unpriced}个项目文件中没有印金额，无法判断。` : '';
  const verdict = short.length
    ? `否。${head}的${byProject.size}个项目中，${short.length}个${lead}不是${bound}：`
    : unjudged
      ? `无法确定。${head}印有金额的${byProject.size}个项目${lead}都${bound}，${unjudged}`
      : `是。${head}的${byProject.size}个项目${lead}都${bound}：`;
  const shown = [...byProject.values()].filter((fs) => !short.length || short.includes(fs)).flat();
  const items = shown.map((x) => `· ${x.label}：${show(x)}（${x.table ?? '正文'}第${x.line}行）`);
  return { ...reply('answered', [...r.lines.slice(0, at), verdict, ...items, ...(short.length && unjudged ? [unjudged] : [])], shown, r.suggestions), followups: r.followups };
}
