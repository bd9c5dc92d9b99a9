// The seed documents, one by one: what the ingest detected (department, region,
// year, stage, unit), which tables it found, and spot values read back from the
// database — each asserted against the raw file's own line: the amount in 分, the
// cell as printed on that line, and the line inside the table it is filed under.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmountUnit, DocumentRow, Stage, TableKind, TableStatus } from '../../src/store/schema.ts';
import type { Store } from '../../src/store/db.ts';
import { inSegments, noSpaces, openSeedStore, rawLine, rawLines, SEEDS, wan, yuan, type Seed, type SegmentSpan } from './helpers.ts';

let store: Store;
beforeAll(() => {
  store = openSeedStore();
});
afterAll(async () => {
  await store.close();
});

// ───────────────────────────── metadata ─────────────────────────────

type Meta = Omit<DocumentRow, 'id' | 'file' | 'sha256' | 'ingested_at'>;

// Each value is printed in the raw file: the title block (lines 1–4), `部门名称：…` / `473 曲阳县医疗保障局`,
// `单位：万元` / `单位：元`, and the file's line count (split on '\n') — but the region, which is the
// department's place read against the GB/T 2260 divisions: official names, the levels above the one
// printed filled in (曲阳县 is in 河北省 保定市), and the code of the place printed.
const META: Record<Seed, Meta> = {
  fushun: {
    title: '2024年抚顺市医疗保障局部门预算批复表',
    department: '抚顺市医疗保障局',
    province: '辽宁省',
    city: '抚顺市',
    county: null,
    division_code: '210400',
    fiscal_year: 2024,
    stage: '预算',
    amount_unit: '万元',
    line_count: 874,
    truncated_at: null,
    truncation: null,
  },
  lianhu: {
    title: '西安市莲湖区医疗保障局（汇总） 2024年部门预算公开说明',
    department: '西安市莲湖区医疗保障局',
    province: '陕西省',
    city: '西安市',
    county: '莲湖区',
    division_code: '610104',
    fiscal_year: 2024,
    stage: '预算',
    amount_unit: '元',
    line_count: 836,
    truncated_at: null,
    truncation: null,
  },
  shenyang: {
    title: '沈阳市医疗保障事务服务中心 2023年单位预算',
    department: '沈阳市医疗保障事务服务中心',
    province: '辽宁省',
    city: '沈阳市',
    county: null,
    division_code: '210100',
    fiscal_year: 2023,
    stage: '预算',
    amount_unit: '万元',
    line_count: 793,
    truncated_at: null,
    truncation: null,
  },
  beipiao: {
    title: '辽宁省朝阳市北票市医疗保障局 2024年度部门决算',
    department: '辽宁省朝阳市北票市医疗保障局',
    province: '辽宁省',
    city: '朝阳市',
    county: '北票市',
    division_code: '211381',
    fiscal_year: 2024,
    stage: '决算',
    amount_unit: '万元',
    line_count: 849,
    truncated_at: null,
    truncation: null,
  },
  quyang: {
    title: '2023年部门预算信息公开目录',
    department: '曲阳县医疗保障局',
    province: '河北省',
    city: '保定市',
    county: '曲阳县',
    division_code: '130634',
    fiscal_year: 2023,
    stage: '预算',
    amount_unit: '万元',
    line_count: 712,
    truncated_at: null,
    truncation: null,
  },
};

// ───────────────────────────── tables ─────────────────────────────

/** number (or null), name as printed, kind, status, first and last line, page segments. */
type TableRow = [string | null, string, TableKind, TableStatus, number, number, number];

const TABLES: Record<Seed, TableRow[]> = {
  fushun: [
    ['表1', '收支预算总表', 'summary', 'parsed', 13, 27, 1],
    ['表3', '支出预算总表', 'expenditure', 'parsed', 37, 76, 2],
    ['表4', '财政拨款收支预算总表', 'summary', 'parsed', 86, 97, 1],
    ['表5', '一般公共预算支出表', 'expenditure', 'parsed', 107, 148, 2],
    ['表6', '一般公共预算基本支出表', 'expenditure', 'parsed', 158, 194, 2],
    ['表7', '财政拨款预算“三公”经费支出表', 'three_public', 'parsed', 204, 206, 1],
    ['表8', '政府性基金预算支出表', 'expenditure', 'empty', 216, 218, 1],
    // 6 printed pages + 5 truncated page fragments titled 项目支出预 (lines 313–346).
    ['表9', '项目支出预算表', 'projects', 'parsed', 230, 346, 11],
    ['表16', '部门（单位）整体绩效目标表', 'performance', 'parsed', 354, 421, 2],
    ['表17', '部门预算项目（政策）绩效目标表', 'performance', 'parsed', 429, 857, 23],
    ['表18', '部门管理专项资金预算表', 'projects', 'empty', 873, 874, 1],
  ],
  lianhu: [
    [null, '三、预算单位构成', 'units', 'parsed', 161, 162, 1],
    [null, '会议费培训费明细表', 'meetings', 'parsed', 276, 277, 1],
    [null, '报表目录', 'toc', 'parsed', 321, 337, 1],
    ['表1', '部门综合预算收支总表', 'summary', 'parsed', 347, 378, 1],
    ['表3', '部门综合预算支出总表', 'expenditure', 'parsed', 388, 393, 1],
    ['表4', '部门综合预算财政拨款收支总表', 'summary', 'parsed', 403, 432, 1],
    ['表5', '部门综合预算一般公共预算支出明细表（按支出功能分类科目）', 'expenditure', 'parsed', 442, 457, 1],
    ['表6', '部门综合预算一般公共预算支出明细表（按支出经济分类科目）', 'expenditure', 'parsed', 467, 491, 1],
    ['表7', '部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）', 'expenditure', 'parsed', 498, 513, 1],
    ['表8', '部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）', 'expenditure', 'parsed', 523, 547, 1],
    ['表9', '部门综合预算政府性基金收支表', 'summary', 'empty', 557, 578, 1],
    ['表10', '部门综合预算专项业务经费支出表', 'projects', 'parsed', 588, 601, 1],
    ['表12', '部门综合预算政府采购（资产配置、购买服务）预算表', 'projects', 'parsed', 611, 620, 1],
    // Its header rows print the same labels at different offsets: figures kept, flagged, unused.
    ['表13', '部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表', 'three_public', 'misaligned', 630, 636, 1],
    ['表14-1', '部门专项业务经费绩效目标表', 'performance', 'parsed', 642, 657, 1],
    ['表14-2', '部门专项业务经费绩效目标表', 'performance', 'parsed', 663, 682, 1],
    ['表14-3', '部门专项业务经费绩效目标表', 'performance', 'parsed', 688, 708, 1],
    ['表14-4', '部门专项业务经费绩效目标表', 'performance', 'parsed', 714, 731, 1],
    ['表14-5', '部门专项业务经费绩效目标表', 'performance', 'parsed', 737, 763, 1],
    [null, '部门整体支出绩效目标表', 'performance', 'parsed', 767, 815, 1],
    ['表16', '专项资金总体绩效目标表', 'performance', 'empty', 821, 836, 1],
  ],
  shenyang: [
    ['表1', '收支预算总表', 'summary', 'parsed', 100, 114, 1],
    ['表2', '收入预算总表', 'income', 'parsed', 122, 126, 1],
    ['表3', '支出预算总表', 'expenditure', 'parsed', 134, 157, 1],
    ['表4', '财政拨款收支预算总表', 'summary', 'parsed', 165, 176, 1],
    ['表5', '一般公共预算支出表', 'expenditure', 'parsed', 184, 208, 1],
    ['表6', '一般公共预算基本支出表', 'expenditure', 'parsed', 216, 252, 1],
    ['表7', '一般公共预算“三公”经费支出表', 'three_public', 'parsed', 260, 263, 1],
    ['表8', '政府性基金预算支出表', 'expenditure', 'empty', 271, 273, 1],
    ['表9', '项目支出预算表', 'projects', 'parsed', 283, 304, 1],
    ['表10', '支出功能分类预算表', 'expenditure', 'parsed', 313, 336, 1],
    ['表11', '支出经济分类预算表（政府预算）', 'expenditure', 'parsed', 344, 361, 1],
    ['表12', '支出经济分类预算表（部门预算）', 'expenditure', 'parsed', 369, 415, 1],
    ['表13', '债务支出预算表', 'projects', 'empty', 423, 425, 1],
    ['表14', '政府采购支出预算表', 'projects', 'parsed', 433, 436, 1],
    ['表15', '政府购买服务支出预算表', 'projects', 'empty', 444, 446, 1],
    ['表16', '部门（单位）整体绩效目标表', 'performance', 'parsed', 454, 488, 1],
    ['表17', '部门预算项目（政策）绩效目标表', 'performance', 'parsed', 498, 717, 1],
  ],
  beipiao: [
    ['公开01表', '收入支出决算总表', 'summary', 'parsed', 311, 345, 1],
    ['公开02表', '收入决算表', 'income', 'parsed', 361, 385, 1],
    ['公开03表', '支出决算表', 'expenditure', 'parsed', 403, 426, 1],
    ['公开04表', '财政拨款收入支出决算总表', 'summary', 'parsed', 444, 479, 1],
    ['公开05表', '一般公共预算财政拨款支出决算表', 'expenditure', 'parsed', 497, 521, 1],
    ['公开06表', '一般公共预算财政拨款基本支出决算表', 'expenditure', 'parsed', 540, 575, 1],
    ['公开07表', '财政拨款“三公”经费支出决算表', 'three_public', 'parsed', 593, 599, 1],
    ['公开08表', '政府性基金预算财政拨款收入支出决算表', 'expenditure', 'empty', 619, 622, 1],
    ['公开09表', '国有资本经营预算财政拨款收入支出决算表', 'expenditure', 'empty', 640, 643, 1],
    [null, '部门（单位）整体绩效自评表', 'performance', 'parsed', 657, 695, 1],
    [null, '预算项目(政策)绩效自评表', 'performance', 'parsed', 700, 717, 1],
    [null, '部门（单位）整体绩效自评表', 'performance', 'parsed', 723, 759, 1],
    [null, '预算项目(政策)绩效自评表', 'performance', 'parsed', 764, 849, 4],
  ],
  quyang: [
    [null, '部门预算公开表', 'toc', 'parsed', 7, 15, 1],
    [null, '部门预算信息公开情况说明', 'toc', 'parsed', 19, 28, 1],
    [null, '部门预算收支总表', 'summary', 'parsed', 38, 84, 2],
    [null, '部门预算收入总表', 'income', 'parsed', 94, 130, 2],
    [null, '部门预算支出总表', 'expenditure', 'parsed', 140, 176, 2],
    [null, '部门预算财政拨款收支总表', 'summary', 'parsed', 186, 239, 2],
    [null, '部门预算一般公共预算财政拨款支出表', 'expenditure', 'parsed', 249, 285, 2],
    [null, '部门预算一般公共预算财政拨款基本支出表', 'expenditure', 'parsed', 295, 330, 2],
    [null, '部门预算政府基金预算财政拨款支出表', 'expenditure', 'empty', 340, 342, 1],
    [null, '部门预算国有资本经营预算财政拨款支出表', 'expenditure', 'empty', 354, 356, 1],
    [null, '部门预算财政拨款“三公”经费支出表', 'three_public', 'parsed', 368, 375, 1],
    [null, '部门机构设置情况', 'units', 'parsed', 407, 410, 1],
    [null, '1、医保基金引入第三方监管经费绩效目标表', 'performance', 'parsed', 490, 497, 1],
    [null, '2、医保局公务用车购置经费绩效目标表', 'performance', 'parsed', 501, 508, 1],
    [null, '3、医保局公益性岗位人员经费绩效目标表', 'performance', 'parsed', 512, 519, 1],
    [null, '4、医保局网络建设费用绩效目标表', 'performance', 'parsed', 523, 530, 1],
    [null, '5、医保政策宣传经费绩效目标表', 'performance', 'parsed', 534, 541, 1],
    [null, '6、医疗保障综合事务经费绩效目标表', 'performance', 'parsed', 545, 552, 1],
    [null, '7、医疗服务与保障能力提升补助经费绩效目标表', 'performance', 'parsed', 556, 563, 1],
    [null, '8、档案室维护经费绩效目标表', 'performance', 'parsed', 567, 574, 1],
    [null, '9、门诊特殊疾病评审鉴定工作专项经费绩效目标表', 'performance', 'parsed', 578, 585, 1],
    [null, '10、医保所劳务派遣人员经费绩效目标表', 'performance', 'parsed', 589, 596, 1],
    [null, '11、城乡居民基本医疗保险代办员补助资金绩效目标表', 'performance', 'parsed', 600, 607, 1],
    [null, '12、城乡居民医保村级代办员补助资金（结转）绩效目标表', 'performance', 'parsed', 611, 618, 1],
    [null, '13、曲阳县城乡居民基本医疗保险管理服务中心劳务派遣人员工资经费绩效目标表', 'performance', 'parsed', 622, 629, 1],
    [null, '14、曲阳县城乡居民医疗服务专项公用经费绩效目标表', 'performance', 'parsed', 633, 640, 1],
    [null, '部门政府采购预算', 'projects', 'parsed', 652, 670, 1],
    [null, '部门固定资产占用情况表', 'assets', 'parsed', 684, 690, 1],
  ],
};

