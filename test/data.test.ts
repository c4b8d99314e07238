// The data layer below the stages: one walk over parts, groups and items, an item as text, the
// folder layout of data/, edit distance. Every stage reads the report through these.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editDistance } from '../src/data/distance.js';
import { levelOfFolder, reportPath, shiftYearPath } from '../src/data/folders.js';
import { isLevel, PART_KEYS, PART_NAMES, type ReportData } from '../src/data/report.js';
import { itemText, normalizeParagraph } from '../src/data/text.js';
import { allGroups, eachString, partItems, reportTexts, visitReport } from '../src/data/visit.js';
import { newYearText } from '../src/new-year/index.js';
import { MINIMAL } from './helpers/minimal.js';

const nested = parse(`
level: district
year: 2024
unit: { name: 测试区人民政府, short: 测试区 }
preamble: 导语
closing: 特此报告。
plans:
  heading: 明年安排
  intro: 总体要求
  items: [甲]
  groups:
    - heading: 一组
      paragraphs: [段一, 段二]
      items:
        - { lead: 引, text: 文 }
      groups:
        - heading: 子组
          items: [乙]
`) as ReportData;

describe('visitReport', () => {
  it('visits every text in document order with its pointer, role, part and heading level', () => {
    expect(reportTexts(nested).map((t) => [t.pointer, t.role, t.part, t.level, t.text])).toEqual([
      ['/preamble', 'paragraph', 'preamble', 1, '导语'],
      ['/plans/heading', 'part-heading', 'plans', 1, '明年安排'],
      ['/plans/intro', 'paragraph', 'plans', 1, '总体要求'],
      ['/plans/items/0', 'item', 'plans', 1, '甲'],
      ['/plans/groups/0/heading', 'group-heading', 'plans', 2, '一组'],
      ['/plans/groups/0/paragraphs/0', 'paragraph', 'plans', 2, '段一'],
      ['/plans/groups/0/paragraphs/1', 'paragraph', 'plans', 2, '段二'],
      ['/plans/groups/0/items/0/lead', 'lead', 'plans', 2, '引'],
      ['/plans/groups/0/items/0/text', 'paragraph', 'plans', 2, '文'],
      ['/plans/groups/0/groups/0/heading', 'group-heading', 'plans', 3, '子组'],
      ['/plans/groups/0/groups/0/items/0', 'item', 'plans', 3, '乙'],
      ['/closing', 'paragraph', 'closing', 1, '特此报告。'],
    ]);
  });

  it('gives items the headings above them and groups their level', () => {
    expect(partItems(nested.plans, 'plans').map((i) => [i.pointer, i.headings])).toEqual([
      ['/plans/items/0', []],
      ['/plans/groups/0/items/0', ['一组']],
      ['/plans/groups/0/groups/0/items/0', ['一组', '子组']],
    ]);
    expect(allGroups(nested).map((g) => [g.pointer, g.level])).toEqual([
      ['/plans/groups/0', 2],
      ['/plans/groups/0/groups/0', 3],
    ]);
  });

  it('visits a group before what it holds', () => {
    const order: string[] = [];
    visitReport(nested, { part: (_, p) => order.push(`part ${p.pointer}`), group: (g) => order.push(`group ${g.heading}`), item: (_, p) => order.push(`item ${p.pointer}`) });
    expect(order).toEqual(['part /plans', 'item /plans/items/0', 'group 一组', 'item /plans/groups/0/items/0', 'group 子组', 'item /plans/groups/0/groups/0/items/0']);
  });

  it('finds strings in data the schema has not accepted, with escaped pointers', () => {
    const found: string[] = [];
    eachString({ 'a/b': ['x', { '~c': 'y' }], n: 3 }, '', (text, pointer) => found.push(`${pointer}=${text}`));
    expect(found).toEqual(['/a~1b/0=x', '/a~1b/1/~0c=y']);
  });
});

describe('an item as text', () => {
  it('ends the lead and the text with a sentence mark, once', () => {
    expect(itemText('完善制度')).toBe('完善制度。');
    expect(itemText('完善制度；')).toBe('完善制度；');
    expect(itemText({ lead: '规范决策', text: '审议5项' })).toBe('规范决策。审议5项。');
    expect(itemText({ lead: '规范决策：', text: '审议5项。' })).toBe('规范决策：审议5项。');
  });

  it('is the same in next year’s draft as in the report: a carried-over promise ends with its sentence mark', () => {
    const source = MINIMAL.replace('    - 完善行政执法协调监督工作体系。', '    - lead: 完善执法体系\n      text: 健全协调监督机制');
    const { text } = newYearText(source, parse(source) as ReportData, { sourceLabel: 'r.yaml', schemaRef: 'schema.json' });
    const items = (parse(text) as ReportData).measures!.groups!.flatMap((g) => g.items ?? []);
    expect(items.map((i) => normalizeParagraph(i as string))).toContain('【待填写】2024年报告提出的安排：完善执法体系。健全协调监督机制。——请填写落实情况');
  });
});

describe('names and the folder layout of data/', () => {
  it('names each part once, levels once', () => {
    expect(PART_KEYS.map((k) => PART_NAMES[k])).toEqual(['主要举措和成效', '存在的不足和原因', '第一责任人职责情况', '下一年度主要安排', '其他需要报告的情况']);
    expect(['district', 'department', 'town', 'city', 3].map(isLevel)).toEqual([true, true, true, false, false]);
  });

  it('finds last year’s and next year’s file by the last folder named after the year', () => {
    expect(shiftYearPath('data/示例区/2024/departments/教育局.yaml', 2024, -1)).toBe('data/示例区/2023/departments/教育局.yaml');
    expect(shiftYearPath('D:\\2024\\报告\\2024\\report.yaml', 2024, 1)).toBe('D:\\2024\\报告\\2025\\report.yaml');
    expect(shiftYearPath('data/2021—2024年/report.yaml', 2024, 1)).toBeUndefined();
  });

  it('places new reports and knows the sub-report folders', () => {
    expect(reportPath('town', '示例区', 2025, '青山镇').split(/[\\/]/)).toEqual(['data', '示例区', '2025', 'towns', '青山镇.yaml']);
    expect(reportPath('district', '示例区', 2025, '示例区').split(/[\\/]/)).toEqual(['data', '示例区', '2025', 'report.yaml']);
    expect(['departments', 'towns', 'report'].map(levelOfFolder)).toEqual(['department', 'town', undefined]);
  });

  it('measures edit distance for “是否应为……？”', () => {
    expect(editDistance('区司法局', '区司法厅')).toBe(1);
    expect(editDistance('yaer', 'year')).toBe(2);
    expect(editDistance('', '教育局')).toBe(3);
  });
});
