import { z } from 'zod';
import {
  isoDate,
  standardEditionDiffViewSchema,
  standardEditionListSchema,
  standardEditionPreviewSchema,
  standardEditionSummarySchema,
  standardEditionViewSchema,
} from '@xf/domain';
import { route } from '../core/route';
import { beijingToday, isoTimeOrNull } from '../core/time';
import { StandardEditionRecord } from './model';
import {
  allEditions,
  editionForDate,
  editionFromJson,
  editionFromWorkbook,
  editionWorkbook,
  findEdition,
  previewEdition,
  publishEdition,
  summarizeEdition,
} from './service';

import './policies';
const tag = '标准版本';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const dryRun = z.object({ dryRun: z.enum(['true', 'false']).optional().meta({ label: '仅预览' }) });

export const standardRoutes = [
  route({
    method: 'get',
    path: '/standard-editions',
    summary: '标准版本列表（内置与总队发布的更正版本）',
    tag,
    response: standardEditionListSchema,
    handler: async () =>
      (await allEditions()).map((e) => ({
        ...summarizeEdition(e.edition),
        source: e.source,
        publishedAt: isoTimeOrNull(e.publishedAt),
      })),
  }),
  route({
    method: 'get',
    path: '/standard-editions/in-force',
    summary: '某日生效的标准版本（项目创建时锁定）',
    tag,
    query: z.object({ date: isoDate.optional().meta({ label: '日期' }) }),
    response: standardEditionSummarySchema,
    handler: async ({ query }) => summarizeEdition(await editionForDate(query.date ?? beijingToday())),
  }),
  route({
    method: 'get',
    path: '/standard-editions/:id',
    summary: '标准版本全文（维保目录与检测目录）',
    tag,
    params: z.object({ id: z.string().min(1).max(100).meta({ label: '标准版本' }) }),
    response: standardEditionViewSchema,
    handler: ({ params }) => findEdition(params.id),
  }),
  route({
    method: 'get',
    path: '/standard-editions/:id/workbook',
    summary: '下载标准版本的Excel（即导入模板：修改后作为新版本上传）',
    tag,
    policy: { action: 'downloadWorkbook', resource: 'standard_edition' },
    params: z.object({ id: z.string().min(1).max(100).meta({ label: '标准版本' }) }),
    produces: XLSX,
    handler: async ({ params, ctx }) => {
      const edition = await findEdition(params.id);
      ctx.set('Content-Type', XLSX);
      ctx.set(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`${edition.id}.xlsx`)}`,
      );
      return editionWorkbook(edition);
    },
  }),
  route({
    method: 'get',
    path: '/standard-editions/:id/diff',
    summary: '该版本相对上一版本的差异',
    tag,
    params: z.object({ id: z.string().min(1).max(100).meta({ label: '标准版本' }) }),
    response: standardEditionDiffViewSchema,
    handler: async ({ params }) => {
      const rec = await StandardEditionRecord.findOne({ where: { editionId: params.id } });
      await findEdition(params.id);
      return { previousEditionId: rec?.previousEditionId ?? null, diff: rec?.diff ?? null };
    },
  }),
  route({
    method: 'post',
    path: '/standard-editions/json',
    summary: '总队发布更正版本（JSON）；dryRun=true 只校验并返回差异',
    tag,
    policy: { action: 'publish', resource: 'standard_edition' },
    query: dryRun,
    body: z.object({ edition: z.unknown().meta({ label: '标准版本' }) }),
    response: standardEditionPreviewSchema,
    handler: async ({ body, query, context, ctx }) => {
      const edition = editionFromJson(body.edition);
      if (query.dryRun === 'true') return previewEdition(edition);
      ctx.status = 201;
      return publishEdition(context, edition, 'json');
    },
  }),
  route({
    method: 'post',
    path: '/standard-editions/excel',
    summary: '总队发布更正版本（Excel）；dryRun=true 只校验并返回差异',
    tag,
    policy: { action: 'publish', resource: 'standard_edition' },
    query: dryRun,
    upload: { field: 'file', accept: ['spreadsheet'] },
    response: standardEditionPreviewSchema,
    handler: async ({ file, query, context, ctx }) => {
      const edition = await editionFromWorkbook(file!.buffer);
      if (query.dryRun === 'true') return previewEdition(edition);
      ctx.status = 201;
      return publishEdition(context, edition, 'excel');
    },
  }),
];
