// Department and township reports follow their own rules (督察工作规定): whom they report to, who
// the first responsible person is, the three-part form a township may use, the title pattern;
// and the rules about roll-up and responsibility fields that only some parts may hold.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostic.js';
import { renderValidated, validateText } from '../src/pipeline.js';
import { readDocx } from './helpers/docx.js';

function messages(text: string): string[] {
  return validateText(text, 'r.yaml').diagnostics.map(formatDiagnostic);
}

const DEPARTMENT = `level: department
year: 2024
unit:
  name: 测试区司法局
  short: 区司法局
recipients:
  - 中共测试区委
  - 测试区人民政府
  - 测试市司法局
measures:
  intro: 全年审核规范性文件12件。
shortcomings:
  intro: 审核力量不足。
duties:
  intro: 局党组书记、局长履行推进法治建设第一责任人职责。
plans:
  items:
    - 加强合法性审核。
signatories:
  - 测试区司法局
date: 2025-01-10
`;

const TOWN = `level: town
year: 2024
unit:
  name: 测试区东城街道办事处
  short: 东城街道
recipients:
  - 中共测试区委
  - 测试区人民政府
measures:
  groups:
    - heading: 落实第一责任人职责
      paragraphs: 街道党工委书记、办事处主任履行推进法治建设第一责任人职责，带头学法述法。
    - heading: 规范综合行政执法
      paragraphs: 全年办理行政处罚案件130件。
shortcomings:
  intro: 执法人员专业能力不足。
plans:
  items:
    - 加强执法队伍建设。
signatories:
  - 测试区东城街道办事处
date: 2025-01-10
`;

const swap = (text: string, from: string, to: string): string => {
  if (!text.includes(from)) throw new Error(`fixture lacks ${from}`);
  return text.replace(from, to);
};

describe('levels: who reports to whom', () => {
  it('accepts a department report to 区委, 区政府 and the 上一级主管部门, and a township report to 区委, 区政府', () => {
    expect(messages(DEPARTMENT)).toEqual([]);
    expect(messages(TOWN)).toEqual([]);
  });

  it('warns when a department does not report to the department above it', () => {
    expect(messages(swap(DEPARTMENT, '  - 测试市司法局\n', ''))).toEqual([
      'r.yaml:7:3 警告 政府部门的年度报告应报送本级党委和政府，并报上一级政府有关部门；主送机关中没有上一级政府有关部门（例如：示例市司法局）。',
    ]);
  });

  it('warns when a township does not report to the district government, and when there is no 主送机关 at all', () => {
    expect(messages(swap(TOWN, '  - 测试区人民政府\n', ''))).toEqual([
      'r.yaml:7:3 警告 乡镇街道的年度报告应报送区（县）委、区（县）政府；主送机关中没有本级政府（例如：示例区人民政府）。',
    ]);
    expect(messages(swap(TOWN, 'recipients:\n  - 中共测试区委\n  - 测试区人民政府\n', ''))).toEqual([
      'r.yaml:1:8 警告 乡镇街道的年度报告应报送区（县）委、区（县）政府；主送机关中没有本级党委（例如：中共示例区委）、本级政府（例如：示例区人民政府）。',
    ]);
  });
});

describe('levels: the first responsible person and the three-part form', () => {
  it('lets a township leave out duties when its work report covers the first responsible person', async () => {
    const result = validateText(TOWN, 'r.yaml');
    expect(result.diagnostics).toEqual([]);
    const rendered = await renderValidated(result);
    const texts = (await readDocx(rendered.docx!)).paragraphs.map((p) => p.text);
    // Three parts, numbered 一、二、三, with the township template's headings and title.
    expect(texts.filter((t) => /^[一二三四五]、/.test(t))).toEqual(['一、2024年法治政府建设工作情况', '二、存在的不足和原因', '三、2025年工作安排']);
    expect(texts.join('')).toContain('测试区东城街道办事处关于2024年度法治政府建设情况的报告');
  });

  it('warns a township that leaves out duties without saying who carried them', () => {
    const text = swap(swap(TOWN, '落实第一责任人职责', '加强组织领导'), '履行推进法治建设第一责任人职责，', '');
    expect(messages(text)).toEqual([
      'r.yaml:9:1 警告 没有写“duties”（第一责任人职责情况）时，应在“measures”（工作情况）中写明镇党委书记、镇长（街道党工委书记、办事处主任）履行推进法治建设第一责任人职责的情况，例如单列一个小标题。',
    ]);
  });

  it('requires duties of a department, at the top of the file', () => {
    expect(messages(swap(DEPARTMENT, 'duties:\n  intro: 局党组书记、局长履行推进法治建设第一责任人职责。\n', ''))).toEqual([
      'r.yaml:1:1 错误 缺少必填项“duties”（第一责任人职责情况）。',
    ]);
  });

  it('warns when the duties part names nobody', () => {
    expect(messages(swap(DEPARTMENT, '局党组书记、局长履行推进法治建设第一责任人职责。', '全年研究法治工作4次。'))).toEqual([
      'r.yaml:14:1 警告 “duties”（第一责任人职责情况）没有写明是谁履行职责：应写党政主要负责人（局党组书记、局长）履行推进法治建设第一责任人职责的情况。',
    ]);
  });

  it('titles a department report “单位+年度+法治政府建设年度报告” by default', async () => {
    const rendered = await renderValidated(validateText(DEPARTMENT, 'r.yaml'));
    expect(rendered.document!.title).toBe('测试区司法局2024年法治政府建设年度报告');
  });

  it('warns at a title without the year or the unit', () => {
    expect(messages(swap(DEPARTMENT, 'recipients:', 'title: 关于法治政府建设情况的报告\nrecipients:'))).toEqual([
      'r.yaml:6:8 警告 标题没有写报告年度 2024，没有写单位名称“测试区司法局”。这一层级的标题通常写作“示例区司法局2024年法治政府建设年度报告”；不写 title 时按模板自动生成。',
    ]);
  });
});

