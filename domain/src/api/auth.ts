import { z } from 'zod';
import { passwordSchema } from '../rules/forms';
import { ACCOUNT_KINDS, CHANNELS, faceProfileStatuses, type SessionUser } from './accounts';
import { abilitiesSchema } from './common';

export const loginSchema = z.object({
  channel: z.enum(CHANNELS, { error: '登录渠道只能是web、weapp或app' }).meta({ label: '登录渠道' }),
  accountName: z.string().min(1, { error: '请输入账号' }).max(30).meta({ label: '账号' }),
  password: z.string().min(1, { error: '请输入密码' }).max(64).meta({ label: '密码' }),
  captchaId: z.string().max(64).optional().meta({ label: '验证码编号' }),
  captchaText: z.string().max(10).optional().meta({ label: '验证码' }),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const refreshSchema = z.object({
  refreshToken: z.string().min(10).max(200).meta({ label: '刷新令牌' }),
});
export const changePasswordSchema = z.object({
  oldPassword: z.string().min(1, { error: '请输入原密码' }).max(64).meta({ label: '原密码' }),
  newPassword: passwordSchema.meta({ label: '新密码' }),
});
export const wechatLoginSchema = z.object({
  code: z.string().min(1).max(200).meta({ label: '微信登录凭证' }),
});
export const wechatBindSchema = z.object({
  bindTicket: z.string().min(10).max(100).meta({ label: '绑定凭证' }),
  accountName: z.string().min(1, { error: '请输入账号' }).max(30).meta({ label: '账号' }),
  password: z.string().min(1, { error: '请输入密码' }).max(64).meta({ label: '密码' }),
  captchaId: z.string().max(64).optional().meta({ label: '验证码编号' }),
  captchaText: z.string().max(10).optional().meta({ label: '验证码' }),
});

export const sessionUserSchema = z.object({
  id: z.number().int(),
  accountName: z.string(),
  kind: z.enum(ACCOUNT_KINDS),
  kindLabel: z.string(),
  displayName: z.string(),
  institutionId: z.number().int().nullable(),
  institutionName: z.string().nullable(),
  detachmentId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
  mustChangePassword: z.boolean(),
  faceProfileStatus: z.enum(faceProfileStatuses),
  faceProfileRejectReason: z.string().nullable(),
  abilities: abilitiesSchema,
}) satisfies z.ZodType<SessionUser>;

export const loginResultSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  user: sessionUserSchema,
});
export type LoginResult = z.infer<typeof loginResultSchema>;

export const captchaSchema = z.object({ captchaId: z.string(), svg: z.string() });
export const okSchema = z.object({ ok: z.literal(true) });
export const revokeAllResultSchema = z.object({ ok: z.literal(true), revoked: z.number().int() });
export const wechatLoginResultSchema = z.union([
  loginResultSchema.extend({ bound: z.literal(true) }),
  z.object({ bound: z.literal(false), bindTicket: z.string() }),
]);
