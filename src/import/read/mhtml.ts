// A page saved by a browser as one file (.mhtml, .mht): a MIME message whose first text/html part
// is the page, in quoted-printable or base64, in the charset its header names.

import { UserError } from '../../diagnostic.js';

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): MimePart {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  // Folded header lines continue with white space.
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function quotedPrintable(text: string): Uint8Array {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) bytes.push(c);
    else for (const b of new TextEncoder().encode(source[i]!)) bytes.push(b);
  }
  return Uint8Array.from(bytes);
}

function charsetOf(contentType: string | undefined, bytes: Uint8Array): string {
  const declared = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1];
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)))?.[1];
  const label = (declared ?? meta ?? 'utf-8').toLowerCase();
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'utf-8';
  }
}

/** The page inside a saved .mhtml: its HTML text. `text` is the file read as Latin-1 (bytes kept). */
export function mhtmlPage(text: string, shown: string): string {
  const top = splitPart(text);
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(top.headers.get('content-type') ?? '')?.[1];
  const parts = boundary ? top.body.split(`--${boundary}`).map(splitPart) : [top];
  const page = parts.find((p) => /text\/html/i.test(p.headers.get('content-type') ?? ''));
  if (!page) throw new UserError(`“${shown}”中没有找到网页内容（text/html），可能不是浏览器保存的网页文件。`);
  const encoding = (page.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Uint8Array.from(Buffer.from(page.body.replace(/\s+/g, ''), 'base64'))
      : encoding === 'quoted-printable'
        ? quotedPrintable(page.body)
        : Uint8Array.from(Buffer.from(page.body, 'latin1'));
  return new TextDecoder(charsetOf(page.headers.get('content-type'), bytes)).decode(bytes);
}

export function looksLikeMhtml(head: string): boolean {
  return /^(?:[\w-]+:[^\n]*\r?\n)*?(?:MIME-Version|Content-Type:\s*multipart\/related)/im.test(head.slice(0, 2000)) && /multipart\/related/i.test(head.slice(0, 4000));
}
