// What the bot says about itself, shared by the console chat and Telegram.
// Plain text: each front end escapes or decorates it as it needs.
import type { CatalogDocument } from '../answer/types.ts';
import { MAX_QUESTION_CHARS } from '../query/limits.ts';

/** Shown as buttons by /start and listed by /help. */
export const EXAMPLE_QUESTIONS: readonly string[] = ['曲阳 2023 三公经费', '北票 2024 决算 财政拨款支出', '抚顺 2024 项目支出 前5'];

export type Surface = 'telegram' | 'console';

const INTRO =
  '你好！我是预算问答机器人：根据政府部门公开的预算、决算文件回答问题。' +
  '每个数字都原样取自文件，并注明出处（文件、表格、行号）；不用大模型，不做猜测。';

export function startText(surface: Surface): string {
  const tail = surface === 'telegram' ? '点下面的问题试试，或发送 /help 看看可以怎么问。' : '输入问题试试，或输入 /help 看看可以怎么问。';
  return `${INTRO}\n\n${tail}`;
}

const KINDS = [
  '可以这样问（部门、年份、事项，顺序随意）：',
  '· 查数：曲阳 2023 三公经费',
  '· 明细：曲阳 2023 三公经费 明细',
  '· 比较：北票 2024 财政拨款支出 比上年；曲阳 和 沈阳 三公经费 对比',
  '· 排名：抚顺 2024 项目支出 前5；莲湖 2024 哪个项目最高',
  '· 占比：曲阳 2023 公务接待费 占 三公经费 的比例',
  '· 清单：莲湖 2024 有哪些项目',
  '· 绩效：北票 2024 绩效目标',
  '追问：接着问“那2022年呢？”“明细呢”“北票呢”，会延续上一个问题。',
];

export function helpText(surface: Surface): string {
  const commands =
    surface === 'telegram'
      ? [
          '命令：/list 可查的部门和年份 · /about 数据来源和校验 · /csv 问题 导出表格',
          '群聊里：发送 /q 问题，或 @我，或回复我的消息。',
        ]
      : ['命令：/list 可查的部门和年份 · /about 数据来源和校验 · /quit 退出', '输入答案下方的编号，相当于点按钮。'];
  return [...KINDS, '', ...commands].join('\n');
}

const NO_DOCUMENTS = '还没有导入任何文件（先运行 npm run ingest）。';

export function listText(catalog: readonly CatalogDocument[]): string {
  if (catalog.length === 0) return NO_DOCUMENTS;
  const byDepartment = new Map<string, string[]>();
  for (const doc of [...catalog].sort((a, b) => a.department.localeCompare(b.department, 'zh') || b.year - a.year)) {
    const entries = byDepartment.get(doc.department) ?? [];
    entries.push(`${doc.year}年${doc.stage}`);
    byDepartment.set(doc.department, entries);
  }
  const years = [...new Set(catalog.map((doc) => doc.year))].sort((a, b) => a - b);
  const stages = [...new Set(catalog.map((doc) => doc.stage))];
  return [
    `可以查询 ${byDepartment.size} 个部门的 ${catalog.length} 份文件：`,
    ...[...byDepartment].map(([department, entries]) => `· ${department}：${entries.join('、')}`),
    '',
    `年份：${years.join('、')}`,
    `类型：${stages.join('、')}`,
  ].join('\n');
}

export function aboutText(catalog: readonly CatalogDocument[]): string {
  const passed = catalog.reduce((sum, doc) => sum + doc.checks_passed, 0);
  const failed = catalog.reduce((sum, doc) => sum + doc.checks_failed, 0);
  return [
    INTRO,
    '',
    '数据来源：',
    ...(catalog.length === 0 ? [NO_DOCUMENTS] : catalog.map((doc) => `· ${doc.title}（${doc.file}，${doc.tables} 张表）`)),
    '',
    '怎样核对：',
    '· 每个数字都带出处：文件、表格名称和原文行号，可以回到原文核对。',
    '· 金额按原表单位（元或万元）读入，换算成元精确到分，不四舍五入。',
    `· 导入时做勾稽校验（合计等于各项之和、各表之间同一数字一致等）：通过 ${passed} 项，未通过 ${failed} 项。未通过说明原文本身对不上，用到相关数字的答案会提示。`,
    '· 表格读不准的部分不用于回答，宁可说“没找到”。',
  ].join('\n');
}

export const TOO_LONG = `问题太长了（超过 ${MAX_QUESTION_CHARS} 个字），请简短一些，例如：${EXAMPLE_QUESTIONS[0]}`;
export const RATE_LIMITED = '提问太快了，请稍等几秒再问。';
export const APOLOGY = '抱歉，处理这条消息时出错了，请稍后再试。';
export const BUTTON_EXPIRED = '这个按钮已过期，请重新提问。';
export function askAfter(command: 'q' | 'csv'): string {
  return `请在 /${command} 后面写上问题，例如：/${command} ${EXAMPLE_QUESTIONS[0]}`;
}
export const TEXT_ONLY = `我只看得懂文字提问，请直接打字问，例如：${EXAMPLE_QUESTIONS[0]}`;
export const UNKNOWN_COMMAND = '没有这个命令。发送 /help 看看可以怎么问。';
export const CONNECT_TELEGRAM =
  '（本地对话模式。要连接 Telegram：向 @BotFather 申请令牌，然后运行 TELEGRAM_BOT_TOKEN=<令牌> npm start）';
