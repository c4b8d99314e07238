// The 版头 and attachment rules (check/rules/letterhead-signers.ts, attachment-present.ts) and the
// layout step (layout/fit.ts): each with valid and invalid cases, read as the user sees them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../src/layout/load-profile.js';
import { writeHtml } from '../src/write/html/index.js';
import { formatDiagnostic } from '../src/diagnostic.js';
import { endsWithLoneCharacter, fitLayout } from '../src/layout/fit.js';
import { placeBlocks } from '../src/layout/paginate.js';
import { GBT9704 } from '../src/layout/profile.js';
import type { Block } from '../src/compose/model.js';
import { renderValidated, validateText } from '../src/pipeline.js';
import { readDocx } from './helpers/docx.js';
import { MINIMAL } from './helpers/minimal.js';

const messages = (yaml: string, rule: string): string[] =>
  validateText(yaml, 'r.yaml').diagnostics.filter((d) => d.ruleId === rule).map(formatDiagnostic);

describe('letterhead-signers', () => {
  it.each([
    ['no 版头, no 签发人', '', []],
    ['版头 with 签发人', 'letterhead:\n  organ: 测试区人民政府文件\nsigners:\n  - 张某某\n', []],
    ['版头 without 签发人', 'letterhead:\n  organ: 测试区人民政府文件\n', ['r.yaml:25:1 错误 报告是上行文，印制版头时应填写签发人']],
    ['签发人 without 版头', 'signers:\n  - 张某某\n', ['r.yaml:25:1 错误 签发人只在版头中编排']],
  ])('%s', (_name, extra, expected) => {
    const got = messages(MINIMAL + extra, 'letterhead-signers');
    expect(got).toHaveLength(expected.length);
    got.forEach((m, i) => expect(m.startsWith(expected[i]!), m).toBe(true));
  });
});

describe('attachment-present', () => {
  it.each([
    ['a named attachment that is the figures table', 'attachments:\n  - 主要指标\nmetrics_table: 主要指标\nmetrics:\n  - id: a\n    label: 甲\n    value: 1\n    unit: 件\n', 0],
    ['an attachment given as content', 'attachments:\n  - title: 典型案例\n    paragraphs: 案例一。\n', 0],
    ['a name with nothing behind it', 'attachments:\n  - 典型案例汇编\n', 1],
    ['a table row short of the header', 'attachments:\n  - title: 表\n    tables:\n      - columns: [甲, 乙]\n        rows:\n          - [1]\n', 1],
  ])('%s', (_name, extra, count) => {
    expect(messages(MINIMAL + extra, 'attachment-present')).toHaveLength(count);
  });

  it('says the attachment will be sent separately, at its line', () => {
    expect(messages(`${MINIMAL}attachments:\n  - 典型案例汇编\n`, 'attachment-present')).toEqual([
      'r.yaml:26:5 警告 附件“典型案例汇编”在数据中没有内容，生成的文档不含此附件，需另行报送。要随文生成，请写成 title 加 paragraphs、tables，或使名称与 metrics_table（主要指标表）的标题一致。',
    ]);
  });

  it('prints an attachment given as content on a new page after the 署名, label and title first', async () => {
    const yaml = `${MINIMAL}attachments:\n  - title: 测试区典型案例\n    paragraphs: 案例一的经过。\n    tables:\n      - columns: [序号, 事项]\n        rows:\n          - [1, 复议]\n`;
    const result = await renderValidated(validateText(yaml, 'r.yaml'));
    const texts = (await readDocx(result.docx!)).paragraphs.map((p) => p.text).filter((t) => t !== '');
    const date = texts.indexOf('2025年1月15日');
    expect(texts.slice(date + 1, date + 4)).toEqual(['附件', '测试区典型案例', '案例一的经过。']);
    expect(texts).toContain('复议');
  });
});

