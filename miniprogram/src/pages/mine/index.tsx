import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useDidShow } from '@tarojs/taro';
import { logout, refreshMe, unbindWechat } from '../../auth/auth-api';
import { requireSession } from '../../auth/guard';
import { useSession } from '../../hooks/use-session';
import { FACE_STATUS_LABEL } from '../face-profile/status-label';
import { DevicePermissions } from './DevicePermissions';
import { PageShell } from '../../components/PageShell';

const isWeapp = process.env.TARO_ENV === 'weapp';

export default function MinePage() {
  const session = useSession();
  useDidShow(() => {
    if (!requireSession()) return;
    if (session?.user.kind === 'operator') void Taro.setNavigationBarTitle({ title: '我的设置' });
    refreshMe().catch(() => {
      /* offline: the stored profile is shown */
    });
  });
  if (!session) return <PageShell tab="/pages/mine/index" />;
  const { user } = session;

  const doUnbind = async () => {
    const { confirm } = await Taro.showModal({
      title: '解除微信绑定',
      content: '解除后需重新输入账号密码绑定，确定解除吗？',
    });
    if (!confirm) return;
    try {
      await unbindWechat();
      await Taro.reLaunch({ url: '/pages/login/index' });
    } catch (e) {
      await Taro.showToast({ title: (e as Error).message, icon: 'none' });
    }
  };

  const doLogout = async () => {
    await logout();
    await Taro.reLaunch({ url: '/pages/login/index' });
  };

  return (
    <PageShell tab="/pages/mine/index">
      <View className="card">
        <Text className="card-title">{user.displayName}</Text>
        <Text className="muted">{`账号：${user.accountName} · ${user.kindLabel}`}</Text>
      </View>
      <View className="card">
        <View
          className="list-item row"
          onClick={() => void Taro.navigateTo({ url: '/pages/face-profile/index' })}
        >
          <Text>人脸信息登记</Text>
          <Text className={user.faceProfileStatus === 'approved' ? 'ok-text' : 'warn-text'}>
            {FACE_STATUS_LABEL[user.faceProfileStatus]}
          </Text>
        </View>
        <View
          className="list-item row"
          onClick={() => void Taro.navigateTo({ url: '/pages/password/index' })}
        >
          <Text>修改密码</Text>
          <Text className="muted">›</Text>
        </View>
        {isWeapp && (
          <View className="list-item row" onClick={() => void doUnbind()}>
            <Text>解除微信绑定</Text>
            <Text className="muted">›</Text>
          </View>
        )}
      </View>
      {user.kind === 'operator' && <DevicePermissions />}
      <Button className="btn btn-plain" onClick={() => void doLogout()}>
        退出登录
      </Button>
    </PageShell>
  );
}
