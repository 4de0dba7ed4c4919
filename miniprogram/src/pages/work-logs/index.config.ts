export default definePageConfig({ navigationBarTitleText: '工作日志' });
