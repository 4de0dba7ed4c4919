import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Client } from '@xf/domain';
import { unauthenticated } from '../core/errors';
import { RefreshToken, type Account } from '../accounts/models';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_DAYS = 30;

const key = (secret: string) => new TextEncoder().encode(secret);
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function signAccessToken(
  secret: string,
  account: Account,
  client: Client,
  seconds = ACCESS_TOKEN_SECONDS,
) {
  return new SignJWT({ kind: account.kind, tv: account.tokenVersion, client })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(account.id))
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    .sign(key(secret));
}

export interface AccessClaims {
  accountId: number;
  tokenVersion: number;
  client: Client;
}

export async function verifyAccessToken(secret: string, token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'] });
    return {
      accountId: Number(payload.sub),
      tokenVersion: Number(payload.tv),
      client: payload.client as Client,
    };
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired)
      throw unauthenticated('登录已过期，请刷新或重新登录', 'token_expired');
    throw unauthenticated('登录凭证无效，请重新登录');
  }
}

/** Refresh tokens are random, stored only as hashes, and revocable one by one or all at once. */
export async function issueRefreshToken(account: Account, client: Client) {
  const token = randomBytes(32).toString('base64url');
  await RefreshToken.create({
    accountId: account.id,
    tokenHash: hashToken(token),
    client,
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_DAYS * 86400_000),
  });
  return token;
}
