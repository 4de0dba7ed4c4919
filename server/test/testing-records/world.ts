import { expect } from 'vitest';
import { Account } from '../../src/accounts/models';
import { checkLocation } from '../../src/location-check/service';
import { Project } from '../../src/projects/models';
import { SiteRequest } from '../../src/site-requests/models';
import { TestingTask } from '../../src/testing-tasks/models';
import {
  fieldWorld,
  form,
  newKey,
  onSiteGcj,
  onSiteWgs,
  type FieldWorld,
} from '../site-requests/field-world';

/**
 * The field world with what the testing-record tests need on top: the plan's items, tasks taken to 检测中, submit
 * requests approved, photos uploaded, and records built for every item of chosen single items.
 */
export interface PlanItem {
  planItemId: string;
  planSingleItemId: string;
  planSubItemId: string;
  name: string;
  measured?: { min?: number; max?: number };
}

export interface RecordWorld extends FieldWorld {
  items: PlanItem[];
  itemsOf(singleIds: string[]): PlanItem[];
  /** A task of these single items whose start request the lead approved. */
  startedTask(token: string, singleIds: string[]): Promise<{ id: number; startRequestId: number }>;
  /** POST /testing-tasks/:id/submit-requests. */
  submitRequest(
    taskId: number,
    token: string,
    fields?: Record<string, unknown>,
  ): ReturnType<FieldWorld['t']['request']>;
  /** A started task whose submit request the lead approved. */
  readyTask(token: string, singleIds: string[]): Promise<number>;
  /**
   * The same state written straight to the database, for tests about the submission itself (the requests and
   * their face and location checks are tested through HTTP above it).
   */
  quickReadyTask(accountName: string, singleIds: string[]): Promise<number>;
  uploadPhoto(token: string, bytes?: Buffer): Promise<number>;
  records(
    items: PlanItem[],
    photoId: number,
    extra?: Partial<Record<string, unknown>>,
  ): Record<string, unknown>[];
  submit(taskId: number, token: string, body: unknown): ReturnType<FieldWorld['t']['request']>;
}

export const passingValue = (m: { min?: number; max?: number }) => m.min ?? m.max ?? 0;

export async function recordWorld(): Promise<RecordWorld> {
  const f = await fieldWorld();
  const plan = await f.t.request('GET', `/api/projects/${f.projectId}/testing-plan`, {
    token: f.tokens.lead,
  });
  const items: PlanItem[] = plan.body.buildings.flatMap((b: any) =>
    b.singleItems.flatMap((s: any) =>
      s.subItems.flatMap((sub: any) =>
        sub.items.map((i: any) => ({
          planItemId: i.planItemId,
          planSingleItemId: s.planSingleItemId,
          planSubItemId: sub.planSubItemId,
          name: i.name,
          measured: i.measured,
        })),
      ),
    ),
  );
  const w: RecordWorld = {
    ...f,
    items,
    itemsOf: (singleIds) => items.filter((i) => singleIds.includes(i.planSingleItemId)),
    async startedTask(token, singleIds) {
      const task = await f.createTask(token, { planSingleItemIds: singleIds.join(',') });
      expect(task.status).toBe(201);
      const ok = await f.approve(task.body.startRequest.id, f.tokens.lead, onSiteGcj);
      expect(ok.status).toBe(200);
      return { id: task.body.id, startRequestId: task.body.startRequest.id };
    },
    submitRequest: (taskId, token, fields = {}) =>
      f.t.request('POST', `/api/testing-tasks/${taskId}/submit-requests`, {
        token,
        form: form(f.live, { idempotencyKey: newKey(), ...onSiteWgs, ...fields }),
      }),
    async readyTask(token, singleIds) {
      const { id } = await w.startedTask(token, singleIds);
      const req = await w.submitRequest(id, token);
      expect(req.status).toBe(201);
      const ok = await f.approve(req.body.id, f.tokens.lead, onSiteGcj);
      expect(ok.status).toBe(200);
      return id;
    },
    async quickReadyTask(accountName, singleIds) {
      const operator = (await Account.findOne({ where: { accountName } }))!;
      const project = (await Project.findByPk(f.projectId))!;
      const location = await checkLocation(
        operator,
        project,
        { ...onSiteGcj, isMock: false, fixTime: new Date() },
        'test',
      );
      const photoFileId = await w.uploadPhoto(await f.t.login(accountName));
      const task = await TestingTask.create({
        projectId: f.projectId,
        operatorAccountId: operator.id,
        idempotencyKey: newKey(),
        planSingleItemIds: singleIds,
        status: 'started',
        startedAt: new Date(),
      });
      const now = new Date();
      await SiteRequest.create({
        kind: 'submit',
        status: 'approved',
        projectId: f.projectId,
        testingTaskId: task.id,
        requestedBy: operator.id,
        requestedAt: now,
        photoFileId,
        locationCheckId: location.check.id,
        faceAccepted: true,
        faceDistance: 0.3,
        faceThreshold: 0.6,
        decidedAt: now,
        forcedOverride: false,
      });
      return task.id;
    },
    async uploadPhoto(token, bytes = f.live) {
      const fd = new FormData();
      fd.append('file', new Blob([new Uint8Array(bytes)]), 'site.jpg');
      const res = await f.t.request('POST', '/api/files', { token, form: fd });
      expect(res.status).toBe(201);
      return res.body.id as number;
    },
    records: (list, photoId, extra = {}) =>
      list.map((i) => ({
        idempotencyKey: newKey().replace('task', 'rec'),
        planItemId: i.planItemId,
        position: '1',
        result: 'pass',
        measuredValue: i.measured ? passingValue(i.measured) : null,
        photoFileIds: [photoId],
        note: '',
        recordedAt: new Date().toISOString(),
        ...extra,
      })),
    submit: (taskId, token, body) =>
      f.t.request('POST', `/api/testing-tasks/${taskId}/submission`, { token, body }),
  };
  return w;
}

export { newKey };
