// Which scalar types the JSON Schema allows at a place in the data. The loader parses YAML with
// the failsafe schema (every scalar is text) and converts a scalar only where the schema expects
// a number or boolean, so a phone number or `1.10` stays text and `year: 2024` is an integer.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
  [key: string]: unknown;
};

export type ScalarType = 'string' | 'integer' | 'number' | 'boolean';

export class SchemaNavigator {
  constructor(private readonly root: JsonSchema) {}

  /** The schema alternatives at this place, with $ref and anyOf resolved. */
  branches(node: JsonSchema | undefined): JsonSchema[] {
    if (!node) return [];
    if (node.$ref) {
      const name = node.$ref.replace('#/definitions/', '');
      return this.branches(this.root.definitions?.[name]);
    }
    if (node.anyOf) return node.anyOf.flatMap((b) => this.branches(b));
    return [node];
  }

  property(node: JsonSchema | undefined, key: string): JsonSchema | undefined {
    for (const b of this.branches(node)) {
      if (typesOf(b).includes('object') && b.properties && Object.hasOwn(b.properties, key)) {
        return b.properties[key];
      }
    }
    return undefined;
  }

  element(node: JsonSchema | undefined): JsonSchema | undefined {
    return this.branches(node).find((b) => typesOf(b).includes('array'))?.items;
  }

  scalarTypes(node: JsonSchema | undefined): ScalarType[] {
    return this.branches(node)
      .flatMap(typesOf)
      .filter((t): t is ScalarType => t === 'string' || t === 'integer' || t === 'number' || t === 'boolean');
  }
}

function typesOf(node: JsonSchema): string[] {
  if (node.type === undefined) return [];
  return Array.isArray(node.type) ? node.type : [node.type];
}