describe('the layout step', () => {
  const para = (n: number): Block => ({ kind: 'paragraph', runs: [{ text: '字'.repeat(n) }] });

  it('finds a heading whose last line would hold one character', () => {
    expect(endsWithLoneCharacter('字'.repeat(27), GBT9704)).toBe(true); // 26 after the indent, 1 alone
    expect(endsWithLoneCharacter('字'.repeat(28), GBT9704)).toBe(false);
    expect(endsWithLoneCharacter('字'.repeat(20), GBT9704)).toBe(false);
  });

  it('sets such a heading 紧排 and leaves others alone', () => {
    const doc = { title: 't', year: 2024, unitName: 'u', blocks: [{ kind: 'heading', level: 1, number: '一、', text: '字'.repeat(25) } as Block, { kind: 'heading', level: 1, number: '二、', text: '字'.repeat(10) } as Block] };
    const fitted = fitLayout(doc, GBT9704).blocks as Extract<Block, { kind: 'heading' }>[];
    expect(fitted.map((b) => b.condensed === true)).toEqual([true, false]);
  });

  it('brings a 署名 that would stand alone back to the page of the text (GB/T 9704 §7.3.5.4)', () => {
    // Text filling page 1 (20 + 2 lines): the 署名 block (blank, organ, date) would stand alone on page 2.
    const blocks: Block[] = [para(26 + 28 * 18 + 1), para(27), { kind: 'signature', organs: ['测试区人民政府'], date: '2025年1月15日', seal: false }];
    const before = placeBlocks(blocks, GBT9704);
    expect(before[2]!.firstPage).toBe(2);
    const fitted = fitLayout({ title: 't', year: 2024, unitName: 'u', blocks }, GBT9704).blocks;
    expect(fitted.some((b) => b.kind === 'paragraph' && b.condensed)).toBe(true);
    const after = placeBlocks(fitted, GBT9704);
    expect(after[2]!.firstPage).toBe(after[1]!.lastPage);
  });
});

describe('版头 in the .docx and the web page', () => {
  const yaml = `${MINIMAL}doc_number: 测政〔2025〕3号\nletterhead:\n  organ: 测试区人民政府文件\n  copy_number: "000001"\n  urgency: 特急\nsigners:\n  - 张某某\n  - 李某某\n  - 王某某\n`;

  it('prints marks, the 标志 in the profile red, 发文字号 and 签发人 on one line, and the 分隔线', async () => {
    const result = await renderValidated(validateText(yaml, 'r.yaml'));
    const docx = await readDocx(result.docx!);
    const texts = docx.paragraphs.map((p) => p.text);
    expect(texts.slice(0, 2)).toEqual(['000001', '特急']);
    const organ = docx.paragraphs.find((p) => p.text === '测试区人民政府文件')!;
    expect(organ.xml).toContain('<w:color w:val="FF0000"/>');
    expect(organ.xml).toContain('<w:jc w:val="center"/>');
    // Two names a line (§7.2.6); the 发文字号 on the last line of names.
    expect(texts).toContain('\t签发人：张某某　李某某');
    expect(texts).toContain('测政〔2025〕3号\t\t王某某');
    expect(docx.document).toMatch(/<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="0" w:color="FF0000"\/><\/w:pBdr>/);
    // The title follows the 版头, not the 发文字号 line of a document without one.
    expect(texts.filter((t) => t === '测政〔2025〕3号')).toHaveLength(0);
  });

  it('prints the 版头 in black where a profile says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-profile-'));
    try {
      const file = path.join(dir, '黑色版头.yaml');
      writeFileSync(file, 'name: 黑色版头\nletterhead:\n  color: "000000"\n');
      const result = await renderValidated(validateText(yaml, 'r.yaml'), { profile: loadProfile(file) });
      const docx = await readDocx(result.docx!);
      expect(docx.document).not.toContain('FF0000');
      expect(docx.paragraphs.find((p) => p.text === '测试区人民政府文件')!.xml).toContain('<w:color w:val="000000"/>');
      const html = writeHtml(result.document!, loadProfile(file));
      expect(html).toContain('<p class="organ" style="color: #000000">测试区人民政府文件</p>');
      expect(html).toContain('签发人：<span class="signer-names">张某某　李某某　王某某</span>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('places the 发文字号 of a 上行文 without 版头 居左空一字', async () => {
    const result = await renderValidated(validateText(`${MINIMAL}doc_number: 测政〔2025〕3号\n`, 'r.yaml'));
    const docx = await readDocx(result.docx!);
    const line = docx.paragraphs.find((p) => p.text === '测政〔2025〕3号')!;
    expect(line.xml).toContain('<w:jc w:val="left"/>');
    expect(line.xml).toMatch(/<w:ind [^>]*w:left="31[56]"[^>]*\/>/);
  });
});
