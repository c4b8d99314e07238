// Hostile and unusual files given to `fazhi import` (issue #17): every one ends with a clear
// Chinese message and a documented exit code, never an internal error (exit 3), a hang or a
// silently wrong file; the user's files stay as they were. The test timeout bounds each run.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fazhi, ROOT } from './helpers/cli.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import');
const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-import-hostile-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A short report of the fictional 示例区, with line breaks. */
const REPORT = [
  '示例区人民政府关于2024年度法治政府建设情况的报告',
  '示例市人民政府：',
  '2024年，示例区坚持依法行政。现将有关情况报告如下：',
  '一、2024年推进法治政府建设的主要举措和成效',
  '一是健全制度。全年审查规范性文件12件。二是规范执法。全区持证执法人员320名。',
  '二、2024年推进法治政府建设存在的不足和原因',
  '一是基层法治力量薄弱。二是执法规范化水平有待提高。',
  '三、2025年推进法治政府建设的主要安排',
  '一是加强学习培训。二是强化执法监督。',
  '特此报告。',
  '示例区人民政府',
  '2025年1月20日',
];

function noInternalError(r: { code: number | null; stdout: string; stderr: string }): void {
  expect(r.code).not.toBe(3);
  expect(r.code).not.toBeNull();
  expect(r.stderr + r.stdout).not.toContain('内部错误');
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('files that are not regular files are refused at once', () => {
  it.each([
    ['/dev/zero', '/dev/zero'],
    ['a link to /dev/urandom', 'link'],
    ['a FIFO with no writer', 'fifo'],
  ])('%s', (_name, target) => {
    const dir = scratch();
    if (target === 'link') symlinkSync('/dev/urandom', path.join(dir, 'link.txt'));
    if (target === 'fifo') execFileSync('mkfifo', [path.join(dir, 'fifo.txt')]);
    const input = target === '/dev/zero' ? '/dev/zero' : `${target}.txt`;
    const r = fazhi(['import', input, '-o', 'out.yaml'], dir);
    noInternalError(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是普通文件（而是设备、管道或套接字），无法导入');
    expect(existsSync(path.join(dir, 'out.yaml'))).toBe(false);
  }, 20_000);

  it('a folder is named as a folder', () => {
    const dir = scratch();
    mkdirSync(path.join(dir, '报告'));
    const r = fazhi(['import', '报告', '-o', 'out.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“报告”是一个文件夹，请指定要导入的报告文件。');
  });
});

describe('work stays bounded on hostile content', () => {
  it('a 29 MB text of numbered headings is refused by its size before it is read', () => {
    const dir = scratch();
    const line = '一、标题一\n（一）小标题\n1.内容\n';
    writeFileSync(path.join(dir, 'big.txt'), line.repeat(Math.ceil((29 * 1024 * 1024) / Buffer.byteLength(line))));
    const r = fazhi(['import', 'big.txt', '-o', 'out.yaml'], dir);
    noInternalError(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('超过文字和网页文件的导入上限 5 MB');
  }, 30_000);

  it('a text just under the size limit but with more paragraphs than a data file may hold is refused', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'many.txt'), '1.内容\n'.repeat(30_000));
    const r = fazhi(['import', 'many.txt', '-o', 'out.yaml'], dir);
    noInternalError(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/的文字有 30000 段、\d+ 字，超过导入的上限（20000 段/);
  }, 30_000);

  it('a run-together line of 900 000 characters without a single punctuation mark is answered', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'line.txt'), `一、${'法治'.repeat(450_000)} 二、结束`);
    const r = fazhi(['import', 'line.txt', '-o', 'out.yaml'], dir);
    noInternalError(r);
    expect(r.code).toBe(1);
  }, 60_000);

  it('a web page nested 20 000 elements deep imports its text without overflowing the stack', () => {
    const dir = scratch();
    const html = `<!doctype html><html><body>${'<div>'.repeat(20_000)}${REPORT.map((l) => `<p>${l}</p>`).join('')}${'</div>'.repeat(20_000)}</body></html>`;
    writeFileSync(path.join(dir, 'deep.html'), html);
    const r = fazhi(['import', 'deep.html', '-o', 'out.yaml'], dir);
    noInternalError(r);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const data = parse(readFileSync(path.join(dir, 'out.yaml'), 'utf8')) as { unit: { name: string }; measures: { items: unknown[] } };
    expect(data.unit.name).toBe('示例区人民政府');
    expect(data.measures.items).toHaveLength(2);
  }, 60_000);

  it('a page of 200 000 unclosed <b> is answered in seconds, its text kept', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'bold.html'), `<html><body>${REPORT.map((l) => `<p>${l}</p>`).join('')}<p>${'<b>文字'.repeat(200_000)}</p></body></html>`);
    const r = fazhi(['import', 'bold.html', '-o', 'out.yaml'], dir);
    noInternalError(r);
    expect(existsSync(path.join(dir, 'out.yaml')) || r.code === 1).toBe(true);
  }, 60_000);

  it('a page nested deeper than the limit (200 000 unclosed <div>) is refused with a message', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'divs.html'), `<html><body>${'<div>文字'.repeat(200_000)}</body></html>`);
    const r = fazhi(['import', 'divs.html', '-o', 'out.yaml'], dir);
    noInternalError(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('中的网页元素嵌套超过 30000 层，不像是保存的报告网页，无法导入');
  }, 60_000);
});

