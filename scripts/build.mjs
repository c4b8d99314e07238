#!/usr/bin/env node
// Build step after tsc:
// 1. precompile the JSON Schema validator with ajv standalone, so that no run loads and runs
//    ajv's compiler: dist/check/precompiled.js, the stub src/check/precompiled.ts as compiled, is
//    replaced by it (the one stub, replaced in one way); likewise the bundled Handlebars templates
//    (dist/compose/precompiled-templates.js);
// 2. bundle the CLI with esbuild from dist/ into one CommonJS script, dist/bundle/cli.cjs: the same
//    code the library runs, and start-up reads one file instead of hundreds of modules; bin/fazhi.js
//    runs it with V8's code cache (Node 20 can cache compiled code for scripts, not for ES modules);
// 3. bundle the workbench's page (web/) for the browser;
// 4. write that code cache by running the CLI once on the bundled example (scripts/code-cache.mjs).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { writeCodeCache } from './code-cache.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dist = (...p) => path.join(ROOT, 'dist', ...p);

rmSync(dist('bundle'), { recursive: true, force: true });

// 1. The precompiled validator, self-contained (ajv's small runtime helpers bundled in).
const { AJV_OPTIONS } = await import(pathToFileURL(dist('check', 'ajv-options.js')).href);
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'report.schema.json'), 'utf8'));
const ajv = new Ajv.default({ ...AJV_OPTIONS, code: { source: true, esm: true } });
const source = standaloneCode.default(ajv, ajv.compile(schema));
const validator = await build({
  stdin: { contents: source, resolveDir: ROOT, sourcefile: 'report-validator.js' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  minify: true,
  write: false,
});
const validatorFile = dist('check', 'generated', 'report-validator.js');
mkdirSync(path.dirname(validatorFile), { recursive: true });
writeFileSync(validatorFile, validator.outputFiles[0].contents);
const PRECOMPILED_MODULE = "export { default as precompiledValidator } from './generated/report-validator.js';\n";
writeFileSync(dist('check', 'precompiled.js'), PRECOMPILED_MODULE);

// 1b. The bundled templates precompiled (see src/compose/precompiled-templates.ts): each one's text
// as a run reads it (BOM removed) and Handlebars' compiled form, with the options the run would
// compile it with. Handlebars' compiler does not depend on the helpers registered at run time.
{
  const { default: Handlebars } = await import('handlebars');
  const { TEMPLATE_COMPILE_OPTIONS } = await import(pathToFileURL(dist('compose', 'template.js')).href);
  const entries = ['district', 'department', 'town'].map((level) => {
    const text = readFileSync(path.join(ROOT, 'templates', level, 'report.hbs'), 'utf8').replace(/^\ufeff/, '');
    return `{ source: ${JSON.stringify(text)}, spec: ${Handlebars.precompile(text, TEMPLATE_COMPILE_OPTIONS)} }`;
  });
  writeFileSync(dist('compose', 'precompiled-templates.js'), `export const precompiledTemplates = [\n${entries.join(',\n')}\n];\n`);
}

// 2. The CLI bundle, from dist/. The import command's readers (.docx, .html) stay in node_modules: they are
// large and loaded only by that command. Modules reached through import() are still evaluated
// only when a command needs them (esbuild keeps them as lazy initialisers).
const result = await build({
  entryPoints: [dist('cli', 'main.js')],
  outfile: dist('bundle', 'cli.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // FAZHI_BUILD_MINIFY=0 keeps names readable in CPU profiles (node --cpu-prof bin/fazhi.js …).
  minify: process.env.FAZHI_BUILD_MINIFY !== '0',
  external: ['mammoth', 'htmlparser2', 'ajv'],
  // The bundle is CommonJS: import.meta.url becomes the bundle's own URL (see paths.ts).
  define: { 'import.meta.url': '__fazhiBundleUrl' },
  banner: { js: "var __fazhiBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  metafile: true,
});
writeFileSync(dist('bundle', 'meta.json'), JSON.stringify(result.metafile));

// 3. The workbench's page (fazhi serve): web/main.ts with CodeMirror bundled into one script
// for the browser, beside its style sheet. The server reads them from dist/web/.
mkdirSync(dist('web'), { recursive: true });
await build({
  entryPoints: [path.join(ROOT, 'web', 'main.ts')],
  outfile: dist('web', 'app.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: process.env.FAZHI_BUILD_MINIFY !== '0',
  charset: 'utf8',
  logLevel: 'warning',
});
writeFileSync(dist('web', 'app.css'), readFileSync(path.join(ROOT, 'web', 'app.css')));

// 4. The code cache, from a run on the example report.
const cache = await writeCodeCache(ROOT);
console.log(`built dist/bundle/cli.cjs, the precompiled schema validator and the code cache (${cache})`);
