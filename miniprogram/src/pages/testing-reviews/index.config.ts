export default definePageConfig({ navigationBarTitleText: '待审核', enablePullDownRefresh: true });
