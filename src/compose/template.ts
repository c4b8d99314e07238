// Handlebars templates decide the wording and order of a report. A template renders to a
// short list of directives, one per line ("@part measures 2024年推进…"); compose turns them into
// blocks and pulls the parts' content from the data itself. Data reaches a template only as
// single-line text, so nothing in a YAML value can start a directive, and Handlebars output
// is never evaluated again: data text stays literal.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Diagnostic } from '../diagnostic.js';
import { diagnosticOf, OUTPUT } from '../messages.js';
import { TEMPLATE_LIMITS } from '../load/limits.js';
import { TemplateError } from './template-error.js';
import { TEMPLATES_DIR } from '../paths.js';
import type { Level } from '../data/report.js';
import { METRIC_HELPERS, MetricHelperError } from './metrics-context.js';
import { chineseNumeral } from './numbering.js';
import { checkTemplateOutput, guardHandlebars, RenderGuard } from './render-guard.js';
import { precompiledTemplates } from './precompiled-templates.js';

export const DIRECTIVES = [
  'doc-number',
  'title',
  'recipients',
  'paragraph',
  'preamble',
  'part',
  'closing',
  'attachments',
  'signature',
  'colophon',
  'items-style',
] as const;
export type DirectiveName = (typeof DIRECTIVES)[number];

export interface Directive {
  name: DirectiveName;
  /** First word after the name, for @part: the part key. */
  argument: string;
  text: string;
  /** Line in the template where the directive is written, for messages. */
  templateLine: number;
}

export interface LoadedTemplate {
  file: string;
  source: string;
  /** `data`: the render's @data frame (where its RenderGuard travels). */
  render: (context: object, data?: Record<string, unknown>) => string;
}

export { TemplateError } from './template-error.js';

// Data is never HTML-escaped: the output is directives, not HTML.
export const TEMPLATE_COMPILE_OPTIONS = { noEscape: true, strict: false, preventIndent: true } as const;

const handlebars = Handlebars.create();
handlebars.registerHelper('cn', (n: unknown) => (typeof n === 'number' ? chineseNumeral(n) : String(n ?? '')));
handlebars.registerHelper('join', (list: unknown, separator: unknown) =>
  Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : '、') : '',
);
// 中共示例区委员会 → 中共示例区委, the form used in joint titles.
handlebars.registerHelper('party_short', (name: unknown) => String(name ?? '').replace(/委员会$/, '委'));
// Figures and year-on-year wording: {{metric "id"}} {{yoy "id"}} {{yoy_count "id"}} {{previous "id"}}.
for (const [name, helper] of Object.entries(METRIC_HELPERS)) handlebars.registerHelper(name, helper);
// After the last registerHelper: puts the render time limit into every helper and partial call.
guardHandlebars(handlebars);

/** `templates/<level>/report.hbs` in the user's folder (or the folder itself), else ours. */
export function templateFile(level: Level, userDir?: string): string {
  if (userDir) {
    const nested = path.join(userDir, level, 'report.hbs');
    return existsSync(nested) ? nested : path.join(userDir, 'report.hbs');
  }
  return path.join(TEMPLATES_DIR, level, 'report.hbs');
}

function templateError(file: string, message: string, line?: number, column?: number): TemplateError {
  return new TemplateError(diagnosticOf(OUTPUT.template, { file, ...(line ? { position: { line, column: column ?? 1 } } : {}) }, message));
}

const cache = new Map<string, LoadedTemplate>();

/** Forget compiled templates, so that `watch` picks up a template saved since. */
export function clearTemplateCache(): void {
  cache.clear();
}

/** Folders that hold templates: the root (a user's single report.hbs) and one per level. */
export function templateFolders(userDir?: string): string[] {
  const root = userDir ?? TEMPLATES_DIR;
  return [root, ...(['district', 'department', 'town'] as const).map((level) => path.join(root, level))].filter((d) => existsSync(d));
}

/**
 * Where {{#…}} blocks first nest deeper than the limit, if they do: found by a scan of the text
 * before the parser, whose recursion such nesting overflows. Comments and raw blocks are rare in
 * templates; a `{{#` inside a comment counts too, which errs on the side of refusing.
 */
function blockDepthProblem(source: string): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) {
      line += 1;
      lineStart = i + 1;
    } else if (c === 123 && source.charCodeAt(i + 1) === 123) {
      let j = i + 2;
      while (source[j] === '{' || source[j] === '~') j += 1;
      if (source[j] === '#') depth += 1;
      else if (source[j] === '/') depth = Math.max(0, depth - 1);
      if (depth > TEMPLATE_LIMITS.maxBlockDepth) return { line, column: i - lineStart + 1 };
    }
  }
  return undefined;
}

function compileTemplate(file: string, source: string): HandlebarsTemplateDelegate {
  try {
    // Parse now, so syntax errors surface with their line before any data is rendered.
    handlebars.parse(source);
    return handlebars.compile(source, TEMPLATE_COMPILE_OPTIONS);
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    const line = /line (\d+)/.exec(text)?.[1];
    throw templateError(file, '模板语法错误：请检查 {{ }} 是否成对、{{#if}}/{{#each}} 是否有对应的结束标记。', line ? Number(line) : undefined);
  }
}

