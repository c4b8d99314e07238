// The workbench page: file list, editor (CodeMirror 6) with the project's own diagnostics, and
// the pages. All checking and composing happens in the server, with the library the command
// line uses; this file only shows what the server answers.

import { autocompletion, completionKeymap, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, drawSelection, highlightActiveLine, highlightActiveLineGutter, hoverTooltip, keymap, lineNumbers, type DecorationSet } from '@codemirror/view';
import type { CheckResponse, ClientDiagnostic, FileEntry, FileList, OpenedFile, PagesResponse, Preview, PreviewPage, ProblemResponse, SaveResponse } from '../src/serve/api.js';
import { SchemaHelp, yamlPathAt, type SchemaNode } from './schema.js';

const token = document.querySelector<HTMLMetaElement>('meta[name="fazhi-token"]')?.content ?? '';
/** Milliseconds after the last keystroke before the text is checked. */
const CHECK_DELAY = 40;

// ---- small DOM helpers -------------------------------------------------------------------

type Child = Node | string | null | undefined | false;
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | ((e: Event) => void)> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

class ServerProblem extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly conflict = false,
  ) {
    super(message);
  }
}

async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { 'x-fazhi-token': token, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ServerProblem('无法连接工作台服务：fazhi serve 可能已经停止。请在命令行重新运行 fazhi serve。', 0);
  }
  if (!res.ok) {
    let problem: ProblemResponse = { message: `请求失败（${res.status}）。` };
    try {
      problem = (await res.json()) as ProblemResponse;
    } catch {
      problem = { message: (await res.text().catch(() => '')) || problem.message };
    }
    throw new ServerProblem(problem.message, res.status, problem.conflict === true);
  }
  return (await res.json()) as T;
}

// ---- state -------------------------------------------------------------------------------

interface Current {
  path: string;
  version: string;
  crlf: boolean;
  bom: boolean;
  encoding: string;
  /** Text as last saved or loaded, to know whether there are unsaved changes. */
  savedText: string;
}

let files: FileEntry[] = [];
let current: Current | undefined;
let diagnostics: ClientDiagnostic[] = [];
let checkSeq = 0;
let checkTimer: number | undefined;
let libreoffice = false;
let schema: SchemaHelp | undefined;
let view: 'editor' | 'district' | 'start' = 'editor';
let lastPreview: Preview | undefined;

// ---- layout ------------------------------------------------------------------------------

const statusText = h('span', { class: 'status', id: 'status', role: 'status' });
const fileList = h('nav', { class: 'files', id: 'files', 'aria-label': '文件' });
const editorHost = h('div', { class: 'editor', id: 'editor' });
const problems = h('div', { class: 'problems', id: 'problems', 'aria-label': '问题' });
const banner = h('div', { class: 'banner', id: 'banner', hidden: '' });
const pagesHost = h('div', { class: 'pages', id: 'pages' });
const pagesNote = h('div', { class: 'pages-note', id: 'pages-note' });
const mainArea = h('main', { class: 'main' });
const fileTitle = h('span', { class: 'file-title', id: 'file-title' }, '未打开文件');

function button(label: string, shortcut: string | undefined, action: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  return h('button', { type: 'button', ...(shortcut ? { title: `${label}（${shortcut}）` } : { title: label }), ...attrs, onclick: () => action() }, label, shortcut ? h('kbd', {}, shortcut) : null);
}

const saveButton = button('保存', 'Ctrl+S', () => void save(), { id: 'save' });
const exactButton = button('LibreOffice 准确分页', undefined, () => void exactPages(), { id: 'exact' });
const downloads = h(
  'span',
  { class: 'downloads' },
  button('下载 Word', 'Ctrl+Shift+W', () => void download('docx'), { id: 'download-docx' }),
  button('PDF', undefined, () => void download('pdf'), { id: 'download-pdf' }),
  button('网页', undefined, () => void download('html'), { id: 'download-html' }),
);

const tabs = h(
  'span',
  { class: 'tabs' },
  button('编辑', 'Alt+1', () => show('editor'), { id: 'tab-editor' }),
  button('全区情况', 'Alt+2', () => show('district'), { id: 'tab-district' }),
  button('新建 · 下一年度 · 导入', 'Alt+3', () => show('start'), { id: 'tab-start' }),
);

const editorView = h(
  'div',
  { class: 'workspace', id: 'workspace' },
  h('section', { class: 'edit-pane' }, h('div', { class: 'pane-head' }, fileTitle, saveButton), banner, editorHost, problems),
  h('section', { class: 'page-pane' }, h('div', { class: 'pane-head' }, h('span', {}, '页面'), exactButton), pagesNote, pagesHost),
);

