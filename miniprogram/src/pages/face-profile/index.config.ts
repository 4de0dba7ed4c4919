export default definePageConfig({ navigationBarTitleText: '人脸信息登记' });