// ───────────────────────────── spot values ─────────────────────────────

/**
 * One printed figure. `table` is the printed number (表1, 公开06表) or, for a table
 * printed without one, its name. The other fields select exactly one stored cell.
 */
interface CellSpot {
  line: number;
  table: string;
  /** The amount as printed (spaces included where the PDF broke it); '' for a blank cell read as 0. */
  v: string;
  /** Unit the figure is printed in; the document's unit when omitted. */
  unit?: AmountUnit;
  label?: string;
  key?: string;
  scope?: string;
  basis?: Stage;
  year?: number;
  code?: string | null;
  row?: string;
  metric?: string | null;
  flags?: string[];
  unitName?: string | null;
  project?: string | null;
  /** The line holding the `.00` tail of a number broken over two lines. */
  continuation?: number;
}

const SPOTS: Record<Seed, CellSpot[]> = {
  fushun: [
    { line: 15, table: '表1', label: '收入/预算数', metric: 'fiscal.general_budget', v: '58,733.91' },
    { line: 16, table: '表1', label: '支出/预算数', code: '210', v: '58,434.61' },
    { line: 27, table: '表1', metric: 'expenditure.grand_total', v: '58,733.91' },
    { line: 39, table: '表3', row: '合计', key: 'project', label: '项目支出', v: '57,211.31' },
    { line: 50, table: '表3', code: '2101103', key: 'total', v: '3,372.44' },
    // Second page of 表3, after its repeated title, 部门名称 and header rows.
    { line: 65, table: '表3', code: '2101301', key: 'project', v: '8,645.00' },
    { line: 70, table: '表3', code: '2101550', key: 'public', v: '142.69' },
    { line: 89, table: '表4', code: '208', scope: 'fiscal', v: '180.63' },
    { line: 117, table: '表5', code: '210', key: 'project', scope: 'current,gp', v: '57,211.31' },
    { line: 138, table: '表5', code: '21015', key: 'personnel', scope: 'current,gp', v: '992.51' },
    { line: 146, table: '表5', code: '221', key: 'total', v: '118.67' },
    // In a 基本支出表 the 合计 column is the basic-expenditure total.
    { line: 171, table: '表6', code: '302', key: 'basic', v: '192.11' },
    { line: 174, table: '表6', code: '30208', key: 'public', v: '3.26' },
    { line: 186, table: '表6', code: '30211', key: 'public', v: '14.60' },
    // The malformed code 030239 (for 30239): stored as printed, flagged.
    { line: 190, table: '表6', code: '030239', key: 'personnel', v: '32.32', flags: ['irregular_code'] },
    { line: 194, table: '表6', code: '30304', key: 'personnel', v: '0.08' },
    // “三公” items as columns; blank item cells mean 0.
    { line: 206, table: '表7', metric: 'three_public.total', v: '5.80' },
    { line: 206, table: '表7', metric: 'three_public.abroad', v: '' },
    { line: 206, table: '表7', metric: 'three_public.vehicle', v: '5.80' },
    { line: 206, table: '表7', metric: 'three_public.vehicle_purchase', v: '' },
    { line: 206, table: '表7', metric: 'three_public.vehicle_operation', v: '5.80' },
    { line: 206, table: '表7', metric: 'three_public.reception', v: '' },
    // 表9 is printed with `单位：万`.
    { line: 232, table: '表9', row: '合计', label: '总计', v: '57,211.31' },
    { line: 233, table: '表9', row: '抚顺市医疗保障局本级', label: '总计', unitName: '抚顺市医疗保障局本级', project: null, v: '261.80' },
    { line: 252, table: '表9', label: '总计', project: '医疗保险门诊特殊病（慢性病）鉴定、运行费', unitName: '抚顺市医疗保障局本级', v: '11.54' },
    { line: 278, table: '表9', row: '抚顺市医疗保障事务服务中心', label: '总计', unitName: '抚顺市医疗保障事务服务中心', project: null, v: '56,949.51' },
    { line: 291, table: '表9', label: '总计', project: '离休干部医药费', unitName: '抚顺市医疗保障事务服务中心', v: '1,440.00' },
    { line: 311, table: '表9', label: '本年收入/一般公共预算', scope: 'current,gp', project: '城乡居民基本医疗保险', unitName: '抚顺市医疗保障事务服务中心', v: '5,480.00' },
    { line: 356, table: '表16', row: '基本支出人员经费（保工资）', key: 'task', unitName: '抚顺市医疗保障局本级', v: '264.92' },
    // Second page of 表16, still the 服务中心's block.
    { line: 394, table: '表16', row: '基本支出人员经费（刚性）', key: 'task', unitName: '抚顺市医疗保障事务服务中心', v: '100.32' },
    { line: 665, table: '表17', metric: 'project.budget', project: '下达省财政城乡居民基本医疗保险补助资金', v: '14,770.00' },
    { line: 843, table: '表17', metric: 'project.budget', project: '物业费、水电费（保运转）', v: '55.13' },
  ],
  lianhu: [
    // Amounts in 元.
    { line: 349, table: '表1', label: '收入/预算数', row: '一、部门预算', v: '5,142,114.94' },
    { line: 354, table: '表1', row: '5、教育支出', v: '3,360.00' },
    { line: 355, table: '表1', metric: 'project', row: '2、专项业务经费支出', v: '2,390,000.00' },
    { line: 357, table: '表1', code: '208', row: '8、社会保障和就业支出', v: '244,421.27' },
    { line: 359, table: '表1', code: '210', row: '10、卫生健康支出', v: '4,674,895.32' },
    { line: 393, table: '表3', row: '西安市莲湖区医疗保障局', scope: 'gp', unitName: '西安市莲湖区医疗保障局', v: '5,142,114.94' },
    { line: 415, table: '表4', code: '210', scope: 'fiscal', v: '4,674,895.32' },
    { line: 417, table: '表4', row: '(6)资本性支出', key: 'project', v: '80,000.00' },
    { line: 447, table: '表5', code: '210', key: 'total', v: '4,678,255.32' },
    { line: 450, table: '表5', code: '2101103', key: 'project', v: '1,000,000.00' },
    { line: 452, table: '表5', code: '2101501', key: 'public', v: '93,246.85' },
    { line: 476, table: '表6', code: '30112', key: 'total', v: '1,268.65' },
    { line: 479, table: '表6', code: '30201', key: 'project', v: '422,648.00' },
    { line: 486, table: '表6', code: '30239', key: 'personnel', v: '114,330.00' },
    { line: 503, table: '表7', code: '210', key: 'basic', v: '2,288,255.32' },
    { line: 542, table: '表8', code: '30239', key: 'basic', v: '114,330.00' },
    { line: 593, table: '表10', project: '财政补助公务员医疗', v: '1,000,000.00' },
    { line: 598, table: '表10', project: '医保档案管理', v: '200,000.00' },
    { line: 614, table: '表12', row: '合计', v: '284,708.00' },
    // The row's figures sit right of four code cells; moved back to the amount column.
    { line: 620, table: '表12', project: '医保工作经费补助', flags: ['realigned'], v: '132,500.00' },
    // 表13's header cannot be trusted: the figures are stored, unmapped.
    { line: 636, table: '表13', key: 'unknown', label: '', flags: ['unmapped_column'], v: '3,360.00' },
    // 单位：万元 printed over the meeting table in a document of 元.
    { line: 277, table: '会议费培训费明细表', metric: 'training', unit: '万元', v: '0.34' },
    // 资金金额 (万元) in a performance block of a 元 document.
    { line: 644, table: '表14-1', row: '实施期资金总额:', unit: '万元', project: '公务员医疗救助', v: '100.00' },
    { line: 690, table: '表14-3', row: '实施期资金总额:', unit: '万元', project: '医保工作经费补助', v: '30.00' },
    { line: 777, table: '部门整体支出绩效目标表', row: '金额合计', label: '总额', unit: '万元', v: '514.21' },
  ],
  shenyang: [
    { line: 104, table: '表1', code: '210', v: '234,797.91' },
    { line: 113, table: '表1', metric: 'income.carryover', v: '232.00' },
    // Numbers broken by spaces: `236 ,02 3.0 6`.
    { line: 125, table: '表2', row: '合计', label: '总计', flags: ['repaired_spaces'], v: '236 ,02 3.0 6' },
    { line: 126, table: '表2', label: '上年结转结余/合计', scope: 'carry', unitName: '沈阳市医疗保障事务服务中心', v: '232 .00' },
    { line: 136, table: '表3', row: '合计', key: 'project', v: '229,901.83' },
    { line: 152, table: '表3', code: '2101550', key: 'project', v: '18.00' },
    { line: 157, table: '表3', code: '2210203', key: 'total', v: '54.10' },
    { line: 167, table: '表4', metric: 'expenditure.current_total', v: '236,023.06' },
    // 表4's expenditure labels sit one row off their figures: stored as printed, flagged.
    { line: 169, table: '表4', row: '（二）社会保障和就业支出', flags: ['label_shift_suspected'], v: '234,797.91' },
    { line: 197, table: '表5', code: '21012', key: 'total', v: '205,262.00' },
    { line: 245, table: '表6', code: '30239', key: 'personnel', v: '182.67' },
    { line: 251, table: '表6', code: '310', key: 'public', v: '2.00' },
    // 表7 splits its columns by year: 2022 预算数 | 2023 预算数.
    { line: 263, table: '表7', metric: 'three_public.total', year: 2022, v: '5.65' },
    { line: 263, table: '表7', metric: 'three_public.abroad', year: 2022, v: '' },
    { line: 263, table: '表7', metric: 'three_public.vehicle_purchase', year: 2022, v: '' },
    { line: 263, table: '表7', metric: 'three_public.total', year: 2023, v: '23.65' },
    { line: 263, table: '表7', metric: 'three_public.vehicle_purchase', year: 2023, v: '18.00' },
    { line: 263, table: '表7', metric: 'three_public.abroad', year: 2023, v: '' },
    { line: 285, table: '表9', row: '合计', label: '总计', v: '229,90 1.83' },
    { line: 293, table: '表9', label: '总计', project: '政府专项-城乡医疗救助', v: '2,500. 00' },
    // `53,704` on line 294, `.00` on line 296.
    { line: 294, table: '表9', label: '总计', project: '政府专项-城乡居民医疗保险补助', flags: ['merged_lines'], continuation: 296, v: '53,704.00' },
    { line: 304, table: '表9', label: '上年结转结余/合计', project: '医保基金负担新冠疫苗财政补助(省级以上)', v: '232.00' },
    { line: 322, table: '表10', code: '210', label: '总计', v: '234,7 97.91' },
    { line: 326, table: '表10', code: '21012', label: '上年结转结余/合计', v: '232.00' },
    { line: 357, table: '表11', code: '510', label: '本年收入/合计', v: '202,78 7.00' },
    // A page reprinting rows already printed: kept, flagged, not used in checks.
    { line: 359, table: '表11', code: '50502', label: '总计', flags: ['duplicate_row'], v: '1,798. 00' },
    { line: 378, table: '表12', code: '30111', label: '总计', v: '16,66 3.00' },
    { line: 409, table: '表12', code: '30307', label: '本年收入/一般公共预算', v: '9,176 .00' },
    { line: 436, table: '表14', label: '总计', project: '业务耗材、办公设备、设备维修经费', v: '60.38' },
    { line: 458, table: '表16', row: '公用经费类项目', v: '591.5' },
    { line: 526, table: '表17', metric: 'project.budget', project: '政府专项-城乡居民医疗保险补助', v: '53,704.00' },
  ],
  beipiao: [
    { line: 314, table: '公开01表', metric: 'fiscal.general_budget', basis: '决算', v: '1,459.71' },
    { line: 321, table: '公开01表', code: '208', v: '72.84' },
    { line: 366, table: '公开02表', code: '20801', label: '财政拨款收入', v: '4.81' },
    { line: 411, table: '公开03表', code: '2080505', key: 'basic', v: '48.32' },
    { line: 413, table: '公开03表', code: '210', key: 'project', v: '889.93' },
    { line: 455, table: '公开04表', code: '210', scope: 'fiscal,gp', v: '1,350.67' },
    // An explicit 0.00 is a figure, not a blank.
    { line: 502, table: '公开05表', code: '20801', key: 'basic', v: '0.00' },
    { line: 521, table: '公开05表', code: '2210201', key: 'total', v: '36.20' },
    // 公开06表: three column groups (人员经费 | 公用经费 | 资本性支出…), codes cut to 4 digits.
    { line: 542, table: '公开06表', code: '301', key: 'personnel', v: '490.66' },
    { line: 543, table: '公开06表', code: '3010', key: 'personnel', row: '3010 基本工资', flags: ['irregular_code'], v: '178.74' },
    { line: 543, table: '公开06表', code: '3020', key: 'public', row: '3020 办公费', v: '16.07' },
    { line: 546, table: '公开06表', code: '3020', key: 'public', row: '3020 手续费', v: '0.00' },
    { line: 562, table: '公开06表', code: '3022', key: 'public', row: '3022 劳务费', v: '41.85' },
    // `3029` printed one group to the left, in a figure column: moved back under 公用经费.
    { line: 569, table: '公开06表', code: '3029', key: 'public', row: '3029 其他商品和服务支出', flags: ['realigned'], v: '1.27' },
    // 公用经费合计's figure printed one group to the right of its label.
    { line: 575, table: '公开06表', row: '公用经费合计', key: 'public', flags: ['realigned'], v: '74.30' },
    { line: 575, table: '公开06表', row: '人员经费合计', key: 'personnel', v: '490.66' },
    // 公开07表: items as rows, 预算数 and 决算数 columns; blank items are 0.
    { line: 594, table: '公开07表', metric: 'three_public.total', basis: '预算', v: '2.38' },
    { line: 594, table: '公开07表', metric: 'three_public.total', basis: '决算', v: '1.66' },
    { line: 595, table: '公开07表', metric: 'three_public.abroad', basis: '决算', v: '' },
    { line: 598, table: '公开07表', metric: 'three_public.vehicle_operation', basis: '决算', v: '1.66' },
    { line: 599, table: '公开07表', metric: 'three_public.vehicle_purchase', basis: '预算', v: '' },
    { line: 658, table: '部门（单位）整体绩效自评表', row: '部门年初预算收入金额', unitName: '北票市医疗保障局', v: '111.18' },
    { line: 727, table: '部门（单位）整体绩效自评表', row: '基本支出公用经费（保运转）', basis: '决算', unitName: '北票市医疗保障事务服务中心', v: '36.3' },
    // `项目预算金额(万元) 13`: an integer in a labelled money cell.
    { line: 703, table: '预算项目(政策)绩效自评表', metric: 'project.budget', project: '2024年医保基金监管经费', v: '13' },
    { line: 703, table: '预算项目(政策)绩效自评表', metric: 'project.executed', basis: '决算', project: '2024年医保基金监管经费', v: '9.82' },
    { line: 789, table: '预算项目(政策)绩效自评表', metric: 'project.executed', project: '离休医疗保障', v: '41.11' },
  ],
  quyang: [
    { line: 41, table: '部门预算收支总表', metric: 'fiscal.general_budget', v: '648.07' },
    // Second page of 收支总表.
    { line: 70, table: '部门预算收支总表', code: '221', v: '27.61' },
    { line: 84, table: '部门预算收支总表', metric: 'income.grand_total', v: '648.07' },
    { line: 97, table: '部门预算收入总表', row: '合计', label: '合计', v: '648.07' },
    { line: 118, table: '部门预算收入总表', code: '210', label: '本年收入/财政拨款收入', v: '554.09' },
    { line: 122, table: '部门预算收入总表', code: '2101103', label: '合计', v: '5.41' },
    { line: 143, table: '部门预算支出总表', row: '合计', key: 'project', v: '240.04' },
    { line: 159, table: '部门预算支出总表', code: '21015', key: 'basic', v: '306.16' },
    { line: 171, table: '部门预算支出总表', code: '2101502', key: 'project', v: '70.67' },
    { line: 198, table: '部门预算财政拨款收支总表', code: '210', scope: 'fiscal,gp', v: '554.09' },
    // Third page of 财政拨款收支总表: only its last row.
    { line: 239, table: '部门预算财政拨款收支总表', metric: 'income.grand_total', v: '648.07' },
    { line: 281, table: '部门预算一般公共预算财政拨款支出表', code: '2101506', key: 'total', v: '155.98' },
    { line: 298, table: '部门预算一般公共预算财政拨款基本支出表', row: '合计', key: 'personnel', v: '388.14' },
    { line: 328, table: '部门预算一般公共预算财政拨款基本支出表', code: '30239', key: 'public', v: '5.16' },
    // “三公” items as rows; no 合计 row is printed (the total is in the prose, line 434).
    { line: 371, table: '部门预算财政拨款“三公”经费支出表', metric: 'three_public.abroad', scope: '', v: '' },
    { line: 372, table: '部门预算财政拨款“三公”经费支出表', metric: 'three_public.vehicle', scope: '', v: '13.60' },
    { line: 373, table: '部门预算财政拨款“三公”经费支出表', metric: 'three_public.vehicle_purchase', scope: 'gp', v: '12.00' },
    { line: 375, table: '部门预算财政拨款“三公”经费支出表', metric: 'three_public.reception', scope: '', v: '' },
    { line: 654, table: '部门政府采购预算', row: '合计', key: 'total', scope: 'procurement', v: '41.20' },
    { line: 655, table: '部门政府采购预算', row: '曲阳县医疗保障局小计', key: 'total', scope: 'procurement', unitName: '曲阳县医疗保障局', v: '34.00' },
    { line: 657, table: '部门政府采购预算', project: '医保局公务用车购置经费', key: 'total', scope: 'procurement', unitName: '曲阳县医疗保障局', v: '12.00' },
    { line: 666, table: '部门政府采购预算', project: '门诊特殊疾病评审鉴定工作专项经费', key: 'unit_price', unitName: '曲阳县医疗保险所', v: '1.00' },
    { line: 669, table: '部门政府采购预算', project: '曲阳县城乡居民医疗服务专项公用经费', key: 'sme_reserved', v: '2.82' },
    // 价值（金额单位：万元）.
    { line: 685, table: '部门固定资产占用情况表', row: '资产总额', label: '价值（金额单位：万元）', v: '159.69' },
    { line: 688, table: '部门固定资产占用情况表', row: '2、车辆（台、辆）', label: '价值（金额单位：万元）', v: '13.91' },
  ],
};

