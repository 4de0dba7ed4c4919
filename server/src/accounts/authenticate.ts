import type { Context } from 'koa';
import { accountWithSession, SESSION_ENDED } from '../auth/service';
import { verifyAccessToken } from '../auth/tokens';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { forbidden, unauthenticated } from '../core/errors';

/**
 * Resolve the actor from the access token. The session is checked on every request, so logout, a password
 * change, an admin reset, revoke-all and disabling end access tokens at once, not at their expiry.
 */
export async function authenticate(app: AppContext, ctx: Context): Promise<Actor> {
  const header = ctx.get('authorization');
  // <img> and download links cannot send headers, so GET requests may carry the token as a query parameter.
  const queryToken =
    ctx.method === 'GET' && typeof ctx.query.access_token === 'string' ? ctx.query.access_token : '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : queryToken;
  if (!token) throw unauthenticated();
  const claims = await verifyAccessToken(app.config.jwtSecret, token);
  // One query for the account and its session: it runs on every authenticated request.
  const { account, session } = await accountWithSession(claims.accountId, claims.sessionId);
  if (!account) throw unauthenticated('登录已失效，请重新登录', 'session_ended');
  if (account.disabled) throw forbidden('账号已停用，请联系机构管理员', 'account_disabled');
  if (account.closedReason) throw forbidden(account.closedReason, 'account_closed');
  if (!session) throw unauthenticated(SESSION_ENDED, 'session_ended');
  ctx.state.actorId = account.id;
  return {
    id: account.id,
    kind: account.kind,
    accountName: account.accountName,
    displayName: account.displayName,
    institutionId: account.institutionId,
    detachmentId: account.detachmentId,
    personId: account.personId,
    channel: claims.channel,
    sessionId: claims.sessionId,
    account,
  };
}
