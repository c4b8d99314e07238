// A small JSON Schema (draft-07) validator for the roster's and the layout profile's schemas,
// producing ajv-shaped errors so that FieldNamer words them exactly like the report's. The roster
// is read by batch, tasks and every district check; compiling it with ajv would cost more than
// all the rest of a run. It knows only the keywords these schemas use and refuses any other, so
// a schema cannot grow a rule this validator would silently skip.

import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostic.js';
import { SCHEMA_KINDS, schemaId, type SchemaKind } from '../messages.js';
import type { JsonSchema, SourceFile } from '../load/index.js';
import { placeSchemaError, type FieldNamer } from './schema-messages.js';

const KNOWN = new Set(['$schema', '$id', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'enum', '$ref', 'definitions']);

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function miniValidate(root: JsonSchema, data: unknown): ErrorObject[] {
  const errors: ErrorObject[] = [];
  const err = (keyword: string, instancePath: string, params: Record<string, unknown>, value: unknown): void => {
    errors.push({ keyword, instancePath, schemaPath: '', params, data: value } as ErrorObject);
  };
  const visit = (schema: JsonSchema, value: unknown, at: string): void => {
    for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`roster schema keyword not supported: ${k}`);
    if (schema.$ref) {
      visit(root.definitions![schema.$ref.replace('#/definitions/', '')]!, value, at);
      return;
    }
    const type = schema.type as string | undefined;
    const actual = kind(value);
    if (type && actual !== type && !(type === 'integer' && actual === 'number' && Number.isInteger(value))) {
      err('type', at, { type }, value);
      return;
    }
    if (typeof value === 'number') {
      if (typeof schema.minimum === 'number' && value < schema.minimum) err('minimum', at, { limit: schema.minimum }, value);
      else if (typeof schema.maximum === 'number' && value > schema.maximum) err('maximum', at, { limit: schema.maximum }, value);
    }
    if (typeof value === 'string') {
      if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) err('minLength', at, { limit: schema.minLength }, value);
      if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) err('maxLength', at, { limit: schema.maxLength }, value);
      if (Array.isArray(schema.enum) && !schema.enum.includes(value)) err('enum', at, { allowedValues: schema.enum }, value);
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) err('pattern', at, { pattern: schema.pattern }, value);
    }
    if (Array.isArray(value)) {
      if (typeof schema.minItems === 'number' && value.length < schema.minItems) err('minItems', at, { limit: schema.minItems }, value);
      if (schema.items) value.forEach((v, i) => visit(schema.items!, v, `${at}/${i}`));
    }
    if (kind(value) === 'object') {
      const obj = value as Record<string, unknown>;
      for (const key of (schema.required as string[] | undefined) ?? []) if (!Object.hasOwn(obj, key)) err('required', at, { missingProperty: key }, value);
      const props = schema.properties ?? {};
      for (const [key, v] of Object.entries(obj)) {
        const token = key.replace(/~/g, '~0').replace(/\//g, '~1');
        if (Object.hasOwn(props, key)) visit(props[key]!, v, `${at}/${token}`);
        else if (schema.additionalProperties === false) err('additionalProperties', at, { additionalProperty: key }, value);
      }
    }
  };
  visit(root, data, '');
  return errors;
}

/**
 * The schema errors of a file that is not a report (a layout profile, the roster) as diagnostics
 * at their positions, each once: the kind (src/messages.ts, SCHEMA_KINDS) gives the id's prefix
 * and the message's label (“单位名册：…”).
 */
export function miniSchemaDiagnostics(source: SourceFile, compiled: { schema: JsonSchema; namer: FieldNamer }, kind: Exclude<SchemaKind, 'report'>): Diagnostic[] {
  const { schema, namer } = compiled;
  const seen = new Set<string>();
  return miniValidate(schema, source.data).flatMap((error) => {
    const described = namer.describe(error);
    const { pointer } = described;
    const { position, message } = placeSchemaError(error, described, source, namer);
    const key = `${position.line}:${position.column}:${message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ severity: 'error' as const, ruleId: schemaId(kind, error.keyword), message: `${SCHEMA_KINDS[kind].label}：${message}`, file: source.path, position, pointer }];
  });
}
