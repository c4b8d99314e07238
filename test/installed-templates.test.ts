// The bundled templates are read when a report is rendered: a template edited in the installed
// package after the build is used as edited.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fazhi, installedCopy, ROOT, scratchDir } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';

const EXAMPLES = [
  path.join('data', '示例区', '2024', 'report.yaml'),
  path.join('data', '示例区', '2024', 'departments', '示例区司法局.yaml'),
  path.join('data', '示例区', '2024', 'towns', '示例区青山镇人民政府.yaml'),
];

function onlyDocx(dir: string): Buffer {
  const files = readdirSync(dir).filter((f) => f.endsWith('.docx'));
  expect(files).toHaveLength(1);
  return readFileSync(path.join(dir, files[0]!));
}

describe('the bundled templates', () => {
  it('are used as edited in the installed package after the build', async () => {
    const dir = scratchDir();
    const installed = path.join(dir, 'fazhi-report');
    const bin = installedCopy(installed);
    const template = path.join(installed, 'templates', 'district', 'report.hbs');
    writeFileSync(template, readFileSync(template, 'utf8').replace('其他需要报告的情况', '其他需要报告的事项'));
    // Run the installed copy, not the repository's.
    const r = fazhi(['render', path.join(ROOT, EXAMPLES[0]!), '-o', path.join(dir, 'out')], ROOT, {}, bin);
    expect(r.code, r.stderr).toBe(0);
    const text = (await readDocx(onlyDocx(path.join(dir, 'out')))).paragraphs.map((p) => p.text);
    expect(text.some((t) => t.includes('其他需要报告的事项'))).toBe(true);
    expect(text.some((t) => t.includes('其他需要报告的情况'))).toBe(false);
  });
});
