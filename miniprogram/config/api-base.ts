/**
 * The API base a build calls (XF_API_BASE). `wx.request` cannot call a relative URL and the Android shell's
 * pages come from https://localhost, so the weapp build and every H5 build meant for the shell need a full
 * https:// base; only the H5 build served by the Koa server (same origin, `/api`) may leave it empty.
 */
export class ApiBaseError extends Error {}

export function resolveApiBase(raw: string | undefined, taroEnv: string): string {
  const base = (raw ?? '').trim().replace(/\/+$/, '');
  if (taroEnv === 'weapp' && !isHttps(base))
    throw new ApiBaseError(
      `小程序构建必须设置 XF_API_BASE=https://服务器域名（当前：${base || '未设置'}）。` +
        'wx.request 不能使用相对地址，且只能访问已在小程序后台登记的 https 域名。',
    );
  if (base && !isHttps(base) && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(base))
    throw new ApiBaseError(`XF_API_BASE 必须是 https:// 开头的完整地址（当前：${base}）`);
  return base;
}

export function isHttps(base: string): boolean {
  return /^https:\/\/[^/\s]+/.test(base) && URL.canParse(base);
}

/** Written next to index.html so scripts/copy-h5.mjs (the shell bundle) can refuse a build without an https base. */
export const BUILD_INFO_FILE = 'xf-build.json';
