import { createHash, randomBytes } from 'node:crypto';
import { generatedReportMachine, type ProjectKind } from '@xf/domain';
import type { Transaction } from 'sequelize';
import type { AppContext } from '../context';
import { actorOf, runCommand, systemContext, type RequestContext } from '../core/command';
import { createOnce } from '../core/idempotent';
import { beijingToday } from '../core/time';
import { nextState } from '../core/transition';
import { StoredFile } from '../files/model';
import { prepareMaintenanceRender } from '../maintenance-reports/prepare';
import type { Project } from '../projects/models';
import { prepareTestingRender } from '../testing-reports/prepare';
import { Report } from './models';
import { verifyUrl } from './present';
import { renderInWorker, type RenderJob } from './render/render';

/**
 * Generated reports (系统生成的报告), whatever their kind: the row is created 生成中 once per request key, a job
 * renders the files in a worker thread with progress on the row, stores them with their hashes and marks the
 * report 待备案 (or 生成失败). Filing, immutability and delivery to the detachment are the reports feature's.
 */
export const GENERATE_JOB = 'report.generate';
const registered = new WeakSet<AppContext>();

const reportAudit = (r: Report) => ({ entityType: 'report', entityId: r.id, institutionId: r.institutionId });

/** What a kind's preparation hands the renderer and the finished row. */
export interface PreparedReport {
  job: RenderJob;
  dataSha256: string;
  /** Base of the files' names, e.g. 平安里-消维（2026）第3号-维保报告. */
  fileName: string;
  rawFileName: string | null;
  conclusion: string;
}

const PREPARE: Record<
  ProjectKind,
  (app: AppContext, report: Report, verifyUrl: string) => Promise<PreparedReport>
> = {
  testing: prepareTestingRender,
  maintenance: prepareMaintenanceRender,
};

export interface GenerationRequest {
  project: Project;
  kind: ProjectKind;
  idempotencyKey: string;
  /** What the request key stands for; a replay with another payload is refused. */
  payload: Record<string, unknown>;
  fields: {
    planKind?: 'month' | null;
    planMonth?: string | null;
    planName: string;
    remarks?: string;
    /** A 复检计划's report points at the original report it retests. */
    retestOfReportId?: number | null;
  };
  /** 消检 / 消维: the report number's prefix. */
  numberPrefix: string;
  /** Refuses while another generation of the same report runs (checked in the creating transaction). */
  assertNotRunning: (transaction: Transaction) => Promise<void>;
}

/** Create the 生成中 row once per request key and queue its job. */
export async function startGeneration(context: RequestContext, req: GenerationRequest) {
  const actor = actorOf(context);
  const { app } = context;
  const { project } = req;
  const today = beijingToday();
  const { result, replayed } = await createOnce(context, {
    kind: `${req.kind}_report`,
    key: req.idempotencyKey,
    payload: req.payload,
    action: 'report.generation_started',
    create: async ({ transaction }) => {
      await req.assertNotRunning(transaction);
      const row = await Report.create(
        {
          projectId: project.id,
          institutionId: project.institutionId,
          kind: req.kind,
          source: 'generated',
          planKind: req.fields.planKind ?? null,
          planMonth: req.fields.planMonth ?? null,
          planName: req.fields.planName,
          remarks: req.fields.remarks ?? null,
          retestOfReportId: req.fields.retestOfReportId ?? null,
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
      await row.update(
        { reportNo: `${req.numberPrefix}（${today.slice(0, 4)}）第${row.id}号` },
        { transaction },
      );
      return {
        id: row.id,
        result: row,
        audit: {
          ...reportAudit(row),
          after: { projectId: project.id, source: 'generated', status: row.status, ...req.payload },
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
    await generateReport(app, data.reportId);
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

/** Render a 生成中 report: prepare its data, render in a worker thread, store the files, mark it 待备案. */
export async function generateReport(app: AppContext, reportId: number) {
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
    await progress(1, report.kind === 'testing' ? '读取检测记录' : '读取维保记录');
    const prepared = await PREPARE[report.kind](app, report, verifyUrl(app, report.verifyToken!));
    await progress(5, '生成报告');
    let pending = Promise.resolve();
    const files = await renderInWorker(prepared.job, (p, t) => {
      pending = pending.then(() => progress(Math.min(90, p), t)).catch(() => undefined);
    });
    await pending;
    await progress(92, '保存文件');
    const raw = prepared.rawFileName;
    const stored = {
      reportPdf: await storeGenerated(app, report, files.reportPdf, 'pdf', prepared.fileName),
      rawPdf: raw ? await storeGenerated(app, report, files.rawPdf, 'pdf', raw) : null,
      reportDocx: await storeGenerated(app, report, files.reportDocx, 'docx', prepared.fileName),
      rawDocx: raw ? await storeGenerated(app, report, files.rawDocx, 'docx', raw) : null,
    };
    await runCommand(systemContext(app), 'report.generated', async ({ transaction }) => {
      const row = (await Report.findByPk(reportId, { transaction, lock: transaction.LOCK.UPDATE }))!;
      const next = nextState(generatedReportMachine, row.status, 'complete');
      const create = async (s: Awaited<ReturnType<typeof storeGenerated>> | null) =>
        s ? (await StoredFile.create(s, { transaction })).id : null;
      await row.update(
        {
          status: next,
          reportFileId: await create(stored.reportPdf),
          rawRecordFileId: await create(stored.rawPdf),
          reportDocxFileId: await create(stored.reportDocx),
          rawRecordDocxFileId: await create(stored.rawDocx),
          dataSha256: prepared.dataSha256,
          conclusion: prepared.conclusion,
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
          after: {
            status: next,
            dataSha256: prepared.dataSha256,
            files: Object.values(stored)
              .filter((s) => s !== null)
              .map((s) => s.sha256),
          },
        },
      };
    });
  } catch (e) {
    app.logger.error(
      { reportId, err: e instanceof Error ? e.message : String(e) },
      'report generation failed',
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
