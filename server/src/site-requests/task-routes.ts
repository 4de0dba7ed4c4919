import {
  filedTaskSiteRequestSchema,
  idParamSchema,
  taskSiteRequestSchema,
  type LocationFix,
  type SiteRequestKind,
} from '@xf/domain';
import type { RequestContext } from '../core/command';
import type { CreateOnceResult } from '../core/idempotent';
import { route } from '../core/route';
import type { Upload } from '../files/service';
import type { SiteRequest } from './models';
import { presentSiteRequests } from './present';

/**
 * 开始申请 (again, after a refusal) and 提交申请 of a task, for each kind of task that files site requests (测试任务,
 * 维保任务): the same two routes under the task's path, with the task's own policy resource, loader and filing.
 */
export function taskRequestRoutes<T>(task: {
  path: string;
  resource: string;
  tag: string;
  load: (params: { id: number }) => Promise<T>;
  file: (
    context: RequestContext,
    subject: T,
    kind: SiteRequestKind,
    input: LocationFix & { idempotencyKey: string },
    photo: Upload,
  ) => Promise<CreateOnceResult<SiteRequest>>;
  summaries: Record<SiteRequestKind, string>;
}) {
  const filing = (kind: SiteRequestKind) =>
    route({
      method: 'post',
      path: `${task.path}/:id/${kind}-requests`,
      summary: task.summaries[kind],
      tag: task.tag,
      params: idParamSchema,
      policy: {
        action: kind === 'start' ? 'requestStart' : 'requestSubmit',
        resource: task.resource,
        load: task.load,
      },
      guards: ['approvedFace'],
      upload: { field: 'photo', accept: ['image'] },
      body: taskSiteRequestSchema,
      response: filedTaskSiteRequestSchema,
      handler: async ({ subject, body, context, file, ctx }) => {
        const { result, replayed } = await task.file(context, subject, kind, body, file!);
        ctx.status = replayed ? 200 : 201;
        return { ...(await presentSiteRequests([result]))[0]!, replayed };
      },
    });
  return [filing('start'), filing('submit')];
}
