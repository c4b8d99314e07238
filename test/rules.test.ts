// Every content rule with its own table of valid and invalid reports (test/helpers/rule-tester.ts):
// the exact message, line and column a clerk sees.
import { attachmentPresent } from '../src/check/rules/attachment-present.js';
import { letterheadSigners } from '../src/check/rules/letterhead-signers.js';
import { dateAfterYear } from '../src/check/rules/date-after-year.js';
import { datePresent } from '../src/check/rules/date-present.js';
import { deadlineYear } from '../src/check/rules/deadline-year.js';
import { docNumberFormat } from '../src/check/rules/doc-number-format.js';
import { firstResponsible } from '../src/check/rules/first-responsible.js';
import { headingDepth } from '../src/check/rules/heading-depth.js';
import { levelRecipients } from '../src/check/rules/level-recipients.js';
import { metricRefs } from '../src/check/rules/metric-refs.js';
import { numberedText } from '../src/check/rules/numbered-text.js';
import { partNotEmpty } from '../src/check/rules/part-not-empty.js';
import { percentRange } from '../src/check/rules/percent-range.js';
import { planAssignments } from '../src/check/rules/plan-assignments.js';
import { plansYear } from '../src/check/rules/plans-year.js';
import { rollupDeclarations } from '../src/check/rules/rollup-declarations.js';
import { titleLines, titleLinesComposed } from '../src/check/rules/title-lines.js';
import { titlePattern } from '../src/check/rules/title-pattern.js';
import { uniqueMetricIds } from '../src/check/rules/unique-metric-ids.js';
import { yearMentions } from '../src/check/rules/year-mentions.js';
import { ALL_RULES, ruleListMarkdown } from '../src/check/rules/index.js';
import { ALL_MESSAGES, messageListMarkdown } from '../src/messages.js';
import { rollupDuplicate } from '../src/check/rules/rollup-duplicate.js';
import { rollupLeftOut } from '../src/check/rules/rollup-left-out.js';
import { rollupMissing } from '../src/check/rules/rollup-missing.js';
import { rollupRoster } from '../src/check/rules/rollup-roster.js';
import { rollupSelf } from '../src/check/rules/rollup-self.js';
import { rollupSkipped } from '../src/check/rules/rollup-skipped.js';
import { rollupUnit } from '../src/check/rules/rollup-unit.js';
import { rollupUnavailable, rollupUnresolved } from '../src/check/rules/rollup-unresolved.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers/cli.js';
import { assignmentsNoRoster, assignmentsUnknownUnit } from '../src/check/rules/assignments-roster.js';
import { previousRefs, previousTable } from '../src/check/rules/previous-year.js';
import { reuse } from '../src/check/rules/reuse.js';
import { yearFolder } from '../src/check/rules/year-folder.js';
import { describe, expect, it } from 'vitest';
import { MINIMAL } from './helpers/minimal.js';
import { ruleTester } from './helpers/rule-tester.js';

/** MINIMAL with one line replaced (the line must be there). */
function edit(from: string, to: string, base = MINIMAL): string {
  if (!base.includes(from)) throw new Error(`not in the report: ${from}`);
  return base.replace(from, to);
}

const METRICS = (rows: string): string => `${MINIMAL}metrics:\n${rows}`;

