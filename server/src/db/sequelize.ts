import { AsyncLocalStorage } from 'node:async_hooks';
import mysql from 'mysql2';
import { Sequelize } from 'sequelize';
import type { Config } from '../config';
import type { Logger } from '../core/logger';

/**
 * Sequelize sends its statements to mysql2 finished (values inlined, or bound through `execute`), yet mysql2 scans
 * every `query()` for `?` placeholders it then has no values for: 1–2 ms per 1 MB INSERT of a submission. Only a
 * statement given values (none of Sequelize's) is formatted.
 */
function withoutPlaceholders(this: unknown, sql: string, values: unknown, timezone?: string): string {
  const none = values === undefined || values === null || (Array.isArray(values) && values.length === 0);
  return none ? sql : mysql.format(sql, values as Parameters<typeof mysql.format>[1], false, timezone);
}

export function createSequelize(config: Config, logger: Logger): Sequelize {
  const logging = (sql: string, ms?: number) => logger.trace({ sql, ms }, 'sql');
  if (config.database.dialect === 'mysql') {
    return new Sequelize(config.database.url, {
      dialect: 'mysql',
      logging,
      benchmark: true,
      // Beijing time everywhere; the connection is set deliberately so DATETIME round-trips exactly.
      timezone: '+08:00',
      dialectOptions: { charset: 'utf8mb4', dateStrings: false, queryFormat: withoutPlaceholders },
      define: { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
      pool: { max: 10, min: 0, idle: 10_000 },
    });
  }
  const sequelize = new Sequelize({
    dialect: 'sqlite',
    storage: config.database.storage,
    logging,
    benchmark: true,
    // SQLite allows one writer; serialise through a single connection and wait for locks instead of failing.
    pool: { max: 1, min: 1, idle: 60_000 },
    // Retry only a busy database (the default list); never a constraint error, which must reach the caller at once.
    retry: { max: 5, match: ['SQLITE_BUSY'] },
  });
  serializeSqliteWrites(sequelize);
  return sequelize;
}

/**
 * SQLite takes one writer at a time, and Sequelize opens a separate connection per transaction, so
 * concurrent transactions fail with SQLITE_BUSY. Every connection waits for locks (busy timeout), and managed
 * transactions run one after another through an in-process queue (the single writer). A transaction opened
 * inside another one's callback joins the queue's current turn instead of waiting behind itself.
 */
function serializeSqliteWrites(sequelize: Sequelize) {
  const manager = (sequelize as any).connectionManager;
  const getConnection = manager.getConnection.bind(manager);
  manager.getConnection = async (options: unknown) => {
    const connection = await getConnection(options);
    if (!connection.__busyTimeoutSet) {
      connection.configure('busyTimeout', 10_000);
      connection.__busyTimeoutSet = true;
    }
    return connection;
  };
  const turn = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  const transaction = sequelize.transaction.bind(sequelize) as (...args: unknown[]) => Promise<unknown>;
  (sequelize as any).transaction = (...args: unknown[]) => {
    const managed = args.some((a) => typeof a === 'function');
    if (!managed || turn.getStore()) return transaction(...args);
    const run = tail.then(() => turn.run(true, () => transaction(...args)));
    tail = run.catch(() => undefined);
    return run;
  };
}

/** SQLite pragmas that make the embedded database safe under concurrent requests. */
export async function tuneSqlite(sequelize: Sequelize) {
  if (sequelize.getDialect() !== 'sqlite') return;
  await sequelize.query('PRAGMA journal_mode = WAL;');
  await sequelize.query('PRAGMA busy_timeout = 5000;');
  await sequelize.query('PRAGMA foreign_keys = ON;');
}
