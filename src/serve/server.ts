// The workbench's HTTP server: the page, its script, and a small JSON API over the served data
// folder. Every request passes guard.ts first; every handler's failure becomes an answer with a
// Chinese message, never the end of the server.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { UserError, hasErrors } from '../diagnostic.js';
import { LOAD_LIMITS } from '../load/limits.js';
import { PACKAGE_ROOT, SCHEMA_FILE } from '../paths.js';
import { findSoffice } from '../platform/soffice.js';
import { writeFileAtomic } from '../write/output-file.js';
import type { ProblemResponse, SaveResponse } from './api.js';
import { cookieName, PathError, refusal, resolveInside } from './guard.js';
import { fingerprint, Workspace } from './workspace.js';
import { districtView } from './district.js';
import { runCommand, type CommandLine, type Starting } from './starting.js';

/** The page's files, built by scripts/build.mjs from web/. */
const WEB_DIR = path.join(PACKAGE_ROOT, 'dist', 'web');
const STATIC: Record<string, string> = {
  '/app.js': 'text/javascript; charset=utf-8',
  '/app.css': 'text/css; charset=utf-8',
};

/** Largest request body: a data file at the load limit, as JSON (escapes can double it), plus room. */
const MAX_BODY = 2 * LOAD_LIMITS.maxFileBytes + 64 * 1024;
/** Largest published report dropped for import (a .docx with pictures can be large). */
const MAX_IMPORT = 30 * 1024 * 1024;

export interface WorkbenchOptions {
  root: string;
  cwd: string;
  port?: number;
  /** Called with each change on disk (tests, logging). */
  onChange?: (file: string) => void;
  /** Runs a command as the command line does (new report, next year, import, batch). */
  commandLine?: CommandLine;
}

export interface Workbench {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Partial<ProblemResponse> = {},
    /** Close the connection after answering (a body too large to read on). */
    readonly close = false,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, type: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // The page loads nothing from elsewhere and may not be framed by another site.
    'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    'referrer-policy': 'no-referrer',
    ...headers,
  });
  res.end(body);
}

const json = (res: ServerResponse, value: unknown, status = 200): void => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return; // the rest is read and dropped; the connection closes after the answer
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(new HttpProblem(413, `内容太大（超过 ${Math.round(limit / 1024 / 1024)} MB），一份报告的数据通常不到 100 KB。`, {}, true));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req, MAX_BODY);
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Answered below.
  }
  throw new HttpProblem(400, '请求的内容不正确。');
}

