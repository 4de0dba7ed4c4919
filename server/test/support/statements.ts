import { expect } from 'vitest';
import type { TestApp } from './test-app';

/** A GET through the test app that must answer 200, with the SQL statements its process ran meanwhile. */
export async function getWithStatements(t: TestApp, token: string, path: string) {
  const statements: string[] = [];
  const options = (t.app.sequelize as any).options;
  const logging = options.logging;
  options.logging = (sql: string) => statements.push(sql);
  try {
    const res = await t.request('GET', path, { token });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    return { statements, body: res.body };
  } finally {
    options.logging = logging;
  }
}
