import Taro from '@tarojs/taro';
import { request } from '../api/http';
import type { SessionUser as User } from '@xf/domain/api/accounts';
import type { LoginResult } from '@xf/domain/api/auth';
import { getSession, saveLogin, setSession, updateUser, type LoginClient } from './session-store';

export async function loginWithPassword(
  client: LoginClient,
  accountName: string,
  password: string,
): Promise<User> {
  const result = await request<LoginResult>('/auth/login', {
    method: 'POST',
    json: { channel: client, accountName, password },
    anonymous: true,
  });
  return saveLogin(result, client).user;
}

export type WechatLoginOutcome = { bound: true; user: User } | { bound: false; bindTicket: string };

/** Silent login: WeChat identifies the user by the one-time code; the server knows whether it is bound. */
export async function loginWithWechat(): Promise<WechatLoginOutcome> {
  const { code } = await Taro.login();
  const result = await request<({ bound: true } & LoginResult) | { bound: false; bindTicket: string }>(
    '/auth/wechat/login',
    { method: 'POST', json: { code }, anonymous: true },
  );
  if (!result.bound) return { bound: false, bindTicket: result.bindTicket };
  return { bound: true, user: saveLogin(result, 'weapp').user };
}

export async function bindWechat(bindTicket: string, accountName: string, password: string): Promise<User> {
  const result = await request<LoginResult>('/auth/wechat/bind', {
    method: 'POST',
    json: { bindTicket, accountName, password },
    anonymous: true,
  });
  return saveLogin(result, 'weapp').user;
}

export async function unbindWechat(): Promise<void> {
  await request('/auth/wechat/unbind', { method: 'POST' });
  await logout();
}

export async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  await request('/auth/password', { method: 'POST', json: { oldPassword, newPassword } });
  const s = getSession();
  if (s) updateUser({ ...s.user, mustChangePassword: false });
}

export async function refreshMe(): Promise<User> {
  const user = await request<User>('/auth/me');
  updateUser(user);
  return user;
}

export async function logout(): Promise<void> {
  const s = getSession();
  setSession(null);
  if (s) {
    try {
      await request('/auth/logout', {
        method: 'POST',
        json: { refreshToken: s.refreshToken },
        anonymous: true,
      });
    } catch {
      /* the local session is gone either way; the refresh token expires on its own */
    }
  }
}