const app = document.getElementById('app')!;
app.replaceChildren(
  h('header', { class: 'top' }, h('strong', {}, '法治政府建设年度报告 · 工作台'), tabs, downloads, statusText),
  h('div', { class: 'body' }, fileList, mainArea),
  h(
    'footer',
    { class: 'keys' },
    '快捷键：Ctrl+S 保存 · Ctrl+空格 提示可写的项 · F8 下一个问题 · Ctrl+F 查找 · Ctrl+Z 撤销 · Alt+1/2/3 切换页面 · Ctrl+Shift+W 下载 Word',
  ),
);
mainArea.append(editorView);

function setStatus(text: string, kind: 'ok' | 'error' | 'busy' = 'ok'): void {
  statusText.textContent = text;
  statusText.dataset.kind = kind;
}

// ---- file list ---------------------------------------------------------------------------

function stateOf(f: FileEntry): { text: string; kind: string } {
  if (f.missing) return { text: '缺报', kind: 'missing' };
  if (f.errors) return { text: `${f.errors} 个错误`, kind: 'error' };
  if (f.warnings) return { text: `${f.warnings} 个警告`, kind: 'warning' };
  return { text: '无问题', kind: 'ok' };
}

const KIND_NAMES: Record<string, string> = { district: '区县政府', department: '部门', town: '乡镇街道', roster: '名册', other: '其他' };

function renderFiles(): void {
  const groups = new Map<string, FileEntry[]>();
  for (const f of files) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  fileList.replaceChildren(
    ...[...groups].map(([group, entries]) =>
      h(
        'div',
        { class: 'group' },
        h('div', { class: 'group-name' }, group),
        h(
          'ul',
          {},
          ...entries.map((f) => {
            const state = stateOf(f);
            const li = h(
              'li',
              { class: `file ${f.path && f.path === current?.path ? 'active' : ''} ${f.missing ? 'missing' : ''}`, ...(f.path ? { 'data-path': f.path, tabindex: '0' } : {}) },
              h('span', { class: 'kind' }, KIND_NAMES[f.kind] ?? ''),
              h('span', { class: 'label', title: f.path ?? '没有找到这个单位的报告' }, f.label),
              h('span', { class: `state ${state.kind}` }, state.text),
            );
            if (f.path) {
              const open = () => void openFile(f.path!);
              li.addEventListener('click', open);
              li.addEventListener('keydown', (e) => {
                if (e.key === 'Enter') open();
              });
            }
            return li;
          }),
        ),
      ),
    ),
  );
}

async function refreshFiles(): Promise<void> {
  const list = await api<FileList>('GET', '/api/files');
  files = list.files;
  renderFiles();
}

// ---- editor ------------------------------------------------------------------------------

class MessageWidget extends WidgetType {
  constructor(
    readonly text: string,
    readonly severity: string,
  ) {
    super();
  }
  override eq(other: MessageWidget): boolean {
    return other.text === this.text && other.severity === this.severity;
  }
  toDOM(): HTMLElement {
    return h('span', { class: `inline-message ${this.severity}` }, this.text);
  }
}

const setMessages = StateEffect.define<DecorationSet>();
const messagesField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setMessages)) return e.value;
    return value.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** Keys at column `indent` in the block around line `index` (0-based), other than on that line. */
function siblingKeys(lines: readonly string[], index: number, indent: number): Set<string> {
  const keys = new Set<string>();
  const scan = (step: 1 | -1): void => {
    for (let i = index + step; i >= 0 && i < lines.length; i += step) {
      const l = lines[i]!;
      if (l.trim() === '' || l.trim().startsWith('#')) continue;
      const lead = /^\s*/.exec(l)![0].length;
      if (lead < indent) return;
      const m = /^\s*([A-Za-z_][\w-]*)\s*:/.exec(l);
      if (lead === indent) {
        if (!m) return; // a list item at this column: another block
        keys.add(m[1]!);
      }
    }
  };
  scan(-1);
  scan(1);
  return keys;
}

function schemaCompletion(context: CompletionContext): CompletionResult | null {
  if (!schema) return null;
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const lines = context.state.doc.toString().split('\n');
  const at = yamlPathAt(lines, line.number - 1, before.length);
  const valueMatch = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s*:\s*(\S*)$/.exec(before);
  if (valueMatch) {
    const values = schema.enumAt([...at.path, valueMatch[2]!]);
    if (values.length === 0) return null;
    const word = valueMatch[3]!;
    return {
      from: context.pos - word.length,
      options: values.map((v) => ({ label: v, type: 'enum', detail: '可选值' })),
    };
  }
  const keyMatch = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)?$/.exec(before);
  if (!keyMatch) return null;
  if (!keyMatch[2] && !context.explicit) return null;
  // Keys already written beside this one are not offered again.
  const written = siblingKeys(lines, line.number - 1, keyMatch[1]!.length);
  const keys = schema.keysAt(at.path).filter((k) => !written.has(k.key));
  if (keys.length === 0) return null;
  return {
    from: context.pos - (keyMatch[2]?.length ?? 0),
    options: keys.map((k) => ({ label: k.key, apply: `${k.key}: `, type: 'property', detail: k.title, info: k.description || undefined })),
    validFor: /^[\w-]*$/,
  };
}

