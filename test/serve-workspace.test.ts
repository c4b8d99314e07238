// The workbench's server side without a browser: the page preview is the .docx writer's page
// estimate, line for line; the editor's checks are `fazhi validate`'s; paths from the page stay
// inside the served folder.

import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { blockText } from '../src/compose/model.js';
import { breakLines, colophonBreaks, countLines, estimatePages } from '../src/layout/paginate.js';
import { GBT9704 } from '../src/layout/profile.js';
import { renderValidated, validateFile } from '../src/pipeline.js';
import { PathError, resolveInside } from '../src/serve/guard.js';
import { previewOf } from '../src/serve/pages.js';
import { Workspace } from '../src/serve/workspace.js';
import { writeDocx } from '../src/write/docx/index.js';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';

const EXAMPLES = ['2024/report.yaml', '2023/report.yaml', '2024/departments/示例区司法局.yaml', '2024/towns/示例区青山镇人民政府.yaml'].map((f) => path.join('data', '示例区', f));

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('breakLines: the lines countLines counts', () => {
  it('splits the example paragraphs into as many lines as the estimate counts, losing nothing', async () => {
    for (const file of EXAMPLES) {
      const { document } = await renderValidated(validateFile(path.join(ROOT, file)));
      for (const block of document!.blocks) {
        const text = blockText(block);
        for (const [first, rest] of [[26, 28], [28, 28], [23, 23]] as const) {
          const lines = breakLines(text, first, rest);
          expect(lines.join('')).toBe(text);
          expect(lines).toHaveLength(countLines(text, first, rest));
        }
      }
    }
  });

  it('agrees with countLines on any text, and never starts a line with a closing mark it could pull back', () => {
    const pieces = fc.constantFrom('法', '治', '，', '。', '（', '）', '“', '”', '《', '》', 'ab', '2024', '1.5%', ' ', '—', '…', '、');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 120 }), fc.integer({ min: 5, max: 28 }), (parts, width) => {
        const text = parts.join('');
        const lines = breakLines(text, width - 2, width);
        expect(lines.join('')).toBe(text);
        expect(lines).toHaveLength(countLines(text, width - 2, width));
      }),
      { numRuns: 300 },
    );
  });
});

describe('previewOf: the pages the .docx writer estimates', () => {
  it('puts every line of the example on the page and grid line the estimate gives, 版记 on an even page', async () => {
    const { document } = await renderValidated(validateFile(path.join(ROOT, EXAMPLES[0]!)));
    const preview = previewOf(document!, GBT9704);
    const { lastPage } = estimatePages(document!.blocks.filter((b) => b.kind !== 'colophon'), GBT9704);
    // The last text page, then the 版记 on that page when even, else on the next.
    expect(preview.pages.length).toBe(lastPage % 2 === 1 ? lastPage + 1 : lastPage);
    const colophonPages = preview.pages.filter((p) => p.colophon);
    expect(colophonPages).toHaveLength(1);
    expect(colophonPages[0]!.number % 2).toBe(0);
    for (const page of preview.pages) {
      const used = page.lines.map((l) => l.line);
      expect(new Set(used).size, `page ${page.number}: two texts on one grid line`).toBe(used.length);
      expect(Math.max(-1, ...used)).toBeLessThan(22);
    }
    // Read in order, the pages hold the paragraphs' text, whole and in order.
    const onPages = preview.pages.flatMap((p) => [...p.lines].sort((a, b) => a.line - b.line).map((l) => l.runs.map((r) => r.text).join(''))).join('');
    let at = 0;
    for (const block of document!.blocks) {
      if (block.kind !== 'paragraph' && block.kind !== 'heading') continue;
      const text = blockText(block);
      const found = onPages.indexOf(text, at);
      expect(found, text.slice(0, 20)).toBeGreaterThanOrEqual(at);
      at = found + text.length;
    }
    // The title, centred on page 1; the 署名 right of the page's middle.
    expect(preview.pages[0]!.lines.filter((l) => l.style === 'title').every((l) => l.center)).toBe(true);
    const signature = preview.pages.flatMap((p) => p.lines).filter((l) => l.style === 'signature');
    expect(signature.map((l) => l.runs[0]!.text)).toEqual([...((document!.blocks.find((b) => b.kind === 'signature') as { organs: readonly string[] }).organs), expect.stringMatching(/年.*月.*日$/)]);
  });
});

