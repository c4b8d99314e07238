// Editing the source file for next year's draft through the yaml Document API, so that its
// comments (and the yaml-language-server line) survive.

import { isMap, isScalar, Scalar, type Document, type YAMLMap } from 'yaml';
import { setIn } from '../yaml-out/index.js';

const HEADER_NOTE = /^ ?(由 fazhi new-year|每一处“【待填写】”|成文日期、发文字号|由 fazhi import|导入时)/;

export function header(doc: Document, schemaRef: string, note: string): void {
  // A comment right above the first key belongs to that key: the schema line may be there.
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  if (isScalar(first) && first.commentBefore) {
    first.commentBefore = first.commentBefore
      .split('\n')
      .filter((l) => !/yaml-language-server/.test(l))
      .join('\n');
  }
  const kept = (doc.commentBefore ?? '')
    .split('\n')
    .filter((l) => !/yaml-language-server/.test(l) && !HEADER_NOTE.test(l));
  doc.commentBefore = [` yaml-language-server: $schema=${schemaRef}`, ...note.split('\n').map((l) => ` ${l}`), ...kept.filter((l) => l.trim() !== '')].join('\n');
}

export function emptyWithComment(map: YAMLMap, key: string, comment: string, after: readonly string[]): void {
  const value = new Scalar(null);
  value.comment = ` ${comment}`;
  setIn(map, key, value, after);
}
