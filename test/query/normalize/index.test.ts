// The corpus: question as typed → what the grammar's lexer reads.
import { describe, expect, it } from 'vitest';
import { normalizeQuestion } from '../../../src/query/normalize/index.ts';
import shapes from '../../../grammar/shapes.json' with { type: 'json' };

const corpus: [string, string][] = [
  // Width and case
  ['２０２３', '2023'],
  ['ＡＢＣ', 'abc'],
  ['曲阳　２０２３年　三公经费', '曲阳 2023年 三公经费'],
  ['ＱＵＹＡＮＧ 2023', 'quyang 2023'],
  // Traditional → simplified, and simplified left alone
  ['曲陽 2023 三公經費', '曲阳 2023 三公经费'],
  ['醫療保障局', '医疗保障局'],
  ['瀋陽市財政局２０２２年決算', '沈阳市财政局2022年决算'],
  ['公务用车运行维护费', '公务用车运行维护费'],
  ['对个人和家庭的补助', '对个人和家庭的补助'],
  ['机关事业单位基本养老保险缴费支出', '机关事业单位基本养老保险缴费支出'],
  ['住房公积金', '住房公积金'],
  ['政府采购', '政府采购'],
  ['医疗保障事务服务中心', '医疗保障事务服务中心'],
  ['莲湖 北票 抚顺 沈阳 曲阳 西安', '莲湖 北票 抚顺 沈阳 曲阳 西安'],
  ['干部 余额 发放 台州 里面 面积', '干部 余额 发放 台州 里面 面积'],
  // Years
  ['二〇二三年曲阳项目支出', '2023年曲阳项目支出'],
  ['二零二二年决算', '2022年决算'],
  ['23年曲阳三公经费', '2023年曲阳三公经费'],
  ['23年度', '2023年'],
  ['2023年度预算', '2023年预算'],
  ['二〇二三年度', '2023年'],
  ['2023', '2023'],
  ['23人', '23人'],
  ['近10年', '近10年'],
  ['过去 10年', '过去 10年'],
  // Chinese numerals that are quantities
  ['一千四百四十', '1440'],
  ['前五', '前5'],
  ['前十', '前10'],
  ['前十名的部门有哪些', '前10名的部门有哪些'],
  ['十二', '12'],
  ['两个', '2个'],
  ['三千五百万', '3500万'],
  ['第二', '第2'],
  ['一亿五千万元', '1.5亿元'],
  ['超过一个亿的项目', '超过1亿的项目'],
  ['两个亿以上', '2亿以上'],
  ['编制三十五人', '编制35人'],
  ['百分之五', '5%'],
  // …and numerals inside fixed words
  ['三公经费', '三公经费'],
  ['“三公”经费', '三公经费'],
  ['一般公共预算', '一般公共预算'],
  ['一级指标', '一级指标'],
  ['二级指标', '二级指标'],
  ['三级指标', '三级指标'],
  ['统一', '统一'],
  ['唯一', '唯一'],
  ['万一', '万一'],
  ['十分', '十分'],
  ['一次性补助', '一次性补助'],
  ['十四五规划', '十四五规划'],
  ['哪一个部门最高', '哪一个部门最高'],
  ['三台县', '三台县'],
  ['百分比', '百分比'],
  ['万元', '万元'],
  // Amounts
  ['100万', '100万'],
  ['1.5亿', '1.5亿'],
  ['三千五百万元', '3500万元'],
  ['3千万', '3000万'],
  ['219,438.35元', '219438.35元'],
  ['超过１００万元的项目', '超过100万元的项目'],
  // Punctuation, quotes, symbols
  ['曲阳三公经费？', '曲阳三公经费'],
  ['曲阳！三公经费!!', '曲阳 三公经费'],
  ['《预算法》', '预算法'],
  ['「莲湖」『北票』', '莲湖北票'],
  ['曲阳，莲湖、北票；抚顺：沈阳。', '曲阳 莲湖、北票 抚顺 沈阳'],
  ['😀曲阳🚗公务用车运行维护费', '曲阳 公务用车运行维护费'],
  ['占比10%', '占比10%'],
  ['2021-2023年', '2021-2023年'],
  ['曲阳 \t\n 三公经费', '曲阳 三公经费'],
  // Parentheses of official names
  ['因公出国(境)费', '因公出国（境）费'],
  ['因公出国（境）费', '因公出国（境）费'],
  ['维修(护)费', '维修（护）费'],
  ['abc (2023)', 'abc (2023)'],
  // Fillers
  ['请问曲阳2023年三公经费是多少', '曲阳2023年三公经费'],
  ['请帮我查一下沈阳的住房公积金吧！', '沈阳的住房公积金'],
  ['麻烦告诉我莲湖的项目支出多少钱', '莲湖的项目支出'],
  ['我想知道北票的预算是什么', '北票的预算'],
  ['对个人和家庭的补助是多少呢', '对个人和家庭的补助'],
  ['曲阳的三公经费呢？', '曲阳的三公经费'],
  ['查询抚顺2023年决算', '抚顺2023年决算'],
  ['哪些部门的三公经费最高', '哪些部门的三公经费最高'],
  ['曲阳和莲湖比 有哪些', '曲阳和莲湖比 有哪些'],
  ['申请经费', '申请经费'],
  // Hostile and degenerate input
  ['', ''],
  ['   ', ''],
  ['\u3000\t\n', ''],
  ["'; DROP TABLE documents; --", 'drop table documents'],
  ['曲阳\u0000\u0007三公', '曲阳 三公'],
  ['曲\u200b阳', '曲阳'],
  ['？！。，', ''],
  ['請問曲陽２０２３年度“三公”經費是多少？', '曲阳2023年三公经费'],
];

