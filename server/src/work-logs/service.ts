import { Op, UniqueConstraintError } from 'sequelize';
import type { PutWorkLogInput, WorkLogView } from '@xf/domain';
import { Account } from '../accounts/models';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { badRequest } from '../core/errors';
import { StoredFile } from '../files/model';
import { recordOperation } from '../operation-log/record';
import { WorkLog } from './model';

async function assertOwnPhotos(actor: Actor, ids: number[]) {
  if (!ids.length) return;
  const files = await StoredFile.findAll({
    where: { id: { [Op.in]: ids }, ownerAccountId: actor.id, category: 'image' },
  });
  if (files.length !== new Set(ids).size)
    throw badRequest('照片（photoFileIds）：只能引用本人已上传的图片', 'photoFileIds');
}

/**
 * Upsert by the client's id: the first delivery creates, a replay of the same entry returns it unchanged,
 * an edit made offline updates it. Field data is never duplicated however often the outbox retries.
 */
export async function putWorkLog(
  app: AppContext,
  actor: Actor,
  clientId: string,
  input: PutWorkLogInput,
  requestId: string,
) {
  await assertOwnPhotos(actor, input.photoFileIds);
  const values = {
    date: input.date,
    content: input.content,
    photoFileIds: input.photoFileIds,
    createdAtClient: input.createdAtClient ? new Date(input.createdAtClient) : null,
  };
  const existing = await WorkLog.findOne({ where: { accountId: actor.id, clientId } });
  if (existing) {
    const same =
      existing.date === values.date &&
      existing.content === values.content &&
      JSON.stringify(existing.photoFileIds) === JSON.stringify(values.photoFileIds);
    if (!same)
      await app.sequelize.transaction(async (t) => {
        const before = {
          date: existing.date,
          content: existing.content,
          photoFileIds: existing.photoFileIds,
        };
        await existing.update(values, { transaction: t });
        await recordOperation(
          t,
          actor,
          {
            action: 'work_log.updated',
            entityType: 'work_log',
            entityId: existing.id,
            institutionId: existing.institutionId,
            before,
            after: values,
          },
          requestId,
        );
      });
    return { log: existing, created: false };
  }
  try {
    const log = await app.sequelize.transaction(async (t) => {
      const row = await WorkLog.create(
        { ...values, accountId: actor.id, institutionId: actor.institutionId!, clientId },
        { transaction: t },
      );
      await recordOperation(
        t,
        actor,
        {
          action: 'work_log.created',
          entityType: 'work_log',
          entityId: row.id,
          institutionId: row.institutionId,
          after: { clientId, ...values },
        },
        requestId,
      );
      return row;
    });
    return { log, created: true };
  } catch (e) {
    // A concurrent duplicate delivery lost the race on the unique index: answer with the stored entry.
    if (e instanceof UniqueConstraintError)
      return { log: (await WorkLog.findOne({ where: { accountId: actor.id, clientId } }))!, created: false };
    throw e;
  }
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
    clientId: l.clientId,
    accountId: l.accountId,
    authorName: authors.get(l.accountId) ?? '',
    date: l.date,
    content: l.content,
    photos: l.photoFileIds.map((id) => ({ id, url: `/api/files/${id}` })),
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  }));
}
