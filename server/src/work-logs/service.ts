import { Op } from 'sequelize';
import type { PutWorkLogInput, WorkLogView } from '@xf/domain';
import { Account } from '../accounts/models';
import { actorOf, type RequestContext } from '../core/command';
import { createOnce } from '../core/idempotent';
import { badRequest } from '../core/errors';
import { StoredFile } from '../files/model';
import { WorkLog } from './model';

async function assertOwnPhotos(accountId: number, ids: number[]) {
  if (!ids.length) return;
  const files = await StoredFile.findAll({
    where: { id: { [Op.in]: ids }, ownerAccountId: accountId, category: 'image' },
  });
  if (files.length !== new Set(ids).size) throw badRequest('照片：只能引用本人已上传的图片', 'photoFileIds');
}

const content = (l: Pick<WorkLog, 'date' | 'content' | 'photoFileIds'>) => ({
  date: l.date,
  content: l.content,
  photoFileIds: l.photoFileIds,
});

/**
 * Create once by the phone's key: the first delivery creates, a replay of the same entry returns it
 * unchanged, an edit made offline (same key, other content) updates it. Field data is never duplicated
 * however often the outbox retries.
 */
export async function putWorkLog(context: RequestContext, idempotencyKey: string, input: PutWorkLogInput) {
  const actor = actorOf(context);
  await assertOwnPhotos(actor.id, input.photoFileIds);
  const values = {
    date: input.date,
    content: input.content,
    photoFileIds: input.photoFileIds,
    createdAtClient: input.createdAtClient ? new Date(input.createdAtClient) : null,
  };
  const audit = (log: WorkLog) => ({
    entityType: 'work_log',
    entityId: log.id,
    institutionId: log.institutionId,
  });
  const { result, replayed } = await createOnce(context, {
    kind: 'work_log',
    key: idempotencyKey,
    // What the operator wrote; the client's timestamp does not make an entry different.
    payload: content(values),
    action: 'work_log.created',
    create: async ({ transaction }) => {
      const log = await WorkLog.create(
        { ...values, accountId: actor.id, institutionId: actor.institutionId!, idempotencyKey },
        { transaction },
      );
      return { id: log.id, result: log, audit: { ...audit(log), after: { idempotencyKey, ...values } } };
    },
    replay: async (id) => (await WorkLog.findByPk(Number(id)))!,
    update: {
      action: 'work_log.updated',
      run: async ({ transaction }, id) => {
        const log = (await WorkLog.findByPk(Number(id), { transaction, lock: transaction.LOCK.UPDATE }))!;
        const before = content(log);
        await log.update(values, { transaction });
        return { result: log, audit: { ...audit(log), before, after: values } };
      },
    },
  });
  return { log: result, created: !replayed };
}

export async function presentWorkLogs(logs: WorkLog[]): Promise<WorkLogView[]> {
  const authors = new Map(
    (
      await Account.findAll({
        where: { id: [...new Set(logs.map((l) => l.accountId))] },
        attributes: ['id', 'displayName'],
      })
    ).map((a) => [a.id, a.displayName]),
  );
  return logs.map((l) => ({
    id: l.id,
    idempotencyKey: l.idempotencyKey,
    accountId: l.accountId,
    authorName: authors.get(l.accountId) ?? '',
    date: l.date,
    content: l.content,
    photos: l.photoFileIds.map((id) => ({ id, url: `/api/files/${id}` })),
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  }));
}
