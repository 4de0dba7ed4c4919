/**
 * `npm run migrate -w server`: brings the configured database (DATABASE_URL, or the embedded SQLite file in
 * DATA_DIR) to the latest migration, under the same lock the server takes at start, then exits.
 */
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../core/logger';
import { createDatabaseLocks, underStartupLock } from './lock';
import { migrate } from './migrate';
import { initModels } from './models';
import { createSequelize, tuneSqlite } from './sequelize';

let config;
try {
  config = loadConfig();
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}
const logger = createLogger(config.logLevel);
const sequelize = createSequelize(config, logger);
try {
  await sequelize.authenticate();
  await tuneSqlite(sequelize);
  initModels(sequelize);
  const locks = createDatabaseLocks(config.database);
  const latest = await underStartupLock(locks, () => migrate(sequelize));
  console.log(`数据库（${sequelize.getDialect()}）已迁移到 ${latest}`);
} catch (e) {
  console.error('迁移失败：', e);
  process.exitCode = 1;
} finally {
  await sequelize.close();
}
