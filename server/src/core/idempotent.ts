import { createHash } from 'node:crypto';
import { Model, UniqueConstraintError, type Sequelize } from 'sequelize';
import { IDEMPOTENCY_KEY_PATTERN } from '@xf/domain';
import { date, int, pk, str } from '../db/columns';
import { actorOf, runCommand, type Audit, type CommandContext, type RequestContext } from './command';
import { badRequest, conflict } from './errors';

/** One row per (account, kind, key): the record that a device-generated key has been used, and for what. */
export class IdempotencyRecord extends Model {
  declare id: number;
  declare accountId: number;
  declare kind: string;
  declare idempotencyKey: string;
  declare fingerprint: string | null;
  declare entityId: string | null;
  declare createdAt: Date;
}

export function initIdempotencyModel(sequelize: Sequelize) {
  IdempotencyRecord.init(
    {
      id: pk,
      accountId: int(false),
      kind: str(40, false),
      idempotencyKey: str(80, false),
      fingerprint: str(64),
      entityId: str(40),
      createdAt: date(false),
    },
    { sequelize, tableName: 'idempotency_records', updatedAt: false },
  );
}

/** A stable hash of what was sent: key order does not matter; Buffers hash their bytes. */
export function fingerprintOf(value: unknown): string {
  const hash = createHash('sha256');
  const feed = (v: unknown): void => {
    if (Buffer.isBuffer(v)) hash.update(`b${v.length}:`).update(v);
    else if (Array.isArray(v)) {
      hash.update('[');
      v.forEach((x) => (feed(x), hash.update(',')));
      hash.update(']');
    } else if (v instanceof Date) hash.update(`d${v.toISOString()}`);
    else if (v && typeof v === 'object') {
      hash.update('{');
      for (const k of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined) continue;
        hash.update(JSON.stringify(k) + ':');
        feed(x);
        hash.update(',');
      }
      hash.update('}');
    } else hash.update(JSON.stringify(v) ?? 'u');
  };
  feed(value);
  return hash.digest('hex');
}

export interface CreateOnceSpec<R> {
  /** What is created (`work_log`, `file`, `testing_task`, …): keys are unique per account and kind. */
  kind: string;
  /** The device-generated key (`idempotencyKey` in every API). */
  key: string;
  /** What was sent; a replay must send the same, or it is refused (or, with `update`, applied). */
  payload: unknown;
  /** The operation-log action of the creation. */
  action: string;
  create: (c: CommandContext) => Promise<{ id: number | string; result: R; audit: Audit | Audit[] | null }>;
  /** The original result, for a replay. */
  replay: (id: string) => Promise<R>;
  /**
   * For an entity the device may edit after creating it (a work log edited offline): a different payload
   * under the same key updates it instead of being refused.
   */
  update?: {
    action: string;
    run: (c: CommandContext, id: string) => Promise<{ result: R; audit: Audit | Audit[] | null }>;
  };
}

export interface CreateOnceResult<R> {
  result: R;
  /** True when the key had been used before (the client can answer 200 instead of 201). */
  replayed: boolean;
}

/**
 * Create once by a device-generated key. A replay returns the original result; two identical requests
 * racing produce one row (the unique key decides, the loser replays the winner); a replay with a different
 * payload is refused with 409 unless the entity is editable (`update`).
 */
export async function createOnce<R>(
  context: RequestContext,
  spec: CreateOnceSpec<R>,
): Promise<CreateOnceResult<R>> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(spec.key))
    throw badRequest('请求编号：应为8-80位字母、数字、下划线或连字符', 'idempotencyKey');
  const accountId = actorOf(context).id;
  const fingerprint = fingerprintOf(spec.payload);
  const where = { accountId, kind: spec.kind, idempotencyKey: spec.key };

  const replayOrUpdate = async (found: IdempotencyRecord): Promise<CreateOnceResult<R>> => {
    if (found.entityId == null) throw conflict('同一请求编号的请求正在处理，请稍后重试', 'idempotencyKey');
    if (found.fingerprint === null || found.fingerprint === fingerprint)
      return { result: await spec.replay(found.entityId), replayed: true };
    if (!spec.update)
      throw conflict('请求编号（idempotencyKey）已用于内容不同的另一请求，不能重复使用', 'idempotencyKey');
    const update = spec.update;
    const result = await runCommand(context, update.action, async (c) => {
      const out = await update.run(c, found.entityId!);
      await IdempotencyRecord.update(
        { fingerprint },
        { where: { id: found.id }, transaction: c.transaction },
      );
      return out;
    });
    return { result, replayed: true };
  };

  const existing = await IdempotencyRecord.findOne({ where, transaction: context.transaction });
  if (existing) return replayOrUpdate(existing);
  try {
    const result = await runCommand(context, spec.action, async (c) => {
      // The key row goes in first: a racing duplicate blocks on it (MySQL) or fails on it (SQLite).
      const record = await IdempotencyRecord.create(
        { ...where, fingerprint, entityId: null, createdAt: new Date() },
        { transaction: c.transaction },
      );
      const created = await spec.create(c);
      await record.update({ entityId: String(created.id) }, { transaction: c.transaction });
      return { result: created.result, audit: created.audit };
    });
    return { result, replayed: false };
  } catch (e) {
    if (!(e instanceof UniqueConstraintError) || context.transaction) throw e;
    const winner = await IdempotencyRecord.findOne({ where });
    if (!winner) throw e;
    return replayOrUpdate(winner);
  }
}
