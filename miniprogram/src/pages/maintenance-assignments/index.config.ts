export default definePageConfig({ navigationBarTitleText: '接收下发计划' });