describe('normalizeQuestion', () => {
  it.each(corpus)('%j → %j', (input, expected) => {
    expect(normalizeQuestion(input)).toBe(expected);
  });

  it('is idempotent on the corpus', () => {
    for (const [, expected] of corpus) expect(normalizeQuestion(expected)).toBe(expected);
  });

  it('copes with long input', () => {
    const long = '请问曲阳2023年三公经费是多少？😀'.repeat(30);
    expect(long.length).toBeGreaterThanOrEqual(500);
    expect(normalizeQuestion(long)).toBe(Array(30).fill('曲阳2023年三公经费').join(' '));
    const huge = '曲陽前五名😀quyang，'.repeat(1000);
    expect(normalizeQuestion(huge)).toMatch(/^曲阳前5名 quyang 曲阳/);
  });

  it('never throws, whatever it is given', () => {
    let seed = 1;
    const random = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
    const alphabet = ['一', '十', '万', '年', '度', '(', '）', '“', ',', '.', '-', '2', '3', 'a', ' ', '\ud83d', '\ude00', '😀', '請', '吗', '\u0000', '\u200d', '％', '百分之'];
    for (let i = 0; i < 2000; i++) {
      let s = '';
      for (let j = random(30); j > 0; j--) s += alphabet[random(alphabet.length)];
      expect(typeof normalizeQuestion(s)).toBe('string');
    }
    expect(normalizeQuestion(undefined as unknown as string)).toBe('');
  });

  it('is fast', () => {
    const questions = ['请问曲阳2023年三公经费是多少', '曲陽２０２３年度“三公”經費是多少？', '前五名的部门有哪些', 'quyang 2023 sangong'];
    for (const q of questions) for (let i = 0; i < 2000; i++) normalizeQuestion(q);
    const rounds = 20_000;
    const start = performance.now();
    for (let i = 0; i < rounds; i++) normalizeQuestion(questions[i % questions.length] ?? '');
    const ms = (performance.now() - start) / rounds;
    console.log(`normalizeQuestion: ${(ms * 1000).toFixed(1)} µs per question`);
    expect(ms).toBeLessThan(1); // generous: the target is < 0.05 ms, timing in CI is noisy
  });
});

describe('shapes.json rewrites', () => {
  // One order for all of them (read before the fillers go): a word that never reaches its rewrite is dead.
  const { $comment: _, ...rewrites } = shapes.rewrites as Record<string, string>;
  it.each(Object.entries(rewrites))('%s is read as %s, at the end of a question and before more', (word, to) => {
    expect(normalizeQuestion(`莲湖${word}`)).toBe(normalizeQuestion(`莲湖${to}`));
    expect(normalizeQuestion(`莲湖${word}，呢`)).toBe(normalizeQuestion(`莲湖${to}，呢`));
  });
});

