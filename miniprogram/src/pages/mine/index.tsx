import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Dialog } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { logout, refreshMe, unbindWechat } from '../../auth/auth-api';
import { can, FIELD_WORK } from '../../auth/abilities';
import { requireSession } from '../../auth/guard';
import { useSession } from '../../hooks/use-session';
import { FACE_STATUS_LABEL } from '../face-profile/status-label';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { DevicePermissions } from './DevicePermissions';
import { PageShell } from '../../components/PageShell';

const isWeapp = process.env.TARO_ENV === 'weapp';

export default function MinePage() {
  const session = useSession();
  const [confirmUnbind, setConfirmUnbind] = useState(false);
  useDidShow(() => {
    if (!requireSession()) return;
    if (can(session?.user, FIELD_WORK)) void Taro.setNavigationBarTitle({ title: '我的设置' });
    refreshMe().catch(() => {
      /* offline: the stored profile is shown */
    });
  });
  if (!session) return <PageShell tab="/pages/mine/index" />;
  const { user } = session;

  const doUnbind = async () => {
    setConfirmUnbind(false);
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
      <CellGroup>
        <Cell
          title={<Text className="card-title">{user.displayName}</Text>}
          description={`账号：${user.accountName} · ${user.kindLabel}`}
        />
      </CellGroup>
      <CellGroup>
        <Cell
          clickable
          title="人脸信息登记"
          extra={
            <Text className={user.faceProfileStatus === 'approved' ? 'ok-text' : 'warn-text'}>
              {FACE_STATUS_LABEL[user.faceProfileStatus]}
            </Text>
          }
          onClick={() => void Taro.navigateTo({ url: '/pages/face-profile/index' })}
        />
        <Cell
          clickable
          title="修改密码"
          extra="›"
          onClick={() => void Taro.navigateTo({ url: '/pages/password/index' })}
        />
        {isWeapp && <Cell clickable title="解除微信绑定" extra="›" onClick={() => setConfirmUnbind(true)} />}
      </CellGroup>
      {can(user, FIELD_WORK) && <DevicePermissions />}
      <View className="form-actions">
        <Button block fill="outline" onClick={() => void doLogout()}>
          退出登录
        </Button>
      </View>
      <Dialog
        visible={confirmUnbind}
        title="解除微信绑定"
        content="解除后需重新输入账号密码绑定，确定解除吗？"
        onConfirm={() => void doUnbind()}
        onCancel={() => setConfirmUnbind(false)}
      />
      <PrivacyConsent />
    </PageShell>
  );
}
