import { afterAll, beforeAll, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 9 §2: a bounded fuzz pass over every POST/PUT/PATCH/DELETE and every path with an id, taken from
 * /api/openapi.json. Each request is a plausible request with one thing broken (a field of the wrong type, a
 * coerced value, a prototype key, a NUL byte, an id in hex or exponent form, a body that is not JSON or not an
 * object, a truncated multipart body). Required: no answer ≥ 500, every refusal in Chinese, and no table
 * changes its row count for a refused request. Seeded, so a failure replays.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(async () => t?.close());

// Tables a refusal may legitimately write: login bookkeeping and the audit of refusals that must be recorded.
const WRITTEN_ON_REFUSAL = new Set(['SequelizeMeta', 'captchas', 'login_throttles', 'operation_logs']);
// What zod's own zh-CN wording leaves in English (type names, origins, patterns): a refusal says it in Chinese.
const ENGLISH_IN_MESSAGE =
  /\b(string|number|boolean|object|undefined|bigint|int|instanceof|NaN|true|false)\b|期望 |实际接收|正则表达式/;
// Routes that end the fuzzing accounts' own sessions when they succeed; they get only broken ids and bodies.
const ENDS_OWN_SESSIONS = /revoke-all|logout|reset-password|disable|\/auth\/password/;

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const random = prng(20261202);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

/** A value that passes the schema's simple rules, so the broken part is what the server looks at. */
function plausible(schema: any, depth = 0): unknown {
  if (!schema || depth > 5) return null;
  if (schema.anyOf) return plausible(schema.anyOf[0], depth + 1);
  if (schema.enum) return schema.enum[0];
  if ('const' in schema) return schema.const;
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries<any>(schema.properties ?? {})) out[k] = plausible(v, depth + 1);
      return out;
    }
    case 'array':
      return [plausible(schema.items, depth + 1)];
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'date' || /\\d\{4\}-/.test(schema.pattern ?? '')) return '2026-06-01';
      if (schema.format === 'date-time') return '2026-06-01T08:00:00.000Z';
      return 'x'.repeat(Math.max(1, Math.min(schema.minLength ?? 1, 50))) + (schema.minLength ? '' : '1');
    default:
      return 'x';
  }
}

const WRONG_VALUES: unknown[] = [
  true,
  null,
  '',
  [],
  {},
  '0x10',
  '1e3',
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER,
  'a\u0000b',
  'x'.repeat(5000),
  { nested: { deeper: ['x'] } },
];

interface Probe {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
  label: string;
}

const RAW_BODIES = [
  ['{"accountName": "zongdui", "password": "Secret-', 'malformed JSON'],
  ['[1,2,3]', 'array body'],
  ['"text"', 'string body'],
  ['null', 'null body'],
  ['12', 'number body'],
  ['{"__proto__": {"polluted": true}}', '__proto__ key'],
  ['{"constructor": {"prototype": {"polluted": true}}}', 'constructor key'],
  ['{"name": "a\\u0000b"}', 'NUL in a value'],
] as const;

const BAD_IDS = ['0x10', '1e3', '-1', '0', '1.5', '99999999999999999999', 'abc', '%00', '999999'];

