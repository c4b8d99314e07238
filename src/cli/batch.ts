// `fazhi batch DIR [-o OUT] [--jobs N]`: validate and render every report under a folder on all
// cores, list what is missing against the roster, and end with a summary table, also written
// as a Word document (汇总表) and as CSV. Exit 1 when any report has errors, is missing, or
// could not be written.

import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRealDate, parseDate, type CalendarDate } from '../dates.js';
import { ExitCode, formatDiagnostic, UserError } from '../diagnostic.js';
import { reportFilesUnder, yearOfFolder } from '../batch/discover.js';
import type { Job, JobResult, RenderJob } from '../batch/job.js';
import { runJobs, type WorkerKind } from '../batch/pool.js';
import { displayWidth, TerminalProgress } from '../batch/progress.js';
import { countRows, LEVEL_NAMES, summaryRows, type SummaryRow } from '../batch/summary.js';
import { GBT9704 } from '../layout/profile.js';
import { sessionProfile } from './render-session.js';
import { findRosterFile, loadRoster, ROSTER_FILE_NAME, type Roster } from '../roster/index.js';
import { defaultOutputPath, safeFileName, writeFileAtomic } from '../write/output-file.js';
import type { CommandIO, CommandRun, Values } from './command.js';

const STATUS_WORDS: Record<JobResult['status'], string> = { ok: '已生成', errors: '有错误', 'write-failed': '未能写入' };

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** The summary as an aligned text table for the terminal. */
export function summaryText(rows: readonly SummaryRow[]): string[] {
  const table = [
    ['序号', '单位', '层级', '状态', '错误数', '输出文件'],
    ...rows.map((r, i) => [String(i + 1), r.unit, r.level ? LEVEL_NAMES[r.level] : '—', r.status, r.status === '缺报' ? '—' : String(r.errors), r.output ?? '—']),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => displayWidth(row[c]!))));
  return table.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : pad(cell, widths[c]!))).join('  ').trimEnd());
}

function workerKind(): WorkerKind | undefined {
  const kind = process.env.FAZHI_BATCH_WORKERS;
  return kind === 'thread' || kind === 'process' || kind === 'inline' ? kind : undefined;
}

function readRoster(dir: string, io: CommandIO): { roster?: Roster; broken: boolean } {
  const file = findRosterFile(dir);
  if (!file) {
    io.err(`没有找到单位名册（${ROSTER_FILE_NAME}，应放在区县文件夹中，例如 ${path.join(path.dirname(dir), ROSTER_FILE_NAME)}），无法列出缺报的单位。`);
    return { broken: false };
  }
  const shownFile = path.relative(io.cwd, file) || file;
  const { roster, diagnostics } = loadRoster(file);
  for (const d of diagnostics) io.out(formatDiagnostic({ ...d, file: shownFile }));
  if (!roster) io.err(`单位名册 ${shownFile} 有错误，本次无法列出缺报的单位；请按上面的提示修改。`);
  return { ...(roster ? { roster: { ...roster, path: shownFile } } : {}), broken: !roster };
}

export interface BatchDependencies {
  /** Renders each report in place of `renderFile` (then in this thread): how tests make one report hit a bug. */
  render?: RenderJob;
}

/** The batch command; `dependencies` replace parts of its work (tests). */
export function batchCommand(dependencies: BatchDependencies = {}): CommandRun {
  return (inputs, values, io) => batch(inputs, values, io, dependencies);
}

export const runBatch: CommandRun = batchCommand();

