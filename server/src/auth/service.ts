import { Op } from 'sequelize';
import {
  accountKindLabels,
  allowedClients,
  canUseClient,
  clientLabels,
  type Client,
  type LoginInput,
  type LoginResult,
} from '@xf/domain';
import { Account, RefreshToken } from '../accounts/models';
import type { AppContext } from '../context';
import { AppError, badRequest, forbidden, locked, unauthenticated } from '../core/errors';
import { recordOperation } from '../operation-log/record';
import { consumeCaptcha } from './captcha';
import { formatUnlockTime, LOCK_MINUTES, MAX_FAILED_LOGINS } from './login-rules';
import { hashPassword, verifyPassword } from './passwords';
import { presentSessionUser } from './present-user';
import { ACCESS_TOKEN_SECONDS, hashToken, issueRefreshToken, signAccessToken } from './tokens';

const WRONG = '账号或密码错误';

export async function issueSession(app: AppContext, account: Account, client: Client): Promise<LoginResult> {
  const [accessToken, refreshToken, user] = await Promise.all([
    signAccessToken(app.config.jwtSecret, account, client),
    issueRefreshToken(account, client),
    presentSessionUser(account),
  ]);
  return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_SECONDS, user };
}

/** Refusals that apply even with the right password: disabled, closed, wrong client. */
export function assertAccountUsable(account: Account, client: Client) {
  if (account.disabled) throw forbidden('账号已停用，请联系机构管理员', 'account_disabled');
  if (account.closedReason) throw forbidden(account.closedReason, 'account_closed');
  if (!canUseClient(account.kind, client)) {
    const where = allowedClients[account.kind].map((c) => clientLabels[c]).join('或');
    throw forbidden(`${accountKindLabels[account.kind]}账号只能使用${where}登录`, 'wrong_client');
  }
}

export async function login(app: AppContext, input: LoginInput): Promise<LoginResult> {
  if (input.client === 'web') await consumeCaptcha(input.captchaId, input.captchaText);
  const account = await Account.findOne({ where: { accountName: input.accountName } });
  if (!account) throw unauthenticated(WRONG, 'invalid_credentials');
  const now = new Date();
  if (account.lockedUntil && account.lockedUntil > now)
    throw locked(`密码错误次数过多，账号已锁定，请于${formatUnlockTime(account.lockedUntil)}后再试`);

  if (!(await verifyPassword(input.password, account.passwordHash))) {
    const failed = account.failedLogins + 1;
    if (failed >= MAX_FAILED_LOGINS) {
      const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
      await account.update({ failedLogins: 0, lockedUntil: until });
      await recordOperation(null, 'system', {
        action: 'account.locked',
        entityType: 'account',
        entityId: account.id,
        institutionId: account.institutionId,
        after: { lockedUntil: until },
      });
      throw locked(`密码连续错误${MAX_FAILED_LOGINS}次，账号已锁定${LOCK_MINUTES}分钟`);
    }
    await account.update({ failedLogins: failed });
    throw unauthenticated(
      `${WRONG}，再错${MAX_FAILED_LOGINS - failed}次将锁定账号${LOCK_MINUTES}分钟`,
      'invalid_credentials',
    );
  }
  assertAccountUsable(account, input.client);
  await account.update({ failedLogins: 0, lockedUntil: null, lastLoginAt: now });
  return issueSession(app, account, input.client);
}

export async function refresh(app: AppContext, refreshToken: string): Promise<LoginResult> {
  const row = await RefreshToken.findOne({ where: { tokenHash: hashToken(refreshToken) } });
  if (!row || row.revokedAt || row.expiresAt < new Date())
    throw unauthenticated('登录已失效，请重新登录', 'refresh_invalid');
  const account = await Account.findByPk(row.accountId);
  if (!account) throw unauthenticated('登录已失效，请重新登录', 'refresh_invalid');
  assertAccountUsable(account, row.client as Client);
  // Rotation: the used token is revoked, so a stolen copy stops working after the owner's next refresh.
  await row.update({ revokedAt: new Date() });
  return issueSession(app, account, row.client as Client);
}

export async function logout(refreshToken: string, accountId: number) {
  await RefreshToken.update(
    { revokedAt: new Date() },
    { where: { tokenHash: hashToken(refreshToken), accountId, revokedAt: { [Op.is]: null } } },
  );
}

/** Revoke every session: refresh tokens are revoked and the token version bump kills live access tokens. */
export async function revokeAll(account: Account) {
  const [n] = await RefreshToken.update(
    { revokedAt: new Date() },
    { where: { accountId: account.id, revokedAt: { [Op.is]: null } } },
  );
  await account.increment('tokenVersion');
  return n;
}

export async function changePassword(
  app: AppContext,
  account: Account,
  oldPassword: string,
  newPassword: string,
  requestId: string,
) {
  if (!(await verifyPassword(oldPassword, account.passwordHash)))
    throw badRequest('原密码（oldPassword）：原密码不正确', 'oldPassword');
  if (oldPassword === newPassword)
    throw badRequest('新密码（newPassword）：新密码不能与原密码相同', 'newPassword');
  await app.sequelize.transaction(async (t) => {
    await account.update(
      { passwordHash: await hashPassword(newPassword, app.config.bcryptRounds), mustChangePassword: false },
      { transaction: t },
    );
    await recordOperation(
      t,
      { id: account.id, displayName: account.displayName, accountName: account.accountName },
      {
        action: 'account.password_changed',
        entityType: 'account',
        entityId: account.id,
        institutionId: account.institutionId,
      },
      requestId,
    );
  });
}

export { AppError };
