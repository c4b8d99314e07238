// Extreme numbers and huge names: a figure gets a range (and is finite), comparisons with a
// vanishing last-year figure fall back to units, a roll-up that would overflow is refused, and
// no "是否应为" suggestion is worked out for names of absurd length (the edit distance of two
// 60,000-character ids exhausted 4 GB).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostic.js';
import { changeInUnits, changePhrase, formatNumber } from '../src/data/metric-format.js';
import { renderValidated, validateFile, validateText } from '../src/pipeline.js';
import { scratchDir } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';
import { MINIMAL } from './helpers/minimal.js';

const scratch: string[] = [];
afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

const withFigure = (value: string, text = '全年办理〔cases〕，〔cases 同比〕。'): string =>
  MINIMAL.replace('        - 开展合法性审核120件。', `        - ${text}`) + `metrics:\n  - id: cases\n    label: 办理案件\n    value: ${value}\n    unit: 件\n`;

const messages = (yaml: string): string[] => validateText(yaml, 'r.yaml').diagnostics.map(formatDiagnostic);

describe('a figure’s range', () => {
  it.each([
    ['1e+21', 'r.yaml:28:12 错误 “value”（数值）的值 1e+21 超出范围，应在 -1000000000000 到 1000000000000 之间。'],
    ['-1e13', 'r.yaml:28:12 错误 “value”（数值）的值 -10000000000000 超出范围，应在 -1000000000000 到 1000000000000 之间。'],
    ['.inf', 'r.yaml:28:12 错误 “value”（数值）应为数字，现在是文字“.inf”。'],
    ['.nan', 'r.yaml:28:12 错误 “value”（数值）应为数字，现在是文字“.nan”。'],
  ])('value %s is an error at its line', (value, message) => {
    expect(messages(withFigure(value))).toContain(message);
  });

  it('compares with a vanishing last-year figure in units, never “Infinity”, “NaN” or an exponent', async () => {
    expect(changePhrase(5, 1e-300, '件')).toBe('同比增长5件');
    expect(changePhrase(1e12, 1e-6, '件')).toBe('同比增长100000000000000000000%');
    expect(changeInUnits(1e12, -1e12, '件')).toBe('同比增长2000000000000件');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    const d = scratchDir();
    scratch.push(d);
    mkdirSync(path.join(d, '2023'));
    mkdirSync(path.join(d, '2024'));
    writeFileSync(path.join(d, '2023', 'r.yaml'), withFigure('1e-300').replace('year: 2024', 'year: 2023').replace('date: 2025-01-15', 'date: 2024-01-15'));
    writeFileSync(path.join(d, '2024', 'r.yaml'), withFigure('1000000000000'));
    const result = await renderValidated(validateFile(path.join(d, '2024', 'r.yaml'), { previous: path.join(d, '2023', 'r.yaml') }));
    expect(result.diagnostics.filter((x) => x.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const text = (await readDocx(result.docx!)).paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('全年办理1000000000000件，同比增长1000000000000件。');
    expect(text).not.toMatch(/Infinity|NaN|e\+|e-\d/);
  });
});

describe('names of absurd length', () => {
  it('a 60,000-character id and an unknown 60,000-character reference: errors at once, no suggestion', () => {
    const id = `a${'b'.repeat(60_000)}`;
    const ref = `a${'c'.repeat(60_000)}`;
    // Bounded work, not a speed test (that is npm run bench): the quadratic version did not
    // finish in minutes, past the test's time-out.
    const out = messages(withFigure('5', `全年办理〔${ref}〕。`).replace('  - id: cases', `  - id: ${id}`));
    expect(out.some((m) => m.includes('“id”（标识）太长（60001 个字符），最多 64 个字符'))).toBe(true);
    expect(out.join('\n')).not.toContain('是否应为');
  });
});