interface StoredCell {
  id: number;
  line: number;
  number: string | null;
  name: string;
  table_id: number;
  row_label: string;
  subject_code: string | null;
  metric: string | null;
  column_key: string;
  column_label: string;
  scope: string;
  basis: string;
  year: number;
  value_kind: string;
  amount_fen: number | null;
  raw_text: string;
  flags: string;
  unit_name: string | null;
  project_name: string | null;
}

function cellsOn(file: string, line: number): StoredCell[] {
  return store.sqlite
    .prepare(
      `select li.id, li.line, t.number, t.name, li.table_id, li.row_label, li.subject_code, li.metric, li.column_key,
              li.column_label, li.scope, li.basis, li.year, li.value_kind, li.amount_fen, li.raw_text, li.flags,
              u.name as unit_name, p.name as project_name
       from line_items li
       join documents d on d.id = li.document_id
       join source_tables t on t.id = li.table_id
       left join units u on u.id = li.unit_id
       left join projects p on p.id = li.project_id
       where d.file = ? and li.line = ?`,
    )
    .all(file, line) as StoredCell[];
}

function segmentsOf(tableId: number): SegmentSpan[] {
  return store.sqlite.prepare('select line_start, line_end from table_segments where table_id = ?').all(tableId) as SegmentSpan[];
}

