// One set of ajv options, used both to precompile the schema validator at build time
// (scripts/build.mjs) and to compile it at run time when no precompiled one is present.
import type { Options } from 'ajv';

export const AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true };
