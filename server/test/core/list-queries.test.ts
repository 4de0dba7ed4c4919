import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { insertRows } from '../../src/db/insert-rows';
import { seedDemoData } from '../../src/demo/seed';
import { seedDemoProjects } from '../../src/demo/seed-projects';
import { getWithStatements } from '../support/statements';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Lists stay fast (issue 9 §6): a list request runs a fixed number of SQL statements whatever its page size.
 * A presenter that loads something per row (N+1) makes a page of 30 rows run more statements than a page of
 * one, and fails here.
 */
let t: TestApp;
let brigade: string;
let admin: string;
const ROWS = 30;

const select = (sql: string) => t.app.sequelize.query(sql, { type: QueryTypes.SELECT }) as Promise<any[]>;

/** Copies of a table's first row (as the lists bench does), so every list has more rows than a page. */
async function copies(table: string, n: number, change: (row: any, i: number) => object = () => ({})) {
  const [template] = await select(`SELECT * FROM ${table} ORDER BY id LIMIT 1`);
  expect(template, `${table} 没有可复制的行`).toBeTruthy();
  const { id: _id, ...rest } = template;
  void _id;
  // Timestamps as the template has them (the operation log has its own `at`).
  const now = 'createdAt' in rest ? { createdAt: new Date(), updatedAt: new Date() } : {};
  await insertRows(
    t.app.sequelize,
    table,
    Array.from({ length: n }, (_, i) => ({ ...rest, ...now, ...change(rest, i) })),
  );
}

/** The statements one request runs, and its answer. */
async function statements(token: string, path: string) {
  const { statements: seen, body } = await getWithStatements(t, token, path);
  return { count: seen.length, body };
}

