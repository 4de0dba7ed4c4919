import { randomUUID } from 'node:crypto';
import svgCaptcha from 'svg-captcha';
import { Op } from 'sequelize';
import { AppError } from '../core/errors';
import { Captcha } from './models';

const CAPTCHA_TTL_MS = 5 * 60_000;

export const captchaRequired = () =>
  new AppError(400, 'captcha_required', '验证码：请输入验证码', 'captchaText', [
    { field: 'captchaText', message: '验证码：请输入验证码' },
  ]);
const captchaRefused = (message: string) =>
  new AppError(400, 'captcha_invalid', message, 'captchaText', [{ field: 'captchaText', message }]);

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

/**
 * A captcha is single-use: checking it consumes it, right or wrong. The consumption is one conditional
 * UPDATE in the database, so of any number of parallel logins on any number of processes exactly one wins.
 */
export async function consumeCaptcha(id: string | undefined, text: string | undefined) {
  if (!id || !text) throw captchaRequired();
  const now = new Date();
  const [won] = await Captcha.update(
    { usedAt: now },
    { where: { id, usedAt: { [Op.is]: null }, expiresAt: { [Op.gt]: now } } },
  );
  if (won !== 1) throw captchaRefused('验证码：验证码已过期，请刷新后重新输入');
  const c = await Captcha.findByPk(id, { attributes: ['text'] });
  if (!c || c.text.toLowerCase() !== text.trim().toLowerCase()) throw captchaRefused('验证码：验证码不正确');
}

export async function peekCaptcha(id: string) {
  const c = await Captcha.findByPk(id);
  return c && !c.usedAt ? c.text : null;
}
