import Taro from '@tarojs/taro';
import type { AccountKind } from '@xf/domain/api/accounts';
import { getSession } from './session-store';

/**
 * Pages call this on show: without a session go to login; with a fresh account go to the password page
 * first (the server refuses everything else until the password is changed).
 */
export function requireSession(kinds?: AccountKind[]): boolean {
  const s = getSession();
  if (!s) {
    void Taro.reLaunch({ url: '/pages/login/index' });
    return false;
  }
  if (s.user.mustChangePassword) {
    void Taro.redirectTo({ url: '/pages/password/index?forced=1' });
    return false;
  }
  if (kinds && !kinds.includes(s.user.kind)) {
    void Taro.reLaunch({ url: '/pages/home/index' });
    return false;
  }
  return true;
}

export const LEAD_KINDS: AccountKind[] = ['project_lead', 'technical_lead'];
