import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBullQueue } from '../../src/platform/jobs/bull-queue';
import { createInProcessQueue } from '../../src/platform/jobs/in-process-queue';
import { JOB_ATTEMPTS, type JobQueue } from '../../src/platform/jobs/job-queue';
import { recordingLogger, type LogEntry } from './fixtures/recording-logger';

const BACKOFF_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** The behaviour every JobQueue must have, whether jobs live in memory or in Redis. */
function jobQueueContract(
  kind: string,
  open: (logger: ReturnType<typeof recordingLogger>) => Promise<JobQueue>,
  enabled = () => true,
) {
  describe(`JobQueue contract: ${kind}`, () => {
    let queue: JobQueue;
    let logs: LogEntry[];
    beforeAll(async () => {
      if (!enabled()) return;
      const logger = recordingLogger();
      logs = logger.entries;
      queue = await open(logger);
    });
    afterAll(async () => {
      if (queue) await queue.close();
    });
    const test = (name: string, body: () => Promise<void>) => it.skipIf(!enabled())(name, body, 15_000);

    test('runs an added job with a JSON copy of its data, whether the handler comes first or later', async () => {
      const seen: unknown[] = [];
      await queue.add('report-generate', {
        reportId: 7,
        at: new Date('2025-03-01T02:00:00Z'),
        tags: ['维保'],
      });
      queue.process('report-generate', async (data) => void seen.push(data));
      await queue.add('report-generate', { reportId: 8 });
      await waitFor(() => seen.length === 2, 'two jobs');
      expect(seen).toContainEqual({ reportId: 7, at: '2025-03-01T02:00:00.000Z', tags: ['维保'] });
      expect(seen).toContainEqual({ reportId: 8 });
    });

    test('ignores a job whose jobId is still pending, and accepts it again once finished', async () => {
      const seen: string[] = [];
      queue.process('reminder-send', async (data: { note: string }) => void seen.push(data.note));
      await queue.add('reminder-send', { note: 'first' }, { jobId: 'project:12', delayMs: 200 });
      await queue.add('reminder-send', { note: 'duplicate' }, { jobId: 'project:12' });
      await queue.add('reminder-send', { note: 'other' }, { jobId: 'project:13' });
      await waitFor(() => seen.length === 2, 'first and other');
      await sleep(150);
      expect(seen.sort()).toEqual(['first', 'other']);

      await queue.add('reminder-send', { note: 'again' }, { jobId: 'project:12' });
      await waitFor(() => seen.includes('again'), 'job re-added after completion');
    });

    test('holds a delayed job back until its delay has passed', async () => {
      const ranAt: number[] = [];
      queue.process('delayed-check', async () => void ranAt.push(Date.now()));
      const addedAt = Date.now();
      await queue.add('delayed-check', {}, { delayMs: 400 });
      await waitFor(() => ranAt.length === 1, 'delayed job');
      expect(ranAt[0]! - addedAt).toBeGreaterThanOrEqual(380);
    });

    test('retries a failing job with backoff and succeeds', async () => {
      const attemptsAt: number[] = [];
      let done = false;
      queue.process('flaky-sync', async () => {
        attemptsAt.push(Date.now());
        if (attemptsAt.length < 3) throw new Error('部局系统暂时不可用');
        done = true;
      });
      await queue.add('flaky-sync', { registry: 'ministry' });
      await waitFor(() => done, 'third attempt to succeed');
      expect(attemptsAt).toHaveLength(3);
      // Exponential backoff: the second wait is longer than the first.
      expect(attemptsAt[2]! - attemptsAt[1]!).toBeGreaterThanOrEqual(2 * BACKOFF_MS - 5);
      expect(
        logs.filter((e) => e.level === 'warn' && (e.obj as { queue?: string }).queue === 'flaky-sync'),
      ).toHaveLength(2);
    });

    test(`gives up after ${JOB_ATTEMPTS} attempts and logs the failure as an error`, async () => {
      let attempts = 0;
      queue.process('always-fails', async () => {
        attempts += 1;
        throw new Error('永远失败');
      });
      await queue.add('always-fails', {});
      await waitFor(
        () => logs.some((e) => e.level === 'error' && (e.obj as { queue?: string }).queue === 'always-fails'),
        'final failure log',
      );
      await sleep(8 * BACKOFF_MS);
      expect(attempts).toBe(JOB_ATTEMPTS);
      expect(
        logs.find((e) => e.level === 'error' && (e.obj as { queue?: string }).queue === 'always-fails')?.obj,
      ).toMatchObject({
        err: '永远失败',
      });
    });

    test('runs at most `concurrency` jobs of a name at once', async () => {
      const track = (name: string, concurrency: number | undefined) => {
        const state = { running: 0, peak: 0, done: 0 };
        queue.process(
          name,
          async () => {
            state.running += 1;
            state.peak = Math.max(state.peak, state.running);
            await sleep(200);
            state.running -= 1;
            state.done += 1;
          },
          concurrency ? { concurrency } : undefined,
        );
        return state;
      };
      const serial = track('serial-work', undefined);
      const parallel = track('parallel-work', 2);
      for (let i = 0; i < 4; i++) {
        await queue.add('serial-work', { i });
        await queue.add('parallel-work', { i });
      }
      await waitFor(() => serial.done === 4 && parallel.done === 4, 'all eight jobs');
      expect(serial.peak).toBe(1);
      expect(parallel.peak).toBe(2);
    });

    test('repeat runs the job with its data at once and then every interval', async () => {
      // "At once" without timing it: with an hour's interval, a run that arrives at all came at once.
      const first: unknown[] = [];
      queue.process('hourly-recalc', async (data) => void first.push(data));
      await queue.repeat('hourly-recalc', 3_600_000, { scope: 'all' });
      await waitFor(() => first.length === 1, 'the first run of an hourly job', 10_000);
      expect(first).toEqual([{ scope: 'all' }]);

      const EVERY_MS = 1000;
      const runs: Array<{ at: number; data: unknown }> = [];
      queue.process('coverage-recalc', async (data) => void runs.push({ at: Date.now(), data }));
      const start = Date.now();
      await queue.repeat('coverage-recalc', EVERY_MS, { scope: 'all' });
      await waitFor(() => runs.length >= 3, 'three repeated runs', 10_000);
      expect(runs.map((r) => r.data)).toEqual(runs.map(() => ({ scope: 'all' })));
      // A lower bound only (load can delay runs, never hasten them): the third run waited for intervals.
      expect(runs[2]!.at - start).toBeGreaterThanOrEqual(EVERY_MS - 50);
    });

    test('refuses names that cannot be Redis key parts, with a Chinese message', async () => {
      await expect(queue.add('bad:name', {})).rejects.toThrow('任务名称不合法');
      expect(() => queue.process('带中文', async () => undefined)).toThrow('任务名称不合法');
      await expect(queue.repeat('ok-name', 0)).rejects.toThrow('重复任务的间隔必须是正整数毫秒');
    });
  });
}

