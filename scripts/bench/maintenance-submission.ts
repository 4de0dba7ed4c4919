/**
 * 提交维保结果 of 1,000 line results (each with a photo already uploaded) through the real server on MariaDB/MySQL,
 * against a raw multi-row INSERT of the same rows (the records and their photo rows) in the same run (issue 11:
 * server time ≤ 2 s and ≤ 2× the raw insert).
 * Run from the repo root: npx tsx scripts/bench/maintenance-submission.ts   (MYSQL_URL, default mysql://root@127.0.0.1:3306/)
 */

process.env.TEST_DB = 'mysql';
const { startTestApp } = await import('../../server/test/support/test-app');
const { Account } = await import('../../server/src/accounts/models');
const { Project } = await import('../../server/src/projects/models');
const { MaintenancePlanAssignment, MaintenancePlanRecord } =
  await import('../../server/src/maintenance-plans/models');
const { contentOf, facilitiesById } = await import('../../server/src/maintenance-plans/plan');
const { MaintenanceTask } = await import('../../server/src/maintenance-tasks/models');
const { seedDemoProjects } = await import('../../server/src/demo/seed-projects');
const { finalPromptId } = await import('@xf/domain');
const { approvedSubmitRequest, measureSubmissions, printSubmissionFigures, timedSubmission, uploadPhotos } =
  await import('./submission-support');

const RECORDS = 1000;
const PHOTOS = 40;

const t = await startTestApp();
try {
  // The demo maintenance project's month plan, its first facilities dispatched to caozuo01 (seed-projects.ts).
  await seedDemoProjects(t.app);
  const operator = (await Account.findOne({ where: { accountName: 'caozuo01' } }))!;
  const plan = (await MaintenancePlanRecord.findOne({ where: { status: 'distributed' } }))!;
  if (!plan) throw new Error('演示数据中没有已下发的维保计划（当月不在演示项目的维保月份内？）');
  const project = (await Project.findByPk(plan.projectId))!;
  const assignments = await MaintenancePlanAssignment.findAll({
    where: { planId: plan.id, operatorAccountId: operator.id },
    order: [['id', 'ASC']],
  });
  const facilities = facilitiesById(await contentOf(plan));
  const lines = assignments.flatMap((a) =>
    facilities.get(a.facilityId)!.facility.lines.map((l) => ({ facilityId: a.facilityId, line: l })),
  );
  const token = await t.login('caozuo01');
  const photoIds = await uploadPhotos(t, token, PHOTOS);

  /** A started task of the dispatched facilities whose 提交申请 the lead approved. */
  const readyTask = async () => {
    const task = await MaintenanceTask.create({
      projectId: project.id,
      planId: plan.id,
      operatorAccountId: operator.id,
      idempotencyKey: `bench-task-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      facilityIds: assignments.map((a) => a.facilityId),
      assignmentIds: assignments.map((a) => a.id),
      status: 'started',
      startedAt: new Date(),
    });
    await approvedSubmitRequest(
      operator,
      project,
      { column: 'maintenanceTaskId', id: task.id },
      photoIds[0]!,
    );
    return task.id;
  };
  /** 能检查, every prompt answered with its conforming option, 符合, one photo: the facilities numbered 1, 2, 3 … */
  const records = (run: number, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const { facilityId, line } = lines[i % lines.length]!;
      const answers = Object.fromEntries(
        line.prompts
          .filter((p) => p.id !== finalPromptId(line.lineId))
          .map((p) => [p.id, p.conformingOption ?? p.options[0]!]),
      );
      return {
        idempotencyKey: `bench-${run}-line-${i}`,
        facilityId,
        facilityIndex: Math.floor(i / lines.length) + 1,
        facilityLocation: `${1 + (i % 20)}层`,
        lineId: line.lineId,
        checkable: true,
        answers,
        conformity: 'conforming',
        note: '',
        photoFileIds: [photoIds[i % PHOTOS]!],
        videoFileIds: [],
        recordedAt: new Date().toISOString(),
      };
    });
  const submit = async (run: number, n: number) => {
    const id = await readyTask();
    const body = { idempotencyKey: `bench-submission-${run}-${Date.now()}`, records: records(run, n) };
    const ms = await timedSubmission(t, `/api/maintenance-tasks/${id}/submission`, token, body);
    return { id, ms };
  };

  const { submissions, raws } = await measureSubmissions(t.databaseUrl!, (run) => submit(run, RECORDS), [
    { table: 'maintenance_records', column: 'maintenanceTaskId' },
    { table: 'maintenance_record_files', column: 'maintenanceTaskId' },
  ]);
  console.log(
    `数据库：${t.app.sequelize.getDialect()}；每次 ${RECORDS} 条维保记录（${assignments.length} 类设施 × ${(lines.length / assignments.length) | 0} 项维保内容 × 多个序号），照片已上传（${PHOTOS} 张，每条 1 张）`,
  );
  printSubmissionFigures(
    { submission: '提交维保结果', rows: `${RECORDS} 行维保记录及其 ${RECORDS} 行照片` },
    submissions,
    raws,
  );
} finally {
  await t.close();
}
