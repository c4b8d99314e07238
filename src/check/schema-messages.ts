// ajv errors → one Chinese sentence each, naming the field by its key and schema title.

import type { ErrorObject } from 'ajv';
import type { Position } from '../diagnostic.js';
import type { SourceFile } from '../load/index.js';
import { SchemaNavigator, type JsonSchema } from '../load/schema-types.js';
import { editDistance, MAX_SUGGESTION_LENGTH } from '../data/distance.js';
import { positionOf } from './place.js';

const TYPE_NAMES: Record<string, string> = {
  integer: '整数',
  number: '数字',
  string: '文字',
  boolean: 'true 或 false',
  array: '列表（每项一行，以“- ”开头）',
  object: '“键: 值”形式的内容',
};

/** Names for the forms of a value that may take several (a text, or a list of texts). */
const ALTERNATIVE_NAMES: Record<string, string> = { string: '文字', array: '文字列表', object: '“lead/text”形式的内容' };

const ENUM_NAMES: Record<string, string> = {
  district: '区/县政府',
  department: '政府部门',
  town: '乡镇/街道',
  inline: '连写在一段内',
  paragraphs: '每项单独成段',
  sum: '合计',
  avg: '平均',
  max: '最大值',
  min: '最小值',
  count: '填报单位数',
  departments: '政府部门',
  towns: '乡镇街道',
};

export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return '空值';
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'object') return '“键: 值”形式的内容';
  if (typeof value === 'number') return Number.isInteger(value) ? '整数' : '数字';
  if (typeof value === 'boolean') return 'true/false';
  return `文字“${truncate(String(value))}”`;
}

