// Locations inside the installed package. Works the same from src/ (tests) and dist/ (CLI),
// both one level below the package root.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_FILE = path.join(PACKAGE_ROOT, 'schema', 'report.schema.json');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