const schemaHover = hoverTooltip((v, pos) => {
  if (!schema) return null;
  const line = v.state.doc.lineAt(pos);
  const m = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s*:/.exec(line.text);
  if (!m) return null;
  const start = line.from + m[1]!.length;
  const end = start + m[2]!.length;
  if (pos < start || pos > end) return null;
  const lines = v.state.doc.toString().split('\n');
  const at = yamlPathAt(lines, line.number - 1, 0);
  const info = schema.describe([...at.path, m[2]!]);
  if (!info) return null;
  return {
    pos: start,
    end,
    above: true,
    create: () => ({ dom: h('div', { class: 'hover' }, h('strong', {}, `${m[2]}：${info.title}`), info.description ? h('p', {}, info.description) : null) }),
  };
});

function nextProblem(): boolean {
  const here = diagnostics.filter((d) => d.here && d.line !== undefined);
  if (here.length === 0) return false;
  const line = editor.state.doc.lineAt(editor.state.selection.main.head).number;
  const next = here.find((d) => d.line! > line) ?? here[0]!;
  goTo(next.line!, next.column ?? 1);
  return true;
}

const editor = new EditorView({
  parent: editorHost,
  state: EditorState.create({ doc: '' }),
});

function editorState(text: string): EditorState {
  return EditorState.create({
    doc: text,
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      foldGutter(),
      lintGutter(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      yaml(),
      autocompletion({ override: [schemaCompletion], icons: false }),
      schemaHover,
      messagesField,
      EditorState.tabSize.of(2),
      EditorView.lineWrapping,
      keymap.of([
        { key: 'Mod-s', preventDefault: true, run: () => (void save(), true) },
        { key: 'F8', run: nextProblem },
        ...completionKeymap,
        ...searchKeymap,
        ...historyKeymap,
        indentWithTab,
        ...defaultKeymap,
      ]),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        markDirty();
        typedAt ??= performance.now();
        scheduleCheck();
      }),
      EditorView.contentAttributes.of({ 'aria-label': 'YAML 数据编辑器' }),
    ],
  });
}

function goTo(line: number, column: number): void {
  const doc = editor.state.doc;
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  const pos = Math.min(l.from + Math.max(0, column - 1), l.to);
  editor.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  editor.focus();
}

function dirty(): boolean {
  return current !== undefined && editor.state.doc.toString() !== current.savedText;
}

function markDirty(): void {
  const d = dirty();
  saveButton.classList.toggle('dirty', d);
  fileTitle.textContent = current ? `${current.path}${d ? '（未保存）' : ''}` : '未打开文件';
}

function scheduleCheck(): void {
  window.clearTimeout(checkTimer);
  checkTimer = window.setTimeout(() => void check(), CHECK_DELAY);
}

function showDiagnostics(list: ClientDiagnostic[]): void {
  diagnostics = list;
  const doc = editor.state.doc;
  const cm: CmDiagnostic[] = [];
  const builder = new RangeSetBuilder<Decoration>();
  const byLine = new Map<number, ClientDiagnostic[]>();
  for (const d of list) {
    if (!d.here) continue;
    const lineNo = Math.min(Math.max(1, d.line ?? 1), doc.lines);
    const line = doc.line(lineNo);
    const from = Math.min(line.from + Math.max(0, (d.column ?? 1) - 1), line.to);
    cm.push({ from, to: from < line.to ? line.to : from, severity: d.severity, message: d.message, source: d.ruleId });
    byLine.set(lineNo, [...(byLine.get(lineNo) ?? []), d]);
  }
  for (const lineNo of [...byLine.keys()].sort((a, b) => a - b)) {
    const first = byLine.get(lineNo)!;
    const worst = first.some((d) => d.severity === 'error') ? 'error' : 'warning';
    const text = first.map((d) => d.message).join('　');
    const line = doc.line(lineNo);
    builder.add(line.to, line.to, Decoration.widget({ widget: new MessageWidget(text, worst), side: 1 }));
  }
  editor.dispatch(setDiagnostics(editor.state, cm), { effects: setMessages.of(builder.finish()) });

  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  problems.replaceChildren(
    h('div', { class: 'problems-head' }, list.length === 0 ? '没有发现问题。' : `问题：${errors} 个错误，${warnings} 个警告（F8 跳到下一个）`),
    h(
      'ul',
      {},
      ...list.map((d) => {
        const where = d.here ? (d.line ? `第 ${d.line} 行` : '') : `${d.file}${d.line ? `:${d.line}` : ''}`;
        const li = h('li', { class: `problem ${d.severity}`, 'data-line': String(d.line ?? '') }, h('span', { class: 'sev' }, d.severity === 'error' ? '错误' : '警告'), h('span', { class: 'where' }, where), h('span', { class: 'msg' }, d.message));
        if (d.here && d.line) li.addEventListener('click', () => goTo(d.line!, d.column ?? 1));
        return li;
      }),
    ),
  );
}

