import { createHash, randomInt } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Sequelize, Transaction } from 'sequelize';
import type { Logger } from '../core/logger';

/**
 * One number for "the database as every process sees it": it moves on after every committed write, in every
 * process of the deployment. A cached answer is only ever served at the version it was computed at, so a write
 * anywhere retires every cached answer at once (core/read-cache.ts).
 */
export interface DataVersion {
  /** The current version; null when it cannot be read (then nothing is served from or stored in a cache). */
  read(): Promise<string | null>;
  /** Moves the version on; called once a write is visible to every connection (after its commit). */
  bump(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The version as a Redis counter shared by every process on the database. `read` is one GET per request; `bump`
 * one INCR per committed write. Commands fail at once while Redis is unreachable (no offline queue): a request
 * then reads from the database as if nothing were cached.
 */
export async function redisDataVersion(
  redisUrl: string,
  prefix: string,
  database: string,
  logger: Logger,
): Promise<DataVersion> {
  const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis (data version) connection error'));
  await new Promise<void>((resolve) => {
    // Start without it rather than not at all: until Redis answers, every read goes to the database.
    const timer = setTimeout(resolve, 5000);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  // One counter per database: test runs and deployments sharing one Redis do not retire each other's answers.
  const key = `${prefix}data-version:${createHash('sha1').update(database).digest('hex').slice(0, 16)}`;
  // A Redis restarted empty must not count again from where the old counter once stood: an answer cached at an old
  // number could then be served at the new one. So a missing counter starts at a random point, never at 1.
  const start = () => String(randomInt(1, 2 ** 47));
  return {
    async read() {
      try {
        const v = await redis.get(key);
        if (v !== null) return v;
        await redis.set(key, start(), 'NX');
        return await redis.get(key);
      } catch {
        return null;
      }
    },
    async bump() {
      try {
        await redis.eval(
          "if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[1]) end return redis.call('INCR', KEYS[1])",
          1,
          key,
          start(),
        );
      } catch (err: any) {
        // The other processes may now serve answers from before this write until their entries expire (the
        // cache's time to live bounds it); nothing else can be done without Redis.
        logger.error({ err: err?.message }, '数据版本号未能更新，其他进程的缓存将在过期后刷新');
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * Statements that read, lock or steer a transaction without changing data, told by their text: the query type is
 * not enough (an `INSERT … RETURNING` runs as a SELECT to get its rows back). Anything else counts as a write.
 */
const READ_SQL =
  /^\s*(SELECT|SHOW|PRAGMA|EXPLAIN|DESCRIBE|START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|SET )/i;

/**
 * Calls `onWrite` after every write through this Sequelize instance has become visible: after its
 * transaction's commit (the outermost one, not a savepoint's), or right after a statement outside any
 * transaction. Moving the version before the commit would let another process compute an answer from the old
 * rows and store it under the new version, where it would stay; after the commit that cannot happen. The hook
 * is awaited before the commit (or the statement) returns, so the writer's response leaves after the bump.
 */
export function watchWrites(sequelize: Sequelize, onWrite: () => Promise<void>) {
  const watched = new WeakSet<Transaction>();
  sequelize.addHook('afterQuery', async (options: any, query: any) => {
    const sql: string = typeof query?.sql === 'string' ? query.sql : '';
    if (READ_SQL.test(sql)) return;
    let t: Transaction | undefined = options?.transaction ?? undefined;
    while (t && (t as any).parent) t = (t as any).parent;
    if (!t) return onWrite();
    if (watched.has(t)) return;
    watched.add(t);
    t.afterCommit(() => onWrite());
  });
}
