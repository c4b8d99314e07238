// Property (issue #14): a keyboard slip in a text line — a stray “ #”, a “: ” inside the text,
// two spaces more or less of indentation, an opening quote never closed — either reaches the
// document exactly as typed, or a message names the line of the slip. Never a document that
// quietly differs from the file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compose } from '../src/compose/index.js';
import { formatDiagnostic } from '../src/diagnostic.js';
import { blockText } from '../src/compose/model.js';
import { GBT9704 } from '../src/layout/profile.js';
import { validateText } from '../src/pipeline.js';

// A report with every way of writing text: plain values, plain text over two lines, `>-` blocks,
// list items, leads, headings.
const SEED = `level: district
year: 2024
unit:
  name: 测试区人民政府
  short: 测试区
recipients:
  - 测试市人民政府
preamble: >-
  2024年，测试区坚持依法行政，扎实推进
  法治政府建设。现将有关情况报告如下：
measures:
  groups:
    - heading: 健全依法决策机制
      items:
        - lead: 规范决策程序
          text: 全年审议重大行政决策事项5项，
            合法性审核率达到百分之百。
        - 开展合法性审核120件。
    - heading: 严格规范公正文明执法
      paragraphs:
        - >-
          持续深化综合行政执法改革，
          推动执法重心向基层下移。
shortcomings:
  intro: 基层执法力量仍然不足。
duties:
  intro: 区政府主要负责人带头学法。
plans:
  items:
    - 完善行政执法协调监督工作体系。
    - 加强行政复议规范化建设。
signatories:
  - 测试区人民政府
date: 2025-01-15
`;

const LINES = SEED.split('\n');
/** Lines that hold text the clerk typed (Chinese words), with where the words start. */
const TEXT_LINES = LINES.flatMap((line, i) => {
  const m = /^(\s*(?:-\s+)?(?:[a-z_]+:\s+)?)([^\s>|].*[\u4e00-\u9fff].*)$/.exec(line);
  return m ? [{ index: i, prefix: m[1]!, words: m[2]! }] : [];
});

type Slip = 'hash' | 'colon' | 'indent+2' | 'indent-2' | 'quote';

function apply(slip: Slip, line: { prefix: string; words: string }, at: number): string | undefined {
  const cut = Math.min(Math.max(1, at), line.words.length - 1);
  const [before, after] = [line.words.slice(0, cut), line.words.slice(cut)];
  switch (slip) {
    case 'hash':
      return `${line.prefix}${before} #${after}`;
    case 'colon':
      return `${line.prefix}${before}: ${after}`;
    case 'indent+2':
      return `  ${line.prefix}${line.words}`;
    case 'indent-2':
      return line.prefix.startsWith('  ') ? `${line.prefix.slice(2)}${line.words}` : undefined;
    case 'quote':
      return /[:-]\s+$/.test(line.prefix) ? `${line.prefix}"${line.words}` : undefined;
  }
}

const compact = (text: string): string => text.replace(/\s+/g, '');

/** The document's text, or undefined when the file does not render. */
function documentText(text: string): string | undefined {
  const result = validateText(text, 'r.yaml');
  if (!result.report) return undefined;
  return compose(result.report, { titleLineWidth: GBT9704.title.maxLineChars.value }).blocks.map(blockText).join('');
}

describe('a keyboard slip in a text line is kept as typed or flagged at its line', () => {
  it('the seed renders with every text line in the document', () => {
    const doc = compact(documentText(SEED)!);
    for (const line of TEXT_LINES) expect(doc, line.words).toContain(compact(line.words));
    expect(TEXT_LINES.length).toBeGreaterThan(15);
  });

  it('holds for random slips', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEXT_LINES),
        fc.constantFrom<Slip>('hash', 'colon', 'indent+2', 'indent-2', 'quote'),
        fc.nat(40),
        (line, slip, at) => {
          const changed = apply(slip, line, at);
          fc.pre(changed !== undefined);
          const lines = [...LINES];
          lines[line.index] = changed!;
          const text = lines.join('\n');
          const diagnostics = validateText(text, 'r.yaml').diagnostics;
          // Named: at the line, or by its number (“比上一行（第 15 行）…”) when two lines disagree.
          if (diagnostics.some((d) => d.position?.line === line.index + 1 || d.message.includes(`第 ${line.index + 1} 行`))) return;
          // Not flagged at its line: then nothing else may be wrong, and every word typed on
          // that line (the slip included) is in the document.
          expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic), `${slip} on line ${line.index + 1}: ${changed}`).toEqual([]);
          const typed = compact(changed!.replace(/^\s*(?:-\s+)?(?:[a-z_]+:\s+)?/, ''));
          expect(compact(documentText(text) ?? ''), `${slip} on line ${line.index + 1}: ${changed}`).toContain(typed);
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });
});
