export default definePageConfig({ navigationBarTitleText: '维保记录' });
