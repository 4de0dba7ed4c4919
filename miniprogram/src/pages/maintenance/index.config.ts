export default definePageConfig({ navigationBarTitleText: '消防维保', enablePullDownRefresh: true });
