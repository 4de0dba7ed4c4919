export default definePageConfig({ navigationBarTitleText: '维保审核' });
