// A fixed corpus of hostile and broken inputs (test/fixtures/hostile/, plus inputs too large to
// keep in the repository, generated here), each with what the user must get: the exact
// messages with line:column and the exit code, or a correct document. The table doubles as
// the list behind README 故障排除.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { unzipSync } from 'fflate';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';
import { diagnosticLines, fixtureText, HOSTILE, runCli, STACK_TRACE } from './helpers/hostile.js';
import { MINIMAL } from './helpers/minimal.js';
import { docxProblems, xmlProblem } from './helpers/wellformed.js';

const WARN_CHAR = (where: string, code: string): string =>
  `${where} 警告 这里有 1 个无法写入 Word 文档的不可见字符（${code}），已删除；这类字符通常是从其他程序粘贴时带入的。`;
const TOO_MANY = '错误 文件中的值超过 20000 个，超出一份报告的合理规模，已停止读取。';
const TOO_DEEP = '错误 嵌套层级超过 40 层，超出一份报告的合理结构，已停止读取。';
const NOT_TEXT = '错误 这不是文本文件（可能选错了文件，例如 Word 文档或压缩包）。请选择 .yaml 数据文件。';
const EMPTY = '错误 文件是空的（或只有注释），没有报告内容。可以用 fazhi init 生成一份带说明的模板。';
const TEMPLATE_TIME = '错误 模板填入数据用时超过 2 秒，已停止：请检查这里的 {{#each}} 是否层层嵌套，或局部模板（partial）是否反复调用自身。';

interface Case {
  /** Fixture file in test/fixtures/hostile/, or the name of a generated input. */
  input: string;
  what: string;
  /** Template folder under test/fixtures/hostile/templates/ (render only). */
  templates?: string;
  code: 0 | 1;
  /** The error and warning lines, in order; `{f}` is the input path, `{t}` the template. */
  messages: (string | RegExp)[];
  /** For inputs that render: what the document must contain. */
  document?: (texts: string[], xml: { document: string; core: string }) => void;
}

// Inputs too large for the repository, written into a scratch folder before the tests.
const GENERATED: Record<string, () => string> = {
  'file-20mb.yaml': () => `${MINIMAL}# ${'x'.repeat(20 * 1024 * 1024)}\n`,
  'items-100k.yaml': () => MINIMAL.replace('plans:\n  items:\n', `plans:\n  items:\n${'    - 完善制度建设。\n'.repeat(100_000)}`),
  'nesting-1000-block.yaml': () => `${MINIMAL}other:\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i + 1)}groups:\n`).join('')}`,
  'nesting-100k-flow.yaml': () => `${MINIMAL}metrics: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
  'long-line.yaml': () => MINIMAL.replace('基层执法力量仍然不足。', `${'基层执法力量仍然不足'.repeat(150_000)}。`),
  'long-key.yaml': () => `${MINIMAL}${'键'.repeat(2000)}: 值\n`,
  'one-long-word.yaml': () => '依法行政'.repeat(400_000),
  'long-title.yaml': () => `${MINIMAL}title: ${'示例区人民政府办公室局'.repeat(2000)}\n`,
};

