import sharp from 'sharp';
import { QueryTypes } from 'sequelize';
import { expect } from 'vitest';
import { Account } from '../../src/accounts/models';
import { beijingToday } from '../../src/core/time';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  created,
  createClientWithContact,
  plainBuilding,
  projectWorld,
  testingBody,
  uploadPdf,
  type ProjectWorld,
} from '../projects/fixtures';

/**
 * A testing project whose records are in and reviewed, seeded straight into the tables of migration 0011 (the
 * testing-records feature owns their routes): one building, scope 消防电梯 (A.8) and 自动喷水灭火系统 (A.12).
 * A.8: every item 合格 but one C-class item 不合格 (still 合格: C ≤ 4). A.12: one A-class item 不合格 (不合格).
 */
export interface ReportWorld {
  t: TestApp;
  w: ProjectWorld;
  projectId: number;
  photoFileId: number;
  setReview(status: 'closed' | 'open' | 'approved'): Promise<void>;
  sql(query: string, replacements?: Record<string, unknown>): Promise<any[]>;
  exec(query: string, replacements?: Record<string, unknown>): Promise<unknown>;
}

const day = (offset: number) => {
  const d = new Date(`${beijingToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

/** A phone photo: 2400×1800 JPEG (the upload shrinks it to 1920 and keeps a 640 px copy for reports). */
export const phonePhoto = () =>
  sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .jpeg({ quality: 90 })
    .toBuffer();

export async function reportWorld(): Promise<ReportWorld> {
  const t = await startTestApp();
  const w = await projectWorld(t);
  const parties = await createClientWithContact(t, w.admin, '报告测试甲方');
  const fileId = await uploadPdf(t, w.admin);
  const project = await created(
    t,
    w.admin,
    '/api/testing-projects',
    testingBody(w, parties, fileId, {
      siteName: '报告测试大厦',
      signedOn: day(-30),
      contractStart: day(-30),
      contractEnd: day(60),
      scope: ['消防电梯', 'A.12'],
    }),
  );
  const projectId = project.id as number;
  await created(t, w.admin, `/api/projects/${projectId}/buildings`, plainBuilding('主楼'));
  const plan = await t.request('GET', `/api/projects/${projectId}/testing-plan`, { token: w.projectLead });
  expect(plan.status).toBe(200);

  const operator = (await Account.findOne({ where: { accountName: 'caozuo01' } }))!;
  const operatorToken = await t.login('caozuo01');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await phonePhoto())]), 'site.jpg');
  const photo = await t.request('POST', '/api/files', { token: operatorToken, form });
  expect(photo.status).toBe(201);

  const sql = (query: string, replacements: Record<string, unknown> = {}) =>
    t.app.sequelize.query(query, { replacements, type: QueryTypes.SELECT }) as Promise<any[]>;
  const now = new Date();
  await t.app.sequelize.query(
    `INSERT INTO testing_tasks (projectId, operatorAccountId, idempotencyKey, planSingleItemIds, status, startedAt, createdAt, updatedAt)
     VALUES (:projectId, :op, 'report-task-1', '[]', 'started', :now, :now, :now)`,
    { replacements: { projectId, op: operator.id, now } },
  );
  const [task] = await sql('SELECT id FROM testing_tasks WHERE projectId = :projectId', { projectId });

  const singles = plan.body.buildings[0].singleItems as any[];
  let n = 0;
  for (const single of singles) {
    let failedOnce = false;
    for (const sub of single.subItems)
      for (const item of sub.items) {
        let result = 'pass';
        if (!failedOnce && single.code === 'A.8' && item.class === 'C') result = 'fail';
        if (!failedOnce && single.code === 'A.12' && item.class === 'A') result = 'fail';
        if (result === 'fail') failedOnce = true;
        n++;
        await t.app.sequelize.query(
          `INSERT INTO testing_records (projectId, testingTaskId, operatorAccountId, idempotencyKey, submissionKey,
             planItemId, planSubItemId, planSingleItemId, itemId, itemClass, position, result, measuredValue,
             computedResult, mismatch, reviewedResult, reviewReason, photoFileIds, note, status, recordedAt,
             submittedAt, createdAt, updatedAt)
           VALUES (:projectId, :task, :op, :key, 'report-submission', :planItemId, :planSubItemId, :planSingleItemId,
             :itemId, :cls, '1', :result, NULL, :result, :f, NULL, NULL, :photos, :note, 'approved', :now, :now, :now, :now)`,
          {
            replacements: {
              projectId,
              task: task.id,
              op: operator.id,
              key: `report-record-${n}`,
              planItemId: item.planItemId,
              planSubItemId: sub.planSubItemId,
              planSingleItemId: single.planSingleItemId,
              itemId: item.itemId,
              cls: item.class,
              result,
              f: false,
              photos: JSON.stringify([photo.body.id]),
              note: result === 'fail' ? '现场发现问题' : '',
              now,
            },
          },
        );
      }
  }
  for (const single of singles)
    await t.app.sequelize.query(
      `INSERT INTO testing_reviews (projectId, level, nodeId, computedVerdict, verdict, reason, flagged, reviewedBy, reviewedAt, createdAt, updatedAt)
       VALUES (:projectId, 'single_item', :nodeId, :v, :v, NULL, :f, :lead, :now, :now, :now)`,
      {
        replacements: {
          projectId,
          nodeId: single.planSingleItemId,
          v: single.code === 'A.12' ? 'fail' : 'pass',
          f: false,
          lead: w.leadId,
          now,
        },
      },
    );
  const setReview = async (status: string) => {
    await t.app.sequelize.query('UPDATE projects SET testingReviewStatus = :status WHERE id = :projectId', {
      replacements: { status, projectId },
    });
  };
  await setReview('approved');
  return {
    t,
    w,
    projectId,
    photoFileId: photo.body.id,
    setReview: setReview as ReportWorld['setReview'],
    sql,
    exec: (query, replacements = {}) => t.app.sequelize.query(query, { replacements }),
  };
}
