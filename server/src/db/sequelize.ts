import { Sequelize } from 'sequelize';
import type { Config } from '../config';
import type { Logger } from '../core/logger';

export function createSequelize(config: Config, logger: Logger): Sequelize {
  const logging = (sql: string, ms?: number) => logger.trace({ sql, ms }, 'sql');
  if (config.database.dialect === 'mysql') {
    return new Sequelize(config.database.url, {
      dialect: 'mysql',
      logging,
      benchmark: true,
      // Beijing time everywhere; the connection is set deliberately so DATETIME round-trips exactly.
      timezone: '+08:00',
      dialectOptions: { charset: 'utf8mb4', dateStrings: false },
      define: { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
      pool: { max: 10, min: 0, idle: 10_000 },
    });
  }
  return new Sequelize({
    dialect: 'sqlite',
    storage: config.database.storage,
    logging,
    benchmark: true,
    // SQLite allows one writer; serialise through a single connection and wait for locks instead of failing.
    pool: { max: 1, min: 1, idle: 60_000 },
    retry: { max: 5 },
  });
}

/** SQLite pragmas that make the embedded database safe under concurrent requests. */
export async function tuneSqlite(sequelize: Sequelize) {
  if (sequelize.getDialect() !== 'sqlite') return;
  await sequelize.query('PRAGMA journal_mode = WAL;');
  await sequelize.query('PRAGMA busy_timeout = 5000;');
  await sequelize.query('PRAGMA foreign_keys = ON;');
}
