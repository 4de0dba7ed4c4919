import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { isValidPassword } from '@xf/domain';
import { useState } from 'react';
import { changePassword } from '../../auth/auth-api';
import { getSession } from '../../auth/session-store';

export default function PasswordPage() {
  const { params } = useRouter();
  const forced = params.forced === '1' || !!getSession()?.user.mustChangePassword;
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!oldPassword) return setError('原密码：请输入原密码');
    if (!isValidPassword(newPassword)) return setError('新密码：长度为6-20位');
    if (newPassword !== confirm) return setError('确认密码：两次输入的新密码不一致');
    if (newPassword === oldPassword) return setError('新密码：不能与原密码相同');
    setBusy(true);
    setError('');
    try {
      await changePassword(oldPassword, newPassword);
      await Taro.showToast({ title: '密码已修改', icon: 'success' });
      if (forced) await Taro.reLaunch({ url: '/pages/home/index' });
      else await Taro.navigateBack();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      {forced && <View className="notice">首次登录或密码被重置后，请先修改密码。</View>}
      <View className="card">
        <View className="field">
          <Text className="field-label">原密码</Text>
          <Input
            className="input"
            password
            placeholder="请输入原密码"
            value={oldPassword}
            onInput={(e) => setOld(e.detail.value)}
          />
        </View>
        <View className="field">
          <Text className="field-label">新密码</Text>
          <Input
            className="input"
            password
            placeholder="6-20位"
            value={newPassword}
            onInput={(e) => setNew(e.detail.value)}
          />
        </View>
        <View className="field">
          <Text className="field-label">确认新密码</Text>
          <Input
            className="input"
            password
            placeholder="再次输入新密码"
            value={confirm}
            onInput={(e) => setConfirm(e.detail.value)}
          />
        </View>
        {error && (
          <View className="field">
            <Text className="error-text">{error}</Text>
          </View>
        )}
        <Button className="btn" disabled={busy || undefined} onClick={() => void submit()}>
          确认修改
        </Button>
      </View>
    </View>
  );
}
