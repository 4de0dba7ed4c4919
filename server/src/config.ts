import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const url = (label: string) =>
  z.string().refine((v) => URL.canParse(v), { error: `${label}必须是合法的URL` });

/** Every variable the server reads, validated once at start. README lists them all. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ error: 'PORT必须是数字' }).int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default(path.join(repoRoot, 'data')),
  DATABASE_URL: z
    .string()
    .refine((v) => /^(mysql|mariadb|sqlite):/.test(v), { error: 'DATABASE_URL必须以mysql://或sqlite:开头' })
    .optional(),
  REDIS_URL: url('REDIS_URL').optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'REDIS_PREFIX只能包含字母、数字、下划线和短横线' })
    .default('xf'),
  JWT_SECRET: z.string().min(32, { error: 'JWT_SECRET至少32个字符' }).optional(),
  BCRYPT_ROUNDS: z.coerce.number().int().min(4).max(15).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OSS_REGION: z.string().optional(),
  OSS_ENDPOINT: z.string().optional(),
  OSS_BUCKET: z.string().optional(),
  OSS_ACCESS_KEY_ID: z.string().optional(),
  OSS_ACCESS_KEY_SECRET: z.string().optional(),
  OSS_CNAME: z.enum(['true', 'false'], { error: 'OSS_CNAME只能是true或false' }).default('false'),
  WECHAT_APPID: z.string().optional(),
  WECHAT_SECRET: z.string().optional(),
  WECHAT_API_BASE: url('WECHAT_API_BASE').optional(),
  WECHAT_TEMPLATE_SITE_REQUEST: z.string().optional(),
  WECHAT_TEMPLATE_TESTING_SUBMISSION: z.string().optional(),
  WECHAT_TEMPLATE_MAINTENANCE_SUBMISSION: z.string().optional(),
  MINISTRY_FEED_URL: url('MINISTRY_FEED_URL').optional(),
  INSPECTION_FEED_URL: url('INSPECTION_FEED_URL').optional(),
  REGISTRY_PULL_EVERY_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 60),
  UPLOAD_MAX_DOCUMENT_MB: z.coerce.number().positive().default(50),
  UPLOAD_MAX_IMAGE_MB: z.coerce.number().positive().default(10),
  UPLOAD_MAX_VIDEO_MB: z.coerce.number().positive().default(50),
  UPLOAD_MAX_CONCURRENT: z.coerce.number().int().positive().default(16),
  UPLOAD_MAX_CONCURRENT_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  FACE_THRESHOLD: z.coerce.number().positive().max(2).default(0.6),
  FACE_REPLAY_MAX_BITS: z
    .string()
    .regex(/^(off|\d{1,3})$/, { error: 'FACE_REPLAY_MAX_BITS只能是0–255的整数或off' })
    .refine((v) => v === 'off' || Number(v) < 256, { error: 'FACE_REPLAY_MAX_BITS只能是0–255的整数或off' })
    .default('24'),
  WECHAT_TEMPLATE_REPORT_FILED: z.string().default('report_filed'),
  LOCATION_MOCK_UNKNOWN: z
    .enum(['flag', 'record'], { error: 'LOCATION_MOCK_UNKNOWN只能是flag或record' })
    .default('flag'),
  CHURN_WINDOW_DAYS: z.coerce.number().int().positive().default(90),
  CHURN_THRESHOLD: z.coerce.number().int().positive().default(5),
  DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  SERVE_CLIENTS: z.enum(['on', 'off']).default('on'),
  SERVER_ROLE: z
    .enum(['all', 'api', 'worker'], { error: 'SERVER_ROLE只能是all、api或worker' })
    .default('all'),
  CORS_ORIGINS: z.string().default('https://localhost,capacitor://localhost'),
  PUBLIC_BASE_URL: url('PUBLIC_BASE_URL').optional(),
  XF_NOW: z.string().optional(),
  READ_CACHE_REDIS_URL: url('READ_CACHE_REDIS_URL').optional(),
  READ_CACHE: z.enum(['on', 'off'], { error: 'READ_CACHE只能是on或off' }).default('on'),
  READ_CACHE_MB: z.coerce.number({ error: 'READ_CACHE_MB必须是数字' }).positive().default(64),
  READ_CACHE_TTL_SECONDS: z.coerce
    .number({ error: 'READ_CACHE_TTL_SECONDS必须是数字' })
    .positive()
    .max(3600)
    .default(10),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  /** The dev profile uses embedded or loopback stand-ins for every outside service. */
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  repoRoot: string;
  /** Where the public verification pages are reached (printed as QR codes on reports). */
  publicBaseUrl: string;
  database: { dialect: 'sqlite'; storage: string } | { dialect: 'mysql'; url: string };
  redisUrl?: string;
  /** Prefix of every Redis key (BullMQ queues, the WeChat token), so deployments can share one Redis. */
  redisPrefix: string;
  jwtSecret: string;
  bcryptRounds: number;
  logLevel: Env['LOG_LEVEL'];
  oss?: {
    region?: string;
    endpoint?: string;
    bucket: string;
    accessKeyId: string;
    accessKeySecret: string;
    cname: boolean;
  };
  wechat?: { appId: string; appSecret: string; apiBase?: string };
  /** Subscribe-message template ids (WeChat MP console); empty means that reminder is not sent. */
  reminderTemplates: { site_request: string; testing_submission: string; maintenance_submission: string };
  feeds: { ministryUrl?: string; inspectionUrl?: string; pullEveryMinutes: number };
  uploads: {
    maxDocumentBytes: number;
    maxImageBytes: number;
    /** A video (the "+" of a maintenance record): UPLOAD_MAX_VIDEO_MB. */
    maxVideoBytes: number;
    /** Uploads received at the same time by one process, and by one account in one process (429 beyond). */
    maxConcurrent: number;
    maxConcurrentPerAccount: number;
  };
  faceThreshold: number;
  /**
   * Largest Hamming distance (of 256 bits) at which a live photo counts as the profile photo or an earlier
   * live photo of the same account, i.e. a replay; null turns the check off.
   */
  faceReplayMaxBits: number | null;
  /** Subscribe-message template ids (configuration: each comes from the WeChat console). */
  wechatTemplates: { reportFiled: string };
  /** A fix whose device cannot tell whether it is mocked: always stored as unknown; 'flag' also raises a red flag. */
  unknownMockLocation: 'flag' | 'record';
  churn: { windowDays: number; threshold: number };
  demoData: boolean;
  serveClients: boolean;
  /** `all`: HTTP and background jobs; `api`: HTTP only; `worker`: background jobs only (BullMQ). */
  role: Env['SERVER_ROLE'];
  corsOrigins: string[];
  /**
   * The Redis that carries the shared data version (db/data-version.ts): READ_CACHE_REDIS_URL, else REDIS_URL.
   * With one, every process moves the version on after each write, whether or not it caches itself.
   */
  dataVersionRedisUrl?: string;
  /**
   * Answers kept per process while the shared data version stands (core/read-cache.ts). null: off
   * (READ_CACHE=off, or no Redis for the version: without it another process's writes could not be seen).
   */
  readCache: { maxBytes: number; ttlMs: number } | null;
  /** Test/dev only (XF_NOW): the instant the business clock starts at (core/clock.ts); null is the wall clock. */
  clockStart: Date | null;
}

