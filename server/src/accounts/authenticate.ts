import type { Context } from 'koa';
import { accountWithSession, SESSION_ENDED } from '../auth/service';
import { verifyAccessToken, type AccessClaims } from '../auth/tokens';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { forbidden, unauthenticated } from '../core/errors';
import { Account } from './models';

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
  const { account, session } = await checkedSession(app, ctx.state.dataVersion, claims);
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

/**
 * The account and whether the token's session is live: one query, or none while nothing was written anywhere
 * since the same token was last checked (core/read-cache.ts). A logout, password change, reset or disabling is a
 * write, so the next request after it, on any process, checks again.
 */
async function checkedSession(app: AppContext, version: string | null | undefined, claims: AccessClaims) {
  const cache = app.readCache;
  if (!cache || !version) return accountWithSession(claims.accountId, claims.sessionId);
  const key = `session\0${claims.accountId}\0${claims.sessionId}`;
  const hit = cache.get<{ values: Record<string, unknown> | null; session: boolean }>(key, version);
  if (hit)
    return {
      // A fresh instance per request: a handler may change its account without touching the cached values.
      account: hit.values ? Account.build(hit.values, { isNewRecord: false, raw: true }) : null,
      session: hit.session,
    };
  const found = await accountWithSession(claims.accountId, claims.sessionId);
  cache.set(key, version, { values: found.account?.get({ plain: true }) ?? null, session: found.session }, 2048);
  return found;
}
