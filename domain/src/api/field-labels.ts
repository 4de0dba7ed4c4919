import type { z } from 'zod';

/**
 * Field labels live on the shared schemas: `z.string().meta({ label: '甲方名称' })`. Validation reads them
 * to write `甲方名称：规则` (the field key travels separately as the error's `field`), and the clients can
 * read the same name for their form items, so a field has one Chinese name everywhere.
 */
declare module 'zod' {
  interface GlobalMeta {
    /** The field's Chinese name, used by error messages and forms. */
    label?: string;
  }
}

type Node = z.core.$ZodType;
type Def = Record<string, any> & { type: string };

const defOf = (s: Node): Def => (s as any)._zod.def;

/** The node and every schema it wraps (optional, default, pipe, union …), outermost first. */
function unwrapped(schema: Node): Node[] {
  const out: Node[] = [];
  const seen = new Set<Node>();
  const visit = (s: Node | undefined) => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    out.push(s);
    const def = defOf(s);
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'catch':
      case 'readonly':
      case 'nonoptional':
      case 'promise':
        return visit(def.innerType);
      case 'pipe':
        visit(def.in);
        return visit(def.out);
      case 'lazy':
        return visit(def.getter());
      case 'union':
        return (def.options as Node[]).forEach(visit);
      case 'intersection':
        visit(def.left);
        return visit(def.right);
    }
  };
  visit(schema);
  return out;
}

function ownLabel(schema: Node): string | undefined {
  for (const s of unwrapped(schema)) {
    const meta = (s as z.ZodType).meta?.();
    if (meta?.label) return meta.label;
  }
  return undefined;
}

function children(schema: Node, key: PropertyKey): Node[] {
  const out: Node[] = [];
  for (const s of unwrapped(schema)) {
    const def = defOf(s);
    if (def.type === 'object' && typeof key === 'string' && def.shape[key]) out.push(def.shape[key]);
    else if (def.type === 'array' && typeof key === 'number') out.push(def.element);
    else if (def.type === 'record') out.push(def.valueType);
    else if (def.type === 'tuple' && typeof key === 'number') {
      const item = def.items[key] ?? def.rest;
      if (item) out.push(item);
    }
  }
  return out;
}

/** The label the schema gives the field at `path` (the first labelled alternative through unions). */
export function schemaLabel(root: Node, path: readonly PropertyKey[]): string | undefined {
  let nodes: Node[] = [root];
  for (const key of path) nodes = nodes.flatMap((n) => children(n, key));
  for (const n of nodes) {
    const label = ownLabel(n);
    if (label) return label;
  }
  return undefined;
}

/**
 * The Chinese name of the field at `path`: the schema's label, else `fallback(key)`, else the key. Items of
 * a list are named by position: `建筑物第2项的名称`. Undefined for the body as a whole (empty path).
 */
export function fieldName(
  root: Node | undefined,
  path: readonly PropertyKey[],
  fallback: (key: string) => string | undefined = () => undefined,
): string | undefined {
  let text: string | undefined;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (typeof key === 'number') {
      text = `${text ?? ''}第${key + 1}项`;
      continue;
    }
    const k = String(key);
    const name = (root && schemaLabel(root, path.slice(0, i + 1))) ?? fallback(k) ?? k;
    text = text && /第\d+项$/.test(text) ? `${text}的${name}` : name;
  }
  return text;
}

/** `中文名：规则`, without repeating a name the rule's own text already starts with. */
export function labelledMessage(name: string | undefined, message: string): string {
  if (!name) return message;
  return message.startsWith(`${name}：`) ? message : `${name}：${message}`;
}
