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

/**
 * A stable hash of what was sent: key order does not matter; Buffers hash their bytes. A string is a payload the
 * caller serialised itself (a submission's thousands of rows, as one string) and is hashed as it is: quoting it
 * first, as before, cost four times the hash for 1 MB.
 */
export function fingerprintOf(value: unknown): string {
  if (typeof value === 'string') return createHash('sha256').update('S:').update(value).digest('hex');
  return structuredFingerprintOf(value);
}

/**
 * How a string payload was hashed until 2026-12 (JSON-quoted): a key claimed then still matches its replay.
 * Asked only when the stored fingerprint is not the current one.
 */
function quotedFingerprintOf(value: string): string {
  return structuredFingerprintOf(value);
}

function structuredFingerprintOf(value: unknown): string {
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

/** A claim whose creation never finished (the process died) is taken over after this long. */
const ABANDONED_CLAIM_MS = 2 * 60_000;
/** How long a racing duplicate waits for the first request to finish before answering 409. */
const WAIT_FOR_FIRST_MS = 20_000;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Create once by a device-generated key. A replay returns the original result; two identical requests
 * racing produce one row; a replay with a different payload is refused with 409 unless the entity is
 * editable (`update`).
 *
 * The key is claimed first, in a statement of its own: a racing duplicate fails on the unique key at once
 * instead of holding a connection while it waits on the first one's transaction (with a pool as small as
 * the race, waiting inside transactions would starve the first request of connections). The duplicate then
 * waits for the first to finish and replays its result; if the first fails, its claim is removed and the
 * duplicate tries again.
 */
export async function createOnce<R>(
  context: RequestContext,
  spec: CreateOnceSpec<R>,
  /** The key was just looked up and not found (createOnceChecked): claim it at once. */
  lookedUp = false,
  /** createOnceChecked: the checks, running while the key is claimed; they give the creation, or refuse it. */
  checked?: Promise<CreateOnceSpec<R>['create']>,
): Promise<CreateOnceResult<R>> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(spec.key))
    throw badRequest('请求编号：应为8-80位字母、数字、下划线或连字符', 'idempotencyKey');
  const accountId = actorOf(context).id;
  const fingerprint = fingerprintOf(spec.payload);
  const where = { accountId, kind: spec.kind, idempotencyKey: spec.key };
  const transaction = context.transaction;

  const differs = (found: IdempotencyRecord) =>
    found.fingerprint !== null &&
    found.fingerprint !== fingerprint &&
    !(typeof spec.payload === 'string' && found.fingerprint === quotedFingerprintOf(spec.payload));

  const replayOrUpdate = async (found: IdempotencyRecord): Promise<CreateOnceResult<R>> => {
    if (!differs(found)) return { result: await spec.replay(found.entityId!), replayed: true };
    if (!spec.update) throw conflict('请求编号：已用于内容不同的另一请求，不能重复使用', 'idempotencyKey');
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

  /** The finished record of the first request, or null when its claim is gone (it failed or was abandoned). */
  const awaitFirst = async (): Promise<IdempotencyRecord | null> => {
    const until = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const found = await IdempotencyRecord.findOne({ where, transaction });
      if (!found) return null;
      if (found.entityId != null) return found;
      if (differs(found) && !spec.update)
        throw conflict('请求编号：已用于内容不同的另一请求，不能重复使用', 'idempotencyKey');
      if (Date.now() - found.createdAt.getTime() > ABANDONED_CLAIM_MS) {
        await IdempotencyRecord.destroy({ where: { id: found.id, entityId: null }, transaction });
        return null;
      }
      if (Date.now() > until || transaction)
        throw conflict('请求编号：同一请求正在处理，请稍后重试', 'idempotencyKey');
      await pause(50);
    }
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    const existing =
      attempt === 0 && lookedUp ? null : await IdempotencyRecord.findOne({ where, transaction });
    if (existing) {
      const first = existing.entityId != null ? existing : await awaitFirst();
      if (first) return replayOrUpdate(first);
      continue;
    }
    let claim: IdempotencyRecord;
    try {
      claim = await IdempotencyRecord.create(
        { ...where, fingerprint, entityId: null, createdAt: new Date() },
        { transaction },
      );
    } catch (e) {
      if (!(e instanceof UniqueConstraintError)) throw e;
      const first = await awaitFirst();
      if (first) return replayOrUpdate(first);
      continue;
    }
    try {
      const create = checked ? await checked : spec.create;
      const result = await runCommand(context, spec.action, async (c) => {
        const created = await create(c);
        await claim.update({ entityId: String(created.id) }, { transaction: c.transaction });
        return { result: created.result, audit: created.audit };
      });
      return { result, replayed: false };
    } catch (e) {
      // Nothing was created (or the checks refused it): free the key so that a corrected retry can use it.
      if (!transaction) await claim.destroy().catch(() => undefined);
      throw e;
    }
  }
  throw conflict('请求编号：同一请求正在处理，请稍后重试', 'idempotencyKey');
}

/**
 * createOnce for a field filing whose checks must not run again on a replay (a face comparison records itself, a
 * submission's rows are validated at length): a key already used replays at once; otherwise `prepare` runs the
 * checks outside any transaction and returns the creation. The checks run while the key is claimed: the claim is
 * a commit of its own that waits on the disk (4–6 ms on MariaDB), and neither needs the other. A refusal of the
 * checks frees the claim again, as a failed creation does; a racing duplicate that finds the claim waits for it.
 */
export async function createOnceChecked<R>(
  context: RequestContext,
  spec: Omit<CreateOnceSpec<R>, 'create'>,
  prepare: () => Promise<CreateOnceSpec<R>['create']>,
): Promise<CreateOnceResult<R>> {
  const known = await IdempotencyRecord.findOne({
    where: { accountId: actorOf(context).id, kind: spec.kind, idempotencyKey: spec.key },
  });
  if (known)
    return createOnce(context, {
      ...spec,
      create: () => Promise.reject(new Error('the key was used; createOnce replays it')),
    });
  const checked = prepare();
  // Its refusal is thrown where createOnce awaits it; unawaited (the key turned out taken), it is dropped.
  checked.catch(() => undefined);
  const create = () => Promise.reject(new Error('createOnceChecked creates with the checks’ creation'));
  // The lookup above ran outside any transaction: only a command of its own may rely on it.
  return createOnce(context, { ...spec, create }, !context.transaction, checked);
}
