import { z } from 'zod';

/** Account names are 3–30 letters or digits and can never be changed (manual §01). */
export const ACCOUNT_NAME_PATTERN = /^[A-Za-z0-9]{3,30}$/;
export const accountNameSchema = z
  .string({ error: '账号必须是文本' })
  .regex(ACCOUNT_NAME_PATTERN, { error: '账号只允许3-30位的数字和字母' });

/** Passwords are 6–20 characters (manual §01). */
export const passwordSchema = z
  .string({ error: '密码必须是文本' })
  .min(6, { error: '密码长度为6-20位' })
  .max(20, { error: '密码长度为6-20位' });

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet with a check character.
 * 民办非企业 without a code enter the literal NULL (manual §03).
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function isValidUscc(value: string, { allowNull = false } = {}): boolean {
  if (allowNull && value === 'NULL') return true;
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  return usccCheckChar(value.slice(0, 17)) === value[17];
}

export const usccSchema = z
  .string({ error: '统一社会信用代码必须是文本' })
  .refine((v) => isValidUscc(v), { error: '统一社会信用代码应为18位且校验位正确' });

export const usccOrNullSchema = z
  .string({ error: '统一社会信用代码必须是文本' })
  .refine((v) => isValidUscc(v, { allowNull: true }), {
    error: '统一社会信用代码应为18位且校验位正确；民办非企业没有代码时请输入NULL',
  });

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const mobileSchema = z.string().regex(MOBILE_PATTERN, { error: '手机号码应为11位中国大陆手机号' });

export const isValidAccountName = (v: string) => ACCOUNT_NAME_PATTERN.test(v);
export const isValidPassword = (v: string) => v.length >= 6 && v.length <= 20;
export const isValidMobile = (v: string) => MOBILE_PATTERN.test(v);

/** Make a valid USCC from 17 leading characters (demo data and tests). */
export function completeUscc(first17: string): string {
  const c = usccCheckChar(first17);
  if (!c) throw new Error(`invalid USCC prefix ${first17}`);
  return first17 + c;
}
