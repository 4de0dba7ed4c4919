export default definePageConfig({ navigationBarTitleText: '查询历史记录' });
