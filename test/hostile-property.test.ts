// Property: whatever a report file is turned into — keys renamed or deleted, nodes duplicated,
// values of the wrong type, hostile strings, lines deleted, duplicated or cut, stray
// characters, other encodings — `fazhi render` either exits 0 with a well-formed .docx or exits
// 1 with at least one Chinese error at file:line:column; never an exception, a stack trace or
// a hang. Most runs call the CLI in-process; a sample runs the real command.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { runCli, STACK_TRACE } from './helpers/hostile.js';
import { MINIMAL } from './helpers/minimal.js';
import { docxProblems } from './helpers/wellformed.js';

/** Seeds: every example report and the minimal report. */
function exampleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? exampleFiles(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : [],
  );
}
const SEEDS: string[] = [
  MINIMAL,
  // Report files only (the folder also holds other kinds of data, such as a list of units).
  ...exampleFiles(path.join(ROOT, 'data', '示例区'))
    .map((f) => readFileSync(f, 'utf8'))
    .filter((text) => /^level: /m.test(text)),
];

const HOSTILE_STRINGS = [
  '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\ud800', '\udfff', '\ufffe', '\uffff',
  '{{year}}', '{{{unit.name}}}', '{{#each this}}x{{/each}}', '{{> p}}', '<w:t>', '</w:p>', ']]>', '&amp;', '&#0;', '<?xml?>',
  '\n@title 假标题\n', '@part measures x', 'مرحبا', '\u202e反向', '🏛️👨‍👩‍👧', '𠀀𰻞', '：', '\u3000', '\t', '\r',
  '2025-02-30', '0', '-1', '1e999', '9'.repeat(400), 'true', 'null', '~', '', ' ', '一、', '（一）', '一是',
  '__proto__', 'constructor', 'prototype', '../../etc', 'CON', '法'.repeat(20_000),
];
const KEYS = ['level', 'year', 'unit', 'name', 'short', 'title', 'title_lines', 'doc_number', 'recipients', 'preamble', 'measures', 'groups', 'heading', 'items', 'lead', 'text', 'intro', 'date', 'signatories', 'metrics', 'yaer', '年度', '__proto__', 'constructor', 'prototype', ''];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...HOSTILE_STRINGS, '法治', 'a', ' '), { maxLength: 6 }).map((parts) => parts.join('')),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...KEYS), hostileString, { maxKeys: 3 }),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

/** Every (container, key) pair in the tree, parents before children. */
function slots(root: Json): [Container, string | number][] {
  const out: [Container, string | number][] = [];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) node.forEach((v, i) => (out.push([node, i]), visit(v)));
    else if (node !== null && typeof node === 'object') for (const k of Object.keys(node)) out.push([node, k]), visit(node[k]!);
  };
  visit(root);
  return out;
}

// Assignments go through defineProperty: a key named __proto__ must stay data here too.
const put = (c: Container, k: string | number, v: unknown): void => {
  Object.defineProperty(c, k, { value: v, enumerable: true, writable: true, configurable: true });
};

type TreeOp = { op: 'delete' | 'duplicate' | 'retype' | 'rename' | 'inject'; at: number; value: unknown; key: string; text: string };
const treeOp: fc.Arbitrary<TreeOp> = fc.record({
  op: fc.constantFrom('delete', 'duplicate', 'retype', 'rename', 'inject'),
  at: fc.nat(),
  value: anyValue,
  key: fc.constantFrom(...KEYS),
  text: hostileString,
});

function applyTreeOp(root: Json, { op, at, value, key, text }: TreeOp): void {
  const all = slots(root);
  if (all.length === 0) return;
  const [c, k] = all[at % all.length]!;
  const current = (c as Record<string | number, Json>)[k];
  if (op === 'delete') {
    if (Array.isArray(c)) c.splice(k as number, 1);
    else delete c[k as string];
  } else if (op === 'duplicate') {
    if (Array.isArray(c)) c.splice(k as number, 0, structuredClone(current!));
    else put(c, `${String(k)}_copy`, structuredClone(current!));
  } else if (op === 'retype') {
    put(c, k, value);
  } else if (op === 'rename' && !Array.isArray(c)) {
    delete c[k as string];
    put(c, key, current);
  } else if (op === 'inject' && typeof current === 'string') {
    const cut = at % (current.length + 1);
    put(c, k, current.slice(0, cut) + text + current.slice(cut));
  }
}

type TextOp = { op: 'delete-line' | 'duplicate-line' | 'swap-lines' | 'insert' | 'indent' | 'truncate'; at: number; other: number; text: string };
const STRAY = ['\t', ':', ': ', '-', '- ', '&a ', '*a', '[', ']', '{', '"', "'", '#', '\u3000', '：', '\r', '|', '>', '? ', '!!str ', '%', '@', '`', '\u0000', '\ufeff', '---\n', '...\n'];
const textOp: fc.Arbitrary<TextOp> = fc.record({
  op: fc.constantFrom('delete-line', 'duplicate-line', 'swap-lines', 'insert', 'indent', 'truncate'),
  at: fc.nat(),
  other: fc.nat(),
  text: fc.oneof(fc.constantFrom(...STRAY), hostileString),
});

