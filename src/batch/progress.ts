// Progress of a batch: on a terminal, one line redrawn in place (a bar, the count, the last
// file); elsewhere (a log, a pipe), one plain line per finished report. Widths count CJK
// characters as two columns, so the line never wraps; the bar itself is ASCII, because block
// characters (█) and … are drawn two columns wide by consoles in Chinese locales.

export interface ProgressSink {
  /** Raw text, no newline added (terminal). */
  write(text: string): void;
  columns?: number;
}

/** Display width: CJK and full-width forms take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(`${out}${ch}...`) > width) break;
    out += ch;
  }
  return `${out}...`;
}

/** The terminal line for `done` of `total`, last finished `label`, at most `columns` wide. */
export function progressLine(done: number, total: number, label: string, columns = 80): string {
  const barWidth = Math.max(10, Math.min(30, columns - 40));
  const filled = total === 0 ? barWidth : Math.round((done / total) * barWidth);
  const head = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${done}/${total} `;
  return head + fit(label, Math.max(0, columns - 1 - displayWidth(head)));
}

export class TerminalProgress {
  private done = 0;
  constructor(
    private readonly sink: ProgressSink,
    private readonly total: number,
  ) {
    this.sink.write(`\r${progressLine(0, total, '开始处理', sink.columns)}`);
  }

  step(label: string): void {
    this.done += 1;
    // \x1b[K clears what a longer previous line left behind.
    this.sink.write(`\r${progressLine(this.done, this.total, label, this.sink.columns)}\x1b[K`);
  }

  end(): void {
    this.sink.write('\r\x1b[K');
  }
}
