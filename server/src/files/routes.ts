import { idParamSchema, storedFileViewSchema } from '@xf/domain';
import { notFound } from '../core/errors';
import { route } from '../core/route';
import { FileNotFoundError } from '../platform/files/file-store';
import { findFile, presentFile, storeFile } from './service';
import './policies';

const tag = '文件';

export const fileRoutes = [
  route({
    method: 'post',
    path: '/files',
    summary:
      '上传文件（图片≤10MB，文档≤50MB，视频（MP4、MOV，维保记录的现场视频）≤50MB，大小可配置，按内容识别类型；可带请求头 Idempotency-Key：同一请求编号重放返回原文件，内容不同则拒绝）',
    tag,
    policy: { action: 'create', resource: 'file' },
    upload: { field: 'file', accept: ['image', 'document', 'spreadsheet', 'video'] },
    response: storedFileViewSchema,
    handler: async ({ context, file, ctx }) => {
      const key = ctx.get('idempotency-key') || undefined;
      const { file: stored, replayed } = await storeFile(context, file!, key);
      ctx.status = replayed ? 200 : 201;
      return presentFile(stored);
    },
  }),
  route({
    method: 'get',
    path: '/files/:id',
    summary: '下载文件（按机构隔离）',
    tag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'file', load: (params) => findFile(params.id) },
    produces: 'application/octet-stream',
    handler: async ({ subject: f, app, ctx }) => {
      ctx.set('Content-Type', f.mime);
      ctx.set('Cache-Control', 'private, max-age=86400');
      // The browser takes the stored type as given; anything but a picture is downloaded, never rendered.
      ctx.set('X-Content-Type-Options', 'nosniff');
      if (f.category !== 'image') {
        const name = f.originalName || `文件${f.id}`;
        ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      }
      // Streamed from the file store (local disk or OSS): a download never holds the whole file in memory.
      return app.files.stream(f.storageKey).catch((e: unknown) => {
        if (e instanceof FileNotFoundError) throw notFound('文件');
        throw e;
      });
    },
  }),
];
