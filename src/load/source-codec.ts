// A loaded file as JSON and back, for the disk cache: the positions index is two Maps.
import type { Diagnostic, Position } from '../diagnostic.js';
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

/** The codec for a result holding the loaded file (`source`) beside plain data. */
export function sourceHoldingCodec<T extends { source: SourceFile }>(kind: string): DiskCacheCodec<T> {
  return {
    kind,
    encode: (value) => ({ ...value, source: sourceFileToJson(value.source) }),
    decode: (json) => {
      const value = json as Omit<T, 'source'> & { source: SourceFileJson };
      return { ...value, source: sourceFileFromJson(value.source) } as T;
    },
  };
}
