// `npm install` on the Node.js versions the README names must be free of EBADENGINE warnings:
// every package in the lockfile must declare it runs there. docx 9 asks for nanoid 6 (Node 22 and
// later); package.json overrides it with nanoid 5, which docx's bundled copy of the ID helper
// works with (every .docx test renders through it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

type Version = [number, number, number];

function parseVersion(text: string): Version {
  const [a = 0, b = 0, c = 0] = text.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  return [a, b, c];
}

const compare = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `version` satisfies an npm `engines` range of the forms found in lockfiles. */
function satisfies(version: Version, range: string): boolean {
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => {
        const m = /^(>=|<=|>|<|\^|~|=)?v?(\d+(?:\.\d+)*)/.exec(comparator);
        if (!m) throw new Error(`unknown range ${range}`);
        const bound = parseVersion(m[2]!);
        const c = compare(version, bound);
        switch (m[1]) {
          case '>=':
            return c >= 0;
          case '>':
            return c > 0;
          case '<=':
            return c <= 0;
          case '<':
            return c < 0;
          case '^':
            return c >= 0 && version[0] === bound[0];
          case '~':
            return c >= 0 && version[0] === bound[0] && version[1] === bound[1];
          default: {
            const parts = m[2]!.split('.').length;
            return version.slice(0, parts).every((n, i) => n === bound[i]);
          }
        }
      }),
  );
}

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; version?: string }>;
};
const lowest = parseVersion(/\d+(\.\d+)*/.exec(pkg.engines.node)![0]);

describe('a clean install on the Node.js versions the README names', () => {
  it('the README names the lowest version package.json states', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`需要 Node.js ${lowest[0]}.${lowest[1]} 或更高版本`);
  });

  it.each([
    ['the lowest stated version', lowest],
    ['the version running these tests', parseVersion(process.version)],
  ] as const)('every package in the lockfile runs on %s', (_what, version) => {
    const refused = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && p.engines && !Array.isArray(p.engines) && p.engines.node && !satisfies(version, p.engines.node))
      .map(([name, p]) => `${name}@${p.version} (${(p.engines as { node: string }).node})`);
    expect(refused).toEqual([]);
  });

  it('docx gets the Node 20 nanoid through the override', () => {
    expect(lock.packages['node_modules/docx/node_modules/nanoid']?.version ?? lock.packages['node_modules/nanoid']?.version).toMatch(/^5\./);
    expect(satisfies([20, 19, 0], '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies([20, 0, 0], '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies([20, 19, 0], '^22')).toBe(false);
  });
});
