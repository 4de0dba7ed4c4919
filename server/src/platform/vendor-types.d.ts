// Neither ali-oss nor co-wechat-api ships type declarations; these cover only the calls the platform adapters make.

declare module 'ali-oss' {
  interface OssOptions {
    region?: string;
    endpoint?: string;
    bucket: string;
    accessKeyId: string;
    accessKeySecret: string;
    cname?: boolean;
    secure?: boolean;
    timeout?: number | string;
  }
  interface OssResponse {
    status: number;
    headers: Record<string, string>;
  }
  interface OssError extends Error {
    status?: number;
    code?: string;
  }
  class OSS {
    constructor(options: OssOptions);
    put(
      name: string,
      file: Buffer | string,
      options?: { mime?: string; headers?: Record<string, string> },
    ): Promise<{ name: string; res: OssResponse }>;
    get(name: string): Promise<{ content: Buffer; res: OssResponse }>;
    head(name: string): Promise<{ status: number; meta: Record<string, string> | null; res: OssResponse }>;
    delete(name: string): Promise<{ res: OssResponse }>;
  }
  export default OSS;
  export type { OssOptions, OssError };
}

declare module 'co-wechat-api' {
  interface WechatAccessToken {
    accessToken: string;
    expireTime: number;
  }
  class WechatAPI {
    constructor(
      appid: string,
      appsecret: string,
      getToken?: () => Promise<WechatAccessToken | null | undefined>,
      saveToken?: (token: WechatAccessToken | null) => Promise<void>,
    );
    prefix: string;
    snsPrefix: string;
    wxaPrefix: string;
    mpPrefix: string;
    setOpts(opts: { timeout?: number }): void;
    request(url: string, opts?: object): Promise<any>;
    code2Session(jsCode: string): Promise<{ openid: string; session_key: string; unionid?: string }>;
    sendSubscribeMessage(
      openid: string,
      templateId: string,
      page: string | undefined,
      data: Record<string, { value: string }>,
    ): Promise<unknown>;
  }
  export default WechatAPI;
  export type { WechatAccessToken };
}
