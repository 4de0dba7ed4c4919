import { idParamSchema } from '@xf/domain';
import { authorize } from '../core/policy';
import { route } from '../core/route';
import { findFile, presentFile, storeUpload } from './service';
import './policies';

export const fileRoutes = [
  route({
    method: 'post',
    path: '/files',
    summary: '上传文件（图片≤10MB，文档≤50MB，按内容识别类型；可带 Idempotency-Key 防止重复）',
    tag: '文件',
    upload: { field: 'file', accept: ['image', 'document', 'spreadsheet', 'video'] },
    handler: async ({ app, actor, file, ctx }) => {
      const key = ctx.get('idempotency-key') || undefined;
      const { file: stored, replayed } = await storeUpload(app, actor, file!, key);
      ctx.status = replayed ? 200 : 201;
      return presentFile(stored);
    },
  }),
  route({
    method: 'get',
    path: '/files/:id',
    summary: '下载文件（按机构隔离）',
    tag: '文件',
    params: idParamSchema,
    produces: 'application/octet-stream',
    handler: async ({ params, actor, app, ctx }) => {
      const f = await findFile(params.id);
      await authorize(actor, 'read', 'file', f, '无权查看此文件');
      ctx.set('Content-Type', f.mime);
      ctx.set('Cache-Control', 'private, max-age=86400');
      return app.files.get(f.storageKey);
    },
  }),
];
