import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Channel } from '@xf/domain';
import { unauthenticated } from '../core/errors';
import type { Account } from '../accounts/models';
import { RefreshToken, type Session } from './models';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_DAYS = 30;

const key = (secret: string) => new TextEncoder().encode(secret);
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newRefreshToken = () => randomBytes(32).toString('base64url');

/** An access token names its session: ending the session ends the token at once, not at expiry. */
export async function signAccessToken(
  secret: string,
  account: Account,
  session: Pick<Session, 'id' | 'channel'>,
  seconds = ACCESS_TOKEN_SECONDS,
) {
  return new SignJWT({ kind: account.kind, sid: session.id, ch: session.channel })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(account.id))
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    .sign(key(secret));
}

export interface AccessClaims {
  accountId: number;
  sessionId: string;
  channel: Channel;
}

export async function verifyAccessToken(secret: string, token: string): Promise<AccessClaims> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'] }));
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired)
      throw unauthenticated('登录已过期，请刷新或重新登录', 'token_expired');
    throw unauthenticated('登录凭证无效，请重新登录');
  }
  // Tokens from before sessions existed carry no session id: they are refused like any invalid token.
  if (typeof payload.sid !== 'string' || !/^\d+$/.test(payload.sub ?? ''))
    throw unauthenticated('登录凭证无效，请重新登录');
  return { accountId: Number(payload.sub), sessionId: payload.sid, channel: payload.ch as Channel };
}

/** Refresh tokens are random and stored only as hashes; each belongs to its session's family. */
export async function storeRefreshToken(session: Session, token: string) {
  return RefreshToken.create({
    accountId: session.accountId,
    sessionId: session.id,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_DAYS * 86400_000),
  });
}

/**
 * The successor of a rotated token, encrypted with a key only the holder of the rotated token can derive, so
 * a refresh racing the rotation gets the same successor (one live token) without the server keeping it.
 */
export function sealSuccessor(successor: string, rotated: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv(
    'aes-256-gcm',
    createHash('sha256').update(`successor:${rotated}`).digest(),
    iv,
  );
  const data = Buffer.concat([cipher.update(successor, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

export function unsealSuccessor(sealed: string, rotated: string): string | null {
  try {
    const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    const k = createHash('sha256').update(`successor:${rotated}`).digest();
    const decipher = createDecipheriv('aes-256-gcm', k, iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
