// Schema check: ajv against schema/report.schema.json, errors turned into positioned Chinese
// diagnostics. `anyOf` alternatives (text or list of texts) are reduced to the one message that
// fits what the user wrote.

import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostic.js';
import { schemaId } from '../messages.js';
import { reportSchema, type SourceFile } from '../load/index.js';
import { AJV_OPTIONS } from './ajv-options.js';
import { precompiledValidator } from './precompiled.js';
import { closestKey, FieldNamer, placeSchemaError } from './schema-messages.js';

let compiled: { validate: ValidateFunction; namer: FieldNamer } | undefined;

function validator(): { validate: ValidateFunction; namer: FieldNamer } {
  if (!compiled) {
    const schema = reportSchema();
    // From src/ (tests) there is no precompiled validator: compile the schema here.
    let validate = precompiledValidator;
    if (!validate) {
      const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
      validate = new Ajv(AJV_OPTIONS).compile(schema);
    }
    compiled = { validate, namer: new FieldNamer(schema) };
  }
  return compiled;
}

function isUnder(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

/** Keep the errors of the alternative the user evidently meant. */
function reduceAnyOf(errors: ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  const extra: ErrorObject[] = [];
  const summarised = new Set<string>();
  for (const anyOf of errors.filter((e) => e.keyword === 'anyOf')) {
    const base = anyOf.instancePath;
    const branchErrors = errors.filter((e) => e !== anyOf && isUnder(e.instancePath, base));
    const typeErrorsHere = branchErrors.filter((e) => e.keyword === 'type' && e.instancePath === base);
    // Nested anyOf at the same place (an optional paragraph: text, list, or left empty) is
    // summarised with this one, not counted as a more specific error.
    const specific = branchErrors.filter((e) => !typeErrorsHere.includes(e) && !(e.keyword === 'anyOf' && e.instancePath === base));
    drop.add(anyOf);
    for (const e of typeErrorsHere) drop.add(e);
    if (specific.length === 0 && typeErrorsHere.length > 0 && !summarised.has(base)) {
      summarised.add(base);
      const expected = [...new Set(typeErrorsHere.map((e) => String((e.params as { type: string }).type)))];
      extra.push({ ...typeErrorsHere[0]!, params: { type: expected.join(',') } });
    }
  }
  return [...errors.filter((e) => !drop.has(e)), ...extra];
}

export function checkSchema(source: SourceFile): Diagnostic[] {
  const { validate, namer } = validator();
  if (validate(source.data)) return [];
  // if/then (rules by level, value or rollup): the `then` branch's own error says what is wrong.
  let errors = reduceAnyOf((validate.errors ?? []).filter((e) => e.keyword !== 'if'));
  // "yaer" both misses "year" and is unknown: the "did you mean" message alone says it all.
  const misspelt = new Set(
    errors
      .filter((e) => e.keyword === 'additionalProperties')
      .map((e) => `${e.instancePath}/${closestKey(String((e.params as { additionalProperty: string }).additionalProperty), namer.knownKeys(e.instancePath)) ?? ''}`),
  );
  errors = errors.filter((e) => e.keyword !== 'required' || !misspelt.has(`${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}`));
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const described = namer.describe(error);
    const { pointer } = described;
    const { position, message } = placeSchemaError(error, described, source, namer);
    const key = `${position.line}:${position.column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({ severity: 'error', ruleId: schemaId('report', error.keyword), message, file: source.path, position, pointer });
  }
  return diagnostics;
}

