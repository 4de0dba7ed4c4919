import { randomBytes } from 'node:crypto';
import type { LoginResult } from '@xf/domain';
import { Account, WechatBindTicket } from '../accounts/models';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { badRequest, conflict, unauthenticated } from '../core/errors';
import { recordOperation } from '../operation-log/record';
import { assertAccountUsable, issueSession } from './service';
import { verifyPassword } from './passwords';

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
    return { bound: true, ...(await issueSession(app, account, 'weapp')) };
  }
  const bindTicket = randomBytes(24).toString('base64url');
  await WechatBindTicket.create({
    id: bindTicket,
    openId: session.openId,
    expiresAt: new Date(Date.now() + TICKET_TTL_MS),
  });
  return { bound: false, bindTicket };
}

export async function bindWechat(
  app: AppContext,
  input: { bindTicket: string; accountName: string; password: string },
  requestId: string,
) {
  const ticket = await WechatBindTicket.findByPk(input.bindTicket);
  if (!ticket || ticket.expiresAt < new Date())
    throw badRequest('绑定凭证（bindTicket）：已过期，请重新打开小程序', 'bindTicket');
  const account = await Account.findOne({ where: { accountName: input.accountName } });
  if (!account || !(await verifyPassword(input.password, account.passwordHash)))
    throw unauthenticated('账号或密码错误', 'invalid_credentials');
  assertAccountUsable(account, 'weapp');
  if (account.wechatOpenId && account.wechatOpenId !== ticket.openId)
    throw conflict('该账号已绑定其他微信，请先在原微信中解除绑定');
  const other = await Account.findOne({ where: { wechatOpenId: ticket.openId } });
  if (other && other.id !== account.id) throw conflict('该微信已绑定其他账号');
  await app.sequelize.transaction(async (t) => {
    await account.update({ wechatOpenId: ticket.openId, lastLoginAt: new Date() }, { transaction: t });
    await ticket.destroy({ transaction: t });
    await recordOperation(
      t,
      account,
      {
        action: 'account.wechat_bound',
        entityType: 'account',
        entityId: account.id,
        institutionId: account.institutionId,
      },
      requestId,
    );
  });
  return issueSession(app, account, 'weapp');
}

export async function unbindWechat(app: AppContext, actor: Actor, requestId: string) {
  await app.sequelize.transaction(async (t) => {
    await actor.account.update({ wechatOpenId: null }, { transaction: t });
    await recordOperation(
      t,
      actor,
      {
        action: 'account.wechat_unbound',
        entityType: 'account',
        entityId: actor.id,
        institutionId: actor.institutionId,
      },
      requestId,
    );
  });
}
