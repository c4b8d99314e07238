// User templates are input too: a bounded size, a bounded nesting of blocks, a bounded number of
// lines per report; each limit ends in one Chinese message at the template's line, exit 1, in
// bounded time and memory.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostic.js';
import { TEMPLATE_LIMITS } from '../src/load/limits.js';
import { renderValidated, validateText } from '../src/pipeline.js';
import { clearTemplateCache } from '../src/compose/template.js';
import { ROOT, scratchDir } from './helpers/cli.js';
import { MINIMAL } from './helpers/minimal.js';

const scratch: string[] = [];
afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

/** A templates folder whose district template is `edit` of ours. */
function templates(edit: (ours: string) => string): string {
  const d = scratchDir();
  scratch.push(d);
  cpSync(path.join(ROOT, 'templates'), d, { recursive: true });
  const file = path.join(d, 'district', 'report.hbs');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  clearTemplateCache();
  return d;
}

async function messages(templatesDir: string): Promise<string[]> {
  const started = performance.now();
  const result = await renderValidated(validateText(MINIMAL, 'r.yaml'), { templatesDir });
  // Bounded work, not a speed test: the unbounded versions overflowed the stack or ran on.
  expect(performance.now() - started).toBeLessThan(20_000);
  expect(result.docx).toBeUndefined();
  return result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
}

describe('a user template', () => {
  it('nested 5,000 {{#if}} deep: refused at the line where it gets too deep', async () => {
    const dir = templates((ours) => `${'{{#if year}}\n'.repeat(5_000)}${ours}${'{{/if}}\n'.repeat(5_000)}`);
    const out = await messages(dir);
    expect(out).toEqual([
      `${path.join(dir, 'district', 'report.hbs')}:${TEMPLATE_LIMITS.maxBlockDepth + 1}:1 错误 模板中的 {{#…}} 块嵌套超过 ${TEMPLATE_LIMITS.maxBlockDepth} 层，已停止读取；请检查是否缺少结束标记 {{/…}}，或删去多余的层次。`,
    ]);
  });

  it('larger than the size limit: refused before it is read', async () => {
    const dir = templates((ours) => `${ours}{{!-- ${'注'.repeat(100_000)} --}}\n`);
    const [message] = await messages(dir);
    expect(message).toMatch(/report\.hbs 错误 模板文件大小 \d+ KB，超过上限 256 KB；/);
  });

  it('a folder in place of report.hbs: refused, not read', async () => {
    const dir = templates((ours) => ours);
    rmSync(path.join(dir, 'district', 'report.hbs'));
    mkdirSync(path.join(dir, 'district', 'report.hbs'));
    const [message] = await messages(dir);
    expect(message).toContain('模板不是普通文件');
  });

  it('emitting more lines per report than the limit: stopped with the limit’s message', async () => {
    const dir = templates((ours) => `${ours}\n{{#each recipients}}\n${'@paragraph 段落\n'.repeat(TEMPLATE_LIMITS.maxDirectives + 100)}{{/each}}\n`);
    const out = await messages(dir);
    expect(out.join('\n')).toContain(`模板生成的内容超过上限（${TEMPLATE_LIMITS.maxDirectives} 行`);
  });
});
