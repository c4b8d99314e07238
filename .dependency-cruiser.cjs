// The import graph of src/, checked by test/architecture.test.ts (and `npm run deps`).
// The pipeline runs load → check → compose → write; what every stage needs lies below them in
// src/data (report types, the walk over parts, names, the layout of data/). A module may import
// from its own layer or the layers below it, never from a later one; no module cycle anywhere.
const LAYERS = [
  ['shared', ['src/data/', 'src/platform/', 'src/diagnostic\\.ts$', 'src/messages\\.ts$', 'src/dates\\.ts$', 'src/paths\\.ts$']],
  ['load', ['src/load/']],
  ['check', ['src/check/', 'src/roster/']],
  ['compose', ['src/compose/', 'src/layout/']],
  ['write', ['src/write/', 'src/yaml-out/']],
  // Features built from the stages, and the pipeline that runs them.
  ['features', ['src/previous/', 'src/reuse/', 'src/rollup/', 'src/tasks/', 'src/new-year/', 'src/import/', 'src/batch/', 'src/cross-unit\\.ts$', 'src/pipeline\\.ts$', 'src/index\\.ts$']],
  // Front ends: nothing imports them.
  ['front ends', ['src/cli/', 'src/serve/']],
];
const pattern = (paths) => `^(${paths.join('|')})`;

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'A cycle makes the order of the pipeline invisible.', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'no-unlayered',
      comment: 'Every module of src/ belongs to a layer (add a new folder to LAYERS in .dependency-cruiser.cjs).',
      severity: 'error',
      from: { path: '^src/', pathNot: pattern(LAYERS.flatMap(([, p]) => p)) },
      to: {},
    },
    {
      name: 'import-not-from-writers',
      comment: 'Reading a published report needs nothing of the document writers (what both need, like finding LibreOffice, lies in src/platform).',
      severity: 'error',
      from: { path: '^src/import/' },
      to: { path: '^src/write/' },
    },
    ...LAYERS.slice(0, -1).map(([name, paths], i) => ({
      name: `against-the-pipeline:${name}`,
      comment: `${name} may not import from a later layer (${LAYERS.slice(i + 1).map(([n]) => n).join(', ')})`,
      severity: 'error',
      from: { path: pattern(paths) },
      to: { path: pattern(LAYERS.slice(i + 1).flatMap(([, p]) => p)) },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
