import type { Sequelize } from 'sequelize';
import type { Config } from './config';
import type { Logger } from './core/logger';
import type { FileStore } from './platform/files/file-store';
import type { WechatClient } from './platform/wechat/wechat-client';
import type { JobQueue } from './platform/jobs/job-queue';
import type { FaceService } from './face';
import type { DatabaseLocks } from './db/lock';
import type { ReadCache } from './core/read-cache';

/** Everything a route or job needs, built once at start (see bootstrap.ts). */
export interface AppContext {
  config: Config;
  logger: Logger;
  sequelize: Sequelize;
  migration: string;
  /** Named locks across every process on this database (start-up, registry imports). */
  locks: DatabaseLocks;
  files: FileStore;
  wechat: WechatClient;
  jobs: JobQueue;
  face: FaceService;
  /** Answers served again while no write happened anywhere (core/read-cache.ts); null when off. */
  readCache: ReadCache | null;
  /** Loopback stand-ins started in the dev/test profile (never in production). */
  devServices: { wechatOutbox?: () => unknown[]; close: () => Promise<void> }[];
  close(): Promise<void>;
}
