import Taro from '@tarojs/taro';

/**
 * WeChat's privacy consent (app.json `__usePrivacyCheck__: true`): the first call to a private API
 * (getLocation, chooseMedia, …) triggers `onNeedPrivacyAuthorization`; the page shows <PrivacyConsent />,
 * whose agree button has open-type="agreePrivacyAuthorization", and the pending call goes on or fails.
 */
export const AGREE_PRIVACY_BUTTON_ID = 'xf-agree-privacy';

type Resolve = (r: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

let pending: Resolve | null = null;
const subscribers = new Set<(open: boolean) => void>();
const notify = (open: boolean) => subscribers.forEach((s) => s(open));

export function listenForPrivacyAuthorization(): void {
  const wx = Taro as unknown as { onNeedPrivacyAuthorization?: (l: (resolve: Resolve) => void) => void };
  wx.onNeedPrivacyAuthorization?.((resolve) => {
    pending = resolve;
    if (subscribers.size) {
      resolve({ event: 'exposureAuthorization' });
      notify(true);
    } else {
      // No page can show the dialog: refuse this call rather than leave it hanging.
      pending = null;
      resolve({ event: 'disagree' });
      void Taro.showToast({ title: '请先同意隐私保护指引', icon: 'none' });
    }
  });
}

export function agreePrivacy(): void {
  pending?.({ event: 'agree', buttonId: AGREE_PRIVACY_BUTTON_ID });
  pending = null;
  notify(false);
}

export function disagreePrivacy(): void {
  pending?.({ event: 'disagree' });
  pending = null;
  notify(false);
}

export function onPrivacyRequest(listener: (open: boolean) => void): () => void {
  subscribers.add(listener);
  return () => subscribers.delete(listener);
}

export function openPrivacyContract(): void {
  const wx = Taro as unknown as { openPrivacyContract?: (o: object) => void };
  wx.openPrivacyContract?.({});
}
