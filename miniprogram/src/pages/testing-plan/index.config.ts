export default definePageConfig({ navigationBarTitleText: '检测计划' });
