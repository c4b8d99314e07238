// Locations inside the installed package, found from this module's own location: src/ (tests),
// dist/ (library) and dist/bundle/ (the bundled CLI) all lie below the package root.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(dir, 'schema', 'report.schema.json'))) return dir;
    dir = path.dirname(dir);
  }
  return fileURLToPath(new URL('..', import.meta.url));
}

export const PACKAGE_ROOT = packageRoot();
export const SCHEMA_FILE = path.join(PACKAGE_ROOT, 'schema', 'report.schema.json');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
