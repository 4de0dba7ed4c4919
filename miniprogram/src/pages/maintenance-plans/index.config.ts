export default definePageConfig({ navigationBarTitleText: '维保计划' });
