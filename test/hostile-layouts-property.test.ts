// Property: whatever the layout profile, the user's template and the folder of sub-reports
// (duplicates, the district's own report among them, links out of the folder and in circles,
// broken files, extreme figures), `fazhi render` and `fazhi batch` either exit 0 with .docx files
// that pass the OOXML schema check, or exit 1 with a Chinese message; never exit 3 or a stack
// trace, never a hang (a time bound per run), never more memory than a bound (a heap limit for
// the process), and the user's files are byte-identical afterwards. The real command runs, so
// the run count is small.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, scratchDir, TEST_CACHE_DIR } from './helpers/cli.js';
import { STACK_TRACE } from './helpers/hostile.js';
import { MINIMAL } from './helpers/minimal.js';

const VALIDATE = path.join(ROOT, '..', 'shared', 'ooxml', 'validate');
const CAN_VALIDATE = existsSync(VALIDATE) && existsSync('/usr/bin/xmllint');
/** Per run: the process's heap (MB) and wall time (ms). */
const HEAP_MB = 384;
const TIME_MS = 90_000;

const scratch: string[] = [];
afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

// ---- Layout profiles: any key of the profile, any of these values (sane ones more often).
const PROFILE_KEYS = [
  'page.widthMm', 'page.heightMm', 'page.marginTopMm', 'page.marginBottomMm', 'page.marginLeftMm', 'page.marginRightMm', 'page.footerMm',
  'grid.linesPerPage', 'grid.charsPerLine', 'grid.linePitchTwips', 'grid.gridType', 'grid.wordCharSpace', 'grid.runCharSpacing',
  'fonts.body.size', 'fonts.title.size', 'fonts.heading1.family', 'fonts.heading3.bold', 'title.maxLineChars', 'title.blankLinesAfter',
  'signature.blankLinesBefore', 'colophon.outerRuleEighths', 'colophon.innerRuleEighths', 'table.cellLineRatio', 'table.cellPaddingTwips',
  'pageNumber.prefix', 'pageNumber.suffix', 'pageNumber.sideIndentChars', 'pageNumber.noneAroundBlankPage', 'name', 'fonts.titel.size',
];
const SANE = ['1', '2', '5', '12', '16', '22', '28', '30', '35', '210', '297', '579', 'true', 'false', '黑体', 'lines', '"- "'];
const HOSTILE = ['-5', '0', '.nan', '.inf', '-.inf', '1e9', '1000000000', '0.0001', '10000000', '"\\u0007 —"', '"a\\nb"', '""', '[1, 2]', '{x: 1}', '~', '"16"'];
const profileText = fc
  .array(fc.tuple(fc.constantFrom(...PROFILE_KEYS), fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SANE) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) })), { maxLength: 4 })
  .map((pairs) => {
    // Nested YAML from dotted keys; a key given twice keeps its last value.
    const tree: Record<string, unknown> = {};
    for (const [key, value] of pairs) {
      const parts = key.split('.');
      let node = tree;
      for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
      node[parts.at(-1)!] = value;
    }
    const lines: string[] = [];
    const emit = (node: Record<string, unknown>, indent: string): void => {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string') lines.push(`${indent}${k}: ${v}`);
        else {
          lines.push(`${indent}${k}:`);
          emit(v as Record<string, unknown>, `${indent}  `);
        }
      }
    };
    emit(tree, '');
    return `${lines.join('\n')}\n`;
  });

// ---- Templates: ours, or ours changed in one of these ways.
type TemplateEdit = { kind: 'ours' } | { kind: 'nested'; depth: number } | { kind: 'lines'; count: number } | { kind: 'drop'; line: number } | { kind: 'insert'; text: string; line: number };
const templateEdit: fc.Arbitrary<TemplateEdit> = fc.oneof(
  fc.constant({ kind: 'ours' as const }),
  fc.integer({ min: 1, max: 60 }).map((depth) => ({ kind: 'nested' as const, depth })),
  fc.constantFrom(5, 1_200).map((count) => ({ kind: 'lines' as const, count })),
  fc.integer({ min: 10, max: 30 }).map((line) => ({ kind: 'drop' as const, line })),
  fc.record({ text: fc.constantFrom('{{#each recipients}}', '@unknown 元素', '{{> missing}}', '{{metric "nothing"}}', '@part nothing 标题', '@paragraph {{unit.name}}'), line: fc.integer({ min: 10, max: 30 }) }).map((r) => ({ kind: 'insert' as const, ...r })),
);

