declare const XF_API_BASE: string;

/**
 * Where the API lives. Empty on the H5 build served by the Koa server (same origin, `/api`);
 * the mini-program and the Android shell are built with XF_API_BASE=https://<server>.
 */
export const API_BASE: string = XF_API_BASE.replace(/\/$/, '');

export function apiUrl(path: string): string {
  return `${API_BASE}/api${path}`;
}
