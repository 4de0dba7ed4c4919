import {
  checkTestingReportDate,
  monthIndex,
  projectKindLabels,
  reportMachine,
  type DirectMaintenanceReportInput,
  type DirectTestingReportInput,
} from '@xf/domain';
import { Op } from 'sequelize';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { badRequest, conflict, forbidden, notFound } from '../core/errors';
import { beijingToday } from '../core/time';
import { compareWithProfile } from '../face-profiles/service';
import { recordOperation } from '../operation-log/record';
import type { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { SpecialApplication } from '../special-applications/models';
import { reportPdf } from './files';
import { Report } from './models';
import { nextState, transition } from '../core/transition';

export type DirectReportInput =
  ({ kind: 'maintenance' } & DirectMaintenanceReportInput) | ({ kind: 'testing' } & DirectTestingReportInput);

const actorName = (a: Actor) => `${a.displayName}（${a.accountName}）`;

/** Only a project whose special application the brigade approved uploads its own reports (manual §04). */
async function assertMayUploadDirectly(project: Project, kind: Project['kind']) {
  assertInProgress(project);
  if (project.kind !== kind)
    throw conflict(
      `类别（kind）：这是${projectKindLabels[project.kind]}项目，请上传${projectKindLabels[project.kind]}报告`,
      'kind',
    );
  const approved = await SpecialApplication.count({ where: { projectId: project.id, status: 'approved' } });
  if (!project.directReportUpload || approved === 0)
    throw forbidden(
      '该项目没有经总队审核通过的特殊申请，不能直接上传报告。请先在项目列表点击“特殊申请”',
      'special_application_required',
    );
}

/** The checked fields of a direct upload: the manual's rules for each kind, PDFs only. */
async function checkedFields(project: Project, input: DirectReportInput, today: string, excludeId?: number) {
  const reportFile = await reportPdf(input.reportFileId, project.institutionId, 'reportFileId', '上传报告');
  if (input.kind === 'testing') {
    const rule = checkTestingReportDate({
      contractStart: project.contractStart,
      contractEnd: project.contractEnd,
      reportDate: today,
    });
    if (!rule.ok) throw badRequest(rule.message, rule.field);
    const raw = await reportPdf(
      input.rawRecordFileId,
      project.institutionId,
      'rawRecordFileId',
      '上传原始记录',
    );
    return {
      planKind: null,
      planMonth: null,
      planName: input.planName,
      reportFileId: reportFile.id,
      rawRecordFileId: raw.id,
      conclusion: input.conclusion,
    };
  }
  const { firstMonth, lastMonth } = project;
  if (
    !firstMonth ||
    !lastMonth ||
    monthIndex(input.planMonth) < monthIndex(firstMonth) ||
    monthIndex(input.planMonth) > monthIndex(lastMonth)
  )
    throw badRequest(
      `计划对应日期：${input.planMonth}不在项目的维保月份（${firstMonth ?? '—'}至${lastMonth ?? '—'}）内`,
      'planMonth',
    );
  const duplicate = await Report.count({
    where: {
      projectId: project.id,
      planKind: input.planKind,
      planMonth: input.planMonth,
      ...(excludeId ? { id: { [Op.ne]: excludeId } } : {}),
    },
  });
  if (duplicate > 0)
    throw conflict(`计划对应日期：该项目${input.planMonth}的同一计划性质报告已上传`, 'planMonth');
  return {
    planKind: input.planKind,
    planMonth: input.planMonth,
    planName: null,
    reportFileId: reportFile.id,
    rawRecordFileId: null,
    conclusion: input.conclusion,
  };
}

export async function uploadDirectReport(
  app: AppContext,
  actor: Actor,
  project: Project,
  input: DirectReportInput,
  requestId: string,
) {
  await assertMayUploadDirectly(project, input.kind);
  const today = beijingToday();
  const fields = await checkedFields(project, input, today);
  return app.sequelize.transaction(async (t) => {
    const report = await Report.create(
      {
        projectId: project.id,
        institutionId: project.institutionId,
        kind: project.kind,
        source: 'direct_upload',
        ...fields,
        status: 'uploaded',
        completedOn: today,
        uploadedBy: actor.id,
      },
      { transaction: t },
    );
    await recordOperation(
      t,
      actor,
      {
        action: 'report.uploaded',
        entityType: 'report',
        entityId: report.id,
        institutionId: project.institutionId,
        after: { projectId: project.id, source: 'direct_upload', status: 'uploaded', ...fields },
      },
      requestId,
    );
    return report;
  });
}

export async function findReport(id: number) {
  const r = await Report.findByPk(id);
  if (!r) throw notFound('报告');
  return r;
}

/** Replace the files or fields of a report that is not filed yet. */
export async function replaceReport(
  app: AppContext,
  actor: Actor,
  report: Report,
  project: Project,
  input: DirectReportInput,
  requestId: string,
) {
  transition(reportMachine, report.status, 'replace');
  await assertMayUploadDirectly(project, input.kind);
  const fields = await checkedFields(project, input, beijingToday(), report.id);
  return app.sequelize.transaction(async (t) => {
    const row = (await Report.findByPk(report.id, { transaction: t, lock: t.LOCK.UPDATE }))!;
    transition(reportMachine, row.status, 'replace');
    const before = {
      planKind: row.planKind,
      planMonth: row.planMonth,
      planName: row.planName,
      reportFileId: row.reportFileId,
      rawRecordFileId: row.rawRecordFileId,
      conclusion: row.conclusion,
    };
    await row.update({ ...fields, completedOn: beijingToday() }, { transaction: t });
    await recordOperation(
      t,
      actor,
      {
        action: 'report.replaced',
        entityType: 'report',
        entityId: row.id,
        institutionId: row.institutionId,
        before,
        after: fields,
      },
      requestId,
    );
    return row;
  });
}

export async function deleteReport(app: AppContext, actor: Actor, report: Report, requestId: string) {
  transition(reportMachine, report.status, 'delete');
  await app.sequelize.transaction(async (t) => {
    const row = (await Report.findByPk(report.id, { transaction: t, lock: t.LOCK.UPDATE }))!;
    transition(reportMachine, row.status, 'delete');
    await recordOperation(
      t,
      actor,
      {
        action: 'report.deleted',
        entityType: 'report',
        entityId: row.id,
        institutionId: row.institutionId,
        before: { status: row.status, reportFileId: row.reportFileId, rawRecordFileId: row.rawRecordFileId },
      },
      requestId,
    );
    await row.destroy({ transaction: t });
  });
}

/**
 * 备案: the technical lead's review with a face check (manual §02/§03). A refused comparison refuses the
 * filing and is logged; a filed report goes to the jurisdiction's detachment and never changes again.
 */
export async function fileReport(
  app: AppContext,
  actor: Actor,
  report: Report,
  photo: Buffer,
  requestId: string,
) {
  transition(reportMachine, report.status, 'file');
  const face = await compareWithProfile(app, actor, photo, 'report_filing');
  if (!face.accepted) {
    await recordOperation(
      null,
      actor,
      {
        action: 'report.filing_face_refused',
        entityType: 'report',
        entityId: report.id,
        institutionId: report.institutionId,
        after: { distance: face.distance, threshold: face.threshold },
      },
      requestId,
    );
    throw forbidden('人脸比对未通过，不能备案报告。请本人重新拍照后再试', 'face_mismatch');
  }
  return app.sequelize.transaction(async (t) => {
    const row = (await Report.findByPk(report.id, { transaction: t, lock: t.LOCK.UPDATE }))!;
    const next = nextState(reportMachine, row.status, 'file');
    const now = new Date();
    await row.update(
      {
        status: next,
        filedOn: beijingToday(now),
        filedAt: now,
        filedBy: actor.id,
        filedByName: actorName(actor),
      },
      { transaction: t },
    );
    await recordOperation(
      t,
      actor,
      {
        action: 'report.filed',
        entityType: 'report',
        entityId: row.id,
        institutionId: row.institutionId,
        before: { status: 'uploaded' },
        after: { status: next, filedOn: row.filedOn, faceDistance: face.distance },
      },
      requestId,
    );
    return row;
  });
}
