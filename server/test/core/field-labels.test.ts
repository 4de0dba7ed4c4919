import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { schemaLabel } from '@xf/domain';
import { allRoutes } from '../../src/routes';

type Node = z.core.$ZodType;
const defOf = (s: Node): Record<string, any> => (s as any)._zod.def;

/** Every field path a request schema names (list items as item 0), through wrappers and unions. */
function fieldPaths(schema: Node, prefix: PropertyKey[] = [], seen = new Set<Node>()): PropertyKey[][] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fieldPaths(def.innerType, prefix, seen);
    case 'pipe':
      return [...fieldPaths(def.in, prefix, seen), ...fieldPaths(def.out, prefix, seen)];
    case 'lazy':
      return fieldPaths(def.getter(), prefix, seen);
    case 'union':
      return (def.options as Node[]).flatMap((o) => fieldPaths(o, prefix, seen));
    case 'intersection':
      return [...fieldPaths(def.left, prefix, seen), ...fieldPaths(def.right, prefix, seen)];
    case 'array':
      return fieldPaths(def.element, [...prefix, 0], seen);
    case 'object':
      return Object.entries(def.shape as Record<string, Node>).flatMap(([k, v]) => [
        [...prefix, k],
        ...fieldPaths(v, [...prefix, k], new Set(seen)),
      ]);
    default:
      return [];
  }
}

// Issue 7 §6: every field a request names has its Chinese label on its shared schema, so a refusal names it
// in Chinese with no global map of keys behind it.
describe('field labels', () => {
  it('every field of every route’s body, query and params has a Chinese label on its schema', () => {
    const missing = new Set<string>();
    for (const r of allRoutes)
      for (const part of ['body', 'query', 'params'] as const) {
        const schema = r[part] as Node | undefined;
        if (!schema) continue;
        for (const path of fieldPaths(schema))
          if (!schemaLabel(schema, path))
            missing.add(`${r.method.toUpperCase()} ${r.path} ${part}.${path.join('.')}`);
      }
    expect([...missing]).toEqual([]);
  });
});
