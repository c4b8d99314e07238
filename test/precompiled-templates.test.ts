// The bundled templates are compiled at build time (scripts/build.mjs, src/compose/precompiled-
// templates.ts). The built library (dist/) takes them from there; the sources compile them at
// run time. The same report rendered both ways must give the same document, for each level.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderFile as renderFromSources } from '../src/pipeline.js';
import { ROOT } from './helpers/cli.js';

const REPORTS = {
  district: 'data/示例区/2024/report.yaml',
  department: 'data/示例区/2024/departments/示例区司法局.yaml',
  town: 'data/示例区/2024/towns/示例区青山镇人民政府.yaml',
};

describe('the bundled templates precompiled at build time', () => {
  it('are in the build, each with the text of its template file', async () => {
    const { precompiledTemplates } = await import(pathToFileURL(path.join(ROOT, 'dist', 'compose', 'precompiled-templates.js')).href);
    const texts = Object.keys(REPORTS).map((level) => readFileSync(path.join(ROOT, 'templates', level, 'report.hbs'), 'utf8').replace(/^\ufeff/, ''));
    expect(precompiledTemplates.map((t: { source: string }) => t.source)).toEqual(texts);
  });

  for (const [level, file] of Object.entries(REPORTS)) {
    it(`give the document compiling at run time gives: ${level}`, async () => {
      const built = await import(pathToFileURL(path.join(ROOT, 'dist', 'pipeline.js')).href);
      const options = {};
      const fromBuild = await built.renderFile(path.join(ROOT, file), options);
      const fromSources = await renderFromSources(path.join(ROOT, file), options);
      expect(fromBuild.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
      expect(fromBuild.document).toBeDefined();
      expect(JSON.stringify(fromBuild.document)).toBe(JSON.stringify(fromSources.document));
      expect(Buffer.from(fromBuild.docx!).equals(Buffer.from(fromSources.docx!))).toBe(true);
    });
  }
});
