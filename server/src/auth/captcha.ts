import { randomUUID } from 'node:crypto';
import svgCaptcha from 'svg-captcha';
import { Op } from 'sequelize';
import { Captcha } from '../accounts/models';
import { badRequest } from '../core/errors';

const CAPTCHA_TTL_MS = 5 * 60_000;

export async function createCaptcha() {
  // Digits only, like the brigade's current login page; no look-alike confusion.
  const c = svgCaptcha.create({
    size: 4,
    charPreset: '0123456789',
    noise: 2,
    color: true,
    width: 120,
    height: 40,
  });
  const id = randomUUID();
  await Captcha.create({ id, text: c.text, expiresAt: new Date(Date.now() + CAPTCHA_TTL_MS) });
  // Old captchas are dropped opportunistically so the table stays small.
  await Captcha.destroy({ where: { expiresAt: { [Op.lt]: new Date(Date.now() - CAPTCHA_TTL_MS) } } });
  return { captchaId: id, svg: c.data };
}

/** A captcha is single-use: checking it consumes it, right or wrong. */
export async function consumeCaptcha(id: string | undefined, text: string | undefined) {
  if (!id || !text) throw badRequest('验证码（captchaText）：请输入验证码', 'captchaText');
  const c = await Captcha.findByPk(id);
  if (!c || c.usedAt || c.expiresAt < new Date())
    throw badRequest('验证码（captchaText）：验证码已过期，请刷新后重新输入', 'captchaText');
  await c.update({ usedAt: new Date() });
  if (c.text.toLowerCase() !== text.trim().toLowerCase())
    throw badRequest('验证码（captchaText）：验证码不正确', 'captchaText');
}

export async function peekCaptcha(id: string) {
  const c = await Captcha.findByPk(id);
  return c && !c.usedAt ? c.text : null;
}
