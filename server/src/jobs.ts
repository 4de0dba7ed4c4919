import type { AppContext } from './context';
import { systemContext } from './core/command';
import { runCompliancePass } from './compliance/service';
import { pruneIdleThrottles } from './auth/throttle';
import { pullFeed } from './registries/pull-feed';
import { registerReminderJobs } from './reminders/service';
import { ensureReportWorker, failInterruptedGenerations } from './reports/generation';
import { registerDetachmentNotifier } from './reports/notify-detachment';

const DAY_MS = 24 * 3600_000;

/** Background work: reminders, filed reports sent to the detachment, the daily compliance pass, forgetting idle
 * login names without an account and, when feeds are configured, the scheduled registry pulls. */
export async function scheduleJobs(app: AppContext) {
  // An API-only process schedules (BullMQ keeps one schedule per name for all) but runs nothing itself.
  const runs = app.config.role !== 'api';
  if (runs) {
    registerReminderJobs(app);
    // Generated reports render in a worker thread; their job runs here (BullMQ with Redis, in process otherwise).
    await failInterruptedGenerations(app);
    ensureReportWorker(app);
    registerDetachmentNotifier(app);
    app.jobs.process('compliance.daily', async () => {
      await runCompliancePass(systemContext(app), 'daily');
    });
    app.jobs.process('login-throttles.prune', async () => {
      await pruneIdleThrottles(new Date());
    });
  }
  await app.jobs.repeat('compliance.daily', DAY_MS);
  await app.jobs.repeat('login-throttles.prune', DAY_MS);
  for (const registry of ['ministry', 'inspection'] as const) {
    const url = registry === 'ministry' ? app.config.feeds.ministryUrl : app.config.feeds.inspectionUrl;
    if (!url) continue;
    if (runs)
      app.jobs.process(`registry.pull.${registry}`, async () => {
        await pullFeed(systemContext(app), registry);
      });
    await app.jobs.repeat(`registry.pull.${registry}`, app.config.feeds.pullEveryMinutes * 60_000);
  }
}
