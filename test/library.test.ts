// The library as another program uses it: `import … from 'fazhi-report'` resolved through
// package.json's exports (the built dist/), with the README's example run as written.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';

const dir = scratchDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first ```js block after the README's heading for the library. */
function readmeExample(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### 在程序中调用（库）'));
  return /```js\n([\s\S]*?)```/.exec(section)![1]!;
}

describe('the library entry', () => {
  it('runs the README’s example: the same document as `fazhi render --profile --previous`', async () => {
    const example = readmeExample();
    expect(example.split('\n').filter((l) => l.trim() !== '').length).toBeLessThanOrEqual(10);
    // A project of the user's: the package installed under node_modules, their data beside.
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(ROOT, path.join(dir, 'node_modules', 'fazhi-report'), 'dir');
    symlinkSync(path.join(ROOT, 'data'), path.join(dir, 'data'), 'dir');
    symlinkSync(path.join(ROOT, 'profiles'), path.join(dir, 'profiles'), 'dir');
    writeFileSync(path.join(dir, 'example.mjs'), example);
    const r = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, FAZHI_CACHE: 'off' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const docx = readFileSync(path.join(dir, '报告.docx'));

    const cli = fazhi(['render', 'data/示例区/2024/report.yaml', '--profile', 'profiles/示例省变体.yaml', '--previous', 'data/示例区/2023/report.yaml', '-o', path.join(dir, 'cli')]);
    expect(cli.code, cli.stderr).toBe(0);
    const [name] = readdirSync(path.join(dir, 'cli'));
    expect(docx.equals(readFileSync(path.join(dir, 'cli', name!)))).toBe(true);
    // The variant profile reached the document: its page numbers are written “- 1 -”.
    expect((await readDocx(docx)).footers.join('')).toContain('>- </w:t>');
  });

  it('is what package.json exports, with its types', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { types: string; import: string }>; types: string };
    expect(pkg.types).toBe(pkg.exports['.']!.types);
    const declarations = readFileSync(path.join(ROOT, pkg.types), 'utf8');
    for (const name of ['renderFile', 'validateFile', 'RenderOptions', 'loadProfile', 'formatDiagnostic']) expect(declarations).toContain(name);
  });
});
