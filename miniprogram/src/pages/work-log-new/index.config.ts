export default definePageConfig({ navigationBarTitleText: '写工作日志' });
