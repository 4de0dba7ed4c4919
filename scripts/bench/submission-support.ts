/**
 * What the submission benches share (提交检测结果, 提交维保结果): photos uploaded as the phone does before it submits,
 * a task whose 提交申请 the lead approved, the same rows again as one raw multi-row INSERT, and the figures printed
 * the same way (issue 10/11: server time ≤ 2 s and ≤ 2× the raw insert).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';
import type { Account } from '../../server/src/accounts/models';
import type { Project } from '../../server/src/projects/models';

const { SiteRequest } = await import('../../server/src/site-requests/models');
const { checkLocation } = await import('../../server/src/location-check/service');
const { demoFacePhoto } = await import('../../server/src/demo/seed');

type TestApp = Awaited<ReturnType<(typeof import('../../server/test/support/test-app'))['startTestApp']>>;

/** `n` photos through POST /api/files, as the phone uploads them before the submission. */
export async function uploadPhotos(t: TestApp, token: string, n: number) {
  const photo = await demoFacePhoto();
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(photo)]), `p${i}.jpg`);
    ids.push((await t.request('POST', '/api/files', { token, form: fd })).body.id);
  }
  return ids;
}

/**
 * POST of a submission's JSON body, timed from the request's first byte to the parsed answer: the body is
 * serialised before the clock starts, as the raw INSERT's values are built before its clock starts (the phone's
 * serialisation is not server time).
 */
export async function timedSubmission(t: TestApp, path: string, token: string, body: unknown) {
  const text = JSON.stringify(body);
  const start = performance.now();
  const res = await fetch(t.baseURL + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: text,
  });
  const answer = await res.json();
  const ms = performance.now() - start;
  if (res.status !== 201) throw new Error(`submission ${res.status} ${JSON.stringify(answer).slice(0, 400)}`);
  return ms;
}

/** The lead approved the task's 提交申请 (the site checks themselves are not what is measured). */
export async function approvedSubmitRequest(
  operator: Account,
  project: Project,
  task: { column: 'testingTaskId' | 'maintenanceTaskId'; id: number },
  photoFileId: number,
) {
  const centre = { lng: project.fenceLng ?? 116.4, lat: project.fenceLat ?? 39.9 };
  const location = await checkLocation(
    operator,
    project,
    { ...centre, crs: 'GCJ02', accuracy: 10, isMock: false, fixTime: new Date() },
    'bench',
  );
  await SiteRequest.create({
    kind: 'submit',
    status: 'approved',
    projectId: project.id,
    testingTaskId: task.column === 'testingTaskId' ? task.id : null,
    maintenanceTaskId: task.column === 'maintenanceTaskId' ? task.id : null,
    requestedBy: operator.id,
    requestedAt: new Date(),
    photoFileId,
    locationCheckId: location.check.id,
    faceAccepted: true,
    faceDistance: 0.3,
    faceThreshold: 0.6,
    decidedAt: new Date(),
    forcedOverride: false,
  });
}

/**
 * The rows a submission stored for a task (in each table it writes: the records, and for maintenance their
 * files), again under other keys where a key is unique, in one multi-row INSERT per table inside one
 * transaction: the milliseconds it took.
 */
export async function rawInsertMs(
  db: mysql.Connection,
  tables: { table: string; column: string }[],
  id: number,
) {
  const json = (v: unknown) =>
    v !== null && typeof v === 'object' && !(v instanceof Date) && !Buffer.isBuffer(v)
      ? JSON.stringify(v)
      : v;
  const batches: { table: string; columns: string[]; values: unknown[][] }[] = [];
  for (const { table, column } of tables) {
    const [rows] = await db.query<mysql.RowDataPacket[]>(`SELECT * FROM ${table} WHERE \`${column}\` = ?`, [
      id,
    ]);
    if (!rows.length) continue;
    const columns = Object.keys(rows[0]!).filter((c) => c !== 'id');
    const values = rows.map((r) => columns.map((c) => (c === 'idempotencyKey' ? `${r[c]}-raw` : json(r[c]))));
    batches.push({ table, columns, values });
  }
  const start = performance.now();
  await db.beginTransaction();
  for (const b of batches)
    await db.query(`INSERT INTO ${b.table} (${b.columns.map((c) => `\`${c}\``).join(',')}) VALUES ?`, [
      b.values,
    ]);
  await db.commit();
  return performance.now() - start;
}

/**
 * The measurement both benches make: full-size warm-up submissions first (a cold JIT would measure the compiler,
 * not the server), then `runs` submissions, each followed by the raw INSERT of the rows it stored (so both meet the
 * same load of the shared machine).
 */
export async function measureSubmissions(
  databaseUrl: string,
  submit: (run: number) => Promise<{ id: number; ms: number }>,
  tables: { table: string; column: string }[],
  // Fifteen: with seven, the medians of a shared machine moved the ratio by ±0.4 from run to run.
  runs = Number(process.env.BENCH_ROUNDS ?? 15),
  warmUps = 2,
) {
  for (let w = 0; w < warmUps; w++) await submit(-1 - w);
  const db = await mysql.createConnection(databaseUrl);
  const submissions: number[] = [];
  const raws: number[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const { id, ms } = await submit(run);
      submissions.push(ms);
      raws.push(await rawInsertMs(db, tables, id));
    }
  } finally {
    await db.end();
  }
  return { submissions, raws };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The runs, their medians and the ratio, in the benches' one format. */
export function printSubmissionFigures(
  what: { submission: string; rows: string },
  submissions: number[],
  raws: number[],
) {
  const s = median(submissions);
  const r = median(raws);
  const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' / ');
  console.log(
    `${what.submission}（HTTP 往返，含校验、幂等、写库、操作日志）：${ms(submissions)} ms，中位数 ${s.toFixed(0)} ms`,
  );
  console.log(`同样 ${what.rows} 的原始多行 INSERT（含事务）：${ms(raws)} ms，中位数 ${r.toFixed(0)} ms`);
  console.log(`比值：${(s / r).toFixed(2)}×（目标 ≤ 2 s 且 ≤ 2×）${s <= 2000 && s / r <= 2 ? ' ✓' : ' ✗'}`);
  console.log(
    `负载（1/5/15 分钟）：${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
  return { median: s, raw: r, ratio: s / r };
}