function matches(c: StoredCell, s: CellSpot): boolean {
  const flags = c.flags ? c.flags.split(',') : [];
  return (
    c.value_kind === 'money' &&
    (c.number === s.table || (c.number === null && c.name === s.table)) &&
    (s.label === undefined || c.column_label === s.label) &&
    (s.key === undefined || c.column_key === s.key) &&
    (s.scope === undefined || c.scope === s.scope) &&
    (s.basis === undefined || c.basis === s.basis) &&
    (s.year === undefined || c.year === s.year) &&
    (s.code === undefined || c.subject_code === s.code) &&
    (s.row === undefined || c.row_label === s.row) &&
    (s.metric === undefined || c.metric === s.metric) &&
    (s.unitName === undefined || c.unit_name === s.unitName) &&
    (s.project === undefined || c.project_name === s.project) &&
    (s.flags === undefined || s.flags.every((f) => flags.includes(f))) &&
    (s.v !== '' || flags.includes('blank'))
  );
}

const describeSpot = (s: CellSpot) =>
  `line ${s.line} ${s.table} ${[s.code, s.row, s.project, s.metric, s.label, s.key, s.scope, s.basis, s.year].filter((x) => x !== undefined && x !== null).join(' ')} = ${s.v || '(blank → 0)'}`;

const seeds = Object.keys(SEEDS) as Seed[];

