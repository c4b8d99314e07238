// Import's findings as the project's one Diagnostic type. A text file has lines, so a finding
// there has a position (`文件:行:1`); a Word document, PDF or web page has paragraphs, which
// editors cannot jump to: the paragraph is named in the message instead.

import type { Diagnostic } from '../diagnostic.js';
import { messageOf, type MessageKind } from '../messages.js';
import type { SourceKind } from './read/index.js';

export interface ImportDiagnostics {
  readonly list: Diagnostic[];
  /** A finding of this kind (IMPORT in src/messages.ts), at a line of the original when `at` is given. */
  add<A extends readonly unknown[]>(kind: MessageKind<A>, at: number | undefined, ...args: A): void;
  /** “第 3 行” or “第 3 段”: where a line of the original is, in words. */
  where(at: number): string;
}

export function importDiagnostics(file: string, kind: SourceKind): ImportDiagnostics {
  const list: Diagnostic[] = [];
  const byLine = kind === 'text';
  return {
    list,
    add(kind, at, ...args) {
      const { severity, ruleId, message } = messageOf(kind, ...args);
      if (at === undefined) list.push({ severity, ruleId, message, file });
      else if (byLine) list.push({ severity, ruleId, message, file, position: { line: at, column: 1 } });
      else list.push({ severity, ruleId, message: `（第${at}段）${message}`, file });
    },
    where: (at) => (byLine ? `第 ${at} 行` : `第 ${at} 段`),
  };
}
