import { z } from 'zod';
import {
  captchaSchema,
  changePasswordSchema,
  loginResultSchema,
  loginSchema,
  okSchema,
  refreshSchema,
  revokeAllResultSchema,
  sessionUserSchema,
  wechatBindSchema,
  wechatLoginResultSchema,
  wechatLoginSchema,
} from '@xf/domain';
import { route } from '../core/route';
import { notFound } from '../core/errors';
import { createCaptcha, peekCaptcha } from './captcha';
import { presentSessionUser } from './present-user';
import { changePassword, login, logout, refresh, revokeAll } from './service';
import { bindWechat, loginWithWechat, unbindWechat } from './wechat';

const tag = '登录与会话';

export const authRoutes = [
  route({
    method: 'get',
    path: '/auth/captcha',
    summary: '获取图形验证码',
    tag,
    auth: 'public',
    response: captchaSchema,
    handler: () => createCaptcha(),
  }),
  route({
    method: 'get',
    path: '/auth/captcha/:id/peek',
    summary: '读取验证码文字（仅测试环境，供自动化测试使用）',
    tag,
    auth: 'public',
    params: z.object({ id: z.string().max(64).meta({ label: '验证码编号' }) }),
    response: z.object({ text: z.string() }),
    handler: async ({ params, app }) => {
      // Only the test profile: in the dev profile (`npm start`) it would hand the captcha to any script as well.
      if (app.config.env !== 'test') throw notFound('接口');
      const text = await peekCaptcha(params.id);
      if (!text) throw notFound('验证码');
      return { text };
    },
  }),
  route({
    method: 'post',
    path: '/auth/login',
    summary: '账号密码登录（电脑端始终需要验证码，其他渠道连续输错2次后需要）',
    tag,
    auth: 'public',
    body: loginSchema,
    response: loginResultSchema,
    handler: ({ body, app }) => login(app, body),
  }),
  route({
    method: 'post',
    path: '/auth/refresh',
    summary: '用刷新令牌换取新的访问令牌',
    tag,
    auth: 'public',
    body: refreshSchema,
    response: loginResultSchema,
    handler: ({ body, app, ctx }) => refresh(app, body.refreshToken, ctx.state.receivedAt),
  }),
  route({
    method: 'post',
    path: '/auth/logout',
    summary: '退出登录（结束当前会话）',
    tag,
    allowPendingPasswordChange: true,
    body: refreshSchema,
    response: okSchema,
    handler: async ({ body, actor }) => {
      await logout(actor, body.refreshToken);
      return { ok: true as const };
    },
  }),
  route({
    method: 'post',
    path: '/auth/revoke-all',
    summary: '退出所有设备（结束全部会话）',
    tag,
    allowPendingPasswordChange: true,
    response: revokeAllResultSchema,
    handler: async ({ context }) => ({ ok: true as const, revoked: await revokeAll(context) }),
  }),
  route({
    method: 'post',
    path: '/auth/password',
    summary: '修改密码（其他设备上的会话随即结束）',
    tag,
    allowPendingPasswordChange: true,
    body: changePasswordSchema,
    response: okSchema,
    handler: async ({ body, context }) => {
      await changePassword(context, body);
      return { ok: true as const };
    },
  }),
  route({
    method: 'get',
    path: '/auth/me',
    summary: '当前登录账号',
    tag,
    allowPendingPasswordChange: true,
    response: sessionUserSchema,
    handler: ({ actor }) => presentSessionUser(actor.account),
  }),
  route({
    method: 'post',
    path: '/auth/wechat/login',
    summary: '微信小程序登录（wx.login 的 code）',
    tag,
    auth: 'public',
    body: wechatLoginSchema,
    response: wechatLoginResultSchema,
    handler: ({ body, app }) => loginWithWechat(app, body.code),
  }),
  route({
    method: 'post',
    path: '/auth/wechat/bind',
    summary: '首次使用微信时绑定账号',
    tag,
    auth: 'public',
    body: wechatBindSchema,
    response: loginResultSchema,
    handler: ({ body, context }) => bindWechat(context, body),
  }),
  route({
    method: 'post',
    path: '/auth/wechat/unbind',
    summary: '解除微信绑定',
    tag,
    allowPendingPasswordChange: true,
    response: okSchema,
    handler: async ({ context }) => {
      await unbindWechat(context);
      return { ok: true as const };
    },
  }),
];