describe('previewOf and the .docx: no page number around a blank page before the 版记 (GB/T 9704 §7.5)', () => {
  const footersOf = (rels: string, sectPr: string): string[] =>
    [...sectPr.matchAll(/<w:footerReference w:type="(?:default|even)" r:id="([^"]+)"\/>/g)].map((m) => new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!);

  it.each(EXAMPLES)('%s', async (file) => {
    const result = await renderValidated(validateFile(path.join(ROOT, file)));
    const doc = result.document!;
    const preview = previewOf(doc, GBT9704);
    const colophon = doc.blocks.find((b) => b.kind === 'colophon');
    const { breaks } = colophon ? colophonBreaks(doc.blocks, colophon, GBT9704) : { breaks: 0 };
    const zip = unzipSync(result.docx!);
    const part = (name: string): string => strFromU8(zip[name]!);
    const document = part('word/document.xml');
    const sections = [...document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    const rels = part('word/_rels/document.xml.rels');
    const numbered = (sectPr: string): boolean => footersOf(rels, sectPr).every((f) => part(`word/${f}`).includes('PAGE'));
    if (breaks !== 2) {
      // One section, every page numbered.
      expect(sections).toHaveLength(1);
      expect(numbered(sections[0]!)).toBe(true);
      expect(preview.pages.some((p) => p.unnumbered)).toBe(false);
      return;
    }
    // The blank page and the 版记 page: the .docx's second section, with footers that hold no text.
    expect(sections).toHaveLength(2);
    expect(numbered(sections[0]!)).toBe(true);
    const blank = footersOf(rels, sections[1]!);
    expect(blank).toHaveLength(2);
    for (const f of blank) expect(part(`word/${f}`)).not.toMatch(/<w:t[ >]|PAGE/);
    // The text's last paragraph ends the numbered section; the next starts the blank page.
    expect(document).toMatch(/<w:sectPr>[\s\S]*?<\/w:sectPr><\/w:pPr><w:r>/);
    const n = preview.pages.length;
    expect(preview.pages.filter((p) => p.unnumbered).map((p) => p.number)).toEqual([n - 1, n]);
    expect(preview.pages[n - 2]!.lines).toHaveLength(0);
    expect(preview.pages[n - 1]!.colophon).toBeDefined();
  });

  it('numbers every page when a profile says so (pageNumber.noneAroundBlankPage: false)', async () => {
    const file = path.join(ROOT, 'data', '示例区', '2024', 'towns', '示例区青山镇人民政府.yaml');
    const doc = (await renderValidated(validateFile(file))).document!;
    const profile = { ...GBT9704, pageNumber: { ...GBT9704.pageNumber, noneAroundBlankPage: { ...GBT9704.pageNumber.noneAroundBlankPage, value: false } } };
    const colophon = doc.blocks.find((b) => b.kind === 'colophon')!;
    expect(colophonBreaks(doc.blocks, colophon, profile)).toMatchObject({ breaks: 2, unnumbered: false });
    const document = strFromU8(unzipSync(await writeDocx(doc, profile))['word/document.xml']!);
    expect(document.match(/<w:sectPr\b/g)).toHaveLength(1);
    expect(previewOf(doc, profile).pages.some((p) => p.unnumbered)).toBe(false);
  });

  it('covers an example with the blank page', async () => {
    const withBlank = await Promise.all(
      EXAMPLES.map(async (file) => {
        const doc = (await renderValidated(validateFile(path.join(ROOT, file)))).document!;
        const colophon = doc.blocks.find((b) => b.kind === 'colophon');
        return colophon ? colophonBreaks(doc.blocks, colophon, GBT9704).breaks : 0;
      }),
    );
    expect(withBlank).toContain(2);
  });
});

describe('resolveInside: file names from the page', () => {
  const root = scratchDir();
  dirs.push(root);
  mkdirSync(path.join(root, '示例区', '2024'), { recursive: true });
  const outside = scratchDir();
  dirs.push(outside);
  symlinkSync(outside, path.join(root, '链接'));

  it.each([
    ['示例区/2024/report.yaml', path.join(root, '示例区', '2024', 'report.yaml')],
    ['示例区/2024/departments/某 局.yaml', path.join(root, '示例区', '2024', 'departments', '某 局.yaml')],
  ])('accepts %s', (given, expected) => {
    expect(resolveInside(root, given, { write: true })).toBe(expected);
  });

  it.each([
    ['../x.yaml'],
    ['/etc/passwd'],
    ['示例区/../../x.yaml'],
    ['示例区\\..\\x.yaml'],
    ['C:/x.yaml'],
    ['示例区//x.yaml'],
    ['NUL.yaml'],
    ['示例区/x.yaml '],
    ['a\u0000.yaml'],
    ['链接/x.yaml'],
    [''],
  ])('refuses %j', (given) => {
    expect(() => resolveInside(root, given, { write: true })).toThrow(PathError);
  });

  it('writes only data files', () => {
    expect(() => resolveInside(root, '示例区/2024/app.js', { write: true })).toThrow('只能保存 .yaml 数据文件');
    expect(resolveInside(root, '示例区/2024/app.js')).toBe(path.join(root, '示例区', '2024', 'app.js'));
  });
});

describe('Workspace.check: the editor sees what fazhi validate says', () => {
  it('gives the messages and positions of validate, cross-file ones included, for the text being edited', async () => {
    const cwd = scratchDir();
    dirs.push(cwd);
    cpSync(path.join(ROOT, 'data', '示例区'), path.join(cwd, 'data', '示例区'), { recursive: true });
    const ws = new Workspace(path.join(cwd, 'data'), cwd);
    const file = path.join(cwd, 'data', '示例区', '2024', 'report.yaml');
    const original = readFileSync(file, 'utf8');
    // A 牵头单位 the roster does not know (checked against units.yaml)
    const edited = original.replace('lead_unit: 区司法局', 'lead_unit: 区司法所');
    expect(edited).not.toBe(original);
    // Paths in messages are relative to the working folder, as on the command line: the
    // server runs in it (fazhi serve's working folder), so the check does too.
    const before = process.cwd();
    process.chdir(cwd);
    let answer;
    try {
      answer = ws.check(file, edited);
    } finally {
      process.chdir(before);
    }
    writeFileSync(file, edited);
    const cli = fazhi(['validate', path.join('data', '示例区', '2024', 'report.yaml')], cwd);
    writeFileSync(file, original);
    const expected = cli.stdout
      .split('\n')
      .map((l) => /^(.+?):(\d+):(\d+) (错误|警告) (.+)$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => [m[1], Number(m[2]), Number(m[3]), m[4] === '错误' ? 'error' : 'warning', m[5]]);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.some((d) => d[1] !== 0 && String(d[4]).includes('不在单位名册'))).toBe(true);
    expect(answer.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.message])).toEqual(expected);
    expect((await ws.pages(file, edited)).preview).toBeUndefined();
    // The file on disk is untouched by checking, and clean text gives pages.
    process.chdir(cwd);
    try {
      expect(ws.check(file, original).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect((await ws.pages(file, original)).preview!.pages.length).toBeGreaterThan(0);
    } finally {
      process.chdir(before);
    }
  });
});

