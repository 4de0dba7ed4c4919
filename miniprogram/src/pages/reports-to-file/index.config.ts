export default definePageConfig({ navigationBarTitleText: '待备案报告' });
