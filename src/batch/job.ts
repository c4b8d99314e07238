// One report of a batch: validate, render, write the .docx. Runs in a worker (thread or process)
// or in the main thread alike; takes and returns plain data only, so it crosses either boundary.

import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, UserError } from '../diagnostic.js';
import type { LayoutProfile } from '../layout/profile.js';
import { renderFile } from '../pipeline.js';
import { isLevel, type Level } from '../data/report.js';
import { claimOutputPath, defaultOutputPath, outputKey, safeFileName, writeFileAtomic } from '../write/output-file.js';

export interface Job {
  id: number;
  /** The data file, as shown to the user (relative to cwd when inside it). */
  file: string;
  cwd: string;
  /** `-o`: outputs go to this folder, at the file's place relative to the batch folder. */
  outputDir?: string;
  /** The file's folder relative to the batch folder, for `outputDir`. */
  relativeDir: string;
  /**
   * A folder shared by the batch's workers in which each output path is claimed (mkdir is atomic
   * across threads and processes): two reports with the same title must not overwrite each other.
   */
  claimDir?: string;
  /** The layout (--profile, --reference-doc); default GB/T 9704. Plain data: it crosses to the workers. */
  profile?: LayoutProfile;
}

/** Claims `target` for this job, or, when another report of the batch has it, a name with the data file's. */
function claimOutput(target: string, dataFile: string, claimDir: string | undefined): string {
  if (!claimDir) return target;
  const claim = (t: string): boolean => {
    try {
      mkdirSync(path.join(claimDir, createHash('sha256').update(outputKey(t)).digest('hex')));
      return true;
    } catch {
      return false;
    }
  };
  // The data file's whole name: x.yaml and x.yml differ only in their extension.
  return claimOutputPath(target, [path.basename(dataFile)], claim);
}

export type JobStatus = 'ok' | 'errors' | 'write-failed';

export interface JobResult {
  id: number;
  file: string;
  /** From the report, or from what could be read of a report with errors. */
  unitName?: string;
  unitShort?: string;
  level?: Level;
  year?: number;
  status: JobStatus;
  errors: number;
  warnings: number;
  /** Errors as `file:line:column 错误 …` lines. */
  errorLines: string[];
  /** The .docx written (absolute). */
  output?: string;
  /** Why the .docx could not be written (e.g. open in Word). */
  writeError?: string;
  /** What went wrong inside the tool, when it did (a bug, not the data). */
  internalError?: string;
}

function rawField(data: unknown, ...keys: string[]): unknown {
  let v: unknown = data;
  for (const k of keys) v = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** What a job does with its data file: `renderFile`, unless a caller in this thread gives another (tests of a bug's path). */
export type RenderJob = typeof renderFile;

export async function runJob(job: Job, render: RenderJob = renderFile): Promise<JobResult> {
  const file = path.resolve(job.cwd, job.file);
  const base = { id: job.id, file: job.file };
  try {
    const result = await render(file, job.profile ? { profile: job.profile } : {});
    const data = result.report ?? result.source.data;
    const name = rawField(data, 'unit', 'name');
    const short = rawField(data, 'unit', 'short');
    const level = rawField(data, 'level');
    const year = rawField(data, 'year');
    const errorsOnly = result.diagnostics.filter((d) => d.severity === 'error');
    const info = {
      ...base,
      ...(typeof name === 'string' ? { unitName: name.trim() } : {}),
      ...(typeof short === 'string' ? { unitShort: short.trim() } : {}),
      ...(isLevel(level) ? { level } : {}),
      ...(typeof year === 'number' ? { year } : {}),
      errors: errorsOnly.length,
      warnings: result.diagnostics.length - errorsOnly.length,
      // Positions in the user's terms: the path as the batch lists it.
      errorLines: errorsOnly.map((d) => formatDiagnostic({ ...d, file: d.file === file ? job.file : d.file })),
    };
    if (!result.docx || !result.document || errorsOnly.length > 0) return { ...info, status: 'errors', errors: Math.max(1, info.errors) };
    const target = claimOutput(
      job.outputDir
        ? path.join(job.outputDir, job.relativeDir, `${safeFileName(result.document.title)}.docx`)
        : defaultOutputPath(file, result.document.title, '.docx', job.cwd),
      file,
      job.claimDir,
    );
    try {
      writeFileAtomic(target, result.docx);
    } catch (err) {
      if (err instanceof UserError) return { ...info, status: 'write-failed', output: target, writeError: err.message };
      throw err;
    }
    return { ...info, status: 'ok', output: target };
  } catch (err) {
    // One report's failure must not end the batch: it is listed like a report with errors.
    const message = err instanceof Error ? err.message : String(err);
    return { ...base, status: 'errors', errors: 1, warnings: 0, errorLines: [`${job.file} 错误 fazhi 内部错误：${message}（请报告给维护者）`], internalError: message };
  }
}
