// Every document the product writes is valid WordprocessingML: each XML part against the
// ISO/IEC 29500 transitional schemas and the package rules Word enforces, checked by the shared
// validator (../shared/ooxml/validate, needs python3 and xmllint). Word drops or "repairs" what
// breaks the schema — a property out of order may silently change how a line breaks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../src/write/docx/index.js';
import { ROOT } from './helpers/cli.js';
import { allDocuments } from './helpers/documents.js';

const VALIDATOR = process.env.FAZHI_OOXML_VALIDATE ?? path.join(ROOT, '..', 'shared', 'ooxml', 'validate');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const runnable = hasXmllint && existsSync(VALIDATOR);

const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-ooxml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!runnable)('OOXML validity (xmllint and ../shared/ooxml/validate present)', () => {
  it('every example and document type, with the default and the variant profile, has no package or schema error', async () => {
    // All examples and document types; of the per-unit task lists (the same printer over and
    // over) two per profile — .ci/run validates every file the commands write.
    const tasksSeen = new Map<string, number>();
    const documents = (await allDocuments()).filter(({ name }) => {
      if (!name.startsWith('tasks ')) return true;
      const tag = name.endsWith('(变体)') ? 'v' : '';
      tasksSeen.set(tag, (tasksSeen.get(tag) ?? 0) + 1);
      return tasksSeen.get(tag)! <= 2;
    });
    const files = await Promise.all(
      documents.map(async ({ doc, profile }, i) => {
        const file = path.join(dir, `${i}.docx`);
        writeFileSync(file, await writeDocx(doc, profile));
        return file;
      }),
    );
    const r = spawnSync(VALIDATOR, ['-q', ...files], { encoding: 'utf8' });
    const named = documents.reduce((text, d, i) => text.replaceAll(`${i}.docx`, `${i}.docx (${d.name})`), r.stdout + r.stderr);
    expect(named).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);

  it('the validator does find an error: a part out of schema order fails', () => {
    // The same check on a package whose styles put w:autoSpaceDN after w:outlineLvl, as the docx
    // library wrote them: the test above cannot pass by a validator that accepts everything.
    const file = path.join(dir, 'bad.docx');
    const r0 = spawnSync(process.execPath, [
      '-e',
      `const {zipSync,strToU8}=require('fflate');const fs=require('fs');
       const w='xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
       fs.writeFileSync(${JSON.stringify(file)}, zipSync({
        '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        'word/document.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><w:document '+w+'><w:body><w:p><w:pPr><w:outlineLvl w:val="0"/><w:autoSpaceDN w:val="false"/></w:pPr></w:p><w:sectPr/></w:body></w:document>'),
       }));`,
    ], { cwd: ROOT });
    expect(r0.status).toBe(0);
    const r = spawnSync(VALIDATOR, ['-q', file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain('autoSpaceDN');
  });
});
