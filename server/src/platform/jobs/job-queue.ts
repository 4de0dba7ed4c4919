/**
 * Background work (report generation, reminders, registry syncs). Two implementations behave the same:
 * in-process for development and tests, BullMQ on Redis for production.
 *
 * - Job data is copied as JSON when added: handlers see plain data (a Date arrives as its ISO string).
 * - A failing handler is retried JOB_RETRIES times with exponential backoff, then the failure is logged.
 * - A job added with a jobId that is still waiting, delayed or running under the same name is ignored;
 *   once it has finished, the same jobId can be added again.
 */
export interface JobQueue {
  add(name: string, data: object, opts?: { jobId?: string; delayMs?: number }): Promise<void>;
  /** One handler per name; `concurrency` (default 1) jobs of that name run at the same time. */
  process(name: string, handler: (data: any) => Promise<void>, opts?: { concurrency?: number }): void;
  /** Adds a job every `everyMs`; calling it again for the same name replaces the schedule. */
  repeat(name: string, everyMs: number, data?: object): Promise<void>;
  close(): Promise<void>;
}

export const JOB_RETRIES = 3;
export const JOB_ATTEMPTS = JOB_RETRIES + 1;
export const DEFAULT_BACKOFF_MS = 1000;

export interface JobQueueTuning {
  /** Delay before the first retry; each further retry waits twice as long. */
  backoffMs?: number;
}

const NAME_RULE = /^[A-Za-z0-9._-]{1,100}$/;

/** Names become Redis key parts in BullMQ, so both implementations accept the same restricted set. */
export function assertValidJobName(name: string): void {
  if (!NAME_RULE.test(name)) {
    throw new Error(`任务名称不合法：“${name}”（只能包含字母、数字、点、下划线和短横线，长度 1–100）`);
  }
}

export function assertValidEvery(everyMs: number): void {
  if (!Number.isInteger(everyMs) || everyMs <= 0)
    throw new Error(`重复任务的间隔必须是正整数毫秒，收到：${everyMs}`);
}

export const jsonCopy = <T>(data: T): T => JSON.parse(JSON.stringify(data)) as T;

export const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));