describe('shapes.json paidForStaff', () => {
  it.each([
    ['曲阳一年给职工交多少医保', '曲阳职工医保'],
    ['莲湖给自己职工交的医疗保险是多少', '莲湖职工医疗保险'],
    ['沈阳每年给咱们员工缴纳的养老保险', '沈阳职工养老保险'],
    ['抚顺单位交医保多少', '抚顺职工医保'],
    ['北票交职工医保', '北票职工医保'],
  ])('%s reads as %s', (typed, plain) => expect(normalizeQuestion(typed)).toBe(plain));
  // 单位 naming a kind of unit is no payer; 职工 without a paying verb stays as typed.
  it.each(['事业单位交的医保', '莲湖平均每位职工的人员经费', '给退休职工发'])('%s is not read as paid for staff', (q) => {
    expect(normalizeQuestion(q)).toBe(q);
  });
});

describe('a number spoken with 千 after a comparator', () => {
  it.each([
    ['曲阳三公超过五千吗', '曲阳三公超过5000元'],
    ['三公不到两千五', '三公不到2500元'],
    ['超过5千吗', '超过5000元'],
  ])('%s is an amount in 元: %s', (typed, read) => expect(normalizeQuestion(typed)).toBe(read));
  // Before a larger magnitude, a counter, or written bare, the number keeps its reading (万元, people).
  it.each([
    ['超过五千万的项目', '超过5000万的项目'],
    ['超过五千人', '超过5000人'],
    ['超过5000吗', '超过5000'],
    ['执行率超过一百', '执行率超过100'],
  ])('%s stays %s', (typed, read) => expect(normalizeQuestion(typed)).toBe(read));
});

describe('shapes.json oneBought', () => {
  it.each([
    ['沈阳能买一辆新车吗', '沈阳能买新车'],
    ['曲阳能买台车吗', '曲阳能买车'],
    ['莲湖今年能不能换一辆新车', '莲湖今年能不能换新车'],
    ['沈阳能买两辆车吗', '沈阳能买车有2辆'],
  ])('%s reads as %s', (typed, plain) => expect(normalizeQuestion(typed)).toBe(plain));
  it.each(['沈阳买几辆车', '曲阳买几台新车'])('%s still asks the count', (q) => expect(normalizeQuestion(q)).toBe(q));
});

describe('shapes.json totality', () => {
  it.each([
    ['抚顺医保局的钱都是从哪来的', '抚顺医保局的钱是从哪来的'],
    ['莲湖的钱全花在哪', '莲湖的钱花在哪'],
    ['沈阳的钱全都用到什么地方', '沈阳的钱用到什么地方'],
  ])('%s reads as %s', (typed, plain) => expect(normalizeQuestion(typed)).toBe(normalizeQuestion(plain)));
  // Before other words the adverb keeps its sense: only, a list, none at all, a word of its own.
  it.each(['项目全是满分吗', '莲湖都有哪些项目', '三公经费一分都没有', '全年预算', '全部项目'])('%s keeps its adverb', (q) => {
    expect(normalizeQuestion(q)).toMatch(/[都全]/);
  });
});

describe('shapes.json vague', () => {
  it.each([
    ['北票执行率不高的项目有哪些', '北票执行率从低到高的项目有哪些'],
    ['北票哪些项目执行得比较慢', '北票哪些项目执行率从低到高'],
    ['北票得分较高的项目', '北票得分从高到低的项目'],
  ])('%s reads as %s', (typed, plain) => expect(normalizeQuestion(typed)).toBe(normalizeQuestion(plain)));
  // A reason asked, a bound typed, or the words alone (a lexicon entry: 执行率不高) are no ordering.
  it.each(['北票执行率低的原因', '为什么执行率偏低', '执行率低于80%的项目', '执行率不高'])('%s is not reordered', (q) => {
    expect(normalizeQuestion(q)).not.toMatch(/从(?:低到高|高到低)/);
  });
});
