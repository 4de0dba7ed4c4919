import { describe, expect, it } from 'vitest';
import {
  accountNameSchema,
  completeUscc,
  isValidAccountName,
  isValidMobile,
  isValidPassword,
  isValidUscc,
  mobileSchema,
  passwordSchema,
  usccCheckChar,
  usccOrNullSchema,
  usccSchema,
} from '../../src/rules/forms';

const firstError = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues[0]?.message;

describe('account name (3–30 letters or digits)', () => {
  it('allows letters and digits of length 3–30', () => {
    expect(isValidAccountName('abc')).toBe(true);
    expect(isValidAccountName('A1b2C3'.repeat(5))).toBe(true);
    expect(accountNameSchema.safeParse('operator01').success).toBe(true);
  });
  it('refuses short, long, and non-alphanumeric names with a Chinese message', () => {
    expect(isValidAccountName('ab')).toBe(false);
    expect(isValidAccountName('a'.repeat(31))).toBe(false);
    expect(isValidAccountName('张三abc')).toBe(false);
    expect(isValidAccountName('ab_c')).toBe(false);
    expect(firstError(accountNameSchema.safeParse('ab'))).toBe('账号只允许3-30位的数字和字母');
    expect(firstError(accountNameSchema.safeParse(123))).toBe('账号必须是文本');
  });
});

describe('password (6–20 characters)', () => {
  it('allows 6 and 20 characters', () => {
    expect(isValidPassword('123456')).toBe(true);
    expect(passwordSchema.safeParse('x'.repeat(20)).success).toBe(true);
  });
  it('refuses 5 and 21 characters', () => {
    expect(isValidPassword('12345')).toBe(false);
    expect(firstError(passwordSchema.safeParse('x'.repeat(21)))).toBe('密码长度为6-20位');
    expect(firstError(passwordSchema.safeParse('12345'))).toBe('密码长度为6-20位');
  });
});

describe('统一社会信用代码', () => {
  // 91350100M000100Y43 is the example code printed in GB 32100-2015.
  const valid = completeUscc('91350100M000100Y4');
  it('computes the check character and accepts valid codes', () => {
    expect(valid).toBe('91350100M000100Y43');
    expect(isValidUscc(valid)).toBe(true);
    expect(usccSchema.safeParse(valid).success).toBe(true);
  });
  it('refuses a wrong check character, bad letters and wrong length', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100YI3')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(usccCheckChar('9135010OM000100Y4')).toBeNull();
    expect(firstError(usccSchema.safeParse('91350100M000100Y44'))).toBe(
      '统一社会信用代码应为18位且校验位正确',
    );
    expect(() => completeUscc('OOO')).toThrow();
  });
  it('accepts NULL only where 民办非企业 may lack a code', () => {
    expect(usccOrNullSchema.safeParse('NULL').success).toBe(true);
    expect(usccSchema.safeParse('NULL').success).toBe(false);
    expect(usccOrNullSchema.safeParse('null').success).toBe(false);
    expect(firstError(usccOrNullSchema.safeParse('123'))).toContain('NULL');
  });
});

describe('mobile number', () => {
  it('allows 11-digit mainland numbers starting 13–19', () => {
    expect(isValidMobile('13800138000')).toBe(true);
    expect(mobileSchema.safeParse('19912345678').success).toBe(true);
  });
  it('refuses other numbers', () => {
    expect(isValidMobile('12800138000')).toBe(false);
    expect(isValidMobile('1380013800')).toBe(false);
    expect(isValidMobile('+8613800138000')).toBe(false);
    expect(firstError(mobileSchema.safeParse('010-12345678'))).toBe('手机号码应为11位中国大陆手机号');
  });
});
