// The schema validator precompiled at build time (ajv standalone, scripts/build.mjs), which spares
// every run ajv's own loading and compiling. This stub is what the sources have: the build
// replaces it, in dist/ and in the CLI bundle, by a module exporting the generated validator.
import type { ValidateFunction } from 'ajv';

export const precompiledValidator: ValidateFunction | undefined = undefined;