/** When the first keystroke not yet checked was typed (for the figures in `npm run bench`). */
let typedAt: number | undefined;

async function check(): Promise<void> {
  if (!current) return;
  const seq = ++checkSeq;
  const text = editor.state.doc.toString();
  const path = current.path;
  const since = typedAt;
  typedAt = undefined;
  let answer: CheckResponse;
  try {
    answer = await api<CheckResponse>('POST', '/api/check', { path, text });
  } catch (err) {
    if (seq === checkSeq) setStatus((err as Error).message, 'error');
    return;
  }
  if (seq !== checkSeq) return; // a later keystroke's check is on its way
  showDiagnostics(answer.diagnostics);
  document.body.dataset.checked = String(seq);
  if (since !== undefined) document.body.dataset.diagnosticsMs = String(performance.now() - since);
  if (answer.diagnostics.some((d) => d.severity === 'error' && d.here)) {
    pagesNote.textContent = lastPreview ? '数据有错误，页面显示的是上一次没有错误时的内容。' : '数据有错误，改正后显示页面。';
    pagesNote.dataset.kind = 'stale';
    return;
  }
  if (/units\.ya?ml$/i.test(path)) {
    pagesNote.textContent = '单位名册没有页面。';
    return;
  }
  let pages: PagesResponse;
  try {
    pages = await api<PagesResponse>('POST', '/api/pages', { path, text });
  } catch (err) {
    if (seq === checkSeq) setStatus((err as Error).message, 'error');
    return;
  }
  if (seq !== checkSeq) return;
  if (pages.diagnostics) showDiagnostics([...answer.diagnostics, ...pages.diagnostics]);
  if (pages.preview) {
    lastPreview = pages.preview;
    renderPages(pages.preview);
    pagesNote.textContent = `共 ${pages.preview.pages.length} 页（按 .docx 的分页估算：每页 ${pages.preview.linesPerPage} 行、每行 ${pages.preview.charsPerLine} 字）`;
    pagesNote.dataset.kind = 'ok';
    document.body.dataset.paged = String(seq);
    if (since !== undefined) document.body.dataset.pagesMs = String(performance.now() - since);
  } else {
    pagesNote.textContent = '数据有错误，页面显示的是上一次没有错误时的内容。';
    pagesNote.dataset.kind = 'stale';
  }
}

async function openFile(path: string): Promise<void> {
  if (dirty() && !window.confirm('当前文件有未保存的修改。不保存就打开另一个文件吗？')) return;
  show('editor');
  let opened: OpenedFile;
  try {
    opened = await api<OpenedFile>('GET', `/api/file?path=${encodeURIComponent(path)}`);
  } catch (err) {
    setStatus((err as Error).message, 'error');
    return;
  }
  load(opened);
  setStatus(opened.encoding !== 'utf-8' ? `已打开 ${path}（原文件为 ${opened.encoding.toUpperCase()} 编码，保存时存为 UTF-8）` : `已打开 ${path}`);
}

function load(opened: OpenedFile): void {
  current = { path: opened.path, version: opened.version, crlf: opened.crlf, bom: opened.bom, encoding: opened.encoding, savedText: opened.text.replace(/\r\n/g, '\n') };
  lastPreview = undefined;
  pagesHost.replaceChildren();
  hideBanner();
  editor.setState(editorState(current.savedText));
  markDirty();
  renderFiles();
  window.history.replaceState(null, '', `/?file=${encodeURIComponent(opened.path)}`);
  void check();
}

// ---- saving ------------------------------------------------------------------------------

function hideBanner(): void {
  banner.hidden = true;
  banner.replaceChildren();
}

function showBanner(text: string, ...actions: HTMLButtonElement[]): void {
  banner.replaceChildren(h('span', {}, text), ...actions);
  banner.hidden = false;
}

let saving: Promise<boolean> | undefined;

/** One save at a time: a second Ctrl+S while the first is on its way waits for it. */
function save(force = false): Promise<boolean> {
  saving = (saving ?? Promise.resolve(true)).then(() => saveNow(force));
  return saving;
}