async function batch(inputs: string[], values: Values, io: CommandIO, dependencies: BatchDependencies): Promise<ExitCode> {
  if (inputs.length !== 1) throw new UserError('请指定一个年度文件夹，例如：fazhi batch data/示例区/2024', ExitCode.Usage);
  const dir = path.resolve(io.cwd, inputs[0]!);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`找不到文件夹“${inputs[0]}”，请检查路径。`);
  let jobsOption: number | undefined;
  if (typeof values.jobs === 'string') {
    jobsOption = Number(values.jobs);
    if (!Number.isInteger(jobsOption) || jobsOption < 1) throw new UserError('--jobs 后面应写一个正整数，例如 --jobs 2。', ExitCode.Usage);
  }
  // The 截至 date of the summary, only when given: the same batch gives the same bytes any day.
  let asOf: CalendarDate | undefined;
  if (typeof values.date === 'string') {
    asOf = parseDate(values.date.trim());
    if (!asOf || !isRealDate(asOf)) throw new UserError(`--date 后面应写汇总的截至日期，例如 --date 2025-01-20，现在是“${values.date}”。`, 2);
  }
  const shown = (f: string): string => path.relative(io.cwd, f) || f;
  const outputDir = typeof values.output === 'string' ? path.resolve(io.cwd, values.output) : undefined;

  // A district folder holds one folder per year: a batch is one year's reports.
  if (yearOfFolder(dir) === undefined && !existsSync(path.join(dir, 'report.yaml'))) {
    const years = readdirSync(dir).filter((n) => yearOfFolder(path.join(dir, n)) !== undefined && statSync(path.join(dir, n)).isDirectory());
    if (years.length > 0) {
      throw new UserError(`“${inputs[0]}”中有多个年度的文件夹（${years.join('、')}），请指定其中一个，例如：fazhi batch ${path.join(inputs[0]!, years.sort().at(-1)!)}`, ExitCode.Usage);
    }
  }
  const { roster, broken } = readRoster(dir, io);
  const { files, skipped } = reportFilesUnder(dir);
  for (const entry of skipped) io.err(`${shown(entry.path)} 警告 ${entry.reason}。`);
  if (files.length === 0 && !roster) throw new UserError(`“${inputs[0]}”中没有报告数据文件（.yaml）。`);

  // Read before any report: a template that cannot be used stops the batch at once.
  const profile = typeof values.profile === 'string' || typeof values['reference-doc'] === 'string' ? sessionProfile(values, io) : undefined;
  const claimDir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-batch-'));
  const jobs: Job[] = files.map((f, id) => ({
    id,
    file: shown(f),
    cwd: io.cwd,
    relativeDir: path.relative(dir, path.dirname(f)),
    claimDir,
    ...(outputDir ? { outputDir } : {}),
    ...(profile ? { profile } : {}),
  }));
  const started = performance.now();
  // A redrawn progress line only on a terminal; `fazhi serve` shows each result as a line.
  const tty = (io.terminal ?? process.stderr.isTTY) === true;
  const progress = tty && jobs.length > 0 ? new TerminalProgress({ write: (t) => process.stderr.write(t), columns: process.stderr.columns || 80 }, jobs.length) : undefined;
  let done = 0;
  const results = await runJobs(jobs, {
    ...(jobsOption !== undefined ? { workers: jobsOption } : {}),
    ...(workerKind() ? { kind: workerKind()! } : {}),
    ...(dependencies.render ? { render: dependencies.render } : {}),
    onResult: (r) => {
      done += 1;
      const label = `${r.unitName ?? r.file} ${STATUS_WORDS[r.status]}`;
      if (progress) progress.step(label);
      else io.out(`[${done}/${jobs.length}] ${STATUS_WORDS[r.status]}：${r.file}`);
    },
  }).finally(() => rmSync(claimDir, { recursive: true, force: true }));
  progress?.end();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  // The problems, file by file, then the table.
  for (const r of results) {
    for (const line of r.errorLines) io.out(line);
    if (r.writeError) io.err(r.writeError);
  }
  const rows = summaryRows(results, roster, io.cwd);
  for (const row of rows) if (row.duplicate) io.out(`${row.file} 错误 ${row.note}。`);
  io.out('');
  for (const line of summaryText(rows)) io.out(line);
  const c = countRows(rows);
  io.out(
    `\n共 ${c.total} 个单位：已生成 ${c.ok} 份${c.errors ? `，有错误 ${c.errors} 份` : ''}${c.writeFailed ? `，未能写入 ${c.writeFailed} 份` : ''}${c.missing ? `，缺报 ${c.missing} 个` : ''}（用时 ${seconds} 秒）。`,
  );

  // The summary as .docx and .csv, beside the reports' outputs.
  const district = roster?.district ?? path.basename(path.dirname(dir));
  const year = yearOfFolder(dir) ?? results.find((r) => r.year !== undefined)?.year;
  const { summaryDocument, summaryTitle } = await import('../batch/summary-document.js');
  const { summaryCsv } = await import('../batch/csv.js');
  const title = summaryTitle(district, year);
  const base = outputDir ? path.join(outputDir, safeFileName(title)) : defaultOutputPath(path.join(dir, 'report.yaml'), title, '', io.cwd);
  let summaryFailed = false;
  const write = (file: string, bytes: Uint8Array): void => {
    try {
      writeFileAtomic(file, bytes);
      io.out(`汇总表：${shown(file)}`);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      io.err(err.message);
      summaryFailed = true;
    }
  };
  write(`${base}.csv`, summaryCsv(rows));
  const { writeDocx } = await import('../write/docx/index.js');
  write(`${base}.docx`, await writeDocx(summaryDocument(rows, title, profile ?? GBT9704, year, asOf), profile ?? GBT9704));

  if (c.errors || c.missing || c.writeFailed) {
    io.err('有报告需要处理：请按上面的提示修改有错误的报告、催报缺报的单位（联系人见汇总表 CSV），然后重新运行。');
  }
  // A bug of the tool's in any one report is the tool's failure, as the README promises (3).
  if (results.some((r) => r.internalError !== undefined)) return ExitCode.Internal;
  return c.errors || c.missing || c.writeFailed || broken || summaryFailed ? ExitCode.DataProblem : ExitCode.Ok;
}
