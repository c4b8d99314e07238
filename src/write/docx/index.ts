// Writer: document model → .docx bytes. The profile's reference package (reference.ts) holds
// every part but two; this prints word/document.xml from the model (printer.ts) and
// docProps/core.xml, deflates those two and zips all entries, already deflated, in the package's
// order. Same model, same profile → same bytes.

import type { ReportDocument } from '../../compose/model.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { bodyParts } from './printer.js';
import { CORE_PART, DOCUMENT_PART, referencePackage, type ReferencePackage } from './reference.js';
import { deflateEntry, deflateEntryParts, zipEntries } from './stable-docx.js';
import { escapeXml } from './xml.js';

/**
 * Core properties: title and author as Word's 文件属性 shows them. No time stamps (optional in
 * OPC; Word fills them in when the user saves), so the bytes do not depend on the day.
 */
const element = (name: string, text: string): string => (text ? `<${name}>${escapeXml(text)}</${name}>` : '');

function coreProperties(doc: ReportDocument): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ' +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${element('dc:title', doc.title)}${element('dc:creator', doc.unitName)}` +
    `${element('cp:lastModifiedBy', doc.unitName)}<cp:revision>1</cp:revision></cp:coreProperties>`
  );
}

/**
 * document.xml in pieces: the reference's start and section properties around the body printed
 * from the model (printer.ts, bodyParts). The end is chosen once the body is printed: the body may
 * end in the section without page numbers (a blank page before the 版记).
 */
function* documentParts(reference: ReferencePackage, doc: ReportDocument, profile: LayoutProfile): Generator<string> {
  const { sections, documentEnd } = reference;
  const state = { unnumberedTail: false };
  yield reference.documentStart;
  yield* bodyParts(doc, profile, sections, state);
  yield state.unnumberedTail ? sections.unnumbered + documentEnd.slice(sections.numbered.length) : documentEnd;
}

export async function writeDocx(doc: ReportDocument, profile: LayoutProfile): Promise<Uint8Array> {
  const reference = await referencePackage(profile);
  // Printed in pieces and deflated as printed (stable-docx.ts): a report's document.xml in one
  // call as before; a 汇总表 of thousands of rows without holding its whole text.
  const document = await deflateEntryParts(DOCUMENT_PART, documentParts(reference, doc, profile));
  return zipEntries(
    reference.entries.map((entry) => (entry === DOCUMENT_PART ? document : entry === CORE_PART ? deflateEntry(CORE_PART, coreProperties(doc)) : entry)),
  );
}