async function saveNow(force: boolean): Promise<boolean> {
  if (!current) return false;
  const text = editor.state.doc.toString();
  setStatus('正在保存……', 'busy');
  try {
    const answer = await api<SaveResponse>('PUT', '/api/file', { path: current.path, text, version: current.version, crlf: current.crlf, bom: current.bom && current.encoding === 'utf-8', force });
    current.version = answer.version;
    current.savedText = text;
    files = answer.files.files;
    renderFiles();
    markDirty();
    hideBanner();
    setStatus(`已保存 ${current.path}（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）`);
    return true;
  } catch (err) {
    const problem = err as ServerProblem;
    if (problem.conflict) {
      showBanner(
        problem.message,
        button('覆盖保存', undefined, () => void save(true), { id: 'overwrite' }),
        button('载入磁盘上的版本（放弃我的修改）', undefined, () => void reloadFromDisk(), { id: 'reload' }),
      );
      setStatus('未保存：文件已在别处被修改。', 'error');
    } else setStatus(`未保存：${problem.message}`, 'error');
    return false;
  }
}

async function reloadFromDisk(): Promise<void> {
  if (!current) return;
  const opened = await api<OpenedFile>('GET', `/api/file?path=${encodeURIComponent(current.path)}`);
  load(opened);
  setStatus('已载入磁盘上的版本。');
}

/** A change on disk (another editor, Git, a batch): refresh the list; reload the open file if untouched here. */
async function onDiskChange(changed: string[]): Promise<void> {
  await refreshFiles().catch(() => undefined);
  if (!current || !changed.includes(current.path)) {
    if (current) void check();
    return;
  }
  let opened: OpenedFile;
  try {
    opened = await api<OpenedFile>('GET', `/api/file?path=${encodeURIComponent(current.path)}`);
  } catch {
    showBanner('这个文件已在磁盘上被删除或改名。保存会重新创建它。');
    return;
  }
  if (opened.version === current.version) return;
  if (!dirty()) {
    load(opened);
    setStatus('文件已在别处修改，已重新载入。');
  } else {
    showBanner(
      '这个文件已在别处被修改（例如另一个编辑器）。您这里有未保存的修改。',
      button('覆盖保存我的版本', undefined, () => void save(true), { id: 'overwrite' }),
      button('载入磁盘上的版本', undefined, () => void reloadFromDisk(), { id: 'reload' }),
    );
  }
}

// ---- pages -------------------------------------------------------------------------------

function pageElement(p: Preview, page: PreviewPage): HTMLElement {
  const g = p.page;
  const pitch = (g.heightMm - g.top - g.bottom) / p.linesPerPage;
  const ch = (g.widthMm - g.left - g.right) / p.charsPerLine;
  const el = h('div', { class: 'page', 'data-page': String(page.number) });
  el.style.setProperty('--ch', `${ch}mm`);
  el.style.setProperty('--pitch', `${pitch}mm`);
  const area = h('div', { class: 'area' });
  area.style.cssText = `left:${g.left}mm;top:${g.top}mm;width:${g.widthMm - g.left - g.right}mm;height:${g.heightMm - g.top - g.bottom}mm`;
  for (const line of page.lines) {
    const div = h('div', { class: `line ${line.style}` }, ...line.runs.map((r) => (r.strong ? h('b', {}, r.text) : r.text)));
    div.style.top = `calc(var(--pitch) * ${line.line})`;
    if (line.center) div.classList.add('center');
    else if (line.right !== undefined) div.style.right = `calc(var(--ch) * ${line.right})`;
    else div.style.left = `calc(var(--ch) * ${line.left ?? 0})`;
    area.append(div);
  }
  for (const t of page.tables) {
    const table = h(
      'div',
      { class: 'table-block' },
      h('div', { class: 'table-label' }, t.label),
      h('div', { class: 'table-title' }, t.title),
      h('table', {}, h('thead', {}, h('tr', {}, ...t.columns.map((c) => h('th', {}, c)))), h('tbody', {}, ...t.rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c)))))),
    );
    table.style.top = `calc(var(--pitch) * ${t.line})`;
    area.append(table);
  }
  if (page.colophon) {
    const c = page.colophon;
    area.append(
      h(
        'div',
        { class: 'colophon' },
        c.copyTo ? h('div', { class: 'copy' }, c.copyTo) : null,
        c.printedBy || c.printedOn ? h('div', { class: 'printed' }, h('span', {}, c.printedBy ?? ''), h('span', {}, c.printedOn ?? '')) : null,
      ),
    );
  }
  el.append(area);
  if (page.unnumbered) return el;
  const number = h('div', { class: `page-number ${page.number % 2 === 1 ? 'odd' : 'even'}` }, `${p.pageNumber.prefix}${page.number}${p.pageNumber.suffix}`);
  number.style.cssText = `top:${g.heightMm - g.footerMm - 5}mm;${page.number % 2 === 1 ? `right:${g.right + p.pageNumber.sideChars * 4.94}mm` : `left:${g.left + p.pageNumber.sideChars * 4.94}mm`}`;
  el.append(number);
  return el;
}

function renderPages(p: Preview): void {
  const top = pagesHost.scrollTop;
  pagesHost.replaceChildren(...p.pages.map((page) => pageElement(p, page)));
  fitPages();
  pagesHost.scrollTop = top;
  pagesHost.dataset.pages = String(p.pages.length);
}

