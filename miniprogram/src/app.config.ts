// Operator pages exist only in the H5 build: operators work in the Android app, never in the mini-program.
const operatorPages =
  process.env.TARO_ENV === 'h5' ? ['pages/work-logs/index', 'pages/work-log-new/index'] : [];

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/login/index',
    'pages/bind/index',
    'pages/mine/index',
    'pages/password/index',
    'pages/face-profile/index',
    'pages/projects/index',
    'pages/projects-detail/index',
    'pages/testing-plan/index',
    'pages/maintenance-plans/index',
    'pages/maintenance-plan/index',
    ...operatorPages,
  ],
  window: {
    navigationBarBackgroundColor: '#c62f2f',
    navigationBarTitleText: '消防技术服务监管',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
  },
  permission: {
    'scope.userLocation': { desc: '现场位置校验需要获取您的位置' },
  },
  // Only the private APIs the code calls (getLocation; chooseMedia needs no declaration).
  requiredPrivateInfos: ['getLocation'],
  // WeChat's privacy consent: private APIs wait for onNeedPrivacyAuthorization (platform/privacy.ts).
  __usePrivacyCheck__: true,
  // Code quality (代码质量): inject only the components a page uses.
  lazyCodeLoading: 'requiredComponents',
});
