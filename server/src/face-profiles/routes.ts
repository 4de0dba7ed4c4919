import './guard';
import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import {
  faceProfileListSchema,
  faceProfileViewSchema,
  idParamSchema,
  ownFaceProfileSchema,
  pageQuerySchema,
} from '@xf/domain';
import { Account } from '../accounts/models';
import { forbidden, notFound } from '../core/errors';
import { route } from '../core/route';
import { StoredFile } from '../files/model';
import { FaceProfile } from './models';
import {
  compareWithProfile,
  findProfile,
  presentProfiles,
  reviewFaceProfile,
  submitFaceProfile,
} from './service';

const tag = '人脸底图';
const FIELD_STAFF = ['technical_lead', 'project_lead', 'operator'] as const;

export const faceRoutes = [
  route({
    method: 'post',
    path: '/face-profiles',
    summary: '上传本人人脸底图（须只有一张清晰人脸），提交总队审核',
    response: faceProfileViewSchema,
    tag,
    kinds: FIELD_STAFF,
    upload: { field: 'photo', accept: ['image'] },
    handler: async ({ app, actor, file, requestId, ctx }) => {
      const profile = await submitFaceProfile(app, actor, file!, requestId);
      ctx.status = 201;
      return (await presentProfiles([profile]))[0];
    },
  }),
  route({
    method: 'get',
    path: '/face-profiles/me',
    summary: '本人最近一次上传的人脸底图及审核状态',
    response: ownFaceProfileSchema,
    tag,
    kinds: FIELD_STAFF,
    handler: async ({ actor }) => {
      const p = await FaceProfile.findOne({ where: { accountId: actor.id }, order: [['id', 'DESC']] });
      return p ? (await presentProfiles([p]))[0] : { status: 'none', statusLabel: '未上传' };
    },
  }),
  route({
    method: 'get',
    path: '/face-profiles',
    summary: '人脸底图审核队列（总队）',
    response: faceProfileListSchema,
    tag,
    kinds: ['brigade'],
    query: pageQuerySchema.extend({
      status: z.enum(['pending', 'approved', 'rejected']).optional(),
      institutionId: z.coerce.number().int().positive().optional(),
    }),
    handler: async ({ query }) => {
      const where: WhereOptions<FaceProfile> = {};
      if (query.status) Object.assign(where, { status: query.status });
      if (query.institutionId) {
        const ids = (
          await Account.findAll({ where: { institutionId: query.institutionId }, attributes: ['id'] })
        ).map((a) => a.id);
        Object.assign(where, { accountId: { [Op.in]: ids } });
      }
      const { rows, count } = await FaceProfile.findAndCountAll({
        where,
        order: [['id', 'ASC']],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: await presentProfiles(rows), total: count, page: query.page, pageSize: query.pageSize };
    },
  }),
  route({
    method: 'get',
    path: '/face-profiles/:id/photo',
    summary: '人脸底图照片（本人或总队）',
    tag,
    params: idParamSchema,
    produces: 'image/jpeg',
    handler: async ({ params, actor, app, ctx }) => {
      const p = await findProfile(params.id);
      if (actor.kind !== 'brigade' && p.accountId !== actor.id) throw forbidden('无权查看此人脸底图');
      const file = await StoredFile.findByPk(p.fileId);
      if (!file) throw notFound('人脸底图文件');
      ctx.set('Content-Type', file.mime);
      ctx.set('Cache-Control', 'private, max-age=3600');
      return app.files.get(file.storageKey);
    },
  }),
  route({
    method: 'post',
    path: '/face-profiles/:id/approve',
    summary: '审核通过人脸底图',
    response: faceProfileViewSchema,
    tag,
    kinds: ['brigade'],
    params: idParamSchema,
    handler: async ({ params, actor, app, requestId }) => {
      const p = await reviewFaceProfile(
        app,
        actor,
        await findProfile(params.id),
        'approved',
        null,
        requestId,
      );
      return (await presentProfiles([p]))[0];
    },
  }),
  route({
    method: 'post',
    path: '/face-profiles/:id/reject',
    summary: '驳回人脸底图（须填写原因）',
    response: faceProfileViewSchema,
    tag,
    kinds: ['brigade'],
    params: idParamSchema,
    body: z.object({ reason: z.string().trim().min(2, { error: '请填写驳回原因（至少2个字）' }).max(300) }),
    handler: async ({ params, body, actor, app, requestId }) => {
      const p = await reviewFaceProfile(
        app,
        actor,
        await findProfile(params.id),
        'rejected',
        body.reason,
        requestId,
      );
      return (await presentProfiles([p]))[0];
    },
  }),
  route({
    method: 'post',
    path: '/face/compare',
    summary: '现场照片与本人已审核的人脸底图比对',
    tag,
    kinds: FIELD_STAFF,
    guards: ['approvedFace'],
    upload: { field: 'photo', accept: ['image'] },
    handler: ({ app, actor, file }) => compareWithProfile(app, actor, file!.buffer, 'self_check'),
  }),
];