describe('Workspace.check: the roster as the user types it', () => {
  it('gives the roster messages of fazhi validate units.yaml for the text being edited', () => {
    const cwd = scratchDir();
    dirs.push(cwd);
    cpSync(path.join(ROOT, 'data', '示例区'), path.join(cwd, 'data', '示例区'), { recursive: true });
    const ws = new Workspace(path.join(cwd, 'data'), cwd);
    const file = path.join(cwd, 'data', '示例区', 'units.yaml');
    const original = readFileSync(file, 'utf8');
    const edited = original.replace('level: department', 'levle: department');
    expect(edited).not.toBe(original);
    const before = process.cwd();
    process.chdir(cwd);
    let answer;
    try {
      answer = ws.check(file, edited);
    } finally {
      process.chdir(before);
    }
    // On disk the roster is still the original: the check read the text, not the file.
    expect(readFileSync(file, 'utf8')).toBe(original);
    writeFileSync(file, edited);
    const cli = fazhi(['validate', path.join('data', '示例区', 'units.yaml')], cwd);
    writeFileSync(file, original);
    const expected = cli.stdout
      .split('\n')
      .map((l) => /^(.+?):(\d+):(\d+) (错误|警告) (.+)$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => [m[1], Number(m[2]), Number(m[3]), m[5]]);
    expect(expected.length).toBeGreaterThan(0);
    expect(answer.diagnostics.map((d) => [d.file, d.line, d.column, d.message])).toEqual(expected);
  });
});
