import WechatAPI, { type WechatAccessToken } from 'co-wechat-api';
import type { PlatformLogger } from '../logger';
import { toWechatError, WechatError } from './wechat-error';

export { WechatError } from './wechat-error';

export interface WechatSession {
  openId: string;
  unionId?: string;
  sessionKey: string;
}

export interface SubscribeMessage {
  toOpenId: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
}

/** The two WeChat mini-program calls the system makes: log-in (wx.login code → openid) and subscribe messages. */
export interface WechatClient {
  code2Session(code: string): Promise<WechatSession>;
  sendSubscribeMessage(msg: SubscribeMessage): Promise<void>;
}

export interface WechatClientConfig {
  appId: string;
  appSecret: string;
  /** Replaces https://api.weixin.qq.com, e.g. the fake server's `http://127.0.0.1:PORT`. */
  apiBase?: string;
}

/** Where the access token is kept: co-wechat-api's getToken/saveToken. */
export interface WechatTokenStore {
  get(): Promise<WechatAccessToken | null>;
  save(token: WechatAccessToken | null): Promise<void>;
}

/** In this process only: enough for one process (development, tests). */
export function memoryTokenStore(): WechatTokenStore {
  let token: WechatAccessToken | null = null;
  return {
    get: async () => token,
    save: async (fresh) => {
      token = fresh;
    },
  };
}

/** Minimal Redis commands the shared store needs (an ioredis client). */
export interface TokenRedis {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, mode: 'PX', ms: number): Promise<unknown>;
  del(key: string): Promise<unknown>;
}

/**
 * Shared by every process through Redis: WeChat keeps one valid access token per app, and each fetch of a
 * new one invalidates the previous, so processes keeping their own would invalidate each other's.
 */
export function redisTokenStore(redis: TokenRedis, appId: string, prefix = 'xf'): WechatTokenStore {
  const key = `${prefix}:wechat:access-token:${appId}`;
  return {
    async get() {
      const raw = await redis.get(key);
      return raw ? (JSON.parse(raw) as WechatAccessToken) : null;
    },
    async save(token) {
      if (!token) return void (await redis.del(key));
      const ttl = Math.max(1000, token.expireTime - Date.now());
      await redis.set(key, JSON.stringify(token), 'PX', ttl);
    },
  };
}

export function createWechatClient(
  config: WechatClientConfig,
  logger: PlatformLogger,
  tokens: WechatTokenStore = memoryTokenStore(),
): WechatClient {
  const api = new WechatAPI(config.appId, config.appSecret, tokens.get, tokens.save);
  api.setOpts({ timeout: 10_000 });
  if (config.apiBase) {
    const base = config.apiBase.replace(/\/+$/, '');
    api.prefix = `${base}/cgi-bin/`;
    api.snsPrefix = `${base}/sns/`;
    api.wxaPrefix = `${base}/wxa/`;
    api.mpPrefix = `${base}/cgi-bin/`;
  }

  return {
    async code2Session(code) {
      if (!code || code.trim() === '') {
        throw new WechatError(40029, '微信登录凭证不能为空，请重新打开小程序', 400);
      }
      try {
        const session = await api.code2Session(code);
        if (!session?.openid || !session.session_key) {
          throw new WechatError(null, '微信登录接口返回的数据不完整，请稍后再试', 502);
        }
        return {
          openId: session.openid,
          sessionKey: session.session_key,
          ...(session.unionid ? { unionId: session.unionid } : {}),
        };
      } catch (err) {
        const error = toWechatError(err);
        logger.warn(
          { errcode: error.errcode, wechatMessage: error.wechatMessage },
          'wechat code2Session failed',
        );
        throw error;
      }
    },

    async sendSubscribeMessage(msg) {
      try {
        await api.sendSubscribeMessage(msg.toOpenId, msg.templateId, msg.page, msg.data);
        logger.info({ toOpenId: msg.toOpenId, templateId: msg.templateId }, 'wechat subscribe message sent');
      } catch (err) {
        const error = toWechatError(err);
        logger.error(
          {
            errcode: error.errcode,
            wechatMessage: error.wechatMessage,
            toOpenId: msg.toOpenId,
            templateId: msg.templateId,
          },
          'wechat subscribe message failed',
        );
        throw error;
      }
    },
  };
}
