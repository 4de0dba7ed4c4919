/** Login protection: 5 wrong passwords lock the account for 15 minutes; after 2, every channel needs a captcha. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const CAPTCHA_AFTER_FAILURES = 2;
export function formatUnlockTime(d: Date) {
  return d.toLocaleTimeString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}
