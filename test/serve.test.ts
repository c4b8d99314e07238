// `fazhi serve`: the workbench in a real browser (Debian's Chromium through playwright-core), on a
// copy of the example district. What the user sees is compared with what the command line says
// and writes: the same message at the same line as `fazhi validate`, the file on disk as typed,
// the .docx byte for byte as `fazhi render` writes it. Screenshots go to output/serve/.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, fazhi, ROOT, scratchDir, TEST_CACHE_DIR } from './helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'output', 'serve');
const REPORT = '示例区/2024/report.yaml';

let dir: string;
let server: ChildProcessWithoutNullStreams;
let url: string;
let port: number;
let token: string;
let browser: BrowserContext;
let profileDir: string;

function request(pathname: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  dir = scratchDir();
  cpSync(path.join(ROOT, 'data', '示例区'), path.join(dir, 'data', '示例区'), { recursive: true });
  server = spawn(process.execPath, [BIN, 'serve', '--no-open'], { cwd: dir, env: { ...process.env, FAZHI_CACHE_DIR: TEST_CACHE_DIR } });
  let output = '';
  server.stdout.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr.on('data', (d: Buffer) => (output += d.toString()));
  url = await new Promise<string>((resolve, reject) => {
    const deadline = Date.now() + 20_000;
    const poll = () => {
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (m) resolve(m[0]);
      else if (Date.now() > deadline || server.exitCode !== null) reject(new Error(`fazhi serve did not start:\n${output}`));
      else setTimeout(poll, 50);
    };
    poll();
  });
  const parsed = new URL(url);
  port = Number(parsed.port);
  token = parsed.searchParams.get('token')!;
  profileDir = scratchDir();
  // A fresh profile folder (--user-data-dir) for each run.
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('fazhi serve: who may talk to it', () => {
  it('refuses requests without the token, with a foreign Host or Origin, and paths outside the folder', async () => {
    expect((await request('/api/files')).status).toBe(403);
    expect((await request('/')).text).toContain('缺少或错误的访问口令');
    expect((await request(`/api/files?token=wrong${token.slice(5)}`)).status).toBe(403);
    expect((await request('/api/files', { 'x-fazhi-token': token })).status).toBe(200);
    // DNS rebinding: a page from evil.example resolving to 127.0.0.1 sends its own Host.
    const rebound = await request('/api/files', { 'x-fazhi-token': token, host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.text).toContain('主机名');
    const foreign = await request('/api/files', { 'x-fazhi-token': token, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.text).toContain('其他网页');
    for (const bad of ['../../../etc/passwd', '/etc/passwd', '示例区/../../x.yaml', 'a\\..\\b.yaml']) {
      const r = await request(`/api/file?path=${encodeURIComponent(bad)}`, { 'x-fazhi-token': token });
      expect(r.status, bad).toBe(400);
    }
    // Writing anything but a data file, or outside the folder, is refused, and nothing is written.
    const put = await request('/api/file', { 'x-fazhi-token': token, 'content-type': 'application/json' }, 'PUT', JSON.stringify({ path: '示例区/evil.js', text: 'x', version: '' }));
    expect(put.status).toBe(400);
    expect(existsSync(path.join(dir, 'data', '示例区', 'evil.js'))).toBe(false);
    // A body past the size limit is refused without reading it all.
    const huge = await request('/api/check', { 'x-fazhi-token': token, 'content-type': 'application/json' }, 'POST', JSON.stringify({ path: REPORT, text: 'x'.repeat(11 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    // Broken requests get a sentence each: not JSON, a folder as a file, an unknown address.
    const notJson = await request('/api/check', { 'x-fazhi-token': token, 'content-type': 'application/json' }, 'POST', '{"path": ');
    expect([notJson.status, JSON.parse(notJson.text).message]).toEqual([400, '请求的内容不正确。']);
    expect((await request(`/api/file?path=${encodeURIComponent('示例区/2024')}`, { 'x-fazhi-token': token })).status).toBe(404);
    expect((await request('/api/nothing', { 'x-fazhi-token': token })).status).toBe(404);
    // …and the server is still there.
    expect((await request('/api/files', { 'x-fazhi-token': token })).status).toBe(200);
  });
});

async function openWorkbench(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  return page;
}

/** Clicks into line `n` (1-based) of the editor and puts the cursor at its end. */
async function endOfLine(page: Page, n: number): Promise<void> {
  await page.locator('.cm-line').nth(n - 1).scrollIntoViewIfNeeded();
  await page.locator('.cm-line').nth(n - 1).click();
  await page.keyboard.press('End');
}

describe('fazhi serve: starting it', () => {
  it('says in Chinese when the port is taken, the folder is missing, or the port is not a number', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const busy = (taken.address() as net.AddressInfo).port;
    try {
      // Asynchronous: the port is held by this process, which must keep running to hold it.
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'serve', '--no-open', '--port', String(busy)], { cwd: dir });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`端口 ${busy} 已被占用`);
    } finally {
      taken.close();
    }
    const missing = fazhi(['serve', '--no-open', '没有这个文件夹'], dir);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, '找不到文件夹“没有这个文件夹”，请检查路径。']);
    const port = fazhi(['serve', '--no-open', '--port', '八千'], dir);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port 后面应写 1 到 65535 之间的端口号');
  });
});

describe('fazhi serve in the browser', () => {
  it('shows the files with their state, a mistake at its line, the pages, saves as typed, and downloads the same .docx', async () => {
    const page = await openWorkbench();
    // The file list: the district report, departments, towns and the roster, each with its state.
    const list = page.locator('#files');
    await expect.poll(() => list.locator('li.file').count()).toBeGreaterThan(8);
    await expect.poll(() => list.innerText()).toContain('示例区人民政府');
    expect(await list.innerText()).toContain('单位名册');
    expect(await list.locator('li.file.active .state').innerText()).toBe('无问题');
    // The pages of the example: the title on page 1, page numbers, several pages.
    await page.waitForSelector('.page[data-page="1"]');
    const pagesBefore = Number(await page.locator('#pages').getAttribute('data-pages'));
    expect(pagesBefore).toBeGreaterThan(2);
    expect(await page.locator('.page[data-page="1"] .line.title').allInnerTexts()).not.toHaveLength(0);
    expect(await page.locator('.page[data-page="2"] .page-number.even').innerText()).toBe('— 2 —');
    await page.screenshot({ path: path.join(SHOTS, '1-workbench.png') });

    // A mistake: level "districts". The message and line are those of `fazhi validate`.
    const file = path.join(dir, 'data', REPORT);
    const original = readFileSync(file, 'utf8');
    const broken = original.replace('level: district\n', 'level: districts\n');
    // `fazhi validate` on the same text in a copy of the district, beside the same other files.
    const copy = scratchDir();
    cpSync(path.join(ROOT, 'data', '示例区'), path.join(copy, 'data', '示例区'), { recursive: true });
    writeFileSync(path.join(copy, 'data', REPORT), broken);
    const cli = fazhi(['validate', path.join('data', REPORT)], copy);
    rmSync(copy, { recursive: true, force: true });
    const expected = /data\/示例区\/2024\/report\.yaml:(\d+):(\d+) 错误 (.+)/.exec(cli.stdout);
    expect(expected, cli.stdout).not.toBeNull();
    const [, line, , message] = expected!;
    await expect.poll(() => page.locator('#files').innerText(), { timeout: 10_000 }).toContain('示例区人民政府');
    await endOfLine(page, 2);
    await page.keyboard.type('s');
    const inline = page.locator('.inline-message.error').first();
    await inline.waitFor({ timeout: 10_000 });
    expect(await inline.innerText()).toBe(message);
    const problem = page.locator('li.problem.error').first();
    expect(await problem.getAttribute('data-line')).toBe(line);
    expect(await problem.locator('.msg').innerText()).toBe(message);
    // The inline message sits on that line of the editor.
    expect(await page.locator('.cm-line').nth(Number(line) - 1).locator('.inline-message').innerText()).toBe(message);
    expect(await page.locator('#pages-note').innerText()).toContain('有错误');
    await page.screenshot({ path: path.join(SHOTS, '2-mistake.png') });

    // Fixed: no problems; then a word typed into the preamble appears on page 1 of the pages.
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('.problems-head').innerText(), { timeout: 10_000 }).toBe('没有发现问题。');
    const preambleLine = original.split('\n').findIndex((l) => l.startsWith('  发展大局')) + 1;
    await endOfLine(page, preambleLine);
    await page.keyboard.press('Home');
    await page.keyboard.press('End');
    // Before "现将有关情况报告如下：" would change the sentence; the end of the scalar is simplest.
    await page.keyboard.type('新增一句测试文字。');
    await expect
      .poll(() => page.locator('.page[data-page="1"]').innerText(), { timeout: 10_000 })
      .toContain('新增一句测试文字。');
    expect(await page.locator('#file-title').innerText()).toContain('未保存');
    await page.screenshot({ path: path.join(SHOTS, '3-pages-updated.png') });

    // Saved with Ctrl+S: the file on disk is the text as typed, nothing else changed.
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 10_000 }).toContain('已保存');
    const lines = original.split('\n');
    lines[preambleLine - 1] += '新增一句测试文字。';
    expect(readFileSync(file, 'utf8')).toBe(lines.join('\n'));

    // The .docx downloaded is byte for byte what `fazhi render` writes for the saved file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-docx')]);
    const downloaded = readFileSync((await download.path())!);
    const out = path.join(dir, 'rendered.docx');
    const rendered = fazhi(['render', path.join('data', REPORT), '-o', out], dir);
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(Buffer.compare(downloaded, readFileSync(out))).toBe(0);
    expect(download.suggestedFilename()).toMatch(/报告\.docx$/);

    // Changed on disk by another program while edited here: saving warns instead of overwriting.
    await endOfLine(page, preambleLine);
    await page.keyboard.type('再加');
    const other = readFileSync(file, 'utf8').replace('特此报告。', '特此报告！');
    writeFileSync(file, other);
    await page.locator('#banner').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 10_000 }).toContain('未保存');
    expect(readFileSync(file, 'utf8')).toBe(other);
    await page.screenshot({ path: path.join(SHOTS, '4-changed-on-disk.png') });
    await page.click('#reload');
    await expect.poll(() => page.locator('#file-title').innerText()).not.toContain('未保存');
    await page.close();
  }, 120_000);

  it('shows the district office view with 缺报, roll-up figures and the responsibility table, and starts a new report', async () => {
    // A department's report removed on disk: the list follows, and the unit is 缺报.
    rmSync(path.join(dir, 'data', '示例区', '2024', 'departments', '示例区教育局.yaml'));
    const page = await openWorkbench();
    const year2024 = page.locator('.group', { hasText: '示例区/2024' });
    await expect.poll(() => year2024.locator('li.file.missing').count(), { timeout: 10_000 }).toBe(1);
    expect(await year2024.locator('li.file.missing .label').innerText()).toBe('示例区教育局');
    expect(await year2024.locator('li.file.missing .state').innerText()).toBe('缺报');
    await page.keyboard.press('Alt+2');
    const summary = page.locator('#summary');
    await summary.waitFor({ timeout: 15_000 });
    const text = await summary.innerText();
    expect(text).toContain('示例区司法局');
    expect(text).toContain('缺报');
    expect(await page.locator('ul.rollup li').count()).toBeGreaterThan(0);
    expect(await page.locator('table.tasks tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, '5-district.png') });
    await page.click('#run-batch');
    await expect.poll(() => page.locator('#batch-log').innerText(), { timeout: 60_000 }).toContain('共 ');
    expect(await page.locator('#batch-progress').getAttribute('value')).toBe(await page.locator('#batch-progress').getAttribute('max'));
    await page.screenshot({ path: path.join(SHOTS, '6-batch.png') });

    // New report from the form: the same file `fazhi init` writes.
    await page.keyboard.press('Alt+3');
    await page.selectOption('#init-level', 'department');
    await page.fill('#init-unit', '示例区统计局');
    await page.fill('#init-district', '示例区');
    await page.fill('#init-year', '2024');
    await page.click('#init-form button[type="submit"]');
    await expect.poll(() => page.locator('#init-out').innerText(), { timeout: 10_000 }).toContain('已生成');
    const created = path.join(dir, 'data', '示例区', '2024', 'departments', '示例区统计局.yaml');
    const cliDir = scratchDir();
    const cli = fazhi(['init', '--level', 'department', '--unit', '示例区统计局', '--district', '示例区', '--year', '2024'], cliDir);
    expect(cli.code).toBe(0);
    expect(readFileSync(created, 'utf8')).toBe(readFileSync(path.join(cliDir, 'data', '示例区', '2024', 'departments', '示例区统计局.yaml'), 'utf8'));
    rmSync(cliDir, { recursive: true, force: true });
    await page.screenshot({ path: path.join(SHOTS, '7-start.png') });
    await page.close();
  }, 120_000);
});

