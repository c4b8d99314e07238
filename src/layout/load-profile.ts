// A local variant of the layout, supplied as a YAML file (`fazhi render --profile 文件`): only
// the values that differ from GB/T 9704, in the same shape as the default profile. The file is
// input like a report: read by the same loader (encodings, size and nesting limits, positions),
// checked against schema/profile.schema.json (every value typed and within a sane range: a
// negative margin, 0 lines per page, a font size of .inf or a rule 1e9 wide made the docx library
// fail, hang or exhaust memory) and then as a whole (the 版心 must remain), with the report's
// Chinese messages at file:line:column. Every value it changes is marked as coming from that
// file, so nothing it says passes as "国标规定".

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { miniSchemaDiagnostics } from '../check/mini-schema.js';
import { FieldNamer } from '../check/schema-messages.js';
import { ExitCode, formatDiagnostic, sortDiagnostics, UserError, type Diagnostic } from '../diagnostic.js';
import { loadReportFile, type JsonSchema, type SourceFile } from '../load/index.js';
import { placeAt } from '../check/place.js';
import { diagnosticOf, isKind, LOAD, messageOf, OUTPUT } from '../messages.js';
import { PACKAGE_ROOT } from '../paths.js';
import { GBT9704, type LayoutProfile, type LayoutValue } from './profile.js';

type Tree = { [key: string]: unknown };

export const PROFILE_SCHEMA_FILE = path.join(PACKAGE_ROOT, 'schema', 'profile.schema.json');

/** Smallest 版心 a profile may leave, in millimetres each way: room for a few characters and lines. */
const MIN_TEXT_AREA_MM = 50;

let compiled: { schema: JsonSchema; namer: FieldNamer } | undefined;

function profileSchema(): { schema: JsonSchema; namer: FieldNamer } {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(PROFILE_SCHEMA_FILE, 'utf8')) as JsonSchema;
    compiled = { schema, namer: new FieldNamer(schema) };
  }
  return compiled;
}

const isLayoutValue = (node: unknown): node is LayoutValue<unknown> =>
  typeof node === 'object' && node !== null && 'value' in node && 'source' in node && 'strength' in node;

/** The defaults with the file's values in place (the file has passed the schema). */
function merge(base: Tree, override: Tree, file: string): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = base[key];
    if (key === 'name' && typeof value === 'string') out.name = value;
    // A value the default leaves out (a table font's `bold`) is added like any other.
    else if (isLayoutValue(current) || current === undefined) out[key] = { value, source: `版式文件 ${file}`, strength: '实务' } satisfies LayoutValue<unknown>;
    else if (typeof current === 'object' && current !== null && typeof value === 'object' && value !== null) out[key] = merge(current as Tree, value as Tree, file);
  }
  return out;
}

function schemaDiagnostics(source: SourceFile): Diagnostic[] {
  return miniSchemaDiagnostics(source, profileSchema(), 'profile');
}

/** What the schema cannot say about single values: the page must still hold a 版心. */
function wholeDiagnostics(profile: LayoutProfile, source: SourceFile, override: Tree): Diagnostic[] {
  const page = profile.page;
  const out: Diagnostic[] = [];
  const given = (key: string): string | undefined => {
    const section = override.page as Tree | undefined;
    return section && Object.hasOwn(section, key) ? `/page/${key}` : undefined;
  };
  const at = (keys: string[], message: string): void => {
    const pointer = keys.map(given).find((p) => p !== undefined);
    out.push(pointer ? { ...messageOf(OUTPUT.profilePage, message), ...placeAt(source, pointer) } : diagnosticOf(OUTPUT.profilePage, { file: source.path }, message));
  };
  const width = page.widthMm.value - page.marginLeftMm.value - page.marginRightMm.value;
  if (width < MIN_TEXT_AREA_MM) {
    at(['marginLeftMm', 'marginRightMm', 'widthMm'], `页面宽 ${page.widthMm.value} 毫米减去左右边距（${page.marginLeftMm.value} + ${page.marginRightMm.value} 毫米）后，版心只剩 ${Math.round(width * 10) / 10} 毫米宽，至少应有 ${MIN_TEXT_AREA_MM} 毫米。`);
  }
  const height = page.heightMm.value - page.marginTopMm.value - page.marginBottomMm.value;
  if (height < MIN_TEXT_AREA_MM) {
    at(['marginTopMm', 'marginBottomMm', 'heightMm'], `页面高 ${page.heightMm.value} 毫米减去上下边距（${page.marginTopMm.value} + ${page.marginBottomMm.value} 毫米）后，版心只剩 ${Math.round(height * 10) / 10} 毫米高，至少应有 ${MIN_TEXT_AREA_MM} 毫米。`);
  }
  if (page.footerMm.value >= page.marginBottomMm.value) {
    at(['footerMm', 'marginBottomMm'], `页码位置（距页面下边缘 ${page.footerMm.value} 毫米）应在下边距（${page.marginBottomMm.value} 毫米）之内，否则页码会压住正文。`);
  }
  return out;
}

/**
 * The profile in `file`; `shown` is the path as the user wrote it (for messages). Problems are
 * one UserError (exit 1) listing every message at its line.
 */
export function loadProfile(file: string, shown = file): LayoutProfile {
  const source = loadReportFile(file, profileSchema().schema);
  // A control character removed from a value (a page number suffix Word cannot open) is an
  // error here: a layout is not text to be cleaned but settings to be taken exactly.
  const named = {
    ...source,
    path: shown,
    diagnostics: source.diagnostics.map((d) =>
      isKind(d, LOAD.controlCharacter) ? { ...d, ...messageOf(OUTPUT.profileControlCharacter, d.message), file: shown } : { ...d, file: shown },
    ),
  };
  const fail = (diagnostics: Diagnostic[]): never => {
    throw new UserError([...sortDiagnostics(diagnostics).map(formatDiagnostic), `版式文件“${shown}”有错误，未生成文档；请按上面的提示修改。`].join('\n'));
  };
  const loadErrors = named.diagnostics.filter((d) => d.severity === 'error');
  // An empty file (or one with comments only) changes nothing.
  if (loadErrors.length === 1 && isKind(loadErrors[0]!, LOAD.empty)) return GBT9704;
  if (loadErrors.some((d) => isKind(d, LOAD.notFound))) throw new UserError(`找不到版式文件“${shown}”。`, ExitCode.Usage);
  if (loadErrors.length > 0 || named.data === undefined) fail(loadErrors.length ? loadErrors : named.diagnostics);
  const schemaErrors = schemaDiagnostics(named);
  if (schemaErrors.length > 0) fail(schemaErrors);
  // Fonts may add `bold` where the default has none.
  const base = structuredClone(GBT9704) as unknown as Tree;
  for (const spec of Object.values(base.fonts as Tree)) {
    (spec as Tree).bold ??= { value: false, source: 'GB/T 9704—2012 未规定加粗', strength: '推算' };
    (spec as Tree).fallback ??= { value: ((spec as Tree).family as LayoutValue<string>).value, source: '与字体相同', strength: '推算' };
  }
  const override = named.data as Tree;
  const profile = merge(base, override, shown) as unknown as LayoutProfile;
  const whole = wholeDiagnostics(profile, named, override);
  if (whole.length > 0) fail(whole);
  return profile;
}
