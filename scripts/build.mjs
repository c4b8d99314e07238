#!/usr/bin/env node
// Build step after tsc: (1) precompile the JSON Schema validator with ajv standalone, so the CLI
// need not load and run ajv's compiler at every start; (2) bundle the CLI with esbuild into
// dist/bundle/, one chunk per command (loaded on demand), so that start-up reads a few files
// instead of hundreds of modules.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

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
for (const dir of [dist('check', 'generated'), dist('bundle', 'generated')]) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'report-validator.js'), validator.outputFiles[0].contents);
}

// 2. The CLI bundle. The import command's readers (.docx, .html) stay in node_modules: they are
// large and loaded only by that command.
await build({
  entryPoints: { cli: path.join(ROOT, 'src', 'cli', 'main.ts') },
  outdir: dist('bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  outExtension: { '.js': '.mjs' },
  external: ['mammoth', 'node-html-parser', 'ajv'],
  // CommonJS dependencies (handlebars) call require(); give the bundle one.
  banner: { js: "import { createRequire as __fazhiRequire } from 'node:module'; const require = __fazhiRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
}).then((result) => writeFileSync(dist('bundle', 'meta.json'), JSON.stringify(result.metafile)));
console.log('built dist/bundle/cli.mjs and the precompiled schema validator');