function probesFor(path: string, method: string, op: any): Probe[] {
  const out: Probe[] = [];
  const params: string[] = (op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name);
  const realPath = (id = '1') => path.replace(/\{[^}]+\}/g, id);
  for (const id of params.length ? BAD_IDS : [])
    out.push({
      method,
      path: path.replace(/\{[^}]+\}/g, id),
      body: method === 'get' || method === 'delete' ? undefined : '{}',
      contentType: 'application/json',
      label: `id ${id}`,
    });
  if (method === 'get' || method === 'delete') return out;
  const target = ENDS_OWN_SESSIONS.test(path) ? realPath('999999') : realPath(pick(['1', '2']));
  const json = op.requestBody?.content?.['application/json']?.schema;
  const multipart = op.requestBody?.content?.['multipart/form-data'];
  for (const [raw, label] of RAW_BODIES)
    out.push({ method, path: target, body: raw, contentType: 'application/json', label });
  if (multipart) {
    const boundary = '----fuzz';
    out.push({
      method,
      path: target,
      body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff`,
      contentType: `multipart/form-data; boundary=${boundary}`,
      label: 'truncated multipart',
    });
    out.push({
      method,
      path: target,
      body: 'no parts here',
      contentType: `multipart/form-data; boundary=${boundary}`,
      label: 'not multipart',
    });
  }
  if (json) {
    const base = plausible(json) as Record<string, unknown>;
    const fields = Object.keys(json.properties ?? {});
    out.push({
      method,
      path: target,
      body: JSON.stringify(base),
      contentType: 'application/json',
      label: 'plausible',
    });
    for (const field of fields)
      for (let i = 0; i < 3; i++) {
        const value = pick(WRONG_VALUES);
        out.push({
          method,
          path: target,
          body: JSON.stringify({ ...base, [field]: value }),
          contentType: 'application/json',
          label: `${field}=${JSON.stringify(value)?.slice(0, 20)}`,
        });
      }
  }
  return out;
}

async function tableCounts(): Promise<Record<string, number>> {
  const qi = t.app.sequelize.getQueryInterface();
  const tables = ((await qi.showAllTables()) as unknown[]).map((x: any) =>
    typeof x === 'string' ? x : x.tableName,
  ) as string[];
  const q = t.app.sequelize.getDialect() === 'mysql' ? '`' : '"';
  const rows = await t.app.sequelize.query<{ name: string; n: number }>(
    tables
      .filter((n) => !WRITTEN_ON_REFUSAL.has(n))
      .map((n) => `SELECT '${n}' AS name, COUNT(*) AS n FROM ${q}${n}${q}`)
      .join(' UNION ALL '),
    { type: QueryTypes.SELECT },
  );
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

it('answers every broken request with a Chinese 4xx and leaves the tables as they were', async () => {
  const doc = (await t.request('GET', '/api/openapi.json')).body;
  const probes: Probe[] = [];
  for (const [path, ops] of Object.entries<any>(doc.paths))
    for (const [method, op] of Object.entries<any>(ops)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method) && !path.includes('{')) continue;
      // Logging out and revoking every session would end the fuzzing accounts' own sessions.
      if (/\/auth\/(logout|revoke-all)$/.test(path)) continue;
      probes.push(...probesFor(path, method, op));
    }
  const users = ['jigou01', 'zongdui', 'caozuo01', 'xiangmu01'];
  const tokens = new Map<string, string>();
  for (const u of users) tokens.set(u, await t.login(u));

  const failures: string[] = [];
  let before = await tableCounts();
  let sent = 0;
  for (const [i, probe] of probes.entries()) {
    const user = users[i % users.length]!;
    const send = () =>
      fetch(t.baseURL + probe.path, {
        method: probe.method.toUpperCase(),
        headers: {
          authorization: `Bearer ${tokens.get(user)}`,
          ...(probe.contentType ? { 'content-type': probe.contentType } : {}),
        },
        body: probe.body,
      });
    let res = await send();
    if (res.status === 401 && !probe.path.startsWith('/api/auth/')) {
      // A request that succeeded earlier ended this account's session (e.g. closing it): sign in again.
      tokens.set(user, await t.login(user));
      before = await tableCounts();
      res = await send();
    }
    sent++;
    const text = await res.text();
    const where = `${probe.method.toUpperCase()} ${probe.path} [${probe.label}] as ${user}`;
    if (res.status >= 500) failures.push(`${where} → ${res.status} ${text.slice(0, 200)}`);
    if (res.status >= 400 && res.status < 500) {
      const message = (() => {
        try {
          return JSON.parse(text).error?.message as string;
        } catch {
          return '';
        }
      })();
      if (!/[\u4e00-\u9fff]/.test(message ?? ''))
        failures.push(`${where} → ${res.status} without a Chinese message: ${text.slice(0, 120)}`);
      else if (ENGLISH_IN_MESSAGE.test(message))
        failures.push(`${where} → ${res.status} with English in its message: ${message}`);
      const after = await tableCounts();
      for (const [table, n] of Object.entries(after))
        if (before[table] !== n)
          failures.push(`${where} → ${res.status} but ${table} went ${before[table]}→${n}`);
      before = after;
    } else before = await tableCounts();
  }
  expect(sent).toBeGreaterThan(1500);
  expect(failures).toEqual([]);
}, 300_000);
