// The editor and the CLI give the same verdict on the same file (issue #14). VS Code's YAML
// extension runs yaml-language-server with the schema named on the file's first line; here the
// same server checks the example files, fresh `init` skeletons and a set of broken files, and
// its findings are compared line by line with `fazhi validate`'s.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { SCHEMA_FILE } from '../src/paths.js';
import { validateFile } from '../src/pipeline.js';
import { ROOT, scratchDir } from './helpers/cli.js';
import { MINIMAL } from './helpers/minimal.js';

const service = getLanguageService({
  schemaRequestService: async (uri: string) => readFileSync(fileURLToPath(uri), 'utf8'),
  workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).toString() },
});
service.configure({ validate: true, hover: true, completion: true, schemas: [], yamlVersion: '1.2' });

const documentOf = (file: string): TextDocument => TextDocument.create(pathToFileURL(file).toString(), 'yaml', 1, readFileSync(file, 'utf8'));

/** Lines (1-based) where the editor shows a problem, with its message. */
async function editorProblems(file: string): Promise<Map<number, string>> {
  const found = await service.doValidation(documentOf(file), false);
  return new Map(found.map((d) => [d.range.start.line + 1, d.message]));
}

/** Lines where `fazhi validate` reports an error that the schema or the YAML syntax decides. */
function cliProblems(file: string): { schema: Map<number, string>; all: Set<number> } {
  const errors = validateFile(file).diagnostics.filter((d) => d.severity === 'error');
  const schema = new Map(errors.filter((d) => /^(schema|yaml|load)\//.test(d.ruleId)).map((d) => [d.position?.line ?? 1, d.message]));
  return { schema, all: new Set(errors.map((d) => d.position?.line ?? 1)) };
}

/** The same verdict: every line the editor marks is an error line for the CLI, and every schema error of the CLI is marked by the editor. */
async function expectAgreement(file: string): Promise<void> {
  const editor = await editorProblems(file);
  const cli = cliProblems(file);
  const errors = validateFile(file).diagnostics.map((d) => d.message);
  // A misspelt key: the editor also says the right key is missing (at the map's first key); the
  // CLI says it once, as "是否应为“year”？" at the misspelling. One slip, flagged by both.
  const explained = (message: string) => {
    const missing = /Missing property "([^"]+)"/.exec(message)?.[1];
    return missing !== undefined && errors.some((m) => m.includes(`是否应为“${missing}”`));
  };
  const onlyEditor = [...editor].filter(([line, message]) => !cli.all.has(line) && !explained(message));
  const onlyCli = [...cli.schema].filter(([line]) => !editor.has(line));
  expect({ onlyEditor, onlyCli }, file).toEqual({ onlyEditor: [], onlyCli: [] });
}

let dir: string;
beforeAll(() => {
  dir = scratchDir();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function examples(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(folder, e.name);
    if (e.isDirectory()) return examples(full);
    return e.name.endsWith('.yaml') && e.name !== 'units.yaml' ? [full] : [];
  });
}

