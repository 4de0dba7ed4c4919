/**
 * The real Koa app on an existing database, in its own process for scripts/bench/lists.ts (so the load generator
 * and the server do not share one event loop). Prints `LISTENING <port>` once it serves.
 * Environment: DATABASE_URL (required), JWT_SECRET, DATA_DIR.
 */
import { createApp } from '../../server/src/app';
import { createAppContext } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/core/logger';

const app = await createAppContext(
  loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SERVE_CLIENTS: 'off',
    DEMO_DATA: 'off',
  }),
  createLogger('silent'),
);
const server = createApp(app).listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`LISTENING ${typeof address === 'object' && address ? address.port : 0}`);
});
const stop = async () => {
  server.close();
  await app.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
