import { beforeEach, describe, expect, it, vi } from 'vitest';

type Answer = { event: string; buttonId?: string };
type Listener = (resolve: (a: Answer) => void) => void;

/** WeChat's onNeedPrivacyAuthorization, as the mini-program's runtime would call it. */
const wx = vi.hoisted(() => ({
  listener: null as Listener | null,
  onNeedPrivacyAuthorization(l: Listener) {
    wx.listener = l;
  },
  showToast: vi.fn(async () => undefined),
}));
vi.mock('@tarojs/taro', () => ({ default: wx }));
const privacy = await import('../src/platform/privacy');

/** A private API call (getLocation, chooseMedia …) waiting for the user's consent; returns WeChat's answers. */
function privateApiCall(): Answer[] {
  const answers: Answer[] = [];
  wx.listener!((a) => answers.push(a));
  return answers;
}

describe('WeChat privacy consent (platform/privacy.ts, onNeedPrivacyAuthorization)', () => {
  beforeEach(() => {
    wx.listener = null;
    wx.showToast.mockClear();
    privacy.listenForPrivacyAuthorization();
  });

  it('a page with the consent dialog shows it; 同意 lets the pending call go on with the agree button', () => {
    const shown: boolean[] = [];
    const stop = privacy.onPrivacyRequest((open) => shown.push(open));
    const answers = privateApiCall();
    expect(answers).toEqual([{ event: 'exposureAuthorization' }]);
    expect(shown).toEqual([true]);
    privacy.agreePrivacy();
    expect(answers.at(-1)).toEqual({ event: 'agree', buttonId: privacy.AGREE_PRIVACY_BUTTON_ID });
    expect(shown).toEqual([true, false]);
    stop();
  });

  it('拒绝 refuses the pending call and closes the dialog', () => {
    const shown: boolean[] = [];
    const stop = privacy.onPrivacyRequest((open) => shown.push(open));
    const answers = privateApiCall();
    privacy.disagreePrivacy();
    expect(answers.at(-1)).toEqual({ event: 'disagree' });
    expect(shown).toEqual([true, false]);
    stop();
  });

  it('with no page able to ask, the call is refused at once (never left hanging) and the user is told', () => {
    const answers = privateApiCall();
    expect(answers).toEqual([{ event: 'disagree' }]);
    expect(wx.showToast).toHaveBeenCalledWith({ title: '请先同意隐私保护指引', icon: 'none' });
    // A later 同意 has nothing to answer.
    privacy.agreePrivacy();
    expect(answers).toHaveLength(1);
  });
});
