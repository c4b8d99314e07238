// The served data folder: which files it holds, each one's state, and the checks the editor
// runs as the user types. Every check is the library's own (pipeline.ts), with the file named
// as `fazhi validate` would name it, so messages and positions are the command's.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { reportFilesUnder, yearOfFolder } from '../batch/discover.js';
import type { JobResult } from '../batch/job.js';
import { summaryRows } from '../batch/summary.js';
import type { Diagnostic } from '../diagnostic.js';
import { hasErrors } from '../diagnostic.js';
import { GBT9704, type LayoutProfile } from '../layout/profile.js';
import { decodeText } from '../load/decode.js';
import { loadReportText } from '../load/index.js';
import { renderValidated, validateFile, validateSource, withPreviousYear, type RenderResult, type ValidateResult } from '../pipeline.js';
import { describeOutcome } from '../rollup/index.js';
import { findRosterFile, loadRoster, ROSTER_FILE_NAME, rosterOfSource, type Roster } from '../roster/index.js';
import type { CheckResponse, ClientDiagnostic, FileEntry, FileKind, FileList, OpenedFile, PagesResponse } from './api.js';
import { previewOf } from './pages.js';

const LEVELS = new Set(['district', 'department', 'town']);

export function fingerprint(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

export class Workspace {
  /** Bumped on every change on disk: cached states of other files may depend on the changed one. */
  private generation = 0;
  private states = new Map<string, { generation: number; result: JobResult }>();

  constructor(
    /** The served folder, absolute and real (symbolic links resolved). */
    readonly root: string,
    /** The working folder: paths in messages are relative to it, as on the command line. */
    readonly cwd: string,
    readonly profile: LayoutProfile = GBT9704,
  ) {}

  changed(): void {
    this.generation += 1;
  }

  /** A file as the command line names it: relative to the working folder when inside it. */
  shown(absolute: string): string {
    const rel = path.relative(this.cwd, absolute);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
  }

  /** Path inside the served folder, with "/" separators, as the page names files. */
  relative(absolute: string): string {
    return path.relative(this.root, absolute).split(path.sep).join('/');
  }

  private stateOf(file: string): JobResult {
    const cached = this.states.get(file);
    if (cached && cached.generation === this.generation) return cached.result;
    const result = validateFile(this.shown(file));
    const data = (result.report ?? result.source.data) as { unit?: { name?: unknown; short?: unknown }; level?: unknown } | undefined;
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const job: JobResult = {
      id: 0,
      file: this.shown(file),
      ...(typeof data?.unit?.name === 'string' ? { unitName: data.unit.name.trim() } : {}),
      ...(typeof data?.unit?.short === 'string' ? { unitShort: data.unit.short.trim() } : {}),
      ...(typeof data?.level === 'string' && LEVELS.has(data.level) ? { level: data.level as JobResult['level'] & string } : {}),
      status: errors > 0 ? 'errors' : 'ok',
      errors,
      warnings: result.diagnostics.length - errors,
      errorLines: [],
    };
    this.states.set(file, { generation: this.generation, result: job });
    return job;
  }

  /** Year folders (…/2024) under the served folder, or the folder itself when it is one. */
  private groups(): string[] {
    const found: string[] = [];
    const walk = (dir: string, depth: number): void => {
      if (yearOfFolder(dir) !== undefined) {
        found.push(dir);
        return;
      }
      if (depth === 0) return;
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names.sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        const sub = path.join(dir, name);
        try {
          if (statSync(sub).isDirectory()) walk(sub, depth - 1);
        } catch {
          // Vanished or unreadable: not listed.
        }
      }
    };
    walk(this.root, 3);
    // Newest year first within a district: that is the one being written.
    return found.sort((a, b) => path.dirname(a).localeCompare(path.dirname(b), 'zh-CN') || path.basename(b).localeCompare(path.basename(a)));
  }

  list(): FileList {
    const files: FileEntry[] = [];
    const groupDirs = this.groups();
    if (groupDirs.length === 0) groupDirs.push(this.root);
    for (const dir of groupDirs) {
      const group = this.relative(dir) || path.basename(dir);
      const rosterFile = findRosterFile(dir);
      let roster: Roster | undefined;
      if (rosterFile) {
        const loaded = loadRoster(this.shown(rosterFile));
        roster = loaded.roster ? { ...loaded.roster, path: this.shown(rosterFile) } : undefined;
        // Listed with every year it serves: each year's list is complete on its own.
        {
          const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
          files.push({ path: this.relative(rosterFile), label: `单位名册（${path.basename(rosterFile)}）`, kind: 'roster', group, errors, warnings: loaded.diagnostics.length - errors });
        }
      }
      let reports: string[];
      try {
        reports = reportFilesUnder(dir).files;
      } catch {
        reports = [];
      }
      const results = reports.map((f) => this.stateOf(f));
      const byFile = new Map(reports.map((f, i) => [results[i]!.file, f]));
      for (const row of summaryRows(results, roster, this.cwd)) {
        const absolute = row.file ? byFile.get(row.file) : undefined;
        const kind: FileKind = row.level ?? (absolute && path.basename(absolute) === 'report.yaml' ? 'district' : 'other');
        files.push({
          ...(absolute ? { path: this.relative(absolute) } : {}),
          label: row.unit,
          kind,
          group,
          errors: row.status === '缺报' ? 0 : row.errors,
          warnings: row.warnings,
          ...(row.status === '缺报' ? { missing: true } : {}),
        });
      }
    }
    return { root: this.shown(this.root) || '.', files };
  }

  open(absolute: string): OpenedFile {
    const bytes = readFileSync(absolute);
    const decoded = decodeText(bytes, absolute);
    if ('severity' in decoded) throw new Error(decoded.message);
    const text = decoded.text.replace(/^\ufeff/, '');
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { path: this.relative(absolute), text, version: fingerprint(bytes), crlf: /\r\n/.test(text), bom, encoding: decoded.encoding };
  }

  private clientDiagnostics(diagnostics: readonly Diagnostic[], shown: string): ClientDiagnostic[] {
    return diagnostics.map((d) => ({
      severity: d.severity,
      message: d.message,
      ruleId: d.ruleId,
      file: d.file,
      here: d.file === shown,
      ...(d.position ? { line: d.position.line, column: d.position.column } : {}),
    }));
  }

  /** The checks `fazhi validate` runs on the file, on the text being edited instead of the saved one. */
  validateText(absolute: string, text: string): ValidateResult {
    const shown = this.shown(absolute);
    return withPreviousYear(validateSource(loadReportText(new TextEncoder().encode(text), shown)), shown);
  }

  /** The last text checked, with its result: the pages that follow use it instead of checking again. */
  private lastCheck: { absolute: string; text: string; result: ValidateResult } | undefined;

  private validated(absolute: string, text: string): ValidateResult {
    const last = this.lastCheck;
    if (last && last.absolute === absolute && last.text === text) return last.result;
    const result = this.validateText(absolute, text);
    this.lastCheck = { absolute, text, result };
    return result;
  }

  /** Diagnostics of the text being edited: what the editor shows as the user types. */
  check(absolute: string, text: string): CheckResponse {
    const started = performance.now();
    const shown = this.shown(absolute);
    if (path.basename(absolute).toLowerCase() === ROSTER_FILE_NAME) {
      // The roster's own checks (`fazhi validate units.yaml`), on the text being edited.
      const checked = rosterOfSource(loadReportText(new TextEncoder().encode(text), shown));
      return { diagnostics: this.clientDiagnostics(checked.diagnostics, shown), timing: { checkMs: performance.now() - started } };
    }
    this.lastCheck = undefined;
    const result = this.validated(absolute, text);
    const response: CheckResponse = { diagnostics: this.clientDiagnostics(result.diagnostics, shown), timing: { checkMs: performance.now() - started } };
    if (result.rollup) response.rollup = result.rollup.outcomes.map(describeOutcome);
    return response;
  }

  /**
   * The pages of the text being edited, composed as `fazhi render` composes them; none while it
   * has errors (then `diagnostics` says why: template problems come only here).
   */
  async pages(absolute: string, text: string): Promise<PagesResponse> {
    const started = performance.now();
    if (path.basename(absolute).toLowerCase() === ROSTER_FILE_NAME) return { timing: { pagesMs: 0 } };
    const result = this.validated(absolute, text);
    if (!result.report || hasErrors(result.diagnostics)) return { timing: { pagesMs: performance.now() - started } };
    const composed = await this.compose(result);
    if (!composed.document || hasErrors(composed.diagnostics)) {
      return { diagnostics: this.clientDiagnostics(composed.diagnostics, this.shown(absolute)), timing: { pagesMs: performance.now() - started } };
    }
    return { preview: previewOf(composed.document, this.profile), timing: { pagesMs: performance.now() - started } };
  }

  /** `fazhi validate` of the saved file. */
  validateFile(absolute: string): ReturnType<typeof validateFile> {
    return validateFile(this.shown(absolute));
  }

  /** The render `fazhi render` does (the .docx bytes included). */
  compose(result: ValidateResult): Promise<RenderResult> {
    return renderValidated(result, { profile: this.profile });
  }
}
