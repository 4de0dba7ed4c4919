import { z } from 'zod';
import {
  changePasswordSchema,
  loginSchema,
  refreshSchema,
  wechatBindSchema,
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
    handler: () => createCaptcha(),
  }),
  route({
    method: 'get',
    path: '/auth/captcha/:id/peek',
    summary: '读取验证码文字（仅开发与测试环境，供自动化测试使用）',
    tag,
    auth: 'public',
    params: z.object({ id: z.string().max(64) }),
    handler: async ({ params, app }) => {
      if (app.config.production) throw notFound('接口');
      const text = await peekCaptcha(params.id);
      if (!text) throw notFound('验证码');
      return { text };
    },
  }),
  route({
    method: 'post',
    path: '/auth/login',
    summary: '账号密码登录（电脑端需要验证码）',
    tag,
    auth: 'public',
    body: loginSchema,
    handler: ({ body, app }) => login(app, body),
  }),
  route({
    method: 'post',
    path: '/auth/refresh',
    summary: '用刷新令牌换取新的访问令牌',
    tag,
    auth: 'public',
    body: refreshSchema,
    handler: ({ body, app }) => refresh(app, body.refreshToken),
  }),
  route({
    method: 'post',
    path: '/auth/logout',
    summary: '退出登录（吊销当前刷新令牌）',
    tag,
    allowPendingPasswordChange: true,
    body: refreshSchema,
    handler: async ({ body, actor }) => {
      await logout(body.refreshToken, actor.id);
      return { ok: true };
    },
  }),
  route({
    method: 'post',
    path: '/auth/revoke-all',
    summary: '退出所有设备（吊销全部会话）',
    tag,
    allowPendingPasswordChange: true,
    handler: async ({ actor }) => ({ ok: true, revoked: await revokeAll(actor.account) }),
  }),
  route({
    method: 'post',
    path: '/auth/password',
    summary: '修改密码',
    tag,
    allowPendingPasswordChange: true,
    body: changePasswordSchema,
    handler: async ({ body, actor, app, requestId }) => {
      await changePassword(app, actor.account, body.oldPassword, body.newPassword, requestId);
      return { ok: true };
    },
  }),
  route({
    method: 'get',
    path: '/auth/me',
    summary: '当前登录账号',
    tag,
    allowPendingPasswordChange: true,
    handler: ({ actor }) => presentSessionUser(actor.account),
  }),
  route({
    method: 'post',
    path: '/auth/wechat/login',
    summary: '微信小程序登录（wx.login 的 code）',
    tag,
    auth: 'public',
    body: wechatLoginSchema,
    handler: ({ body, app }) => loginWithWechat(app, body.code),
  }),
  route({
    method: 'post',
    path: '/auth/wechat/bind',
    summary: '首次使用微信时绑定账号',
    tag,
    auth: 'public',
    body: wechatBindSchema,
    handler: ({ body, app, requestId }) => bindWechat(app, body, requestId),
  }),
  route({
    method: 'post',
    path: '/auth/wechat/unbind',
    summary: '解除微信绑定',
    tag,
    allowPendingPasswordChange: true,
    handler: async ({ actor, app, requestId }) => {
      await unbindWechat(app, actor, requestId);
      return { ok: true };
    },
  }),
];
