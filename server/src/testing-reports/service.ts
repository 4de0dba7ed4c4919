import { createHash, randomBytes } from 'node:crypto';
import {
  checkTestingReportDate,
  generatedReportMachine,
  testingReviewMachine,
  type GenerateTestingReportInput,
  type TestingReviewStatus,
} from '@xf/domain';
import type { AppContext } from '../context';
import { actorOf, runCommand, systemContext, type RequestContext } from '../core/command';
import { badRequest, conflict } from '../core/errors';
import { createOnce } from '../core/idempotent';
import { beijingToday } from '../core/time';
import { nextState } from '../core/transition';
import { StoredFile } from '../files/model';
import type { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { Report } from '../reports/models';
import { readTestingReviewStatus } from './assemble';
import { prepareRenderInput } from './prepare';
import { renderInWorker } from './render';

export const GENERATE_JOB = 'testing-report.generate';
const registered = new WeakSet<AppContext>();

const reportAudit = (r: Report) => ({ entityType: 'report', entityId: r.id, institutionId: r.institutionId });

export const verifyUrlOf = (app: AppContext, token: string) => `${app.config.publicBaseUrl}/verify/${token}`;

/**
 * 生成检测报告 (manual §02 机构管理员在电脑端生成检测报告 1–4): only once the project lead approved the testing plan's
 * review, only within the project's testing period (超过项目的检测期限，不能生成检测报告。只能在项目列表中注销检测项目，
 * 重新录入检测项目), one generation at a time per project. The row is created 生成中 and a job renders the files.
 */
export async function startTestingReport(
  context: RequestContext,
  project: Project,
  input: GenerateTestingReportInput,
) {
  const actor = actorOf(context);
  const { app } = context;
  if (project.kind !== 'testing')
    throw conflict('项目类别：只有检测项目才能生成检测报告，维保项目请生成维保报告', 'kind');
  assertInProgress(project);
  const review = (await readTestingReviewStatus(app.sequelize, project.id)) as TestingReviewStatus;
  if (review !== 'approved')
    throw conflict(
      `项目负责人审核检测计划通过后才能生成检测报告（当前：${testingReviewMachine.states[review] ?? review}）`,
      'testingReviewStatus',
    );
  const today = beijingToday();
  const rule = checkTestingReportDate({
    contractStart: project.contractStart,
    contractEnd: project.contractEnd,
    reportDate: today,
  });
  if (!rule.ok)
    throw badRequest(
      today > project.contractEnd
        ? `超过项目的检测期限（${project.contractEnd}），不能生成检测报告。只能在项目列表中注销检测项目，重新录入检测项目`
        : rule.message,
      'contractEnd',
    );
  const { result, replayed } = await createOnce(context, {
    kind: 'testing_report',
    key: input.idempotencyKey,
    payload: { projectId: project.id },
    action: 'report.generation_started',
    create: async ({ transaction }) => {
      const running = await Report.count({
        where: { projectId: project.id, source: 'generated', status: 'generating' },
        transaction,
      });
      if (running > 0) throw conflict('该项目的检测报告正在生成，请在“查看检测报告”中等待生成完成', 'status');
      const row = await Report.create(
        {
          projectId: project.id,
          institutionId: project.institutionId,
          kind: 'testing',
          source: 'generated',
          planName: project.parentProjectId ? '复检计划' : '检测计划',
          retestOfReportId: project.retestOfReportId ?? null,
          reportFileId: null,
          rawRecordFileId: null,
          conclusion: '',
          status: generatedReportMachine.initial,
          completedOn: today,
          uploadedBy: actor.id,
          progress: 0,
          progressText: '排队等待生成',
          verifyToken: randomBytes(24).toString('base64url'),
        },
        { transaction },
      );
      await row.update({ reportNo: `消检（${today.slice(0, 4)}）第${row.id}号` }, { transaction });
      return {
        id: row.id,
        result: row,
        audit: {
          ...reportAudit(row),
          after: { projectId: project.id, source: 'generated', status: row.status },
        },
      };
    },
    replay: async (id) => (await Report.findByPk(Number(id)))!,
  });
  if (!replayed) {
    ensureReportWorker(app);
    await app.jobs.add(GENERATE_JOB, { reportId: result.id }, { jobId: String(result.id) });
  }
  return { report: result, replayed };
}

/** The job's handler, registered once per app (at start, and on first use by tests and dev). */
export function ensureReportWorker(app: AppContext) {
  if (registered.has(app)) return;
  registered.add(app);
  app.jobs.process(GENERATE_JOB, async (data: { reportId: number }) => {
    await generateTestingReport(app, data.reportId);
  });
}

/** An in-process queue loses its jobs with the process: reports left 生成中 by a restart are marked failed. */
export async function failInterruptedGenerations(app: AppContext) {
  if (app.config.redisUrl) return;
  await Report.update(
    { status: 'failed', progressText: '服务重启，生成中断，请重新生成' },
    { where: { source: 'generated', status: 'generating' } },
  );
}

async function storeGenerated(
  app: AppContext,
  report: Report,
  bytes: Uint8Array,
  ext: 'pdf' | 'docx',
  name: string,
) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const mime =
    ext === 'pdf'
      ? 'application/pdf'
      : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const storageKey = `reports/${report.projectId}/${report.id}-${randomBytes(8).toString('hex')}.${ext}`;
  await app.files.put(storageKey, buffer, mime);
  return {
    storageKey,
    ownerAccountId: report.uploadedBy,
    institutionId: report.institutionId,
    mime,
    category: 'document',
    size: buffer.length,
    sha256: createHash('sha256').update(buffer).digest('hex'),
    originalName: `${name}.${ext}`,
  };
}

