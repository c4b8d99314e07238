// Every bundled example validates, starts with the schema line for editors, and renders into a
// document that holds every heading and signatory the file writes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatDiagnostic } from '../src/diagnostic.js';
import { renderFile } from '../src/pipeline.js';
import { ROOT } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';

const DATA = path.join(ROOT, 'data');
const files = readdirSync(DATA, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  // units.yaml is the district's roster, not a report (test/batch.test.ts checks it).
  .filter((f) => path.basename(f) !== 'units.yaml')
  .map((f) => path.join(DATA, f));

interface Heading {
  heading: string;
  groups?: Heading[];
}
interface Example {
  unit: { name: string };
  signatories?: string[];
  [part: string]: unknown;
}
const squash = (s: string): string => s.replace(/\s+/g, '');

/** Every group heading of the five parts, read straight from the data. */
function headings(data: Example): string[] {
  const walk = (list: Heading[] | undefined): string[] => (list ?? []).flatMap((g) => [g.heading, ...walk(g.groups)]);
  return ['measures', 'shortcomings', 'duties', 'plans', 'other'].flatMap((k) => walk((data[k] as { groups?: Heading[] } | undefined)?.groups));
}

describe('example data', () => {
  it('includes the district reports for 2023 and 2024, a department and a township', () => {
    const names = files.map((f) => path.relative(DATA, f).split(path.sep).join('/'));
    expect(names).toEqual(expect.arrayContaining(['示例区/2024/report.yaml', '示例区/2023/report.yaml']));
    expect(names.some((n) => n.startsWith('示例区/2024/departments/'))).toBe(true);
    expect(names.some((n) => n.startsWith('示例区/2024/towns/'))).toBe(true);
  });

  it('has a district report of at least 6,000 Chinese characters', () => {
    const text = readFileSync(path.join(DATA, '示例区/2024/report.yaml'), 'utf8');
    expect(text.match(/[\u4e00-\u9fff]/g)!.length).toBeGreaterThanOrEqual(6000);
  });

  it.each(files.map((f) => [path.relative(DATA, f), f]))('%s validates without problems and renders', async (_name, file) => {
    const first = readFileSync(file, 'utf8').split('\n')[0]!;
    const schemaRef = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
    expect(schemaRef).toBeDefined();
    expect(path.resolve(path.dirname(file), schemaRef!)).toBe(path.join(ROOT, 'schema', 'report.schema.json'));
    const result = await renderFile(file);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const printed = (await readDocx(result.docx!)).paragraphs.map((p) => squash(p.text)).join('\n');
    const data = parse(readFileSync(file, 'utf8')) as Example;
    const expected = [...headings(data), ...(data.signatories ?? [data.unit.name])].map(squash);
    expect(expected.length).toBeGreaterThan(3);
    expect(expected.filter((t) => !printed.includes(t))).toEqual([]);
  });
});
