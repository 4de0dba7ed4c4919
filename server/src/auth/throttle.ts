import { literal, Op, type WhereOptions } from 'sequelize';
import { Account } from '../accounts/models';
import { LoginThrottle } from './models';
import { CHALLENGE_MINUTES, LOCK_MINUTES, MAX_FAILED_LOGINS } from './login-rules';

/**
 * The failure counter of one login name: the account's own columns, or a login_throttles row for a name with
 * no account, so both answer alike. Every step is one conditional UPDATE, so the count holds across parallel
 * requests and processes.
 */
export interface Throttle {
  model: typeof Account | typeof LoginThrottle;
  where: WhereOptions;
}

export async function throttleFor(accountName: string, account: Account | null): Promise<Throttle> {
  if (account) return { model: Account, where: { id: account.id } };
  await LoginThrottle.bulkCreate([{ accountName, failedLogins: 0 }], { ignoreDuplicates: true });
  return { model: LoginThrottle, where: { accountName } };
}

/**
 * Take one attempt before the password is checked: allowed while the name is not locked and fewer than
 * `limit` attempts have failed (an expired lock starts the count again). Returns false when refused.
 */
export async function reserveAttempt(t: Throttle, limit: number, now: Date): Promise<boolean> {
  const model = t.model as typeof Account;
  // Assignment order matters on MySQL (later assignments see earlier ones): the count reads the old lock.
  const [n] = await model.update(
    {
      failedLogins: literal('CASE WHEN lockedUntil IS NULL THEN failedLogins + 1 ELSE 1 END'),
      lockedUntil: null,
      lastAttemptAt: now,
    },
    {
      where: {
        ...t.where,
        [Op.or]: [
          { lockedUntil: { [Op.is]: null }, failedLogins: { [Op.lt]: limit } },
          // The challenge has passed: one more attempt without a captcha, still counted towards the lock.
          {
            lockedUntil: { [Op.is]: null },
            failedLogins: { [Op.lt]: MAX_FAILED_LOGINS },
            lastAttemptAt: { [Op.lte]: new Date(now.getTime() - CHALLENGE_MINUTES * 60_000) },
          },
          { lockedUntil: { [Op.lte]: now } },
        ],
      } as WhereOptions,
      silent: true,
    },
  );
  return n === 1;
}

/** After a wrong password: lock when the failures reached the maximum. True for the request that locked. */
export async function lockIfExhausted(t: Throttle, now: Date): Promise<Date | null> {
  const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const model = t.model as typeof Account;
  const [n] = await model.update(
    { lockedUntil: until },
    {
      where: {
        ...t.where,
        lockedUntil: { [Op.is]: null },
        failedLogins: { [Op.gte]: MAX_FAILED_LOGINS },
      } as WhereOptions,
      silent: true,
    },
  );
  return n === 1 ? until : null;
}

export async function currentLock(t: Throttle) {
  const model = t.model as typeof Account;
  const row = await model.findOne({ where: t.where, attributes: ['failedLogins', 'lockedUntil'] });
  return { failedLogins: row?.failedLogins ?? 0, lockedUntil: row?.lockedUntil ?? null };
}

export async function clearFailures(t: Throttle) {
  const model = t.model as typeof Account;
  await model.update({ failedLogins: 0, lockedUntil: null }, { where: t.where, silent: true });
}

/** How long a name without an account keeps its failure count after its last attempt. */
export const IDLE_THROTTLE_MS = 24 * 3600_000;

/**
 * Forget names without an account that nobody has tried for a day and that are not locked: each unknown name
 * tried leaves a row, and a guesser trying many names must not grow the table without end. Accounts keep their
 * counters on their own row. Returns how many rows went.
 */
export async function pruneIdleThrottles(now: Date): Promise<number> {
  return LoginThrottle.destroy({
    where: {
      [Op.and]: [
        { [Op.or]: [{ lockedUntil: { [Op.is]: null } }, { lockedUntil: { [Op.lte]: now } }] },
        {
          [Op.or]: [
            { lastAttemptAt: { [Op.is]: null } },
            { lastAttemptAt: { [Op.lte]: new Date(now.getTime() - IDLE_THROTTLE_MS) } },
          ],
        },
      ],
    } as WhereOptions,
  });
}
