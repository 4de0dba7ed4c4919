import Taro from '@tarojs/taro';
import type { Channel, SessionUser as User } from '@xf/domain/api/accounts';
import type { LoginResult } from '@xf/domain/api/auth';

/** `client` of POST /api/auth/login: the mini-program and its H5 build, or the operator app. */
export type LoginClient = Exclude<Channel, 'web'>;

export interface Session {
  accessToken: string;
  refreshToken: string;
  client: LoginClient;
  user: User;
}

const KEY = 'xf.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

/** The stored session survives restarts so the operator app opens (and works offline) without logging in again. */
export function getSession(): Session | null {
  const raw = Taro.getStorageSync(KEY) as Session | '' | undefined;
  return raw ? raw : null;
}

export function saveLogin(result: LoginResult, client: LoginClient): Session {
  const session: Session = {
    accessToken: result.accessToken,
    refreshToken: result.refreshToken,
    client,
    user: result.user,
  };
  setSession(session);
  return session;
}

export function setSession(session: Session | null): void {
  if (session) Taro.setStorageSync(KEY, session);
  else Taro.removeStorageSync(KEY);
  listeners.forEach((l) => l(session));
}

export function updateUser(user: User): void {
  const s = getSession();
  if (s) setSession({ ...s, user });
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
