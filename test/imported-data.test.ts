// A report marked `imported` (by fazhi import) is a published past report: what it lacks is a
// warning, not an error, and the document keeps the original's order of parts.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostic.js';
import { renderValidated, validateText } from '../src/pipeline.js';
import { readDocx } from './helpers/docx.js';
import { MINIMAL } from './helpers/minimal.js';

const WITHOUT_DUTIES = MINIMAL.replace('duties:\n  intro: 区政府主要负责人带头学法。\n', '').replace(
  '      items:\n        - lead: 规范决策程序',
  '      groups:\n        - heading: 只有标题的一节\n      items:\n        - lead: 规范决策程序',
);

describe('imported past reports', () => {
  it('are errors when written new: a missing part, a heading with nothing under it', () => {
    const messages = validateText(WITHOUT_DUTIES, 'r.yaml').diagnostics.map(formatDiagnostic);
    expect(messages).toEqual(['r.yaml:1:1 错误 缺少必填项“duties”（第一责任人职责情况）。']);
  });

  it('are warnings in an imported report, which validates and renders', async () => {
    const yaml = `${WITHOUT_DUTIES}imported:\n  from: 2024年报告.docx\n  date: 2025-03-01\n`;
    const result = validateText(yaml, 'r.yaml');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual(['r.yaml:1:1 警告 原文没有“第一责任人职责情况”这一部分（duties）；这是导入的往年报告，只作提示。']);
    const rendered = await renderValidated(result);
    const texts = (await readDocx(rendered.docx!)).paragraphs.map((p) => p.text);
    expect(texts.filter((t) => /^[一二三四]、/.test(t))).toEqual([
      '一、2024年推进法治政府建设的主要举措和成效',
      '二、2024年推进法治政府建设存在的不足和原因',
      '三、2025年推进法治政府建设的主要安排',
    ]);
    expect(texts).toContain('1.只有标题的一节');
  });

  it('keep the original order of parts', async () => {
    const yaml = `${MINIMAL}imported:\n  from: r.txt\n  part_order: [measures, duties, shortcomings, plans]\n`;
    const rendered = await renderValidated(validateText(yaml, 'r.yaml'));
    const texts = (await readDocx(rendered.docx!)).paragraphs.map((p) => p.text);
    expect(texts.filter((t) => /^[一二三四]、/.test(t)).map((t) => t.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、']);
    expect(texts.find((t) => t.startsWith('二、'))).toContain('第一责任人职责');
    expect(texts.find((t) => t.startsWith('三、'))).toContain('存在的不足和原因');
  });
});
