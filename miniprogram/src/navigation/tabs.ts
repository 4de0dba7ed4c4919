import Taro from '@tarojs/taro';

/** The lead's tab bar as in the manual: 消防检测 / 消防维保 / 我的 (app.config's tabBar in WeChat, PageShell on H5). */
export const TABS = [
  { url: '/pages/home/index', title: '消防检测' },
  { url: '/pages/maintenance/index', title: '消防维保' },
  { url: '/pages/mine/index', title: '我的' },
] as const;

export type TabUrl = (typeof TABS)[number]['url'];

const isWeapp = process.env.TARO_ENV === 'weapp';

/** Opens a tab page: switchTab in WeChat (tab pages cannot be navigated to), a fresh stack on H5. */
export function goTab(url: TabUrl) {
  return isWeapp ? Taro.switchTab({ url }) : Taro.reLaunch({ url });
}
