/**
 * A second server process on the database of a running test app (same DATA_DIR, so the same JWT secret and,
 * on SQLite, the same file): cross-process behaviour is tested against a real second process, not a second
 * app in the same process sharing its models. With PEER_SEED=on it seeds the demo data as `npm start` does
 * (under the start-up lock); PEER_ENV adds variables (JSON). Prints `{"port":…}` once listening.
 */
import { createApp } from '../../src/app';
import { createAppContext } from '../../src/bootstrap';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/core/logger';
import { underStartupLock } from '../../src/db/lock';
import { ensureDetachments, seedDemoData } from '../../src/demo/seed';
import { scheduleJobs } from '../../src/jobs';
import { TEST_JWT_SECRET } from './test-app';

const extra = JSON.parse(process.env.PEER_ENV || '{}') as Record<string, string>;
const config = loadConfig({
  NODE_ENV: 'test',
  DATA_DIR: process.env.PEER_DATA_DIR!,
  BCRYPT_ROUNDS: '4',
  LOG_LEVEL: 'silent',
  SERVE_CLIENTS: 'off',
  // Like every process of a deployment, the peer moves the shared data version on (and caches) when the run does.
  ...(process.env.READ_CACHE_REDIS_URL ? { READ_CACHE_REDIS_URL: process.env.READ_CACHE_REDIS_URL } : {}),
  ...(process.env.PEER_DATABASE_URL
    ? { DATABASE_URL: process.env.PEER_DATABASE_URL, JWT_SECRET: TEST_JWT_SECRET }
    : {}),
  ...extra,
});
const app = await createAppContext(config, createLogger('silent'));
if (process.env.PEER_SEED === 'on')
  await underStartupLock(app.locks, async () => {
    await ensureDetachments();
    await seedDemoData(app);
  });
if (extra.REDIS_URL) await scheduleJobs(app);
const server = createApp(app).listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void app.close().then(() => process.exit(0));
});
