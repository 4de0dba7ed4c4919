import { requestWithStatus } from '../api/http';
import type { WorkLogView } from '@xf/domain/api/work-logs';

/** The server calls the outbox makes; every one is idempotent by the client id it carries. */
export interface SyncTransport {
  uploadPhoto(blob: Blob, fileName: string, clientId: string): Promise<{ id: string }>;
  putWorkLog(
    clientId: string,
    body: { date: string; content: string; photoFileIds: string[]; createdAtClient: string },
  ): Promise<{ id: string }>;
}

export const httpTransport: SyncTransport = {
  async uploadPhoto(blob, fileName, clientId) {
    const form = new FormData();
    form.append('file', blob, fileName);
    form.append('clientId', clientId);
    const { body } = await requestWithStatus<{ id: string | number }>('/files', {
      method: 'POST',
      form,
      headers: { 'Idempotency-Key': clientId },
    });
    return { id: String(body.id) };
  },
  async putWorkLog(clientId, payload) {
    const { body } = await requestWithStatus<WorkLogView>(`/work-logs/${encodeURIComponent(clientId)}`, {
      method: 'PUT',
      json: payload,
    });
    return { id: String(body.id) };
  },
};
