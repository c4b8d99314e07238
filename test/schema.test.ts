// The schema is shipped for editors: it has an $id and every property a Chinese title and description.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../src/paths.js';

type Node = { [key: string]: unknown; properties?: Record<string, Node>; definitions?: Record<string, Node> };

describe('report.schema.json', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Node;
  it('has an $id and forbids unknown keys at the top', () => {
    expect(schema.$id).toMatch(/report\.schema\.json$/);
    expect(schema.additionalProperties).toBe(false);
  });
  it('gives every property a Chinese title and description', () => {
    const missing: string[] = [];
    const visit = (node: Node, where: string): void => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        for (const field of ['title', 'description'] as const) {
          if (typeof child[field] !== 'string' || !/[\u4e00-\u9fff]/.test(child[field] as string)) missing.push(`${where}.${key}.${field}`);
        }
        visit(child, `${where}.${key}`);
      }
    };
    visit(schema, '');
    for (const [name, def] of Object.entries(schema.definitions ?? {})) visit(def, `#${name}`);
    expect(missing).toEqual([]);
  });
});
