import type { Transaction } from 'sequelize';
import type { AppContext } from '../context';
import { OperationLog } from '../operation-log/model';
import { actorName, type Actor } from './actor';
import type { AppError } from './errors';

/**
 * The request context: who acts, through which app, in which request, and (inside a command) in which
 * transaction. Routes receive it as `context`; jobs build one with `systemContext`.
 */
export interface RequestContext {
  app: AppContext;
  actor: Actor | 'system';
  requestId: string | null;
  /** Set inside a command; a command run with it joins that transaction instead of opening one. */
  transaction?: Transaction;
}

/** The context a command's body runs in: always inside a transaction. */
export interface CommandContext extends RequestContext {
  transaction: Transaction;
}

/** What the operation log records of a change. */
export interface Audit {
  /** Defaults to the command's action. */
  action?: string;
  entityType: string;
  entityId?: string | number | null;
  institutionId?: number | null;
  before?: object | null;
  after?: object | null;
}

export interface Outcome<R> {
  result: R;
  /** What to record; `null` for a command that changed nothing worth recording (e.g. a replay). */
  audit: Audit | Audit[] | null;
}

/**
 * A refusal that must itself be recorded (e.g. a mock location): the change rolls back, the audit entry
 * is written on its own, and the error reaches the client.
 */
export class LoggedRefusal extends Error {
  constructor(
    readonly error: AppError,
    readonly audit: Audit,
  ) {
    super(error.message);
  }
}

export const systemContext = (app: AppContext, requestId: string | null = null): RequestContext => ({
  app,
  actor: 'system',
  requestId,
});

export function actorOf(context: RequestContext): Actor {
  if (context.actor === 'system') throw new Error('this command needs a signed-in actor');
  return context.actor;
}

/**
 * Run a change as one command: one transaction holding the change and its operation-log entries, built
 * from the before/after the change returns. Nested commands join the caller's transaction.
 */
export async function runCommand<R>(
  context: RequestContext,
  action: string,
  change: (c: CommandContext) => Promise<Outcome<R>>,
): Promise<R> {
  const body = async (transaction: Transaction) => {
    const c: CommandContext = { ...context, transaction };
    const { result, audit } = await change(c);
    for (const entry of audit == null ? [] : Array.isArray(audit) ? audit : [audit])
      await writeAudit(c, action, entry);
    return result;
  };
  try {
    if (context.transaction) return await body(context.transaction);
    return await context.app.sequelize.transaction(body);
  } catch (e) {
    if (!(e instanceof LoggedRefusal)) throw e;
    // Inside an outer command the refusal travels up to it; the outermost one records it.
    if (context.transaction) throw e;
    await context.app.sequelize.transaction((transaction) =>
      writeAudit({ ...context, transaction }, action, e.audit),
    );
    throw e.error;
  }
}

/** Record an entry in the current transaction (for the rare change that is not a command's own result). */
export async function writeAudit(c: CommandContext, action: string, entry: Audit) {
  const actor = c.actor;
  await OperationLog.create(
    {
      at: new Date(),
      actorId: actor === 'system' ? null : actor.id,
      actorName: actor === 'system' ? '系统' : actorName(actor),
      action: entry.action ?? action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      institutionId: entry.institutionId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: c.requestId ?? null,
    },
    { transaction: c.transaction },
  );
}
