// The rules that read what the pipeline found around the file (src/check/context.ts): the year
// of its folder, the district's roster, last year's report. Each gets its context with the case,
// as the pipeline passes it; the messages and positions are what `fazhi validate` prints.
import type { PreviousContext, RosterContext, UnitLookup } from '../src/check/context.js';
import { assignmentsNoRoster, assignmentsUnknownUnit } from '../src/check/rules/assignments-roster.js';
import { previousRefs, previousTable } from '../src/check/rules/previous-year.js';
import { reuse } from '../src/check/rules/reuse.js';
import { titleLinesComposed } from '../src/check/rules/title-lines.js';
import { yearFolder } from '../src/check/rules/year-folder.js';
import type { ReportData } from '../src/data/report.js';
import { loadReportText } from '../src/load/index.js';
import { lastYearMatcher } from '../src/reuse/index.js';
import { matchUnitName, type Roster } from '../src/roster/index.js';
import { MINIMAL } from './helpers/minimal.js';
import { ruleTester } from './helpers/rule-tester.js';

/** MINIMAL with one line replaced (the line must be there). */
function edit(from: string, to: string, base = MINIMAL): string {
  if (!base.includes(from)) throw new Error(`not in the report: ${from}`);
  return base.replace(from, to);
}

const PLAN = '    - 完善行政执法协调监督工作体系。';
const assigned = (lead: string, support?: string): string =>
  edit(PLAN, `    - text: 完善行政执法协调监督工作体系。\n      lead_unit: ${lead}${support ? `\n      support_units: [${support}]` : ''}`);

// A roster as units.yaml gives it, looked up with the project's own matching (as the pipeline does).
const ROSTER: Roster = {
  path: 'data/测试区/units.yaml',
  district: '测试区',
  units: [
    { name: '测试区司法局', short: '区司法局', level: 'department', pointer: '/departments/0' },
    { name: '测试区财政局', short: '区财政局', level: 'department', pointer: '/departments/1' },
    { name: '测试街道办事处', level: 'town', pointer: '/towns/0' },
  ],
};
const lookup = (name: string): UnitLookup => {
  const m = matchUnitName(name, ROSTER);
  return m.units ? { known: true } : { known: false, ...(m.suggestion ? { suggestion: m.suggestion } : {}) };
};
const FOUND: RosterContext = { found: true, file: 'data/测试区/units.yaml', match: lookup };

ruleTester(yearFolder, {
  valid: [
    { name: 'in its year’s folder', yaml: MINIMAL, context: { folderYear: 2024 } },
  ],
  invalid: [
    {
      name: 'copied from last year’s folder',
      yaml: MINIMAL,
      context: { folderYear: 2025 },
      errors: [{ message: '报告年度（year）写的是 2024，但这个文件在 2025 年的文件夹中。请核对：如果是 2025 年的报告，把 year 改为 2025；如果是 2024 年的报告，请把文件移到 2024 年的文件夹。', line: 2, column: 7 }],
    },
  ],
});

ruleTester(assignmentsNoRoster, {
  context: { roster: { found: false, expected: 'data/units.yaml' } },
  valid: [
    { name: 'a roster was found', yaml: assigned('区司法局'), context: { roster: FOUND } },
    { name: 'the roster has errors of its own', yaml: assigned('区司法局'), context: { roster: { found: true, file: 'data/测试区/units.yaml' } } },
    { name: 'no units named', yaml: MINIMAL },
  ],
  invalid: [
    {
      name: 'units named, no roster: said once, at the first lead unit',
      yaml: edit(PLAN, `    - text: 甲任务。\n      lead_unit: 区司法局\n    - text: 乙任务。\n      lead_unit: 区财政局`),
      errors: [{ message: '没有找到单位名册（data/units.yaml），无法核对牵头单位和配合单位的名称；请建立单位名册，写明各部门和乡镇街道的名称。', line: 22, column: 18 }],
    },
  ],
});

ruleTester(assignmentsUnknownUnit, {
  context: { roster: FOUND },
  valid: [
    { name: 'short names and a collective name', yaml: assigned('区司法局', '区财政局, 各镇（街道）') },
    { name: 'full names', yaml: assigned('测试区司法局', '测试街道办事处') },
    { name: 'no roster found (the other rule says so)', yaml: assigned('区公安局'), context: { roster: { found: false, expected: 'data/units.yaml' } } },
  ],
  invalid: [
    {
      name: 'a slip in a lead unit, with the closest name',
      yaml: assigned('区司发局'),
      errors: [{ message: '牵头单位“区司发局”不在单位名册（data/测试区/units.yaml）中，是否应为“区司法局”？', line: 22, column: 18 }],
    },
    {
      name: 'an unknown supporting unit, at its place in the list',
      yaml: assigned('区司法局', '区财政局, 区气象局'),
      errors: [{ message: '配合单位“区气象局”不在单位名册（data/测试区/units.yaml）中，请使用名册中的名称或简称，或把这个单位加入名册。', line: 23, column: 29 }],
    },
  ],
});

