/**
 * 提交检测结果 of 2,000 records whose photos are already uploaded, through the real server on MariaDB/MySQL, against
 * a raw multi-row INSERT of the same rows in the same run (issue 10: server time ≤ 2 s and ≤ 2× the raw insert).
 * Run from the repo root: npx tsx scripts/bench/testing-submission.ts   (MYSQL_URL, default mysql://root@127.0.0.1:3306/)
 */

process.env.TEST_DB = 'mysql';
const { startTestApp } = await import('../../server/test/support/test-app');
const { Account } = await import('../../server/src/accounts/models');
const { Project } = await import('../../server/src/projects/models');
const { TestingPlanAssignment } = await import('../../server/src/testing-plans/models');
const { projectTestingPlan } = await import('../../server/src/testing-plans/plan');
const { TestingTask } = await import('../../server/src/testing-tasks/models');
const { approvedSubmitRequest, measureSubmissions, printSubmissionFigures, timedSubmission, uploadPhotos } =
  await import('./submission-support');
const { testingPlanItems } = await import('@xf/domain');

const RECORDS = 2000;
const PHOTOS = 40;

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

  const photoIds = await uploadPhotos(t, token, PHOTOS);
  /** A started task whose 提交申请 the lead approved. */
  const readyTask = async () => {
    const task = await TestingTask.create({
      projectId: project.id,
      operatorAccountId: operator.id,
      idempotencyKey: `bench-task-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      planSingleItemIds: singles,
      status: 'started',
      startedAt: new Date(),
    });
    await approvedSubmitRequest(operator, project, { column: 'testingTaskId', id: task.id }, photoIds[0]!);
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
    const ms = await timedSubmission(t, `/api/testing-tasks/${id}/submission`, token, body);
    return { id, ms };
  };

  const { submissions, raws } = await measureSubmissions(t.databaseUrl!, (run) => submit(run, RECORDS), [
    { table: 'testing_records', column: 'testingTaskId' },
  ]);
  console.log(
    `数据库：${t.app.sequelize.getDialect()}；每次 ${RECORDS} 条检测记录，照片已上传（${PHOTOS} 张，每条 2 张）`,
  );
  printSubmissionFigures({ submission: '提交检测结果', rows: `${RECORDS} 行` }, submissions, raws);
} finally {
  await t.close();
}
