// Standard editions (标准版本): shapes of server/src/standards/routes.ts; the catalog types come from @xf/domain.
import type { EditionDiff } from '@xf/domain/catalog/edition-diff';
import type { StandardEdition } from '@xf/domain/catalog/types';
import { http, downloadFile } from './client';

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

export interface EditionSummary {
  id: string;
  title: string;
  effectiveDate: string;
  sources: string[];
  counts: { maintenanceSystems: number; maintenanceLines: number; singleItems: number; testItems: number };
  source: EditionSource;
  publishedAt: string | null;
}

/** What a publication would do (dry run), or did (publish): the diff against the edition in force before. */
export interface EditionPreview {
  edition: StandardEdition;
  previousEditionId: string | null;
  diff: EditionDiff | null;
  diffText: string | null;
}

export interface PublishedDiff {
  previousEditionId: string | null;
  diff: EditionDiff | null;
}

/** An upload waiting for 确认发布: the same payload is sent again without dryRun. */
export type EditionUpload =
  { kind: 'excel'; file: File } | { kind: 'json'; fileName: string; edition: unknown };

const base = (id: string) => `/standard-editions/${encodeURIComponent(id)}`;

export const standardsApi = {
  list: () => http.get<EditionSummary[]>('/standard-editions'),
  inForce: () => http.get<Omit<EditionSummary, 'source' | 'publishedAt'>>('/standard-editions/in-force'),
  get: (id: string) => http.get<StandardEdition>(base(id)),
  diff: (id: string) => http.get<PublishedDiff>(`${base(id)}/diff`),
  downloadWorkbook: (id: string) => downloadFile(`${base(id)}/workbook`, `标准版本_${id}.xlsx`),
  /** dryRun=true validates and returns the diff; nothing is stored. */
  submit: (upload: EditionUpload, dryRun: boolean) => {
    const query = dryRun ? '?dryRun=true' : '';
    if (upload.kind === 'json') {
      return http.post<EditionPreview>(`/standard-editions/json${query}`, { edition: upload.edition });
    }
    const fd = new FormData();
    fd.append('file', upload.file);
    return http.upload<EditionPreview>(`/standard-editions/excel${query}`, fd);
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
