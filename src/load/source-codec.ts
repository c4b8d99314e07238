// A loaded file as JSON and back, for the disk cache: the positions index is two Maps.
import type { Diagnostic, Position } from '../diagnostic.js';
import { array, diagnostic, object, position, string } from './cache-shape.js';
import type { DiskCacheCodec } from './disk-cache.js';
import type { SourceFile } from './index.js';
import { PositionIndex, type NodeLocation } from './load-yaml.js';

export interface SourceFileJson {
  path: string;
  text: string;
  data: unknown;
  diagnostics: Diagnostic[];
  locations: [string, NodeLocation][];
  emptyKeys: [string, Position][];
}

export function sourceFileToJson(source: SourceFile): SourceFileJson {
  const { path, text, data, diagnostics, positions } = source;
  return { path, text, data, diagnostics, locations: [...positions.locations], emptyKeys: [...positions.emptyKeys] };
}

export function sourceFileFromJson(json: SourceFileJson): SourceFile {
  const positions = new PositionIndex();
  for (const [pointer, location] of json.locations) positions.locations.set(pointer, location);
  for (const [pointer, position] of json.emptyKeys) positions.emptyKeys.set(pointer, position);
  return { path: json.path, text: json.text, data: json.data, diagnostics: json.diagnostics, positions };
}

/** A cached loaded file, checked field by field (see cache-shape.ts). */
function checkSourceJson(v: unknown): void {
  const s = object(v, 'source');
  string(s.path, 'source.path');
  string(s.text, 'source.text');
  array(s.diagnostics, 'source.diagnostics').forEach((d, i) => diagnostic(d, `source.diagnostics[${i}]`));
  array(s.locations, 'source.locations').forEach((entry, i) => {
    const [pointer, location] = array(entry, `source.locations[${i}]`);
    string(pointer, `source.locations[${i}][0]`);
    object(location, `source.locations[${i}][1]`);
  });
  array(s.emptyKeys, 'source.emptyKeys').forEach((entry, i) => {
    const [pointer, at] = array(entry, `source.emptyKeys[${i}]`);
    string(pointer, `source.emptyKeys[${i}][0]`);
    position(at, `source.emptyKeys[${i}][1]`);
  });
}

/**
 * The codec for a result holding the loaded file (`source`) beside plain data; `checkRest`
 * checks the plain data's shape (throws ShapeError).
 */
export function sourceHoldingCodec<T extends { source: SourceFile }>(kind: string, checkRest: (value: Record<string, unknown>) => void): DiskCacheCodec<T> {
  return {
    kind,
    encode: (value) => ({ ...value, source: sourceFileToJson(value.source) }),
    decode: (json) => {
      const raw = object(json, kind);
      checkSourceJson(raw.source);
      checkRest(raw);
      const value = json as Omit<T, 'source'> & { source: SourceFileJson };
      return { ...value, source: sourceFileFromJson(value.source) } as T;
    },
  };
}
