export default definePageConfig({ navigationBarTitleText: '报告备案' });