const CASES: Case[] = [
  { input: 'empty.yaml', what: 'an empty file', code: 1, messages: [`{f} ${EMPTY}`] },
  { input: 'only-comments.yaml', what: 'only comments', code: 1, messages: [`{f} ${EMPTY}`] },
  { input: 'only-whitespace.yaml', what: 'only blank lines, tabs and full-width spaces', code: 1, messages: [`{f} ${EMPTY}`] },
  { input: 'binary-garbage.bin', what: 'random bytes without NUL', code: 1, messages: [`{f} ${NOT_TEXT}`] },
  { input: 'word-document.docx', what: 'a zip archive given by mistake', code: 1, messages: [`{f} ${NOT_TEXT}`] },
  { input: 'utf8-bom.yaml', what: 'a UTF-8 BOM (Notepad)', code: 0, messages: [] },
  { input: 'utf16le-bom.yaml', what: 'UTF-16 with BOM and CRLF (Notepad "Unicode")', code: 0, messages: [] },
  { input: 'utf16le-no-bom.yaml', what: 'UTF-16 without a BOM', code: 0, messages: [] },
  {
    input: 'gb18030.yaml',
    what: 'GBK/GB18030 (WPS, older Notepad)',
    code: 0,
    messages: ['{f} 警告 文件是 GBK（GB18030）编码，已正确读取；建议另存为 UTF-8 编码，以便在其他电脑和编辑器中使用。'],
  },
  { input: 'crlf.yaml', what: 'CRLF line endings', code: 0, messages: [] },
  { input: 'tab-indent.yaml', what: 'a tab for indentation', code: 1, messages: ['{f}:4:1 错误 缩进不能使用 Tab 键，请改用空格（每一层两个空格）。'] },
  {
    input: 'duplicate-keys.yaml',
    what: 'duplicate keys, nested and at the top',
    code: 1,
    messages: [
      '{f}:6:3 错误 键“name”在同一层级重复出现，后一个会覆盖前一个；请删除或合并重复的键。',
      '{f}:26:1 错误 键“year”在同一层级重复出现，后一个会覆盖前一个；请删除或合并重复的键。',
    ],
  },
  { input: 'billion-laughs.yaml', what: 'a "billion laughs" alias bomb', code: 1, messages: ['{f}:1:13 错误 不支持 YAML 锚点和别名（&、*），请把内容直接写出来。'] },
  { input: 'nesting-1000-flow.yaml', what: '1,000 nested [ ]', code: 1, messages: [`{f}:25:50 ${TOO_DEEP}`] },
  { input: 'nesting-100k-flow.yaml', what: '100,000 nested [ ]', code: 1, messages: [`{f}:25:50 ${TOO_DEEP}`] },
  { input: 'nesting-1000-block.yaml', what: '1,000 nested indented maps', code: 1, messages: [`{f}:66:83 ${TOO_DEEP}`] },
  {
    input: 'file-20mb.yaml',
    what: 'a 20 MB file',
    code: 1,
    messages: ['{f} 错误 文件大小 20.0 MB，超过上限 5 MB；一份报告的数据通常不到 100 KB，请检查是否选错了文件。'],
  },
  // Reported at the 19 984th item (line 20 004): the pre-scan counts two tokens per item.
  { input: 'items-100k.yaml', what: '100,000 items', code: 1, messages: [`{f}:20004:7 ${TOO_MANY}`] },
  {
    input: 'long-line.yaml',
    what: 'a 1.5-million-character paragraph on one line (4.5 MB)',
    code: 0,
    messages: [],
    document: (texts) => expect(texts).toContain(`${'基层执法力量仍然不足'.repeat(150_000)}。`),
  },
  { input: 'long-key.yaml', what: 'a 2,000-character key (a missing colon)', code: 1, messages: ['{f}:25:1 错误 键名太长（超过 1024 个字符），可能是缺少了冒号。'] },
  {
    input: 'one-long-word.yaml',
    what: 'one 1.6-million-character line and nothing else',
    code: 1,
    messages: ['{f}:1:1 错误 文件内容应是“键: 值”形式的报告数据（例如 level: district），而不是一段文字或一个列表。'],
  },
  {
    input: 'long-title.yaml',
    what: 'a 22,000-character title full of break points: refused by the length limit, not laid out',
    code: 1,
    messages: ['{f}:25:8 错误 “title”（标题）太长（22000 个字符），最多 500 个字符：“示例区人民政府办公室局示例区人民政府办公…”。'],
  },
  {
    input: 'proto-keys.yaml',
    what: 'keys __proto__, constructor, prototype',
    code: 1,
    messages: [
      '{f}:4:3 错误 未知的键“__proto__”，这里可用的键有：name、short、party。',
      '{f}:5:3 错误 未知的键“constructor”，这里可用的键有：name、short、party。',
      // The list of top-level keys grows with the schema; the start of the sentence is what matters.
      /^\{f\}:27:1 错误 未知的键“__proto__”，这里可用的键有：level、year、unit、/,
      /^\{f\}:29:1 错误 未知的键“constructor”，这里可用的键有：level、year、unit、/,
      /^\{f\}:30:1 错误 未知的键“prototype”，这里可用的键有：level、year、unit、/,
    ],
  },
  {
    input: 'control-chars.yaml',
    what: 'control characters and lone surrogates in every kind of text',
    code: 0,
    messages: [
      WARN_CHAR('{f}:4:12', 'U+0001'),
      WARN_CHAR('{f}:6:15', 'U+001B'),
      WARN_CHAR('{f}:7:27', 'U+000C'),
      WARN_CHAR('{f}:8:13', 'U+000B'), // an escape ("\x0b"): the start of the value
      WARN_CHAR('{f}:10:8', 'U+007F'),
      WARN_CHAR('{f}:11:5', 'U+D800'),
      WARN_CHAR('{f}:12:20', 'U+0008'),
      WARN_CHAR('{f}:14:16', 'U+0002'),
      WARN_CHAR('{f}:16:18', 'U+0003'),
      WARN_CHAR('{f}:18:19', 'U+001F'),
      WARN_CHAR('{f}:19:17', 'U+DFFF'),
      WARN_CHAR('{f}:20:22', 'U+0085'),
      WARN_CHAR('{f}:22:20', 'U+0010'),
      WARN_CHAR('{f}:24:10', 'U+FFFE'),
      WARN_CHAR('{f}:27:21', 'U+000E'),
      WARN_CHAR('{f}:28:12', 'U+0011'),
      WARN_CHAR('{f}:30:7', 'U+0012'),
      WARN_CHAR('{f}:32:10', 'U+0013'),
      WARN_CHAR('{f}:33:12', 'U+0014'),
      WARN_CHAR('{f}:36:9', 'U+0015'),
      WARN_CHAR('{f}:37:20', 'U+0016'),
    ],
    document: (texts, xml) => {
      expect(texts).toEqual(
        expect.arrayContaining([
          '测政〔2025〕1号',
          '测试区人民政府关于',
          '2024年度法治政府建设情况的报告',
          '测试市人民政府、测试市司法局：',
          '2024年，测试区扎实推进法治政府建设。',
          '一、聚焦重点任务',
          '（一）健全依法决策机制',
          '一是规范决策程序。全年审议重大行政决策事项5项。二是开展合法性审核120件。',
          '基层执法力量仍然不足。',
          '区政府主要负责人带头学法。',
          '特此报告。',
          '中共测试区委员会',
          '测试区人民政府',
          '抄送：测试市委依法治市办。',
        ]),
      );
      expect(xml.core).toContain('<dc:creator>测试区人民政府</dc:creator>');
    },
  },
  {
    input: 'markup-text.yaml',
    what: 'text that looks like Handlebars, HTML, XML or shell',
    code: 0,
    messages: [],
    document: (texts, xml) => {
      const all = texts.join('\n');
      for (const literal of [
        '{{doc_number}}〔2025〕<!-- -->1号',
        '<script>alert(1)</script>、{{{recipients}}}：',
        '@part measures 注入 {{> p}} {{! 注释 }}',
        '一、<w:t xml:space="preserve">标题</w:t>',
        '（一）&#x0; &#0; &nbsp; <![CDATA[ x ]]>',
        '一是{{#each recipients}}x{{/each}}。',
        '${process.env.HOME} `rm -rf /` $(whoami) %s %n',
        '</w:t></w:r></w:p><w:p><w:r><w:t>注入',
        '抄送：{{copy_to}}。',
      ]) {
        expect(all).toContain(literal);
      }
      // The long title is broken into lines at the space (which the line break replaces).
      expect(texts.join('')).toContain('<?xml version="1.0"?><w:p>{{#eachthis}}标题{{/each}}</w:p> &amp; &lt; ]]>');
      expect(xml.core).toContain('<dc:creator>{{unit.name}}&lt;b&gt;人民政府&lt;/b&gt;</dc:creator>');
    },
  },
  {
    input: 'rtl-emoji.yaml',
    what: 'right-to-left scripts, bidi controls, emoji, CJK extension characters',
    code: 0,
    messages: [],
    document: (texts) => {
      expect(texts).toEqual(
        expect.arrayContaining([
          'مدينة الاختبار\u200e שלום：',
          '（一）健全依法决策机制👍🏽👨‍👩‍👧',
          '一是阿拉伯文 العربية 和希伯来文 עברית 混排，带方向控制符 \u202e反向\u202c 与 \u2066隔离\u2069。二是生僻字𠀀𪚥𰻞（扩展区）和表情 🇨🇳 🧑🏿‍⚖️。',
          '零宽字符\u200b连接\u200c与\u200d不换行空格和全角空格\u3000。',
        ]),
      );
      expect(texts.join('')).toContain('法治政府建设情况的报告🏛️');
    },
  },
  {
    input: 'date-feb-30.yaml',
    what: 'dates that do not exist',
    code: 1,
    messages: [
      '{f}:24:7 错误 成文日期“2025-02-30”不是真实存在的日期，请核对月份和日。',
      '{f}:25:15 错误 印发日期“2025年2月30日”不是真实存在的日期，请核对月份和日。',
    ],
  },
  { input: 'year-0.yaml', what: 'year 0', code: 1, messages: ['{f}:2:7 错误 “year”（报告年度）的值 0 超出范围，应在 1949 到 2200 之间。'] },
  { input: 'year-99999.yaml', what: 'year 99999', code: 1, messages: ['{f}:2:7 错误 “year”（报告年度）的值 99999 超出范围，应在 1949 到 2200 之间。'] },
  { input: 'year-huge.yaml', what: 'a 400-digit year', code: 1, messages: ['{f}:2:7 错误 “year”（报告年度）应为整数，现在是文字“99999999999999999999…”。'] },
  { input: 'many-recipients.yaml', what: 'a valid report with 30 recipients (data for the template cases)', code: 0, messages: [] },
  {
    input: 'many-recipients.yaml',
    templates: 'syntax-error',
    what: 'a template with an {{#if}} never closed',
    code: 1,
    messages: ['{t}:5:1 错误 模板语法错误：请检查 {{ }} 是否成对、{{#if}}/{{#each}} 是否有对应的结束标记。'],
  },
  { input: 'many-recipients.yaml', templates: 'nested-each', what: 'six nested {{#each}} (30^6 runs)', code: 1, messages: [`{t}:3:12 ${TEMPLATE_TIME}`] },
  {
    input: 'many-recipients.yaml',
    templates: 'exponential-partials',
    what: 'partials that expand 2^60 times without any helper',
    code: 1,
    messages: [`{t}:64:12 ${TEMPLATE_TIME}`],
  },
  {
    input: 'many-recipients.yaml',
    templates: 'partial-recursion',
    what: 'a partial that calls itself',
    code: 1,
    messages: ['{t}:1:18 错误 模板在展开时无限递归（例如局部模板调用了自身），已停止。'],
  },
  {
    input: 'many-recipients.yaml',
    templates: 'huge-output',
    what: '{{#each}} over the data writing 1,800 lines',
    code: 1,
    messages: ['{t} 错误 模板生成的内容超过上限（1000 行或 10485760 个字符），已停止：请检查模板中的 {{#each}} 或局部模板（partial）是否重复展开。'],
  },
  {
    input: 'many-recipients.yaml',
    templates: 'control-chars',
    what: 'control characters in a template’s own wording',
    code: 0,
    messages: [],
    document: (texts) => {
      expect(texts).toContain('特此报告。');
      expect(texts).toContain('一、2024年推进法治政府建设的主要举措和成效');
    },
  },
];

