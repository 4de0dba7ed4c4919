import { randomUUID } from 'node:crypto';
import { literal, Op, type Transaction } from 'sequelize';
import {
  accountKindLabels,
  allowedChannels,
  canUseChannel,
  channelLabels,
  type Channel,
  type LoginInput,
  type LoginResult,
} from '@xf/domain';
import { Account } from '../accounts/models';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { runCommand, systemContext, type RequestContext } from '../core/command';
import { AppError, badRequest, forbidden, locked, unauthenticated } from '../core/errors';
import { captchaRequired, consumeCaptcha } from './captcha';
import {
  CAPTCHA_AFTER_FAILURES,
  formatUnlockTime,
  LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  REFRESH_RACE_MS,
} from './login-rules';
import { RefreshToken, Session } from './models';
import { hashPassword, verifyPassword } from './passwords';
import { presentSessionUser } from './present-user';
import { clearFailures, currentLock, lockIfExhausted, reserveAttempt, throttleFor } from './throttle';
import {
  ACCESS_TOKEN_SECONDS,
  hashToken,
  newRefreshToken,
  sealSuccessor,
  signAccessToken,
  storeRefreshToken,
  unsealSuccessor,
} from './tokens';

/** One answer for an unknown account and a wrong password, so the answer does not tell which names exist. */
const WRONG = '账号或密码错误';
export const SESSION_ENDED = '登录已失效，请重新登录';

async function sessionResult(
  app: AppContext,
  account: Account,
  session: Session,
  refreshToken: string,
): Promise<LoginResult> {
  const [accessToken, user] = await Promise.all([
    signAccessToken(app.config.jwtSecret, account, session),
    presentSessionUser(account),
  ]);
  return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_SECONDS, user };
}

/** Open a session (one login on one device) with its first refresh token. */
export async function openSession(app: AppContext, account: Account, channel: Channel): Promise<LoginResult> {
  const session = await Session.create({
    id: randomUUID(),
    accountId: account.id,
    channel,
    tokenVersion: account.tokenVersion,
  });
  const refreshToken = newRefreshToken();
  await storeRefreshToken(session, refreshToken);
  return sessionResult(app, account, session, refreshToken);
}

/** Refusals that apply even with the right password: disabled, closed, wrong channel. */
export function assertAccountUsable(account: Account, channel: Channel) {
  if (account.disabled) throw forbidden('账号已停用，请联系机构管理员', 'account_disabled');
  if (account.closedReason) throw forbidden(account.closedReason, 'account_closed');
  if (!canUseChannel(account.kind, channel)) {
    const where = allowedChannels[account.kind].map((c) => channelLabels[c]).join('或');
    throw forbidden(`${accountKindLabels[account.kind]}账号只能使用${where}登录`, 'wrong_channel');
  }
}

// Checked against for unknown names so they take as long as a wrong password.
let dummyHash: Promise<string> | null = null;

export async function login(app: AppContext, input: LoginInput): Promise<LoginResult> {
  const account = await verifyLogin(app, input);
  return openSession(app, account, input.channel);
}

/**
 * Check a name and password as a login on a channel (captcha, counted failures, lock) and return the account
 * when it may sign in there. Used by the password login and by WeChat binding.
 */
