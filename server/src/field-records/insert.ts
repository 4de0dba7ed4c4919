import {
  UniqueConstraintError,
  type Model,
  type ModelStatic,
  type Transaction,
  type WhereOptions,
} from 'sequelize';
import { conflict } from '../core/errors';
import { insertRows } from '../db/insert-rows';

type RecordModel = ModelStatic<Model & { id: number; idempotencyKey: string }>;

/**
 * A submission's records in one multi-row INSERT (see insertRows). A record key an earlier submission stored (the
 * unique index refuses the insert) is 409 naming the first such record: a stored record is changed only by
 * recording it again under a new key.
 */
export async function insertRecords(
  model: RecordModel,
  label: string,
  rows: (Record<string, unknown> & { idempotencyKey: string; operatorAccountId: number })[],
  transaction: Transaction,
): Promise<void>;
/**
 * With `withIds`: also the new rows' ids by record key, from the INSERT itself where the database returns rows
 * (MariaDB), else from one SELECT of the submission's rows (`where`, e.g. the task and the submission key).
 */
export async function insertRecords(
  model: RecordModel,
  label: string,
  rows: (Record<string, unknown> & { idempotencyKey: string; operatorAccountId: number })[],
  transaction: Transaction,
  withIds: { where: WhereOptions },
): Promise<Map<string, number>>;
export async function insertRecords(
  model: RecordModel,
  label: string,
  rows: (Record<string, unknown> & { idempotencyKey: string; operatorAccountId: number })[],
  transaction: Transaction,
  withIds?: { where: WhereOptions },
): Promise<Map<string, number> | void> {
  let returned: Record<'id' | 'idempotencyKey', unknown>[] | null;
  try {
    returned = await insertRows(
      model.sequelize!,
      model.tableName,
      rows,
      transaction,
      withIds ? (['id', 'idempotencyKey'] as const) : undefined,
    );
  } catch (e) {
    if (e instanceof UniqueConstraintError) throw await storedKeyRefusal(model, label, rows, transaction);
    throw e;
  }
  if (!withIds) return;
  // Plain rows: building a thousand model instances only to read two columns costs more than the query.
  const stored =
    returned ??
    ((await model.findAll({
      where: withIds.where,
      attributes: ['id', 'idempotencyKey'],
      raw: true,
      transaction,
    })) as unknown as Record<'id' | 'idempotencyKey', unknown>[]);
  return new Map(stored.map((r) => [String(r.idempotencyKey), Number(r.id)]));
}

async function storedKeyRefusal(
  model: RecordModel,
  label: string,
  rows: { idempotencyKey: string; operatorAccountId: number }[],
  transaction: Transaction,
) {
  const stored = await model.findAll({
    where: {
      operatorAccountId: rows[0]!.operatorAccountId,
      idempotencyKey: rows.map((r) => r.idempotencyKey),
    },
    attributes: ['id', 'idempotencyKey'],
    order: [['id', 'ASC']],
    transaction,
  });
  const keys = new Map(stored.map((r) => [r.idempotencyKey, r.id]));
  const i = rows.findIndex((r) => keys.has(r.idempotencyKey));
  if (i < 0) return conflict(`${label}：请求编号与已保存的${label}重复，请重试`, 'records');
  const key = rows[i]!.idempotencyKey;
  return conflict(
    `${label}第${i + 1}条：请求编号“${key}”已随之前的提交保存为${label}${keys.get(key)}，不能重复提交；重新记录请使用新的请求编号`,
    `records.${i}.idempotencyKey`,
  );
}