let scratch: string;
const inputPath = (input: string): string => (input in GENERATED ? path.join(scratch, input) : path.join(HOSTILE, input));

beforeAll(() => {
  scratch = scratchDir();
  for (const [name, make] of Object.entries(GENERATED)) writeFileSync(path.join(scratch, name), make());
});

describe('the hostile corpus', () => {
  it('has an expectation for every fixture file', () => {
    const files = readdirSync(path.join(ROOT, HOSTILE)).filter((f) => f !== 'templates');
    expect(files.sort()).toEqual([...new Set(CASES.map((c) => c.input).filter((i) => !(i in GENERATED)))].sort());
    const templates = readdirSync(path.join(ROOT, HOSTILE, 'templates'));
    expect(templates.sort()).toEqual(CASES.flatMap((c) => (c.templates ? [c.templates] : [])).sort());
  });

  it.each(CASES.map((c) => [`${c.what}${c.templates ? ` (template ${c.templates})` : ''}`, c] as const))('%s', async (_what, c) => {
    const file = inputPath(c.input);
    const out = path.join(scratchDir(), '报告.docx');
    const templates = c.templates ? path.join(ROOT, HOSTILE, 'templates', c.templates) : undefined;
    // Each input ends (the 2 s template limit, bounded parsing): a hang fails by the test's time-out.
    const r = await runCli(['render', file, '-o', out, ...(templates ? ['--templates', templates] : [])]);
    const expected = c.messages.map((m) =>
      typeof m === 'string'
        ? m.replaceAll('{f}', file).replaceAll('{t}', path.join(templates ?? '', 'report.hbs'))
        : new RegExp(m.source.replaceAll('\\{f\\}', file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))),
    );
    const lines = diagnosticLines(r.stdout);
    const matches = (line: string, e: string | RegExp): boolean => (typeof e === 'string' ? line === e : e.test(line));
    // Every expected message, in order, and no error the table does not list. Warnings of the
    // content rules (wording advice, which comes and goes with the rules) may appear in between.
    let from = 0;
    for (const e of expected) {
      const at = lines.findIndex((l, i) => i >= from && matches(l, e));
      expect(at, `missing: ${String(e)}\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
    expect(lines.filter((l) => l.includes(' 错误 ') && !expected.some((e) => matches(l, e)))).toEqual([]);
    // The loader's own warnings are all listed.
    expect(lines.filter((l) => /不可见字符|编码/.test(l) && !expected.some((e) => matches(l, e)))).toEqual([]);
    expect([...r.stdout, ...r.stderr].join('\n')).not.toMatch(STACK_TRACE);
    expect(r.code).toBe(c.code);
    if (c.code === 1) {
      expect(r.stderr).toContain(`未生成：${file} 有错误，请按上面的提示修改后重试。`);
      return;
    }
    const bytes = readFileSync(out);
    expect(docxProblems(bytes)).toEqual([]);
    const docx = await readDocx(bytes);
    const core = new TextDecoder().decode(unzipSync(bytes)['docProps/core.xml']);
    c.document?.(
      docx.paragraphs.map((p) => p.text),
      { document: docx.document, core },
    );
  });

  it('reads every encoding and line ending into the same document as plain UTF-8', async () => {
    const dir = scratchDir();
    const plain = path.join(dir, 'plain.yaml');
    writeFileSync(plain, MINIMAL);
    const render = async (file: string): Promise<Buffer> => {
      const out = path.join(dir, `${path.basename(file)}.docx`);
      expect((await runCli(['render', file, '-o', out])).code).toBe(0);
      return readFileSync(out);
    };
    const reference = await render(plain);
    for (const variant of ['utf8-bom.yaml', 'utf16le-bom.yaml', 'utf16le-no-bom.yaml', 'gb18030.yaml', 'crlf.yaml']) {
      // Same text, same bytes: no mojibake, no stray BOM or carriage return in any text.
      expect((await render(path.join(HOSTILE, variant))).equals(reference), variant).toBe(true);
    }
    // The GBK fixture really is GBK: not valid UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path.join(ROOT, HOSTILE, 'gb18030.yaml')))).toThrow();
    expect(fixtureText('utf8-bom.yaml').charCodeAt(0)).toBe(0xfeff);
  });

  it('refuses a folder, a device and a pipe as data files without reading them', async () => {
    const dir = scratchDir();
    mkdirSync(path.join(dir, '文件夹.yaml'));
    const inputs: [string, string][] = [
      [path.join(dir, '文件夹.yaml'), '错误 这是一个文件夹，不是数据文件。'],
      [path.join(dir, '没有.yaml'), '错误 找不到这个文件，请检查路径和文件名。'],
    ];
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
      inputs.push([path.join(dir, 'pipe.yaml'), '错误 这不是普通文件（可能是设备或管道），请选择 .yaml 数据文件。']);
      inputs.push(['/dev/zero', '错误 这不是普通文件（可能是设备或管道），请选择 .yaml 数据文件。']);
    }
    for (const [file, message] of inputs) {
      const r = await runCli(['validate', file]);
      expect(r.stdout[0]).toBe(`${file} ${message}`);
      expect(r.code).toBe(1);
    }
  });

  it('leaves no prototype polluted after loading __proto__ keys', async () => {
    await runCli(['validate', path.join(HOSTILE, 'proto-keys.yaml')]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('the real command shows the same messages and no stack trace (a sample)', () => {
    for (const [input, expected] of [
      ['binary-garbage.bin', `${path.join(HOSTILE, 'binary-garbage.bin')} ${NOT_TEXT}`],
      ['billion-laughs.yaml', `${path.join(HOSTILE, 'billion-laughs.yaml')}:1:13 错误 不支持 YAML 锚点和别名（&、*），请把内容直接写出来。`],
      ['items-100k.yaml', `${path.join(scratch, 'items-100k.yaml')}:20004:7 ${TOO_MANY}`],
    ] as const) {
      const file = input in GENERATED ? path.join(scratch, input) : path.join(HOSTILE, input);
      const r = fazhi(['validate', file]);
      expect(r.stdout.split('\n')[0]).toBe(expected);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    }
  });

  it('ends quietly when the output is piped into a command that stops reading (| more)', async () => {
    // 60 copies of a file with 21 warnings: far more output than a pipe holds.
    const file = path.join(HOSTILE, 'control-chars.yaml');
    const child = spawn(process.execPath, [BIN, 'validate', ...Array<string>(60).fill(file)], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(stderr).not.toMatch(STACK_TRACE);
    expect([code, stderr]).toEqual([0, '']);
  });

  it('the well-formedness check itself rejects what Word rejects', () => {
    expect(xmlProblem('<a><b/></a>')).toBeUndefined();
    expect(xmlProblem('<a>x\u0001y</a>')).toMatch(/U\+0001/);
    expect(xmlProblem('<a>\ud800</a>')).toMatch(/U\+d800/);
    expect(xmlProblem('<a><b></a>')).toMatch(/closes/);
    expect(xmlProblem('<a>&nbsp;</a>')).toMatch(/bad reference/);
    expect(xmlProblem('<a>&#1;</a>')).toMatch(/forbids/);
    expect(xmlProblem('<a x="1" x="2"/>')).toMatch(/duplicate/);
    expect(xmlProblem('<a/><b/>')).toMatch(/more than one root/);
    expect(xmlProblem('<a>')).toMatch(/never closed/);
  });
});