function applyTemplate(ours: string, edit: TemplateEdit): string {
  const lines = ours.split('\n');
  switch (edit.kind) {
    case 'ours':
      return ours;
    case 'nested':
      return `${'{{#if year}}\n'.repeat(edit.depth)}${ours}${'{{/if}}\n'.repeat(edit.depth)}`;
    case 'lines':
      return `${ours}${'@paragraph 固定段落。\n'.repeat(edit.count)}`;
    case 'drop':
      return lines.filter((_, i) => i !== edit.line).join('\n');
    case 'insert':
      return [...lines.slice(0, edit.line), edit.text, ...lines.slice(edit.line)].join('\n');
  }
}

// ---- Folders: the year's sub-reports and links, the figures they roll up.
const ENTRY_KINDS = ['department', 'town', 'duplicate', 'district-copy', 'link-self', 'link-out', 'link-loop', 'broken'] as const;
type Entry = (typeof ENTRY_KINDS)[number];
const FIGURES = ['5', '0', '415', '1000000000000', '1e-300', '-3', '2.5'];
const layout = fc.record({
  entries: fc.array(fc.constantFrom(...ENTRY_KINDS), { maxLength: 4 }),
  figures: fc.array(fc.constantFrom(...FIGURES), { minLength: 4, maxLength: 4 }),
  roster: fc.boolean(),
  rollup: fc.boolean(),
});

const METRIC = (value: string): string => `metrics:\n  - id: penalty_cases\n    label: 行政处罚案件\n    value: ${value}\n    unit: 件\n`;

function subReport(name: string, level: 'department' | 'town', figure: string): string {
  return MINIMAL.replace('level: district', `level: ${level}`).replaceAll('测试区人民政府', name).replace('short: 测试区', `short: ${name.slice(3)}`) + METRIC(figure);
}

function buildWorkspace(spec: { entries: Entry[]; figures: string[]; roster: boolean; rollup: boolean }, profile: string, edit: TemplateEdit): string {
  const d = scratchDir();
  scratch.push(d);
  const year = path.join(d, 'data', '测试区', '2024');
  mkdirSync(path.join(year, 'departments'), { recursive: true });
  mkdirSync(path.join(year, 'towns'), { recursive: true });
  mkdirSync(path.join(d, 'outside'));
  writeFileSync(path.join(d, 'outside', '外部.yaml'), subReport('测试区外部局', 'department', '9'));
  const district = MINIMAL + (spec.rollup ? 'metrics:\n  - id: penalty_cases\n    label: 部门办理行政处罚案件\n    unit: 件\n    rollup: sum\n' : '');
  writeFileSync(path.join(year, 'report.yaml'), district);
  const units: string[] = [];
  spec.entries.forEach((kind, i) => {
    const figure = spec.figures[i % spec.figures.length]!;
    switch (kind) {
      case 'department':
      case 'town': {
        const name = `测试区第${i}${kind === 'town' ? '镇' : '局'}`;
        units.push(`  - name: ${name}\n    level: ${kind}\n`);
        writeFileSync(path.join(year, `${kind}s`, `${name}.yaml`), subReport(name, kind, figure));
        break;
      }
      case 'duplicate':
        writeFileSync(path.join(year, 'towns', `副本${i}.yaml`), subReport('测试区第0局', 'department', figure));
        break;
      case 'district-copy':
        writeFileSync(path.join(year, 'departments', `区${i}.yaml`), district);
        break;
      case 'link-self':
        symlinkSync('../report.yaml', path.join(year, 'towns', `链接${i}.yaml`));
        break;
      case 'link-out':
        symlinkSync(path.join(d, 'outside'), path.join(year, 'departments', `外部${i}`));
        break;
      case 'link-loop':
        symlinkSync('..', path.join(year, 'towns', `循环${i}`));
        break;
      case 'broken':
        writeFileSync(path.join(year, 'departments', `坏${i}.yaml`), 'level: department\nyear: [\n');
        break;
    }
  });
  if (spec.roster && units.length > 0) writeFileSync(path.join(d, 'data', '测试区', 'units.yaml'), `district: 测试区\nunits:\n${units.join('')}`);
  writeFileSync(path.join(d, 'profile.yaml'), profile);
  cpSync(path.join(ROOT, 'templates'), path.join(d, 'templates'), { recursive: true });
  const tpl = path.join(d, 'templates', 'district', 'report.hbs');
  writeFileSync(tpl, applyTemplate(readFileSync(tpl, 'utf8'), edit));
  return d;
}

