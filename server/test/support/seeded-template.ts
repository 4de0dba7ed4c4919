/**
 * Every test file starts the app on a fresh database holding the demo registries. Migrating and seeding that
 * database takes 5–20 s (MariaDB's DDL and the registry imports), so the test run does it once, here, and each
 * start copies the result: on SQLite the database file and the seeded files, on MariaDB/MySQL every table with
 * its keys (SHOW CREATE TABLE) and rows. The copy is what a start would have produced, so a test cannot tell.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { TestProject } from 'vitest/node';
import { createAppContext } from '../../src/bootstrap';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/core/logger';
import { ensureDetachments, seedDemoData } from '../../src/demo/seed';
import { createMysqlDatabase, TEST_JWT_SECRET, testConfigEnv, testDialect } from './test-app';

export interface SeededTemplate {
  /** Data directory of the seeded template (SQLite file, seeded face photos, dev secrets). */
  dataDir: string;
  /** MySQL URL of the template database, absent on SQLite. */
  databaseUrl?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    seededTemplate: SeededTemplate | null;
  }
}

/** vitest globalSetup: seed the template once for the whole run, remove it at the end. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'xf-template-'));
  const db = testDialect === 'mysql' ? await createMysqlDatabase('xf_template') : null;
  const config = loadConfig({
    ...testConfigEnv(dataDir),
    ...(db ? { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET } : {}),
  });
  const app = await createAppContext(config, createLogger('silent'));
  await ensureDetachments();
  await seedDemoData(app);
  // Closing checkpoints SQLite's write-ahead log into the file that is copied.
  await app.close();
  project.provide('seededTemplate', { dataDir, databaseUrl: db?.url });
  return async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await db?.drop();
  };
}

/** A fresh data directory holding a copy of the template's SQLite file and stored files. */
export function copyTemplateDataDir(template: SeededTemplate): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'xf-test-'));
  for (const entry of ['xf.sqlite', 'files', 'dev-jwt-secret']) {
    const from = path.join(template.dataDir, entry);
    if (existsSync(from)) cpSync(from, path.join(dataDir, entry), { recursive: true });
  }
  return dataDir;
}

/** Copies every table of the template database, with its keys and rows, into the empty database `url`. */
export async function copyTemplateDatabase(template: SeededTemplate, url: string): Promise<void> {
  const from = new URL(template.databaseUrl!).pathname.slice(1);
  const conn = await mysql.createConnection({ uri: url, multipleStatements: true });
  try {
    const [tables] = await conn.query<mysql.RowDataPacket[]>(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
      [from],
    );
    const statements: string[] = ['SET FOREIGN_KEY_CHECKS = 0'];
    for (const { name } of tables) {
      const [[created]] = await conn.query<mysql.RowDataPacket[]>(
        `SHOW CREATE TABLE \`${from}\`.\`${name}\``,
      );
      // Foreign keys in SHOW CREATE TABLE name their tables without the schema, so they point into the copy.
      statements.push(created!['Create Table'] as string);
      statements.push(`INSERT INTO \`${name}\` SELECT * FROM \`${from}\`.\`${name}\``);
    }
    statements.push('SET FOREIGN_KEY_CHECKS = 1');
    await conn.query(statements.join(';\n'));
  } finally {
    await conn.end();
  }
}