/** Render a 生成中 report: assemble the data, render in a worker thread, store the four files, mark it 待备案. */
export async function generateTestingReport(app: AppContext, reportId: number) {
  const report = await Report.findByPk(reportId);
  if (!report || report.status !== 'generating') return;
  let last = -1;
  const progress = async (percent: number, text: string) => {
    if (percent === last) return;
    last = percent;
    await Report.update(
      { progress: percent, progressText: text },
      { where: { id: reportId, status: 'generating' } },
    );
  };
  try {
    await progress(1, '读取检测记录');
    const input = await prepareRenderInput(app, report, verifyUrlOf(app, report.verifyToken!));
    await progress(5, '生成报告');
    let pending = Promise.resolve();
    const files = await renderInWorker(input, (p, t) => {
      pending = pending.then(() => progress(Math.min(90, p), t)).catch(() => undefined);
    });
    await pending;
    await progress(92, '保存文件');
    const base = `${input.data.project.name}-${report.reportNo}`;
    const stored = [
      await storeGenerated(app, report, files.reportPdf, 'pdf', `${base}-检测报告`),
      await storeGenerated(app, report, files.rawPdf, 'pdf', `${base}-原始记录`),
      await storeGenerated(app, report, files.reportDocx, 'docx', `${base}-检测报告`),
      await storeGenerated(app, report, files.rawDocx, 'docx', `${base}-原始记录`),
    ];
    await runCommand(systemContext(app), 'report.generated', async ({ transaction }) => {
      const row = (await Report.findByPk(reportId, { transaction, lock: transaction.LOCK.UPDATE }))!;
      const next = nextState(generatedReportMachine, row.status, 'complete');
      const [reportPdf, rawPdf, reportDocx, rawDocx] = await Promise.all(
        stored.map((s) => StoredFile.create(s, { transaction })),
      );
      const o = input.data.overall;
      await row.update(
        {
          status: next,
          reportFileId: reportPdf!.id,
          rawRecordFileId: rawPdf!.id,
          reportDocxFileId: reportDocx!.id,
          rawRecordDocxFileId: rawDocx!.id,
          dataSha256: input.dataSha256,
          conclusion: `综合评定：${o.verdictLabel}${o.failedSingleItems.length ? `（不合格单项：${o.failedSingleItems.join('、')}）` : ''}`,
          progress: 100,
          progressText: '生成完成',
          completedOn: beijingToday(),
        },
        { transaction },
      );
      return {
        result: row,
        audit: {
          ...reportAudit(row),
          before: { status: 'generating' },
          after: { status: next, dataSha256: input.dataSha256, files: stored.map((s) => s.sha256) },
        },
      };
    });
  } catch (e) {
    app.logger.error(
      { reportId, err: e instanceof Error ? e.message : String(e) },
      'testing report generation failed',
    );
    await runCommand(systemContext(app), 'report.generation_failed', async ({ transaction }) => {
      const row = (await Report.findByPk(reportId, { transaction, lock: transaction.LOCK.UPDATE }))!;
      if (row.status !== 'generating') return { result: row, audit: null };
      const next = nextState(generatedReportMachine, row.status, 'fail');
      await row.update({ status: next, progressText: '生成失败，请重新生成' }, { transaction });
      return {
        result: row,
        audit: { ...reportAudit(row), before: { status: 'generating' }, after: { status: next } },
      };
    });
  }
}