/** Every entry under `dir` (not following links) with its bytes or link target, outputs left out. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (full.startsWith(path.join(dir, 'out'))) continue;
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) out.set(full, `link:${readlinkSync(full)}`);
      else if (stat.isDirectory()) walk(full);
      else out.set(full, readFileSync(full).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

/**
 * What the OOXML check finds in `files`: each schema error as "part xpath", and package errors.
 * Empty when they are valid.
 */
function ooxmlProblems(files: string[]): Set<string> {
  const v = spawnSync(VALIDATE, files, { encoding: 'utf8' });
  if (v.status === 2) throw new Error(`ooxml/validate cannot run: ${v.stdout}${v.stderr}`);
  const found = new Set<string>();
  for (const line of v.stdout.split('\n')) {
    const schema = /^\s+\[([^\]]+)\] (\S+)\s+\(x\d+/.exec(line);
    if (schema) found.add(`${schema[1]} ${schema[2]}`);
    const pkg = /package\/WML errors: (\d+)/.exec(line);
    if (pkg && pkg[1] !== '0') found.add(`package/WML errors in ${line.split(':')[0]}`);
    if (/^\s+ERROR /.test(line)) found.add(line.trim());
  }
  if (v.status !== 0 && found.size === 0) found.add(`validate exit ${v.status}`);
  return found;
}

/**
 * What the writer's documents for ordinary input already hold (the writer's own work, not this
 * test's): hostile profiles, templates and folders must add nothing to it. Once the writer's
 * output is valid this is empty and every generated document must be valid outright.
 */
let baseline: Set<string> | undefined;
function writerBaseline(): Set<string> {
  if (baseline) return baseline;
  const d = buildWorkspace({ entries: ['department', 'town'], figures: ['5', '7', '0', '1'], roster: true, rollup: true }, '', { kind: 'ours' });
  const out = path.join(d, 'out');
  spawnSync(process.execPath, [BIN, 'batch', 'data/测试区/2024', '-o', out], { cwd: d, encoding: 'utf8', env: { ...process.env, FAZHI_CACHE_DIR: TEST_CACHE_DIR } });
  const files = docxUnder(out);
  expect(files.length).toBeGreaterThanOrEqual(3);
  baseline = ooxmlProblems(files);
  return baseline;
}

function docxUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.docx')).map((f) => path.join(dir, f));
}

describe('profiles, templates and folder layouts', () => {
  it('end in a valid .docx (exit 0) or a Chinese message (exit 1), in bounded time and memory, inputs untouched', () => {
    fc.assert(
      fc.property(layout, profileText, templateEdit, fc.boolean(), (spec, profile, edit, batch) => {
        const d = buildWorkspace(spec, profile, edit);
        const before = snapshot(d);
        const out = path.join(d, 'out');
        const args = batch
          ? ['batch', 'data/测试区/2024', '-o', out]
          : ['render', 'data/测试区/2024/report.yaml', '--profile', 'profile.yaml', '--templates', 'templates', '-o', out];
        const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, ...args], {
          cwd: d,
          encoding: 'utf8',
          timeout: TIME_MS,
          // No code cache: under the heap flag it would be a cache of its own, written into the package.
          env: { ...process.env, FAZHI_DEBUG: '', FAZHI_CACHE_DIR: TEST_CACHE_DIR, FAZHI_BATCH_WORKER_MEMORY_MB: String(HEAP_MB), FAZHI_CODE_CACHE: 'off' },
        });
        const shown = `${args.join(' ')}\n--- profile\n${profile}--- template ${JSON.stringify(edit)}\n--- layout ${JSON.stringify(spec)}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
        expect(r.error, shown).toBeUndefined(); // no time-out
        expect([0, 1], shown).toContain(r.status);
        expect(r.stdout + r.stderr, shown).not.toMatch(STACK_TRACE);
        expect(r.stdout + r.stderr, shown).not.toContain('内部错误');
        if (r.status === 1) expect(r.stdout + r.stderr, shown).toMatch(/(错误|未生成|无法)[^\n]*[\u4e00-\u9fff]/);
        const written = docxUnder(out);
        if (r.status === 0) expect(written.length, shown).toBeGreaterThan(0);
        if (CAN_VALIDATE && written.length > 0) {
          const known = writerBaseline();
          const added = [...ooxmlProblems(written)].filter((p) => !known.has(p));
          expect(added, shown).toEqual([]);
        }
        expect(snapshot(d), shown).toEqual(before);
        rmSync(d, { recursive: true, force: true });
      }),
      { numRuns: 8, seed: 17_2026 },
    );
  }, 600_000);
});
