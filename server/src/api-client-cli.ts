/**
 * Writes domain/src/api-client/routes.gen.ts from the route definitions: one typed function per route, for
 * the admin web and the mini-program alike (`npm run api-client -w server`). Request and response types name
 * the domain's exported schemas (`z.input<typeof domain.clientInputSchema>`), found by identity; a schema the
 * domain does not export is written out structurally from its JSON Schema. The module imports types only, so
 * no zod code reaches the clients' bundles. server/test/api-client.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { z } from 'zod';
import * as domain from '@xf/domain';
import { allRoutes } from './routes';
import type { RouteDef } from './core/route';

const here = path.dirname(fileURLToPath(import.meta.url));
export const apiClientPath = path.join(here, '..', '..', 'domain', 'src', 'api-client', 'routes.gen.ts');

/** Each exported zod schema of the domain by identity; the first export name wins. */
function schemaNames(): Map<unknown, string> {
  const names = new Map<unknown, string>();
  for (const [name, value] of Object.entries(domain)) {
    if (value instanceof z.ZodType && !names.has(value)) names.set(value, name);
  }
  return names;
}

const pascal = (s: string) =>
  s
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

function singular(word: string): string {
  if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(ss|us)$/.test(word)) return word;
  return word.replace(/s$/, '');
}

const isParam = (segment: string) => segment.startsWith(':');

/**
 * A readable, stable name from method and path: a segment followed by a parameter is singular
 * (`/clients/:id` → Client); GET reads, PUT updates, DELETE deletes; POST to a plural collection creates
 * one (`createClientContact`), any other POST is an action named by its path (`postProjectCancel`).
 */
export function functionName(r: Pick<RouteDef, 'method' | 'path'>): string {
  const segments = r.path.split('/').filter(Boolean);
  const words = segments
    .map((s, i) => {
      if (isParam(s)) return '';
      const next = segments[i + 1];
      return pascal(next && isParam(next) ? singular(s) : s);
    })
    .filter(Boolean);
  const last = segments[segments.length - 1]!;
  if (r.method === 'post' && !isParam(last) && /s$/.test(last) && singular(last) !== last) {
    words[words.length - 1] = pascal(singular(last));
    return 'create' + words.join('');
  }
  const verb = { get: 'get', post: 'post', put: 'update', patch: 'patch', delete: 'delete' }[r.method];
  return verb + words.join('');
}

type Json = Record<string, any>;

/** A TypeScript type for a JSON Schema the domain does not name (inline route schemas). */
function tsType(js: Json): string {
  if (js.anyOf || js.oneOf) return (js.anyOf ?? js.oneOf).map(tsType).join(' | ');
  if (js.allOf) return js.allOf.map(tsType).join(' & ');
  if ('const' in js) return JSON.stringify(js.const);
  if (js.enum) return js.enum.map((v: unknown) => JSON.stringify(v)).join(' | ');
  const types: string[] = Array.isArray(js.type) ? js.type : js.type ? [js.type] : [];
  if (!types.length) return 'unknown';
  return types
    .map((t) => {
      switch (t) {
        case 'string':
          return 'string';
        case 'number':
        case 'integer':
          return 'number';
        case 'boolean':
          return 'boolean';
        case 'null':
          return 'null';
        case 'array':
          return js.items ? `Array<${tsType(js.items)}>` : 'unknown[]';
        case 'object': {
          const required: string[] = js.required ?? [];
          const props = Object.entries((js.properties ?? {}) as Record<string, Json>).map(
            ([k, v]) => `${JSON.stringify(k)}${required.includes(k) ? '' : '?'}: ${tsType(v)}`,
          );
          const extra = js.additionalProperties;
          if (extra && typeof extra === 'object') props.push(`[key: string]: ${tsType(extra)}`);
          return props.length ? `{ ${props.join('; ')} }` : 'Record<string, unknown>';
        }
        default:
          return 'unknown';
      }
    })
    .join(' | ');
}

function jsonSchema(schema: unknown, io: 'input' | 'output'): Json {
  return z.toJSONSchema(schema as z.ZodType, { io, unrepresentable: 'any' }) as Json;
}

/** Whether every field may be left out (then the argument is optional). */
function allOptional(schema: unknown): boolean {
  const js = jsonSchema(schema, 'input');
  return js.type === 'object' && !(js.required ?? []).length;
}

export async function renderApiClient(): Promise<string> {
  const names = schemaNames();
  const typeOf = (schema: unknown, io: 'input' | 'output') => {
    const name = names.get(schema);
    return name ? `z.${io}<typeof domain.${name}>` : tsType(jsonSchema(schema, io));
  };

  const seen = new Map<string, string>();
  const functions: string[] = [];
  for (const r of allRoutes) {
    const name = functionName(r);
    const where = `${r.method.toUpperCase()} /api${r.path}`;
    if (seen.has(name)) throw new Error(`${where} and ${seen.get(name)} would both be ${name}`);
    seen.set(name, where);

    const params = r.path
      .split('/')
      .filter(isParam)
      .map((s) => s.slice(1));
    const args: { name: string; type: string; optional: boolean }[] = params.map((p) => ({
      name: p,
      type: 'Id',
      optional: false,
    }));
    if (r.upload) args.push({ name: 'file', type: 'F', optional: false });
    if (r.body) args.push({ name: 'body', type: typeOf(r.body, 'input'), optional: allOptional(r.body) });
    if (r.query) args.push({ name: 'query', type: typeOf(r.query, 'input'), optional: allOptional(r.query) });
    args.push({ name: 'options', type: 'CallOptions', optional: true });
    // Only a trailing run of optional arguments may be left out; an earlier one is passed as undefined.
    let tail = true;
    for (let i = args.length - 1; i >= 0; i--) {
      const a = args[i]!;
      if (!a.optional) tail = false;
      else if (!tail) a.type = `${a.type} | undefined`;
      a.optional = a.optional && tail;
    }

    const result = r.produces
      ? 'Blob'
      : r.response
        ? typeOf(r.response, 'output')
        : // No response schema declared yet.
          'unknown';
    const pathExpr = params.length
      ? '`' + r.path.replace(/:([A-Za-z0-9_]+)/g, (_, p: string) => '${seg(' + p + ')}') + '`'
      : `'${r.path}'`;
    const fields = [
      `method: '${r.method.toUpperCase()}'`,
      `path: ${pathExpr}`,
      r.query ? 'query' : '',
      r.body ? 'body' : '',
      r.upload ? `upload: { field: '${r.upload.field}', file }` : '',
      r.produces ? `responseType: 'blob'` : '',
      '...options',
    ].filter(Boolean);
    functions.push(
      `/** ${r.summary} — ${where} */\n` +
        `${name}: (${args.map((a) => `${a.name}${a.optional ? '?' : ''}: ${a.type}`).join(', ')}) =>\n` +
        `  t.request<${result}>({ ${fields.join(', ')} }),`,
    );
  }

  const source = `// Generated from server/src/routes.ts by \`npm run api-client -w server\`. Do not edit by hand.
import type { z } from 'zod';
import type * as domain from '../index';
import type { CallOptions, Id, Transport } from './index';

const seg = (value: Id) => encodeURIComponent(String(value));

/** The server's routes as functions, sent through the client's transport. */
export function createApi<F = Blob>(t: Transport<F>) {
  return {
${functions.join('\n')}
  };
}
`;
  const config = await prettier.resolveConfig(apiClientPath);
  return prettier.format(source, { ...config, parser: 'typescript' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(apiClientPath, await renderApiClient());
  console.log(`${path.relative(process.cwd(), apiClientPath)}：${allRoutes.length} 个接口`);
}
