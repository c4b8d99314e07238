// The rollup/* rules: what src/rollup found among the year's sub-reports (check/context.ts,
// RollupContext), said at the district report's rolled-up figures. Each table gives the facts as
// the roll-up passes them; the messages and positions are what `fazhi validate` prints (the
// end-to-end cases with real sub-report folders are in rollup.test.ts and hostile-folders.test.ts).
import type { RollupContext } from '../src/check/context.js';
import { rollupDuplicate } from '../src/check/rules/rollup-duplicate.js';
import { rollupLeftOut } from '../src/check/rules/rollup-left-out.js';
import { rollupMissing } from '../src/check/rules/rollup-missing.js';
import { rollupRoster } from '../src/check/rules/rollup-roster.js';
import { rollupSelf } from '../src/check/rules/rollup-self.js';
import { rollupSkipped } from '../src/check/rules/rollup-skipped.js';
import { rollupUnit } from '../src/check/rules/rollup-unit.js';
import { rollupUnavailable, rollupUnresolved } from '../src/check/rules/rollup-unresolved.js';
import { MINIMAL } from './helpers/minimal.js';
import { ruleTester } from './helpers/rule-tester.js';

// A figure of the district's own (line 26), then one rolled up from the sub-reports (line 30).
const REPORT = `${MINIMAL}metrics:
  - id: decisions
    label: 重大行政决策
    value: 5
    unit: 项
  - id: cases
    label: 办理案件
    unit: 件
    rollup: sum
`;
/** The same report with the rolled-up figure quoted in the text. */
const QUOTED = REPORT.replace('text: 全年审议重大行政决策事项5项。', 'text: 全年办理行政案件〔cases〕。');

/** Nothing to say: every sub-report read, every unit reported, the figure rolled up. */
const CLEAN: RollupContext = { selfLinks: [], skipped: [], districtReports: [], duplicates: [], leftOut: [], missing: [], metrics: [{ index: 1, excluded: [] }] };
const facts = (some: Partial<RollupContext>): { rollup: RollupContext } => ({ rollup: { ...CLEAN, ...some } });
const AT_FIRST_ROLLUP = { line: 30, column: 5 };

ruleTester(rollupRoster, {
  valid: [{ name: 'roster usable, or none', yaml: REPORT, context: facts({}) }],
  invalid: [
    {
      name: 'units.yaml with errors',
      yaml: REPORT,
      context: facts({ unusableRoster: 'data/测试区/units.yaml' }),
      errors: [{ message: '单位名册“data/测试区/units.yaml”有错误（可用 fazhi validate 查看），本次无法核对哪些单位没有报告。', ...AT_FIRST_ROLLUP }],
    },
  ],
});

ruleTester(rollupSelf, {
  valid: [{ name: 'only departments and townships', yaml: REPORT, context: facts({ skipped: [{ file: '2024/towns/外部.yaml', reason: '是指向年度文件夹以外的链接，没有读取' }] }) }],
  invalid: [
    {
      name: 'a link to the district’s own report, and a district report among the townships',
      yaml: REPORT,
      context: facts({ selfLinks: ['2024/towns/链接.yaml'], districtReports: ['2024/towns/副本.yaml'] }),
      errors: [
        { message: '下级报告文件夹中的“2024/towns/链接.yaml”是指向本报告的链接：一份报告不能汇总自己，请删除这个链接。', ...AT_FIRST_ROLLUP },
        {
          message: '“2024/towns/副本.yaml”是区县的报告（level: district），不是部门或乡镇街道的报告：一份报告不能汇总自己，区县报告也不应放在 departments/ 或 towns/ 中，请把它移出这个文件夹。',
          ...AT_FIRST_ROLLUP,
        },
      ],
    },
  ],
});

ruleTester(rollupSkipped, {
  valid: [{ name: 'a link to the report itself is the self rule’s', yaml: REPORT, context: facts({ selfLinks: ['2024/towns/链接.yaml'] }) }],
  invalid: [
    {
      name: 'a link out of the year’s folder',
      yaml: REPORT,
      context: facts({ skipped: [{ file: '2024/towns/外部.yaml', reason: '是指向年度文件夹以外的链接，没有读取' }] }),
      errors: [{ message: '下级报告“2024/towns/外部.yaml”是指向年度文件夹以外的链接，没有读取。', ...AT_FIRST_ROLLUP }],
    },
  ],
});

ruleTester(rollupDuplicate, {
  valid: [{ name: 'one report per unit', yaml: REPORT, context: facts({}) }],
  invalid: [
    {
      name: 'the same unit in departments/ and towns/',
      yaml: REPORT,
      context: facts({ duplicates: [{ first: '2024/departments/司法局.yaml', second: '2024/towns/司法局副本.yaml', unit: '测试区司法局' }] }),
      errors: [{ message: '“2024/departments/司法局.yaml”和“2024/towns/司法局副本.yaml”是同一个单位（测试区司法局）的报告，汇总时只计入前一份；请删除多余的一份。', ...AT_FIRST_ROLLUP }],
    },
  ],
});

