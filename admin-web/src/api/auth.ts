import { api, session } from './client';

export const getCaptcha = () => api.getAuthCaptcha();

export async function login(input: {
  accountName: string;
  password: string;
  captchaId: string;
  captchaText: string;
}) {
  const result = await api.postAuthLogin({ channel: 'web', ...input });
  session.store(result);
  return result;
}

export async function logout() {
  const refreshToken = session.refreshToken;
  try {
    if (refreshToken) await api.postAuthLogout({ refreshToken });
  } finally {
    session.clear();
  }
}

export const fetchMe = () => api.getAuthMe();
export const changePassword = (oldPassword: string, newPassword: string) =>
  api.postAuthPassword({ oldPassword, newPassword });
export const revokeAll = () => api.postAuthRevokeAll();

/** The SVG captcha as an <img> source (never injected as markup). */
export const captchaImageSrc = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
