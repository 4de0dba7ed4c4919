/**
 * Writes server/API.md from the route definitions (the same ones that validate requests and feed
 * /api/openapi.json), so the human-readable contract never drifts from the code: `npm run api-doc -w server`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { allRoutes } from './routes';
import { routeKinds } from './core/router';

const here = path.dirname(fileURLToPath(import.meta.url));
const header = readFileSync(path.join(here, '..', 'API.header.md'), 'utf8');

function fields(schema: unknown): string {
  if (!schema) return '';
  const js = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as any;
  const required: string[] = js.required ?? [];
  return Object.keys(js.properties ?? {})
    .map((k) => (required.includes(k) ? `\`${k}\`` : `\`${k}?\``))
    .join(', ');
}

export function renderApiDoc(): string {
  const byTag = new Map<string, typeof allRoutes>();
  for (const r of allRoutes) byTag.set(r.tag, [...(byTag.get(r.tag) ?? []), r]);

  const lines = [header.trimEnd(), '', '## Routes (generated from the route definitions)', ''];
  for (const [tag, routes] of byTag) {
    lines.push(`### ${tag}`, '', '| method | path | who | input | what |', '|---|---|---|---|---|');
    for (const r of routes) {
      const input = [
        r.params ? `params: ${fields(r.params)}` : '',
        r.query ? `query: ${fields(r.query)}` : '',
        r.body ? `body: ${fields(r.body)}` : '',
        r.upload ? `multipart \`${r.upload.field}\` (${r.upload.accept.join('/')})` : '',
      ]
        .filter(Boolean)
        .join('<br>');
      const kinds = routeKinds(r);
      const who = r.auth === 'public' ? 'public' : kinds === '*' ? 'any account' : kinds.join(', ');
      lines.push(`| ${r.method.toUpperCase()} | \`/api${r.path}\` | ${who} | ${input} | ${r.summary} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export const apiDocPath = path.join(here, '..', 'API.md');

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(apiDocPath, renderApiDoc());
  console.log(`API.md：${allRoutes.length} 个接口`);
}