ruleTester(rollupLeftOut, {
  valid: [{ name: 'every sub-report usable', yaml: REPORT, context: facts({}) }],
  invalid: [
    {
      name: 'one with errors, one of another year',
      yaml: REPORT,
      context: facts({ leftOut: [{ unit: '西城镇', errors: 2 }, { unit: '测试区财政局', year: 2023 }] }),
      errors: [{ message: '以下下级报告没有计入汇总数据：西城镇（有 2 个错误）、测试区财政局（是 2023 年的报告）。请先用 fazhi validate 检查并修改这些报告。', ...AT_FIRST_ROLLUP }],
    },
  ],
});

ruleTester(rollupMissing, {
  valid: [{ name: 'every unit of the roster reported', yaml: REPORT, context: facts({}) }],
  invalid: [
    {
      name: 'two units have not reported',
      yaml: REPORT,
      context: facts({ missing: ['测试区财政局', '东城街道办事处'] }),
      errors: [{ message: '单位名册中有 2 个单位没有报告，汇总数据不包含：测试区财政局、东城街道办事处。', ...AT_FIRST_ROLLUP }],
    },
  ],
});

ruleTester(rollupUnit, {
  valid: [{ name: 'every figure in 件', yaml: REPORT, context: facts({}) }],
  invalid: [
    {
      name: 'two units counted in another measure, said at the unit of measure',
      yaml: REPORT,
      context: facts({ metrics: [{ index: 1, excluded: [{ unit: '测试区司法局', measure: '个' }, { unit: '西城镇', measure: '起' }] }] }),
      errors: [{ message: '汇总“办理案件”时未计入计量单位不同的数据：测试区司法局（单位是“个”，不是“件”）、西城镇（单位是“起”，不是“件”）。', line: 32, column: 11 }],
    },
  ],
});

const NO_FIGURE = facts({ metrics: [{ index: 1, excluded: [], unresolved: { kind: 'no-figure' } }] });
const NO_SUB_REPORTS = facts({ metrics: [{ index: 1, excluded: [], unresolved: { kind: 'no-sub-reports', folders: ['data/测试区/2024/departments/', 'data/测试区/2024/towns/'] } }] });
const OUT_OF_RANGE = facts({ metrics: [{ index: 1, excluded: [], unresolved: { kind: 'out-of-range', max: 1_000_000_000_000 } }] });

ruleTester(rollupUnresolved, {
  valid: [
    { name: 'rolled up', yaml: QUOTED, context: facts({}) },
    { name: 'not rolled up, but not quoted either (a warning, the next rule)', yaml: REPORT, context: NO_FIGURE },
  ],
  invalid: [
    {
      name: 'quoted, and no sub-report has the figure',
      yaml: QUOTED,
      context: NO_FIGURE,
      errors: [{ message: '无法汇总“办理案件”：下级报告中没有标识为“cases”的数据项（请检查标识是否与部门、乡镇街道报告中的一致）；正文引用了这一项，无法生成。', line: 33, column: 13 }],
    },
    {
      name: 'quoted, before any unit has reported',
      yaml: QUOTED,
      context: NO_SUB_REPORTS,
      errors: [{ message: '无法汇总“办理案件”：还没有下级报告（应在 data/测试区/2024/departments/、data/测试区/2024/towns/ 下）；正文引用了这一项，无法生成。', line: 33, column: 13 }],
    },
  ],
});

ruleTester(rollupUnavailable, {
  valid: [
    { name: 'rolled up', yaml: REPORT, context: facts({}) },
    { name: 'before any unit has reported: normal early in the year', yaml: REPORT, context: NO_SUB_REPORTS },
    { name: 'quoted in the text (an error, the rule before)', yaml: QUOTED, context: NO_FIGURE },
  ],
  invalid: [
    {
      name: 'no sub-report has the figure',
      yaml: REPORT,
      context: NO_FIGURE,
      errors: [{ message: '无法汇总“办理案件”：下级报告中没有标识为“cases”的数据项（请检查标识是否与部门、乡镇街道报告中的一致）；生成的文档中没有这一项。', line: 33, column: 13 }],
    },
    {
      name: 'the total is beyond what a report may hold',
      yaml: REPORT,
      context: OUT_OF_RANGE,
      errors: [{ message: '无法汇总“办理案件”：汇总结果超出数值范围（绝对值不超过 1000000000000），请检查下级报告中这一项的数值；生成的文档中没有这一项。', line: 33, column: 13 }],
    },
  ],
});