describe.each(seeds)('%s', (seed) => {
  const file = SEEDS[seed];

  it('detects the department, region, year, stage and unit', () => {
    const doc = store.sqlite
      .prepare('select title, department, province, city, county, division_code, fiscal_year, stage, amount_unit, line_count, truncated_at, truncation from documents where file = ?')
      .get(file);
    expect(doc).toEqual(META[seed]);
    // The title and the department are printed in the document.
    const text = noSpaces(rawLines(file).join(''));
    expect(text).toContain(noSpaces(META[seed].department));
    const lines = rawLines(file);
    const first = lines.findIndex((l) => l.trim() !== '');
    const end = lines.findIndex((l, i) => i > first && l.trim() === '');
    expect(noSpaces(lines.slice(first, end).join('')).replace(/\*\*/g, '')).toBe(noSpaces(META[seed].title));
  });

  it('finds its tables by number and name, with kind, status, line span and pages', () => {
    const tables = store.sqlite
      .prepare(
        `select t.number, t.name, t.kind, t.status, t.line_start, t.line_end,
                (select count(*) from table_segments s where s.table_id = t.id) as pages
         from source_tables t join documents d on d.id = t.document_id where d.file = ? order by t.line_start`,
      )
      .raw()
      .all(file);
    expect(tables).toEqual(TABLES[seed]);
    // Every title and number is printed near its table's first line.
    for (const [number, name, , , start] of TABLES[seed]) {
      const before = Array.from({ length: 14 }, (_, k) => start - k).filter((n) => n >= 1).map((n) => noSpaces(rawLine(file, n)));
      const headings = before.join('');
      if (number) expect(headings).toContain(noSpaces(number));
      // Untitled tables are named after the nearest heading; titled ones after their title.
      expect(headings.replace(/\*\*|#/g, '')).toContain(noSpaces(name));
    }
  });

  it(`has at least 20 spot values (${SPOTS[seed].length})`, () => {
    expect(SPOTS[seed].length).toBeGreaterThanOrEqual(20);
  });

  it.each(SPOTS[seed].map((s) => [describeSpot(s), s] as const))('%s', (_, spot) => {
    const found = cellsOn(file, spot.line).filter((c) => matches(c, spot));
    expect(found, `cells on line ${spot.line}: ${JSON.stringify(cellsOn(file, spot.line).map((c) => [c.number ?? c.name, c.row_label, c.column_label, c.column_key, c.scope, c.amount_fen]))}`).toHaveLength(1);
    const cell = found[0]!;
    const unit = spot.unit ?? META[seed].amount_unit;
    const line = rawLine(file, spot.line);

    // (a) the amount, exactly, in 分.
    expect(cell.value_kind).toBe('money');
    expect(cell.amount_fen).toBe(spot.v === '' ? 0 : unit === '元' ? yuan(spot.v) : wan(spot.v));

    // (b) the cell as printed is on that raw line.
    if (spot.v === '') {
      expect(cell.raw_text).toBe('');
      expect(cell.flags.split(',')).toContain('blank');
    } else if (spot.continuation) {
      const dot = cell.raw_text.indexOf('.');
      const [head, tail] = [cell.raw_text.slice(0, dot), cell.raw_text.slice(dot)];
      expect(line.split('\t').map(noSpaces)).toContain(noSpaces(head));
      expect(rawLine(file, spot.continuation).split('\t').map(noSpaces)).toContain(noSpaces(tail));
      expect(noSpaces(head + tail)).toBe(noSpaces(spot.v));
    } else {
      expect(line).toContain(cell.raw_text);
      expect(noSpaces(line)).toContain(noSpaces(cell.raw_text));
      expect(noSpaces(cell.raw_text)).toBe(noSpaces(spot.v));
    }

    // (c) the line is inside its table.
    expect(inSegments(spot.line, segmentsOf(cell.table_id))).toBe(true);
    if (spot.continuation) expect(inSegments(spot.continuation, segmentsOf(cell.table_id))).toBe(true);
  });
});

// ───────────────────────────── narrative facts ─────────────────────────────

interface FactSpot {
  seed: Seed;
  line: number;
  metric: string;
  aspect?: string;
  /** As printed before its unit. */
  v: string;
  unit: string;
  year?: number;
  basis?: Stage;
  subject?: string;
  changeFen?: number | null;
  /** The reason stated with it (for a rate: why the 决算 falls short of the budget). */
  reason?: string;
}

const FACTS: FactSpot[] = [
  { seed: 'lianhu', line: 166, metric: 'staff.authorized', aspect: 'count', v: '20', unit: '人' },
  { seed: 'lianhu', line: 166, metric: 'staff.actual', aspect: 'count', v: '14', unit: '人' },
  { seed: 'lianhu', line: 198, metric: 'subject', subject: '2101103', v: '105.65', unit: '万元', changeFen: -wan('294.35') },
  { seed: 'lianhu', line: 270, metric: 'training', v: '0.34', unit: '万元', changeFen: -wan('0.05') },
  { seed: 'lianhu', line: 285, metric: 'procurement.total', v: '28.47', unit: '万元' },
  { seed: 'lianhu', line: 293, metric: 'admin_operation', v: '9.32', unit: '万元', changeFen: wan('3.74') },
  // `2023 年收支总预算 236023.06 万元，比 2022 年收支总预算 72623.07 万元增加 163399.99 万元`:
  // the increase is the 2023 figure's (236023.06 − 72623.07 = 163399.99), not the 2022 one's.
  { seed: 'shenyang', line: 723, metric: 'expenditure.grand_total', year: 2023, v: '236023.06', unit: '万元', changeFen: wan('163399.99') },
  { seed: 'shenyang', line: 723, metric: 'expenditure.grand_total', year: 2022, v: '72623.07', unit: '万元', changeFen: null },
  { seed: 'shenyang', line: 727, metric: 'three_public.total', v: '23.65', unit: '万元' },
  { seed: 'shenyang', line: 739, metric: 'procurement.goods', v: '60.38', unit: '万元' },
  { seed: 'shenyang', line: 743, metric: 'vehicles.count', aspect: 'count', v: '2', unit: '辆' },
  { seed: 'beipiao', line: 180, metric: 'admin_operation', v: '34.23', unit: '万元', changeFen: wan('5.54') },
  { seed: 'beipiao', line: 158, metric: 'three_public.total', basis: '决算', v: '1.66', unit: '万元' },
  { seed: 'beipiao', line: 158, metric: 'three_public.total', aspect: 'execution_rate', v: '69.75', unit: '%', reason: '财务管理精细化，节约开支' },
  { seed: 'beipiao', line: 134, metric: 'subject', subject: '2101301', aspect: 'execution_rate', v: '52', unit: '%', reason: '医疗救助资金在财政一体化未全额拨付' },
  { seed: 'beipiao', line: 204, metric: 'project.executed', aspect: 'execution_rate', v: '75.54', unit: '%' },
  { seed: 'beipiao', line: 208, metric: 'project.self_eval_score', aspect: 'score', v: '59', unit: '分' },
  { seed: 'beipiao', line: 188, metric: 'vehicles.count', aspect: 'count', v: '1', unit: '辆' },
  { seed: 'quyang', line: 434, metric: 'three_public.total', v: '13.60', unit: '万元', changeFen: wan('12') },
  { seed: 'quyang', line: 434, metric: 'three_public.vehicle_purchase', v: '12', unit: '万元' },
  { seed: 'quyang', line: 430, metric: 'admin_operation', v: '19.89', unit: '万元' },
  { seed: 'quyang', line: 676, metric: 'assets.total', v: '159.69', unit: '万元' },
  // 北票's self-evaluation summary in prose: the projects' (line 196, its formulas in brackets are no figures) and the department's own 整体 (line 198).
  { seed: 'beipiao', line: 196, metric: 'self_eval.project_count', aspect: 'count', v: '6', unit: '个' },
  { seed: 'beipiao', line: 196, metric: 'self_eval.project_funds', v: '606.70', unit: '万元' },
  { seed: 'beipiao', line: 196, metric: 'self_eval.coverage', aspect: 'share', v: '83', unit: '%' },
  { seed: 'beipiao', line: 196, metric: 'self_eval.project_average', aspect: 'score', v: '85.87', unit: '分' },
  { seed: 'beipiao', line: 198, metric: 'self_eval.overall_funds', v: '595.16', unit: '万元' },
  { seed: 'beipiao', line: 198, metric: 'self_eval.overall_average', aspect: 'score', v: '100', unit: '分' },
];

describe('narrative facts, against their raw line', () => {
  it.each(FACTS.map((f) => [`${f.seed} line ${f.line} ${f.metric} ${f.aspect ?? 'amount'}${f.year ? ` ${f.year}` : ''} = ${f.v}${f.unit}`, f] as const))('%s', (_, f) => {
    const file = SEEDS[f.seed];
    const rows = store.sqlite
      .prepare(
        `select f.* from narrative_facts f join documents d on d.id = f.document_id
         where d.file = ? and f.line = ? and f.metric = ? and f.aspect = ?`,
      )
      .all(file, f.line, f.metric, f.aspect ?? 'amount') as { year: number; basis: string; amount_fen: number | null; value: number | null; unit: string; subject_code: string | null; change_fen: number | null; reason: string | null; raw_text: string }[];
    const found = rows.filter((r) => (f.year === undefined || r.year === f.year) && (f.subject === undefined || r.subject_code === f.subject));
    expect(found).toHaveLength(1);
    const fact = found[0]!;
    if (f.unit === '万元') expect(fact.amount_fen).toBe(wan(f.v));
    else expect(fact.value).toBe(Number(f.v));
    expect(fact.unit).toBe(f.unit);
    if (f.basis) expect(fact.basis).toBe(f.basis);
    if (f.changeFen !== undefined) expect(fact.change_fen).toBe(f.changeFen);
    if (f.reason !== undefined) {
      expect(fact.reason).toBe(f.reason);
      expect(rawLine(file, f.line)).toContain(f.reason);
    }
    // The number and its unit are printed on that line.
    expect(noSpaces(rawLine(file, f.line))).toContain(`${f.v}${f.unit}`);
    expect(noSpaces(fact.raw_text)).toContain(`${f.v}${f.unit}`);
  });
});

// ───────────────────────────── year-over-year changes in the prose ─────────────────────────────

interface ChangeSpot {
  seed: Seed;
  /** The line of the figure the change belongs to. */
  line: number;
  metric: string;
  subject?: string;
  /** The line printing the change (and its reason, when given): stored as change_line. */
  stated: number;
  /** The change as printed on that line, without spaces. */
  says: string;
  /** Only the basis, as printed without spaces: never the verb (`比 2022 年预算数增加` → 2022年预算数). */
  basis: string | null;
  direction: '增加' | '减少' | '持平' | '不可比';
  fen?: number;
  percent?: number;
  reason: string | null;
}

const CHANGES: ChangeSpot[] = [
  // `2023 年预算数比 2022 年预算数增加 18 万元`.
  { seed: 'shenyang', line: 727, metric: 'three_public.total', stated: 727, says: '比2022年预算数增加18万元', basis: '2022年预算数', direction: '增加', fen: wan('18'), reason: null },
  // `公务用车购置及运行费比 2022 年预算数增加 18 万元，主要是由于公务用车老旧需置换，…`: the 18 万元 after 主要是由于 is part of the reason.
  { seed: 'shenyang', line: 727, metric: 'three_public.vehicle', stated: 729, says: '公务用车购置及运行费比2022年预算数增加18万元', basis: '2022年预算数', direction: '增加', fen: wan('18'), reason: '公务用车老旧需置换，新增公务用车购置费用' },
  // `比 2022 年预算减少 0 万元，下降 0%`.
  { seed: 'shenyang', line: 735, metric: 'admin_operation', stated: 735, says: '比2022年预算减少0万元，下降0%', basis: '2022年预算', direction: '减少', percent: 0, reason: null },
  { seed: 'shenyang', line: 723, metric: 'expenditure.grand_total', stated: 723, says: '增加163399.99万元', basis: '2022年收支总预算', direction: '增加', fen: wan('163399.99'), reason: '增加了五项城乡居民基本医疗保险财政补助专项项目' },
  // `与2022年相比增加12万元，增加的主要原因是：…`.
  { seed: 'quyang', line: 434, metric: 'three_public.total', stated: 434, says: '与2022年相比增加12万元', basis: '2022年', direction: '增加', fen: wan('12'), reason: '增加公务用车购置经费' },
  // Under the heading `3、比上年增减情况` (line 424), the sentence itself says `较2022年预算`.
  { seed: 'quyang', line: 426, metric: 'expenditure.grand_total', stated: 426, says: '较2022年预算增加57.46万元', basis: '2022年预算', direction: '增加', fen: wan('57.46'), reason: null },
  { seed: 'quyang', line: 422, metric: 'basic', stated: 426, says: '基本支出增加40.05万元', basis: '2022年预算', direction: '增加', fen: wan('40.05'), reason: '增加人员经费支出' },
  // The reason follows the percent: `较上年增加71.74万元，增长49.94%，增长的主要原因是：单位新增人员`.
  { seed: 'lianhu', line: 200, metric: 'subject', subject: '2101501', stated: 200, says: '较上年增加71.74万元，增长49.94%', basis: '上年', direction: '增加', fen: wan('71.74'), percent: 49.94, reason: '单位新增人员' },
  { seed: 'lianhu', line: 270, metric: 'training', stated: 270, says: '较上年减少0.05万元，下降12.50%', basis: '上年', direction: '减少', fen: -wan('0.05'), percent: -12.5, reason: '压缩经费' },
  { seed: 'lianhu', line: 293, metric: 'admin_operation', stated: 293, says: '较上年增加3.74万元，增长67.02%', basis: '上年', direction: '增加', fen: wan('3.74'), percent: 67.02, reason: '单位新增人员' },
  // `（1）…（2080505）24.44万元，较上年不可比，上年基数为零，不可比的主要原因是：明细科目调整`.
  { seed: 'lianhu', line: 194, metric: 'subject', subject: '2080505', stated: 194, says: '较上年不可比', basis: null, direction: '不可比', reason: '明细科目调整' },
  { seed: 'lianhu', line: 202, metric: 'subject', subject: '2101504', stated: 202, says: '较上年无增减', basis: null, direction: '持平', reason: null },
  { seed: 'lianhu', line: 258, metric: 'three_public.total', stated: 258, says: '较上年无增减', basis: null, direction: '持平', reason: null },
  // `与上年相比，今年支出增加 822.57 万元，增长 129.10%，主要原因：增加城乡医疗救助资金`, a paragraph of its own.
  { seed: 'beipiao', line: 96, metric: 'expenditure.grand_total', stated: 104, says: '今年支出增加822.57万元，增长129.10%', basis: '上年', direction: '增加', fen: wan('822.57'), percent: 129.1, reason: '增加城乡医疗救助资金' },
  { seed: 'beipiao', line: 83, metric: 'income.grand_total', stated: 94, says: '今年收入总计增加822.57万元，增长129.10%', basis: '上年', direction: '增加', fen: wan('822.57'), percent: 129.1, reason: '增加城乡医疗救助资金' },
  { seed: 'beipiao', line: 166, metric: 'three_public.vehicle', stated: 166, says: '比上年减少0.84万元,降低33.60%', basis: '上年', direction: '减少', fen: -wan('0.84'), percent: -33.6, reason: '财务管理精细化,节约开支等原因' },
  { seed: 'beipiao', line: 180, metric: 'admin_operation', stated: 180, says: '比上年增加5.54万元，增长19.31%', basis: '上年', direction: '增加', fen: wan('5.54'), percent: 19.31, reason: '加强基金监管检查力度' },
  // Stated without a figure: `2024年因公出国(境)费与上年持平,主要原因是无因公出国(境)等`.
  { seed: 'beipiao', line: 160, metric: 'three_public.abroad', stated: 162, says: '因公出国(境)费与上年持平', basis: null, direction: '持平', reason: '无因公出国(境)等' },
  { seed: 'beipiao', line: 106, metric: 'expenditure.carry_forward', stated: 108, says: '今年结转结余持平', basis: null, direction: '持平', reason: '预算合理，财务管理精细化' },
];

describe('year-over-year changes stated in the prose, against their raw lines', () => {
  it.each(CHANGES.map((c) => [`${c.seed} line ${c.line} ${c.subject ?? c.metric}: ${c.basis ?? ''}${c.direction}`, c] as const))('%s', (_, c) => {
    const file = SEEDS[c.seed];
    const rows = store.sqlite
      .prepare(
        `select f.* from narrative_facts f join documents d on d.id = f.document_id
         where d.file = ? and f.line = ? and f.metric = ? and f.aspect = 'amount' and f.year = d.fiscal_year
           and (? is null or f.subject_code = ?)`,
      )
      .all(file, c.line, c.metric, c.subject ?? null, c.subject ?? null) as {
      compare_basis: string | null;
      change_direction: string | null;
      change_fen: number | null;
      change_percent: number | null;
      reason: string | null;
      change_line: number | null;
      change_raw_text: string | null;
    }[];
    const withChange = rows.filter((r) => r.change_direction !== null);
    expect(withChange).toHaveLength(1);
    const fact = withChange[0]!;
    expect(fact.compare_basis).toBe(c.basis);
    expect(fact.change_direction).toBe(c.direction);
    if (c.fen !== undefined) expect(fact.change_fen).toBe(c.fen);
    expect(fact.change_percent).toBe(c.percent ?? null);
    expect(fact.reason === null ? null : noSpaces(fact.reason)).toBe(c.reason === null ? null : noSpaces(c.reason));
    // The basis, the direction and the reason are printed where the change is stated.
    const stated = noSpaces(rawLine(file, c.stated));
    if (c.basis) expect(stated).toContain(c.basis);
    if (c.reason) expect(stated).toContain(noSpaces(c.reason));
    // The change is filed under the line stating it, with the sentence stating it.
    expect(fact.change_line).toBe(c.stated);
    expect(stated).toContain(c.says);
    expect(noSpaces(fact.change_raw_text ?? '')).toContain(c.says);
  });

  it('files every stated change under a line, and nothing else under one', () => {
    const rows = store.sqlite
      .prepare(
        `select count(*) as n,
                sum((change_line is null) = (change_direction is null and change_fen is null and change_percent is null)) as consistent,
                sum((change_line is null) = (change_raw_text is null)) as paired
         from narrative_facts`,
      )
      .get() as { n: number; consistent: number; paired: number };
    expect(rows.consistent).toBe(rows.n);
    expect(rows.paired).toBe(rows.n);
  });

  it('keeps a sub-item’s own bracket in a subject name: 莲湖 line 236 `机关资本性支出（一）（503）`', () => {
    const row = store.sqlite
      .prepare(
        `select f.subject_name from narrative_facts f join documents d on d.id = f.document_id
         where d.file = ? and f.line = 236 and f.subject_code = '503' and f.aspect = 'amount'`,
      )
      .get(SEEDS.lianhu) as { subject_name: string };
    expect(rawLine(SEEDS.lianhu, 236)).toContain('机关资本性支出（一）（503）');
    expect(row.subject_name).toBe('机关资本性支出（一）');
  });
});

// ───────────────────────────── dates figures stand at ─────────────────────────────

interface AsOfSpot {
  seed: Seed;
  line: number;
  metric: string;
  /** As printed before its unit. */
  v: string;
  unit: string;
  /** ISO date, or null where the sentence states none. */
  asOf: string | null;
  /** How the line states the date (without spaces); 上年底/上年末 is the year before the document's fiscal year. */
  says?: string;
}

const AS_OF: AsOfSpot[] = [
  // 莲湖 is a 2024 预算: `截止上年底，本部门人员编制20人，…实有人员14人`.
  { seed: 'lianhu', line: 166, metric: 'staff.authorized', v: '20', unit: '人', asOf: '2023-12-31', says: '截止上年底，本部门人员编制20人' },
  { seed: 'lianhu', line: 166, metric: 'staff.actual', v: '14', unit: '人', asOf: '2023-12-31', says: '截止上年底' },
  { seed: 'lianhu', line: 281, metric: 'vehicles.count', v: '0', unit: '辆', asOf: '2023-12-31', says: '截止上年底，本部门所属预算单位共有车辆0辆' },
  // The next sentence is the year's plan, not the stock: `当年部门预算安排购置车辆0辆`.
  { seed: 'lianhu', line: 281, metric: 'vehicles.planned_purchase', v: '0', unit: '辆', asOf: null },
  { seed: 'shenyang', line: 743, metric: 'vehicles.count', v: '2', unit: '辆', asOf: '2022-12-31', says: '截至2022年12月31日，沈阳市医疗保障事务服务中心共有车辆2辆' },
  // `2023 年单位预算安排购置车辆 1 台`: a purchase planned, stored apart from the 2 vehicles held.
  { seed: 'shenyang', line: 745, metric: 'vehicles.planned_purchase', v: '1', unit: '台', asOf: null },
  { seed: 'beipiao', line: 188, metric: 'vehicles.count', v: '1', unit: '辆', asOf: '2024-12-31', says: '截至2024年12月31日，共有车辆1辆' },
  // 北票 is a 2024 决算: `当年购置公务用车 0 辆。…截至年末…公务用车保有量 1 辆` — only what follows 截至年末 is dated.
  { seed: 'beipiao', line: 168, metric: 'vehicles.funded_count', v: '1', unit: '辆', asOf: '2024-12-31', says: '截至年末使用财政拨款开支运行维护费的公务用车保有量1辆' },
  { seed: 'beipiao', line: 168, metric: 'vehicles.planned_purchase', v: '0', unit: '辆', asOf: null },
  // 曲阳 is a 2023 预算: `上年末固定资产金额为 159.69 万元`; the next sentence plans this year's purchases.
  { seed: 'quyang', line: 676, metric: 'assets.total', v: '159.69', unit: '万元', asOf: '2022-12-31', says: '上年末固定资产金额为159.69万元' },
  { seed: 'quyang', line: 676, metric: 'assets.planned_purchase', v: '12.00', unit: '万元', asOf: null },
  { seed: 'quyang', line: 434, metric: 'three_public.total', v: '13.60', unit: '万元', asOf: null },
];

describe('the date a stated figure stands at, against its raw line', () => {
  it.each(AS_OF.map((a) => [`${a.seed} line ${a.line} ${a.metric} = ${a.v}${a.unit}: ${a.asOf ?? 'undated'}`, a] as const))('%s', (_, a) => {
    const file = SEEDS[a.seed];
    const rows = store.sqlite
      .prepare(
        `select f.amount_fen, f.value, f.unit, f.as_of, d.fiscal_year from narrative_facts f join documents d on d.id = f.document_id
         where d.file = ? and f.line = ? and f.metric = ? and f.aspect in ('amount', 'count')`,
      )
      .all(file, a.line, a.metric) as { amount_fen: number | null; value: number | null; unit: string; as_of: string | null; fiscal_year: number }[];
    expect(rows).toHaveLength(1);
    const fact = rows[0]!;
    if (a.unit === '万元') expect(fact.amount_fen).toBe(wan(a.v));
    else expect(fact.value).toBe(Number(a.v));
    expect(fact.unit).toBe(a.unit);
    expect(fact.as_of).toBe(a.asOf);
    const printed = noSpaces(rawLine(file, a.line));
    expect(printed).toContain(`${a.v}${a.unit}`);
    if (a.says) expect(printed).toContain(a.says);
    // A year's end named relative to the document resolves against its fiscal year.
    if (a.says && /上年[底末]/.test(a.says)) expect(a.asOf).toBe(`${fact.fiscal_year - 1}-12-31`);
    if (a.says && /截至年末/.test(a.says)) expect(a.asOf).toBe(`${fact.fiscal_year}-12-31`);
  });

  it('dates the figures of a table printed under `截止时间：…` (曲阳 部门固定资产占用情况表), and no other cell', () => {
    expect(rawLine(SEEDS.quyang, 682)).toBe('截止时间：2022-12-31');
    const cells = store.sqlite
      .prepare(
        `select li.line, li.raw_text, li.as_of, t.name, t.line_start from line_items li
         join source_tables t on t.id = li.table_id join documents d on d.id = li.document_id
         where d.file = ? and t.kind = 'assets' order by li.id`,
      )
      .all(SEEDS.quyang) as { line: number; raw_text: string; as_of: string | null; name: string; line_start: number }[];
    expect(cells.map((c) => [c.line, c.raw_text])).toEqual([
      [685, '435'],
      [685, '159.69'],
      [688, '3'],
      [688, '13.91'],
      [690, '432'],
      [690, '145.78'],
    ]);
    // The date line is printed between the table's title and its first row.
    const title = rawLines(SEEDS.quyang).slice(0, 682).lastIndexOf(cells[0]!.name) + 1;
    expect(title).toBeGreaterThan(0);
    expect(cells[0]!.line_start).toBeGreaterThan(682);
    for (const c of cells) {
      expect(c.as_of).toBe('2022-12-31');
      expect(rawLine(SEEDS.quyang, c.line)).toContain(c.raw_text);
    }
    const dated = store.sqlite.prepare(`select count(*) from line_items where as_of is not null`).pluck().get();
    expect(dated).toBe(cells.length);
  });
});

// ───────────────────────────── performance targets ─────────────────────────────

interface TargetSpot {
  seed: Seed;
  line: number;
  level1?: string;
  level2?: string;
  level3: string;
  operator: string | null;
  value: string;
  unit?: string | null;
  deadline?: string | null;
  actual?: string;
  score?: number;
  owner: string;
}

const TARGETS: TargetSpot[] = [
  { seed: 'fushun', line: 379, level1: '社会效应', level2: '社会效益', level3: '“两病”报销比例', operator: '>=', value: '65', unit: '%', deadline: '2024-12', owner: '抚顺市医疗保障局本级' },
  { seed: 'fushun', line: 469, level1: '产出指标', level2: '质量指标', level3: '医保信息系统重大安全事件响应时间', operator: '<=', value: '60', unit: '分钟', deadline: '2024-12', owner: '下达医疗服务与保障能力提升补助（医疗保障服务能力提升部分）资金' },
  // On a page of 表17 that repeats no header: still the 大型会议、培训经费 block.
  { seed: 'fushun', line: 831, level1: '效益指标', level2: '可持续影响指标', level3: '政策可持续性', operator: null, value: '基金可控', deadline: '2024-12', owner: '大型会议、培训经费（保运转）' },
  { seed: 'lianhu', line: 649, level3: '公务员医疗人员', operator: '≤', value: '16096人', owner: '公务员医疗救助' },
  { seed: 'lianhu', line: 652, level2: '成本指标', level3: '公务员医疗救助', operator: null, value: '100万元', owner: '公务员医疗救助' },
  { seed: 'shenyang', line: 529, level3: '城乡居民基本医疗保险参保补助人数', operator: '>=', value: '400.08', unit: '万人', deadline: '2023-12', owner: '政府专项-城乡居民医疗保险补助' },
  // Printed `可持续影响指标 | 对健全社会救助体系影响 | | 成效明显` with its deadline cell empty.
  { seed: 'shenyang', line: 646, level3: '对健全社会救助体系影响', operator: null, value: '成效明显', owner: '2023年省财政城乡医疗救助补助直达资金（辽财指社（2022）684号' },
  // `$\leq$` in the raw line.
  { seed: 'beipiao', line: 675, level1: '预算执行', level3: '预算调整率', operator: '<=', value: '5', unit: '%', actual: '5', score: 1.6, owner: '北票市医疗保障局' },
  // 整体绩效自评表 rows under its 运算符号 and 度量单位 columns: the operator and unit from those columns.
  { seed: 'beipiao', line: 668, level1: '履职效能', level3: '重点工作办结率', operator: '=', value: '100', unit: '%', actual: '100', score: 3.5, owner: '北票市医疗保障局' },
  { seed: 'beipiao', line: 692, level3: '社会公众投诉次数', operator: '<=', value: '1', unit: '次', actual: '1', score: 4, owner: '北票市医疗保障局' },
  { seed: 'beipiao', line: 741, level3: '预算执行率', operator: '=', value: '100', unit: '%', actual: '100', score: 1.6, owner: '北票市医疗保障事务服务中心' },
  // Its levels one column to the left (管理效率 under 绩效指标): read by content, never `=` as the indicator.
  { seed: 'beipiao', line: 744, level1: '管理效率', level2: '预算编制管理', level3: '预算绩效目标覆盖率', operator: '=', value: '100', unit: '%', actual: '100', score: 0.7, owner: '北票市医疗保障事务服务中心' },
  { seed: 'beipiao', line: 753, level1: '社会效应', level2: '社会效益', level3: '城乡居民基本医保参保率', operator: '>=', value: '99', unit: '%', actual: '99', score: 6.6, owner: '北票市医疗保障事务服务中心' },
  { seed: 'beipiao', line: 708, level3: '异地就医经办人员业务培训人次', operator: '=', value: '40', unit: '人', actual: '40', score: 10, owner: '2024年医保基金监管经费' },
  { seed: 'quyang', line: 517, level2: '成本指标', level3: '公益岗人均月补助标准', operator: '≥', value: '2731.94元', owner: '医保局公益性岗位人员经费' },
];

describe('performance targets, against their raw line', () => {
  it.each(TARGETS.map((t) => [`${t.seed} line ${t.line} ${t.level3} ${t.operator ?? ''} ${t.value}`, t] as const))('%s', (_, t) => {
    const file = SEEDS[t.seed];
    const found = store.sqlite
      .prepare(
        `select pt.*, o.name as owner from performance_targets pt join performance_owners o on o.id = pt.owner_id
         join documents d on d.id = pt.document_id where d.file = ? and pt.line = ?`,
      )
      .all(file, t.line) as { level1: string | null; level2: string | null; level3: string; operator: string | null; target_value: string; target_unit: string | null; deadline: string | null; actual_value: string | null; score: number | null; owner: string; raw_text: string }[];
    expect(found).toHaveLength(1);
    const target = found[0]!;
    expect(target.level3).toBe(t.level3);
    expect(target.operator).toBe(t.operator);
    expect(target.target_value).toBe(t.value);
    expect(target.owner).toBe(t.owner);
    if (t.level1) expect(target.level1).toBe(t.level1);
    if (t.level2) expect(target.level2).toBe(t.level2);
    if (t.unit !== undefined) expect(target.target_unit).toBe(t.unit);
    if (t.deadline !== undefined) expect(target.deadline).toBe(t.deadline);
    if (t.actual) expect(target.actual_value).toBe(t.actual);
    if (t.score !== undefined) expect(target.score).toBe(t.score);
    const line = noSpaces(rawLine(file, t.line));
    expect(line).toContain(noSpaces(t.level3));
    expect(line).toContain(noSpaces(t.value));
    expect(target.raw_text).toBe(rawLine(file, t.line));
  });
});

// ───────────────────────────── units, projects, owners ─────────────────────────────

describe('units and projects', () => {
  const units = (seed: Seed) =>
    store.sqlite
      .prepare('select u.code, u.name, u.role from units u join documents d on d.id = u.document_id where d.file = ? order by u.id')
      .raw()
      .all(SEEDS[seed]);

  it('reads the department and its sub-units with their codes', () => {
    // 071001抚顺市医疗保障局本级 (line 354), 071002抚顺市医疗保障事务服务中心 (line 384).
    expect(units('fushun')).toEqual([
      [null, '抚顺市医疗保障局', 'department'],
      ['071001', '抚顺市医疗保障局本级', 'subunit'],
      ['071002', '抚顺市医疗保障事务服务中心', 'subunit'],
    ]);
    // 578002 沈阳市医疗保障事务服务中心 (lines 126, 454).
    expect(units('shenyang')).toEqual([['578002', '沈阳市医疗保障事务服务中心', 'department']]);
    // 806001 / 806002 (lines 657, 723).
    expect(units('beipiao')).toEqual([
      [null, '辽宁省朝阳市北票市医疗保障局', 'department'],
      ['806001', '北票市医疗保障局', 'subunit'],
      ['806002', '北票市医疗保障事务服务中心', 'subunit'],
    ]);
    // 473 曲阳县医疗保障局 (line 32), 部门机构设置情况 (lines 408–410).
    expect(units('quyang')).toEqual([
      ['473', '曲阳县医疗保障局', 'department'],
      [null, '曲阳县医疗保险所', 'subunit'],
      [null, '曲阳县城乡居民基本医疗保险管理服务中心', 'subunit'],
    ]);
  });

  it('nests 莲湖 表10 projects by their sums (专用项目 → 财政补助公务员医疗 → 公务员医疗救助)', () => {
    const rows = store.sqlite
      .prepare(
        `select p.line, p.name, parent.name as parent from projects p left join projects parent on parent.id = p.parent_id
         join documents d on d.id = p.document_id where d.file = ? and p.line between 592 and 601 order by p.line`,
      )
      .raw()
      .all(SEEDS.lianhu);
    expect(rows).toEqual([
      [592, '专用项目', null],
      [593, '财政补助公务员医疗', '专用项目'],
      [594, '公务员医疗救助', '财政补助公务员医疗'],
      [595, '基金监管创新建设', '专用项目'],
      [596, '医保信息化建设', '基金监管创新建设'],
      [597, '医保档案管理', '专用项目'],
      [598, '医保档案管理', '医保档案管理'],
      [599, '医疗保险经办机构经费', '专用项目'],
      [600, '医保工作经费补助', '医疗保险经办机构经费'],
      [601, '医疗保险经办机构经费', '医疗保险经办机构经费'],
    ]);
  });

  it('files each 抚顺 表9 project under the unit subtotal printed above it', () => {
    const rows = store.sqlite
      .prepare(
        `select p.line, u.name from projects p join units u on u.id = p.unit_id join documents d on d.id = p.document_id
         where d.file = ? and p.table_id is not null and p.line between 230 and 346 order by p.line`,
      )
      .raw()
      .all(SEEDS.fushun) as [number, string][];
    expect(rows).toHaveLength(22);
    for (const [line, unit] of rows) expect(unit).toBe(line < 278 ? '抚顺市医疗保障局本级' : '抚顺市医疗保障事务服务中心');
  });

  it('reads the 北票 self-evaluation scores and execution rates (lines 700–717)', () => {
    const owner = store.sqlite
      .prepare(
        `select o.indicator_score, o.execution_score, o.deduction, o.total_score, o.execution_rate, p.name as project
         from performance_owners o join documents d on d.id = o.document_id left join projects p on p.id = o.project_id
         where d.file = ? and o.line = 700`,
      )
      .get(SEEDS.beipiao);
    // `指标自评得分小计 90 … 预算执行率得分 7.56 减分项 8.5573 绩效自评总得分 89`, `执行率 75.57%`.
    expect(owner).toEqual({ indicator_score: 90, execution_score: 7.56, deduction: 8.5573, total_score: 89, execution_rate: '75.57%', project: '2024年医保基金监管经费' });
    expect(rawLine(SEEDS.beipiao, 717)).toContain('8.5573');
    expect(rawLine(SEEDS.beipiao, 703)).toContain('75.57%');
  });

  it('links each 抚顺 表17 block to the 表9 project of its 实施单位 (lines 460–462 → line 235; 754–756 → line 309)', () => {
    // Two projects share the name 下达医疗服务与保障能力提升补助（医疗保障服务能力提升部分）资金:
    // 226.00 under 抚顺市医疗保障局本级 (表9 line 235) and 60.00 under the 服务中心 (表9 line 309);
    // the 表17 blocks name their 实施单位 (lines 461, 755) and print the same amounts (lines 462, 756).
    const linked = store.sqlite
      .prepare(
        `select li.line, p.line as project_line, u.name as unit from line_items li join documents d on d.id = li.document_id
         left join projects p on p.id = li.project_id left join units u on u.id = p.unit_id
         where d.file = ? and li.line in (462, 756) and li.metric = 'project.budget' order by li.line`,
      )
      .raw()
      .all(SEEDS.fushun);
    expect(linked).toEqual([
      [462, 235, '抚顺市医疗保障局本级'],
      [756, 309, '抚顺市医疗保障事务服务中心'],
    ]);
  });

  it('takes no header row of 曲阳 部门政府采购预算 page 2 (lines 664–665) for a project', () => {
    const names = store.sqlite
      .prepare('select p.name from projects p join documents d on d.id = p.document_id where d.file = ?')
      .pluck()
      .all(SEEDS.quyang) as string[];
    expect(noSpaces(rawLine(SEEDS.quyang, 664))).toContain('政府采购项目来源');
    expect(noSpaces(rawLine(SEEDS.quyang, 665))).toMatch(/^项目名称/);
    expect(names).not.toContain('政府采购项目来源');
    expect(names).not.toContain('项目名称');
  });
});

// ───────────────────────────── page fragments ─────────────────────────────

describe('抚顺 表9’s truncated page fragments', () => {
  it('are pages of 表9 (title cut to 项目支出预), with headers only and no figure', () => {
    const segments = store.sqlite
      .prepare(
        `select s.line_start, s.line_end from table_segments s join source_tables t on t.id = s.table_id join documents d on d.id = t.document_id
         where d.file = ? and t.number = '表9' order by s.line_start`,
      )
      .raw()
      .all(SEEDS.fushun) as [number, number][];
    expect(segments).toEqual([
      [230, 237],
      [247, 252],
      [262, 265],
      [275, 279],
      [289, 295],
      [305, 311],
      [317, 318],
      [324, 325],
      [331, 332],
      [338, 339],
      [345, 346],
    ]);
    for (const [start] of segments.slice(6)) {
      expect(rawLine(SEEDS.fushun, start - 4)).toBe('项目支出预');
      expect(rawLine(SEEDS.fushun, start)).toMatch(/^上年结转结余/);
    }
    const fromFragments = store.sqlite
      .prepare(`select count(*) from line_items li join documents d on d.id = li.document_id where d.file = ? and li.line between 313 and 346`)
      .pluck()
      .get(SEEDS.fushun);
    expect(fromFragments).toBe(0);
  });
});

// ───────────────────────────── row labels and codes ─────────────────────────────

describe('row labels and subject codes', () => {
  it('reads 莲湖 表6 and 表8 合计 rows as totals (合计 printed in the 政府经济科目名称 column, lines 468, 524)', () => {
    for (const line of [468, 524]) expect(rawLine(SEEDS.lianhu, line).split('\t').map((c) => c.trim())).toContain('合计');
    const rows = store.sqlite
      .prepare(
        `select li.line, li.row_label, li.level from line_items li join documents d on d.id = li.document_id
         where d.file = ? and li.line in (468, 524) group by li.line order by li.line`,
      )
      .raw()
      .all(SEEDS.lianhu);
    expect(rows).toEqual([
      [468, '合计', 'total'],
      [524, '合计', 'total'],
    ]);
  });

  it('gives a subject code only of the classification its column is in (2xx 功能, 3xx 部门经济, 5xx 政府经济)', () => {
    // 莲湖 表1/表4 print 9、对个人和家庭的补助 in the 政府预算支出经济分类 column (lines 358, 414): its code is 509, never 303.
    const wrong = store.sqlite
      .prepare(
        `select d.file, li.line, li.row_label, li.classification, li.subject_code from line_items li join documents d on d.id = li.document_id
         where li.subject_code is not null and (
           (li.classification = '功能分类' and substr(li.subject_code, 1, 1) <> '2') or
           (li.classification = '部门经济分类' and substr(li.subject_code, 1, 1) not in ('3', '0')) or
           (li.classification = '政府经济分类' and substr(li.subject_code, 1, 1) <> '5'))
         group by d.file, li.line, li.row_label`,
      )
      .raw()
      .all();
    expect(wrong).toEqual([]);
  });

  it('tags 曲阳 政府采购 中小微企业份额 figures as that share, not as 非财政拨款结转结余 (lines 652–670)', () => {
    // The share is the last figure of each row (40.92 of 41.20 on line 654); 非财政拨款结转结余 has none.
    const scopes = store.sqlite
      .prepare(
        `select distinct li.scope from line_items li join documents d on d.id = li.document_id
         where d.file = ? and li.column_key = 'sme_reserved'`,
      )
      .pluck()
      .all(SEEDS.quyang) as string[];
    expect(scopes.length).toBeGreaterThan(0);
    for (const s of scopes) expect(s.split(',')).not.toContain('nonfiscal');
  });
});
