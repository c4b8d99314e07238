// A time limit for filling in a template, without a worker thread (start-up stays fast).
// Handlebars has no loop of its own: a template can only repeat work through block helpers
// ({{#each}}, {{#list}}…{{/list}}, …) and partials ({{> p}}, which may call themselves). Each
// helper call, each run of a block body and each partial call checks the deadline, so nested
// {{#each}} over large data or partials that expand exponentially stop after the limit, with the
// template line of the construct that ran away.

import type HandlebarsNamespace from 'handlebars';
import { TEMPLATE_LIMITS } from '../load/limits.js';

type HandlebarsEnv = typeof HandlebarsNamespace;
type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

interface TemplatePosition {
  line: number;
  column: number;
}

interface HelperOptionsLike {
  fn?: unknown;
  inverse?: unknown;
  loc?: { start?: { line?: number; column?: number } };
}

class RenderTimeExceeded extends Error {}

const TIME_MESSAGE = `模板填入数据用时超过 ${TEMPLATE_LIMITS.renderMs / 1000} 秒，已停止：请检查这里的 {{#each}} 是否层层嵌套，或局部模板（partial）是否反复调用自身。`;
const SIZE_MESSAGE = `模板生成的内容超过上限（${TEMPLATE_LIMITS.maxDirectives} 行或 ${TEMPLATE_LIMITS.maxOutputChars} 个字符），已停止：请检查模板中的 {{#each}} 或局部模板（partial）是否重复展开。`;
const RECURSION_MESSAGE = '模板在展开时无限递归（例如局部模板调用了自身），已停止。';

/** Where the guard of a render travels: Handlebars hands its @data frame to every helper and partial. */
const GUARD_KEY = '_fazhiRenderGuard';

/**
 * The state of one render: its deadline, the helpers (by template position) and partials (by
 * name) running, outermost first, and what was running when it failed (captured before the
 * stacks unwind). Created per render and passed in the render's data, never kept in the module:
 * two renders cannot see each other's deadline.
 */
export class RenderGuard {
  private readonly deadline = Date.now() + TEMPLATE_LIMITS.renderMs;
  readonly helpers: TemplatePosition[] = [];
  readonly partials: string[] = [];
  private culprit: { helper?: TemplatePosition; partial?: string } | undefined;

  /** The @data to render with. */
  data(): Record<string, unknown> {
    return { [GUARD_KEY]: this };
  }

  check(): void {
    // Date.now(), not performance.now(): milliseconds suffice for a limit of seconds, and the
    // latter loads perf_hooks into every render.
    if (Date.now() > this.deadline) throw new RenderTimeExceeded();
  }

  noteCulprit(): void {
    this.culprit ??= { ...(this.helpers[0] ? { helper: this.helpers[0] } : {}), ...(this.partials[0] !== undefined ? { partial: this.partials[0] } : {}) };
  }

  /**
   * The message and template position for a render that hit a limit — the time limit, a string
   * too long for V8, or a stack overflow from recursion — or undefined for any other error.
   */
  limitMessage(err: unknown, source: string): { message: string; line?: number; column?: number } | undefined {
    const message =
      err instanceof RenderTimeExceeded
        ? TIME_MESSAGE
        : err instanceof RangeError && /Invalid string length/i.test(err.message)
          ? SIZE_MESSAGE
          : err instanceof RangeError && /call stack/i.test(err.message)
            ? RECURSION_MESSAGE
            : undefined;
    if (!message) return undefined;
    const at = this.culprit?.helper ?? (this.culprit?.partial ? partialCallPosition(source, this.culprit.partial) : undefined);
    return { message, ...(at ? { line: at.line, column: at.column } : {}) };
  }
}

function guardOf(options: unknown): RenderGuard | undefined {
  const data = (options as { data?: Record<string, unknown> } | undefined)?.data;
  const guard = data?.[GUARD_KEY];
  return guard instanceof RenderGuard ? guard : undefined;
}

function isOptions(value: unknown): value is HelperOptionsLike {
  return typeof value === 'object' && value !== null && ('fn' in value || 'hash' in value || 'data' in value);
}

/** A block body that checks the deadline on every run, keeping the properties Handlebars reads. */
function guardedBody(body: unknown, guard: RenderGuard): unknown {
  if (typeof body !== 'function') return body;
  const original = body as AnyFunction;
  const guarded = function (this: unknown, ...args: unknown[]): unknown {
    guard.check();
    return original.apply(this, args);
  };
  return Object.assign(guarded, original);
}

function guardedHelper(helper: AnyFunction): AnyFunction {
  return function (this: unknown, ...args: unknown[]): unknown {
    const last = args.length - 1;
    const options = args[last];
    const guard = isOptions(options) ? guardOf(options) : undefined;
    if (!guard || !isOptions(options)) return helper.apply(this, args);
    guard.check();
    args[last] = {
      ...options,
      ...('fn' in options ? { fn: guardedBody(options.fn, guard) } : {}),
      ...('inverse' in options ? { inverse: guardedBody(options.inverse, guard) } : {}),
    };
    const start = options.loc?.start;
    const at = start?.line !== undefined ? { line: start.line, column: (start.column ?? 0) + 1 } : undefined;
    if (at) guard.helpers.push(at);
    try {
      return helper.apply(this, args);
    } catch (err) {
      guard.noteCulprit();
      throw err;
    } finally {
      if (at) guard.helpers.pop();
    }
  };
}

/**
 * Puts the deadline check into every helper registered so far (call it after the last
 * registerHelper) and into partial calls. Overriding `VM.invokePartial` on one instance is
 * the extension point Handlebars' runtime documents ("env.VM references … to allow for
 * external users to override these"). Renders without a guard in their data run unchecked.
 */
export function guardHandlebars(hb: HandlebarsEnv): void {
  for (const [name, helper] of Object.entries(hb.helpers)) {
    hb.helpers[name] = guardedHelper(helper as AnyFunction);
  }
  const env = hb as unknown as { VM: Record<string, unknown> };
  const invokePartial = env.VM.invokePartial as AnyFunction;
  env.VM = {
    ...env.VM,
    invokePartial(this: unknown, ...args: unknown[]): unknown {
      const guard = guardOf(args[2]);
      if (!guard) return invokePartial.apply(this, args);
      guard.check();
      const name = (args[2] as { name?: unknown } | undefined)?.name;
      guard.partials.push(typeof name === 'string' ? name : '');
      try {
        return invokePartial.apply(this, args);
      } catch (err) {
        guard.noteCulprit();
        throw err;
      } finally {
        guard.partials.pop();
      }
    },
  };
}

/** Where a partial is first called in the template source: `{{> name` or `{{#> name`. */
function partialCallPosition(source: string, name: string): TemplatePosition | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\{\\{~?#?>\\s*"?${escaped}(?=["\\s}~])`).exec(source);
  if (!m) return undefined;
  const before = source.slice(0, m.index);
  return { line: before.split('\n').length, column: m.index - before.lastIndexOf('\n') };
}

/** A message when a template's output is larger than any report needs. */
export function checkTemplateOutput(output: string): string | undefined {
  if (output.length > TEMPLATE_LIMITS.maxOutputChars) return SIZE_MESSAGE;
  let lines = 0;
  for (let i = output.indexOf('\n'); i !== -1; i = output.indexOf('\n', i + 1)) {
    if (++lines > TEMPLATE_LIMITS.maxDirectives) return SIZE_MESSAGE;
  }
  return undefined;
}