beforeAll(async () => {
  // The statements of the database path itself: a repeated request would be answered from the read cache.
  t = await startTestApp({ demo: false, env: { READ_CACHE: 'off' } });
  await seedDemoData(t.app, { projects: false });
  await seedDemoProjects(t.app);
  brigade = await t.login('zongdui');
  admin = await t.login('jigou01');
  const [own] = await select(`SELECT institutionId FROM accounts WHERE accountName = 'jigou01'`);
  const [fileRow] = await select('SELECT id FROM stored_files ORDER BY id LIMIT 1');
  const [project] = await select(
    `SELECT * FROM projects WHERE institutionId = ${own.institutionId} AND kind = 'testing' ORDER BY id LIMIT 1`,
  );
  const now = new Date();
  await copies('projects', ROWS, (p, i) => ({ siteName: `${p.siteName}${i}`, parentProjectId: null }));
  await copies('maintenance_contracts', ROWS);
  await copies('institutions', ROWS, (i, n) => ({
    uscc: `91110000T${String(n).padStart(9, '0')}`,
    name: `${i.name}第${n + 1}分公司`,
  }));
  await copies('operation_logs', 260);
  await insertRows(
    t.app.sequelize,
    'reports',
    Array.from({ length: ROWS }, () => ({
      projectId: project.id,
      institutionId: project.institutionId,
      kind: 'testing',
      source: 'direct_upload',
      reportFileId: fileRow.id,
      rawRecordFileId: fileRow.id,
      conclusion: '合格',
      status: 'uploaded',
      completedOn: '2026-11-01',
      uploadedBy: project.createdBy ?? 1,
      progress: 100,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await insertRows(
    t.app.sequelize,
    'special_applications',
    Array.from({ length: ROWS }, () => ({
      projectId: project.id,
      institutionId: project.institutionId,
      kind: 'direct_report_upload',
      reason: '本公司自行编制报告',
      fileIds: JSON.stringify([fileRow.id]),
      status: 'rejected',
      pendingProjectId: null,
      appliedBy: project.createdBy ?? 1,
      appliedByName: '机构管理员',
      decidedBy: 1,
      decidedByName: '北京市消防救援总队',
      decidedAt: now,
      rejectReason: '材料不全',
      createdAt: now,
      updatedAt: now,
    })),
  );
}, 120_000);
afterAll(async () => t?.close());

describe('列表的查询次数与每页条数无关 (no N+1 in list presenters)', () => {
  const lists: [string, () => string][] = [
    ['/api/projects', () => brigade],
    ['/api/projects', () => admin],
    ['/api/institutions', () => brigade],
    ['/api/maintenance-contracts', () => brigade],
    ['/api/maintenance-contracts', () => admin],
    ['/api/reports', () => brigade],
    ['/api/reports', () => admin],
    ['/api/special-applications', () => brigade],
    ['/api/operation-logs', () => brigade],
    ['/api/coverage', () => brigade],
  ];
  it.each(lists)(
    '%s runs as many statements for a page of 30 rows as for a page of one',
    async (path, who) => {
      const token = who();
      // Reference data read once per process (the 支队) is read by the first list that needs it: not counted.
      await statements(token, `${path}?pageSize=1`);
      const one = await statements(token, `${path}?pageSize=1`);
      expect(one.body.items).toHaveLength(1);
      expect(one.body.total).toBeGreaterThanOrEqual(ROWS);
      const many = await statements(token, `${path}?pageSize=${ROWS}`);
      expect(many.body.items).toHaveLength(ROWS);
      expect(many.count).toBe(one.count);
      // A page of one is the first row of the longer page (the same order, the same presentation).
      expect(many.body.items[0]).toEqual(one.body.items[0]);
    },
  );

  it('a deep page (found by its ids first) and the pages at and past the end answer as the first ones do', async () => {
    const first = (await t.request('GET', '/api/operation-logs?pageSize=200', { token: brigade })).body;
    const total = first.total as number;
    expect(total).toBeGreaterThan(250);
    const [at229] = await select('SELECT id FROM operation_logs ORDER BY id DESC LIMIT 1 OFFSET 229');
    // Offset 229 is past 200, where core/page.ts finds the page by its ids first.
    const deep = (await t.request('GET', '/api/operation-logs?page=230&pageSize=1', { token: brigade })).body;
    expect(deep).toMatchObject({ total, page: 230, pageSize: 1 });
    expect(deep.items.map((l: any) => l.id)).toEqual([at229.id]);
    const deepPage = (await t.request('GET', '/api/operation-logs?page=2&pageSize=200', { token: brigade }))
      .body;
    expect(deepPage.items).toHaveLength(Math.min(200, total - 200));
    expect(deepPage.items[29].id).toBe(at229.id);
    expect(deepPage.total).toBe(total);
    // The last page is short: its total comes from its offset; past the end the total is counted.
    const last = (await t.request('GET', `/api/operation-logs?page=${total}&pageSize=1`, { token: brigade }))
      .body;
    expect(last).toMatchObject({ total });
    expect(last.items).toHaveLength(1);
    const past = (
      await t.request('GET', `/api/operation-logs?page=${total + 1}&pageSize=1`, { token: brigade })
    ).body;
    expect(past).toMatchObject({ items: [], total });
  });

  it('a filtered page counts exactly the rows of its filter (the total rides on the page statement)', async () => {
    const [own] = await select(`SELECT institutionId FROM accounts WHERE accountName = 'jigou01'`);
    const cases: [string, string, string][] = [
      [brigade, '/api/projects?kind=testing&pageSize=2', `kind = 'testing'`],
      [
        brigade,
        `/api/projects?institutionId=${own.institutionId}&pageSize=2`,
        `institutionId = ${own.institutionId}`,
      ],
      [
        admin,
        '/api/projects?kind=maintenance&pageSize=1',
        `kind = 'maintenance' AND institutionId = ${own.institutionId}`,
      ],
      [brigade, '/api/projects?name=__无此项目__', '1 = 0'],
    ];
    for (const [token, path, condition] of cases) {
      const [{ n }] = await select(`SELECT COUNT(*) n FROM projects WHERE ${condition}`);
      const body = (await t.request('GET', path, { token })).body;
      expect(body.total, path).toBe(Number(n));
      expect(body.items.length, path).toBe(
        Math.min(Number(n), Number(/pageSize=(\d+)/.exec(path)?.[1] ?? 20)),
      );
    }
    expect(
      Number((await select(`SELECT COUNT(*) n FROM projects WHERE kind = 'testing'`))[0].n),
    ).toBeGreaterThan(2);
  });
});
