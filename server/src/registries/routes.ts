import { positiveId } from '@xf/domain';
import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import {
  idParamSchema,
  pageQuerySchema,
  registryImportDetailSchema,
  registryImportListSchema,
  registryImportResultSchema,
  registryImportViewSchema,
  registryProjectListSchema,
  socialUnitListSchema,
} from '@xf/domain';
import { scopeWhere } from '../core/policy';
import { route } from '../core/route';
import { findPage } from '../core/page';
import { badRequest, notFound } from '../core/errors';
import { detachmentsById } from '../institutions/models';
import { institutionScope } from '../institutions/policies';
import { importInspection, importMinistry, recordRefusedImport } from './import-service';
import { RegistryChange, RegistryImport, RegistryProject, SocialUnit, type RegistryName } from './models';
import { presentImport } from './present';
import { pullFeed } from './pull-feed';
import { RegistryFileError } from '@xf/domain/registries/records';
import {
  buildInspectionTemplate,
  buildMinistryTemplate,
  parseInspectionWorkbook,
  parseMinistryWorkbook,
} from './workbook';

import './policies';
const tag = '登记系统导入';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const registries: RegistryName[] = ['ministry', 'inspection'];
const label = { ministry: '部局人员机构', inspection: '双随机单位项目' };

export const registryRoutes = [
  ...registries.flatMap((registry) => [
    route({
      method: 'get',
      path: `/registry/${registry}/template`,
      summary: `下载${label[registry]}导入模板（Excel）`,
      tag,
      policy: { action: 'downloadTemplate', resource: 'registry' },
      produces: XLSX,
      handler: async ({ ctx }) => {
        const buf = registry === 'ministry' ? await buildMinistryTemplate() : await buildInspectionTemplate();
        ctx.set('Content-Type', XLSX);
        ctx.set(
          'Content-Disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${label[registry]}导入模板.xlsx`)}`,
        );
        return buf;
      },
    }),
    route({
      method: 'post',
      path: `/registry/${registry}/imports`,
      summary: `上传Excel导入${label[registry]}数据（与上次导入比对：加入/变更/离开；错误行单独列出，其余照常导入）`,
      tag,
      policy: { action: 'import', resource: 'registry' },
      upload: { field: 'file', accept: ['spreadsheet'] },
      response: registryImportResultSchema,
      handler: async ({ file, context, ctx }) => {
        const meta = { source: 'excel' as const, fileName: file!.originalname };
        let parsed;
        try {
          parsed =
            registry === 'ministry'
              ? await parseMinistryWorkbook(file!.buffer)
              : await parseInspectionWorkbook(file!.buffer);
        } catch (e) {
          if (e instanceof RegistryFileError) {
            await recordRefusedImport(context, registry, meta, e.message);
            throw badRequest(`文件：${e.message}`, 'file');
          }
          throw e;
        }
        const rec =
          registry === 'ministry'
            ? await importMinistry(context, parsed as any, meta)
            : await importInspection(context, parsed as any, meta);
        ctx.status = 201;
        return { ...presentImport(rec), rowErrors: rec.rowErrors ?? [] };
      },
    }),
    route({
      method: 'post',
      path: `/registry/${registry}/pull`,
      summary: `立即从配置的接口拉取${label[registry]}数据`,
      tag,
      policy: { action: 'pull', resource: 'registry' },
      response: registryImportViewSchema,
      handler: async ({ context }) => presentImport(await pullFeed(context, registry)),
    }),
  ]),
  route({
    method: 'get',
    path: '/registry/imports',
    summary: '导入历史',
    tag,
    policy: { action: 'listImports', resource: 'registry' },
    query: pageQuerySchema.extend({
      registry: z.enum(['ministry', 'inspection']).optional().meta({ label: '名录' }),
    }),
    response: registryImportListSchema,
    handler: async ({ query }) => {
      const where = query.registry ? { registry: query.registry } : {};
      const { rows, count } = await findPage(
        RegistryImport,
        {
          where,
          order: [['id', 'DESC']],
        },
        query.page,
        query.pageSize,
      );
      return { items: rows.map(presentImport), total: count, page: query.page, pageSize: query.pageSize };
    },
  }),
  route({
    method: 'get',
    path: '/registry/imports/:id',
    summary: '一次导入的明细：变动清单与错误行',
    tag,
    policy: { action: 'listImports', resource: 'registry' },
    params: idParamSchema,
    query: pageQuerySchema.extend({
      change: z.enum(['joined', 'changed', 'left']).optional().meta({ label: '变动类别' }),
      entity: z.string().max(30).optional().meta({ label: '对象' }),
    }),
    response: registryImportDetailSchema,
    handler: async ({ params, query }) => {
      const rec = await RegistryImport.findByPk(params.id);
      if (!rec) throw notFound('导入记录');
      const where: WhereOptions<RegistryChange> = { importId: rec.id };
      if (query.change) Object.assign(where, { change: query.change });
      if (query.entity) Object.assign(where, { entity: query.entity });
      const { rows, count } = await findPage(
        RegistryChange,
        {
          where,
          order: [['id', 'ASC']],
        },
        query.page,
        query.pageSize,
      );
      return {
        ...presentImport(rec),
        rowErrors: rec.rowErrors ?? [],
        changes: {
          items: rows.map((c) => ({
            entity: c.entity,
            entityLabel:
              {
                institution: '机构',
                person: '人员',
                social_unit: '社会单位',
                registry_project: '双随机项目',
              }[c.entity] ?? c.entity,
            key:
              c.entity === 'person'
                ? `${c.entityKey.slice(0, 6)}********${c.entityKey.slice(-4)}`
                : c.entityKey,
            name: c.name,
            change: c.change,
            changeLabel: { joined: '加入', changed: '变更', left: '离开' }[c.change],
            fields: c.fields,
            on: c.on,
          })),
          total: count,
          page: query.page,
          pageSize: query.pageSize,
        },
      };
    },
  }),
  route({
    method: 'get',
    path: '/social-units',
    summary: '搜索双随机系统中的社会单位（名称至少2个字）',
    tag,
    query: pageQuerySchema.extend({
      q: z.string().trim().min(2, { error: '名字至少输入2个字' }).max(100).meta({ label: '名字' }),
    }),
    response: socialUnitListSchema,
    handler: async ({ query }) => {
      const { rows, count } = await findPage(
        SocialUnit,
        {
          where: { inRegistry: true, [Op.or]: [{ name: { [Op.like]: `%${query.q}%` } }, { uscc: query.q }] },
          order: [['id', 'ASC']],
        },
        query.page,
        query.pageSize,
      );
      const detachments = await detachmentsById();
      return {
        items: rows.map((u) => ({
          id: u.id,
          name: u.name,
          uscc: u.uscc,
          address: u.address,
          district: u.district,
          safetyLevel: u.safetyLevel,
          unitType: u.unitType,
          detachmentId: u.detachmentId,
          detachmentName: (u.detachmentId ? detachments.get(u.detachmentId)?.name : null) ?? null,
        })),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  }),
  route({
    method: 'get',
    path: '/registry-projects',
    summary: '双随机系统中的维保/检测项目',
    tag,
    query: pageQuerySchema.extend({
      institutionId: positiveId().optional().meta({ label: '机构' }),
      kind: z.enum(['maintenance', 'testing']).optional().meta({ label: '类别' }),
      q: z.string().max(100).optional().meta({ label: '关键字' }),
    }),
    response: registryProjectListSchema,
    handler: async ({ query, actor }) => {
      const filters: WhereOptions<RegistryProject>[] = [
        { inRegistry: true },
        scopeWhere(await institutionScope(actor, 'institutionId')),
      ];
      if (query.institutionId) filters.push({ institutionId: query.institutionId });
      if (query.kind) filters.push({ kind: query.kind });
      if (query.q) filters.push({ socialUnitName: { [Op.like]: `%${query.q}%` } });
      const { rows, count } = await findPage(
        RegistryProject,
        {
          where: { [Op.and]: filters },
          order: [['id', 'ASC']],
        },
        query.page,
        query.pageSize,
      );
      return {
        items: rows.map((p) => ({
          id: p.id,
          externalId: p.externalId,
          kind: p.kind,
          kindLabel: p.kind === 'maintenance' ? '维保' : '检测',
          institutionId: p.institutionId,
          socialUnitId: p.socialUnitId,
          socialUnitName: p.socialUnitName,
          startDate: p.startDate,
          endDate: p.endDate,
        })),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  }),
];