function truncate(text: string): string {
  const short = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  // A line break or other control character in a quoted value would break the one-line message.
  return short.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The known key an unknown key was probably meant to be. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  if (key.length > MAX_SUGGESTION_LENGTH) return undefined;
  const lower = key.toLowerCase();
  return known
    // A length difference beyond the allowed distance cannot be a near miss: skip the work.
    .filter((k) => k.length <= MAX_SUGGESTION_LENGTH && Math.abs(k.length - lower.length) <= 2)
    .map((k) => ({ k, d: editDistance(lower, k) }))
    .filter((c) => c.d <= (c.k.length >= 4 ? 2 : 1))
    .sort((a, b) => a.d - b.d)[0]?.k;
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The task-assignment keys, which belong only to the items of plans. */
const ASSIGNMENT_NAMES: Record<string, string> = { lead_unit: '牵头单位', support_units: '配合单位', deadline: '完成时限' };

export class FieldNamer {
  private readonly nav: SchemaNavigator;
  constructor(private readonly schema: JsonSchema) {
    this.nav = new SchemaNavigator(schema);
  }

  /** The (unresolved) schema node at a JSON pointer, keeping the property's own title. */
  schemaAt(pointer: string): JsonSchema | undefined {
    let node: JsonSchema | undefined = this.schema;
    for (const raw of pointer.split('/').slice(1)) {
      const token = unescapeToken(raw);
      node = /^\d+$/.test(token) && this.nav.element(node) ? this.nav.element(node) : this.nav.property(node, token);
      if (!node) return undefined;
    }
    return node;
  }

  /** “year”（报告年度）, or “recipients”第2项 for list elements. */
  label(pointer: string): string {
    const tokens = pointer.split('/').slice(1).map(unescapeToken);
    if (tokens.length === 0) return '报告数据';
    const last = tokens[tokens.length - 1]!;
    if (/^\d+$/.test(last)) {
      const parent = tokens[tokens.length - 2];
      return parent === undefined ? `第${Number(last) + 1}项` : `“${parent}”第${Number(last) + 1}项`;
    }
    const title = this.schemaAt(pointer)?.title;
    return title ? `“${last}”（${title}）` : `“${last}”`;
  }

  knownKeys(pointer: string): string[] {
    const node = this.schemaAt(pointer);
    const keys = new Set<string>();
    for (const b of this.nav.branches(node)) for (const k of Object.keys(b.properties ?? {})) keys.add(k);
    return [...keys];
  }

  propertyTitle(parentPointer: string, key: string): string | undefined {
    return this.nav.property(this.schemaAt(parentPointer), key)?.title as string | undefined;
  }

  describe(error: ErrorObject): { pointer: string; atKey: boolean; message: string } {
    const pointer = error.instancePath;
    const label = this.label(pointer);
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'required': {
        const missing = String(params.missingProperty);
        const title = this.propertyTitle(pointer, missing);
        return { pointer, atKey: true, message: `缺少必填项“${missing}”${title ? `（${title}）` : ''}。` };
      }
      case 'additionalProperties': {
        const key = String(params.additionalProperty);
        const part = /^\/(measures|shortcomings|duties|other)(\/|$)/.exec(pointer)?.[1];
        if (part && Object.hasOwn(ASSIGNMENT_NAMES, key)) {
          return {
            pointer: `${pointer}/${key}`,
            atKey: true,
            message: `“${key}”（${ASSIGNMENT_NAMES[key]}）只能写在“plans”（下一年度主要安排）的分项中，这里是“${part}”。`,
          };
        }
        const known = this.knownKeys(pointer);
        const close = closestKey(key, known);
        const hint = close ? `是否应为“${close}”？` : `这里可用的键有：${known.join('、')}。`;
        return { pointer: `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, atKey: true, message: `未知的键“${key}”，${hint}` };
      }
      case 'type': {
        // Optional keys also accept null (an empty `key:` in the editor); the loader has already
        // dropped those, so "null" is never what the user should write.
        const types = String(params.type)
          .split(',')
          .filter((t) => t !== 'null');
        const names = types.length > 1 ? ALTERNATIVE_NAMES : TYPE_NAMES;
        const expected = types.map((t) => names[t] ?? t).join('或');
        return { pointer, atKey: false, message: `${label}应为${expected}，现在是${kindOf(error.data)}。` };
      }
      case 'enum': {
        const allowed = (params.allowedValues as unknown[])
          .filter((v) => v !== null) // an optional key left empty is allowed, but not worth offering
          .map((v) => (ENUM_NAMES[String(v)] ? `${String(v)}（${ENUM_NAMES[String(v)]}）` : String(v)))
          .join('、');
        return { pointer, atKey: false, message: `${label}的值“${String(error.data)}”无效，只能是：${allowed}。` };
      }
      case 'minimum':
      case 'maximum': {
        const node = this.nav.branches(this.schemaAt(pointer))[0];
        return {
          pointer,
          atKey: false,
          message: `${label}的值 ${String(error.data)} 超出范围，应在 ${String(node?.minimum)} 到 ${String(node?.maximum)} 之间。`,
        };
      }
      case 'pattern': {
        const description = this.schemaAt(pointer)?.description;
        return { pointer, atKey: false, message: `${label}的写法不对：“${truncate(String(error.data))}”。${description ?? ''}` };
      }
      case 'minLength':
        return { pointer, atKey: false, message: `${label}不能是空的文字。` };
      case 'maxLength':
        return {
          pointer,
          atKey: false,
          message: `${label}太长（${[...String(error.data)].length} 个字符），最多 ${String(params.limit)} 个字符：“${truncate(String(error.data))}”。`,
        };
      case 'minItems':
        return { pointer, atKey: false, message: `${label}至少要有 ${String(params.limit)} 项；不需要时请删除这一项。` };
      case 'maxItems':
        return { pointer, atKey: false, message: `${label}最多只能有 ${String(params.limit)} 项。` };
      default:
        return { pointer, atKey: false, message: `${label}不符合要求（${error.keyword}）。` };
    }
  }
}

/**
 * Where a schema error is shown: at the key or the value; a required key written with an empty
 * value (`date:`) is "not filled in" at that key rather than "missing" at its parent.
 */
export function placeSchemaError(
  error: ErrorObject,
  described: { pointer: string; atKey: boolean; message: string },
  source: SourceFile,
  namer: FieldNamer,
): { position: Position; message: string } {
  const { pointer, atKey, message } = described;
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    const emptyKey = source.positions.emptyKeys.get(`${pointer}/${missing}`);
    if (emptyKey) {
      const title = namer.propertyTitle(pointer, missing);
      return { position: emptyKey, message: `“${missing}”${title ? `（${title}）` : ''}没有填写内容。` };
    }
  }
  return { position: positionOf(source, pointer, { atKey }), message };
}
