import { http, session } from './client';
import type { Captcha, LoginResult, User } from './types';

export const getCaptcha = () => http.get<Captcha>('/auth/captcha');

export async function login(input: {
  accountName: string;
  password: string;
  captchaId: string;
  captchaText: string;
}) {
  const result = await http.post<LoginResult>('/auth/login', { channel: 'web', ...input });
  session.store(result);
  return result;
}

export async function logout() {
  const refreshToken = session.refreshToken;
  try {
    if (refreshToken) await http.post('/auth/logout', { refreshToken });
  } finally {
    session.clear();
  }
}

export const fetchMe = () => http.get<User>('/auth/me');
export const changePassword = (oldPassword: string, newPassword: string) =>
  http.post<{ ok: true }>('/auth/password', { oldPassword, newPassword });
export const revokeAll = () => http.post<{ ok: true; revoked: number }>('/auth/revoke-all');

/** The SVG captcha as an <img> source (never injected as markup). */
export const captchaImageSrc = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