describe('the editor and fazhi validate agree', () => {
  const files = examples(path.join(ROOT, 'data'));

  it('finds the example files', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((f) => [path.relative(ROOT, f)]))('example %s: no problem in either', async (relative) => {
    const file = path.join(ROOT, relative);
    expect([...(await editorProblems(file))]).toEqual([]);
    expect([...cliProblems(file).all]).toEqual([]);
  });

  it.each(['district', 'department', 'town'])('a fresh init skeleton (%s): the same lines', async (level) => {
    const out = path.join(dir, `skeleton-${level}.yaml`);
    const io = { out: () => {}, err: () => {}, cwd: dir };
    expect(await main(['init', '--level', level, '--unit', '某某单位', '--year', '2025', '--district', '某某区', '-o', out], io)).toBe(0);
    const editor = await editorProblems(out);
    // The skeleton is unfilled: both must flag the same empty places, and only those.
    expect(editor.size).toBeGreaterThan(0);
    await expectAgreement(out);
  });

  const header = `# yaml-language-server: $schema=${pathToFileURL(SCHEMA_FILE).toString()}\n`;
  const replace = (from: string, to: string): string => {
    if (!MINIMAL.includes(from)) throw new Error(`fixture lacks ${from}`);
    return MINIMAL.replace(from, to);
  };
  const broken: [string, string][] = [
    ['optional lists left empty', replace('recipients:\n  - 测试市人民政府', 'recipients:') + 'metrics:\nattachments:\n'],
    ['an optional date left empty', replace('date: 2025-01-15', 'date:')],
    ['a required part left empty', replace('shortcomings:\n  intro: 基层执法力量仍然不足。', 'shortcomings:')],
    ['a required key left empty', replace('  short: 测试区', '  short:')],
    ['a required part missing', replace('duties:\n  intro: 区政府主要负责人带头学法。\n', '')],
    ['lead_unit in a measures item', replace('          text: 全年审议重大行政决策事项5项。', '          text: 全年审议重大行政决策事项5项。\n          lead_unit: 区司法局')],
    ['lead_unit in a plans item', replace('    - 完善行政执法协调监督工作体系。', '    - text: 完善行政执法协调监督工作体系。\n      lead_unit: 区司法局\n      deadline: 2025年12月底前')],
    ['a misspelt key', replace('year: 2024', 'yaer: 2024')],
    ['year in words', replace('year: 2024', 'year: 二〇二四')],
    ['an unknown level', replace('level: district', 'level: county')],
    ['text instead of a list', replace('recipients:\n  - 测试市人民政府', 'recipients: 测试市人民政府')],
    ['a map where a paragraph belongs', replace('  intro: 基层执法力量仍然不足。', '  intro:\n    a: 1')],
    ['a date in another format', replace('date: 2025-01-15', 'date: 2025.1.15')],
    ['an empty list item', replace('    - 完善行政执法协调监督工作体系。', '    -')],
    ['seal written in Chinese', `${MINIMAL}seal: 是\n`],
    ['a figure without a value', `${MINIMAL}metrics:\n  - id: cases\n    label: 案件\n    unit: 件\n    value:\n`],
  ];

  it.each(broken)('broken: %s', async (name, text) => {
    const file = path.join(dir, `${name}.yaml`);
    writeFileSync(file, header + text);
    await expectAgreement(file);
  });

  it('hover on preamble names it 导语; completion in a measures item does not offer lead_unit, in a plans item it does', async () => {
    const file = path.join(dir, 'hover.yaml');
    const text = header + replace('recipients:', 'preamble: 2024年，测试区扎实推进法治政府建设。\nrecipients:').replace('        - 开展合法性审核120件。', '        - text: 开展合法性审核120件。\n          ').replace('    - 完善行政执法协调监督工作体系。', '    - text: 完善行政执法协调监督工作体系。\n      ');
    writeFileSync(file, text);
    const doc = documentOf(file);
    const hover = await service.doHover(doc, doc.positionAt(text.indexOf('preamble') + 2));
    expect(JSON.stringify(hover?.contents)).toMatch(/#### 导语\\n/);
    const measuresAt = text.indexOf('开展合法性审核120件。\n') + '开展合法性审核120件。\n'.length + 10;
    const inMeasures = (await service.doComplete(doc, doc.positionAt(measuresAt), false)).items.map((i) => i.label);
    expect(inMeasures).toContain('lead');
    expect(inMeasures).not.toContain('lead_unit');
    const plansAt = text.indexOf('    - text: 完善行政执法协调监督工作体系。\n') + '    - text: 完善行政执法协调监督工作体系。\n'.length + 6;
    const inPlans = (await service.doComplete(doc, doc.positionAt(plansAt), false)).items.map((i) => i.label);
    expect(inPlans).toContain('lead_unit');
  });
});
