import { Queue, Worker, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { PlatformLogger } from '../logger';
import {
  assertValidEvery,
  assertValidJobName,
  DEFAULT_BACKOFF_MS,
  errorMessage,
  JOB_ATTEMPTS,
  jsonCopy,
  type JobQueue,
  type JobQueueTuning,
} from './job-queue';

export interface BullQueueConfig extends JobQueueTuning {
  redisUrl: string;
  /** Prefix of every Redis key, so several deployments (or test runs) can share one Redis. */
  prefix: string;
}

/**
 * BullMQ rejects integer-looking ids and ids containing ':'; encoding them keeps the JobQueue contract
 * (any string is a valid jobId) while staying one-to-one.
 */
export const encodeBullJobId = (jobId: string) => `id-${jobId.replace(/%/g, '%25').replace(/:/g, '%3A')}`;

/** One BullMQ Queue and, once a handler is registered, one Worker per job name, all on one Redis connection. */
export function createBullQueue(config: BullQueueConfig, logger: PlatformLogger): JobQueue {
  // Workers block on Redis, which needs maxRetriesPerRequest null; BullMQ duplicates this connection for that.
  const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', (err) => logger.error({ err: errorMessage(err) }, 'redis connection error'));
  const jobOptions: JobsOptions = {
    attempts: JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.backoffMs ?? DEFAULT_BACKOFF_MS },
    // Finished jobs are removed so their jobId can be used again, as with the in-process queue; failures are logged.
    removeOnComplete: true,
    removeOnFail: true,
  };
  const queues = new Map<string, Queue>();
  const workers = new Map<string, Worker>();

  const queueOf = (name: string) => {
    assertValidJobName(name);
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection, prefix: config.prefix, defaultJobOptions: jobOptions });
      queue.on('error', (err) => logger.error({ queue: name, err: errorMessage(err) }, 'bullmq queue error'));
      queues.set(name, queue);
    }
    return queue;
  };

  return {
    async add(name, data, opts = {}) {
      await queueOf(name).add(name, jsonCopy(data), {
        ...(opts.jobId !== undefined ? { jobId: encodeBullJobId(opts.jobId) } : {}),
        ...(opts.delayMs ? { delay: opts.delayMs } : {}),
      });
    },

    process(name, handler, opts = {}) {
      assertValidJobName(name);
      if (workers.has(name)) throw new Error(`任务“${name}”已经注册了处理程序`);
      const worker = new Worker(name, async (job) => handler(job.data), {
        connection,
        prefix: config.prefix,
        concurrency: Math.max(1, opts.concurrency ?? 1),
      });
      worker.on('failed', (job, err) => {
        const context = {
          queue: name,
          jobId: job?.opts.jobId,
          attempt: job?.attemptsMade,
          err: errorMessage(err),
        };
        if (job && job.attemptsMade < JOB_ATTEMPTS) logger.warn(context, 'job failed, will retry');
        else logger.error(context, 'job failed for the last time');
      });
      worker.on('error', (err) =>
        logger.error({ queue: name, err: errorMessage(err) }, 'bullmq worker error'),
      );
      workers.set(name, worker);
    },

    async repeat(name, everyMs, data = {}) {
      assertValidEvery(everyMs);
      await queueOf(name).upsertJobScheduler(
        name,
        { every: everyMs },
        { name, data: jsonCopy(data), opts: jobOptions },
      );
    },

    async close() {
      await Promise.all([...workers.values()].map((worker) => worker.close()));
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      workers.clear();
      queues.clear();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
