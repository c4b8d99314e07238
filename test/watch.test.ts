// `fazhi watch`: renders, re-renders on save, keeps the last good output when a save breaks the YAML.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, scratchDir } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';
import { MINIMAL } from './helpers/minimal.js';
import { wordTemplate } from './helpers/word-template.js';

/** An office template whose 正文 style is set in `font`. */
function officeTemplate(font: string): Uint8Array {
  return wordTemplate({
    styles: `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="${font}"/><w:sz w:val="32"/></w:rPr></w:style>`,
  });
}

let child: ChildProcessWithoutNullStreams | undefined;
afterEach(() => child?.kill('SIGTERM'));

function start(args: string[], cwd: string): { output: () => string; waitFor: (text: string, count?: number) => Promise<void> } {
  child = spawn(process.execPath, [BIN, ...args], { cwd });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const waitFor = (text: string, count = 1) =>
    new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 15_000;
      const poll = () => {
        if (output.split(text).length - 1 >= count) resolve();
        else if (Date.now() > deadline) reject(new Error(`timed out waiting for “${text}”:\n${output}`));
        else setTimeout(poll, 25);
      };
      poll();
    });
  return { output: () => output, waitFor };
}

describe('fazhi watch', () => {
  it('re-renders on save and keeps the last good output when the YAML breaks', async () => {
    const dir = scratchDir();
    const data = path.join(dir, '报告.yaml');
    const out = path.join(dir, '报告.docx');
    writeFileSync(data, MINIMAL);
    const w = start(['watch', data, '-o', out], dir);
    await w.waitFor('已更新');
    const first = await readDocx(readFileSync(out));
    expect(first.paragraphs.map((p) => p.text)).toContain('基层执法力量仍然不足。');

    writeFileSync(data, MINIMAL.replace('基层执法力量仍然不足。', '基层执法力量已经补齐。'));
    await w.waitFor('已更新', 2);
    const second = await readDocx(readFileSync(out));
    expect(second.paragraphs.map((p) => p.text)).toContain('基层执法力量已经补齐。');

    const good = readFileSync(out);
    writeFileSync(data, MINIMAL.replace('year: 2024', 'year：2024'));
    await w.waitFor('保留上一次生成的文件');
    expect(w.output()).toContain(`${data}:2:1 错误 键和值之间用了中文冒号“：”`);
    expect(readFileSync(out)).toEqual(good);
  }, 30_000);

  it('re-renders when a template is saved', async () => {
    const dir = scratchDir();
    const data = path.join(dir, 'r.yaml');
    const out = path.join(dir, 'r.docx');
    const template = path.join(dir, 'report.hbs');
    writeFileSync(data, MINIMAL);
    writeFileSync(template, '@title 第一版标题\n@part measures 举措\n@part shortcomings 不足\n@part duties 职责\n@part plans 安排\n@signature\n');
    const w = start(['watch', data, '-o', out, '--templates', dir], dir);
    await w.waitFor('已更新');
    writeFileSync(template, readFileSync(template, 'utf8').replace('第一版标题', '第二版标题'));
    await w.waitFor('已更新', 2);
    const docx = await readDocx(readFileSync(out));
    expect(docx.paragraphs[0]!.text).toBe('第二版标题');
  }, 30_000);

  it('re-reads the --reference-doc template on save; a broken save is one message and watching goes on', async () => {
    const dir = scratchDir();
    const data = path.join(dir, 'r.yaml');
    const out = path.join(dir, 'r.docx');
    const template = path.join(dir, '本单位 模板.docx');
    writeFileSync(data, MINIMAL);
    writeFileSync(template, officeTemplate('仿宋'));
    const w = start(['watch', data, '-o', out, '--reference-doc', template], dir);
    await w.waitFor('已更新');
    expect((await readDocx(readFileSync(out))).styles).toContain('w:eastAsia="仿宋"');

    writeFileSync(template, officeTemplate('楷体'));
    await w.waitFor('已更新', 2);
    expect(w.output()).toContain('正文字体为“楷体”');
    expect((await readDocx(readFileSync(out))).styles).toContain('w:eastAsia="楷体"');

    // Saved half-way (a truncated styles part): the last good output stays.
    const good = readFileSync(out);
    const broken = unzipSync(officeTemplate('黑体'));
    broken['word/styles.xml'] = broken['word/styles.xml']!.subarray(0, 200);
    writeFileSync(template, zipSync(broken));
    await w.waitFor('保留上一次生成的文件');
    expect(w.output()).toContain('已损坏：其中的样式部分（word/styles.xml）第 1 行不是完整的 XML');
    expect(w.output()).not.toMatch(/at .*\.(c?js|ts):\d+/);
    expect(readFileSync(out)).toEqual(good);

    writeFileSync(template, officeTemplate('黑体'));
    await w.waitFor('已更新', 3);
    expect((await readDocx(readFileSync(out))).styles).toContain('w:eastAsia="黑体"');
  }, 45_000);

  it('re-reads the --profile file on save', async () => {
    const dir = scratchDir();
    const data = path.join(dir, 'r.yaml');
    const out = path.join(dir, 'r.docx');
    const profile = path.join(dir, '版式.yaml');
    writeFileSync(data, MINIMAL);
    writeFileSync(profile, 'name: 甲\nfonts:\n  body:\n    family: 仿宋\n');
    const w = start(['watch', data, '-o', out, '--profile', profile], dir);
    await w.waitFor('已更新');
    expect((await readDocx(readFileSync(out))).styles).toContain('w:eastAsia="仿宋"');
    writeFileSync(profile, 'name: 乙\nfonts:\n  body:\n    family: 楷体\n');
    await w.waitFor('已更新', 2);
    expect((await readDocx(readFileSync(out))).styles).toContain('w:eastAsia="楷体"');
  }, 30_000);

  it('sees a save made while the first render runs: watching starts before it', async () => {
    const dir = scratchDir();
    const data = path.join(dir, 'r.yaml');
    const out = path.join(dir, 'r.docx');
    writeFileSync(data, MINIMAL);
    const w = start(['watch', data, '-o', out], dir);
    // Printed when the first render starts, after the watcher is ready: a save now must count.
    await w.waitFor('开始监视');
    writeFileSync(data, MINIMAL.replace('基层执法力量仍然不足。', '保存于首次生成期间。'));
    await w.waitFor('已更新', 2);
    const docx = await readDocx(readFileSync(out));
    expect(docx.paragraphs.map((p) => p.text)).toContain('保存于首次生成期间。');
  }, 30_000);
});