function applyTextOp(text: string, { op, at, other, text: inserted }: TextOp): string {
  const lines = text.split('\n');
  const i = at % lines.length;
  const j = other % lines.length;
  switch (op) {
    case 'delete-line':
      lines.splice(i, 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    case 'swap-lines':
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    case 'indent':
      lines[i] = ' '.repeat(other % 5) + lines[i]!.trimStart();
      return lines.join('\n');
    case 'insert': {
      const cut = at % (text.length + 1);
      return text.slice(0, cut) + inserted + text.slice(cut);
    }
    case 'truncate':
      return text.slice(0, at % (text.length + 1));
  }
}

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'crlf';
function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\ufeff${text}`);
    case 'crlf':
      return new TextEncoder().encode(text.replace(/\r?\n/g, '\r\n'));
    case 'utf-16le-bom':
      return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
  }
}

/** A mutated report file: a seed, changed as data, then as text, in some encoding. */
const reportFile = fc
  .record({
    seed: fc.nat({ max: SEEDS.length - 1 }),
    treeOps: fc.array(treeOp, { maxLength: 4 }),
    textOps: fc.array(textOp, { maxLength: 3 }),
    encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8', 'utf-8-bom', 'utf-16le-bom', 'crlf'),
  })
  .map(({ seed, treeOps, textOps, encoding }) => {
    let text = SEEDS[seed]!;
    if (treeOps.length > 0) {
      const data = parse(text) as Json;
      for (const op of treeOps) applyTreeOp(data, op);
      text = stringify(data);
    }
    for (const op of textOps) text = applyTextOp(text, op);
    return encode(text, encoding);
  });

// Errors that are about the file as a whole, where a line:column would mean nothing.
const FILE_LEVEL = /^(文件是空的|这不是文本文件|文件大小|无法识别文件的文字编码)/;

/** The property, on what a user sees: exit code, messages, and the file written. */
function checkOutcome(file: string, out: string, code: number | null, stdout: string, stderr: string): void {
  expect(stdout + stderr).not.toMatch(STACK_TRACE);
  expect(stderr).not.toContain('内部错误');
  if (code === 0) {
    expect(docxProblems(readFileSync(out))).toEqual([]);
    return;
  }
  expect(code).toBe(1);
  const errors = stdout.split('\n').filter((l) => l.includes(' 错误 '));
  const positioned = errors.filter((l) => new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ 错误 .*[\\u4e00-\\u9fff]`).test(l));
  const fileLevel = errors.filter((l) => l.startsWith(`${file} 错误 `) && FILE_LEVEL.test(l.slice(file.length + 4)));
  expect(positioned.length + fileLevel.length, stdout).toBeGreaterThan(0);
}

// FAZHI_FUZZ_RUNS=5000 runs longer, and reports how the outcomes were spread.
const RUNS = Number(process.env.FAZHI_FUZZ_RUNS) || 250;

describe('any mutation of a report file', () => {
  const dir = scratchDir();

  it('renders a well-formed .docx or gives positioned Chinese errors (in-process)', { timeout: 120_000 }, async () => {
    let n = 0;
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(reportFile, async (bytes) => {
        n += 1;
        const file = path.join(dir, `r${n}.yaml`);
        const out = path.join(dir, `r${n}.docx`);
        writeFileSync(file, bytes);
        const r = await runCli(['render', file, '-o', out]);
        checkOutcome(file, out, r.code, r.stdout.join('\n'), r.stderr.join('\n'));
        const first = r.stdout.find((l) => l.includes(' 错误 '))?.replace(/^.*? 错误 /, '').slice(0, 12) ?? 'docx';
        outcomes.set(first, (outcomes.get(first) ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    if (process.env.FAZHI_FUZZ_RUNS) console.log([...outcomes].sort((a, b) => b[1] - a[1]));
    // Both outcomes occur: the mutations neither always break the file nor never do.
    expect(outcomes.get('docx') ?? 0).toBeGreaterThan(RUNS / 20);
    expect(RUNS - (outcomes.get('docx') ?? 0)).toBeGreaterThan(RUNS / 20);
  });

  it('gives the same kind of outcome from the real command (a sample)', { timeout: 120_000 }, () => {
    fc.sample(reportFile, 8).forEach((bytes, i) => {
      const file = path.join(dir, `cli${i}.yaml`);
      const out = path.join(dir, `cli${i}.docx`);
      writeFileSync(file, bytes);
      const r = fazhi(['render', file, '-o', out]);
      checkOutcome(file, out, r.code, r.stdout, r.stderr);
    });
  });
});
