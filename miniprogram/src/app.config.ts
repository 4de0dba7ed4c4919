// Operator pages exist only in the H5 build: operators work in the Android app, never in the mini-program.
const operatorPages =
  process.env.TARO_ENV === 'h5'
    ? [
        'pages/work-logs/index',
        'pages/work-log-new/index',
        'pages/testing-assignments/index',
        'pages/testing-tasks/index',
        'pages/testing-record/index',
        'pages/testing-history/index',
        'pages/maintenance-assignments/index',
        'pages/maintenance-tasks/index',
        'pages/maintenance-record/index',
        'pages/maintenance-history/index',
        'pages/maintenance-faults/index',
      ]
    : [];

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
    'pages/maintenance/index',
    'pages/maintenance-reviews/index',
    'pages/maintenance-review/index',
    'pages/site-requests/index',
    'pages/testing-reviews/index',
    'pages/testing-review/index',
    'pages/reports-to-file/index',
    'pages/report-file/index',
    ...operatorPages,
  ],
  // The lead's tabs as in the manual (消防检测 / 消防维保 / 我的). WeChat draws them; on H5 PageShell draws the
  // same tabs for leads only, since operators use the H5 build with their own menu (navigation/tabs.ts).
  ...(process.env.TARO_ENV === 'weapp'
    ? {
        tabBar: {
          color: '#4e5969',
          selectedColor: '#c62f2f',
          backgroundColor: '#ffffff',
          borderStyle: 'black' as const,
          list: [
            { pagePath: 'pages/home/index', text: '消防检测' },
            { pagePath: 'pages/maintenance/index', text: '消防维保' },
            { pagePath: 'pages/mine/index', text: '我的' },
          ],
        },
      }
    : {}),
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
