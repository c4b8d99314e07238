// Reading a .docx back the way a user's Word sees it: the XML parts and the paragraphs' text.
import JSZip from 'jszip';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  footers: string[];
  paragraphs: DocxParagraph[];
}

export interface DocxParagraph {
  text: string;
  xml: string;
}

const decodeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function paragraphsOf(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[1] === undefined ? '\t' : decodeXml(t[1]))).join(''),
  }));
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const document = await text('word/document.xml');
  const footerNames = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n)).sort();
  return {
    document,
    styles: await text('word/styles.xml'),
    settings: await text('word/settings.xml'),
    footers: await Promise.all(footerNames.map(text)),
    paragraphs: paragraphsOf(document),
  };
}

/** The value of an attribute in the first element of this name inside `xml`. */
export function attr(xml: string, element: string, attribute: string): string | undefined {
  const el = new RegExp(`<${element}(?=[ />])[^>]*>`).exec(xml)?.[0];
  return el ? new RegExp(`${attribute}="([^"]*)"`).exec(el)?.[1] : undefined;
}
