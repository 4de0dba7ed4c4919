export default definePageConfig({ navigationBarTitleText: '审核检测记录' });