jobQueueContract('in-process', async (logger) => createInProcessQueue(logger, { backoffMs: BACKOFF_MS }));

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `xf-test-${randomUUID().slice(0, 8)}`;
const redisReachable = await isRedisReachable(redisUrl);
if (!redisReachable)
  console.warn(`BullMQ contract tests skipped: Redis is not reachable at ${redisUrl} (set REDIS_URL)`);

async function isRedisReachable(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1000,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

afterAll(async () => {
  if (!redisReachable) return;
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

jobQueueContract(
  `BullMQ on Redis (${redisUrl})`,
  async (logger) => createBullQueue({ redisUrl, prefix, backoffMs: BACKOFF_MS }, logger),
  () => redisReachable,
);

describe('in-process queue specifics', () => {
  it('add resolves before the job runs; drain waits for delayed jobs and retries; close drops what has not started', async () => {
    const queue = createInProcessQueue(recordingLogger(), { backoffMs: BACKOFF_MS });
    const seen: number[] = [];
    let failures = 0;
    queue.process('work', async (data: { n: number }) => {
      if (data.n === 2 && failures++ === 0) throw new Error('once');
      seen.push(data.n);
    });
    await queue.add('work', { n: 1 });
    expect(seen).toEqual([]);
    await queue.add('work', { n: 2 });
    await queue.add('work', { n: 3 }, { delayMs: 100 });
    await queue.drain();
    expect(seen.sort()).toEqual([1, 2, 3]);

    // Due in an hour: if close waited for it, this test would time out instead of going on.
    await queue.add('work', { n: 4 }, { delayMs: 3_600_000 });
    await queue.close();
    await queue.drain();
    expect(seen).not.toContain(4);
    await expect(queue.add('work', { n: 5 })).rejects.toThrow('任务队列已关闭');
  });

  it('close stops a repeating job', async () => {
    const queue = createInProcessQueue(recordingLogger());
    let runs = 0;
    queue.process('tick', async () => void (runs += 1));
    await queue.repeat('tick', 30);
    await waitFor(() => runs >= 2, 'two ticks');
    await queue.close();
    const after = runs;
    await sleep(120);
    expect(runs).toBe(after);
  });
});
