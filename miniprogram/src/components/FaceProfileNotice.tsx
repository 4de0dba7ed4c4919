import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SessionUser as User } from '@xf/domain/api/accounts';

/** Manual §01: the app and the mini-program may be used only after the brigade approved the face profile. */
export function FaceProfileNotice({ user }: { user: User }) {
  if (user.faceProfileStatus === 'approved') return null;
  const text =
    user.faceProfileStatus === 'pending'
      ? '人脸底图已提交，等待总队审核；审核通过后才能使用全部功能。'
      : user.faceProfileStatus === 'rejected'
        ? `人脸底图被驳回${user.faceProfileRejectReason ? `：${user.faceProfileRejectReason}` : ''}，请重新上传。`
        : '请先上传人脸底图，总队审核通过后才能使用全部功能。';
  return (
    <View className="notice" onClick={() => void Taro.navigateTo({ url: '/pages/face-profile/index' })}>
      <Text>{text}</Text>
      <Text className="link"> 去上传</Text>
    </View>
  );
}
