// The import graph (dependency-cruiser, rules in .dependency-cruiser.cjs): imports flow one way
// along load → check → compose → write, shared things lie below in src/data, no cycle between
// modules, and none between folders either (a feature folder that imports another which imports
// it back is the same tangle at a larger scale).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

interface Cruise {
  modules: { source: string; dependencies: { resolved: string }[] }[];
  summary: { violations: { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }[] };
}

const cruise = JSON.parse(
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }),
) as Cruise;

/** src/check/rules/x.ts → check; src/pipeline.ts → pipeline.ts */
const folderOf = (file: string): string => file.replace(/^src\//, '').split('/')[0]!;

/** Strongly connected groups of more than one folder (Tarjan). */
function folderCycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const info = new Map<string, { index: number; low: number; onStack: boolean }>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!info.has(w)) {
        visit(w);
        info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.low);
      } else if (info.get(w)!.onStack) info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.index);
    }
    if (info.get(v)!.low === info.get(v)!.index) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        info.get(w)!.onStack = false;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!info.has(v)) visit(v);
  return out;
}

describe('the import graph of src/', () => {
  it('has every module of src/ in it', () => {
    const files = cruise.modules.map((m) => m.source).filter((s) => s.startsWith('src/'));
    expect(files).toContain('src/cli/main.ts');
    expect(files).toContain('src/data/visit.ts');
    expect(files.length).toBeGreaterThan(100);
  });

  it('has no module cycle and no import against the pipeline’s direction', () => {
    const violations = cruise.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
    expect(violations).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const m of cruise.modules) {
      if (!m.source.startsWith('src/')) continue;
      for (const d of m.dependencies) {
        if (!d.resolved.startsWith('src/') || folderOf(d.resolved) === folderOf(m.source)) continue;
        if (!edges.has(folderOf(m.source))) edges.set(folderOf(m.source), new Set());
        edges.get(folderOf(m.source))!.add(folderOf(d.resolved));
      }
    }
    expect(folderCycles(edges)).toEqual([]);
  });

  it('is checked for real: the folder-cycle finder finds a cycle', () => {
    const edges = new Map([
      ['check', new Set(['tasks'])],
      ['tasks', new Set(['check', 'data'])],
      ['data', new Set<string>()],
    ]);
    expect(folderCycles(edges)).toEqual([['check', 'tasks']]);
  });
});
