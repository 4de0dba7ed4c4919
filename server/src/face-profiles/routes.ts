import { positiveId } from '@xf/domain';
import './guard';
import './policies';
import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import {
  faceComparisonSchema,
  faceProfileListSchema,
  faceProfileViewSchema,
  idParamSchema,
  ownFaceProfileSchema,
  pageQuerySchema,
} from '@xf/domain';
import { Account } from '../accounts/models';
import { notFound } from '../core/errors';
import { route } from '../core/route';
import { findPage } from '../core/page';
import { FileNotFoundError } from '../platform/files/file-store';
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
const load = (params: { id: number }) => findProfile(params.id);

export const faceRoutes = [
  route({
    method: 'post',
    path: '/face-profiles',
    summary: '上传本人人脸底图（须只有一张清晰人脸），提交总队审核',
    response: faceProfileViewSchema,
    tag,
    kinds: FIELD_STAFF,
    upload: { field: 'photo', accept: ['image'] },
    handler: async ({ context, file, ctx }) => {
      const profile = await submitFaceProfile(context, file!);
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
    policy: { action: 'list', resource: 'face_profile' },
    query: pageQuerySchema.extend({
      status: z.enum(['pending', 'approved', 'rejected']).optional().meta({ label: '状态' }),
      institutionId: positiveId().optional().meta({ label: '机构' }),
    }),
    handler: async ({ query, actor }) => {
      const where: WhereOptions<FaceProfile> = {};
      if (query.status) Object.assign(where, { status: query.status });
      if (query.institutionId) {
        const ids = (
          await Account.findAll({ where: { institutionId: query.institutionId }, attributes: ['id'] })
        ).map((a) => a.id);
        Object.assign(where, { accountId: { [Op.in]: ids } });
      }
      const { rows, count } = await findPage(
        FaceProfile,
        {
          where,
          order: [['id', 'ASC']],
        },
        query.page,
        query.pageSize,
      );
      return {
        items: await presentProfiles(rows, actor),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  }),
  route({
    method: 'get',
    path: '/face-profiles/:id/photo',
    summary: '人脸底图照片（本人或总队）',
    tag,
    params: idParamSchema,
    policy: { action: 'readPhoto', resource: 'face_profile', load, refusal: '无权查看此人脸底图' },
    produces: 'image/jpeg',
    handler: async ({ subject: p, app, ctx }) => {
      const file = await StoredFile.findByPk(p.fileId);
      if (!file) throw notFound('人脸底图文件');
      ctx.set('Content-Type', file.mime);
      ctx.set('Cache-Control', 'private, max-age=3600');
      return app.files.stream(file.storageKey).catch((e: unknown) => {
        if (e instanceof FileNotFoundError) throw notFound('人脸底图文件');
        throw e;
      });
    },
  }),
  route({
    method: 'post',
    path: '/face-profiles/:id/approve',
    summary: '审核通过人脸底图',
    response: faceProfileViewSchema,
    tag,
    params: idParamSchema,
    policy: { action: 'approve', resource: 'face_profile', load },
    handler: async ({ subject, actor, context }) =>
      (await presentProfiles([await reviewFaceProfile(context, subject, 'approved', null)], actor))[0],
  }),
  route({
    method: 'post',
    path: '/face-profiles/:id/reject',
    summary: '驳回人脸底图（须填写原因）',
    response: faceProfileViewSchema,
    tag,
    params: idParamSchema,
    policy: { action: 'reject', resource: 'face_profile', load },
    body: z.object({
      reason: z
        .string()
        .trim()
        .min(2, { error: '请填写驳回原因（至少2个字）' })
        .max(300)
        .meta({ label: '驳回原因' }),
    }),
    handler: async ({ subject, body, actor, context }) =>
      (await presentProfiles([await reviewFaceProfile(context, subject, 'rejected', body.reason)], actor))[0],
  }),
  route({
    method: 'post',
    path: '/face/compare',
    summary: '现场照片与本人已审核的人脸底图比对',
    tag,
    kinds: FIELD_STAFF,
    guards: ['approvedFace'],
    upload: { field: 'photo', accept: ['image'] },
    response: faceComparisonSchema,
    handler: ({ app, actor, file }) => compareWithProfile(app, actor, file!.buffer, 'self_check'),
  }),
];
