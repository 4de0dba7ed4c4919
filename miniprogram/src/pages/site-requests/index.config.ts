export default definePageConfig({ navigationBarTitleText: '待处理申请', enablePullDownRefresh: true });