describe('the original is never overwritten', () => {
  it('not through a linked folder either', () => {
    const dir = scratch();
    mkdirSync(path.join(dir, 'real'));
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'));
    writeFileSync(path.join(dir, 'real', 'report.txt'), REPORT.join('\n'));
    const r = fazhi(['import', 'real/report.txt', '-o', 'link/report.txt', '--force'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('输出文件不能与原文相同');
    expect(readFileSync(path.join(dir, 'real', 'report.txt'), 'utf8')).toBe(REPORT.join('\n'));
  });
});

describe('text encodings', () => {
  it('reads UTF-16LE without a BOM (mostly Chinese, few NUL bytes)', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'u16.txt'), Buffer.from(REPORT.join('\r\n'), 'utf16le'));
    const r = fazhi(['import', 'u16.txt', '-o', 'out.yaml'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('原文是不带 BOM 的 UTF-16 编码，已正确读取。');
    expect(parse(readFileSync(path.join(dir, 'out.yaml'), 'utf8')).title).toBe(REPORT[0]);
  });

  it('reads GBK and says so', () => {
    const dir = scratch();
    // GBK bytes of “示例区” and the rest, written with TextDecoder's inverse: iconv is not assumed.
    const gbk = new Map<string, number[]>();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) gbk.set(decoder.decode(Uint8Array.of(hi, lo)), [hi, lo]);
    const bytes = [...REPORT.join('\r\n')].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : gbk.get(c)!));
    writeFileSync(path.join(dir, 'gbk.txt'), Uint8Array.from(bytes));
    const r = fazhi(['import', 'gbk.txt', '-o', 'out.yaml'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('原文是 GBK（GB18030）编码，已正确读取。');
    expect(parse(readFileSync(path.join(dir, 'out.yaml'), 'utf8')).unit.name).toBe('示例区人民政府');
  });

  it('reads Big5 as Big5 (never as mojibake with a note that GBK was read correctly)', () => {
    const dir = scratch();
    copyFileSync(path.join(FIXTURES, 'traditional-big5.txt'), path.join(dir, 'big5.txt'));
    const r = fazhi(['import', 'big5.txt', '-o', 'out.yaml'], dir);
    expect(r.stdout).not.toContain('GBK');
    expect(r.stdout).toContain('原文是繁体中文 Big5 编码，已按 Big5 读取');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const data = parse(readFileSync(path.join(dir, 'out.yaml'), 'utf8'));
    expect(data.title).toBe('示例區人民政府關於2024年度法治政府建設情況的報告');
    expect(data.unit.name).toBe('示例區人民政府');
    expect(data.level).toBe('district');
  });

  it('refuses Shift-JIS (Japanese) text instead of importing mojibake', () => {
    const dir = scratch();
    copyFileSync(path.join(FIXTURES, 'japanese-shift-jis.txt'), path.join(dir, 'ja.txt'));
    const r = fazhi(['import', 'ja.txt', '-o', 'out.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('“ja.txt”像是日文（Shift-JIS 编码）的文件，不是中文报告，未导入。');
    expect(existsSync(path.join(dir, 'out.yaml'))).toBe(false);
  });
});
