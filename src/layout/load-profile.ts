// A local variant of the layout, supplied as a YAML file (`fazhi render --profile 文件`): only
// the values that differ from GB/T 9704, in the same shape as the default profile. Every value
// it changes is marked as coming from that file, so nothing it says passes as "国标规定".

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ExitCode, UserError } from '../diagnostic.js';
import { GBT9704, type LayoutProfile, type LayoutValue } from './profile.js';

type Tree = { [key: string]: unknown };

const isLayoutValue = (node: unknown): node is LayoutValue<unknown> =>
  typeof node === 'object' && node !== null && 'value' in node && 'source' in node && 'strength' in node;

function merge(base: Tree, override: Tree, where: string, file: string): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const path = where ? `${where}.${key}` : key;
    if (key === 'name' && where === '') {
      if (typeof value !== 'string') throw new UserError(`版式文件“${file}”中 name 应为文字。`);
      out.name = value;
      continue;
    }
    if (!Object.hasOwn(base, key)) {
      throw new UserError(`版式文件“${file}”中有未知的项“${path}”。可用的项：${Object.keys(base).join('、')}。`);
    }
    const current = base[key];
    if (isLayoutValue(current)) {
      if (typeof value !== typeof current.value) {
        const expected = typeof current.value === 'number' ? '数字' : typeof current.value === 'boolean' ? 'true 或 false' : '文字';
        throw new UserError(`版式文件“${file}”中“${path}”应为${expected}。`);
      }
      out[key] = { value, source: `版式文件 ${file}`, strength: '实务' } satisfies LayoutValue<unknown>;
    } else if (typeof current === 'object' && current !== null && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out[key] = merge(current as Tree, value as Tree, path, file);
    } else if (current === undefined || typeof current === 'object') {
      throw new UserError(`版式文件“${file}”中“${path}”应是一组设置（“键: 值”）。`);
    }
  }
  return out;
}

export function loadProfile(file: string): LayoutProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  } catch {
    throw new UserError(`找不到版式文件“${file}”。`, ExitCode.Usage);
  }
  let override: unknown;
  try {
    override = parse(text, { uniqueKeys: true, maxAliasCount: 0 });
  } catch (err) {
    const line = (err as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new UserError(`版式文件“${file}”${line ? `第 ${line} 行` : ''}格式不对，无法读取。`);
  }
  if (override === null || override === undefined) return GBT9704;
  if (typeof override !== 'object' || Array.isArray(override)) throw new UserError(`版式文件“${file}”应是“键: 值”形式的设置。`);
  // Fonts may add `bold` where the default has none.
  const base = structuredClone(GBT9704) as unknown as Tree;
  for (const spec of Object.values(base.fonts as Tree)) {
    (spec as Tree).bold ??= { value: false, source: 'GB/T 9704—2012 未规定加粗', strength: '推算' };
    (spec as Tree).fallback ??= { value: ((spec as Tree).family as LayoutValue<string>).value, source: '与字体相同', strength: '推算' };
  }
  return merge(base, override as Tree, '', file) as unknown as LayoutProfile;
}
