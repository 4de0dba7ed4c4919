import { randomBytes } from 'node:crypto';
import { Op } from 'sequelize';
import type { LoginResult } from '@xf/domain';
import { Account, WechatBindTicket } from '../accounts/models';
import type { AppContext } from '../context';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { badRequest, conflict } from '../core/errors';
import { accountActor, assertAccountUsable, openSession, verifyLogin } from './service';

const TICKET_TTL_MS = 10 * 60_000;

/**
 * wx.login → code2Session → openid. A bound openid logs in silently; an unbound one gets a short-lived
 * ticket so the bind page can prove which WeChat user it speaks for without sending the openid around.
 */
export async function loginWithWechat(
  app: AppContext,
  code: string,
): Promise<({ bound: true } & LoginResult) | { bound: false; bindTicket: string }> {
  const session = await app.wechat.code2Session(code);
  const account = await Account.findOne({ where: { wechatOpenId: session.openId } });
  if (account) {
    assertAccountUsable(account, 'weapp');
    await account.update({ lastLoginAt: new Date() });
    return { bound: true, ...(await openSession(app, account, 'weapp')) };
  }
  const bindTicket = randomBytes(24).toString('base64url');
  await WechatBindTicket.create({
    id: bindTicket,
    openId: session.openId,
    expiresAt: new Date(Date.now() + TICKET_TTL_MS),
  });
  return { bound: false, bindTicket };
}

/**
 * Binding proves the account with its password through the same login as the WeChat channel (counted
 * failures, lock, captcha after two failures), then ties the openid to it.
 */
export async function bindWechat(
  context: RequestContext,
  input: {
    bindTicket: string;
    accountName: string;
    password: string;
    captchaId?: string;
    captchaText?: string;
  },
) {
  const { app } = context;
  const ticket = await WechatBindTicket.findByPk(input.bindTicket);
  if (!ticket || ticket.expiresAt < new Date())
    throw badRequest('绑定凭证：已过期，请重新打开小程序', 'bindTicket');
  const account = await verifyLogin(app, { ...input, channel: 'weapp' });
  if (account.wechatOpenId && account.wechatOpenId !== ticket.openId)
    throw conflict('该账号已绑定其他微信，请先在原微信中解除绑定');
  const other = await Account.findOne({
    where: { wechatOpenId: ticket.openId, id: { [Op.ne]: account.id } },
  });
  if (other) throw conflict('该微信已绑定其他账号');
  const actor = accountActor(account, 'weapp');
  await runCommand({ ...context, actor }, 'account.wechat_bound', async ({ transaction }) => {
    await account.update({ wechatOpenId: ticket.openId }, { transaction });
    await ticket.destroy({ transaction });
    return {
      result: null,
      audit: { entityType: 'account', entityId: account.id, institutionId: account.institutionId },
    };
  });
  return openSession(app, account, 'weapp');
}

export async function unbindWechat(context: RequestContext) {
  const actor = actorOf(context);
  await runCommand(context, 'account.wechat_unbound', async ({ transaction }) => {
    await actor.account.update({ wechatOpenId: null }, { transaction });
    return {
      result: null,
      audit: { entityType: 'account', entityId: actor.id, institutionId: actor.institutionId },
    };
  });
}
