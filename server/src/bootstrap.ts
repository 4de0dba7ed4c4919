import path from 'node:path';
import type { Config } from './config';
import type { AppContext } from './context';
import { createLogger, type Logger } from './core/logger';
import { initModels } from './db/models';
import { createDatabaseLocks, underStartupLock } from './db/lock';
import { migrate } from './db/migrate';
import { createSequelize, tuneSqlite } from './db/sequelize';
import { removeOrphanedUploads } from './core/upload';
import { createFaceService } from './face';
import { markInterruptedImports } from './registries/import-service';
import { createFileStore } from './platform/files/file-store';
import { createBullQueue } from './platform/jobs/bull-queue';
import { createInProcessQueue } from './platform/jobs/in-process-queue';
import { startFakeWechatServer } from './platform/wechat/fake-wechat-server';
import { createWechatClient, redisTokenStore } from './platform/wechat/wechat-client';
import { Redis } from 'ioredis';
import { startClockAt } from './core/clock';
import { createReadCache, type ReadCache } from './core/read-cache';
import { redisDataVersion, watchWrites, type DataVersion } from './db/data-version';

const DEV_WECHAT = { appId: 'wx-dev-appid', appSecret: 'dev-app-secret' };

/**
 * Builds every component from the configuration: real services when configured (production), embedded
 * or loopback stand-ins otherwise. The stand-ins sit behind the same interfaces as the real clients.
 */
export async function createAppContext(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
): Promise<AppContext> {
  // Before anything reads the date (migrations, seeding, jobs): XF_NOW outside production, else the wall clock.
  startClockAt(config.clockStart);
  const sequelize = createSequelize(config, logger);
  // Before the first write (migrations, seeding): every committed write moves the shared data version on.
  let readCache: ReadCache | null = null;
  let dataVersion: DataVersion | null = null;
  if (config.dataVersionRedisUrl) {
    dataVersion = await redisDataVersion(
      config.dataVersionRedisUrl,
      config.redisPrefix,
      // Named by the database, not its address: processes reaching one server by different host names agree.
      config.database.dialect === 'mysql'
        ? decodeURIComponent(new URL(config.database.url).pathname)
        : path.resolve(config.database.storage),
      logger,
    );
    watchWrites(sequelize, () => dataVersion!.bump());
    if (config.readCache) readCache = createReadCache(dataVersion, config.readCache);
  }
  await sequelize.authenticate();
  await tuneSqlite(sequelize);
  initModels(sequelize);
  const locks = createDatabaseLocks(config.database);
  // Several processes may start at once on an empty or older database: one migrates, the others wait.
  // An import cut short by a crash stays 导入中 unless marked here (only when no process is importing); under the
  // start-up lock so it never holds a registry's lock while another starting process seeds through an import.
  const migration = await underStartupLock(locks, async () => {
    const latest = await migrate(sequelize);
    await markInterruptedImports(locks, logger);
    return latest;
  });

  const devServices: AppContext['devServices'] = [];
  const files = createFileStore(
    config.oss ? { kind: 'oss', ...config.oss } : { kind: 'disk', dir: path.join(config.dataDir, 'files') },
  );

  let wechatConfig = config.wechat;
  if (!wechatConfig) {
    // Dev profile: a loopback WeChat whose outbox is readable (data/wechat-outbox.jsonl and GET /__outbox).
    const fake = await startFakeWechatServer({
      ...DEV_WECHAT,
      outboxFile: path.join(config.dataDir, 'wechat-outbox.jsonl'),
    });
    devServices.push({ wechatOutbox: fake.outbox, close: fake.close });
    wechatConfig = { ...DEV_WECHAT, apiBase: fake.apiBase };
    logger.info({ apiBase: fake.apiBase }, '开发环境：微信接口使用本机模拟服务');
  }
  // Several processes share one WeChat access token through Redis when it is configured.
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 3 }) : null;
  redis?.on('error', (err) => logger.error({ err: err.message }, 'redis connection error'));
  const wechat = createWechatClient(
    wechatConfig,
    logger,
    redis ? redisTokenStore(redis, wechatConfig.appId, config.redisPrefix) : undefined,
  );

  const jobs = config.redisUrl
    ? createBullQueue({ redisUrl: config.redisUrl, prefix: config.redisPrefix }, logger)
    : createInProcessQueue(logger);

  const face = createFaceService({ threshold: config.faceThreshold, logger });

  const app: AppContext = {
    config,
    logger,
    sequelize,
    migration,
    locks,
    files,
    wechat,
    jobs,
    face,
    readCache,
    devServices,
    async close() {
      await jobs.close();
      await redis?.quit().catch(() => redis.disconnect());
      await dataVersion?.close();
      for (const s of devServices) await s.close();
      await sequelize.close();
    },
  };
  await removeOrphanedUploads(app);
  return app;
}
