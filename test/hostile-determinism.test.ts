// The same input renders to the same bytes: twice in a row, in another process, in another
// time zone, on another day, and after other reports in the same batch — so outputs can be
// compared (diff) and archived. And LibreOffice opens what we write, when it is installed.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderFile } from '../src/pipeline.js';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { docxProblems } from './helpers/wellformed.js';

const DISTRICT = path.join(ROOT, 'data', '示例区', '2024', 'report.yaml');
const DEPARTMENT = path.join(ROOT, 'data', '示例区', '2024', 'departments', '示例区司法局.yaml');

function cliRender(input: string, env: Record<string, string>): Buffer {
  const out = path.join(scratchDir(), '报告.docx');
  const r = fazhi(['render', input, '-o', out], ROOT, env);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out);
}

/** Date and time of every entry in the zip's central directory, as stored (MS-DOS format). */
function entryTimes(zip: Uint8Array): { name: string; time: number; date: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end -= 1;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: { name: string; time: number; date: number }[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    out.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('byte-identical output', () => {
  it('is the same from two processes in different time zones, seconds apart', () => {
    const shanghai = cliRender(DISTRICT, { TZ: 'Asia/Shanghai' });
    const newYork = cliRender(DISTRICT, { TZ: 'America/New_York' });
    expect(shanghai.equals(newYork)).toBe(true);
  });

  it('is the same on another day, and after other reports rendered in the same process', async () => {
    const fresh = cliRender(DISTRICT, { TZ: 'UTC' });
    // Only Date is faked: the writer's own timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-04T23:59:58Z'));
    await renderFile(DEPARTMENT);
    await renderFile(path.join(ROOT, 'data', '示例区', '2024', 'towns', '示例街道办事处.yaml'));
    const later = await renderFile(DISTRICT);
    expect(Buffer.from(later.docx!).equals(fresh)).toBe(true);
  });

  it('carries no time of writing: no created/modified stamp, every zip entry at 1980-01-01 00:00', () => {
    const docx = cliRender(DEPARTMENT, {});
    const core = new TextDecoder().decode(unzipSync(docx)['docProps/core.xml']);
    expect(core).not.toMatch(/dcterms:created|dcterms:modified/);
    expect(core).toContain('<dc:title>示例区司法局2024年法治政府建设年度报告</dc:title>');
    const times = entryTimes(docx);
    expect(times.map((t) => t.name)).toContain('word/document.xml');
    // MS-DOS date 1980-01-01 is (0 << 9) | (1 << 5) | 1 = 33; time 00:00:00 is 0.
    for (const t of times) expect([t.name, t.date, t.time]).toEqual([t.name, 33, 0]);
    // Relationship ids are the library's numbered ones (or renumbered), never random.
    for (const [name, data] of Object.entries(unzipSync(docx))) {
      if (!name.endsWith('.rels')) continue;
      for (const m of new TextDecoder().decode(data).matchAll(/\bId="([^"]+)"/g)) expect(m[1]).toMatch(/^(rId|fzId)\d+$/);
    }
  });
});

describe('LibreOffice', () => {
  let soffice = true;
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
  } catch {
    soffice = false;
  }
  // Skipped, not failed, where LibreOffice is not installed (the XML checks run everywhere).
  it.skipIf(!soffice)('opens the documents and reads their text', { timeout: 120_000 }, () => {
    const dir = scratchDir();
    const inputs = [DISTRICT, path.join(ROOT, 'test/fixtures/hostile/control-chars.yaml'), path.join(ROOT, 'test/fixtures/hostile/rtl-emoji.yaml')];
    inputs.forEach((input, i) => {
      const r = fazhi(['render', input, '-o', path.join(dir, `${i}.docx`)]);
      expect(r.code).toBe(0);
      expect(docxProblems(readFileSync(path.join(dir, `${i}.docx`)))).toEqual([]);
    });
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text', '--outdir', dir, ...inputs.map((_, i) => path.join(dir, `${i}.docx`))], {
      stdio: 'ignore',
      timeout: 110_000,
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()).toEqual(['0.txt', '1.txt', '2.txt']);
    const text = (i: number): string => readFileSync(path.join(dir, `${i}.txt`), 'utf8');
    expect(text(0)).toContain('2024年度法治政府建设情况的报告');
    expect(text(1)).toContain('测政〔2025〕1号');
    expect(text(2)).toContain('健全依法决策机制👍🏽👨‍👩‍👧');
  });
});
