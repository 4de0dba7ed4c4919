// Standard editions (标准版本): shapes of server/src/standards/routes.ts; the catalog types come from @xf/domain.
import { api, downloadFile } from './client';

export type { EditionChange, EditionDiff } from '@xf/domain/catalog/edition-diff';
export type {
  MaintenanceContentLine,
  SourceRef,
  StandardEdition,
  TestItem,
  TestSingleItem,
} from '@xf/domain/catalog/types';

export type EditionSource = 'built_in' | 'json' | 'excel';

export const EDITION_SOURCE_LABELS: Record<EditionSource, string> = {
  built_in: '系统内置',
  json: 'JSON文件发布',
  excel: 'Excel文件发布',
};

// Response shapes come from the server's schemas through the typed client.
export type EditionSummary = Awaited<ReturnType<typeof api.getStandardEditions>>[number];
/** What a publication would do (dry run), or did (publish): the diff against the edition in force before. */
export type EditionPreview = Awaited<ReturnType<typeof api.postStandardEditionsJson>>;
export type PublishedDiff = Awaited<ReturnType<typeof api.getStandardEditionDiff>>;

/** An upload waiting for 确认发布: the same payload is sent again without dryRun. */
export type EditionUpload =
  { kind: 'excel'; file: File } | { kind: 'json'; fileName: string; edition: unknown };

const base = (id: string) => `/standard-editions/${encodeURIComponent(id)}`;

export const standardsApi = {
  list: () => api.getStandardEditions(),
  inForce: () => api.getStandardEditionsInForce(),
  get: (id: string) => api.getStandardEdition(id),
  diff: (id: string) => api.getStandardEditionDiff(id),
  downloadWorkbook: (id: string) => downloadFile(`${base(id)}/workbook`, `标准版本_${id}.xlsx`),
  /** dryRun=true validates and returns the diff; nothing is stored. */
  submit: (upload: EditionUpload, dryRun: boolean) => {
    const query = dryRun ? ({ dryRun: 'true' } as const) : undefined;
    return upload.kind === 'json'
      ? api.postStandardEditionsJson({ edition: upload.edition }, query)
      : api.postStandardEditionsExcel(upload.file, query);
  },
};

/**
 * Reads a JSON edition file in the browser. Accepts the edition itself or `{ "edition": … }`
 * (the request body shape), so a file saved from either place can be uploaded.
 */
export async function readEditionJson(file: File): Promise<unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch (e) {
    throw new Error(`文件“${file.name}”不是有效的JSON：${e instanceof Error ? e.message : String(e)}`);
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const o = parsed as Record<string, unknown>;
    if ('edition' in o && !('maintenance' in o)) return o.edition;
  }
  return parsed;
}
