import { createApi, type ApiRequest, type Transport } from '@xf/domain/api-client/index';
import { request, uploadTempFile } from './http';

/** What the mini-program uploads: a Blob on H5 (camera, IndexedDB), a temp-file path in WeChat. */
export type UploadFile = { blob: Blob; name: string } | { tempFilePath: string };

/** Query fields as the server reads them; empty values are left out. */
function withQuery(path: string, query?: object): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

const formFields = (body: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]),
  );

const transport: Transport<UploadFile> = {
  request<T>(r: ApiRequest<UploadFile>): Promise<T> {
    const path = withQuery(r.path, r.query);
    if (r.upload) {
      const { field, file } = r.upload;
      if ('tempFilePath' in file)
        return uploadTempFile<T>(path, file.tempFilePath, field, {
          formData: formFields(r.body),
          headers: r.headers,
        });
      const form = new FormData();
      for (const [k, v] of Object.entries(formFields(r.body))) form.append(k, v);
      form.append(field, file.blob, file.name);
      return request<T>(path, { method: 'POST', form, headers: r.headers });
    }
    if (r.method === 'PATCH') throw new Error('PATCH is not used by the mini-program');
    return request<T>(path, { method: r.method, json: r.body, headers: r.headers });
  },
};

/** The server's routes as typed functions (domain/src/api-client, generated from the route definitions). */
export const api = createApi(transport);