export async function verifyLogin(app: AppContext, input: LoginInput): Promise<Account> {
  const now = new Date();
  // The web always asks for a captcha; the other channels once two attempts on this name have failed.
  const withCaptcha = input.channel === 'web' || Boolean(input.captchaId || input.captchaText);
  if (withCaptcha) await consumeCaptcha(input.captchaId, input.captchaText);
  const account = await Account.findOne({ where: { accountName: input.accountName } });
  const throttle = await throttleFor(input.accountName, account);
  // The attempt is counted before the password is checked, atomically: parallel guesses cannot outrun it.
  if (!(await reserveAttempt(throttle, withCaptcha ? MAX_FAILED_LOGINS : CAPTCHA_AFTER_FAILURES, now))) {
    const { failedLogins, lockedUntil } = await currentLock(throttle);
    if (lockedUntil && lockedUntil > now)
      throw locked(`密码错误次数过多，账号已锁定，请于${formatUnlockTime(lockedUntil)}后再试`);
    if (failedLogins >= MAX_FAILED_LOGINS)
      throw locked(`密码错误次数过多，账号已锁定，请${LOCK_MINUTES}分钟后再试`);
    throw captchaRequired();
  }
  dummyHash ??= hashPassword('not-a-password', app.config.bcryptRounds);
  const right = account
    ? await verifyPassword(input.password, account.passwordHash)
    : (await verifyPassword(input.password, await dummyHash)) && false;
  if (!right) {
    const until = await lockIfExhausted(throttle, now);
    if (until) {
      if (account)
        await runCommand(systemContext(app), 'account.locked', async () => ({
          result: null,
          audit: {
            entityType: 'account',
            entityId: account.id,
            institutionId: account.institutionId,
            after: { lockedUntil: until },
          },
        }));
      throw locked(`密码连续错误${MAX_FAILED_LOGINS}次，账号已锁定${LOCK_MINUTES}分钟`);
    }
    throw unauthenticated(WRONG, 'invalid_credentials');
  }
  await clearFailures(throttle);
  // Only now, with the right password, may the answer say the account cannot use this channel.
  assertAccountUsable(account!, input.channel);
  await account!.update({ lastLoginAt: now }, { silent: true });
  return account!;
}

/** The account as the actor of its own change (e.g. binding WeChat before it holds a session). */
export const accountActor = (account: Account, channel: Channel): Actor => ({
  id: account.id,
  kind: account.kind,
  accountName: account.accountName,
  displayName: account.displayName,
  institutionId: account.institutionId,
  detachmentId: account.detachmentId,
  personId: account.personId,
  channel,
  account,
});

/** A session is live while it is not revoked and the account's token version has not moved on. */
async function liveSession(sessionId: string, account: Account) {
  const session = await Session.findByPk(sessionId);
  if (!session || session.revokedAt || session.accountId !== account.id) return null;
  if (session.tokenVersion !== account.tokenVersion) return null;
  return session;
}

/**
 * The account of an access token with its session checked, in one query (every authenticated request runs it):
 * the live session's token version comes along as a subquery. `session` is false when the session is not live
 * (revoked, another account's, or the account's token version moved on).
 */
export async function accountWithSession(accountId: number, sessionId: string) {
  const sid = Account.sequelize!.escape(sessionId);
  const account = await Account.findByPk(accountId, {
    attributes: {
      include: [
        [
          literal(
            `(SELECT s.tokenVersion FROM sessions s WHERE s.id = ${sid} AND s.accountId = Account.id AND s.revokedAt IS NULL)`,
          ),
          'liveSessionTokenVersion',
        ],
      ],
    },
  });
  if (!account) return { account: null, session: false };
  const version = account.getDataValue('liveSessionTokenVersion' as any) as number | string | null;
  account.changed('liveSessionTokenVersion' as any, false);
  delete (account.dataValues as any).liveSessionTokenVersion;
  return { account, session: version !== null && Number(version) === account.tokenVersion };
}

/** End sessions and every refresh token in them. */
async function revokeSessions(
  where: { id?: string | { [Op.ne]: string }; accountId: number },
  t?: Transaction,
) {
  const now = new Date();
  const sessions = await Session.findAll({
    where: { ...where, revokedAt: { [Op.is]: null } },
    attributes: ['id'],
    transaction: t,
  });
  const ids = sessions.map((s) => s.id);
  if (!ids.length) return 0;
  await Session.update({ revokedAt: now }, { where: { id: { [Op.in]: ids } }, transaction: t });
  const [n] = await RefreshToken.update(
    { revokedAt: now },
    { where: { sessionId: { [Op.in]: ids }, revokedAt: { [Op.is]: null } }, transaction: t },
  );
  return n;
}

/**
 * Exchange a refresh token for a new pair. A token used again after its rotation means someone holds a copy:
 * the whole session ends. A request that arrived before the rotation happened is not a reuse but a race (two
 * tabs, a retry): it gets the same successor, so parallel refreshes leave one live token.
 */
