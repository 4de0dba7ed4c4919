/** Login protection: 5 wrong passwords lock the account for 15 minutes; after 2, every channel needs a captcha. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const CAPTCHA_AFTER_FAILURES = 2;
/**
 * How long the captcha stays required after the last attempt. The app and mini-program login pages have no
 * captcha form yet, so their users may try again without one after this; five failures still lock.
 */
export const CHALLENGE_MINUTES = 15;
/**
 * A rotated refresh token presented again this soon after its rotation, while its successor is still unused,
 * is refused without ending the session: under load a racing refresh can arrive just after the rotation.
 * Later, or once the successor has been used, it is a reuse and the whole session ends.
 */
export const REFRESH_RACE_MS = 10_000;
export function formatUnlockTime(d: Date) {
  return d.toLocaleTimeString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}
