/** Login protection (issue: 5 wrong passwords lock the account for 15 minutes). */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export function formatUnlockTime(d: Date) {
  return d.toLocaleTimeString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}
