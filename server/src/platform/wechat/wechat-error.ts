/**
 * WeChat API failures as the rest of the server sees them: a Chinese message fit to show the user, the original
 * errcode for the logs, and the HTTP status the API should answer with (400 for the user's side, 502 for ours).
 */
export class WechatError extends Error {
  constructor(
    /** WeChat's errcode; null when WeChat could not be reached or answered nonsense. */
    readonly errcode: number | null,
    message: string,
    readonly status: 400 | 502,
    readonly wechatMessage?: string,
  ) {
    super(message);
    this.name = 'WechatError';
  }
}

const USER_SIDE: Record<number, string> = {
  40029: '微信登录凭证无效，请重新打开小程序',
  40163: '微信登录凭证已被使用，请重新打开小程序',
  45011: '登录过于频繁，请稍后再试',
  40226: '该微信账号存在安全风险，已被微信拦截登录',
  43101: '用户未订阅该消息，无法发送',
  40003: '消息接收人的 openid 无效',
};

const OUR_SIDE: Record<number, string> = {
  [-1]: '微信服务繁忙，请稍后再试',
  40001: '微信接口调用凭证无效，请联系管理员检查小程序配置',
  42001: '微信接口调用凭证已过期，请稍后再试',
  40013: '小程序 AppID 配置错误，请联系管理员',
  40125: '小程序 AppSecret 配置错误，请联系管理员',
  40037: '订阅消息模板 ID 无效，请联系管理员',
  47003: '订阅消息模板参数不正确，请联系管理员',
  41030: '订阅消息跳转页面不存在，请联系管理员',
};

export function wechatErrorFromCode(errcode: number, wechatMessage?: string): WechatError {
  if (USER_SIDE[errcode]) return new WechatError(errcode, USER_SIDE[errcode], 400, wechatMessage);
  const message = OUR_SIDE[errcode] ?? `微信接口调用失败（错误码 ${errcode}），请稍后再试`;
  return new WechatError(errcode, message, 502, wechatMessage);
}

/** co-wechat-api throws errors named WeChatAPIError carrying `code`; anything else is a transport failure. */
export function toWechatError(err: unknown): WechatError {
  if (err instanceof WechatError) return err;
  const e = err as { name?: string; code?: unknown; message?: string } | undefined;
  if (e?.name === 'WeChatAPIError' && typeof e.code === 'number')
    return wechatErrorFromCode(e.code, e.message);
  return new WechatError(null, '无法连接微信服务器，请稍后再试', 502, e?.message);
}
