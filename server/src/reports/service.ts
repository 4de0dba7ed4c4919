import { findOr404 } from '../core/find';
import {
  checkTestingReportDate,
  monthIndex,
  projectKindLabels,
  projectMachine,
  reportMachine,
  reportMachineFor,
  type DirectMaintenanceReportInput,
  type DirectTestingReportInput,
} from '@xf/domain';
import { Op } from 'sequelize';
import { actorName } from '../core/actor';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { AppError, badRequest, conflict, forbidden } from '../core/errors';
import { beijingToday } from '../core/time';
import { nextState, transition } from '../core/transition';
import { compareWithProfile } from '../face-profiles/service';
import { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { refuseLogged } from '../site-requests/refuse';
import { SpecialApplication } from '../special-applications/models';
import { reportPdf } from './files';
import { queueDetachmentNotice } from './notify-detachment';
import { Report } from './models';
import { now as clockNow } from '../core/clock';

export type DirectReportInput =
  ({ kind: 'maintenance' } & DirectMaintenanceReportInput) | ({ kind: 'testing' } & DirectTestingReportInput);

/** Only a project whose special application the brigade approved uploads its own reports (manual §04). */
async function assertMayUploadDirectly(project: Project, kind: Project['kind']) {
  assertInProgress(project);
  if (project.kind !== kind)
    throw conflict(
      `类别：这是${projectKindLabels[project.kind]}项目，请上传${projectKindLabels[project.kind]}报告`,
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

const reportAudit = (r: Report) => ({ entityType: 'report', entityId: r.id, institutionId: r.institutionId });

export async function uploadDirectReport(
  context: RequestContext,
  project: Project,
  input: DirectReportInput,
) {
  const actor = actorOf(context);
  await assertMayUploadDirectly(project, input.kind);
  const today = beijingToday();
  const fields = await checkedFields(project, input, today);
  return runCommand(context, 'report.uploaded', async ({ transaction }) => {
    const report = await Report.create(
      {
        projectId: project.id,
        institutionId: project.institutionId,
        kind: project.kind,
        source: 'direct_upload',
        ...fields,
        status: reportMachine.initial,
        completedOn: today,
        uploadedBy: actor.id,
      },
      { transaction },
    );
    return {
      result: report,
      audit: {
        ...reportAudit(report),
        after: { projectId: project.id, source: 'direct_upload', status: report.status, ...fields },
      },
    };
  });
}

export const findReport = (id: number) => findOr404(Report, id, '报告');

/** Replace the files or fields of a report that is not filed yet. */
export async function replaceReport(
  context: RequestContext,
  report: Report,
  project: Project,
  input: DirectReportInput,
) {
  const actor = actorOf(context);
  transition(reportMachineFor(report.source), report.status, 'replace', actor);
  await assertMayUploadDirectly(project, input.kind);
  const fields = await checkedFields(project, input, beijingToday(), report.id);
  return runCommand(context, 'report.replaced', async ({ transaction }) => {
    const row = (await Report.findByPk(report.id, { transaction, lock: transaction.LOCK.UPDATE }))!;
    nextState(reportMachineFor(row.source), row.status, 'replace', actor);
    const before = {
      planKind: row.planKind,
      planMonth: row.planMonth,
      planName: row.planName,
      reportFileId: row.reportFileId,
      rawRecordFileId: row.rawRecordFileId,
      conclusion: row.conclusion,
    };
    await row.update({ ...fields, completedOn: beijingToday() }, { transaction });
    return { result: row, audit: { ...reportAudit(row), before, after: fields } };
  });
}

export async function deleteReport(context: RequestContext, report: Report) {
  const actor = actorOf(context);
  transition(reportMachineFor(report.source), report.status, 'delete', actor);
  await runCommand(context, 'report.deleted', async ({ transaction }) => {
    const row = (await Report.findByPk(report.id, { transaction, lock: transaction.LOCK.UPDATE }))!;
    transition(reportMachineFor(row.source), row.status, 'delete', actor);
    await row.destroy({ transaction });
    return {
      result: undefined,
      audit: {
        ...reportAudit(row),
        before: { status: row.status, reportFileId: row.reportFileId, rawRecordFileId: row.rawRecordFileId },
      },
    };
  });
}

/**
 * 备案: the technical lead's review with a face check (manual §02/§03). A refused comparison (or a replayed
 * photo) refuses the filing and is logged; a filed report never changes again. Filing a testing report
 * completes its project (已完成) in the same command; the project's detachment is told once it commits.
 */
export async function fileReport(context: RequestContext, report: Report, photo: Buffer) {
  const actor = actorOf(context);
  nextState(reportMachineFor(report.source), report.status, 'file', actor);
  const face = await compareWithProfile(context.app, actor, photo, 'report_filing').catch(
    async (err: unknown) => {
      if (err instanceof AppError && err.code === 'face_photo_replay')
        await refuseLogged(context, 'report.filing_photo_replay_refused', err, reportAudit(report));
      throw err;
    },
  );
  if (!face.accepted)
    await refuseLogged(
      context,
      'report.filing_face_refused',
      forbidden('人脸比对未通过，不能备案报告。请本人重新拍照后再试', 'face_mismatch'),
      { ...reportAudit(report), after: { distance: face.distance, threshold: face.threshold } },
    );
  const filed = await runCommand(context, 'report.filed', async ({ transaction }) => {
    const row = (await Report.findByPk(report.id, { transaction, lock: transaction.LOCK.UPDATE }))!;
    const before: Record<string, unknown> = { status: row.status };
    const next = nextState(reportMachineFor(row.source), row.status, 'file', actor);
    const now = clockNow();
    await row.update(
      {
        status: next,
        filedOn: beijingToday(now),
        filedAt: now,
        filedBy: actor.id,
        filedByName: actorName(actor),
      },
      { transaction },
    );
    const after: Record<string, unknown> = {
      status: next,
      filedOn: row.filedOn,
      faceDistance: face.distance,
    };
    if (row.kind === 'testing') {
      const project = (await Project.findByPk(row.projectId, {
        transaction,
        lock: transaction.LOCK.UPDATE,
      }))!;
      // 已完成 once its report is filed; a project already completed (a re-test report) stays as it is.
      if (project.status === 'in_progress') {
        const status = nextState(projectMachine, project.status, 'complete', actor);
        before.projectStatus = project.status;
        after.projectStatus = status;
        await project.update({ status }, { transaction });
      }
    }
    return { result: row, audit: { ...reportAudit(row), before, after } };
  });
  await queueDetachmentNotice(context.app, filed.id);
  return filed;
}