function indexHtml(token: string): string {
  // The token rides in a cookie for the script and style (set with this page), and in a header for the API.
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="fazhi-token" content="${token}">
<title>法治政府建设年度报告 · 工作台</title>
<link rel="stylesheet" href="/app.css">
</head>
<body>
<div id="app">正在加载工作台……</div>
<script type="module" src="/app.js"></script>
</body>
</html>`;
}

/** The .docx, .html or .pdf `fazhi render` writes for the saved file. */
async function outputOf(ws: Workspace, absolute: string, format: string): Promise<{ bytes: Uint8Array; name: string; type: string }> {
  const result = await ws.compose(ws.validateFile(absolute));
  if (!result.docx || !result.document || hasErrors(result.diagnostics)) {
    throw new HttpProblem(422, '已保存的文件有错误，无法生成。请先改正编辑器中标出的错误并保存。');
  }
  const { safeFileName } = await import('../write/output-file.js');
  const base = safeFileName(result.document.title);
  if (format === 'docx') return { bytes: result.docx, name: `${base}.docx`, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  if (format === 'html') {
    const { writeHtml } = await import('../write/html/index.js');
    return { bytes: new TextEncoder().encode(writeHtml(result.document, ws.profile)), name: `${base}.html`, type: 'text/html; charset=utf-8' };
  }
  if (format === 'pdf') {
    const pdf = await pdfOf(result.docx);
    // The bytes are read: the work folder (the .docx and .pdf written for LibreOffice) goes.
    rmSync(pdf.work, { recursive: true, force: true });
    return { bytes: pdf.bytes, name: `${base}.pdf`, type: 'application/pdf' };
  }
  throw new HttpProblem(400, '不支持的格式。');
}

async function pdfOf(docx: Uint8Array): Promise<{ bytes: Uint8Array; substituted: string[]; missing: string[]; work: string }> {
  const { convertToPdf } = await import('../write/pdf/index.js');
  if (!findSoffice()) throw new HttpProblem(501, '没有安装 LibreOffice，无法生成 PDF 和准确分页。Word 文档不受影响。');
  const work = mkdtempSync(path.join(os.tmpdir(), 'fazhi-serve-'));
  try {
    const docxFile = path.join(work, 'report.docx');
    writeFileAtomic(docxFile, docx);
    const { pdfFile, fonts } = await convertToPdf(docxFile, path.join(work, 'report.pdf'));
    return { bytes: readFileSync(pdfFile), substituted: fonts.substituted, missing: fonts.missing, work };
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

/** The pages as LibreOffice lays out the .docx: PDF, then one PNG per page (pdftoppm). */
async function exactPages(ws: Workspace, absolute: string): Promise<{ pages: string[]; substituted: string[]; missing: string[] }> {
  const result = await ws.compose(ws.validateFile(absolute));
  if (!result.docx || hasErrors(result.diagnostics)) throw new HttpProblem(422, '已保存的文件有错误，无法排版。请先改正错误并保存。');
  const pdf = await pdfOf(result.docx);
  try {
    const pdfFile = path.join(pdf.work, 'report.pdf');
    await new Promise<void>((resolve, reject) =>
      execFile('pdftoppm', ['-png', '-r', '60', pdfFile, path.join(pdf.work, 'page')], { timeout: 120_000, windowsHide: true }, (error) => (error ? reject(error) : resolve())),
    ).catch(() => {
      throw new HttpProblem(501, '没有找到 pdftoppm（poppler-utils），无法把 PDF 转为页面图像。可以下载 PDF 查看。');
    });
    const pages = readdirSync(pdf.work)
      .filter((f) => /^page-\d+\.png$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
      .map((f) => `data:image/png;base64,${readFileSync(path.join(pdf.work, f)).toString('base64')}`);
    return { pages, substituted: pdf.substituted, missing: pdf.missing };
  } finally {
    rmSync(pdf.work, { recursive: true, force: true });
  }
}

export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const ws = new Workspace(options.root, options.cwd);
  const commandLine: CommandLine =
    options.commandLine ??
    (() => {
      throw new Error('startWorkbench: no commandLine given, so the page cannot run commands');
    });
  const token = randomBytes(24).toString('base64url');
  const listeners = new Set<ServerResponse>();
  let port = 0;

  const broadcast = (event: string, data: unknown): void => {
    for (const res of listeners) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  // Changes on disk: from the user's other editor, Git, a batch run, or our own saves.
  const { watch } = await import('chokidar');
  const watcher = watch(options.root, {
    ignoreInitial: true,
    depth: 6,
    ignored: (p: string) => path.basename(p).startsWith('.') && p !== options.root,
    awaitWriteFinish: false,
  });
  let settle: NodeJS.Timeout | undefined;
  const pending = new Set<string>();
  const onDisk = (file: string): void => {
    if (!/\.ya?ml$/i.test(file)) return;
    ws.changed();
    pending.add(ws.relative(file));
    clearTimeout(settle);
    // Editors and Git write in bursts: one notice per burst.
    settle = setTimeout(() => {
      const files = [...pending];
      pending.clear();
      try {
        for (const f of files) options.onChange?.(f);
        broadcast('changed', { files });
      } catch {
        // A page that went away mid-write: the others still get the notice next time.
      }
    }, 60);
  };
  watcher.on('add', onDisk).on('change', onDisk).on('unlink', onDisk);
  watcher.on('error', () => {
    // A folder that cannot be watched (permissions, too many files): the list still updates on save.
  });
  const ready = new Promise<void>((resolve) => watcher.on('ready', () => resolve()));

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const refused = refusal(req, url, token, port);
    if (refused) {
      send(res, 403, refused, 'text/plain; charset=utf-8');
      return;
    }
    const route = `${req.method} ${url.pathname}`;
    const file = (write = false): string => resolveInside(ws.root, url.searchParams.get('path'), { write });
    switch (route) {
      case 'GET /':
        send(res, 200, indexHtml(token), 'text/html; charset=utf-8', {
          'set-cookie': `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`,
        });
        return;
      case 'GET /app.js':
      case 'GET /app.css': {
        const asset = path.join(WEB_DIR, url.pathname.slice(1));
        if (!existsSync(asset)) throw new HttpProblem(500, '工作台的网页文件缺失：请在项目文件夹中运行 npm run build。');
        send(res, 200, readFileSync(asset), STATIC[url.pathname]!);
        return;
      }
      case 'GET /api/files':
        json(res, ws.list());
        return;
      case 'GET /api/file': {
        const absolute = file();
        if (!existsSync(absolute) || !statSync(absolute).isFile()) throw new HttpProblem(404, '找不到这个文件，它可能已被删除或改名。');
        if (statSync(absolute).size > LOAD_LIMITS.maxFileBytes) throw new HttpProblem(413, `文件超过 ${LOAD_LIMITS.maxFileBytes / 1024 / 1024} MB，不能在工作台中打开。`);
        json(res, ws.open(absolute));
        return;
      }
      case 'POST /api/check': {
        const body = await readJson(req);
        const absolute = resolveInside(ws.root, body.path);
        if (typeof body.text !== 'string') throw new HttpProblem(400, '请求的内容不正确。');
        json(res, ws.check(absolute, body.text));
        return;
      }
      case 'POST /api/pages': {
        const body = await readJson(req);
        const absolute = resolveInside(ws.root, body.path);
        if (typeof body.text !== 'string') throw new HttpProblem(400, '请求的内容不正确。');
        json(res, await ws.pages(absolute, body.text));
        return;
      }
      case 'PUT /api/file': {
        const body = await readJson(req);
        const absolute = resolveInside(ws.root, body.path, { write: true });
        if (typeof body.text !== 'string') throw new HttpProblem(400, '请求的内容不正确。');
        // The file's own line ends and byte order mark, as it had them when opened.
        const text = (body.bom === true ? '\ufeff' : '') + (body.crlf === true ? body.text.replace(/\r?\n/g, '\r\n') : body.text);
        const bytes = new TextEncoder().encode(text);
        if (bytes.length > LOAD_LIMITS.maxFileBytes) throw new HttpProblem(413, `内容超过 ${LOAD_LIMITS.maxFileBytes / 1024 / 1024} MB，未保存。`);
        if (existsSync(absolute) && body.force !== true) {
          const now = fingerprint(readFileSync(absolute));
          if (now !== body.version) {
            throw new HttpProblem(409, '这个文件在您编辑期间已被其他程序修改。覆盖保存会丢失那边的修改；也可以先重新载入。', { conflict: true });
          }
        }
        writeFileAtomic(absolute, bytes);
        ws.changed();
        const answer: SaveResponse = { version: fingerprint(bytes), files: ws.list() };
        json(res, answer);
        return;
      }
      case 'GET /api/download': {
        const format = url.searchParams.get('format') ?? 'docx';
        const output = await outputOf(ws, file(), format);
        send(res, 200, output.bytes, output.type, {
          'content-disposition': `attachment; filename="report.${format}"; filename*=UTF-8''${encodeURIComponent(output.name)}`,
        });
        return;
      }
      case 'POST /api/exact-pages':
        json(res, await exactPages(ws, file()));
        return;
      case 'GET /api/schema':
        send(res, 200, readFileSync(SCHEMA_FILE), 'application/json; charset=utf-8');
        return;
      case 'GET /api/capabilities': {
        json(res, { libreoffice: findSoffice() !== undefined });
        return;
      }
      case 'GET /api/district':
        json(res, await districtView(ws, url.searchParams.get('group') ?? ''));
        return;
      case 'POST /api/start': {
        const body = await readJson(req);
        json(res, await runCommand(commandLine, ws, body as unknown as Starting));
        return;
      }
      case 'POST /api/import': {
        const name = url.searchParams.get('name') ?? '';
        const target = url.searchParams.get('target') ?? '';
        const bytes = await readBody(req, MAX_IMPORT);
        json(res, await runCommand(commandLine, ws, { kind: 'import', name, target, bytes }));
        return;
      }
      case 'POST /api/batch': {
        // Progress as lines of text, streamed while the batch runs.
        const group = url.searchParams.get('group') ?? '';
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        const outcome = await runCommand(commandLine, ws, { kind: 'batch', group }, (line) => res.write(`${line}\n`));
        res.end(`\n__END__${JSON.stringify(outcome)}\n`);
        return;
      }
      case 'GET /api/events': {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': fazhi\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      default:
        throw new HttpProblem(404, '没有这个地址。');
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const problem =
        err instanceof HttpProblem
          ? err
          : err instanceof PathError
            ? new HttpProblem(400, err.message)
            : err instanceof UserError
              ? new HttpProblem(400, err.message)
              : new HttpProblem(500, `fazhi 内部错误：${err instanceof Error ? err.message : String(err)}。这不是您数据的问题，编辑器中的内容没有丢失；请把这条信息报告给维护者。`);
      if (problem.status === 500 && process.env.FAZHI_DEBUG) console.error(err);
      if (res.headersSent) {
        res.end(`\n__END__${JSON.stringify({ message: problem.message })}\n`);
        return;
      }
      if (problem.close) res.setHeader('connection', 'close');
      json(res, { message: problem.message, ...problem.extra } satisfies ProblemResponse, problem.status);
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (err: unknown) => {
    // The port is taken (or not ours to use): the watcher must not keep the process running.
    await watcher.close();
    throw err;
  });
  port = (server.address() as AddressInfo).port;
  await ready;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      clearTimeout(settle);
      for (const res of listeners) res.end();
      listeners.clear();
      await watcher.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
