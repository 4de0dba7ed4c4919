export default definePageConfig({ navigationBarTitleText: '现场记录' });