describe('the rule tables', () => {
  it('cover every rule', () => {
    const tested = [attachmentPresent, letterheadSigners, dateAfterYear, datePresent, deadlineYear, docNumberFormat, firstResponsible, headingDepth, levelRecipients, metricRefs, numberedText, partNotEmpty, percentRange, planAssignments, plansYear, rollupDeclarations, titleLines, titlePattern, uniqueMetricIds, yearMentions];
    // The rules that read a cross-file context have their tables in context-rules.test.ts, the
    // roll-up's in rollup-rules.test.ts.
    const ROLLED_UP = [rollupRoster, rollupSelf, rollupSkipped, rollupDuplicate, rollupLeftOut, rollupMissing, rollupUnit, rollupUnresolved, rollupUnavailable];
    const withContext = [reuse, yearFolder, assignmentsNoRoster, assignmentsUnknownUnit, previousRefs, previousTable, titleLinesComposed, ...ROLLED_UP];
    expect(ALL_RULES.filter((r) => !tested.includes(r) && !withContext.includes(r)).map((r) => r.id)).toEqual([]);
  });
  it.each(ALL_RULES.map((r) => [r.id, r] as const))('%s says what it enforces and where that comes from', (_id, rule) => {
    expect(rule.basis.trim().length).toBeGreaterThan(8);
  });
  it('are listed in the README with their basis, as the rules say it (npm run rules-doc)', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const listed = readme.slice(readme.indexOf('<!-- rules:start -->') + '<!-- rules:start -->'.length, readme.indexOf('<!-- rules:end -->')).trim();
    expect(listed).toBe(ruleListMarkdown());
    for (const rule of ALL_RULES) expect(listed).toContain(`| \`${rule.id}\` |`);
  });
  it('and the other messages are listed in the README too, from the catalogue (src/messages.ts)', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const listed = readme.slice(readme.indexOf('<!-- messages:start -->') + '<!-- messages:start -->'.length, readme.indexOf('<!-- messages:end -->')).trim();
    expect(listed).toBe(messageListMarkdown());
    for (const k of ALL_MESSAGES) expect(listed).toContain(`| \`${k.id}\` |`);
  });
  it('are the only places ids are written: no other module of src/ writes or compares an id string', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const written = /ruleId\s*:\s*['"`]|ruleId\s*[!=]==?\s*['"`]|['"`]\s*[!=]==?\s*[\w.?]*ruleId\b|ONCE_PER_FILE = new Set\(\[['"`]|\.add\(\s*['"`](?:error|warning)['"`]/;
    const offenders = files(path.join(ROOT, 'src'))
      .filter((f) => !f.includes(`${path.sep}check${path.sep}rules${path.sep}`) && !f.endsWith(`${path.sep}messages.ts`))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (written.test(line) ? [`${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])));
    expect(offenders).toEqual([]);
  });
  it('have one id each, rules and catalogue together, so a message can be traced to where it is said', () => {
    const ids = [...ALL_RULES.map((r) => r.id), ...ALL_MESSAGES.map((k) => k.id)];
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

ruleTester(datePresent, {
  valid: [{ name: 'a date', yaml: MINIMAL }],
  invalid: [{ name: 'no date', yaml: edit('date: 2025-01-15\n', ''), errors: [{ message: '还没有填写成文日期（date），生成的文档中署名下方将没有日期。', line: 1, column: 1 }] }],
});

ruleTester(dateAfterYear, {
  valid: [{ name: 'early next year', yaml: MINIMAL }],
  invalid: [
    { name: 'within the report year', yaml: edit('date: 2025-01-15', 'date: 2024-12-30'), errors: [{ message: '成文日期“2024-12-30”应在报告年度 2024 年之后（一般是 2025 年年初）。', line: 24, column: 7 }] },
    { name: 'no such day', yaml: edit('date: 2025-01-15', 'date: 2025-02-30'), errors: [{ message: '成文日期“2025-02-30”不是真实存在的日期，请核对月份和日。', line: 24, column: 7 }] },
    { name: 'printed before written', yaml: `${MINIMAL}printed_date: 2025-01-10\n`, errors: [{ message: '印发日期“2025-01-10”早于成文日期“2025-01-15”，请核对。', line: 25, column: 15 }] },
  ],
});

ruleTester(deadlineYear, {
  valid: [{ name: 'next year', yaml: edit('    - 完善行政执法协调监督工作体系。', '    - text: 完善行政执法协调监督工作体系。\n      lead_unit: 区司法局\n      deadline: 2025年12月底前') }],
  invalid: [
    { name: 'the year after', yaml: edit('    - 完善行政执法协调监督工作体系。', '    - text: 完善行政执法协调监督工作体系。\n      lead_unit: 区司法局\n      deadline: 2026年6月底前'), errors: [{ message: '完成时限“2026年6月底前”不在 2025 年内：下一年度主要安排的任务应在 2025 年完成，请核对年份。', line: 23, column: 17 }] },
  ],
});

ruleTester(docNumberFormat, {
  valid: [{ name: 'as the standard writes it', yaml: `${MINIMAL}doc_number: 测发〔2025〕3号\n` }],
  invalid: [{ name: 'square brackets, 第, padded', yaml: `${MINIMAL}doc_number: 测发[2025]第03号\n`, errors: [{ message: '发文字号“测发[2025]第03号”应写作“测发〔2025〕3号”（年份用六角括号〔〕，不加“第”，序号不编虚位）；生成的文档中已按此改正。', line: 25, column: 13 }] }],
});

ruleTester(firstResponsible, {
  valid: [{ name: 'names the head', yaml: MINIMAL }],
  invalid: [{ name: 'says nobody', yaml: edit('  intro: 区政府主要负责人带头学法。', '  intro: 全年组织学法活动。'), errors: [{ message: '“duties”（第一责任人职责情况）没有写明是谁履行职责：应写党政主要负责人（区委书记、区长）履行推进法治建设第一责任人职责的情况。', line: 17, column: 1 }] }],
});

const deep = (extra: string): string =>
  edit(
    '    - heading: 健全依法决策机制\n      items:',
    `    - heading: 健全依法决策机制\n      groups:\n        - heading: 二级\n          groups:\n            - heading: 三级\n              paragraphs: 内容。${extra}\n      items:`,
  );
ruleTester(headingDepth, {
  valid: [{ name: 'four levels', yaml: deep('') }],
  invalid: [{ name: 'groups under （1）', yaml: deep('\n              groups:\n                - heading: 五级\n                  paragraphs: 内容。'), errors: [{ message: '标题最多四层（一、（一）1.（1）），“（1）”级标题下不能再分组，请改写为段落或分项。', line: 16, column: 15 }] }],
});

ruleTester(levelRecipients, {
  valid: [
    { name: 'a district reports upwards', yaml: MINIMAL },
    { name: 'a department to party, government and the department above', yaml: edit('level: district', 'level: department', edit('  - 测试市人民政府', '  - 中共测试区委\n  - 测试区人民政府\n  - 测试市司法局')) },
  ],
  invalid: [{ name: 'a department to the government only', yaml: edit('level: district', 'level: department', edit('  - 测试市人民政府', '  - 测试区人民政府')), errors: [{ message: '政府部门的年度报告应报送本级党委和政府，并报上一级政府有关部门；主送机关中没有本级党委（例如：中共示例区委）、上一级政府有关部门（例如：示例市司法局）。', line: 7, column: 3 }] }],
});

ruleTester(metricRefs, {
  valid: [{ name: 'a known figure', yaml: edit('  intro: 基层执法力量仍然不足。', '  intro: 办理案件〔cases〕。', METRICS('  - id: cases\n    label: 办理案件\n    value: 5\n    unit: 件\n')) }],
  invalid: [
    { name: 'a misspelt id', yaml: edit('  intro: 基层执法力量仍然不足。', '  intro: 办理案件〔casse〕。', METRICS('  - id: cases\n    label: 办理案件\n    value: 5\n    unit: 件\n')), errors: [{ message: '引用了未定义的数据项“〔casse〕”：metrics 中没有标识为“casse”的数据项，是否应为“cases”？', line: 16, column: 14 }] },
  ],
});

ruleTester(numberedText, {
  valid: [{ name: 'no hand numbers', yaml: MINIMAL }],
  invalid: [{ name: 'an item typed with its number', yaml: edit('        - 开展合法性审核120件。', '        - 二是开展合法性审核120件。'), errors: [{ message: '分项开头手写了序号“二是”；序号会自动生成，请删除，否则会重复。', line: 14, column: 11 }] }],
});

ruleTester(partNotEmpty, {
  valid: [{ name: 'every part written', yaml: MINIMAL }],
  invalid: [{ name: 'a heading with nothing under it', yaml: edit('  intro: 基层执法力量仍然不足。', '  groups:\n    - heading: 执法力量'), errors: [{ message: '标题“执法力量”下没有内容：请填写 paragraphs、items 或 groups。', line: 17, column: 16 }] }],
});

ruleTester(percentRange, {
  valid: [{ name: '98%', yaml: METRICS('  - id: rate\n    label: 出庭应诉率\n    value: 98\n    unit: "%"\n') }],
  invalid: [{ name: '120%', yaml: METRICS('  - id: rate\n    label: 出庭应诉率\n    value: 120\n    unit: "%"\n'), errors: [{ message: '“出庭应诉率”是百分比，数值 120 应在 0 到 100 之间。', line: 28, column: 12 }] }],
});

ruleTester(planAssignments, {
  valid: [{ name: 'a lead unit', yaml: edit('    - 完善行政执法协调监督工作体系。', '    - text: 完善行政执法协调监督工作体系。\n      lead_unit: 区司法局\n      support_units: [区财政局]') }],
  invalid: [
    { name: 'support without a lead', yaml: edit('    - 完善行政执法协调监督工作体系。', '    - text: 完善行政执法协调监督工作体系。\n      support_units: [区财政局]'), errors: [{ message: '这项任务写了配合单位或完成时限，但没有写牵头单位（lead_unit）。', line: 21, column: 7 }] },
    { name: 'lead and support at once', yaml: edit('    - 完善行政执法协调监督工作体系。', '    - text: 完善行政执法协调监督工作体系。\n      lead_unit: 区司法局\n      support_units: [区司法局]'), errors: [{ message: '“区司法局”已是牵头单位，不要再列为配合单位。', line: 23, column: 22 }] },
  ],
});

ruleTester(plansYear, {
  valid: [{ name: 'next year', yaml: edit('plans:\n  items:', 'plans:\n  heading: 2025年主要安排\n  items:') }],
  invalid: [{ name: 'this year', yaml: edit('plans:\n  items:', 'plans:\n  heading: 2024年主要安排\n  items:'), errors: [{ message: '下一年度主要安排应写 2025 年的打算，这里写的是 2024 年，请核对年份。', line: 20, column: 12 }] }],
});

ruleTester(rollupDeclarations, {
  valid: [{ name: 'a district sums a figure', yaml: METRICS('  - id: cases\n    label: 办理案件\n    unit: 件\n    rollup: sum\n') }],
  invalid: [{ name: 'percentages added up', yaml: METRICS('  - id: rate\n    label: 出庭应诉率\n    unit: "%"\n    rollup: sum\n'), errors: [{ message: '“出庭应诉率”是百分比，各单位的百分比相加没有意义；请改用 avg（平均）、max（最大值）或 min（最小值），或汇总件数后再计算比率。', line: 29, column: 13 }] }],
});

ruleTester(titleLines, {
  valid: [{ name: 'lines that make the title', yaml: `${MINIMAL}title: 测试区人民政府关于2024年度法治政府建设情况的报告\ntitle_lines:\n  - 测试区人民政府关于2024年度\n  - 法治政府建设情况的报告\n` }],
  invalid: [{ name: 'lines that say something else', yaml: `${MINIMAL}title: 测试区人民政府关于2024年度法治政府建设情况的报告\ntitle_lines:\n  - 测试区人民政府关于2023年度\n  - 法治政府建设情况的报告\n`, errors: [{ message: '标题分行（title_lines）合起来是“测试区人民政府关于2023年度法治政府建设情况的报告”，与标题（title）“测试区人民政府关于2024年度法治政府建设情况的报告”不一致，文档中会印出分行的文字。请把两处改成一致，或删去 title_lines，由工具自动分行。', line: 27, column: 3 }] }],
});

ruleTester(titlePattern, {
  valid: [{ name: 'the usual title', yaml: `${MINIMAL}title: 测试区人民政府关于2024年度法治政府建设情况的报告\n` }],
  invalid: [{ name: 'another year', yaml: `${MINIMAL}title: 测试区人民政府关于2023年度法治政府建设情况的报告\n`, errors: [{ message: '标题没有写报告年度 2024。这一层级的标题通常写作“示例区人民政府关于2024年度法治政府建设情况的报告”；不写 title 时按模板自动生成。', line: 25, column: 8 }] }],
});

ruleTester(uniqueMetricIds, {
  valid: [{ name: 'two ids', yaml: METRICS('  - id: a\n    label: 甲\n    value: 1\n    unit: 件\n  - id: b\n    label: 乙\n    value: 2\n    unit: 件\n') }],
  invalid: [{ name: 'the same id twice', yaml: METRICS('  - id: a\n    label: 甲\n    value: 1\n    unit: 件\n  - id: a\n    label: 乙\n    value: 2\n    unit: 件\n'), errors: [{ message: '数据项标识“a”重复（第 1 项已使用），请改用不同的标识。', line: 30, column: 9 }] }],
});

ruleTester(yearMentions, {
  valid: [{ name: 'the report year', yaml: `${MINIMAL}preamble: 2024年，测试区坚持依法行政。\n` }],
  invalid: [{ name: 'another year in the preamble', yaml: `${MINIMAL}preamble: 2023年，测试区坚持依法行政。\n`, errors: [{ message: '导语开头写的是 2023 年，报告年度（year）是 2024 年，请核对哪一个对。', line: 25, column: 11 }] }],
});

ruleTester(letterheadSigners, {
  valid: [
    { name: 'no 版头', yaml: MINIMAL },
    { name: '版头 with 签发人', yaml: `${MINIMAL}letterhead:\n  organ: 测试区人民政府文件\nsigners:\n  - 张某某\n` },
  ],
  invalid: [
    {
      name: '版头 without 签发人',
      yaml: `${MINIMAL}letterhead:\n  organ: 测试区人民政府文件\n`,
      errors: [{ message: '报告是上行文，印制版头时应填写签发人，例如：\nsigners:\n  - 张某某\n（签发人与发文字号同行，编排在发文机关标志之下）。', line: 25, column: 1 }],
    },
    {
      name: '签发人 without 版头',
      yaml: `${MINIMAL}signers:\n  - 张某某\n`,
      errors: [{ message: '签发人只在版头中编排；没有填写 letterhead（版头）时不会印出。需要签发人时请同时填写 letterhead 的 organ（发文机关标志）。', line: 25, column: 1 }],
    },
  ],
});

ruleTester(attachmentPresent, {
  valid: [
    { name: 'the figures table named as the attachment', yaml: `${MINIMAL}attachments:\n  - 主要指标\nmetrics_table: 主要指标\nmetrics:\n  - id: a\n    label: 甲\n    value: 1\n    unit: 件\n` },
    { name: 'an attachment given as content', yaml: `${MINIMAL}attachments:\n  - title: 典型案例\n    paragraphs: 案例一。\n` },
  ],
  invalid: [
    {
      name: 'a name with nothing behind it',
      yaml: `${MINIMAL}attachments:\n  - 典型案例汇编\n`,
      errors: [{ message: '附件“典型案例汇编”在数据中没有内容，生成的文档不含此附件，需另行报送。要随文生成，请写成 title 加 paragraphs、tables，或使名称与 metrics_table（主要指标表）的标题一致。', line: 26, column: 5 }],
    },
    {
      name: 'a title with neither paragraphs nor tables',
      yaml: `${MINIMAL}attachments:\n  - title: 测试区典型案例\n`,
      errors: [{ message: '附件“测试区典型案例”没有内容：请填写 paragraphs（段落）或 tables（表格）。', line: 26, column: 5 }],
    },
    {
      name: 'a table row short of its header',
      yaml: `${MINIMAL}attachments:\n  - title: 表\n    tables:\n      - columns: [甲, 乙]\n        rows:\n          - [1]\n`,
      errors: [{ message: '附件“表”的表格第 1 行有 1 格，表头有 2 栏；请补齐或删去多余的格，使每行与表头对应。', line: 30, column: 13 }],
    },
  ],
});