/** Pages are drawn in millimetres and zoomed to the pane's width. */
function fitPages(): void {
  const width = pagesHost.clientWidth - 24;
  const mm = 96 / 25.4;
  pagesHost.style.setProperty('--zoom', String(Math.max(0.2, width / (210 * mm))));
}
window.addEventListener('resize', fitPages);

async function exactPages(): Promise<void> {
  if (!current) return;
  if (dirty() && !(await save())) return;
  setStatus('LibreOffice 正在排版（约需十几秒）……', 'busy');
  exactButton.disabled = true;
  try {
    const answer = await api<{ pages: string[]; substituted: string[]; missing: string[] }>('POST', `/api/exact-pages?path=${encodeURIComponent(current.path)}`);
    pagesHost.replaceChildren(...answer.pages.map((src, i) => h('img', { class: 'exact-page', src, alt: `第 ${i + 1} 页（LibreOffice 排版）` })));
    const fonts = [answer.substituted.length ? `替代字体：${answer.substituted.join('；')}` : '使用了公文字体本身', answer.missing.length ? `缺少的字体：${answer.missing.join('；')}` : ''].filter(Boolean).join('。');
    pagesNote.textContent = `LibreOffice 排出的 ${answer.pages.length} 页（已保存的版本）。${fonts}。继续编辑后恢复为估算的页面。`;
    pagesNote.dataset.kind = 'exact';
    setStatus('准确分页已显示。');
  } catch (err) {
    setStatus((err as Error).message, 'error');
  } finally {
    exactButton.disabled = !libreoffice;
  }
}

async function download(format: 'docx' | 'pdf' | 'html'): Promise<void> {
  if (!current) return;
  if (dirty() && !(await save())) return;
  const url = `/api/download?path=${encodeURIComponent(current.path)}&format=${format}`;
  // Fetched first, so that a problem is shown as a sentence rather than as a broken download.
  setStatus(format === 'pdf' ? '正在生成 PDF（LibreOffice，约需十几秒）……' : '正在生成……', 'busy');
  const res = await fetch(url, { headers: { 'x-fazhi-token': token } }).catch(() => undefined);
  if (!res || !res.ok) {
    const problem = res ? ((await res.json().catch(() => ({ message: `生成失败（${res.status}）` }))) as ProblemResponse) : { message: '无法连接工作台服务。' };
    setStatus(problem.message, 'error');
    return;
  }
  const blob = await res.blob();
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `report.${format}`);
  const a = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setStatus(`已下载 ${name}`);
}

// ---- district view -----------------------------------------------------------------------

interface DistrictView {
  group: string;
  rows: { unit: string; level: string; state: string; errors: number; warnings: number; path?: string }[];
  rollup: string[];
  tasks: { number: number; text: string; lead: string; support: string; deadline: string }[];
  notes: string[];
}

function groups(): string[] {
  return [...new Set(files.map((f) => f.group))];
}

async function renderDistrict(group: string): Promise<HTMLElement> {
  const data = await api<DistrictView>('GET', `/api/district?group=${encodeURIComponent(group)}`);
  const progress = h('progress', { id: 'batch-progress', max: '1', value: '0' });
  const log = h('pre', { class: 'batch-log', id: 'batch-log' });
  const run = button('运行批量生成（fazhi batch）', undefined, () => void runBatch(group, progress, log, run), { id: 'run-batch' });
  return h(
    'div',
    { class: 'district' },
    h('h2', {}, `${group} 报送情况`),
    h(
      'table',
      { class: 'summary', id: 'summary' },
      h('thead', {}, h('tr', {}, ...['序号', '单位', '层级', '状态'].map((c) => h('th', {}, c)))),
      h(
        'tbody',
        {},
        ...data.rows.map((r, i) => {
          const tr = h('tr', { class: r.state === '缺报' ? 'missing' : r.errors ? 'error' : '' }, h('td', {}, String(i + 1)), h('td', {}, r.unit), h('td', {}, r.level), h('td', {}, r.state));
          if (r.path) {
            tr.classList.add('link');
            tr.addEventListener('click', () => void openFile(r.path!));
          }
          return tr;
        }),
      ),
    ),
    h('div', { class: 'batch' }, run, progress, log),
    h('h3', {}, '汇总数据（来自各单位的报告）'),
    data.rollup.length ? h('ul', { class: 'rollup' }, ...data.rollup.map((l) => h('li', {}, l))) : null,
    h('h3', {}, '责任分工（区县报告“下一年度主要安排”）'),
    data.tasks.length
      ? h(
          'table',
          { class: 'tasks' },
          h('thead', {}, h('tr', {}, ...['序号', '工作任务', '牵头单位', '配合单位', '完成时限'].map((c) => h('th', {}, c)))),
          h('tbody', {}, ...data.tasks.map((t) => h('tr', {}, h('td', {}, String(t.number)), h('td', {}, t.text), h('td', {}, t.lead), h('td', {}, t.support), h('td', {}, t.deadline)))),
        )
      : null,
    ...data.notes.map((n) => h('p', { class: 'note' }, n)),
  );
}

