import type { Transaction } from 'sequelize';
import { siteRequestKindLabels, type LocationFix, type Machine, type SiteRequestKind } from '@xf/domain';
import { actorOf, type CommandContext, type RequestContext } from '../core/command';
import { createOnceChecked } from '../core/idempotent';
import { conflict, forbidden } from '../core/errors';
import { nextState } from '../core/transition';
import { compareWithProfile } from '../face-profiles/service';
import { storeFile, type Upload } from '../files/service';
import { checkLocation, flagUnknownMock } from '../location-check/service';
import { findProject } from '../projects/find';
import type { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { remindLeadOfSiteRequest } from '../reminders/service';
import { SiteRequest } from './models';
import { refuseLogged } from './refuse';
import { now as clockNow } from '../core/clock';

/**
 * 开始申请 / 提交申请 are filed the same way for a 测试任务 (manual §02) and a 维保任务 (manual §03): the operator's
 * location check and live face photo, stored on the request for the project lead, who decides on site. A task kind
 * tells this module its column on site_requests, its name and its machine (which must know `start` and `submit`).
 */
export interface SiteRequestTaskKind {
  column: 'testingTaskId' | 'maintenanceTaskId';
  /** 测试任务 / 维保任务 */
  name: string;
  /** 检测结果 / 维保结果 */
  results: string;
  machine: Machine<string, string>;
  /** The task row under an update lock (inside the filing command). */
  lock: (id: number, transaction: Transaction) => Promise<{ id: number; status: string }>;
}

export interface SiteRequestTask {
  id: number;
  projectId: number;
  status: string;
}

type FaceOutcome = Awaited<ReturnType<typeof compareWithProfile>>;
const purpose = (kind: SiteRequestKind) => `site_request_${kind}`;

/**
 * The operator's checks for a 开始申请 or 提交申请: a mock location is refused outright (the check is kept and the
 * refusal logged); the face comparison runs outside any command (it records itself) and its result goes on the
 * request for the lead.
 */
export async function siteChecks(
  context: RequestContext,
  project: Project,
  fix: LocationFix & { idempotencyKey: string },
  photo: Upload,
  kind: SiteRequestKind,
): Promise<FaceOutcome> {
  const actor = actorOf(context);
  if (fix.isMock) {
    const location = await checkLocation(actor, project, fix, purpose(kind));
    await refuseLogged(
      context,
      'site_request.mock_location_refused',
      forbidden(location.message, 'mock_location'),
      {
        entityType: 'project',
        entityId: project.id,
        institutionId: project.institutionId,
        after: { locationCheckId: location.check.id, idempotencyKey: fix.idempotencyKey, kind },
      },
    );
  }
  // Its idempotency key lets a retry of this same request send the same photo again (not a replay).
  return compareWithProfile(context.app, actor, photo.buffer, purpose(kind), {
    requestKey: fix.idempotencyKey,
  });
}

/** The request row with its location check and live photo, inside the filing command. */
export async function insertSiteRequest(
  c: CommandContext,
  kind: SiteRequestKind,
  project: Project,
  task: { column: SiteRequestTaskKind['column']; id: number },
  fix: LocationFix,
  photo: Upload,
  face: FaceOutcome,
) {
  const actor = actorOf(c);
  const { transaction } = c;
  const location = await checkLocation(actor, project, fix, purpose(kind), transaction);
  const { file } = await storeFile(c, photo);
  const request = await SiteRequest.create(
    {
      kind,
      status: 'pending',
      projectId: project.id,
      testingTaskId: task.column === 'testingTaskId' ? task.id : null,
      maintenanceTaskId: task.column === 'maintenanceTaskId' ? task.id : null,
      requestedBy: actor.id,
      requestedAt: clockNow(),
      photoFileId: file.id,
      locationCheckId: location.check.id,
      faceAccepted: face.accepted,
      faceDistance: face.distance,
      faceThreshold: face.threshold,
    },
    { transaction },
  );
  await flagUnknownMock(c.app.config, project, location.check, `操作员${actor.displayName}`, transaction);
  // The lead hears of it the moment it waits (sent after the command commits).
  await remindLeadOfSiteRequest(c, request);
  return { request, location };
}

/**
 * The 开始申请 filed with a new task, inside the task's creation (manual §02 建立测试任务, §03 建立维保任务): the request
 * row, and the operation-log entry that names the task, what it holds (`after`) and the checks' results.
 */
export async function fileStartWithTask(
  c: CommandContext,
  project: Project,
  task: { column: SiteRequestTaskKind['column']; id: number },
  fix: LocationFix,
  photo: Upload,
  face: FaceOutcome,
  after: Record<string, unknown>,
) {
  const { request, location } = await insertSiteRequest(c, 'start', project, task, fix, photo, face);
  return {
    entityType: 'site_request',
    entityId: request.id,
    institutionId: project.institutionId,
    after: {
      [task.column]: task.id,
      ...after,
      locationInside: location.inside,
      locationReason: location.reason,
      distanceM: location.distanceM,
      isMock: location.check.isMock,
      faceAccepted: face.accepted,
    },
  };
}

/** The latest request of a kind for a task (a refused one may be followed by another). */
export const latestRequest = (
  task: { column: SiteRequestTaskKind['column']; id: number },
  kind: SiteRequestKind,
  transaction?: Transaction,
) =>
  SiteRequest.findOne({
    where: { [task.column]: task.id, kind },
    order: [['id', 'DESC']],
    transaction,
  });

/**
 * 提交结果 only after the lead approved the task's latest 提交申请 on site (manual §02 提交检测结果, §03 操作员使用APP说明 4).
 */
export async function assertSubmitApproved(
  taskKind: Pick<SiteRequestTaskKind, 'column' | 'results'>,
  task: { id: number },
  transaction?: Transaction,
) {
  const last = await latestRequest({ column: taskKind.column, id: task.id }, 'submit', transaction);
  const results = taskKind.results;
  if (!last) throw conflict(`请先提交${results}申请，经项目负责人同意后再提交${results}`, 'status');
  if (last.status === 'pending')
    throw conflict(`提交申请正在等待项目负责人处理，同意后才能提交${results}`, 'status');
  if (last.status === 'rejected')
    throw conflict(`提交申请已被驳回（${last.decisionReason ?? ''}），请重新申请`, 'status');
}

/**
 * Whether a task may file a request of this kind now: 开始申请 again only while the task waits to start and its
 * last start request was refused; 提交申请 only once the task has started, and not while one waits or after one
 * was approved.
 */
async function assertMayRequest(
  context: RequestContext,
  taskKind: SiteRequestTaskKind,
  task: { id: number; status: string },
  kind: SiteRequestKind,
  transaction?: Transaction,
) {
  const actor = actorOf(context);
  if (kind === 'start') nextState(taskKind.machine, task.status, 'start');
  else nextState(taskKind.machine, task.status, 'submit', actor);
  const last = await latestRequest({ column: taskKind.column, id: task.id }, kind, transaction);
  const label = siteRequestKindLabels[kind];
  if (last?.status === 'pending')
    throw conflict(`该${taskKind.name}的${label}正在等待项目负责人处理，不能重复申请`, 'status');
  if (last?.status === 'approved')
    throw conflict(
      kind === 'submit'
        ? `该${taskKind.name}的提交申请已同意，请直接提交${taskKind.results}`
        : `该${taskKind.name}已开始`,
      'status',
    );
}

/**
 * 开始申请 again after a refusal, or 提交申请 (manual §02, §03): the operator's fix and live photo, checked as the
 * first start request was; the lead decides it with the site-request routes. Filed once by the phone's key.
 */
export async function fileTaskRequest(
  context: RequestContext,
  taskKind: SiteRequestTaskKind,
  task: SiteRequestTask,
  kind: SiteRequestKind,
  input: LocationFix & { idempotencyKey: string },
  photo: Upload,
) {
  const spec = {
    kind: 'site_request',
    key: input.idempotencyKey,
    payload: { ...input, [taskKind.column]: task.id, kind, photo: photo.buffer },
    action: `site_request.${kind}_filed`,
    replay: async (id: string) => (await SiteRequest.findByPk(Number(id)))!,
  };
  return createOnceChecked(context, spec, async () => {
    const project = await findProject(task.projectId);
    assertInProgress(project);
    await assertMayRequest(context, taskKind, task, kind);
    const face = await siteChecks(context, project, input, photo, kind);
    return async (c) => {
      // Under the task's lock: two different requests racing file one.
      const row = await taskKind.lock(task.id, c.transaction);
      await assertMayRequest(c, taskKind, row, kind, c.transaction);
      const { request, location } = await insertSiteRequest(
        c,
        kind,
        project,
        { column: taskKind.column, id: row.id },
        input,
        photo,
        face,
      );
      return {
        id: request.id,
        result: request,
        audit: {
          entityType: 'site_request',
          entityId: request.id,
          institutionId: project.institutionId,
          after: {
            kind,
            [taskKind.column]: row.id,
            locationInside: location.inside,
            locationReason: location.reason,
            distanceM: location.distanceM,
            faceAccepted: face.accepted,
          },
        },
      };
    };
  });
}
