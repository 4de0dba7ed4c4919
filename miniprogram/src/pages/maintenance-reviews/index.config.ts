export default definePageConfig({ navigationBarTitleText: '消防维保-待审核', enablePullDownRefresh: true });