async function runBatch(group: string, progress: HTMLProgressElement, log: HTMLElement, run: HTMLButtonElement): Promise<void> {
  run.disabled = true;
  log.textContent = '';
  setStatus('正在批量校验和生成……', 'busy');
  try {
    const res = await fetch(`/api/batch?group=${encodeURIComponent(group)}`, { method: 'POST', headers: { 'x-fazhi-token': token } });
    if (!res.ok || !res.body) throw new Error(((await res.json().catch(() => ({}))) as ProblemResponse).message ?? '批量生成失败。');
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('__END__')) {
          const outcome = JSON.parse(line.slice(7)) as { code?: number; message?: string };
          setStatus(outcome.code === 0 ? '批量生成完成：全部生成。' : (outcome.message ?? '批量生成完成：有报告需要处理，见下方说明。'), outcome.code === 0 ? 'ok' : 'error');
          continue;
        }
        const m = /^\[(\d+)\/(\d+)\]/.exec(line);
        if (m) {
          progress.max = Number(m[2]);
          progress.value = Number(m[1]);
        }
        log.textContent += `${line}\n`;
        log.scrollTop = log.scrollHeight;
      }
    }
  } catch (err) {
    setStatus((err as Error).message, 'error');
  } finally {
    run.disabled = false;
    await refreshFiles().catch(() => undefined);
  }
}

// ---- starting points ---------------------------------------------------------------------

interface CommandOutcome {
  code: number;
  lines: string[];
  opened?: string;
}

async function afterCommand(outcome: CommandOutcome, out: HTMLElement): Promise<void> {
  out.textContent = outcome.lines.join('\n');
  out.dataset.code = String(outcome.code);
  await refreshFiles();
  if (outcome.opened) {
    const opened = outcome.opened;
    out.append(h('div', {}, button(`打开 ${opened}`, undefined, () => void openFile(opened), { id: 'open-created' })));
  }
}

function field(label: string, input: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

function renderStart(): HTMLElement {
  const year = String(new Date().getFullYear());
  const districts = [...new Set(groups().map((g) => g.split('/')[0]!))];
  const level = h('select', { id: 'init-level' }, h('option', { value: 'district' }, '区/县政府'), h('option', { value: 'department' }, '政府部门'), h('option', { value: 'town' }, '乡镇/街道'));
  const unit = h('input', { id: 'init-unit', placeholder: '例如：示例区司法局' });
  const district = h('input', { id: 'init-district', placeholder: '部门、乡镇街道填写，例如：示例区', value: districts[0] ?? '', list: 'district-names' });
  const initYear = h('input', { id: 'init-year', value: year, inputmode: 'numeric', size: '6' });
  const initOut = h('pre', { class: 'command-out', id: 'init-out' });
  const initForm = h(
    'form',
    { class: 'card', id: 'init-form' },
    h('h3', {}, '新建报告（fazhi init）'),
    field('层级', level),
    field('单位名称', unit),
    field('所属区县', district),
    field('报告年度', initYear),
    h('datalist', { id: 'district-names' }, ...districts.map((d) => h('option', { value: d }))),
    h('button', { type: 'submit' }, '生成数据文件'),
    initOut,
  );
  initForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void api<CommandOutcome>('POST', '/api/start', { kind: 'init', level: level.value, unit: unit.value, district: district.value, year: initYear.value })
      .then((o) => afterCommand(o, initOut))
      .catch((err: Error) => (initOut.textContent = err.message));
  });

  const reports = files.filter((f) => f.path && f.kind !== 'roster');
  const source = h('select', { id: 'new-year-source' }, ...reports.map((f) => h('option', { value: f.path! }, `${f.group} · ${f.label}`)));
  const nyOut = h('pre', { class: 'command-out', id: 'new-year-out' });
  const nyForm = h('form', { class: 'card', id: 'new-year-form' }, h('h3', {}, '根据今年的报告生成下一年度（fazhi new-year）'), field('今年的报告', source), h('button', { type: 'submit' }, '生成下一年度的数据文件'), nyOut);
  nyForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void api<CommandOutcome>('POST', '/api/start', { kind: 'new-year', path: source.value })
      .then((o) => afterCommand(o, nyOut))
      .catch((err: Error) => (nyOut.textContent = err.message));
  });

  const target = h('input', { id: 'import-target', value: `${districts[0] ?? '某某区'}/${Number(year) - 1}/report.yaml`, size: '36' });
  const importOut = h('pre', { class: 'command-out', id: 'import-out' });
  // The browser's own file button speaks the browser's language: a button of ours opens it.
  const picker = h('input', { type: 'file', id: 'import-file', accept: '.txt,.docx,.html,.htm', hidden: '' });
  const drop = h(
    'div',
    { class: 'drop', id: 'import-drop', tabindex: '0' },
    '把往年发布的报告（网页复制的 .txt、Word 文档 .docx、保存的网页 .html）拖到这里，或',
    button('选择文件……', undefined, () => picker.click(), { id: 'import-choose' }),
    picker,
  );
  const send = async (file: File): Promise<void> => {
    importOut.textContent = `正在导入 ${file.name}……`;
    try {
      const res = await fetch(`/api/import?name=${encodeURIComponent(file.name)}&target=${encodeURIComponent(target.value.trim())}`, {
        method: 'POST',
        headers: { 'x-fazhi-token': token, 'content-type': 'application/octet-stream' },
        body: file,
      });
      const answer = (await res.json()) as CommandOutcome & ProblemResponse;
      if (!res.ok) throw new Error(answer.message);
      await afterCommand(answer, importOut);
    } catch (err) {
      importOut.textContent = (err as Error).message;
    }
  };
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const file = (e as DragEvent).dataTransfer?.files[0];
    if (file) void send(file);
  });
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    if (file) void send(file);
  });
  const importCard = h('div', { class: 'card' }, h('h3', {}, '导入往年发布的报告（fazhi import）'), field('保存为', target), drop, importOut);
  return h('div', { class: 'start' }, initForm, nyForm, importCard);
}

