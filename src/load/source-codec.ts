// A loaded file as JSON and back, for the disk cache: the positions index is two Maps.
import type { Diagnostic } from '../diagnostic.js';
import type { SourceFile } from './index.js';
import { PositionIndex, type NodeLocation } from './load-yaml.js';
import type { Position } from '../diagnostic.js';

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
