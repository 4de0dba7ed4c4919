import { z } from 'zod';
import { passwordSchema } from '../rules/forms';
import { CLIENTS, type SessionUser } from './accounts';

export const loginSchema = z.object({
  client: z.enum(CLIENTS, { error: '客户端只能是web、weapp或app' }),
  accountName: z.string().min(1, { error: '请输入账号' }).max(30),
  password: z.string().min(1, { error: '请输入密码' }).max(64),
  captchaId: z.string().max(64).optional(),
  captchaText: z.string().max(10).optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const refreshSchema = z.object({ refreshToken: z.string().min(10).max(200) });
export const changePasswordSchema = z.object({
  oldPassword: z.string().min(1, { error: '请输入原密码' }).max(64),
  newPassword: passwordSchema,
});
export const wechatLoginSchema = z.object({ code: z.string().min(1).max(200) });
export const wechatBindSchema = z.object({
  bindTicket: z.string().min(10).max(100),
  accountName: z.string().min(1, { error: '请输入账号' }).max(30),
  password: z.string().min(1, { error: '请输入密码' }).max(64),
});

export interface LoginResult {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUser;
}
