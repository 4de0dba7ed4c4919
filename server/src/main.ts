import { createApp } from './app';
import { createAppContext } from './bootstrap';
import { underStartupLock } from './db/lock';
import { ConfigError, loadConfig } from './config';
import { demoAccountsTable, DEMO_PASSWORD, ensureDetachments, seedDemoData } from './demo/seed';
import { scheduleJobs } from './jobs';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const app = await createAppContext(config);
  // Seeding checks for an empty database, so it runs under the start-up lock: one process seeds, others see it.
  await underStartupLock(app.locks, async () => {
    await ensureDetachments();
    if (config.demoData && !config.production) {
      const seeded = await seedDemoData(app);
      if (seeded) app.logger.info('已载入演示数据');
    }
  });
  await scheduleJobs(app);
  if (config.role === 'worker') {
    console.log(`北京市消防技术服务机构监管系统 后台任务进程已启动（数据库迁移 ${app.migration}）`);
    const stop = async () => {
      await app.close();
      process.exit(0);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    return;
  }
  const koa = createApp(app);
  const server = koa.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    const lines = [
      '',
      `北京市消防技术服务机构监管系统 已启动：${url}`,
      `  电脑端（总队、支队、机构管理员）：${url}/`,
      `  微信端H5与APP（负责人、操作员）：${url}/h5/`,
      `  接口文档：${url}/api/docs`,
      `  数据库：${app.sequelize.getDialect()}（迁移 ${app.migration}）  数据目录：${config.dataDir}`,
    ];
    if (config.demoData && !config.production) {
      lines.push(`  演示账号（密码均为 ${DEMO_PASSWORD}）：`);
      for (const [role, name, where] of demoAccountsTable)
        lines.push(`    ${role.padEnd(10, '　')} ${name.padEnd(10)} ${where}`);
    }
    console.log(lines.join('\n'));
    warmFaceModel(app);
  });
  // A terminal's Ctrl-C reaches both `npm start` (which passes it on) and this process: close once.
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    server.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

/**
 * Loading the face model takes tens of seconds on a busy machine; without this the first face-profile
 * upload or on-site check waits for it. Loaded after the server listens, so the start is not held up;
 * a request that comes earlier waits for the same load (init runs once).
 */
function warmFaceModel(app: Awaited<ReturnType<typeof createAppContext>>) {
  const started = Date.now();
  app.face.init().then(
    () => app.logger.info({ ms: Date.now() - started }, '人脸识别模型已载入'),
    (e: unknown) => app.logger.warn({ err: e }, '人脸识别模型载入失败，将在首次使用时重试'),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