export function loadTemplate(file: string): LoadedTemplate {
  const cached = cache.get(file);
  if (cached) return cached;
  let source: string;
  try {
    // A template is input too: only a regular file of a sane size is read (not /dev/zero, not a
    // pipe, not a file of gigabytes).
    const stat = statSync(file);
    if (!stat.isFile()) throw templateError(file, '模板不是普通文件（可能是文件夹、设备或管道）。请检查 --templates 指定的文件夹，其中应有 <层级>/report.hbs。');
    if (stat.size > TEMPLATE_LIMITS.maxTemplateBytes) {
      throw templateError(file, `模板文件大小 ${(stat.size / 1024).toFixed(0)} KB，超过上限 ${TEMPLATE_LIMITS.maxTemplateBytes / 1024} KB；一份模板通常只有几 KB，请检查是否选错了文件。`);
    }
    source = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  } catch (err) {
    if (err instanceof TemplateError) throw err;
    throw templateError(file, '找不到模板文件（或无法读取）。请检查 --templates 指定的文件夹，其中应有 <层级>/report.hbs。');
  }
  const tooDeep = blockDepthProblem(source);
  if (tooDeep) throw templateError(file, `模板中的 {{#…}} 块嵌套超过 ${TEMPLATE_LIMITS.maxBlockDepth} 层，已停止读取；请检查是否缺少结束标记 {{/…}}，或删去多余的层次。`, tooDeep.line, tooDeep.column);
  // A bundled template, as shipped: compiled at build time with the same options (see
  // precompiled-templates.ts), so neither parsed nor compiled here.
  const precompiled = precompiledTemplates.find((t) => t.source === source);
  const compiled = precompiled ? handlebars.template(precompiled.spec) : compileTemplate(file, source);
  const loaded: LoadedTemplate = { file, source, render: (context, data) => compiled(context, data ? { data } : {}) };
  cache.set(file, loaded);
  return loaded;
}

/** Template line of the first `@name` outside comments, for messages; one scan per template. */
const directiveLinesOf = new WeakMap<LoadedTemplate, Map<string, number>>();

function lineOfDirective(template: LoadedTemplate, name: string): number | undefined {
  let lines = directiveLinesOf.get(template);
  if (!lines) {
    lines = new Map();
    // Blank out comments (keeping their line breaks): their examples are not directives.
    const code = template.source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) => c.replace(/[^\n]/g, ' '));
    code.split(/\r?\n/).forEach((line, i) => {
      const directive = /^\s*@([a-z-]+)/.exec(line)?.[1];
      if (directive !== undefined && !lines!.has(directive)) lines!.set(directive, i + 1);
    });
    directiveLinesOf.set(template, lines);
  }
  return lines.get(name);
}

export function renderDirectives(template: LoadedTemplate, context: object): Directive[] {
  let output: string;
  const guard = new RenderGuard();
  try {
    output = template.render(context, guard.data());
  } catch (err) {
    const limited = guard.limitMessage(err, template.source);
    if (limited) throw templateError(template.file, limited.message, limited.line, limited.column);
    const text = err instanceof Error ? err.message : String(err);
    const line = /line (\d+)/i.exec(text)?.[1];
    const missingHelper = /Missing helper: "([^"]+)"/.exec(text)?.[1];
    const message = missingHelper
      ? `模板使用了不存在的辅助函数“${missingHelper}”。`
      : err instanceof MetricHelperError
        ? err.message
        : err instanceof RangeError
          ? '模板在展开时无限递归（例如局部模板调用了自身），已停止。'
          : '模板在填入数据时出错，请检查模板中的表达式。';
    throw templateError(template.file, message, line ? Number(line) : undefined);
  }
  const tooLarge = checkTemplateOutput(output);
  if (tooLarge) throw templateError(template.file, tooLarge);
  const directives: Directive[] = [];
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^@([a-z-]+)(?:\s+(.*))?$/.exec(line);
    const name = m?.[1];
    if (!m || !name || !(DIRECTIVES as readonly string[]).includes(name)) {
      const shown = line.length > 30 ? `${line.slice(0, 30)}…` : line;
      throw templateError(
        template.file,
        `模板输出了无法识别的一行“${shown}”：每行应以 @ 加元素名开头（可用：${DIRECTIVES.map((d) => `@${d}`).join(' ')}）。`,
        name ? lineOfDirective(template, name) : undefined,
      );
    }
    const rest = (m[2] ?? '').trim();
    const directiveName = name as DirectiveName;
    const [argument = '', ...words] = directiveName === 'part' || directiveName === 'items-style' ? rest.split(/\s+/) : [''];
    directives.push({
      name: directiveName,
      argument,
      text: directiveName === 'part' || directiveName === 'items-style' ? words.join(' ') : rest,
      templateLine: lineOfDirective(template, name) ?? 1,
    });
  }
  return directives;
}
