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

  // The loader asks the same few questions for every value in a file: the answers are kept,
  // per schema node, for the navigator's lifetime (the schema is never changed).
  private readonly propertyCache = new Map<JsonSchema | undefined, Map<string, JsonSchema | undefined>>();
  private readonly elementCache = new Map<JsonSchema | undefined, JsonSchema | undefined>();
  private readonly scalarCache = new Map<JsonSchema | undefined, readonly ScalarType[]>();

  property(node: JsonSchema | undefined, key: string): JsonSchema | undefined {
    let byKey = this.propertyCache.get(node);
    if (!byKey) this.propertyCache.set(node, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key);
    const found = this.findProperty(node, key);
    byKey.set(key, found);
    return found;
  }

  private findProperty(node: JsonSchema | undefined, key: string): JsonSchema | undefined {
    for (const b of this.branches(node)) {
      if (typesOf(b).includes('object') && b.properties && Object.hasOwn(b.properties, key)) {
        return b.properties[key];
      }
    }
    return undefined;
  }

  element(node: JsonSchema | undefined): JsonSchema | undefined {
    if (this.elementCache.has(node)) return this.elementCache.get(node);
    const found = this.branches(node).find((b) => typesOf(b).includes('array'))?.items;
    this.elementCache.set(node, found);
    return found;
  }

  scalarTypes(node: JsonSchema | undefined): readonly ScalarType[] {
    let types = this.scalarCache.get(node);
    if (!types) {
      types = this.branches(node)
        .flatMap(typesOf)
        .filter((t): t is ScalarType => t === 'string' || t === 'integer' || t === 'number' || t === 'boolean');
      this.scalarCache.set(node, types);
    }
    return types;
  }
}

function typesOf(node: JsonSchema): string[] {
  if (node.type === undefined) return [];
  return Array.isArray(node.type) ? node.type : [node.type];
}