export async function refresh(
  app: AppContext,
  refreshToken: string,
  receivedAt = new Date(),
): Promise<LoginResult> {
  const invalid = () => unauthenticated(SESSION_ENDED, 'refresh_invalid');
  const now = new Date();
  const row = await RefreshToken.findOne({ where: { tokenHash: hashToken(refreshToken) } });
  if (!row || row.expiresAt < now) throw invalid();
  const account = await Account.findByPk(row.accountId);
  const session = account && (await liveSession(row.sessionId, account));
  if (!account || !session) throw invalid();
  assertAccountUsable(account, session.channel);

  if (!row.revokedAt) {
    // Rotation: the successor is stored before the old token is retired, so whoever loses the race below
    // finds it; exactly one request retires the old token.
    const successor = newRefreshToken();
    const next = await storeRefreshToken(session, successor);
    const rotatedAt = new Date();
    const [won] = await RefreshToken.update(
      { revokedAt: rotatedAt, rotatedAt, successorSealed: sealSuccessor(successor, refreshToken) },
      { where: { id: row.id, revokedAt: { [Op.is]: null } } },
    );
    if (won === 1) return sessionResult(app, account, session, successor);
    await next.destroy();
    await row.reload();
  }
  const successor = await racedSuccessor(row, refreshToken);
  if (successor && row.rotatedAt) {
    // Arrived before the rotation: a true race, answered with the same successor (one live token).
    if (receivedAt <= row.rotatedAt) return sessionResult(app, account, session, successor);
    // Just after it, with the successor still unused: most likely a slow racer (a retry, a second tab);
    // refused without ending the session. Once the successor is used or the moment has passed, it is reuse.
    if (receivedAt.getTime() - row.rotatedAt.getTime() <= REFRESH_RACE_MS) throw invalid();
  }
  await revokeSessions({ id: session.id, accountId: account.id });
  throw unauthenticated(SESSION_ENDED, 'refresh_reused');
}

/** The successor handed to a refresh that raced the rotation, while the successor is still unused. */
async function racedSuccessor(row: RefreshToken, presented: string) {
  if (!row.successorSealed) return null;
  const successor = unsealSuccessor(row.successorSealed, presented);
  if (!successor) return null;
  const live = await RefreshToken.count({
    where: { tokenHash: hashToken(successor), revokedAt: { [Op.is]: null } },
  });
  return live === 1 ? successor : null;
}

/** Logout ends the current session (its access tokens at once) and the session of the given refresh token. */
export async function logout(actor: Actor, refreshToken: string) {
  if (actor.sessionId) await revokeSessions({ id: actor.sessionId, accountId: actor.id });
  const row = await RefreshToken.findOne({
    where: { tokenHash: hashToken(refreshToken), accountId: actor.id },
  });
  if (row) await revokeSessions({ id: row.sessionId, accountId: actor.id });
}

/** Revoke every session: the token version bump ends them all, their refresh tokens are revoked too. */
export async function revokeAll(context: RequestContext & { actor: Actor }) {
  const account = context.actor.account;
  return runCommand(context, 'account.sessions_revoked', async ({ transaction }) => {
    await Account.update(
      { tokenVersion: literal('tokenVersion + 1') },
      { where: { id: account.id }, transaction },
    );
    const revoked = await revokeSessions({ accountId: account.id }, transaction);
    return {
      result: revoked,
      audit: { entityType: 'account', entityId: account.id, institutionId: account.institutionId },
    };
  });
}

/** Changing the password ends every other session at once; the one that changed it stays signed in. */
export async function changePassword(
  context: RequestContext & { actor: Actor },
  input: { oldPassword: string; newPassword: string },
) {
  const { actor, app } = context;
  const account = actor.account;
  if (!(await verifyPassword(input.oldPassword, account.passwordHash)))
    throw badRequest('原密码：原密码不正确', 'oldPassword');
  if (input.oldPassword === input.newPassword)
    throw badRequest('新密码：新密码不能与原密码相同', 'newPassword');
  const passwordHash = await hashPassword(input.newPassword, app.config.bcryptRounds);
  await runCommand(context, 'account.password_changed', async ({ transaction }) => {
    await Account.update(
      { passwordHash, mustChangePassword: false, tokenVersion: literal('tokenVersion + 1') },
      { where: { id: account.id }, transaction },
    );
    await account.reload({ transaction });
    await revokeSessions({ id: { [Op.ne]: actor.sessionId ?? '' }, accountId: account.id }, transaction);
    await Session.update(
      { tokenVersion: account.tokenVersion },
      { where: { id: actor.sessionId ?? '' }, transaction },
    );
    return {
      result: null,
      audit: { entityType: 'account', entityId: account.id, institutionId: account.institutionId },
    };
  });
}

export { AppError };
