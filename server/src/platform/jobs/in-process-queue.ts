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

export interface InProcessJobQueue extends JobQueue {
  /** Resolves once no job is waiting, delayed, running or waiting for a retry. */
  drain(): Promise<void>;
}

interface PendingJob {
  name: string;
  data: object;
  jobId?: string;
  attempt: number;
}

interface Lane {
  handler?: (data: any) => Promise<void>;
  concurrency: number;
  running: number;
  waiting: PendingJob[];
}

const REPEAT_JOB_ID = '__repeat__';

/** Runs jobs inside this process. Jobs not yet run when the process stops are lost: development and tests only. */
export function createInProcessQueue(logger: PlatformLogger, tuning: JobQueueTuning = {}): InProcessJobQueue {
  const backoffMs = tuning.backoffMs ?? DEFAULT_BACKOFF_MS;
  const lanes = new Map<string, Lane>();
  const pendingIds = new Set<string>();
  const delayed = new Map<NodeJS.Timeout, PendingJob>();
  const schedules = new Map<string, NodeJS.Timeout>();
  let unfinished = 0;
  let idleWaiters: Array<() => void> = [];
  let closed = false;

  const laneOf = (name: string) => {
    let lane = lanes.get(name);
    if (!lane) lanes.set(name, (lane = { concurrency: 1, running: 0, waiting: [] }));
    return lane;
  };
  const idKey = (name: string, jobId: string) => `${name}\u0000${jobId}`;

  const enqueueAfter = (ms: number, job: PendingJob) => {
    const timer = setTimeout(() => {
      delayed.delete(timer);
      enqueue(job);
    }, ms);
    delayed.set(timer, job);
  };

  function enqueue(job: PendingJob) {
    if (closed) return finish(job);
    laneOf(job.name).waiting.push(job);
    pump(job.name);
  }

  function pump(name: string) {
    const lane = laneOf(name);
    while (lane.handler && lane.running < lane.concurrency && lane.waiting.length > 0) {
      const job = lane.waiting.shift()!;
      lane.running += 1;
      void run(lane, lane.handler, job);
    }
  }

  async function run(lane: Lane, handler: (data: any) => Promise<void>, job: PendingJob) {
    try {
      await handler(jsonCopy(job.data));
      finish(job);
    } catch (err) {
      const context = { queue: job.name, jobId: job.jobId, attempt: job.attempt, err: errorMessage(err) };
      if (job.attempt < JOB_ATTEMPTS && !closed) {
        logger.warn(context, 'job failed, will retry');
        enqueueAfter(backoffMs * 2 ** (job.attempt - 1), { ...job, attempt: job.attempt + 1 });
      } else {
        logger.error(context, 'job failed for the last time');
        finish(job);
      }
    } finally {
      lane.running -= 1;
      pump(job.name);
    }
  }

  function finish(job: PendingJob) {
    if (job.jobId !== undefined) pendingIds.delete(idKey(job.name, job.jobId));
    unfinished -= 1;
    if (unfinished === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }

  function addJob(name: string, data: object, opts: { jobId?: string; delayMs?: number } = {}): boolean {
    if (closed) throw new Error('任务队列已关闭，不能再添加任务');
    if (opts.jobId !== undefined) {
      const key = idKey(name, opts.jobId);
      if (pendingIds.has(key)) return false;
      pendingIds.add(key);
    }
    unfinished += 1;
    const job: PendingJob = { name, data: jsonCopy(data), jobId: opts.jobId, attempt: 1 };
    // Even an immediate job starts on a later turn of the event loop, as it would with Redis in between.
    enqueueAfter(Math.max(0, opts.delayMs ?? 0), job);
    return true;
  }

  return {
    async add(name, data, opts) {
      assertValidJobName(name);
      if (!addJob(name, data, opts))
        logger.info({ queue: name, jobId: opts?.jobId }, 'job already pending, not added again');
    },

    process(name, handler, opts = {}) {
      assertValidJobName(name);
      const lane = laneOf(name);
      if (lane.handler) throw new Error(`任务“${name}”已经注册了处理程序`);
      lane.handler = handler;
      lane.concurrency = Math.max(1, opts.concurrency ?? 1);
      pump(name);
    },

    async repeat(name, everyMs, data = {}) {
      assertValidJobName(name);
      assertValidEvery(everyMs);
      if (closed) throw new Error('任务队列已关闭，不能再添加任务');
      clearInterval(schedules.get(name));
      // Like a BullMQ job scheduler: the first run is due at once, and a run still pending is not doubled up.
      const tick = () => void addJob(name, data, { jobId: REPEAT_JOB_ID });
      schedules.set(name, setInterval(tick, everyMs));
      tick();
    },

    drain() {
      return unfinished === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve));
    },

    async close() {
      closed = true;
      schedules.forEach((timer) => clearInterval(timer));
      schedules.clear();
      // Delayed jobs, pending retries and jobs without a free slot are dropped; jobs already running are awaited.
      const dropped = [...delayed.values(), ...[...lanes.values()].flatMap((lane) => lane.waiting.splice(0))];
      delayed.forEach((_job, timer) => clearTimeout(timer));
      delayed.clear();
      dropped.forEach(finish);
      if (dropped.length > 0)
        logger.info({ dropped: dropped.length }, 'in-process queue closed, unstarted jobs dropped');
      if (unfinished > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