// Last year's report, loaded as the pipeline loads it, and matched with the project's own index.
const LONG = '区委书记主持召开区委全面依法治区委员会会议，审议年度工作要点和重点任务分工，部署全年法治政府建设工作。';
const withText = (text: string): string => edit('text: 全年审议重大行政决策事项5项。', `text: ${text}`);
const lastYear = loadReportText(new TextEncoder().encode(withText(LONG).replace('year: 2024', 'year: 2023')), 'data/测试区/2023/report.yaml');
const FIGURES = '全年办理行政复议案件120件，依法纠正违法或者不当的行政行为，切实保障人民群众的合法权益。';
const lastYearFigures = loadReportText(new TextEncoder().encode(withText(FIGURES).replace('year: 2024', 'year: 2023')), 'data/测试区/2023/report.yaml');
const FOUND_LAST_YEAR: PreviousContext = { found: true, closest: lastYearMatcher(lastYear, lastYear.data as ReportData) };

ruleTester(reuse, {
  context: { previous: FOUND_LAST_YEAR },
  valid: [
    { name: 'rewritten for this year', yaml: withText('区委常委会专题听取法治政府建设情况汇报，研究解决行政复议体制改革中的困难和问题。') },
    { name: 'a short phrase may repeat', yaml: MINIMAL },
    { name: 'no last year to compare with', yaml: withText(LONG), context: { previous: { found: false, unusable: false } } },
  ],
  invalid: [
    {
      name: 'copied word for word',
      yaml: withText(LONG),
      errors: [{ message: '这段文字与上年报告中的一段完全相同，上年见 data/测试区/2023/report.yaml:13:17。照搬上年内容是审阅时最常被指出的问题，请按本年度实际情况改写。', line: 13, column: 17 }],
    },
    {
      name: 'only the figures changed',
      yaml: withText(FIGURES.replace('120', '150')),
      context: { previous: { found: true, closest: lastYearMatcher(lastYearFigures, lastYearFigures.data as ReportData) } },
      errors: [{ message: '这段文字与上年报告中的一段只有数字不同，上年见 data/测试区/2023/report.yaml:13:17。照搬上年内容是审阅时最常被指出的问题，请按本年度实际情况改写。', line: 13, column: 17 }],
    },
  ],
});

const WITH_REF = edit('text: 全年审议重大行政决策事项5项。', 'text: 全年审议重大行政决策事项〔decisions〕项，〔decisions 同比〕。');
const WITH_TABLE = `${MINIMAL}metrics_table: 主要指标\n`;

ruleTester(previousRefs, {
  context: { previous: { found: false, unusable: false, expected: 'data/测试区/2023/report.yaml' } },
  valid: [
    { name: 'last year found', yaml: WITH_REF, context: { previous: FOUND_LAST_YEAR } },
    { name: 'only this year’s figure', yaml: edit('text: 全年审议重大行政决策事项5项。', 'text: 全年审议重大行政决策事项〔decisions〕项。') },
  ],
  invalid: [
    {
      name: 'no file where last year’s belongs',
      yaml: WITH_REF,
      errors: [{ message: '“〔decisions 同比〕”要与上年比较，但没有找到上年的数据文件（应为 data/测试区/2023/report.yaml）；请用 --previous 指定上年的数据文件，或直接写明。', line: 13, column: 17 }],
    },
    {
      name: 'last year’s file cannot be used',
      yaml: WITH_REF,
      context: { previous: { found: false, unusable: true, expected: 'data/测试区/2023/report.yaml' } },
      errors: [{ message: '“〔decisions 同比〕”要与上年比较，但没有可用的上年数据；请用 --previous 指定上年的数据文件，或直接写明。', line: 13, column: 17 }],
    },
  ],
});

ruleTester(previousTable, {
  context: { previous: { found: false, unusable: false } },
  valid: [
    { name: 'last year found', yaml: WITH_TABLE, context: { previous: FOUND_LAST_YEAR } },
    { name: 'no figures table', yaml: MINIMAL },
  ],
  invalid: [
    {
      name: 'a figures table, no last year (and no place to look)',
      yaml: WITH_TABLE,
      errors: [{ message: '没有找到上年的数据文件，附表中“上年”和“同比”两栏将为空；可以用 --previous 指定。', line: 25, column: 16 }],
    },
  ],
});

// The title the template composed (the report writes no `title`): known only after compose.
const COMPOSED = '测试区人民政府关于2024年度法治政府建设情况的报告';
const WITH_LINES = (lines: string): string => `${MINIMAL}title_lines:\n${lines}`;

ruleTester(titleLinesComposed, {
  context: { composedTitle: COMPOSED },
  valid: [
    { name: 'the lines spell the composed title', yaml: WITH_LINES('  - 测试区人民政府关于2024年度\n  - 法治政府建设情况的报告\n') },
    { name: 'no title_lines: the tool breaks the title itself', yaml: MINIMAL },
    { name: 'with a title of its own, the title-lines rule compares', yaml: `${WITH_LINES('  - 测试区人民政府关于2024年度\n  - 法治工作的报告\n')}title: 测试区人民政府关于2024年度法治工作的报告\n` },
  ],
  invalid: [
    {
      name: 'the lines say another title than the template’s',
      yaml: WITH_LINES('  - 测试区人民政府关于2024年度\n  - 依法行政工作的报告\n'),
      errors: [
        {
          message: '标题分行（title_lines）合起来是“测试区人民政府关于2024年度依法行政工作的报告”，与按模板生成的标题“测试区人民政府关于2024年度法治政府建设情况的报告”不一致，文档中会印出分行的文字。请把标题写在 title 中并与分行一致，或删去 title_lines，由工具自动分行。',
          line: 26,
          column: 3,
        },
      ],
    },
  ],
});