/** An ISO 8601 instant with its offset, e.g. 2026-10-20T10:00:00+08:00: a bare date or time would be ambiguous. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误：\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

  const problems: string[] = [];
  const ossKeys = [e.OSS_BUCKET, e.OSS_ACCESS_KEY_ID, e.OSS_ACCESS_KEY_SECRET];
  if (ossKeys.some(Boolean) && !ossKeys.every(Boolean))
    problems.push('OSS_BUCKET、OSS_ACCESS_KEY_ID、OSS_ACCESS_KEY_SECRET必须同时设置');
  if ((e.WECHAT_APPID && !e.WECHAT_SECRET) || (!e.WECHAT_APPID && e.WECHAT_SECRET))
    problems.push('WECHAT_APPID与WECHAT_SECRET必须同时设置');
  // Every process behind the proxy must sign and accept the same tokens: no per-process generated secret.
  const sharedDatabase = /^(mysql|mariadb):/.test(e.DATABASE_URL ?? '');
  if (sharedDatabase && !e.JWT_SECRET && !production)
    problems.push('使用MySQL数据库（DATABASE_URL=mysql://…）时必须设置JWT_SECRET，所有服务进程使用同一个值');
  if (e.SERVER_ROLE !== 'all' && !e.REDIS_URL)
    problems.push('SERVER_ROLE为api或worker时必须设置REDIS_URL（任务经BullMQ在进程之间传递）');
  if (production) {
    if (!e.DATABASE_URL?.startsWith('mysql') && !e.DATABASE_URL?.startsWith('mariadb'))
      problems.push('生产环境必须设置DATABASE_URL=mysql://…');
    if (!e.JWT_SECRET) problems.push('生产环境必须设置JWT_SECRET');
    if (!e.REDIS_URL) problems.push('生产环境必须设置REDIS_URL');
    if (!e.OSS_BUCKET) problems.push('生产环境必须设置OSS_*');
    if (!e.WECHAT_APPID) problems.push('生产环境必须设置WECHAT_APPID和WECHAT_SECRET');
  }
  let clockStart: Date | null = null;
  if (e.XF_NOW !== undefined && e.XF_NOW !== '') {
    // A moved clock would let a production server accept plans, submissions and reports in the wrong month.
    if (production) problems.push('XF_NOW只用于测试和开发环境，生产环境不能设置（生产环境始终使用真实时间）');
    else if (!ISO_INSTANT.test(e.XF_NOW) || Number.isNaN(Date.parse(e.XF_NOW)))
      problems.push('XF_NOW必须是带时区的时间，例如2026-10-20T10:00:00+08:00');
    else clockStart = new Date(e.XF_NOW);
  }
  if (problems.length) throw new ConfigError(`配置错误：\n${problems.map((p) => `  ${p}`).join('\n')}`);

  const database: Config['database'] =
    e.DATABASE_URL && !e.DATABASE_URL.startsWith('sqlite')
      ? { dialect: 'mysql', url: e.DATABASE_URL.replace(/^mariadb:/, 'mysql:') }
      : {
          dialect: 'sqlite',
          storage: e.DATABASE_URL?.replace(/^sqlite:(\/\/)?/, '') || path.join(dataDir, 'xf.sqlite'),
        };

  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    repoRoot,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    database,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    jwtSecret: e.JWT_SECRET ?? devSecret(dataDir),
    bcryptRounds: e.BCRYPT_ROUNDS,
    logLevel: e.LOG_LEVEL,
    oss: e.OSS_BUCKET
      ? {
          region: e.OSS_REGION,
          endpoint: e.OSS_ENDPOINT,
          bucket: e.OSS_BUCKET,
          accessKeyId: e.OSS_ACCESS_KEY_ID!,
          accessKeySecret: e.OSS_ACCESS_KEY_SECRET!,
          cname: e.OSS_CNAME === 'true',
        }
      : undefined,
    wechat: e.WECHAT_APPID
      ? { appId: e.WECHAT_APPID, appSecret: e.WECHAT_SECRET!, apiBase: e.WECHAT_API_BASE }
      : undefined,
    // Outside production the loopback WeChat accepts any template id: dev ids stand in.
    reminderTemplates: {
      site_request: e.WECHAT_TEMPLATE_SITE_REQUEST ?? (production ? '' : 'dev-tpl-site-request'),
      testing_submission:
        e.WECHAT_TEMPLATE_TESTING_SUBMISSION ?? (production ? '' : 'dev-tpl-testing-submission'),
      maintenance_submission:
        e.WECHAT_TEMPLATE_MAINTENANCE_SUBMISSION ?? (production ? '' : 'dev-tpl-maintenance-submission'),
    },
    feeds: {
      ministryUrl: e.MINISTRY_FEED_URL,
      inspectionUrl: e.INSPECTION_FEED_URL,
      pullEveryMinutes: e.REGISTRY_PULL_EVERY_MINUTES,
    },
    uploads: {
      maxDocumentBytes: Math.round(e.UPLOAD_MAX_DOCUMENT_MB * 1024 * 1024),
      maxImageBytes: Math.round(e.UPLOAD_MAX_IMAGE_MB * 1024 * 1024),
      maxVideoBytes: Math.round(e.UPLOAD_MAX_VIDEO_MB * 1024 * 1024),
      maxConcurrent: e.UPLOAD_MAX_CONCURRENT,
      maxConcurrentPerAccount: e.UPLOAD_MAX_CONCURRENT_PER_ACCOUNT,
    },
    faceThreshold: e.FACE_THRESHOLD,
    faceReplayMaxBits: e.FACE_REPLAY_MAX_BITS === 'off' ? null : Number(e.FACE_REPLAY_MAX_BITS),
    wechatTemplates: { reportFiled: e.WECHAT_TEMPLATE_REPORT_FILED },
    unknownMockLocation: e.LOCATION_MOCK_UNKNOWN,
    dataVersionRedisUrl: e.READ_CACHE_REDIS_URL ?? e.REDIS_URL,
    readCache:
      e.READ_CACHE === 'on' && (e.READ_CACHE_REDIS_URL ?? e.REDIS_URL)
        ? { maxBytes: Math.round(e.READ_CACHE_MB * 1024 * 1024), ttlMs: e.READ_CACHE_TTL_SECONDS * 1000 }
        : null,
    churn: { windowDays: e.CHURN_WINDOW_DAYS, threshold: e.CHURN_THRESHOLD },
    demoData: e.DEMO_DATA === 'auto',
    serveClients: e.SERVE_CLIENTS === 'on',
    role: e.SERVER_ROLE,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    clockStart,
  };
}

/** Outside production a secret is generated once and kept in DATA_DIR, so sessions survive restarts. */
function devSecret(dataDir: string): string {
  const file = path.join(dataDir, 'dev-jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
