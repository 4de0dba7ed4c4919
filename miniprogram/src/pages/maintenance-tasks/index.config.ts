export default definePageConfig({ navigationBarTitleText: '待开始工作' });
