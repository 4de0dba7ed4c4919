import type { z } from 'zod';
import type { testingSubmissionSchema } from '@xf/domain/api/testing-records';
import { requestWithStatus } from '../api/http';

/** One record as sent in a submission (the wire shape of testingRecordInputSchema). */
export type TestingRecordInput = z.input<typeof testingSubmissionSchema>['records'][number];

/**
 * How each entity travels: one request, idempotent by the key the phone generated (`idempotencyKey`).
 * A new offline entity is one more registered handler; the outbox and the transport do not change.
 */
export interface WireRequest {
  method: 'POST' | 'PUT';
  path: string;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}
export interface EntityHandler<P = any> {
  request(idempotencyKey: string, payload: P): WireRequest;
}

const handlers = new Map<string, EntityHandler>();

export function registerEntity<P>(kind: string, handler: EntityHandler<P>): void {
  handlers.set(kind, handler);
}

export function entityHandler(kind: string): EntityHandler {
  const h = handlers.get(kind);
  if (!h) throw new Error(`no offline handler registered for ${kind}`);
  return h;
}

/** The one call the outbox makes: send this entity under its key; resolves with the server's id. */
export interface SyncTransport {
  send(kind: string, idempotencyKey: string, payload: unknown): Promise<{ id: string }>;
}

export const httpTransport: SyncTransport = {
  async send(kind, idempotencyKey, payload) {
    const r = entityHandler(kind).request(idempotencyKey, payload);
    const { body } = await requestWithStatus<{ id?: string | number; testingTaskId?: number }>(r.path, {
      method: r.method,
      ...(r.form ? { form: r.form } : { json: r.json }),
      ...(r.headers ? { headers: r.headers } : {}),
    });
    return { id: String(body?.id ?? body?.testingTaskId ?? '') };
  },
};

/** A photo: POST /files with the key as the Idempotency-Key header. */
export interface PhotoPayload {
  blob: Blob;
  name: string;
}
registerEntity<PhotoPayload>('photo', {
  request: (key, p) => {
    const form = new FormData();
    form.append('file', p.blob, p.name);
    return { method: 'POST', path: '/files', form, headers: { 'Idempotency-Key': key } };
  },
});

/** A work log: PUT /work-logs/:idempotencyKey (an edit is the same request with other content). */
export interface WorkLogPayload {
  date: string;
  content: string;
  photoFileIds: string[];
  createdAtClient: string;
}
registerEntity<WorkLogPayload>('workLog', {
  request: (key, json) => ({ method: 'PUT', path: `/work-logs/${encodeURIComponent(key)}`, json }),
});

/** A testing task with its start request: multipart fields, the live photo, and the key in the body. */
export interface TestingTaskPayload {
  fields: Record<string, string>;
  photo: PhotoPayload;
}
registerEntity<TestingTaskPayload>('testingTask', {
  request: (key, p) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(p.fields)) form.append(k, v);
    form.append('idempotencyKey', key);
    form.append('photo', p.photo.blob, p.photo.name);
    return { method: 'POST', path: '/testing-tasks', form };
  },
});

/** 提交检测结果申请: like the start request (fields + live photo + key), for one started task. */
export interface TestingSubmitRequestPayload extends TestingTaskPayload {
  taskId: number;
}
registerEntity<TestingSubmitRequestPayload>('testingSubmitRequest', {
  request: (key, p) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(p.fields)) form.append(k, v);
    form.append('idempotencyKey', key);
    form.append('photo', p.photo.blob, p.photo.name);
    return { method: 'POST', path: `/testing-tasks/${p.taskId}/submit-requests`, form };
  },
});

/** 提交检测结果: every record of a task at once, photos already uploaded (their file ids in the records). */
export interface TestingSubmissionPayload {
  taskId: number;
  records: TestingRecordInput[];
}
registerEntity<TestingSubmissionPayload>('testingSubmission', {
  request: (key, p) => ({
    method: 'POST',
    path: `/testing-tasks/${p.taskId}/submission`,
    json: { idempotencyKey: key, records: p.records } satisfies z.input<typeof testingSubmissionSchema>,
  }),
});