// ---- views -------------------------------------------------------------------------------

function show(next: typeof view): void {
  view = next;
  for (const id of ['editor', 'district', 'start']) document.getElementById(`tab-${id}`)?.classList.toggle('active', id === next);
  downloads.hidden = next !== 'editor';
  if (next === 'editor') {
    mainArea.replaceChildren(editorView);
    fitPages();
    return;
  }
  if (next === 'start') {
    mainArea.replaceChildren(renderStart());
    return;
  }
  const all = groups();
  const currentGroup = files.find((f) => f.path === current?.path)?.group ?? all[0] ?? '';
  const select = h('select', { id: 'district-group' }, ...all.map((g) => h('option', { value: g, ...(g === currentGroup ? { selected: '' } : {}) }, g)));
  const host = h('div', { class: 'district-host' }, '正在汇总……');
  const load = () =>
    void renderDistrict(select.value)
      .then((el) => host.replaceChildren(el))
      .catch((err: Error) => host.replaceChildren(h('p', { class: 'note' }, err.message)));
  select.addEventListener('change', load);
  mainArea.replaceChildren(h('div', { class: 'district-view' }, field('年度文件夹', select), host));
  load();
}

document.addEventListener('keydown', (e) => {
  // Already handled by the editor's own keys (Ctrl+S there saves once).
  if (e.defaultPrevented) return;
  if (e.altKey && ['1', '2', '3'].includes(e.key)) {
    e.preventDefault();
    show((['editor', 'district', 'start'] as const)[Number(e.key) - 1]!);
  } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
    // Outside the editor too: the browser's own "save page" is never what is meant here.
    e.preventDefault();
    if (view === 'editor') void save();
  } else if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'w') {
    e.preventDefault();
    void download('docx');
  }
});

window.addEventListener('beforeunload', (e) => {
  if (dirty()) e.preventDefault();
});

// ---- start -------------------------------------------------------------------------------

async function start(): Promise<void> {
  show('editor');
  pagesNote.textContent = '打开一个报告后，这里按公文格式显示页面。';
  problems.replaceChildren(h('div', { class: 'problems-head' }, '在左边选择一个报告开始编辑。'));
  const [caps, schemaJson] = await Promise.all([api<{ libreoffice: boolean }>('GET', '/api/capabilities'), api<SchemaNode>('GET', '/api/schema'), refreshFiles()]);
  libreoffice = caps.libreoffice;
  schema = new SchemaHelp(schemaJson);
  exactButton.disabled = !libreoffice;
  (document.getElementById('download-pdf') as HTMLButtonElement).disabled = !libreoffice;
  if (!libreoffice) exactButton.title = '没有安装 LibreOffice：安装后可查看准确分页和下载 PDF';
  const events = new EventSource('/api/events');
  events.addEventListener('changed', (e) => void onDiskChange((JSON.parse((e as MessageEvent<string>).data) as { files: string[] }).files));
  const wanted = new URLSearchParams(location.search).get('file');
  const first = (wanted && files.find((f) => f.path === wanted)) || files.find((f) => f.kind === 'district' && f.path) || files.find((f) => f.path);
  if (first?.path) await openFile(first.path);
  setStatus('就绪');
  document.body.dataset.ready = 'true';
}

void start().catch((err: Error) => setStatus(err.message, 'error'));