describe('rules for figures and the responsibility breakdown', () => {
  const withMetric = (metric: string): string => `${DEPARTMENT}metrics:\n  - ${metric}\n`;

  it('lets only a district roll figures up', () => {
    expect(messages(withMetric('{ id: penalty_cases, label: 行政处罚, unit: 件, rollup: sum }'))).toEqual([
      'r.yaml:23:56 错误 只有区县报告可以从下级报告汇总数据；这是政府部门的报告，请填写 value（数值）并删除 rollup。',
    ]);
  });

  it('requires a value unless the figure is rolled up, and refuses both', () => {
    expect(messages(withMetric('{ id: penalty_cases, label: 行政处罚, unit: 件 }'))).toEqual(['r.yaml:23:5 错误 缺少必填项“value”（数值）。']);
    const district = (metric: string): string => `level: district\nyear: 2024\nunit: { name: 测试区人民政府, short: 测试区 }\nmeasures: { intro: 工作。 }\nshortcomings: { intro: 不足。 }\nduties: { intro: 区长带头学法。 }\nplans: { intro: 2025年安排。 }\ndate: 2025-01-10\nmetrics:\n  - ${metric}\n`;
    expect(messages(district('{ id: rate, label: 纠错率, value: 3, unit: "%", rollup: sum }'))).toEqual([
      'r.yaml:10:29 错误 “纠错率”由下级报告汇总（rollup: sum），不要再填写 value；如要直接填写数值，请删除 rollup。',
      'r.yaml:10:58 错误 “纠错率”是百分比，各单位的百分比相加没有意义；请改用 avg（平均）、max（最大值）或 min（最小值），或汇总件数后再计算比率。',
    ]);
    expect(messages(district('{ id: rate, label: 纠错率, unit: "%", rollup: total }'))).toEqual([
      'r.yaml:10:48 错误 “rollup”（从下级报告汇总）的值“total”无效，只能是：sum（合计）、avg（平均）、max（最大值）、min（最小值）、count（填报单位数）。',
    ]);
  });

  it('keeps 牵头单位 and 完成时限 to the plans part, and checks their year', () => {
    const misplaced = swap(DEPARTMENT, 'measures:\n  intro: 全年审核规范性文件12件。', 'measures:\n  items:\n    - text: 全年审核规范性文件12件。\n      lead_unit: 区司法局');
    expect(messages(misplaced)).toEqual(['r.yaml:13:7 错误 “lead_unit”（牵头单位）只能写在“plans”（下一年度主要安排）的分项中，这里是“measures”。']);
    const late = swap(DEPARTMENT, '    - 加强合法性审核。', '    - text: 加强合法性审核。\n      lead_unit: 区司法局\n      deadline: 2024年底前');
    expect(messages(late)).toEqual([
      // No units.yaml beside or above the file: the names cannot be checked, which is said once.
      'r.yaml:19:18 警告 没有找到单位名册（units.yaml），无法核对牵头单位和配合单位的名称；请建立单位名册，写明各部门和乡镇街道的名称。',
      'r.yaml:20:17 警告 完成时限“2024年底前”不在 2025 年内：下一年度主要安排的任务应在 2025 年完成，请核对年份。',
    ]);
  });
});