describe('fazhi serve: help while typing, line ends kept, starting points, LibreOffice pages', () => {
  it('completes and explains keys in Chinese from the schema', async () => {
    const page = await openWorkbench();
    await page.waitForSelector('.page[data-page="1"]');
    // A new top-level line after `year: 2024` (line 3), and Ctrl+Space: the keys not yet written.
    await endOfLine(page, 3);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    const completion = page.locator('.cm-tooltip-autocomplete');
    await completion.waitFor({ timeout: 5_000 });
    const offered = await completion.innerText();
    expect(offered).toContain('signers'); // (the example has metrics_table already)
    expect(offered).toContain('title_lines');
    expect(offered).toMatch(/[\u4e00-\u9fff]/);
    // Keys the file already has are not offered again.
    expect(offered).not.toMatch(/^(level|year|unit|title)\b(?!_)/m);
    await page.screenshot({ path: path.join(SHOTS, '8-completion.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    // Hover on a key: its title and description from the schema.
    await page.locator('.cm-line').nth(1).getByText('level').hover();
    const hover = page.locator('.hover');
    await hover.waitFor({ timeout: 5_000 });
    expect(await hover.innerText()).toContain('报告主体层级');
    await page.close();
  }, 60_000);

  it('keeps CRLF line ends and the byte order mark when saving a file that had them', async () => {
    const rel = '示例区/2024/departments/示例区司法局.yaml';
    const file = path.join(dir, 'data', rel);
    const crlf = `\ufeff${readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n')}`;
    writeFileSync(file, crlf);
    const page = await browser.newPage();
    await page.goto(`${url}&file=${encodeURIComponent(rel)}`);
    await page.waitForSelector('body[data-ready="true"]');
    await expect.poll(() => page.locator('#file-title').innerText()).toBe(rel);
    await endOfLine(page, 2);
    await page.keyboard.type('  # 注释');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 10_000 }).toContain('已保存');
    expect(readFileSync(file, 'utf8')).toBe(crlf.replace('level: department\r\n', 'level: department  # 注释\r\n'));
    await page.close();
  }, 60_000);

  it('imports a dropped report and drafts next year exactly as the commands do', async () => {
    const page = await openWorkbench();
    await page.keyboard.press('Alt+3');
    await page.fill('#import-target', '示例区/2023/towns/导入的报告.yaml');
    // Dropped on the page, as a user drags it from the desktop.
    const html = readFileSync(path.join(ROOT, 'test', 'fixtures', 'import', 'town.html'), 'utf8');
    // (A script as text: this file is compiled without the browser's types.)
    await page.evaluate(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([${JSON.stringify(html)}], 'town.html', { type: 'text/html' }));
      const target = document.getElementById('import-drop');
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    })()`);
    await expect.poll(() => page.locator('#import-out').innerText(), { timeout: 30_000 }).toContain('已导入');
    const copy = scratchDir();
    mkdirSync(path.join(copy, 'data', '示例区', '2023', 'towns'), { recursive: true });
    cpSync(path.join(ROOT, 'test', 'fixtures', 'import', 'town.html'), path.join(copy, 'town.html'));
    const cli = fazhi(['import', 'town.html', '-o', path.join('data', '示例区', '2023', 'towns', '导入的报告.yaml')], copy);
    expect(readFileSync(path.join(dir, 'data', '示例区', '2023', 'towns', '导入的报告.yaml'), 'utf8')).toBe(
      readFileSync(path.join(copy, 'data', '示例区', '2023', 'towns', '导入的报告.yaml'), 'utf8'),
    );
    expect(cli.stdout).toContain('已导入');

    await page.selectOption('#new-year-source', '示例区/2024/report.yaml');
    await page.click('#new-year-form button[type="submit"]');
    await expect.poll(() => page.locator('#new-year-out').innerText(), { timeout: 30_000 }).toContain('已生成');
    const ours = readFileSync(path.join(dir, 'data', '示例区', '2025', 'report.yaml'), 'utf8');
    cpSync(path.join(dir, 'data', '示例区', '2024'), path.join(copy, 'data', '示例区', '2024'), { recursive: true });
    cpSync(path.join(dir, 'data', '示例区', 'units.yaml'), path.join(copy, 'data', '示例区', 'units.yaml'));
    expect(fazhi(['new-year', path.join('data', '示例区', '2024', 'report.yaml')], copy).code).toBe(0);
    expect(ours).toBe(readFileSync(path.join(copy, 'data', '示例区', '2025', 'report.yaml'), 'utf8'));
    rmSync(copy, { recursive: true, force: true });
    // The new file is offered, and opens with its 【待填写】 places as errors at their lines.
    await page.click('#new-year-out #open-created');
    await page.locator('li.problem.error').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('.problems').innerText()).toContain('【待填写】');
    await page.screenshot({ path: path.join(SHOTS, '9-new-year.png') });
    await page.close();
  }, 90_000);

  it('shows the pages LibreOffice lays out, names the stand-in fonts, and downloads the PDF and the web page', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}&file=${encodeURIComponent('示例区/2024/towns/示例区青山镇人民政府.yaml')}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('.page[data-page="1"]');
    const estimated = Number(await page.locator('#pages').getAttribute('data-pages'));
    await page.click('#exact');
    await page.locator('img.exact-page').first().waitFor({ timeout: 150_000 });
    expect(await page.locator('img.exact-page').count()).toBe(estimated);
    expect(await page.locator('#pages-note').innerText()).toMatch(/LibreOffice 排出的 \d+ 页/);
    expect(await page.locator('#pages-note').innerText()).toMatch(/替代字体|公文字体/);
    await page.screenshot({ path: path.join(SHOTS, '10-libreoffice-pages.png') });

    const [html] = await Promise.all([page.waitForEvent('download'), page.click('#download-html')]);
    const out = path.join(dir, 'town.docx');
    expect(fazhi(['render', path.join('data', '示例区', '2024', 'towns', '示例区青山镇人民政府.yaml'), '-o', out, '--html'], dir).code).toBe(0);
    expect(readFileSync((await html.path())!, 'utf8')).toBe(readFileSync(out.replace(/\.docx$/, '.html'), 'utf8'));
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 150_000 }), page.click('#download-pdf')]);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  }, 320_000);
});

