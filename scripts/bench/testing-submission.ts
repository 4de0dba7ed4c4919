/**
 * 提交检测结果 of 2,000 records whose photos are already uploaded, through the real server on MariaDB/MySQL, against
 * a raw multi-row INSERT of the same rows in the same run (issue 10: server time ≤ 2 s and ≤ 2× the raw insert).
 * Run from the repo root: npx tsx scripts/bench/testing-submission.ts   (MYSQL_URL, default mysql://root@127.0.0.1:3306/)
 */
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';

process.env.TEST_DB = 'mysql';
const { startTestApp } = await import('../../server/test/support/test-app');
const { Account } = await import('../../server/src/accounts/models');
const { Project } = await import('../../server/src/projects/models');
const { TestingPlanAssignment } = await import('../../server/src/testing-plans/models');
const { projectTestingPlan } = await import('../../server/src/testing-plans/plan');
const { TestingTask } = await import('../../server/src/testing-tasks/models');
const { SiteRequest } = await import('../../server/src/site-requests/models');
const { checkLocation } = await import('../../server/src/location-check/service');
const { demoFacePhoto } = await import('../../server/src/demo/seed');
const { testingPlanItems } = await import('@xf/domain');

const RECORDS = 2000;
const PHOTOS = 40;
const RUNS = 5;

const { seedDemoProjects } = await import('../../server/src/demo/seed-projects');

const t = await startTestApp();
try {
  await seedDemoProjects(t.app);
  const project = (await Project.findOne({ where: { kind: 'testing' }, order: [['id', 'ASC']] }))!;
  const operator = (await Account.findOne({ where: { accountName: 'caozuo01' } }))!;
  const plan = await projectTestingPlan(project);
  const singles = plan.buildings.flatMap((b) => b.singleItems.map((s) => s.planSingleItemId));
  await TestingPlanAssignment.bulkCreate(
    singles.map((planSingleItemId) => ({
      projectId: project.id,
      planSingleItemId,
      operatorAccountId: operator.id,
    })),
  );
  const items = testingPlanItems(plan);
  const token = await t.login('caozuo01');

  // Photos first, as the phone uploads them before the submission.
  const photo = await demoFacePhoto();
  const photoIds: number[] = [];
  for (let i = 0; i < PHOTOS; i++) {
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(photo)]), `p${i}.jpg`);
    photoIds.push((await t.request('POST', '/api/files', { token, form: fd })).body.id);
  }
  const centre = { lng: project.fenceLng ?? 116.4, lat: project.fenceLat ?? 39.9 };
  /** A started task whose 提交申请 the lead approved (the checks themselves are not what is measured here). */
  const readyTask = async () => {
    const location = await checkLocation(
      operator,
      project,
      {
        ...centre,
        crs: 'GCJ02',
        accuracy: 10,
        isMock: false,
        fixTime: new Date(),
      },
      'bench',
    );
    const task = await TestingTask.create({
      projectId: project.id,
      operatorAccountId: operator.id,
      idempotencyKey: `bench-task-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      planSingleItemIds: singles,
      status: 'started',
      startedAt: new Date(),
    });
    await SiteRequest.create({
      kind: 'submit',
      status: 'approved',
      projectId: project.id,
      testingTaskId: task.id,
      requestedBy: operator.id,
      requestedAt: new Date(),
      photoFileId: photoIds[0],
      locationCheckId: location.check.id,
      faceAccepted: true,
      faceDistance: 0.3,
      faceThreshold: 0.6,
      decidedAt: new Date(),
      forcedOverride: false,
    });
    return task.id;
  };
  const records = (run: number, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const item = items[i % items.length]!;
      const m = item.measured;
      return {
        idempotencyKey: `bench-${run}-rec-${i}`,
        planItemId: item.planItemId,
        position: String(Math.floor(i / items.length) + 1),
        result: 'pass',
        measuredValue: m ? (m.min ?? m.max ?? 0) : null,
        photoFileIds: [photoIds[i % PHOTOS]!, photoIds[(i + 1) % PHOTOS]!],
        note: '',
        recordedAt: new Date().toISOString(),
      };
    });
  const submit = async (run: number, n: number) => {
    const id = await readyTask();
    const body = { idempotencyKey: `bench-submission-${run}-${Date.now()}`, records: records(run, n) };
    const start = performance.now();
    const res = await t.request('POST', `/api/testing-tasks/${id}/submission`, { token, body });
    const ms = performance.now() - start;
    if (res.status !== 201)
      throw new Error(`submission ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
    return { id, ms };
  };

  await submit(0, 50); // warm-up: plan, edition and connections
  const db = await mysql.createConnection(t.databaseUrl!);
  const submissions: number[] = [];
  const raws: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const { id, ms } = await submit(run, RECORDS);
    submissions.push(ms);
    // The same rows, under other keys, in one multi-row INSERT in its own transaction.
    const [rows] = await db.query<mysql.RowDataPacket[]>(
      'SELECT * FROM testing_records WHERE testingTaskId = ?',
      [id],
    );
    const columns = Object.keys(rows[0]!).filter((c) => c !== 'id');
    const values = rows.map((r) =>
      columns.map((c) =>
        c === 'idempotencyKey' ? `${r[c]}-raw` : c === 'photoFileIds' ? JSON.stringify(r[c]) : r[c],
      ),
    );
    const start = performance.now();
    await db.beginTransaction();
    await db.query(`INSERT INTO testing_records (${columns.map((c) => `\`${c}\``).join(',')}) VALUES ?`, [
      values,
    ]);
    await db.commit();
    raws.push(performance.now() - start);
  }
  await db.end();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const s = median(submissions);
  const r = median(raws);
  console.log(
    `数据库：${t.app.sequelize.getDialect()}；每次 ${RECORDS} 条检测记录，照片已上传（${PHOTOS} 张，每条 2 张）`,
  );
  console.log(
    `提交检测结果（HTTP 往返，含校验、幂等、写库、操作日志）：${submissions.map((x) => x.toFixed(0)).join(' / ')} ms，中位数 ${s.toFixed(0)} ms`,
  );
  console.log(
    `同样 ${RECORDS} 行的原始多行 INSERT（含事务）：${raws.map((x) => x.toFixed(0)).join(' / ')} ms，中位数 ${r.toFixed(0)} ms`,
  );
  console.log(`比值：${(s / r).toFixed(2)}×（目标 ≤ 2 s 且 ≤ 2×）`);
} finally {
  await t.close();
}
