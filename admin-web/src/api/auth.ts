import { api, session } from './client';
import type { Captcha, LoginResult, User } from './types';

export const getCaptcha = () => api.get<Captcha>('/auth/captcha');

export async function login(input: {
  accountName: string;
  password: string;
  captchaId: string;
  captchaText: string;
}) {
  const result = await api.post<LoginResult>('/auth/login', { channel: 'web', ...input });
  session.store(result);
  return result;
}

export async function logout() {
  const refreshToken = session.refreshToken;
  try {
    if (refreshToken) await api.post('/auth/logout', { refreshToken });
  } finally {
    session.clear();
  }
}

export const fetchMe = () => api.get<User>('/auth/me');
export const changePassword = (oldPassword: string, newPassword: string) =>
  api.post<{ ok: true }>('/auth/password', { oldPassword, newPassword });
export const revokeAll = () => api.post<{ ok: true; revoked: number }>('/auth/revoke-all');

/** The SVG captcha as an <img> source (never injected as markup). */
export const captchaImageSrc = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
