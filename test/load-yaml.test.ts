// The loader counts its limits while it parses, in one pass over the tokens. These pin what the
// separate counting pass before parsing guaranteed, and the shortcuts taken for ordinary files.
import { describe, expect, it } from 'vitest';
import { loadReportText } from '../src/load/index.js';
import { MINIMAL } from './helpers/minimal.js';

const load = (text: string) => loadReportText(new TextEncoder().encode(text), 'r.yaml');
const rules = (text: string) => load(text).diagnostics.map((d) => [d.ruleId, d.position?.line, d.position?.column]);

describe('limits counted while parsing', () => {
  const tooMany = '- a\n'.repeat(30_000);

  it('a limit later in the file wins over an earlier syntax error', () => {
    expect(rules(`title：示例\nyear: 2024\n${tooMany}`)).toEqual([['load/too-many-values', 20_002, 1]]);
  });

  it('a limit in a second document wins over the second document itself', () => {
    expect(rules(`${MINIMAL}---\n${tooMany}`)).toEqual([['load/too-many-values', 20_006, 1]]);
    expect(rules(`${MINIMAL}---\nother: ${'['.repeat(50)}\n`)).toEqual([['load/too-deep', 26, 48]]);
  });

  it('without a limit, a second document is the syntax error', () => {
    expect(rules(`${MINIMAL}---\nyear: 2025\n`)).toEqual([['yaml/syntax', 25, 1]]);
  });
});

describe('shortcuts for ordinary files', () => {
  it("a syntax error's hint is taken from its own line (CRLF file)", () => {
    const loaded = load('level: district\r\nyear: 2024\r\ntitle：示例\r\nunit: x\r\n');
    expect(loaded.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['yaml/syntax', '键和值之间用了中文冒号“：”，请改为英文冒号“:”，后面加一个空格。'],
    ]);
  });

  it('a control character written only as an escape is still removed with a warning', () => {
    const loaded = load(MINIMAL.replace('short: 测试区', 'short: "测试\\x07区"'));
    expect(loaded.diagnostics.map((d) => [d.ruleId, d.position?.line, d.position?.column])).toEqual([['load/control-character', 5, 10]]);
    expect((loaded.data as { unit: { short: string } }).unit.short).toBe('测试区');
  });

  it('blank and comment lines only, with CRLF or a stray CR, is an empty file', () => {
    expect(rules('# 说明\r\n\r\n   # 另一行\r\n')).toEqual([['load/empty', undefined, undefined]]);
    expect(rules('# 说明\r\nlevel: district\r\n')).toEqual([]);
  });
});
