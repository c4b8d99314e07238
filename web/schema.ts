// Completion and hover from the project's JSON Schema (schema/report.schema.json, in Chinese):
// the YAML path at the cursor is read from indentation, which is how the user sees it.

export interface SchemaNode {
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  $ref?: string;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  definitions?: Record<string, SchemaNode>;
}

export class SchemaHelp {
  constructor(private readonly root: SchemaNode) {}

  private resolve(node: SchemaNode | undefined, depth = 0): SchemaNode[] {
    if (!node || depth > 20) return [];
    if (node.$ref) {
      const name = node.$ref.replace('#/definitions/', '');
      const target = this.root.definitions?.[name];
      // Title and description written beside a $ref describe this use of it.
      return this.resolve(target, depth + 1).map((t) => ({ ...t, ...(node.title ? { title: node.title } : {}), ...(node.description ? { description: node.description } : {}) }));
    }
    const alternatives = [...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(node.allOf ?? [])];
    return [node, ...alternatives.flatMap((a) => this.resolve(a, depth + 1))];
  }

  /** Schema nodes for a path of keys; "[]" steps into list items. */
  nodesAt(path: readonly string[]): SchemaNode[] {
    let nodes = this.resolve(this.root);
    for (const step of path) {
      nodes = nodes.flatMap((n) => (step === '[]' ? this.resolve(n.items) : this.resolve(n.properties?.[step])));
      if (nodes.length === 0) return [];
    }
    return nodes;
  }

  /** Keys allowed at `path`, with their Chinese title and description. */
  keysAt(path: readonly string[]): { key: string; title: string; description: string }[] {
    const seen = new Map<string, { key: string; title: string; description: string }>();
    for (const node of this.nodesAt(path)) {
      for (const [key, prop] of Object.entries(node.properties ?? {})) {
        if (seen.has(key)) continue;
        const r = this.resolve(prop)[0] ?? prop;
        seen.set(key, { key, title: prop.title ?? r.title ?? '', description: prop.description ?? r.description ?? '' });
      }
    }
    return [...seen.values()];
  }

  enumAt(path: readonly string[]): string[] {
    return [...new Set(this.nodesAt(path).flatMap((n) => (n.enum ?? []).map(String)))];
  }

  describe(path: readonly string[]): { title: string; description: string } | undefined {
    const node = this.nodesAt(path).find((n) => n.title || n.description);
    return node ? { title: node.title ?? '', description: node.description ?? '' } : undefined;
  }
}

/**
 * The keys leading to line `lineIndex` (0-based) of `lines`, read from indentation:
 * for `measures:\n  groups:\n    - heading: x`, the line of `heading` gives ["measures", "groups", "[]"].
 * `ownKey` is the key written on that line, if any.
 */
export function yamlPathAt(lines: readonly string[], lineIndex: number, column: number): { path: string[]; ownKey?: string; afterColon: boolean } {
  const line = lines[lineIndex] ?? '';
  const own = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:/.exec(line);
  const dash = /^(\s*)-\s/.exec(line);
  // The column where this line's content starts: the key's column for a "- key:" line.
  let indent = own ? own[1]!.length + (own[2]?.length ?? 0) : dash ? dash[1]!.length + 2 : /^\s*/.exec(line)![0].length;
  if (!own && line.trim() === '') indent = column;
  const path: string[] = [];
  // An item of a list: its keys sit at the dash's column plus two.
  if (own?.[2] || (!own && dash)) path.unshift('[]');
  let limit = own?.[2] || dash ? (own ? own[1]!.length : dash![1]!.length) : indent;
  for (let i = lineIndex - 1; i >= 0 && limit > 0; i--) {
    const l = lines[i]!;
    if (l.trim() === '' || l.trim().startsWith('#')) continue;
    const m = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:/.exec(l);
    const d = /^(\s*)-(\s|$)/.exec(l);
    const lineIndent = /^\s*/.exec(l)![0].length;
    if (d && d[1]!.length < limit && !m) {
      path.unshift('[]');
      limit = d[1]!.length;
      continue;
    }
    if (!m) continue;
    const keyColumn = m[1]!.length + (m[2]?.length ?? 0);
    if (keyColumn < limit) {
      path.unshift(m[3]!);
      if (m[2]) {
        path.unshift('[]');
        limit = m[1]!.length;
      } else limit = lineIndent;
    }
  }
  const afterColon = own ? column > line.indexOf(':') : false;
  return { path, ...(own ? { ownKey: own[3]! } : {}), afterColon };
}
